"""Scrypt: RFC 7914 vectors, parameter checks and memory limits."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.hazmat.primitives.kdf import scrypt
from oxicrypt.hazmat.primitives.kdf.scrypt import Scrypt
from tests.hazmat.primitives.kdf_helpers import text_or_empty
from tests.vectors import load_records


def test_rfc7914_vectors() -> None:
    records = load_records("KDF", "scrypt.txt")
    assert len(records) >= 3
    for r in records:
        n, block, p = int(r["N"]), int(r["r"]), int(r["p"])
        if 128 * n * block > 64 * 1024 * 1024:
            continue  # the 1 GiB case
        kdf = Scrypt(text_or_empty(r, "SALT"), int(r["LENGTH"]), n, block, p)
        assert kdf.derive(text_or_empty(r, "PASSWORD")) == r.hex("DERIVED_KEY"), r.line


@given(
    password=st.binary(max_size=40),
    salt=st.binary(max_size=40),
    log_n=st.integers(1, 6),
    r=st.integers(1, 4),
    p=st.integers(1, 3),
    length=st.integers(1, 80),
)
def test_matches_hashlib(
    password: bytes, salt: bytes, log_n: int, r: int, p: int, length: int
) -> None:
    n = 2**log_n
    got = Scrypt(salt, length, n, r, p).derive(password)
    assert got == hashlib.scrypt(password, salt=salt, n=n, r=r, p=p, dklen=length)


@pytest.mark.parametrize("n", [0, 1, 3, 1000, 2**20 + 1])
def test_n_must_be_a_power_of_two_above_one(n: int) -> None:
    with pytest.raises(ValueError, match="n must be greater than 1 and be a power of 2"):
        Scrypt(b"salt", 32, n, 8, 1)


def test_r_and_p_must_be_positive() -> None:
    with pytest.raises(ValueError, match="r must be greater than or equal to 1"):
        Scrypt(b"salt", 32, 1024, 0, 1)
    with pytest.raises(ValueError, match="p must be greater than or equal to 1"):
        Scrypt(b"salt", 32, 1024, 8, 0)
    with pytest.raises(OverflowError):
        Scrypt(b"salt", 32, 1024, -1, 1)
    with pytest.raises(TypeError):
        Scrypt("salt", 32, 1024, 8, 1)  # type: ignore[arg-type]


def test_parameters_beyond_memory_raise_memory_error() -> None:
    with pytest.raises(MemoryError, match="require 1073741824MB of memory"):
        Scrypt(b"salt", 32, 2**40, 8, 1).derive(b"password")


def test_memory_limit_is_the_reference_one() -> None:
    import sys

    assert scrypt._MEM_LIMIT == sys.maxsize // 2
