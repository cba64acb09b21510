"""``XOFHash``: absorbing, then squeezing SHAKE output in pieces of any size."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.exceptions import AlreadyFinalized
from oxicrypt.hazmat.primitives import hashes

_SHAKES = {
    "SHAKE128": (hashes.SHAKE128, hashlib.shake_128),
    "SHAKE256": (hashes.SHAKE256, hashlib.shake_256),
}


@pytest.mark.parametrize("name", _SHAKES)
@pytest.mark.parametrize(
    "pieces",
    [[0], [1], [1, 1, 1], [167, 1], [168, 168, 1], [200, 0, 300], [135, 136, 137], [4096]],
    ids=str,
)
def test_pieces_equal_one_shot(name: str, pieces: list[int]) -> None:
    cls, reference = _SHAKES[name]
    xof = hashes.XOFHash(cls.xof())
    xof.update(b"The quick brown fox")
    out = b"".join(xof.squeeze(n) for n in pieces)
    total = sum(pieces)
    assert out == reference(b"The quick brown fox").digest(total)
    if total:
        assert out == hashes.Hash.hash(cls(total), b"The quick brown fox")


@given(
    data=st.binary(max_size=600),
    pieces=st.lists(st.integers(min_value=0, max_value=400), max_size=8),
    name=st.sampled_from(sorted(_SHAKES)),
)
def test_pieces_equal_one_shot_property(data: bytes, pieces: list[int], name: str) -> None:
    cls, reference = _SHAKES[name]
    xof = hashes.XOFHash(cls.xof())
    xof.update(data)
    assert b"".join(xof.squeeze(n) for n in pieces) == reference(data).digest(sum(pieces))


def test_updates_are_concatenated() -> None:
    xof = hashes.XOFHash(hashes.SHAKE256(64))
    for part in (b"ab", b"", b"c" * 1000, bytearray(b"d")):
        xof.update(part)
    assert xof.squeeze(64) == hashlib.shake_256(b"ab" + b"c" * 1000 + b"d").digest(64)


def test_squeeze_zero() -> None:
    xof = hashes.XOFHash(hashes.SHAKE128(4))
    assert xof.squeeze(0) == b""
    assert xof.squeeze(4) == hashlib.shake_128(b"").digest(4)
    assert xof.squeeze(0) == b""


def test_algorithm_property() -> None:
    algorithm = hashes.SHAKE128(10)
    assert hashes.XOFHash(algorithm).algorithm is algorithm


def test_large_squeeze() -> None:
    xof = hashes.XOFHash(hashes.SHAKE256.xof())
    xof.update(b"x")
    assert xof.squeeze(1_000_000) == hashlib.shake_256(b"x").digest(1_000_000)


def test_copy_before_squeezing() -> None:
    xof = hashes.XOFHash(hashes.SHAKE128.xof())
    xof.update(b"common ")
    twin = xof.copy()
    xof.update(b"one")
    twin.update(b"two")
    assert xof.squeeze(32) == hashlib.shake_128(b"common one").digest(32)
    assert twin.squeeze(32) == hashlib.shake_128(b"common two").digest(32)


def test_copy_after_squeezing_continues_the_stream() -> None:
    stream = hashlib.shake_128(b"abc").digest(30)
    xof = hashes.XOFHash(hashes.SHAKE128.xof())
    xof.update(b"abc")
    assert xof.squeeze(10) == stream[:10]
    twin = xof.copy()
    assert twin.squeeze(20) == stream[10:]
    assert xof.squeeze(20) == stream[10:]
    with pytest.raises(AlreadyFinalized):
        twin.update(b"more")


def test_update_after_squeeze() -> None:
    xof = hashes.XOFHash(hashes.SHAKE256.xof())
    xof.squeeze(1)
    with pytest.raises(AlreadyFinalized):
        xof.update(b"more")


def test_update_after_squeezing_nothing() -> None:
    xof = hashes.XOFHash(hashes.SHAKE256.xof())
    xof.squeeze(0)
    with pytest.raises(AlreadyFinalized):
        xof.update(b"more")


def test_squeeze_limited_by_digest_size() -> None:
    xof = hashes.XOFHash(hashes.SHAKE128(16))
    first = xof.squeeze(10)
    with pytest.raises(ValueError):
        xof.squeeze(7)
    # The refused squeeze consumed nothing: the remaining 6 bytes are still there.
    assert first + xof.squeeze(6) == hashlib.shake_128(b"").digest(16)
    with pytest.raises(ValueError):
        xof.squeeze(1)
    assert xof.squeeze(0) == b""


def test_squeeze_more_than_digest_size_at_once() -> None:
    xof = hashes.XOFHash(hashes.SHAKE256(8))
    with pytest.raises(ValueError):
        xof.squeeze(9)
    assert xof.squeeze(8) == hashlib.shake_256(b"").digest(8)


def test_squeeze_negative() -> None:
    xof = hashes.XOFHash(hashes.SHAKE128.xof())
    with pytest.raises(OverflowError):
        xof.squeeze(-1)
    # Nothing was squeezed, so the context still absorbs.
    xof.update(b"a")
    assert xof.squeeze(4) == hashlib.shake_128(b"a").digest(4)


@pytest.mark.parametrize("length", ["1", 1.0, None, b"\x01"])
def test_squeeze_needs_an_int(length: object) -> None:
    with pytest.raises(TypeError):
        hashes.XOFHash(hashes.SHAKE128.xof()).squeeze(length)  # type: ignore[arg-type]


def test_squeeze_huge() -> None:
    with pytest.raises(OverflowError):
        hashes.XOFHash(hashes.SHAKE128.xof()).squeeze(2**64)


@pytest.mark.parametrize(
    "algorithm",
    [hashes.SHA256(), hashes.SHA3_256(), hashes.BLAKE2b(64), object(), None, hashes.SHAKE128],
    ids=["SHA256", "SHA3_256", "BLAKE2b", "object", "None", "SHAKE128 class"],
)
def test_needs_an_extendable_output_function(algorithm: object) -> None:
    with pytest.raises(TypeError):
        hashes.XOFHash(algorithm)  # type: ignore[arg-type]


@pytest.mark.parametrize("data", ["abc", 3, None])
def test_update_needs_bytes(data: object) -> None:
    with pytest.raises(TypeError):
        hashes.XOFHash(hashes.SHAKE128.xof()).update(data)  # type: ignore[arg-type]
