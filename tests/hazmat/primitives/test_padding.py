"""PKCS7 and ANSIX923 padding: round trips, malformed padding, context rules."""

from __future__ import annotations

from types import ModuleType
from typing import Any, Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.exceptions import AlreadyFinalized
from oxicrypt.hazmat.primitives import padding

_SCHEMES = [padding.PKCS7, padding.ANSIX923]


def _run(ctx: padding.PaddingContext, *parts: bytes) -> bytes:
    return b"".join(bytes(ctx.update(p)) for p in parts) + ctx.finalize()


@pytest.mark.parametrize("block_size", [-8, 1, 7, 9, 2048, 2056])
def test_block_size_checks(block_size: int) -> None:
    for scheme in _SCHEMES:
        with pytest.raises(ValueError, match="block_size must be"):
            scheme(block_size)


def test_block_size_messages() -> None:
    with pytest.raises(ValueError, match=r"block_size must be in range\(0, 2041\)"):
        padding.PKCS7(2048)
    with pytest.raises(ValueError, match="block_size must be a multiple of 8"):
        padding.PKCS7(12)
    # The reference accepts 0 when constructing; no context can use it.
    with pytest.raises(ValueError):
        padding.PKCS7(0).padder()


def test_known_paddings() -> None:
    assert _run(padding.PKCS7(128).padder(), b"abc") == b"abc" + b"\x0d" * 13
    assert _run(padding.PKCS7(64).padder(), b"12345678") == b"12345678" + b"\x08" * 8
    assert _run(padding.ANSIX923(64).padder(), b"abc") == b"abc\x00\x00\x00\x00\x05"
    assert _run(padding.ANSIX923(64).padder(), b"") == b"\x00" * 7 + b"\x08"
    assert len(_run(padding.PKCS7(2040).padder(), b"abc")) == 255


def test_padder_passes_data_through() -> None:
    padder = padding.PKCS7(128).padder()
    data = bytearray(b"abc")
    assert padder.update(data) is data
    view = memoryview(b"defg")
    assert padder.update(view) is view
    assert padder.finalize() == b"\x09" * 9


def test_unpadder_holds_back_the_last_block() -> None:
    unpadder = padding.PKCS7(128).unpadder()
    assert unpadder.update(b"a" * 15) == b""
    assert unpadder.update(b"\x01" * 2) == b""
    assert unpadder.update(b"a" * 14 + b"\x01") == b"a" * 15 + b"\x01"
    assert unpadder.finalize() == b"\x01" + b"a" * 14


@pytest.mark.parametrize(
    ("scheme", "block"),
    [
        (padding.PKCS7, b"a" * 16),
        (padding.PKCS7, b"a" * 15 + b"\x00"),
        (padding.PKCS7, b"a" * 15 + b"\x11"),
        (padding.PKCS7, b"a" * 14 + b"\x01\x02"),
        (padding.PKCS7, b"a" * 12 + b"\x04\x04\x05\x04"),
        (padding.ANSIX923, b"a" * 14 + b"\x01\x02"),
        (padding.ANSIX923, b"a" * 15 + b"\x00"),
        (padding.ANSIX923, b"\x00" * 15 + b"\x11"),
    ],
)
def test_malformed_padding(scheme: Any, block: bytes) -> None:
    unpadder = scheme(128).unpadder()
    unpadder.update(block)
    with pytest.raises(ValueError, match="Invalid padding bytes"):
        unpadder.finalize()
    # A failed finalize still ends the context.
    with pytest.raises(AlreadyFinalized):
        unpadder.update(b"")


@pytest.mark.parametrize("data", [b"", b"a" * 15, b"a" * 17])
def test_incomplete_blocks_are_refused(data: bytes) -> None:
    for scheme in _SCHEMES:
        unpadder = scheme(128).unpadder()
        unpadder.update(data)
        with pytest.raises(ValueError, match="Invalid padding bytes"):
            unpadder.finalize()


def test_context_rules() -> None:
    for scheme in _SCHEMES:
        for ctx in (scheme(128).padder(), scheme(128).unpadder()):
            assert isinstance(ctx, padding.PaddingContext)
            if ctx.__class__.__name__.endswith("UnpaddingContext"):
                ctx.update(_run(scheme(128).padder(), b"x"))
            ctx.finalize()
            with pytest.raises(AlreadyFinalized, match="Context was already finalized"):
                ctx.update(b"")
            with pytest.raises(AlreadyFinalized):
                ctx.finalize()


def test_argument_types() -> None:
    for ctx in (padding.PKCS7(128).padder(), padding.PKCS7(128).unpadder()):
        for bad in ("text", None, 5, [1]):
            with pytest.raises(TypeError):
                ctx.update(bad)  # type: ignore[arg-type]


@given(
    data=st.lists(st.binary(max_size=40), max_size=5),
    block_size=st.sampled_from([8, 64, 128, 256, 2040]),
    scheme=st.sampled_from(_SCHEMES),
)
def test_round_trip(data: list[bytes], block_size: int, scheme: Any) -> None:
    padded = _run(scheme(block_size).padder(), *data)
    assert len(padded) % (block_size // 8) == 0
    assert 0 < len(padded) - len(b"".join(data)) <= block_size // 8
    assert _run(scheme(block_size).unpadder(), padded[:3], padded[3:]) == b"".join(data)


@given(
    block=st.binary(min_size=16, max_size=16),
    scheme_name=st.sampled_from(["PKCS7", "ANSIX923"]),
)
def test_unpadding_matches_the_reference(
    block: bytes, scheme_name: str, reference: Callable[[str], ModuleType]
) -> None:
    ref = reference("hazmat.primitives.padding")

    def outcome(module: Any) -> bytes | str:
        unpadder = getattr(module, scheme_name)(128).unpadder()
        try:
            return bytes(unpadder.update(block)) + unpadder.finalize()
        except ValueError as e:
            return str(e)

    assert outcome(padding) == outcome(ref)
