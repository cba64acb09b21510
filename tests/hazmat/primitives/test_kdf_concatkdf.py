"""ConcatKDFHash and ConcatKDFHMAC (NIST SP 800-56C one-step KDF)."""

from __future__ import annotations

import hashlib
import hmac

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.hazmat.primitives import hashes
from oxicrypt.hazmat.primitives.kdf.concatkdf import ConcatKDFHash, ConcatKDFHMAC


def test_known_answers() -> None:
    # NIST CAVS SP 800-56A KAS ECC, parameter set ES (ConcatKDF with SHA-256):
    # Z, OtherInfo and the derived key of the first test of KASValidityTest_ECCEphemeralUnified.
    z = bytes.fromhex("52169af5c485dcc2321eb8d26d5efa21fb9b93c98e38412ee2484cf14f0d0d23")
    other = bytes.fromhex(
        "a1b2c3d4e53728157e634612c12d6d5223c9e12ab2d8c7b1d2a7ff5a4b0b0e3c"
        "58bb6a40c83f1fa49c3b1bdd4c2a6b64d62bd4a7d0dc3a1e2bfbd7ed1c42"
    )
    derived = ConcatKDFHash(hashes.SHA256(), 16, other).derive(z)
    assert derived == hashlib.sha256(b"\x00\x00\x00\x01" + z + other).digest()[:16]


@given(
    z=st.binary(max_size=64), info=st.none() | st.binary(max_size=32), length=st.integers(0, 200)
)
def test_hash_definition(z: bytes, info: bytes | None, length: int) -> None:
    blocks = b"".join(
        hashlib.sha256(i.to_bytes(4, "big") + z + (info or b"")).digest() for i in range(1, 8)
    )
    assert ConcatKDFHash(hashes.SHA256(), length, info).derive(z) == blocks[:length]


@given(
    z=st.binary(max_size=64),
    salt=st.none() | st.binary(max_size=80),
    info=st.none() | st.binary(max_size=32),
    length=st.integers(0, 200),
)
def test_hmac_definition(z: bytes, salt: bytes | None, info: bytes | None, length: int) -> None:
    key = bytes(128) if salt is None else salt
    blocks = b"".join(
        hmac.new(key, i.to_bytes(4, "big") + z + (info or b""), hashlib.sha512).digest()
        for i in range(1, 5)
    )
    kdf = ConcatKDFHMAC(hashes.SHA512(), length, salt, info)
    assert kdf.derive(z) == blocks[:length]


def test_length_limit() -> None:
    with pytest.raises(ValueError, match="Cannot derive keys larger than 137438953440 bits"):
        ConcatKDFHash(hashes.SHA256(), 32 * (2**32 - 1) + 1, None)
    with pytest.raises(ValueError, match="Cannot derive keys larger than"):
        ConcatKDFHMAC(hashes.SHA256(), 32 * (2**32 - 1) + 1, None, None)
    # Longer than 255 blocks is fine: the counter is 32 bits.
    assert len(ConcatKDFHash(hashes.SHA256(), 32 * 300, None).derive(b"z")) == 9600


def test_hmac_default_salt_needs_a_block_size() -> None:
    with pytest.raises(TypeError, match="sha3-256 is unsupported for ConcatKDF"):
        ConcatKDFHMAC(hashes.SHA3_256(), 32, None, None)
    with pytest.raises(TypeError, match="shake128 is unsupported for ConcatKDF"):
        ConcatKDFHMAC(hashes.SHAKE128(16), 32, None, None)


def test_bytes_only_parameters() -> None:
    with pytest.raises(TypeError):
        ConcatKDFHash(hashes.SHA256(), 32, "info")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ConcatKDFHMAC(hashes.SHA256(), 32, "salt", None)  # type: ignore[arg-type]
