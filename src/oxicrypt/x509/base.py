"""Certificates, CSRs and CRLs: the abstract classes users test with ``isinstance``, CSR
attributes, and the loaders. Parsing is Rust (``oxicrypt._rust.x509``); the classes here
are the ABCs the Rust classes register with."""

from __future__ import annotations

import os
import typing
from collections.abc import Iterable

from oxicrypt import _rust, utils
from oxicrypt.hazmat._oid import ObjectIdentifier
from oxicrypt.hazmat.primitives.asymmetric.types import (
    CertificateIssuerPrivateKeyTypes as CertificateIssuerPrivateKeyTypes,
)
from oxicrypt.hazmat.primitives.asymmetric.types import (
    CertificatePublicKeyTypes as CertificatePublicKeyTypes,
)
from oxicrypt.x509.builder import CertificateBuilder as CertificateBuilder
from oxicrypt.x509.builder import (
    CertificateRevocationListBuilder as CertificateRevocationListBuilder,
)
from oxicrypt.x509.builder import (
    CertificateSigningRequestBuilder as CertificateSigningRequestBuilder,
)
from oxicrypt.x509.builder import RevokedCertificateBuilder as RevokedCertificateBuilder
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

    def __init__(self, attributes: Iterable[Attribute]) -> None:
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


# The concrete Rust classes, as in the reference (where they are Rust classes too): they
# have no public constructor, only the loaders make them, and `isinstance` checks work
# on them directly. Their methods keep the reference's positional-only signatures.
Certificate = _rust.x509.Certificate
CertificateSigningRequest = _rust.x509.CertificateSigningRequest
CertificateRevocationList = _rust.x509.CertificateRevocationList
RevokedCertificate = _rust.x509.RevokedCertificate

load_pem_x509_certificate = _rust.x509.load_pem_x509_certificate
load_der_x509_certificate = _rust.x509.load_der_x509_certificate
load_pem_x509_certificates = _rust.x509.load_pem_x509_certificates
load_pem_x509_csr = _rust.x509.load_pem_x509_csr
load_der_x509_csr = _rust.x509.load_der_x509_csr
load_pem_x509_crl = _rust.x509.load_pem_x509_crl
load_der_x509_crl = _rust.x509.load_der_x509_crl
