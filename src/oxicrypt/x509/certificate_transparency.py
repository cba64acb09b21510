"""Signed certificate timestamps (RFC 6962): a log's promise to include a certificate."""

from __future__ import annotations

import datetime
import typing

from oxicrypt import utils
from oxicrypt.hazmat.primitives import hashes

__all__ = [
    "LogEntryType",
    "SignatureAlgorithm",
    "SignedCertificateTimestamp",
    "Version",
]


class LogEntryType(utils.Enum):
    """What the log entry covers: a certificate, or a precertificate."""

    X509_CERTIFICATE = 0
    PRE_CERTIFICATE = 1


class Version(utils.Enum):
    """The SCT structure version."""

    v1 = 0


class SignatureAlgorithm(utils.Enum):
    """The signature algorithm of the log's signature (TLS SignatureAlgorithm values)."""

    ANONYMOUS = 0
    RSA = 1
    DSA = 2
    ECDSA = 3


class SignedCertificateTimestamp:
    """One SCT, as found in a certificate's SCT list extension. Only the certificate parser
    creates these."""

    _version: Version
    _log_id: bytes
    _timestamp: datetime.datetime
    _entry_type: LogEntryType
    _signature_hash_algorithm: hashes.HashAlgorithm
    _signature_algorithm: SignatureAlgorithm
    _signature: bytes
    _extension_bytes: bytes

    # Unannotated, so that its signature reads "()" as the reference's does.
    def __init__(self):  # type: ignore[no-untyped-def]
        raise TypeError("No constructor defined")

    @classmethod
    def _from_parts(
        cls,
        *,
        version: Version,
        log_id: bytes,
        timestamp: datetime.datetime,
        entry_type: LogEntryType,
        signature_hash_algorithm: hashes.HashAlgorithm,
        signature_algorithm: SignatureAlgorithm,
        signature: bytes,
        extension_bytes: bytes,
    ) -> SignedCertificateTimestamp:
        """An SCT from its decoded fields; ``timestamp`` is a naive datetime in UTC."""
        sct = cls.__new__(cls)
        sct._version = version
        sct._log_id = log_id
        sct._timestamp = timestamp
        sct._entry_type = entry_type
        sct._signature_hash_algorithm = signature_hash_algorithm
        sct._signature_algorithm = signature_algorithm
        sct._signature = signature
        sct._extension_bytes = extension_bytes
        return sct

    @property
    def version(self) -> Version:
        return self._version

    @property
    def log_id(self) -> bytes:
        """The SHA-256 hash of the log's public key: which log issued the SCT."""
        return self._log_id

    @property
    def timestamp(self) -> datetime.datetime:
        """When the log issued the SCT, as a naive datetime in UTC."""
        return self._timestamp

    @property
    def entry_type(self) -> LogEntryType:
        return self._entry_type

    @property
    def signature_hash_algorithm(self) -> hashes.HashAlgorithm:
        return self._signature_hash_algorithm

    @property
    def signature_algorithm(self) -> SignatureAlgorithm:
        return self._signature_algorithm

    @property
    def signature(self) -> bytes:
        return self._signature

    @property
    def extension_bytes(self) -> bytes:
        """The SCT's extensions field, undecoded (RFC 6962 defines none)."""
        return self._extension_bytes

    def _key(self) -> tuple[typing.Any, ...]:
        # Hash algorithm objects compare by identity, so their name stands for them.
        return (
            self._version,
            self._log_id,
            self._timestamp,
            self._entry_type,
            self._signature_hash_algorithm.name,
            self._signature_algorithm,
            self._signature,
            self._extension_bytes,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SignedCertificateTimestamp):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())
