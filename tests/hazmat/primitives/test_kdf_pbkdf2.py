"""PBKDF2HMAC: RFC 6070 and Wycheproof vectors, parameter checks."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.exceptions import UnsupportedAlgorithm
from oxicrypt.hazmat.primitives import hashes
from oxicrypt.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from tests.hazmat.primitives.kdf_helpers import text_or_empty
from tests.vectors import load_records
from tests.wycheproof import WycheproofCase


def test_rfc6070_vectors() -> None:
    records = load_records("KDF", "rfc-6070-PBKDF2-SHA1.txt")
    assert len(records) >= 5
    for r in records:
        iterations = int(r["ITERATIONS"])
        if iterations > 100_000:
            continue  # 16777216 iterations: minutes of CPU for one known answer
        salt = text_or_empty(r, "SALT").replace(b"\\0", b"\0")
        kdf = PBKDF2HMAC(hashes.SHA1(), int(r["LENGTH"]), salt, iterations)
        password = text_or_empty(r, "PASSWORD").replace(b"\\0", b"\0")
        assert kdf.derive(password) == r.hex("DERIVED_KEY"), r.line


_WYCHEPROOF_HASHES = {
    "PBKDF2-HMACSHA1": hashes.SHA1,
    "PBKDF2-HMACSHA224": hashes.SHA224,
    "PBKDF2-HMACSHA256": hashes.SHA256,
    "PBKDF2-HMACSHA384": hashes.SHA384,
    "PBKDF2-HMACSHA512": hashes.SHA512,
}


@pytest.mark.wycheproof(
    "pbkdf2_hmacsha1_test",
    "pbkdf2_hmacsha224_test",
    "pbkdf2_hmacsha256_test",
    "pbkdf2_hmacsha384_test",
    "pbkdf2_hmacsha512_test",
)
def test_wycheproof(wycheproof_case: WycheproofCase) -> None:
    case = wycheproof_case
    assert case.valid, case
    t = case.test
    if t["iterationCount"] > 100_000:
        pytest.skip(f"{t['iterationCount']:,} iterations: minutes of CPU time per run")
    kdf = PBKDF2HMAC(
        _WYCHEPROOF_HASHES[case.algorithm](), t["dkLen"], case.hex("salt"), t["iterationCount"]
    )
    assert kdf.derive(case.hex("password")) == case.hex("dk"), case


@given(
    password=st.binary(max_size=80),
    salt=st.binary(max_size=40),
    iterations=st.integers(1, 50),
    length=st.integers(0, 100),
    name=st.sampled_from(["sha1", "sha256", "sha512", "sha3_256", "blake2b"]),
)
def test_matches_hashlib(
    password: bytes, salt: bytes, iterations: int, length: int, name: str
) -> None:
    algorithm = {
        "sha1": hashes.SHA1(),
        "sha256": hashes.SHA256(),
        "sha512": hashes.SHA512(),
        "sha3_256": hashes.SHA3_256(),
        "blake2b": hashes.BLAKE2b(64),
    }[name]
    got = PBKDF2HMAC(algorithm, length, salt, iterations).derive(password)
    if length == 0:
        assert got == b""
    else:
        assert got == hashlib.pbkdf2_hmac(name, password, salt, iterations, length)


def test_parameter_checks() -> None:
    with pytest.raises(ValueError, match="iterations must be greater than or equal to 1"):
        PBKDF2HMAC(hashes.SHA256(), 32, b"salt", 0)
    with pytest.raises(OverflowError):
        PBKDF2HMAC(hashes.SHA256(), 32, b"salt", -1)
    with pytest.raises(OverflowError):
        PBKDF2HMAC(hashes.SHA256(), -1, b"salt", 1)
    for salt in ("salt", bytearray(b"salt"), memoryview(b"salt")):
        with pytest.raises(TypeError, match="is not an instance of 'bytes'"):
            PBKDF2HMAC(hashes.SHA256(), 32, salt, 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Expected instance of hashes\.HashAlgorithm"):
        PBKDF2HMAC("sha256", 32, b"salt", 1)  # type: ignore[arg-type]


def test_xof_is_refused_when_deriving() -> None:
    kdf = PBKDF2HMAC(hashes.SHAKE128(16), 32, b"salt", 1)
    with pytest.raises(UnsupportedAlgorithm):
        kdf.derive(b"password")
