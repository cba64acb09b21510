"""Ed25519 signatures (RFC 8032). Keys are implemented in Rust on OpenSSL."""

from __future__ import annotations

import abc

from oxicrypt._rust import ed25519 as _rust_ed25519
from oxicrypt.hazmat.primitives import _serialization
from oxicrypt.utils import Buffer

__all__ = ["Buffer", "Ed25519PrivateKey", "Ed25519PublicKey"]


class Ed25519PublicKey(metaclass=abc.ABCMeta):
    """An Ed25519 public key: verifies signatures."""

    @classmethod
    def from_public_bytes(cls, data: bytes) -> Ed25519PublicKey:
        """Loads the 32-byte raw public key."""
        return _rust_ed25519.from_public_bytes(data)

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The key in the requested encoding and format."""

    @abc.abstractmethod
    def public_bytes_raw(self) -> bytes:
        """The 32-byte raw public key."""

    @abc.abstractmethod
    def verify(self, signature: Buffer, data: Buffer) -> None:
        """Raises :class:`~oxicrypt.exceptions.InvalidSignature` unless ``signature`` is
        this key's signature of ``data``."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Keys are equal when their public keys are."""


class Ed25519PrivateKey(metaclass=abc.ABCMeta):
    """An Ed25519 private key: signs."""

    @classmethod
    def generate(cls) -> Ed25519PrivateKey:
        """A new random key."""
        return _rust_ed25519.generate_key()

    @classmethod
    def from_private_bytes(cls, data: Buffer) -> Ed25519PrivateKey:
        """Loads the 32-byte raw private key."""
        return _rust_ed25519.from_private_bytes(data)

    @abc.abstractmethod
    def public_key(self) -> Ed25519PublicKey:
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
        """The 32-byte raw private key."""

    @abc.abstractmethod
    def sign(self, data: Buffer) -> bytes:
        """The signature of ``data``."""


Ed25519PublicKey.register(_rust_ed25519.Ed25519PublicKey)
Ed25519PrivateKey.register(_rust_ed25519.Ed25519PrivateKey)
