"""``constant_time.bytes_eq``: equality of two bytes objects."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.hazmat.primitives import constant_time


@pytest.mark.parametrize(
    ("a", "b", "equal"),
    [
        (b"", b"", True),
        (b"abc", b"abc", True),
        (bytes(range(256)), bytes(range(256)), True),
        (b"abc", b"abd", False),
        (b"abc", b"Abc", False),
        (b"abc", b"ab", False),
        (b"ab", b"abc", False),
        (b"", b"\x00", False),
        (b"\x00" * 64, b"\x00" * 63 + b"\x01", False),
    ],
)
def test_bytes_eq(a: bytes, b: bytes, equal: bool) -> None:
    assert constant_time.bytes_eq(a, b) is equal
    assert constant_time.bytes_eq(b, a) is equal


@given(a=st.binary(max_size=100), b=st.binary(max_size=100))
def test_agrees_with_operator(a: bytes, b: bytes) -> None:
    assert constant_time.bytes_eq(a, b) is (a == b)
    assert constant_time.bytes_eq(a, a) is True


class _Bytes(bytes):
    pass


def test_bytes_subclass() -> None:
    assert constant_time.bytes_eq(_Bytes(b"x"), b"x") is True


@pytest.mark.parametrize(
    "other",
    ["abc", bytearray(b"abc"), memoryview(b"abc"), None, 5, [97, 98, 99]],
    ids=["str", "bytearray", "memoryview", "None", "int", "list"],
)
def test_only_bytes(other: object) -> None:
    with pytest.raises(TypeError):
        constant_time.bytes_eq(other, b"abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        constant_time.bytes_eq(b"abc", other)  # type: ignore[arg-type]
