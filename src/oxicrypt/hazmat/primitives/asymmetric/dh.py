"""Finite-field Diffie-Hellman (deprecated: use X25519 or ECDH). Keys are implemented in
Rust on OpenSSL; key containers are parsed by oxicrypt's Rust code."""

from __future__ import annotations

import abc

from oxicrypt import utils
from oxicrypt._rust import dh as _rust_dh
from oxicrypt._rust.dh import DHParameterNumbers as DHParameterNumbers
from oxicrypt._rust.dh import DHPrivateNumbers as DHPrivateNumbers
from oxicrypt._rust.dh import DHPublicNumbers as DHPublicNumbers
from oxicrypt.hazmat.primitives import _serialization

__all__ = [
    "DHParameterNumbers",
    "DHParameters",
    "DHParametersWithSerialization",
    "DHPrivateKey",
    "DHPrivateKeyWithSerialization",
    "DHPrivateNumbers",
    "DHPublicKey",
    "DHPublicKeyWithSerialization",
    "DHPublicNumbers",
    "generate_parameters",
]

generate_parameters = _rust_dh.generate_parameters


class DHParameters(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def generate_private_key(self) -> DHPrivateKey:
        """A new key in this group."""

    @abc.abstractmethod
    def parameter_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.ParameterFormat,
    ) -> bytes:
        """The parameters as PKCS #3 (or X9.42, when q is known)."""

    @abc.abstractmethod
    def parameter_numbers(self) -> DHParameterNumbers:
        """p, g and q."""


DHParameters.register(_rust_dh.DHParameters)


class DHPublicKey(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of p."""

    @abc.abstractmethod
    def parameters(self) -> DHParameters:
        """The key's group."""

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The key as a SubjectPublicKeyInfo."""

    @abc.abstractmethod
    def public_numbers(self) -> DHPublicNumbers:
        """y and the group."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Keys are equal when their group and y are."""


DHPublicKey.register(_rust_dh.DHPublicKey)


class DHPrivateKey(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of p."""

    @abc.abstractmethod
    def public_key(self) -> DHPublicKey:
        """The matching public key."""

    @abc.abstractmethod
    def parameters(self) -> DHParameters:
        """The key's group."""

    @abc.abstractmethod
    def exchange(self, peer_public_key: DHPublicKey) -> bytes:
        """The shared secret with ``peer_public_key``, as long as p."""

    @abc.abstractmethod
    def private_numbers(self) -> DHPrivateNumbers:
        """x, y and the group."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """The key as PKCS#8, encrypted as asked."""


DHPrivateKey.register(_rust_dh.DHPrivateKey)

# The *WithSerialization names are deprecated aliases: reading one warns and returns the
# class it names.
DHParametersWithSerialization = utils.deprecated(
    DHParameters,
    __name__,
    "DHParametersWithSerialization is deprecated; use DHParameters.",
    utils.DeprecatedIn50,
    name="DHParametersWithSerialization",
)
DHPublicKeyWithSerialization = utils.deprecated(
    DHPublicKey,
    __name__,
    "DHPublicKeyWithSerialization is deprecated; use DHPublicKey.",
    utils.DeprecatedIn50,
    name="DHPublicKeyWithSerialization",
)
DHPrivateKeyWithSerialization = utils.deprecated(
    DHPrivateKey,
    __name__,
    "DHPrivateKeyWithSerialization is deprecated; use DHPrivateKey.",
    utils.DeprecatedIn50,
    name="DHPrivateKeyWithSerialization",
)
