"""HKDF and HKDFExpand: RFC 5869 and Wycheproof vectors, extract, length limits."""

from __future__ import annotations

import hashlib
import hmac

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.exceptions import UnsupportedAlgorithm
from oxicrypt.hazmat.primitives import hashes
from oxicrypt.hazmat.primitives.kdf.hkdf import HKDF, HKDFExpand
from tests.hazmat.primitives.kdf_helpers import hex_or_empty, load_by_count
from tests.wycheproof import WycheproofCase

_HASHES = {"SHA-1": hashes.SHA1, "SHA-256": hashes.SHA256}


@pytest.mark.parametrize(
    "filename", ["rfc-5869-HKDF-SHA1.txt", "rfc-5869-HKDF-SHA256.txt", "hkdf-generated.txt"]
)
def test_vectors(filename: str) -> None:
    records = load_by_count("KDF", filename)
    assert records
    for r in records:
        algorithm = _HASHES[r["Hash"]]
        ikm, salt, info = r.hex("IKM"), hex_or_empty(r, "salt"), hex_or_empty(r, "info")
        length = int(r["L"])
        okm = r.hex("OKM")
        assert HKDF(algorithm(), length, salt or None, info or None).derive(ikm) == okm
        if "PRK" in r:
            prk = r.hex("PRK")
            assert HKDF.extract(algorithm(), salt or None, ikm) == prk
            assert HKDFExpand(algorithm(), length, info).derive(prk) == okm


_WYCHEPROOF_HASHES = {
    "HKDF-SHA-1": hashes.SHA1,
    "HKDF-SHA-256": hashes.SHA256,
    "HKDF-SHA-384": hashes.SHA384,
    "HKDF-SHA-512": hashes.SHA512,
}


@pytest.mark.wycheproof(
    "hkdf_sha1_test", "hkdf_sha256_test", "hkdf_sha384_test", "hkdf_sha512_test"
)
def test_wycheproof(wycheproof_case: WycheproofCase) -> None:
    case = wycheproof_case
    algorithm = _WYCHEPROOF_HASHES[case.algorithm]()
    size = case.test["size"]
    salt = case.hex("salt")
    if case.invalid:
        # Only "SizeTooLarge": more than 255 blocks.
        assert size > 255 * algorithm.digest_size, case
        with pytest.raises(ValueError, match="Cannot derive keys larger than"):
            HKDF(algorithm, size, salt, case.hex("info"))
        return
    kdf = HKDF(algorithm, size, salt or None, case.hex("info"))
    assert kdf.derive(case.hex("ikm")) == case.hex("okm"), case


@given(
    ikm=st.binary(max_size=64),
    salt=st.none() | st.binary(max_size=64),
    info=st.none() | st.binary(max_size=64),
    length=st.integers(0, 255 * 32),
)
def test_extract_then_expand(
    ikm: bytes, salt: bytes | None, info: bytes | None, length: int
) -> None:
    prk = hmac.new(salt or bytes(32), ikm, hashlib.sha256).digest()
    assert HKDF.extract(hashes.SHA256(), salt, ikm) == prk
    expected = HKDFExpand(hashes.SHA256(), length, info).derive(prk)
    assert HKDF(hashes.SHA256(), length, salt, info).derive(ikm) == expected
    assert len(expected) == length


def test_length_limit() -> None:
    assert len(HKDF(hashes.SHA256(), 255 * 32, None, None).derive(b"k")) == 8160
    with pytest.raises(ValueError, match="Cannot derive keys larger than 8160 octets"):
        HKDF(hashes.SHA256(), 255 * 32 + 1, None, None)
    with pytest.raises(ValueError, match="Cannot derive keys larger than 16320 octets"):
        HKDFExpand(hashes.SHA512(), 255 * 64 + 1, None)


def test_bytes_only_parameters() -> None:
    with pytest.raises(TypeError):
        HKDF(hashes.SHA256(), 32, "salt", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        HKDF(hashes.SHA256(), 32, None, bytearray(b"info"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        HKDF.extract(hashes.SHA256(), "salt", b"k")  # type: ignore[arg-type]


def test_xof_is_refused() -> None:
    kdf = HKDF(hashes.SHAKE128(16), 32, None, None)
    with pytest.raises(UnsupportedAlgorithm):
        kdf.derive(b"k")
    with pytest.raises(UnsupportedAlgorithm):
        HKDF.extract(hashes.SHAKE128(16), None, b"k")
