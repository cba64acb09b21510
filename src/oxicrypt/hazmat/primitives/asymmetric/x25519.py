"""X25519 key agreement (RFC 7748). Keys are implemented in Rust on OpenSSL."""

from __future__ import annotations

import abc

from oxicrypt._rust import x25519 as _rust_x25519
from oxicrypt.exceptions import UnsupportedAlgorithm
from oxicrypt.hazmat.primitives import _serialization
from oxicrypt.utils import Buffer

__all__ = ["Buffer", "UnsupportedAlgorithm", "X25519PrivateKey", "X25519PublicKey"]


class X25519PublicKey(metaclass=abc.ABCMeta):
    """An X25519 public key."""

    @classmethod
    def from_public_bytes(cls, data: bytes) -> X25519PublicKey:
        """Loads the 32-byte raw public key."""
        return _rust_x25519.from_public_bytes(data)

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
    def __eq__(self, other: object) -> bool:
        """Keys are equal when their public keys are."""


class X25519PrivateKey(metaclass=abc.ABCMeta):
    """An X25519 private key: agrees on a shared secret."""

    @classmethod
    def generate(cls) -> X25519PrivateKey:
        """A new random key."""
        return _rust_x25519.generate_key()

    @classmethod
    def from_private_bytes(cls, data: Buffer) -> X25519PrivateKey:
        """Loads the 32-byte raw private key."""
        return _rust_x25519.from_private_bytes(data)

    @abc.abstractmethod
    def public_key(self) -> X25519PublicKey:
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
    def exchange(self, peer_public_key: X25519PublicKey) -> bytes:
        """The shared secret with ``peer_public_key``."""


X25519PublicKey.register(_rust_x25519.X25519PublicKey)
X25519PrivateKey.register(_rust_x25519.X25519PrivateKey)
