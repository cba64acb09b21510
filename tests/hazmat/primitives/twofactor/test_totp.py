"""TOTP: the RFC 6238 vectors, verification, provisioning URIs."""

from __future__ import annotations

import pytest

from oxicrypt.hazmat.primitives import hashes
from oxicrypt.hazmat.primitives.twofactor import InvalidToken
from oxicrypt.hazmat.primitives.twofactor.totp import TOTP
from tests.vectors import load_records

_MODES = {"SHA1": hashes.SHA1, "SHA256": hashes.SHA256, "SHA512": hashes.SHA512}


def test_rfc6238_vectors() -> None:
    records = load_records("twofactor", "rfc-6238.txt")
    assert len(records) == 18
    for r in records:
        totp = TOTP(r["SECRET"].encode(), 8, _MODES[r["MODE"]](), 30)
        time = int(r["TIME"])
        assert totp.generate(time) == r["TOTP"].encode(), r.line
        totp.verify(r["TOTP"].encode(), time)


def test_time_handling() -> None:
    totp = TOTP(b"12345678901234567890", 8, hashes.SHA1(), 30)
    assert totp.generate(59.9) == b"94287082"
    assert totp.generate(30) == totp.generate(59)
    with pytest.raises(TypeError, match="Time parameter must be an integer type or float type"):
        totp.generate("59")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Counter must be between"):
        totp.generate(-60)
    with pytest.raises(InvalidToken, match="Supplied TOTP value does not match"):
        totp.verify(b"94287083", 59)


def test_key_length_is_enforced_unless_disabled() -> None:
    with pytest.raises(ValueError, match="Key length has to be at least 128 bits"):
        TOTP(b"short", 6, hashes.SHA1(), 30)
    assert len(TOTP(b"short", 6, hashes.SHA1(), 30, enforce_key_length=False).generate(0)) == 6


def test_provisioning_uri() -> None:
    totp = TOTP(b"12345678901234567890", 8, hashes.SHA1(), 30)
    assert totp.get_provisioning_uri("alice", "Example") == (
        "otpauth://totp/Example:alice?digits=8&secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
        "&algorithm=SHA1&issuer=Example&period=30"
    )
    assert TOTP(b"k" * 16, 6, hashes.SHA512(), 60).get_provisioning_uri("bob", None) == (
        "otpauth://totp/bob?digits=6&secret=NNVWW23LNNVWW23LNNVWW23LNM%3D%3D%3D%3D%3D%3D"
        "&algorithm=SHA512&period=60"
    )
