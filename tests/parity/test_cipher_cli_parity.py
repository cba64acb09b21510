"""oxicrypt's ciphers equal ``openssl enc`` (``vectors/.../ciphers``): encryption and
decryption, in one call and in pieces; CBC and ECB with ``padding.PKCS7`` as ``enc`` pads."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from oxicrypt.hazmat.decrepit.ciphers import algorithms as decrepit_algorithms
from oxicrypt.hazmat.decrepit.ciphers import modes as decrepit_modes
from oxicrypt.hazmat.primitives import padding
from oxicrypt.hazmat.primitives.ciphers import Cipher, algorithms, modes
from oxicrypt_vectors import Vector

from ._vectors import chunks, vector_params

VECTORS = vector_params("ciphers")

_ALGORITHMS: dict[str, Callable[[bytes], Any]] = {
    "aes": algorithms.AES,
    "camellia": decrepit_algorithms.Camellia,
    "sm4": algorithms.SM4,
}
_MODES: dict[str, Callable[[bytes], Any]] = {
    "cbc": modes.CBC,
    "ecb": lambda _: modes.ECB(),
    "ctr": modes.CTR,
    "ofb": decrepit_modes.OFB,
    "cfb": decrepit_modes.CFB,
    "cfb8": decrepit_modes.CFB8,
}
_PADDED = frozenset({"cbc", "ecb"})


def _cipher(vector: Vector) -> tuple[Cipher, bool]:  # type: ignore[type-arg]
    """The oxicrypt cipher for a vector, and whether ``enc`` padded the message."""
    name, key, iv = vector["ALG"], vector.get_bytes("KEY"), vector.get_bytes("IV")
    if name == "chacha20":
        # enc's 16-byte IV (counter || nonce) is exactly oxicrypt's ChaCha20 nonce.
        return Cipher(algorithms.ChaCha20(key, iv), None), False
    family, mode = name.split("-")[0], name.split("-")[-1]
    return Cipher(_ALGORITHMS[family](key), _MODES[mode](iv)), mode in _PADDED


def test_every_cipher_has_vectors() -> None:
    names = {p.values[0]["ALG"] for p in VECTORS}
    expected = {f"aes-{b}-{m}" for b in (128, 192, 256) for m in _MODES}
    expected |= {"chacha20", "camellia-128-cbc", "camellia-192-cbc", "camellia-256-cbc"}
    assert names == expected | {"sm4-cbc"}
    assert len(VECTORS) == 7 * len(names)


@pytest.mark.parametrize("vector", VECTORS)
def test_encrypt(vector: Vector) -> None:
    cipher, padded = _cipher(vector)
    msg = vector.get_bytes("MSG")
    if padded:
        padder = padding.PKCS7(128).padder()
        msg = padder.update(msg) + padder.finalize()
    encryptor = cipher.encryptor()
    assert (encryptor.update(msg) + encryptor.finalize()).hex() == vector["CT"], vector.location
    pieces = cipher.encryptor()
    out = b"".join(pieces.update(piece) for piece in chunks(msg)) + pieces.finalize()
    assert out.hex() == vector["CT"], vector.location


@pytest.mark.parametrize("vector", VECTORS)
def test_decrypt(vector: Vector) -> None:
    cipher, padded = _cipher(vector)
    ct = vector.get_bytes("CT")
    decryptor = cipher.decryptor()
    out = b"".join(decryptor.update(piece) for piece in chunks(ct)) + decryptor.finalize()
    if padded:
        unpadder = padding.PKCS7(128).unpadder()
        out = unpadder.update(out) + unpadder.finalize()
    assert out.hex() == vector["MSG"], vector.location
