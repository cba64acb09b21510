"""The algorithm classes: their names and sizes, validation of the sizes callers choose,
and equality (by type, plus digest size where callers choose it)."""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Callable

import pytest

from oxicrypt.hazmat.primitives import hashes

# (class name, constructor arguments, name, digest_size, block_size)
_TABLE = [
    ("SHA1", (), "sha1", 20, 64),
    ("SHA224", (), "sha224", 28, 64),
    ("SHA256", (), "sha256", 32, 64),
    ("SHA384", (), "sha384", 48, 128),
    ("SHA512", (), "sha512", 64, 128),
    ("SHA512_224", (), "sha512-224", 28, 128),
    ("SHA512_256", (), "sha512-256", 32, 128),
    ("SHA3_224", (), "sha3-224", 28, None),
    ("SHA3_256", (), "sha3-256", 32, None),
    ("SHA3_384", (), "sha3-384", 48, None),
    ("SHA3_512", (), "sha3-512", 64, None),
    ("SHAKE128", (17,), "shake128", 17, None),
    ("SHAKE256", (33,), "shake256", 33, None),
    ("MD5", (), "md5", 16, 64),
    ("BLAKE2b", (64,), "blake2b", 64, 128),
    ("BLAKE2s", (32,), "blake2s", 32, 64),
    ("SM3", (), "sm3", 32, 64),
]
_IDS = [row[0] for row in _TABLE]


@pytest.mark.parametrize(
    ("cls_name", "args", "name", "digest_size", "block_size"), _TABLE, ids=_IDS
)
def test_attributes(
    cls_name: str, args: tuple[int, ...], name: str, digest_size: int, block_size: int | None
) -> None:
    algorithm = getattr(hashes, cls_name)(*args)
    assert isinstance(algorithm, hashes.HashAlgorithm)
    assert (algorithm.name, algorithm.digest_size, algorithm.block_size) == (
        name,
        digest_size,
        block_size,
    )
    assert isinstance(algorithm, hashes.ExtendableOutputFunction) == cls_name.startswith("SHAKE")


@pytest.mark.parametrize(("cls_name", "args"), [row[:2] for row in _TABLE], ids=_IDS)
def test_attributes_match_reference(
    reference: Callable[[str], ModuleType], cls_name: str, args: tuple[int, ...]
) -> None:
    ours = getattr(hashes, cls_name)(*args)
    theirs = getattr(reference("hazmat.primitives.hashes"), cls_name)(*args)
    assert (ours.name, ours.digest_size, ours.block_size) == (
        theirs.name,
        theirs.digest_size,
        theirs.block_size,
    )


def test_public_names_match_reference(reference: Callable[[str], ModuleType]) -> None:
    assert sorted(hashes.__all__) == sorted(reference("hazmat.primitives.hashes").__all__)


def test_hash_algorithm_is_abstract() -> None:
    with pytest.raises(TypeError):
        hashes.HashAlgorithm()  # type: ignore[abstract]


@pytest.mark.parametrize("digest_size", [1, 16, 32, 48, 63, 65, 128])
def test_blake2b_only_offers_64_bytes(digest_size: int) -> None:
    with pytest.raises(ValueError):
        hashes.BLAKE2b(digest_size)


@pytest.mark.parametrize("digest_size", [1, 16, 31, 33, 64])
def test_blake2s_only_offers_32_bytes(digest_size: int) -> None:
    with pytest.raises(ValueError):
        hashes.BLAKE2s(digest_size)


@pytest.mark.parametrize("cls", [hashes.SHAKE128, hashes.SHAKE256])
@pytest.mark.parametrize("digest_size", [0, -1, -(2**70)])
def test_shake_rejects_non_positive_size(cls: type, digest_size: int) -> None:
    with pytest.raises(ValueError):
        cls(digest_size)


@pytest.mark.parametrize("cls", [hashes.SHAKE128, hashes.SHAKE256])
@pytest.mark.parametrize("digest_size", ["3", 3.0, None, b"\x03"])
def test_shake_rejects_non_integer_size(cls: type, digest_size: object) -> None:
    with pytest.raises(TypeError):
        cls(digest_size)


@pytest.mark.parametrize("cls", [hashes.SHAKE128, hashes.SHAKE256])
def test_shake_xof_has_no_practical_limit(cls: type) -> None:
    algorithm = cls.xof()
    assert type(algorithm) is cls
    assert algorithm.digest_size == sys.maxsize


def test_equal_by_type() -> None:
    assert hashes.SHA256() == hashes.SHA256()
    assert not (hashes.SHA256() != hashes.SHA256())
    assert hashes.SHA256() != hashes.SHA224()
    assert hashes.SHA3_256() != hashes.SHA256()
    assert hashes.SHA512_256() != hashes.SHA512()
    assert hashes.MD5() != object()
    assert hashes.SM3() != "sm3"


def test_equal_by_type_and_size() -> None:
    assert hashes.SHAKE128(16) == hashes.SHAKE128(16)
    assert hashes.SHAKE128(16) != hashes.SHAKE128(17)
    assert hashes.SHAKE128(16) != hashes.SHAKE256(16)
    assert hashes.SHAKE256.xof() == hashes.SHAKE256.xof()
    assert hashes.BLAKE2b(64) == hashes.BLAKE2b(64)
    assert hashes.BLAKE2s(32) == hashes.BLAKE2s(32)
    assert hashes.BLAKE2b(64) != hashes.BLAKE2s(32)


@pytest.mark.parametrize(("cls_name", "args"), [row[:2] for row in _TABLE], ids=_IDS)
def test_unhashable(cls_name: str, args: tuple[int, ...]) -> None:
    with pytest.raises(TypeError):
        hash(getattr(hashes, cls_name)(*args))


class _EqualsEverything:
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = None  # type: ignore[assignment]


def test_comparison_with_a_foreign_type_defers_to_it() -> None:
    # The reference returns NotImplemented for other types, so Python asks the other side.
    wrong = []
    for cls_name, args, *_ in _TABLE:
        algorithm = getattr(hashes, cls_name)(*args)
        if algorithm.__eq__(object()) is not NotImplemented or algorithm != _EqualsEverything():
            wrong.append(cls_name)
    assert wrong == []


def test_subclass_instance_equals_base_instance() -> None:
    # As in the reference: equality asks "is the other one a SHA256", not "the same class".
    wrong = []
    for cls_name, args, *_ in _TABLE:
        cls = getattr(hashes, cls_name)
        sub = type(f"My{cls_name}", (cls,), {})
        if not (sub(*args) == cls(*args) and cls(*args) == sub(*args)):
            wrong.append(cls_name)
    assert wrong == []
