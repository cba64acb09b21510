"""Property tests: however a message is cut into updates, the digest is the one-shot
digest, and it agrees with hashlib and with the reference implementation."""

from __future__ import annotations

import hashlib
from types import ModuleType
from typing import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.hazmat.primitives import hashes

# (class name, constructor arguments, hashlib name or None when hashlib lacks it)
_ALGORITHMS = [
    ("SHA1", (), "sha1"),
    ("SHA224", (), "sha224"),
    ("SHA256", (), "sha256"),
    ("SHA384", (), "sha384"),
    ("SHA512", (), "sha512"),
    ("SHA512_224", (), "sha512_224"),
    ("SHA512_256", (), "sha512_256"),
    ("SHA3_224", (), "sha3_224"),
    ("SHA3_256", (), "sha3_256"),
    ("SHA3_384", (), "sha3_384"),
    ("SHA3_512", (), "sha3_512"),
    ("SHAKE128", (24,), "shake_128"),
    ("SHAKE256", (80,), "shake_256"),
    ("MD5", (), "md5"),
    ("BLAKE2b", (64,), "blake2b"),
    ("BLAKE2s", (32,), "blake2s"),
    ("SM3", (), "sm3"),
]


def _hashlib_digest(name: str, data: bytes, size: int) -> bytes | None:
    """hashlib's digest, or None when this Python's hashlib lacks the algorithm."""
    try:
        h = hashlib.new(name, data)
    except ValueError:
        return None
    return h.digest(size) if name.startswith("shake") else h.digest()  # type: ignore[call-arg]


def _chunks(data: bytes, cuts: list[int]) -> list[bytes]:
    bounds = sorted({0, len(data), *(c % (len(data) + 1) for c in cuts)})
    return [data[a:b] for a, b in zip(bounds, bounds[1:])]


_messages = st.binary(max_size=1500)
_cuts = st.lists(st.integers(min_value=0, max_value=1500), max_size=12)


@pytest.mark.parametrize(("cls_name", "args", "hashlib_name"), _ALGORITHMS, ids=lambda v: v)
@given(data=_messages, cuts=_cuts)
def test_chunked_equals_one_shot_and_hashlib(
    cls_name: str, args: tuple[int, ...], hashlib_name: str, data: bytes, cuts: list[int]
) -> None:
    algorithm = getattr(hashes, cls_name)(*args)
    ctx = hashes.Hash(algorithm)
    for chunk in _chunks(data, cuts):
        ctx.update(chunk)
    digest = ctx.finalize()
    assert digest == hashes.Hash.hash(algorithm, data)
    assert len(digest) == algorithm.digest_size
    expected = _hashlib_digest(hashlib_name, data, algorithm.digest_size)
    if expected is not None:
        assert digest == expected


def test_hashlib_covers_the_common_algorithms() -> None:
    # Guards the property above against comparing with nothing.
    missing = [n for _, _, n in _ALGORITHMS if _hashlib_digest(n, b"", 8) is None]
    assert set(missing) <= {"sm3", "sha512_224", "sha512_256"}


@pytest.mark.parametrize(("cls_name", "args", "hashlib_name"), _ALGORITHMS, ids=lambda v: v)
@given(data=_messages, cuts=_cuts)
def test_agrees_with_reference(
    reference: Callable[[str], ModuleType],
    cls_name: str,
    args: tuple[int, ...],
    hashlib_name: str,
    data: bytes,
    cuts: list[int],
) -> None:
    ref = reference("hazmat.primitives.hashes")
    ours = hashes.Hash(getattr(hashes, cls_name)(*args))
    theirs = ref.Hash(getattr(ref, cls_name)(*args))
    for chunk in _chunks(data, cuts):
        ours.update(chunk)
        theirs.update(chunk)
        if len(chunk) % 3 == 0:  # copying midway must not change anything either
            ours = ours.copy()
    assert ours.finalize() == theirs.finalize()
