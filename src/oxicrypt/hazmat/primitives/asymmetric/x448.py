"""X448 key agreement (RFC 7748). Keys are implemented in Rust on OpenSSL."""

from __future__ import annotations

import abc

from oxicrypt._rust import x448 as _rust_x448
from oxicrypt.exceptions import UnsupportedAlgorithm
from oxicrypt.hazmat.primitives import _serialization
from oxicrypt.utils import Buffer

__all__ = ["Buffer", "UnsupportedAlgorithm", "X448PrivateKey", "X448PublicKey"]


class X448PublicKey(metaclass=abc.ABCMeta):
    """An X448 public key."""

    @classmethod
    def from_public_bytes(cls, data: bytes) -> X448PublicKey:
        """Loads the 56-byte raw public key."""
        return _rust_x448.from_public_bytes(data)

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The key in the requested encoding and format."""

    @abc.abstractmethod
    def public_bytes_raw(self) -> bytes:
        """The 56-byte raw public key."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Keys are equal when their public keys are."""


class X448PrivateKey(metaclass=abc.ABCMeta):
    """An X448 private key: agrees on a shared secret."""

    @classmethod
    def generate(cls) -> X448PrivateKey:
        """A new random key."""
        return _rust_x448.generate_key()

    @classmethod
    def from_private_bytes(cls, data: Buffer) -> X448PrivateKey:
        """Loads the 56-byte raw private key."""
        return _rust_x448.from_private_bytes(data)

    @abc.abstractmethod
    def public_key(self) -> X448PublicKey:
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
        """The 56-byte raw private key."""

    @abc.abstractmethod
    def exchange(self, peer_public_key: X448PublicKey) -> bytes:
        """The shared secret with ``peer_public_key``."""


X448PublicKey.register(_rust_x448.X448PublicKey)
X448PrivateKey.register(_rust_x448.X448PrivateKey)
