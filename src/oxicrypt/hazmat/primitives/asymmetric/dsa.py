"""DSA (FIPS 186-4). Keys are implemented in Rust on OpenSSL; key containers are parsed
by oxicrypt's Rust code."""

from __future__ import annotations

import abc
import typing

from oxicrypt._rust import dsa as _rust_dsa
from oxicrypt._rust.dsa import DSAParameterNumbers as DSAParameterNumbers
from oxicrypt._rust.dsa import DSAPrivateNumbers as DSAPrivateNumbers
from oxicrypt._rust.dsa import DSAPublicNumbers as DSAPublicNumbers
from oxicrypt.hazmat.primitives import _serialization, hashes
from oxicrypt.hazmat.primitives.asymmetric import utils as asym_utils
from oxicrypt.utils import Buffer

__all__ = [
    "Buffer",
    "DSAParameterNumbers",
    "DSAParameters",
    "DSAParametersWithNumbers",
    "DSAPrivateKey",
    "DSAPrivateKeyWithSerialization",
    "DSAPrivateNumbers",
    "DSAPublicKey",
    "DSAPublicKeyWithSerialization",
    "DSAPublicNumbers",
    "generate_parameters",
    "generate_private_key",
]


class DSAParameters(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def generate_private_key(self) -> DSAPrivateKey:
        """A new key with these parameters."""

    @abc.abstractmethod
    def parameter_numbers(self) -> DSAParameterNumbers:
        """p, q and g."""


DSAParametersWithNumbers = DSAParameters
DSAParameters.register(_rust_dsa.DSAParameters)


class DSAPrivateKey(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of p."""

    @abc.abstractmethod
    def public_key(self) -> DSAPublicKey:
        """The matching public key."""

    @abc.abstractmethod
    def parameters(self) -> DSAParameters:
        """The key's domain parameters."""

    @abc.abstractmethod
    def sign(
        self,
        data: Buffer,
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm,
    ) -> bytes:
        """A DER-encoded DSA signature of ``data``."""

    @abc.abstractmethod
    def private_numbers(self) -> DSAPrivateNumbers:
        """The key's integers."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """The key in the requested encoding and format, encrypted as asked."""


DSAPrivateKeyWithSerialization = DSAPrivateKey
DSAPrivateKey.register(_rust_dsa.DSAPrivateKey)


class DSAPublicKey(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of p."""

    @abc.abstractmethod
    def parameters(self) -> DSAParameters:
        """The key's domain parameters."""

    @abc.abstractmethod
    def public_numbers(self) -> DSAPublicNumbers:
        """y and the parameters."""

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The key in the requested encoding and format."""

    @abc.abstractmethod
    def verify(
        self,
        signature: Buffer,
        data: Buffer,
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm,
    ) -> None:
        """Raises :class:`~oxicrypt.exceptions.InvalidSignature` unless ``signature`` is
        valid for ``data``."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Keys are equal when their parameters and y are."""


DSAPublicKeyWithSerialization = DSAPublicKey
DSAPublicKey.register(_rust_dsa.DSAPublicKey)


def generate_parameters(key_size: int, backend: typing.Any = None) -> DSAParameters:
    """New domain parameters with a ``key_size``-bit p (1024, 2048, 3072 or 4096)."""
    return _rust_dsa.generate_parameters(key_size)


def generate_private_key(key_size: int, backend: typing.Any = None) -> DSAPrivateKey:
    """A new key with new ``key_size``-bit domain parameters."""
    return _rust_dsa.generate_private_key(key_size)
