"""Poly1305: RFC 8439 vectors, one-shot helpers, context rules."""

from __future__ import annotations

from types import ModuleType
from typing import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.exceptions import AlreadyFinalized, InvalidSignature
from oxicrypt.hazmat.primitives.poly1305 import Poly1305
from tests.vectors import load_records


def test_rfc_vectors() -> None:
    records = load_records("poly1305", "rfc7539.txt")
    assert len(records) >= 10
    for r in records:
        key, msg, tag = r.hex("KEY"), r.hex("MSG"), r.hex("TAG")
        assert Poly1305.generate_tag(key, msg) == tag, r.line
        Poly1305.verify_tag(key, msg, tag)
        ctx = Poly1305(key)
        ctx.update(msg[:5])
        ctx.update(msg[5:])
        ctx.verify(tag)


def test_wrong_tags() -> None:
    key = bytes(range(32))
    tag = Poly1305.generate_tag(key, b"msg")
    for bad in (tag[:-1] + bytes([tag[-1] ^ 1]), tag[:8], b""):
        with pytest.raises(InvalidSignature, match="Value did not match computed tag"):
            Poly1305.verify_tag(key, b"msg", bad)
    with pytest.raises(TypeError):
        Poly1305.verify_tag(key, b"msg", bytearray(tag))  # type: ignore[arg-type]


@pytest.mark.parametrize("size", [0, 16, 31, 33])
def test_key_must_be_32_bytes(size: int) -> None:
    with pytest.raises(ValueError, match="A poly1305 key is 32 bytes long"):
        Poly1305(bytes(size))
    with pytest.raises(ValueError):
        Poly1305.generate_tag(bytes(size), b"")


def test_context_rules() -> None:
    ctx = Poly1305(bytearray(32))
    ctx.update(memoryview(b"abc"))
    ctx.finalize()
    for call in (ctx.finalize, lambda: ctx.update(b""), lambda: ctx.verify(bytes(16))):
        with pytest.raises(AlreadyFinalized, match="Context was already finalized"):
            call()
    failed = Poly1305(bytes(32))
    with pytest.raises(InvalidSignature):
        failed.verify(b"\x01" * 16)
    with pytest.raises(AlreadyFinalized):
        failed.update(b"")
    assert not hasattr(Poly1305(bytes(32)), "copy")


def test_argument_types() -> None:
    with pytest.raises(TypeError):
        Poly1305("k" * 32)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Poly1305(bytes(32)).update("text")  # type: ignore[arg-type]


@given(key=st.binary(min_size=32, max_size=32), data=st.binary(max_size=300))
def test_matches_the_reference(
    key: bytes, data: bytes, reference: Callable[[str], ModuleType]
) -> None:
    ref = reference("hazmat.primitives.poly1305")
    assert Poly1305.generate_tag(key, data) == ref.Poly1305.generate_tag(key, data)
