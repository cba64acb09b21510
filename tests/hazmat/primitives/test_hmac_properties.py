"""Property tests: HMAC agrees with Python's ``hmac`` module and with the reference, for
any key and any way of cutting the message into updates."""

from __future__ import annotations

import hmac as std_hmac
from types import ModuleType
from typing import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.exceptions import InvalidSignature
from oxicrypt.hazmat.primitives import hashes, hmac

_ALGORITHMS = [
    ("MD5", "md5"),
    ("SHA1", "sha1"),
    ("SHA224", "sha224"),
    ("SHA256", "sha256"),
    ("SHA384", "sha384"),
    ("SHA512", "sha512"),
    ("SHA3_256", "sha3_256"),
    ("SHA3_512", "sha3_512"),
]
_REFERENCE_ONLY = ["SHA512_224", "SHA512_256", "SHA3_224", "SHA3_384", "SM3"]

_keys = st.binary(max_size=300)  # up to more than two SHA-512 blocks
_messages = st.binary(max_size=1000)
_cuts = st.lists(st.integers(min_value=0, max_value=1000), max_size=8)


def _chunks(data: bytes, cuts: list[int]) -> list[bytes]:
    bounds = sorted({0, len(data), *(c % (len(data) + 1) for c in cuts)})
    return [data[a:b] for a, b in zip(bounds, bounds[1:])]


@pytest.mark.parametrize(("cls_name", "std_name"), _ALGORITHMS, ids=[a for a, _ in _ALGORITHMS])
@given(key=_keys, data=_messages, cuts=_cuts)
def test_agrees_with_stdlib_hmac(
    cls_name: str, std_name: str, key: bytes, data: bytes, cuts: list[int]
) -> None:
    mac = hmac.HMAC(key, getattr(hashes, cls_name)())
    for chunk in _chunks(data, cuts):
        mac.update(chunk)
    expected = std_hmac.new(key, data, std_name).digest()
    assert mac.copy().finalize() == expected
    mac.verify(expected)


@given(key=_keys, data=_messages, flip=st.integers(min_value=0, max_value=255))
def test_any_changed_bit_fails_verify(key: bytes, data: bytes, flip: int) -> None:
    tag = bytearray(std_hmac.new(key, data, "sha256").digest())
    tag[flip % 32] ^= 1 << (flip % 8)
    mac = hmac.HMAC(key, hashes.SHA256())
    mac.update(data)
    with pytest.raises(InvalidSignature):
        mac.verify(bytes(tag))


@pytest.mark.parametrize(
    "cls_name", [a for a, _ in _ALGORITHMS] + _REFERENCE_ONLY + ["BLAKE2b", "BLAKE2s"]
)
@given(key=_keys, data=_messages, cuts=_cuts)
def test_agrees_with_reference(
    reference: Callable[[str], ModuleType], cls_name: str, key: bytes, data: bytes, cuts: list[int]
) -> None:
    ref_hashes = reference("hazmat.primitives.hashes")
    ref_hmac = reference("hazmat.primitives.hmac")
    args = {"BLAKE2b": (64,), "BLAKE2s": (32,)}.get(cls_name, ())
    ours = hmac.HMAC(key, getattr(hashes, cls_name)(*args))
    theirs = ref_hmac.HMAC(key, getattr(ref_hashes, cls_name)(*args))
    for chunk in _chunks(data, cuts):
        ours.update(chunk)
        theirs.update(chunk)
    assert ours.finalize() == theirs.finalize()
