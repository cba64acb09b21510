"""ML-KEM key encapsulation (FIPS 203): the module-lattice key-encapsulation mechanism,
in its 768 and 1024 parameter sets. Keys are implemented in Rust on OpenSSL (3.5 or
later)."""

from __future__ import annotations

import abc

from oxicrypt._rust import mlkem as _rust_mlkem
from oxicrypt.exceptions import UnsupportedAlgorithm, _Reasons
from oxicrypt.hazmat.primitives import _serialization
from oxicrypt.utils import Buffer

__all__ = [
    "Buffer",
    "MLKEM768PrivateKey",
    "MLKEM768PublicKey",
    "MLKEM1024PrivateKey",
    "MLKEM1024PublicKey",
    "UnsupportedAlgorithm",
]


def _check_supported(name: str) -> None:
    from oxicrypt.hazmat.backends.openssl.backend import backend

    if not backend.mlkem_supported():
        raise UnsupportedAlgorithm(
            f"{name} is not supported by this backend.",
            _Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM,
        )


class MLKEM768PublicKey(metaclass=abc.ABCMeta):
    """An ML-KEM-768 public (encapsulation) key."""

    @classmethod
    def from_public_bytes(cls, data: Buffer) -> MLKEM768PublicKey:
        """Loads the 1,184-byte raw encapsulation key; one that fails FIPS 203's modulus
        check is a ``ValueError``."""
        _check_supported("ML-KEM-768")
        return _rust_mlkem.from_public_bytes("ML-KEM-768", data)

    @abc.abstractmethod
    def encapsulate(self) -> tuple[bytes, bytes]:
        """A fresh 32-byte shared secret and the 1,088-byte ciphertext that carries it
        to the private key's holder, as ``(shared_secret, ciphertext)``."""

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The key in the requested encoding and format (Raw, or SubjectPublicKeyInfo as
        PEM or DER)."""

    @abc.abstractmethod
    def public_bytes_raw(self) -> bytes:
        """The 1,184-byte raw encapsulation key."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Keys are equal when their public keys are."""

    @abc.abstractmethod
    def __copy__(self) -> MLKEM768PublicKey:
        """Keys are immutable: the copy is the key itself."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLKEM768PublicKey:
        """Keys are immutable: the copy is the key itself."""


class MLKEM768PrivateKey(metaclass=abc.ABCMeta):
    """An ML-KEM-768 private (decapsulation) key."""

    @classmethod
    def generate(cls) -> MLKEM768PrivateKey:
        """A new random key."""
        _check_supported("ML-KEM-768")
        return _rust_mlkem.generate_key("ML-KEM-768")

    @classmethod
    def from_seed_bytes(cls, data: Buffer) -> MLKEM768PrivateKey:
        """The key FIPS 203 derives from the 64-byte seed ``data`` (``d || z``)."""
        _check_supported("ML-KEM-768")
        return _rust_mlkem.from_seed_bytes("ML-KEM-768", data)

    @abc.abstractmethod
    def public_key(self) -> MLKEM768PublicKey:
        """The matching public key."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """The key in the requested encoding and format, encrypted as asked: Raw (the
        seed), or PKCS#8 as PEM or DER holding the seed (never the expanded key)."""

    @abc.abstractmethod
    def private_bytes_raw(self) -> bytes:
        """The 64-byte seed of the key."""

    @abc.abstractmethod
    def decapsulate(self, ciphertext: Buffer) -> bytes:
        """The 32-byte shared secret carried by ``ciphertext``. A ciphertext of the wrong
        length is a ``ValueError``; a tampered one gives an unrelated secret (FIPS 203
        implicit rejection), not an error."""

    @abc.abstractmethod
    def __copy__(self) -> MLKEM768PrivateKey:
        """Keys are immutable: the copy is the key itself."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLKEM768PrivateKey:
        """Keys are immutable: the copy is the key itself."""


MLKEM768PublicKey.register(_rust_mlkem.MLKEM768PublicKey)
MLKEM768PrivateKey.register(_rust_mlkem.MLKEM768PrivateKey)


class MLKEM1024PublicKey(metaclass=abc.ABCMeta):
    """An ML-KEM-1024 public (encapsulation) key."""

    @classmethod
    def from_public_bytes(cls, data: Buffer) -> MLKEM1024PublicKey:
        """Loads the 1,568-byte raw encapsulation key; one that fails FIPS 203's modulus
        check is a ``ValueError``."""
        _check_supported("ML-KEM-1024")
        return _rust_mlkem.from_public_bytes("ML-KEM-1024", data)

    @abc.abstractmethod
    def encapsulate(self) -> tuple[bytes, bytes]:
        """A fresh 32-byte shared secret and the 1,568-byte ciphertext that carries it
        to the private key's holder, as ``(shared_secret, ciphertext)``."""

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The key in the requested encoding and format (Raw, or SubjectPublicKeyInfo as
        PEM or DER)."""

    @abc.abstractmethod
    def public_bytes_raw(self) -> bytes:
        """The 1,568-byte raw encapsulation key."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Keys are equal when their public keys are."""

    @abc.abstractmethod
    def __copy__(self) -> MLKEM1024PublicKey:
        """Keys are immutable: the copy is the key itself."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLKEM1024PublicKey:
        """Keys are immutable: the copy is the key itself."""


class MLKEM1024PrivateKey(metaclass=abc.ABCMeta):
    """An ML-KEM-1024 private (decapsulation) key."""

    @classmethod
    def generate(cls) -> MLKEM1024PrivateKey:
        """A new random key."""
        _check_supported("ML-KEM-1024")
        return _rust_mlkem.generate_key("ML-KEM-1024")

    @classmethod
    def from_seed_bytes(cls, data: Buffer) -> MLKEM1024PrivateKey:
        """The key FIPS 203 derives from the 64-byte seed ``data`` (``d || z``)."""
        _check_supported("ML-KEM-1024")
        return _rust_mlkem.from_seed_bytes("ML-KEM-1024", data)

    @abc.abstractmethod
    def public_key(self) -> MLKEM1024PublicKey:
        """The matching public key."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """The key in the requested encoding and format, encrypted as asked: Raw (the
        seed), or PKCS#8 as PEM or DER holding the seed (never the expanded key)."""

    @abc.abstractmethod
    def private_bytes_raw(self) -> bytes:
        """The 64-byte seed of the key."""

    @abc.abstractmethod
    def decapsulate(self, ciphertext: Buffer) -> bytes:
        """The 32-byte shared secret carried by ``ciphertext``. A ciphertext of the wrong
        length is a ``ValueError``; a tampered one gives an unrelated secret (FIPS 203
        implicit rejection), not an error."""

    @abc.abstractmethod
    def __copy__(self) -> MLKEM1024PrivateKey:
        """Keys are immutable: the copy is the key itself."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLKEM1024PrivateKey:
        """Keys are immutable: the copy is the key itself."""


MLKEM1024PublicKey.register(_rust_mlkem.MLKEM1024PublicKey)
MLKEM1024PrivateKey.register(_rust_mlkem.MLKEM1024PrivateKey)
