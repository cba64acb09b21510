"""Symmetric cipher algorithms: AES (with :class:`AES128` and :class:`AES256` for code
that wants the key size fixed by the type), ChaCha20 and SM4. The older ciphers live in
:mod:`oxicrypt.hazmat.decrepit.ciphers.algorithms`; the names still importable from here
warn that they moved."""

from __future__ import annotations

from oxicrypt import utils
from oxicrypt.hazmat.decrepit.ciphers.algorithms import (
    ARC4 as ARC4,
)
from oxicrypt.hazmat.decrepit.ciphers.algorithms import (
    CAST5 as CAST5,
)
from oxicrypt.hazmat.decrepit.ciphers.algorithms import (
    IDEA as IDEA,
)
from oxicrypt.hazmat.decrepit.ciphers.algorithms import (
    SEED as SEED,
)
from oxicrypt.hazmat.decrepit.ciphers.algorithms import (
    Blowfish as Blowfish,
)
from oxicrypt.hazmat.decrepit.ciphers.algorithms import (
    Camellia as Camellia,
)
from oxicrypt.hazmat.decrepit.ciphers.algorithms import (
    TripleDES as TripleDES,
)
from oxicrypt.hazmat.primitives._cipheralgorithm import (
    BlockCipherAlgorithm,
    CipherAlgorithm,
    _check_byteslike,
    _verify_key_size,
)


class AES(BlockCipherAlgorithm):
    """AES with a 128-, 192- or 256-bit key; 512-bit keys (two AES-256 keys) are for XTS
    only."""

    name = "AES"
    block_size = 128
    key_sizes = frozenset([128, 192, 256, 512])

    def __init__(self, key: utils.Buffer):
        self.key = _verify_key_size(self, key)

    @property
    def key_size(self) -> int:
        return len(self.key) * 8  # type: ignore[arg-type]


class AES128(BlockCipherAlgorithm):
    """AES that only accepts a 128-bit key."""

    name = "AES"
    block_size = 128
    key_sizes = frozenset([128])
    key_size = 128

    def __init__(self, key: utils.Buffer):
        self.key = _verify_key_size(self, key)


class AES256(BlockCipherAlgorithm):
    """AES that only accepts a 256-bit key."""

    name = "AES"
    block_size = 128
    key_sizes = frozenset([256])
    key_size = 256

    def __init__(self, key: utils.Buffer):
        self.key = _verify_key_size(self, key)


class ChaCha20(CipherAlgorithm):
    """The ChaCha20 stream cipher (used without a mode). The 16-byte ``nonce`` is
    OpenSSL's layout: a 32-bit little-endian block counter followed by RFC 7539's 96-bit
    nonce."""

    name = "ChaCha20"
    key_sizes = frozenset([256])

    def __init__(self, key: utils.Buffer, nonce: utils.Buffer):
        self.key = _verify_key_size(self, key)
        _check_byteslike("nonce", nonce)
        if len(nonce) != 16:  # type: ignore[arg-type]
            raise ValueError("nonce must be 128-bits (16 bytes)")
        self._nonce = nonce

    @property
    def nonce(self) -> utils.Buffer:
        """The counter and nonce, 16 bytes."""
        return self._nonce

    @property
    def key_size(self) -> int:
        return len(self.key) * 8  # type: ignore[arg-type]


class SM4(BlockCipherAlgorithm):
    """SM4 (GB/T 32907-2016), 128-bit blocks and keys."""

    name = "SM4"
    block_size = 128
    key_sizes = frozenset([128])

    def __init__(self, key: bytes):
        self.key = _verify_key_size(self, key)

    @property
    def key_size(self) -> int:
        return len(self.key) * 8  # type: ignore[arg-type]


def _moved(name: str, removal: str) -> None:
    utils.deprecated(
        globals()[name],
        __name__,
        f"{name} has been moved to oxicrypt.hazmat.decrepit.ciphers.algorithms.{name} and "
        f"will be removed from oxicrypt.hazmat.primitives.ciphers.algorithms in {removal}.",
        utils.DeprecatedIn43,
        name=name,
    )


# The versions are the reference's announced removal releases.
_moved("Camellia", "49.0.0")
_moved("ARC4", "48.0.0")
_moved("TripleDES", "48.0.0")
