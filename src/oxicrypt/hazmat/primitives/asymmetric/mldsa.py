"""ML-DSA signatures (FIPS 204): the module-lattice digital signature algorithm, in its
three parameter sets. Keys are implemented in Rust on OpenSSL (3.5 or later)."""

from __future__ import annotations

import abc

from oxicrypt._rust import mldsa as _rust_mldsa
from oxicrypt.exceptions import UnsupportedAlgorithm, _Reasons
from oxicrypt.hazmat.primitives import _serialization
from oxicrypt.utils import Buffer

__all__ = [
    "Buffer",
    "MLDSA44PrivateKey",
    "MLDSA44PublicKey",
    "MLDSA65PrivateKey",
    "MLDSA65PublicKey",
    "MLDSA87PrivateKey",
    "MLDSA87PublicKey",
    "MLDSAMuHasher",
    "UnsupportedAlgorithm",
]


def _check_supported(name: str) -> None:
    from oxicrypt.hazmat.backends.openssl.backend import backend

    if not backend.mldsa_supported():
        raise UnsupportedAlgorithm(
            f"{name} is not supported by this backend.",
            _Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM,
        )


class MLDSA44PublicKey(metaclass=abc.ABCMeta):
    """An ML-DSA-44 public key: verifies signatures."""

    @classmethod
    def from_public_bytes(cls, data: bytes) -> MLDSA44PublicKey:
        """Loads the 1,312-byte raw public key."""
        _check_supported("ML-DSA-44")
        return _rust_mldsa.from_public_bytes("ML-DSA-44", data)

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
        """The 1,312-byte raw public key."""

    @abc.abstractmethod
    def verify(
        self,
        signature: Buffer,
        data: Buffer,
        context: Buffer | None = None,
    ) -> None:
        """Raises :class:`~oxicrypt.exceptions.InvalidSignature` unless ``signature`` is
        this key's signature of ``data`` made with the same ``context`` (at most 255
        bytes; ``None`` is the empty context)."""

    @abc.abstractmethod
    def verify_mu(
        self,
        signature: Buffer,
        mu: Buffer,
    ) -> None:
        """Like :meth:`verify`, for a signature made with ``sign_mu`` over the 64-byte
        message representative ``mu``."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Keys are equal when their public keys are."""

    @abc.abstractmethod
    def __copy__(self) -> MLDSA44PublicKey:
        """Keys are immutable: the copy is the key itself."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLDSA44PublicKey:
        """Keys are immutable: the copy is the key itself."""


class MLDSA44PrivateKey(metaclass=abc.ABCMeta):
    """An ML-DSA-44 private key: signs."""

    @classmethod
    def generate(cls) -> MLDSA44PrivateKey:
        """A new random key."""
        _check_supported("ML-DSA-44")
        return _rust_mldsa.generate_key("ML-DSA-44")

    @classmethod
    def from_seed_bytes(cls, data: Buffer) -> MLDSA44PrivateKey:
        """The key FIPS 204 derives from the 32-byte seed ``data``."""
        _check_supported("ML-DSA-44")
        return _rust_mldsa.from_seed_bytes("ML-DSA-44", data)

    @abc.abstractmethod
    def public_key(self) -> MLDSA44PublicKey:
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
        """The 32-byte seed of the key."""

    @abc.abstractmethod
    def sign(self, data: Buffer, context: Buffer | None = None) -> bytes:
        """A 2,420-byte signature of ``data`` with the context string ``context`` (at
        most 255 bytes). Signing is randomized (FIPS 204's hedged variant): two
        signatures of the same message differ."""

    @abc.abstractmethod
    def sign_mu(self, mu: Buffer) -> bytes:
        """A signature of the 64-byte message representative ``mu``, as computed by
        :class:`MLDSAMuHasher` (or elsewhere)."""

    @abc.abstractmethod
    def __copy__(self) -> MLDSA44PrivateKey:
        """Keys are immutable: the copy is the key itself."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLDSA44PrivateKey:
        """Keys are immutable: the copy is the key itself."""


MLDSA44PublicKey.register(_rust_mldsa.MLDSA44PublicKey)
MLDSA44PrivateKey.register(_rust_mldsa.MLDSA44PrivateKey)


class MLDSA65PublicKey(metaclass=abc.ABCMeta):
    """An ML-DSA-65 public key: verifies signatures."""

    @classmethod
    def from_public_bytes(cls, data: bytes) -> MLDSA65PublicKey:
        """Loads the 1,952-byte raw public key."""
        _check_supported("ML-DSA-65")
        return _rust_mldsa.from_public_bytes("ML-DSA-65", data)

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
        """The 1,952-byte raw public key."""

    @abc.abstractmethod
    def verify(
        self,
        signature: Buffer,
        data: Buffer,
        context: Buffer | None = None,
    ) -> None:
        """Raises :class:`~oxicrypt.exceptions.InvalidSignature` unless ``signature`` is
        this key's signature of ``data`` made with the same ``context`` (at most 255
        bytes; ``None`` is the empty context)."""

    @abc.abstractmethod
    def verify_mu(
        self,
        signature: Buffer,
        mu: Buffer,
    ) -> None:
        """Like :meth:`verify`, for a signature made with ``sign_mu`` over the 64-byte
        message representative ``mu``."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Keys are equal when their public keys are."""

    @abc.abstractmethod
    def __copy__(self) -> MLDSA65PublicKey:
        """Keys are immutable: the copy is the key itself."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLDSA65PublicKey:
        """Keys are immutable: the copy is the key itself."""


class MLDSA65PrivateKey(metaclass=abc.ABCMeta):
    """An ML-DSA-65 private key: signs."""

    @classmethod
    def generate(cls) -> MLDSA65PrivateKey:
        """A new random key."""
        _check_supported("ML-DSA-65")
        return _rust_mldsa.generate_key("ML-DSA-65")

    @classmethod
    def from_seed_bytes(cls, data: Buffer) -> MLDSA65PrivateKey:
        """The key FIPS 204 derives from the 32-byte seed ``data``."""
        _check_supported("ML-DSA-65")
        return _rust_mldsa.from_seed_bytes("ML-DSA-65", data)

    @abc.abstractmethod
    def public_key(self) -> MLDSA65PublicKey:
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
        """The 32-byte seed of the key."""

    @abc.abstractmethod
    def sign(self, data: Buffer, context: Buffer | None = None) -> bytes:
        """A 3,309-byte signature of ``data`` with the context string ``context`` (at
        most 255 bytes). Signing is randomized (FIPS 204's hedged variant): two
        signatures of the same message differ."""

    @abc.abstractmethod
    def sign_mu(self, mu: Buffer) -> bytes:
        """A signature of the 64-byte message representative ``mu``, as computed by
        :class:`MLDSAMuHasher` (or elsewhere)."""

    @abc.abstractmethod
    def __copy__(self) -> MLDSA65PrivateKey:
        """Keys are immutable: the copy is the key itself."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLDSA65PrivateKey:
        """Keys are immutable: the copy is the key itself."""


MLDSA65PublicKey.register(_rust_mldsa.MLDSA65PublicKey)
MLDSA65PrivateKey.register(_rust_mldsa.MLDSA65PrivateKey)


class MLDSA87PublicKey(metaclass=abc.ABCMeta):
    """An ML-DSA-87 public key: verifies signatures."""

    @classmethod
    def from_public_bytes(cls, data: bytes) -> MLDSA87PublicKey:
        """Loads the 2,592-byte raw public key."""
        _check_supported("ML-DSA-87")
        return _rust_mldsa.from_public_bytes("ML-DSA-87", data)

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
        """The 2,592-byte raw public key."""

    @abc.abstractmethod
    def verify(
        self,
        signature: Buffer,
        data: Buffer,
        context: Buffer | None = None,
    ) -> None:
        """Raises :class:`~oxicrypt.exceptions.InvalidSignature` unless ``signature`` is
        this key's signature of ``data`` made with the same ``context`` (at most 255
        bytes; ``None`` is the empty context)."""

    @abc.abstractmethod
    def verify_mu(
        self,
        signature: Buffer,
        mu: Buffer,
    ) -> None:
        """Like :meth:`verify`, for a signature made with ``sign_mu`` over the 64-byte
        message representative ``mu``."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Keys are equal when their public keys are."""

    @abc.abstractmethod
    def __copy__(self) -> MLDSA87PublicKey:
        """Keys are immutable: the copy is the key itself."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLDSA87PublicKey:
        """Keys are immutable: the copy is the key itself."""


class MLDSA87PrivateKey(metaclass=abc.ABCMeta):
    """An ML-DSA-87 private key: signs."""

    @classmethod
    def generate(cls) -> MLDSA87PrivateKey:
        """A new random key."""
        _check_supported("ML-DSA-87")
        return _rust_mldsa.generate_key("ML-DSA-87")

    @classmethod
    def from_seed_bytes(cls, data: Buffer) -> MLDSA87PrivateKey:
        """The key FIPS 204 derives from the 32-byte seed ``data``."""
        _check_supported("ML-DSA-87")
        return _rust_mldsa.from_seed_bytes("ML-DSA-87", data)

    @abc.abstractmethod
    def public_key(self) -> MLDSA87PublicKey:
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
        """The 32-byte seed of the key."""

    @abc.abstractmethod
    def sign(self, data: Buffer, context: Buffer | None = None) -> bytes:
        """A 4,627-byte signature of ``data`` with the context string ``context`` (at
        most 255 bytes). Signing is randomized (FIPS 204's hedged variant): two
        signatures of the same message differ."""

    @abc.abstractmethod
    def sign_mu(self, mu: Buffer) -> bytes:
        """A signature of the 64-byte message representative ``mu``, as computed by
        :class:`MLDSAMuHasher` (or elsewhere)."""

    @abc.abstractmethod
    def __copy__(self) -> MLDSA87PrivateKey:
        """Keys are immutable: the copy is the key itself."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLDSA87PrivateKey:
        """Keys are immutable: the copy is the key itself."""


MLDSA87PublicKey.register(_rust_mldsa.MLDSA87PublicKey)
MLDSA87PrivateKey.register(_rust_mldsa.MLDSA87PrivateKey)

MLDSAMuHasher = _rust_mldsa.MLDSAMuHasher
