"""Certificates, CSRs and CRLs: the abstract classes users test with ``isinstance``, CSR
attributes, and the loaders. Parsing is Rust (``oxicrypt._rust.x509``); the classes here
are the ABCs the Rust classes register with."""

from __future__ import annotations

import abc
import datetime
import os
import typing

from oxicrypt import _rust, utils
from oxicrypt.hazmat._oid import ObjectIdentifier
from oxicrypt.hazmat.primitives.asymmetric.types import (
    CertificateIssuerPrivateKeyTypes as CertificateIssuerPrivateKeyTypes,
)
from oxicrypt.hazmat.primitives.asymmetric.types import (
    CertificatePublicKeyTypes as CertificatePublicKeyTypes,
)
from oxicrypt.x509.extensions import Extension as Extension
from oxicrypt.x509.extensions import ExtensionType as ExtensionType
from oxicrypt.x509.name import Name as Name


class Version(utils.Enum):
    """The X.509 certificate version (the value is the encoded INTEGER)."""

    v1 = 0
    v3 = 2


class InvalidVersion(Exception):
    """A certificate or CSR declares a version oxicrypt does not know."""

    def __init__(self, msg: str, parsed_version: int) -> None:
        super().__init__(msg)
        self.parsed_version = parsed_version


class AttributeNotFound(Exception):
    """The CSR attribute asked for is not present."""

    def __init__(self, msg: str, oid: ObjectIdentifier) -> None:
        super().__init__(msg)
        self.oid = oid


def random_serial_number() -> int:
    """A random positive serial number of at most 159 bits: RFC 5280 allows 20 octets, and
    CA/Browser Forum rules ask for at least 64 random bits."""
    return int.from_bytes(os.urandom(20), "big") >> 1


class Attribute:
    """One attribute of a certificate signing request: its OID, raw value and ASN.1 type."""

    def __init__(self, oid: ObjectIdentifier, value: bytes, _type: int = 12) -> None:
        self._oid = oid
        self._value = value
        self._type = _type

    @property
    def oid(self) -> ObjectIdentifier:
        return self._oid

    @property
    def value(self) -> bytes:
        return self._value

    def __repr__(self) -> str:
        return f"<Attribute(oid={self.oid}, value={self.value!r})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Attribute):
            return NotImplemented
        return self.oid == other.oid and self.value == other.value and self._type == other._type

    def __hash__(self) -> int:
        return hash((self.oid, self.value, self._type))


class Attributes:
    """The attributes of a certificate signing request, in order."""

    def __init__(self, attributes: typing.Iterable[Attribute]) -> None:
        self._attributes = list(attributes)

    def __iter__(self) -> typing.Iterator[Attribute]:
        return iter(self._attributes)

    def __len__(self) -> int:
        return len(self._attributes)

    def __getitem__(self, idx: typing.Any) -> typing.Any:
        return self._attributes[idx]

    def __repr__(self) -> str:
        return f"<Attributes({self._attributes})>"

    def get_attribute_for_oid(self, oid: ObjectIdentifier) -> Attribute:
        for attribute in self._attributes:
            if attribute.oid == oid:
                return attribute
        raise AttributeNotFound(f"No {oid} attribute was found", oid)


class Certificate(metaclass=abc.ABCMeta):
    """An X.509 certificate. Instances come from the loaders; the concrete class is Rust."""

    @abc.abstractmethod
    def fingerprint(self, algorithm: typing.Any) -> bytes:
        """The digest of the certificate's DER with ``algorithm``."""

    @property
    @abc.abstractmethod
    def serial_number(self) -> int:
        """The serial number."""

    @property
    @abc.abstractmethod
    def version(self) -> Version:
        """The X.509 version."""

    @abc.abstractmethod
    def public_key(self) -> typing.Any:
        """The subject's public key."""

    @property
    @abc.abstractmethod
    def public_key_algorithm_oid(self) -> ObjectIdentifier:
        """The OID of the subject public key's algorithm."""

    @property
    @abc.abstractmethod
    def not_valid_before(self) -> datetime.datetime:
        """Start of validity, naive UTC (deprecated: use ``not_valid_before_utc``)."""

    @property
    @abc.abstractmethod
    def not_valid_before_utc(self) -> datetime.datetime:
        """Start of validity, timezone-aware UTC."""

    @property
    @abc.abstractmethod
    def not_valid_after(self) -> datetime.datetime:
        """End of validity, naive UTC (deprecated: use ``not_valid_after_utc``)."""

    @property
    @abc.abstractmethod
    def not_valid_after_utc(self) -> datetime.datetime:
        """End of validity, timezone-aware UTC."""

    @property
    @abc.abstractmethod
    def issuer(self) -> typing.Any:
        """The issuer's Name."""

    @property
    @abc.abstractmethod
    def subject(self) -> typing.Any:
        """The subject's Name."""

    @property
    @abc.abstractmethod
    def signature_hash_algorithm(self) -> typing.Any:
        """The hash of the signature algorithm, or None (Ed25519, Ed448)."""

    @property
    @abc.abstractmethod
    def signature_algorithm_oid(self) -> ObjectIdentifier:
        """The signature algorithm's OID."""

    @property
    @abc.abstractmethod
    def signature_algorithm_parameters(self) -> typing.Any:
        """PKCS1v15, PSS, ECDSA or None, as the signature algorithm says."""

    @property
    @abc.abstractmethod
    def extensions(self) -> typing.Any:
        """The certificate's Extensions."""

    @property
    @abc.abstractmethod
    def signature(self) -> bytes:
        """The signature bytes."""

    @property
    @abc.abstractmethod
    def tbs_certificate_bytes(self) -> bytes:
        """The DER TBSCertificate, as signed."""

    @property
    @abc.abstractmethod
    def tbs_precertificate_bytes(self) -> bytes:
        """The TBSCertificate without its SCT list extension (RFC 6962)."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool: ...

    @abc.abstractmethod
    def __hash__(self) -> int: ...

    @abc.abstractmethod
    def public_bytes(self, encoding: typing.Any) -> bytes:
        """The certificate as DER or PEM."""

    @abc.abstractmethod
    def verify_directly_issued_by(self, issuer: Certificate) -> None:
        """Checks that ``issuer`` signed this certificate (name and signature only)."""


Certificate.register(_rust.x509.Certificate)


def load_pem_x509_certificate(data: bytes, backend: typing.Any = None) -> Certificate:
    """The first certificate of PEM ``data``."""
    return _rust.x509.load_pem_x509_certificate(data)


def load_der_x509_certificate(data: bytes, backend: typing.Any = None) -> Certificate:
    """A certificate from DER ``data``."""
    return _rust.x509.load_der_x509_certificate(data)


def load_pem_x509_certificates(data: bytes) -> list[Certificate]:
    """Every certificate of a PEM bundle, in order."""
    return list(_rust.x509.load_pem_x509_certificates(data))


class CertificateSigningRequest(metaclass=abc.ABCMeta):
    """A PKCS#10 certificate signing request; the concrete class is Rust."""

    @abc.abstractmethod
    def public_key(self) -> typing.Any:
        """The requester's public key."""

    @property
    @abc.abstractmethod
    def subject(self) -> typing.Any:
        """The requested subject Name."""

    @property
    @abc.abstractmethod
    def extensions(self) -> typing.Any:
        """The extensions of the extensionRequest attribute."""

    @property
    @abc.abstractmethod
    def attributes(self) -> Attributes:
        """Every attribute of the request."""

    @property
    @abc.abstractmethod
    def is_signature_valid(self) -> bool:
        """Whether the request is signed by its own key."""

    @abc.abstractmethod
    def public_bytes(self, encoding: typing.Any) -> bytes:
        """The request as DER or PEM."""

    @property
    @abc.abstractmethod
    def public_key_algorithm_oid(self) -> ObjectIdentifier:
        """The OID of the requester's key algorithm."""

    @property
    @abc.abstractmethod
    def signature_hash_algorithm(self) -> typing.Any:
        """The hash of the signature algorithm, or None (Ed25519, Ed448)."""

    @property
    @abc.abstractmethod
    def signature_algorithm_oid(self) -> ObjectIdentifier:
        """The signature algorithm's OID."""

    @property
    @abc.abstractmethod
    def signature_algorithm_parameters(self) -> typing.Any:
        """PKCS1v15, PSS, ECDSA or None, as the signature algorithm says."""

    @property
    @abc.abstractmethod
    def signature(self) -> bytes:
        """The signature bytes."""

    @property
    @abc.abstractmethod
    def tbs_certrequest_bytes(self) -> bytes:
        """The DER CertificationRequestInfo, as signed."""


class RevokedCertificate(metaclass=abc.ABCMeta):
    """One entry of a CRL; the concrete class is Rust."""

    @property
    @abc.abstractmethod
    def serial_number(self) -> int:
        """The revoked certificate's serial number."""

    @property
    @abc.abstractmethod
    def revocation_date(self) -> datetime.datetime:
        """When it was revoked, naive UTC (deprecated: use ``revocation_date_utc``)."""

    @property
    @abc.abstractmethod
    def revocation_date_utc(self) -> datetime.datetime:
        """When it was revoked, timezone-aware UTC."""

    @property
    @abc.abstractmethod
    def extensions(self) -> typing.Any:
        """The entry's extensions."""


class CertificateRevocationList(metaclass=abc.ABCMeta):
    """An X.509 CRL; the concrete class is Rust."""

    @abc.abstractmethod
    def public_bytes(self, encoding: typing.Any) -> bytes:
        """The CRL as DER or PEM."""

    @abc.abstractmethod
    def get_revoked_certificate_by_serial_number(
        self, serial_number: int
    ) -> RevokedCertificate | None:
        """The entry for ``serial_number``, or None."""

    @abc.abstractmethod
    def is_signature_valid(self, public_key: typing.Any) -> bool:
        """Whether ``public_key`` signed this CRL."""

    @abc.abstractmethod
    def fingerprint(self, algorithm: typing.Any) -> bytes:
        """The digest of the CRL's DER with ``algorithm``."""

    @property
    @abc.abstractmethod
    def issuer(self) -> typing.Any:
        """The issuer's Name."""

    @property
    @abc.abstractmethod
    def last_update(self) -> datetime.datetime:
        """thisUpdate, naive UTC (deprecated: use ``last_update_utc``)."""

    @property
    @abc.abstractmethod
    def last_update_utc(self) -> datetime.datetime:
        """thisUpdate, timezone-aware UTC."""

    @property
    @abc.abstractmethod
    def next_update(self) -> datetime.datetime | None:
        """nextUpdate, naive UTC, or None (deprecated: use ``next_update_utc``)."""

    @property
    @abc.abstractmethod
    def next_update_utc(self) -> datetime.datetime | None:
        """nextUpdate, timezone-aware UTC, or None."""

    @property
    @abc.abstractmethod
    def extensions(self) -> typing.Any:
        """The CRL's extensions."""

    @property
    @abc.abstractmethod
    def signature_hash_algorithm(self) -> typing.Any:
        """The hash of the signature algorithm, or None (Ed25519, Ed448)."""

    @property
    @abc.abstractmethod
    def signature_algorithm_oid(self) -> ObjectIdentifier:
        """The signature algorithm's OID."""

    @property
    @abc.abstractmethod
    def signature_algorithm_parameters(self) -> typing.Any:
        """PKCS1v15, PSS, ECDSA or None, as the signature algorithm says."""

    @property
    @abc.abstractmethod
    def signature(self) -> bytes:
        """The signature bytes."""

    @property
    @abc.abstractmethod
    def tbs_certlist_bytes(self) -> bytes:
        """The DER TBSCertList, as signed."""

    @abc.abstractmethod
    def __len__(self) -> int: ...

    @abc.abstractmethod
    def __iter__(self) -> typing.Iterator[RevokedCertificate]: ...

    @abc.abstractmethod
    def __getitem__(self, idx: typing.Any) -> typing.Any: ...


CertificateSigningRequest.register(_rust.x509.CertificateSigningRequest)
RevokedCertificate.register(_rust.x509.RevokedCertificate)
CertificateRevocationList.register(_rust.x509.CertificateRevocationList)


def load_pem_x509_csr(data: bytes, backend: typing.Any = None) -> CertificateSigningRequest:
    """A certificate signing request from PEM ``data``."""
    return _rust.x509.load_pem_x509_csr(data)


def load_der_x509_csr(data: bytes, backend: typing.Any = None) -> CertificateSigningRequest:
    """A certificate signing request from DER ``data``."""
    return _rust.x509.load_der_x509_csr(data)


def load_pem_x509_crl(data: bytes, backend: typing.Any = None) -> CertificateRevocationList:
    """A CRL from PEM ``data``."""
    return _rust.x509.load_pem_x509_crl(data)


def load_der_x509_crl(data: bytes, backend: typing.Any = None) -> CertificateRevocationList:
    """A CRL from DER ``data``."""
    return _rust.x509.load_der_x509_crl(data)
