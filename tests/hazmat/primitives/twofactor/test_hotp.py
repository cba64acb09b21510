"""HOTP: the RFC 4226 vectors, verification, provisioning URIs, argument checks."""

from __future__ import annotations

from types import ModuleType
from typing import Callable

import pytest

from oxicrypt.hazmat.primitives import hashes
from oxicrypt.hazmat.primitives.twofactor import InvalidToken
from oxicrypt.hazmat.primitives.twofactor.hotp import HOTP
from tests.vectors import load_records

_KEY = b"12345678901234567890"


def test_rfc4226_vectors() -> None:
    records = load_records("twofactor", "rfc-4226.txt")
    assert len(records) == 10
    for r in records:
        hotp = HOTP(r["SECRET"].encode(), 6, hashes.SHA1())
        counter = int(r["COUNTER"])
        assert hotp.generate(counter) == r["HOTP"].encode()
        hotp.verify(r["HOTP"].encode(), counter)
        assert hotp._dynamic_truncate(counter) == int(r["TRUNCATED"], 16)


def test_lengths_and_algorithms() -> None:
    assert HOTP(_KEY, 8, hashes.SHA1()).generate(0) == b"84755224"
    assert HOTP(_KEY, 6, hashes.SHA256()).generate(0) == b"875740"
    assert len(HOTP(_KEY, 7, hashes.SHA512()).generate(12345)) == 7
    assert HOTP(bytearray(_KEY), 6, hashes.SHA1()).generate(0) == b"755224"


def test_verify_mismatch() -> None:
    hotp = HOTP(_KEY, 6, hashes.SHA1())
    for wrong in (b"000000", b"75522", b"7552240"):
        with pytest.raises(InvalidToken, match="Supplied HOTP value does not match"):
            hotp.verify(wrong, 0)
    with pytest.raises(TypeError):
        hotp.verify("755224", 0)  # type: ignore[arg-type]


def test_argument_checks() -> None:
    with pytest.raises(ValueError, match="Key length has to be at least 128 bits"):
        HOTP(b"x" * 15, 6, hashes.SHA1())
    assert len(HOTP(b"x" * 15, 6, hashes.SHA1(), enforce_key_length=False).generate(1)) == 6
    for length in (5, 9, True):
        with pytest.raises(ValueError, match="Length of HOTP has to be between 6 and 8"):
            HOTP(_KEY, length, hashes.SHA1())
    for length in (6.0, "6"):
        with pytest.raises(TypeError, match="Length parameter must be an integer type"):
            HOTP(_KEY, length, hashes.SHA1())  # type: ignore[arg-type]
    for algorithm in (hashes.MD5(), hashes.SHA384(), hashes.SHA3_256()):
        with pytest.raises(TypeError, match="Algorithm must be SHA1, SHA256 or SHA512"):
            HOTP(_KEY, 6, algorithm)  # type: ignore[arg-type]
    hotp = HOTP(_KEY, 6, hashes.SHA1())
    for counter in (-1, 2**64):
        with pytest.raises(ValueError, match="Counter must be between 0 and 18446744073709551615"):
            hotp.generate(counter)
    for counter in (1.0, "1"):
        with pytest.raises(TypeError, match="Counter parameter must be an integer type"):
            hotp.generate(counter)  # type: ignore[arg-type]
    assert hotp.generate(2**64 - 1) == HOTP(_KEY, 6, hashes.SHA1()).generate(2**64 - 1)


def test_provisioning_uri() -> None:
    hotp = HOTP(_KEY, 6, hashes.SHA1())
    assert hotp.get_provisioning_uri("alice@example.com", 5, "Example Co") == (
        "otpauth://hotp/Example%20Co:alice%40example.com?digits=6"
        "&secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&algorithm=SHA1&issuer=Example+Co&counter=5"
    )
    assert HOTP(_KEY, 8, hashes.SHA256()).get_provisioning_uri("bob", 0, None) == (
        "otpauth://hotp/bob?digits=8&secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
        "&algorithm=SHA256&counter=0"
    )


def test_matches_the_reference(reference: Callable[[str], ModuleType]) -> None:
    ref_hotp = reference("hazmat.primitives.twofactor.hotp")
    ref_hashes = reference("hazmat.primitives.hashes")
    for key in (b"k" * 16, b"k" * 20, bytes(range(64))):
        for name in ("SHA1", "SHA256", "SHA512"):
            ours = HOTP(key, 6, getattr(hashes, name)())
            theirs = ref_hotp.HOTP(key, 6, getattr(ref_hashes, name)())
            for issuer in (None, "", "Iss: uer/&"):
                assert ours.get_provisioning_uri("a b:c", 3, issuer) == (
                    theirs.get_provisioning_uri("a b:c", 3, issuer)
                )
            for counter in (0, 1, 2**32, 2**64 - 1):
                assert ours.generate(counter) == theirs.generate(counter)
