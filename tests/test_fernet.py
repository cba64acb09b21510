"""Fernet and MultiFernet: the spec's vectors, TTLs, tampering, rotation, argument checks,
and interoperability with the reference."""

from __future__ import annotations

import base64
import datetime
import json
import time
from types import ModuleType
from typing import Any, Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.fernet import Fernet, InvalidToken, MultiFernet
from tests.vectors import vector_path


def _spec(name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(vector_path("fernet", name).read_text())
    return data


def _timestamp(text: str) -> int:
    return int(datetime.datetime.fromisoformat(text).timestamp())


def test_spec_generate() -> None:
    vectors = _spec("generate.json")
    assert vectors
    for v in vectors:
        f = Fernet(v["secret"])
        token = f._encrypt_from_parts(v["src"].encode(), _timestamp(v["now"]), bytes(v["iv"]))
        assert token == v["token"].encode()


def test_spec_verify() -> None:
    vectors = _spec("verify.json")
    assert vectors
    for v in vectors:
        f = Fernet(v["secret"].encode())
        now = _timestamp(v["now"])
        assert f.decrypt_at_time(v["token"], v["ttl_sec"], now) == v["src"].encode()
        assert f.extract_timestamp(v["token"]) <= now


def test_spec_invalid() -> None:
    vectors = _spec("invalid.json")
    assert len(vectors) >= 8
    for v in vectors:
        f = Fernet(v["secret"])
        with pytest.raises(InvalidToken):
            f.decrypt_at_time(v["token"], v["ttl_sec"], _timestamp(v["now"]))
        with pytest.raises(InvalidToken):
            f.decrypt_at_time(v["token"].encode(), v["ttl_sec"], _timestamp(v["now"]))


def test_round_trip_and_timestamp() -> None:
    f = Fernet(Fernet.generate_key())
    before = int(time.time())
    token = f.encrypt(b"secret message")
    assert f.decrypt(token) == b"secret message"
    assert f.decrypt(token.decode()) == b"secret message"
    assert f.decrypt(token, ttl=100) == b"secret message"
    assert before <= f.extract_timestamp(token) <= int(time.time())


def test_ttl_boundaries() -> None:
    f = Fernet(Fernet.generate_key())
    token = f.encrypt_at_time(b"x", 1000)
    assert f.decrypt_at_time(token, 10, 1010) == b"x"
    with pytest.raises(InvalidToken):
        f.decrypt_at_time(token, 10, 1011)
    # Tokens up to 60 seconds in the future are accepted, not more.
    assert f.decrypt_at_time(token, 10, 940) == b"x"
    with pytest.raises(InvalidToken):
        f.decrypt_at_time(token, 10, 939)
    # Without a TTL, the time is not checked at all.
    assert f.decrypt(token) == b"x"
    # Non-integer TTLs and times compare as numbers.
    assert f.decrypt_at_time(token, 10.5, 1010) == b"x"
    assert f.decrypt_at_time(token, 2**70, 2**69) == b"x"
    with pytest.raises(ValueError, match="decrypt_at_time\\(\\) can only be used with a non-None"):
        f.decrypt_at_time(token, None, 1000)  # type: ignore[arg-type]


def test_any_tampering_is_detected() -> None:
    f = Fernet(Fernet.generate_key())
    raw = bytearray(base64.urlsafe_b64decode(f.encrypt_at_time(b"0123456789abcdef!", 1000)))
    for i in range(len(raw)):
        for bit in (0x01, 0x80):
            changed = bytearray(raw)
            changed[i] ^= bit
            with pytest.raises(InvalidToken):
                f.decrypt(base64.urlsafe_b64encode(bytes(changed)))
    for cut in (0, 1, 9, 25, 41, len(raw) - 1):
        with pytest.raises(InvalidToken):
            f.decrypt(base64.urlsafe_b64encode(bytes(raw[:cut])))
    with pytest.raises(InvalidToken):
        Fernet(Fernet.generate_key()).decrypt(base64.urlsafe_b64encode(bytes(raw)))


def test_lenient_base64_as_in_the_reference() -> None:
    f = Fernet(Fernet.generate_key())
    token = f.encrypt(b"hello")
    # urlsafe_b64decode skips characters outside the alphabet and takes + and /.
    assert f.decrypt(b"!" + token + b"\n") == b"hello"
    assert f.decrypt(token.replace(b"-", b"+").replace(b"_", b"/")) == b"hello"
    with pytest.raises(InvalidToken):
        f.decrypt(token.rstrip(b"="))
    for bad in (b"", b"garbage", b"\x80" * 10):
        with pytest.raises(InvalidToken):
            f.decrypt(bad)


def test_argument_checks() -> None:
    key = Fernet.generate_key()
    f = Fernet(key)
    Fernet(key.decode())
    Fernet(bytearray(key))
    for bad_key in (b"!!!", base64.urlsafe_b64encode(bytes(31)), b""):
        with pytest.raises(ValueError, match="Fernet key must be 32 url-safe base64-encoded"):
            Fernet(bad_key)
    with pytest.raises(TypeError):
        Fernet(None)  # type: ignore[arg-type]
    for data in ("text", bytearray(b"x"), memoryview(b"x")):
        with pytest.raises(TypeError, match="data must be bytes"):
            f.encrypt(data)  # type: ignore[arg-type]
    for token in (5, bytearray(f.encrypt(b"x")), None):
        with pytest.raises(TypeError, match="token must be bytes or str"):
            f.decrypt(token)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            f.extract_timestamp(token)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ASCII"):
        f.decrypt("\u00e9")
    with pytest.raises(OverflowError):
        f.encrypt_at_time(b"x", -1)


def test_multi_fernet() -> None:
    old, new = Fernet(Fernet.generate_key()), Fernet(Fernet.generate_key())
    token = old.encrypt_at_time(b"payload", 1000)
    multi = MultiFernet(iter([new, old]))
    assert multi.decrypt(token) == b"payload"
    assert multi.decrypt_at_time(token, 100, 1050) == b"payload"
    assert multi.extract_timestamp(token) == 1000
    rotated = multi.rotate(token)
    assert new.decrypt(rotated) == b"payload"
    assert new.extract_timestamp(rotated) == 1000
    with pytest.raises(InvalidToken):
        old.decrypt(rotated)
    assert new.decrypt(multi.encrypt(b"fresh")) == b"fresh"
    stranger = MultiFernet([Fernet(Fernet.generate_key())])
    for call in (stranger.decrypt, stranger.rotate, stranger.extract_timestamp):
        with pytest.raises(InvalidToken):
            call(token)
    with pytest.raises(InvalidToken):
        stranger.rotate(b"garbage")
    with pytest.raises(ValueError, match="MultiFernet requires at least one Fernet instance"):
        MultiFernet([])


@given(data=st.binary(max_size=300), now=st.integers(0, 2**63))
def test_interoperates_with_the_reference(
    data: bytes, now: int, reference: Callable[[str], ModuleType]
) -> None:
    ref = reference("fernet")
    key = Fernet.generate_key()
    ours, theirs = Fernet(key), ref.Fernet(key)
    assert theirs.decrypt(ours.encrypt_at_time(data, now)) == data
    assert ours.decrypt(theirs.encrypt_at_time(data, now)) == data
    assert ours.extract_timestamp(theirs.encrypt_at_time(data, now)) == now
    iv = bytes(range(16))
    assert ours._encrypt_from_parts(data, now, iv) == theirs._encrypt_from_parts(data, now, iv)


@given(token=st.binary(max_size=120) | st.text(alphabet="AZaz09-_=+/!", max_size=120))
def test_garbage_is_refused_like_the_reference(
    token: bytes | str, reference: Callable[[str], ModuleType]
) -> None:
    ref = reference("fernet")
    key = Fernet.generate_key()

    def outcome(module: Any) -> str:
        try:
            return repr(module.Fernet(key).decrypt(token))
        except Exception as e:
            return type(e).__name__

    assert outcome(__import__("oxicrypt.fernet", fromlist=["Fernet"])) == outcome(ref)
