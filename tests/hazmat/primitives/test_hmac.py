"""The ``HMAC`` context: keys of every length, update/copy/finalize/verify, and errors."""

from __future__ import annotations

import hashlib
import hmac as std_hmac

import pytest

from oxicrypt.exceptions import AlreadyFinalized, InvalidSignature, UnsupportedAlgorithm, _Reasons
from oxicrypt.hazmat.backends import default_backend
from oxicrypt.hazmat.primitives import hashes, hmac

_BY_NAME = {
    "md5": hashes.MD5,
    "sha1": hashes.SHA1,
    "sha256": hashes.SHA256,
    "sha512": hashes.SHA512,
}


def _mac(key: bytes, algorithm: hashes.HashAlgorithm, *parts: bytes) -> bytes:
    ctx = hmac.HMAC(key, algorithm)
    for part in parts:
        ctx.update(part)
    return ctx.finalize()


def test_known_answer() -> None:
    # RFC 4231 test case 2.
    expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    assert _mac(b"Jefe", hashes.SHA256(), b"what do ya want ", b"for nothing?") == bytes.fromhex(
        expected
    )


@pytest.mark.parametrize("name", sorted(_BY_NAME))
def test_empty_key(name: str) -> None:
    algorithm = _BY_NAME[name]()
    assert _mac(b"", algorithm, b"message") == std_hmac.new(b"", b"message", name).digest()
    assert _mac(b"", algorithm) == std_hmac.new(b"", b"", name).digest()


@pytest.mark.parametrize(
    ("algorithm", "name"),
    [(hashes.SHA1(), "sha1"), (hashes.SHA256(), "sha256"), (hashes.SHA512(), "sha512")],
    ids=["SHA1", "SHA256", "SHA512"],
)
@pytest.mark.parametrize("extra", [-1, 0, 1, 1000, 100_000])
def test_key_lengths_around_the_block_size(
    algorithm: hashes.HashAlgorithm, name: str, extra: int
) -> None:
    # Keys longer than a block are hashed first; a block-sized key is used as it is.
    key = bytes((7 + i) % 256 for i in range(algorithm.block_size + extra))
    assert _mac(key, algorithm, b"msg") == std_hmac.new(key, b"msg", name).digest()


def test_long_key_equals_its_digest_as_key() -> None:
    key = b"k" * 200
    assert _mac(key, hashes.SHA256(), b"m") == _mac(
        hashlib.sha256(key).digest(), hashes.SHA256(), b"m"
    )


@pytest.mark.parametrize(
    "algorithm",
    [
        hashes.SHA224(),
        hashes.SHA384(),
        hashes.SHA512_224(),
        hashes.SHA512_256(),
        hashes.SHA3_224(),
        hashes.SHA3_256(),
        hashes.SHA3_384(),
        hashes.SHA3_512(),
        hashes.BLAKE2b(64),
        hashes.BLAKE2s(32),
        hashes.SM3(),
    ],
    ids=lambda a: a.name,
)
def test_other_algorithms_give_digest_size_macs(algorithm: hashes.HashAlgorithm) -> None:
    mac = _mac(b"key", algorithm, b"message")
    assert len(mac) == algorithm.digest_size
    assert mac != _mac(b"key2", algorithm, b"message")
    try:
        expected = std_hmac.new(b"key", b"message", algorithm.name.replace("-", "_")).digest()
    except ValueError:  # this Python's hashlib lacks it (e.g. sm3)
        return
    assert mac == expected


def test_algorithm_property() -> None:
    algorithm = hashes.SHA256()
    ctx = hmac.HMAC(b"k", algorithm)
    assert ctx.algorithm is algorithm
    assert ctx.copy().algorithm is algorithm


def test_is_a_hash_context() -> None:
    assert isinstance(hmac.HMAC(b"k", hashes.SHA1()), hashes.HashContext)


@pytest.mark.parametrize("backend", [None, default_backend(), object()])
def test_backend_argument_is_ignored(backend: object) -> None:
    ctx = hmac.HMAC(b"k", hashes.SHA256(), backend)
    ctx.update(b"m")
    assert ctx.finalize() == std_hmac.new(b"k", b"m", "sha256").digest()
    ctx = hmac.HMAC(key=b"k", algorithm=hashes.SHA256(), backend=backend)
    ctx.update(data=b"m")
    assert ctx.finalize() == std_hmac.new(b"k", b"m", "sha256").digest()


@pytest.mark.parametrize(
    "key", [bytearray(b"key"), memoryview(b"key"), memoryview(b"xkeyx")[1:-1]], ids=type
)
def test_key_buffer_types(key: object) -> None:
    assert _mac(key, hashes.SHA1(), b"m") == std_hmac.new(b"key", b"m", "sha1").digest()  # type: ignore[arg-type]


def test_copy_is_independent() -> None:
    ctx = hmac.HMAC(b"key", hashes.SHA256())
    ctx.update(b"prefix ")
    twin = ctx.copy()
    ctx.update(b"one")
    twin.update(b"two")
    assert ctx.finalize() == std_hmac.new(b"key", b"prefix one", "sha256").digest()
    assert twin.finalize() == std_hmac.new(b"key", b"prefix two", "sha256").digest()


def test_verify_success_finalizes() -> None:
    ctx = hmac.HMAC(b"key", hashes.SHA256())
    ctx.update(b"m")
    ctx.verify(std_hmac.new(b"key", b"m", "sha256").digest())
    with pytest.raises(AlreadyFinalized):
        ctx.finalize()


@pytest.mark.parametrize("bad", ["flip last", "flip first", "truncated", "extended", "empty"])
def test_verify_mismatch(bad: str) -> None:
    good = std_hmac.new(b"key", b"m", "sha256").digest()
    tag = {
        "flip last": good[:-1] + bytes([good[-1] ^ 1]),
        "flip first": bytes([good[0] ^ 0x80]) + good[1:],
        "truncated": good[:16],
        "extended": good + b"\x00",
        "empty": b"",
    }[bad]
    ctx = hmac.HMAC(b"key", hashes.SHA256())
    ctx.update(b"m")
    with pytest.raises(InvalidSignature):
        ctx.verify(tag)
    # A failed verify finalizes the context too.
    with pytest.raises(AlreadyFinalized):
        ctx.update(b"more")


@pytest.mark.parametrize("signature", ["abc", bytearray(32), memoryview(bytes(32)), None, 5])
def test_verify_needs_bytes(signature: object) -> None:
    ctx = hmac.HMAC(b"key", hashes.SHA256())
    ctx.update(b"m")
    with pytest.raises(TypeError):
        ctx.verify(signature)  # type: ignore[arg-type]
    # The rejected call did not consume the context.
    assert ctx.finalize() == std_hmac.new(b"key", b"m", "sha256").digest()


@pytest.mark.parametrize("use", ["update", "finalize", "copy", "verify"])
def test_use_after_finalize(use: str) -> None:
    ctx = hmac.HMAC(b"key", hashes.SHA256())
    ctx.finalize()
    with pytest.raises(AlreadyFinalized):
        if use == "update":
            ctx.update(b"")
        elif use == "verify":
            ctx.verify(bytes(32))
        else:
            getattr(ctx, use)()


@pytest.mark.parametrize(
    "algorithm", [hashes.SHAKE128(16), hashes.SHAKE256(64)], ids=["128", "256"]
)
def test_shake_is_refused(algorithm: hashes.HashAlgorithm) -> None:
    with pytest.raises(UnsupportedAlgorithm) as info:
        hmac.HMAC(b"key", algorithm)
    assert info.value._reason is _Reasons.UNSUPPORTED_HASH


class _MadeUpHash(hashes.HashAlgorithm):
    name = "made-up-hash"
    digest_size = 32
    block_size = 64


def test_unknown_algorithm() -> None:
    with pytest.raises(UnsupportedAlgorithm) as info:
        hmac.HMAC(b"key", _MadeUpHash())
    assert info.value._reason is _Reasons.UNSUPPORTED_HASH


@pytest.mark.parametrize("algorithm", [object(), None, "sha256", hashes.SHA256])
def test_not_an_algorithm(algorithm: object) -> None:
    with pytest.raises(TypeError, match=r"^Expected instance of hashes\.HashAlgorithm\.$"):
        hmac.HMAC(b"key", algorithm)  # type: ignore[arg-type]


@pytest.mark.parametrize("key", ["key", None, 5])
def test_key_needs_bytes(key: object) -> None:
    with pytest.raises(TypeError):
        hmac.HMAC(key, hashes.SHA256())  # type: ignore[arg-type]


@pytest.mark.parametrize("data", ["abc", None, 5])
def test_update_needs_bytes(data: object) -> None:
    with pytest.raises(TypeError):
        hmac.HMAC(b"key", hashes.SHA256()).update(data)  # type: ignore[arg-type]


def test_non_contiguous_buffers() -> None:
    view = memoryview(b"abcdef")[::2]
    with pytest.raises(BufferError):
        hmac.HMAC(view, hashes.SHA256())  # type: ignore[arg-type]
    with pytest.raises(BufferError):
        hmac.HMAC(b"key", hashes.SHA256()).update(view)
