"""The ``Hash`` context: update/copy/finalize, the one-shot ``Hash.hash``, and the errors
for wrong algorithms, wrong data and use after finalization."""

from __future__ import annotations

import hashlib
import pickle

import pytest

from oxicrypt.exceptions import AlreadyFinalized, UnsupportedAlgorithm, _Reasons
from oxicrypt.hazmat.backends import default_backend
from oxicrypt.hazmat.primitives import hashes

_ABC = bytes.fromhex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")


class _MadeUpHash(hashes.HashAlgorithm):
    name = "made-up-hash"
    digest_size = 32
    block_size = 64


def test_update_and_finalize() -> None:
    ctx = hashes.Hash(hashes.SHA256())
    ctx.update(b"a")
    ctx.update(b"")
    ctx.update(b"bc")
    assert ctx.finalize() == _ABC


def test_one_shot() -> None:
    assert hashes.Hash.hash(hashes.SHA256(), b"abc") == _ABC
    assert hashes.Hash.hash(hashes.SHAKE128(5), b"") == bytes.fromhex("7f9c2ba4e8")


def test_algorithm_property_is_the_given_object() -> None:
    algorithm = hashes.SHA384()
    ctx = hashes.Hash(algorithm)
    assert ctx.algorithm is algorithm
    assert ctx.copy().algorithm is algorithm


def test_is_a_hash_context() -> None:
    assert isinstance(hashes.Hash(hashes.SHA1()), hashes.HashContext)


@pytest.mark.parametrize("backend", [None, default_backend(), object()])
def test_backend_argument_is_ignored(backend: object) -> None:
    ctx = hashes.Hash(hashes.SHA256(), backend)
    ctx.update(b"abc")
    assert ctx.finalize() == _ABC
    ctx = hashes.Hash(hashes.SHA256(), backend=backend)
    ctx.update(data=b"abc")
    assert ctx.finalize() == _ABC


def test_algorithm_keyword() -> None:
    assert hashes.Hash(algorithm=hashes.MD5()).finalize() == hashlib.md5().digest()


def test_copy_is_independent() -> None:
    ctx = hashes.Hash(hashes.SHA512())
    ctx.update(b"shared prefix ")
    twin = ctx.copy()
    ctx.update(b"left")
    twin.update(b"right")
    grandchild = twin.copy()
    grandchild.update(b" and more")
    assert ctx.finalize() == hashlib.sha512(b"shared prefix left").digest()
    assert twin.finalize() == hashlib.sha512(b"shared prefix right").digest()
    assert grandchild.finalize() == hashlib.sha512(b"shared prefix right and more").digest()


def test_copy_survives_original_finalize() -> None:
    ctx = hashes.Hash(hashes.SHA3_256())
    ctx.update(b"abc")
    twin = ctx.copy()
    assert ctx.finalize() == hashlib.sha3_256(b"abc").digest()
    twin.update(b"d")
    assert twin.finalize() == hashlib.sha3_256(b"abcd").digest()


def test_many_small_updates() -> None:
    ctx = hashes.Hash(hashes.SHA1())
    for i in range(10_000):
        ctx.update(bytes([i % 256]))
    assert ctx.finalize() == hashlib.sha1(bytes(i % 256 for i in range(10_000))).digest()


@pytest.mark.parametrize("length", [1, 31, 32, 1000])
def test_shake_through_hash_gives_digest_size_bytes(length: int) -> None:
    digest = hashes.Hash.hash(hashes.SHAKE256(length), b"abc")
    assert digest == hashlib.shake_256(b"abc").digest(length)


def test_shake_xof_cannot_be_finalized() -> None:
    # sys.maxsize bytes do not fit in a bytes object: the reference raises OverflowError.
    with pytest.raises(OverflowError):
        hashes.Hash(hashes.SHAKE128.xof()).finalize()


@pytest.mark.parametrize("algorithm", [object(), None, "sha256", hashes.SHA256, 5])
def test_not_an_algorithm(algorithm: object) -> None:
    with pytest.raises(TypeError, match=r"^Expected instance of hashes\.HashAlgorithm\.$"):
        hashes.Hash(algorithm)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^Expected instance of hashes\.HashAlgorithm\.$"):
        hashes.Hash.hash(algorithm, b"")  # type: ignore[arg-type]


def test_unknown_algorithm() -> None:
    with pytest.raises(UnsupportedAlgorithm) as info:
        hashes.Hash(_MadeUpHash())
    assert info.value._reason is _Reasons.UNSUPPORTED_HASH
    with pytest.raises(UnsupportedAlgorithm) as info:
        hashes.Hash.hash(_MadeUpHash(), b"data")
    assert info.value._reason is _Reasons.UNSUPPORTED_HASH


def test_missing_algorithm() -> None:
    with pytest.raises(TypeError):
        hashes.Hash()  # type: ignore[call-arg]


@pytest.mark.parametrize("use", ["update", "finalize", "copy"])
def test_use_after_finalize(use: str) -> None:
    ctx = hashes.Hash(hashes.SHA256())
    ctx.finalize()
    with pytest.raises(AlreadyFinalized):
        if use == "update":
            ctx.update(b"more")
        else:
            getattr(ctx, use)()


@pytest.mark.parametrize("data", ["abc", "", 5, None, [1, 2, 3], 1.5])
def test_update_needs_bytes(data: object) -> None:
    ctx = hashes.Hash(hashes.SHA256())
    with pytest.raises(TypeError):
        ctx.update(data)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hashes.Hash.hash(hashes.SHA256(), data)  # type: ignore[arg-type]


def test_rejected_update_leaves_state_unchanged() -> None:
    ctx = hashes.Hash(hashes.SHA256())
    ctx.update(b"ab")
    with pytest.raises(TypeError):
        ctx.update("x")  # type: ignore[arg-type]
    ctx.update(b"c")
    assert ctx.finalize() == _ABC


def test_not_subclassable_nor_picklable() -> None:
    with pytest.raises(TypeError):
        type("MyHash", (hashes.Hash,), {})
    with pytest.raises(TypeError):
        pickle.dumps(hashes.Hash(hashes.SHA256()))
