"""Every (algorithm, mode) pair ``Cipher`` offers, as builders that take random bytes, so
that property and differential tests can walk all of them. ``lib`` is the package root
(``oxicrypt`` or, for the oracle, ``cryptography``), imported by the caller."""

from __future__ import annotations

import dataclasses
import importlib
import warnings
from types import ModuleType
from typing import Any


@dataclasses.dataclass(frozen=True)
class CipherCase:
    """An algorithm in a mode: class names within ``lib``, and the sizes they take."""

    algorithm: str  # "module:Class"
    mode: str | None  # "module:Class" or None for stream ciphers
    key_len: int
    iv_len: int  # 0 for ECB and the stream ciphers without a nonce
    block_len: int  # 1 for modes that take any length

    @property
    def id(self) -> str:
        mode = self.mode.split(":")[1] if self.mode else "none"
        return f"{self.algorithm.split(':')[1]}-{self.key_len * 8}-{mode}"

    def build(self, lib: str, key: bytes, iv: bytes) -> Any:
        """``Cipher(algorithm(key), mode(iv))`` from package ``lib``."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            alg_cls = _get(lib, self.algorithm)
            algorithm = alg_cls(key, iv) if alg_cls.__name__ == "ChaCha20" else alg_cls(key)
            mode = None
            if self.mode is not None:
                mode_cls = _get(lib, self.mode)
                mode = mode_cls() if mode_cls.__name__ == "ECB" else mode_cls(iv)
        cipher_cls = _get(lib, "hazmat.primitives.ciphers:Cipher")
        return cipher_cls(algorithm, mode)


def _get(lib: str, path: str) -> Any:
    module_name, name = path.split(":")
    module: ModuleType = importlib.import_module(f"{lib}.{module_name}")
    return getattr(module, name)


_A = "hazmat.primitives.ciphers.algorithms"
_D = "hazmat.decrepit.ciphers.algorithms"
_M = "hazmat.primitives.ciphers.modes"
_DM = "hazmat.decrepit.ciphers.modes"


def _block_modes(
    algorithm: str, key_lens: list[int], block: int, names: list[str]
) -> list[CipherCase]:
    cases = []
    for key_len in key_lens:
        for name in names:
            module = _DM if name in ("OFB", "CFB", "CFB8") else _M
            stream = name not in ("ECB", "CBC")
            cases.append(
                CipherCase(
                    algorithm,
                    f"{module}:{name}",
                    key_len,
                    0 if name == "ECB" else block,
                    1 if stream else block,
                )
            )
    return cases


CASES: list[CipherCase] = [
    *_block_modes(f"{_A}:AES", [16, 24, 32], 16, ["ECB", "CBC", "CTR", "OFB", "CFB", "CFB8"]),
    *_block_modes(f"{_A}:AES128", [16], 16, ["CBC", "CTR"]),
    *_block_modes(f"{_A}:AES256", [32], 16, ["ECB", "OFB"]),
    *_block_modes(f"{_D}:Camellia", [16, 24, 32], 16, ["ECB", "CBC", "OFB", "CFB"]),
    *_block_modes(f"{_D}:TripleDES", [24], 8, ["ECB", "CBC", "OFB", "CFB", "CFB8"]),
    *_block_modes(f"{_D}:Blowfish", [4, 16, 56], 8, ["ECB", "CBC", "OFB", "CFB"]),
    *_block_modes(f"{_D}:CAST5", [5, 16], 8, ["ECB", "CBC", "OFB", "CFB"]),
    *_block_modes(f"{_D}:SEED", [16], 16, ["ECB", "CBC", "OFB", "CFB"]),
    *_block_modes(f"{_D}:IDEA", [16], 8, ["ECB", "CBC", "OFB", "CFB"]),
    *_block_modes(f"{_A}:SM4", [16], 16, ["ECB", "CBC", "CTR", "OFB", "CFB"]),
    *_block_modes(f"{_D}:RC2", [16], 8, ["CBC"]),
    CipherCase(f"{_D}:ARC4", None, 16, 0, 1),
    CipherCase(f"{_D}:ARC4", None, 5, 0, 1),
    CipherCase(f"{_A}:ChaCha20", None, 32, 16, 1),
]
