"""Ed448 signatures (RFC 8032). Keys are implemented in Rust on OpenSSL."""

from __future__ import annotations

import abc

from oxicrypt._rust import ed448 as _rust_ed448
from oxicrypt.exceptions import UnsupportedAlgorithm
from oxicrypt.hazmat.primitives import _serialization
from oxicrypt.utils import Buffer

__all__ = ["Buffer", "Ed448PrivateKey", "Ed448PublicKey", "UnsupportedAlgorithm"]


class Ed448PublicKey(metaclass=abc.ABCMeta):
    """An Ed448 public key: verifies signatures."""

    @classmethod
    def from_public_bytes(cls, data: bytes) -> Ed448PublicKey:
        """Loads the 57-byte raw public key."""
        return _rust_ed448.from_public_bytes(data)

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The key in the requested encoding and format."""

    @abc.abstractmethod
    def public_bytes_raw(self) -> bytes:
        """The 57-byte raw public key."""

    @abc.abstractmethod
    def verify(self, signature: Buffer, data: Buffer) -> None:
        """Raises :class:`~oxicrypt.exceptions.InvalidSignature` unless ``signature`` is
        this key's signature of ``data``."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Keys are equal when their public keys are."""


class Ed448PrivateKey(metaclass=abc.ABCMeta):
    """An Ed448 private key: signs."""

    @classmethod
    def generate(cls) -> Ed448PrivateKey:
        """A new random key."""
        return _rust_ed448.generate_key()

    @classmethod
    def from_private_bytes(cls, data: Buffer) -> Ed448PrivateKey:
        """Loads the 57-byte raw private key."""
        return _rust_ed448.from_private_bytes(data)

    @abc.abstractmethod
    def public_key(self) -> Ed448PublicKey:
        """The matching public key."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """The key in the requested encoding and format, encrypted as asked."""

    @abc.abstractmethod
    def private_bytes_raw(self) -> bytes:
        """The 57-byte raw private key."""

    @abc.abstractmethod
    def sign(self, data: Buffer) -> bytes:
        """The signature of ``data``."""


Ed448PublicKey.register(_rust_ed448.Ed448PublicKey)
Ed448PrivateKey.register(_rust_ed448.Ed448PrivateKey)
