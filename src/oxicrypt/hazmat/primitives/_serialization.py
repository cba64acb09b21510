"""Serialization choices shared by every key type: encodings, formats, and how (or
whether) a private key is encrypted."""

from __future__ import annotations

import abc

from oxicrypt import utils
from oxicrypt._rust.serialization import Encoding as Encoding
from oxicrypt._rust.serialization import ParameterFormat as ParameterFormat
from oxicrypt._rust.serialization import PrivateFormat as PrivateFormat
from oxicrypt._rust.serialization import PublicFormat as PublicFormat
from oxicrypt.hazmat.primitives.hashes import HashAlgorithm


class PBES(utils.Enum):
    """Password-based encryption schemes for PKCS#12."""

    PBESv1SHA1And3KeyTripleDESCBC = "PBESv1 using SHA1 and 3-Key TripleDES"
    PBESv2SHA256AndAES256CBC = "PBESv2 using SHA256 PBKDF2 and AES256 CBC"


class KeySerializationEncryption(metaclass=abc.ABCMeta):  # noqa: B024 (a marker ABC)
    """How ``private_bytes`` protects a private key."""


class BestAvailableEncryption(KeySerializationEncryption):
    """Encrypt with the strongest scheme oxicrypt offers for the format."""

    def __init__(self, password: bytes):
        if not isinstance(password, bytes) or len(password) == 0:
            raise ValueError("Password must be 1 or more bytes.")
        self.password = password


class NoEncryption(KeySerializationEncryption):
    """Write the private key unencrypted."""


class KeySerializationEncryptionBuilder:
    """Chooses encryption parameters for one private format; made by
    ``PrivateFormat.encryption_builder()``, finished by :meth:`build`."""

    def __init__(
        self,
        format: PrivateFormat,
        *,
        _kdf_rounds: int | None = None,
        _hmac_hash: HashAlgorithm | None = None,
        _key_cert_algorithm: PBES | None = None,
    ) -> None:
        self._format = format
        self._kdf_rounds = _kdf_rounds
        self._hmac_hash = _hmac_hash
        self._key_cert_algorithm = _key_cert_algorithm

    def _with(self, **changes: object) -> KeySerializationEncryptionBuilder:
        fields: dict[str, object] = {
            "_kdf_rounds": self._kdf_rounds,
            "_hmac_hash": self._hmac_hash,
            "_key_cert_algorithm": self._key_cert_algorithm,
        }
        fields.update(changes)
        return KeySerializationEncryptionBuilder(self._format, **fields)  # type: ignore[arg-type]

    def kdf_rounds(self, rounds: int) -> KeySerializationEncryptionBuilder:
        if self._kdf_rounds is not None:
            raise ValueError("kdf_rounds already set")
        if not isinstance(rounds, int):
            raise TypeError("kdf_rounds must be an integer")
        if rounds < 1:
            raise ValueError("kdf_rounds must be a positive integer")
        return self._with(_kdf_rounds=rounds)

    def hmac_hash(self, algorithm: HashAlgorithm) -> KeySerializationEncryptionBuilder:
        if self._format is not PrivateFormat.PKCS12:
            raise TypeError("hmac_hash only supported with PrivateFormat.PKCS12")
        if self._hmac_hash is not None:
            raise ValueError("hmac_hash already set")
        return self._with(_hmac_hash=algorithm)

    def key_cert_algorithm(self, algorithm: PBES) -> KeySerializationEncryptionBuilder:
        if self._format is not PrivateFormat.PKCS12:
            raise TypeError("key_cert_algorithm only supported with PrivateFormat.PKCS12")
        if self._key_cert_algorithm is not None:
            raise ValueError("key_cert_algorithm already set")
        return self._with(_key_cert_algorithm=algorithm)

    def build(self, password: bytes) -> KeySerializationEncryption:
        if not isinstance(password, bytes) or len(password) == 0:
            raise ValueError("Password must be 1 or more bytes.")
        return _KeySerializationEncryption(
            self._format,
            password,
            kdf_rounds=self._kdf_rounds,
            hmac_hash=self._hmac_hash,
            key_cert_algorithm=self._key_cert_algorithm,
        )


class _KeySerializationEncryption(KeySerializationEncryption):
    def __init__(
        self,
        format: PrivateFormat,
        password: bytes,
        *,
        kdf_rounds: int | None,
        hmac_hash: HashAlgorithm | None,
        key_cert_algorithm: PBES | None,
    ):
        self._format = format
        self.password = password
        self._kdf_rounds = kdf_rounds
        self._hmac_hash = hmac_hash
        self._key_cert_algorithm = key_cert_algorithm
