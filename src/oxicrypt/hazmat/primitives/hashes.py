"""Message digests and extendable-output functions.

The hashing contexts (:class:`Hash`, :class:`XOFHash`) are implemented in Rust on top of
OpenSSL; the algorithm classes here only name a digest and its sizes.
"""

from __future__ import annotations

import abc
import sys
import typing

from oxicrypt._rust import hashes as _rust_hashes
from oxicrypt.utils import Buffer

__all__ = [
    "MD5",
    "SHA1",
    "SHA3_224",
    "SHA3_256",
    "SHA3_384",
    "SHA3_512",
    "SHA224",
    "SHA256",
    "SHA384",
    "SHA512",
    "SHA512_224",
    "SHA512_256",
    "SHAKE128",
    "SHAKE256",
    "SM3",
    "BLAKE2b",
    "BLAKE2s",
    "ExtendableOutputFunction",
    "Hash",
    "HashAlgorithm",
    "HashContext",
    "XOFHash",
]


class HashAlgorithm(metaclass=abc.ABCMeta):
    """A message digest: what :class:`Hash` and :class:`~oxicrypt.hazmat.primitives.hmac.HMAC`
    are given to choose the function."""

    @property
    @abc.abstractmethod
    def name(self) -> str:
        """The algorithm's name, e.g. ``"sha256"``."""

    @property
    @abc.abstractmethod
    def digest_size(self) -> int:
        """The size of the digest, in bytes."""

    @property
    @abc.abstractmethod
    def block_size(self) -> int | None:
        """The internal block size, in bytes (``None`` for sponge constructions)."""


class HashContext(metaclass=abc.ABCMeta):
    """A running hash computation."""

    @property
    @abc.abstractmethod
    def algorithm(self) -> HashAlgorithm:
        """The :class:`HashAlgorithm` this context computes."""

    @abc.abstractmethod
    def update(self, data: Buffer) -> None:
        """Absorbs ``data``."""

    @abc.abstractmethod
    def finalize(self) -> bytes:
        """Returns the digest; the context cannot be used afterwards."""

    @abc.abstractmethod
    def copy(self) -> HashContext:
        """Returns an independent copy of the current state."""


class ExtendableOutputFunction(metaclass=abc.ABCMeta):  # noqa: B024 (a marker ABC)
    """Marks a :class:`HashAlgorithm` whose output length is chosen by the caller."""


Hash = _rust_hashes.Hash
XOFHash = _rust_hashes.XOFHash
HashContext.register(Hash)


_A = typing.TypeVar("_A", bound=type)


def _equal_by_class(cls: _A) -> _A:
    """Algorithms of a class (or a subclass of it) are equal; defining ``__eq__`` also
    makes them unhashable, as in the reference."""

    def __eq__(self: object, other: object) -> bool:
        if not isinstance(other, cls):
            return NotImplemented
        return True

    cls.__eq__ = __eq__  # type: ignore[assignment]
    cls.__hash__ = None  # type: ignore[assignment]
    return cls


def _equal_by_class_and_size(cls: _A) -> _A:
    """As :func:`_equal_by_class`, for algorithms whose output size is a parameter."""

    def __eq__(self: HashAlgorithm, other: object) -> bool:
        if not isinstance(other, cls):
            return NotImplemented
        return self.digest_size == typing.cast(HashAlgorithm, other).digest_size

    cls.__eq__ = __eq__  # type: ignore[assignment]
    cls.__hash__ = None  # type: ignore[assignment]
    return cls


@_equal_by_class
class SHA1(HashAlgorithm):
    name = "sha1"
    digest_size = 20
    block_size = 64


@_equal_by_class
class SHA512_224(HashAlgorithm):
    name = "sha512-224"
    digest_size = 28
    block_size = 128


@_equal_by_class
class SHA512_256(HashAlgorithm):
    name = "sha512-256"
    digest_size = 32
    block_size = 128


@_equal_by_class
class SHA224(HashAlgorithm):
    name = "sha224"
    digest_size = 28
    block_size = 64


@_equal_by_class
class SHA256(HashAlgorithm):
    name = "sha256"
    digest_size = 32
    block_size = 64


@_equal_by_class
class SHA384(HashAlgorithm):
    name = "sha384"
    digest_size = 48
    block_size = 128


@_equal_by_class
class SHA512(HashAlgorithm):
    name = "sha512"
    digest_size = 64
    block_size = 128


@_equal_by_class
class SHA3_224(HashAlgorithm):
    name = "sha3-224"
    digest_size = 28
    block_size = None


@_equal_by_class
class SHA3_256(HashAlgorithm):
    name = "sha3-256"
    digest_size = 32
    block_size = None


@_equal_by_class
class SHA3_384(HashAlgorithm):
    name = "sha3-384"
    digest_size = 48
    block_size = None


@_equal_by_class
class SHA3_512(HashAlgorithm):
    name = "sha3-512"
    digest_size = 64
    block_size = None


def _check_xof_size(digest_size: int) -> int:
    if not isinstance(digest_size, int):
        raise TypeError("digest_size must be an integer")
    if digest_size < 1:
        raise ValueError("digest_size must be a positive integer")
    return digest_size


# SHAKE128/SHAKE256 and BLAKE2b/BLAKE2s repeat their members instead of sharing a private
# base class, so that each class's own attributes and MRO are those of the reference.
@_equal_by_class_and_size
class SHAKE128(HashAlgorithm, ExtendableOutputFunction):
    name = "shake128"
    block_size = None

    def __init__(self, digest_size: int):
        self._digest_size = _check_xof_size(digest_size)

    @classmethod
    def xof(cls):  # type: ignore[no-untyped-def]
        """An instance for :class:`XOFHash` with no limit on how much can be squeezed."""
        return cls(sys.maxsize)

    @property
    def digest_size(self) -> int:
        return self._digest_size


@_equal_by_class_and_size
class SHAKE256(HashAlgorithm, ExtendableOutputFunction):
    name = "shake256"
    block_size = None

    def __init__(self, digest_size: int):
        self._digest_size = _check_xof_size(digest_size)

    @classmethod
    def xof(cls):  # type: ignore[no-untyped-def]
        """An instance for :class:`XOFHash` with no limit on how much can be squeezed."""
        return cls(sys.maxsize)

    @property
    def digest_size(self) -> int:
        return self._digest_size


@_equal_by_class
class MD5(HashAlgorithm):
    name = "md5"
    digest_size = 16
    block_size = 64


@_equal_by_class_and_size
class BLAKE2b(HashAlgorithm):
    name = "blake2b"
    block_size = 128

    def __init__(self, digest_size: int):
        # OpenSSL only offers the full-length BLAKE2b-512.
        if digest_size != 64:
            raise ValueError("Digest size must be 64")
        self._digest_size = digest_size

    @property
    def digest_size(self) -> int:
        return self._digest_size


@_equal_by_class_and_size
class BLAKE2s(HashAlgorithm):
    name = "blake2s"
    block_size = 64

    def __init__(self, digest_size: int):
        # OpenSSL only offers the full-length BLAKE2s-256.
        if digest_size != 32:
            raise ValueError("Digest size must be 32")
        self._digest_size = digest_size

    @property
    def digest_size(self) -> int:
        return self._digest_size


@_equal_by_class
class SM3(HashAlgorithm):
    name = "sm3"
    digest_size = 32
    block_size = 64
