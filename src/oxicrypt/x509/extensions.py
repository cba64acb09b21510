"""X.509 extensions: the :class:`Extension` wrapper, the :class:`Extensions` collection and
one class per extension value (RFC 5280 sections 4.2 and 5.2-5.3, RFC 6962, RFC 6960,
RFC 7633, Microsoft and German (Common PKI) extensions)."""

from __future__ import annotations

import abc
import datetime
import ipaddress
import typing
from collections.abc import Iterable, Iterator

from oxicrypt import utils
from oxicrypt._rust import x509 as rust_x509
from oxicrypt.hazmat._oid import (
    CRLEntryExtensionOID,
    ExtensionOID,
    ObjectIdentifier,
    OCSPExtensionOID,
)
from oxicrypt.hazmat.primitives import constant_time, hashes
from oxicrypt.hazmat.primitives._serialization import Encoding, PublicFormat
from oxicrypt.hazmat.primitives.asymmetric.ec import EllipticCurvePublicKey
from oxicrypt.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from oxicrypt.hazmat.primitives.asymmetric.types import (
    CertificateIssuerPublicKeyTypes,
    CertificatePublicKeyTypes,
)
from oxicrypt.x509.certificate_transparency import SignedCertificateTimestamp
from oxicrypt.x509.general_name import (
    DirectoryName,
    DNSName,
    GeneralName,
    IPAddress,
    OtherName,
    RegisteredID,
    RFC822Name,
    UniformResourceIdentifier,
    _IPAddressTypes,
)
from oxicrypt.x509.name import Name, RelativeDistinguishedName

__all__ = [
    "AccessDescription",
    "Admission",
    "Admissions",
    "AuthorityInformationAccess",
    "AuthorityKeyIdentifier",
    "BasicConstraints",
    "CRLDistributionPoints",
    "CRLEntryExtensionOID",
    "CRLNumber",
    "CRLReason",
    "CertificateIssuer",
    "CertificateIssuerPublicKeyTypes",
    "CertificatePolicies",
    "CertificatePublicKeyTypes",
    "DNSName",
    "DeltaCRLIndicator",
    "DirectoryName",
    "DistributionPoint",
    "DuplicateExtension",
    "EllipticCurvePublicKey",
    "ExtendedKeyUsage",
    "Extension",
    "ExtensionNotFound",
    "ExtensionOID",
    "ExtensionType",
    "ExtensionTypeVar",
    "Extensions",
    "FreshestCRL",
    "GeneralName",
    "GeneralNames",
    "IPAddress",
    "InhibitAnyPolicy",
    "InvalidityDate",
    "IssuerAlternativeName",
    "IssuingDistributionPoint",
    "KeyUsage",
    "MSCertificateTemplate",
    "Name",
    "NameConstraints",
    "NamingAuthority",
    "NoticeReference",
    "OCSPAcceptableResponses",
    "OCSPExtensionOID",
    "OCSPNoCheck",
    "OCSPNonce",
    "ObjectIdentifier",
    "OtherName",
    "PolicyConstraints",
    "PolicyInformation",
    "PrecertPoison",
    "PrecertificateSignedCertificateTimestamps",
    "PrivateKeyUsagePeriod",
    "ProfessionInfo",
    "RFC822Name",
    "RSAPublicKey",
    "ReasonFlags",
    "RegisteredID",
    "RelativeDistinguishedName",
    "SignedCertificateTimestamp",
    "SignedCertificateTimestamps",
    "SubjectAlternativeName",
    "SubjectInformationAccess",
    "SubjectKeyIdentifier",
    "TLSFeature",
    "TLSFeatureType",
    "UniformResourceIdentifier",
    "UnrecognizedExtension",
    "UserNotice",
]

_T = typing.TypeVar("_T")


def _read_der_tlv(data: bytes, offset: int, tag: int) -> tuple[bytes, int]:
    """The contents of the DER element of type ``tag`` at ``offset``, and the offset just
    past it."""
    if offset + 2 > len(data) or data[offset] != tag:
        raise ValueError("malformed SubjectPublicKeyInfo")
    length = data[offset + 1]
    offset += 2
    if length & 0x80:
        # Long form: the low bits count the big-endian length octets that follow.
        count = length & 0x7F
        if count == 0 or count > 4 or offset + count > len(data):
            raise ValueError("malformed SubjectPublicKeyInfo")
        length = int.from_bytes(data[offset : offset + count], "big")
        offset += count
    end = offset + length
    if end > len(data):
        raise ValueError("malformed SubjectPublicKeyInfo")
    return data[offset:end], end


def _key_identifier_from_public_key(public_key: CertificatePublicKeyTypes) -> bytes:
    """RFC 5280 section 4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING
    value, without its tag, length and unused-bits octet."""
    spki = public_key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    # SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, BIT STRING }
    body, _ = _read_der_tlv(spki, 0, 0x30)
    _, offset = _read_der_tlv(body, 0, 0x30)
    bits, _ = _read_der_tlv(body, offset, 0x03)
    if not bits:
        raise ValueError("malformed SubjectPublicKeyInfo")
    digest = hashes.Hash(hashes.SHA1())
    digest.update(bits[1:])
    return digest.finalize()


class DuplicateExtension(Exception):
    """A certificate, CSR or CRL carries the same extension twice."""

    def __init__(self, msg: str, oid: ObjectIdentifier) -> None:
        super().__init__(msg)
        self.oid = oid


class ExtensionNotFound(Exception):
    """The extension asked for is not present."""

    def __init__(self, msg: str, oid: ObjectIdentifier) -> None:
        super().__init__(msg)
        self.oid = oid


class ExtensionType(metaclass=abc.ABCMeta):
    """The value of an extension; each subclass names its extension's OID in ``oid``."""

    oid: typing.ClassVar[ObjectIdentifier]

    def public_bytes(self) -> bytes:
        """The DER encoding of the extension's value (the ``extnValue`` contents)."""
        raise NotImplementedError(f"public_bytes is not implemented for extension type {self!r}")


ExtensionTypeVar = typing.TypeVar("ExtensionTypeVar", bound=ExtensionType, covariant=True)


class _ListOf(typing.Generic[_T]):
    """Sequence behaviour (len, iteration, indexing) over the list in ``_items``."""

    _items: list[_T]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[_T]:
        return iter(self._items)

    @typing.overload
    def __getitem__(self, idx: int) -> _T: ...

    @typing.overload
    def __getitem__(self, idx: slice) -> list[_T]: ...

    def __getitem__(self, idx: int | slice) -> _T | list[_T]:
        return self._items[idx]


def _list_of(items: Iterable[object], cls: type | tuple[type, ...], message: str) -> list[_T]:
    """``items`` as a list, every one an instance of ``cls``, else TypeError(message)."""
    result = list(items)
    # A plain loop: this runs for every list-valued extension a parser builds.
    for item in result:
        if not isinstance(item, cls):
            raise TypeError(message)
    return typing.cast("list[_T]", result)


def _tuple_or_none(items: list[typing.Any] | None) -> tuple[typing.Any, ...] | None:
    return tuple(items) if items is not None else None


class Extension(typing.Generic[ExtensionTypeVar]):
    """One extension: its OID, whether it is critical, and its decoded value."""

    def __init__(self, oid: ObjectIdentifier, critical: bool, value: ExtensionTypeVar) -> None:
        if not isinstance(oid, ObjectIdentifier):
            raise TypeError("oid argument must be an ObjectIdentifier instance.")
        if not isinstance(critical, bool):
            raise TypeError("critical must be a boolean value")
        self._oid = oid
        self._critical = critical
        self._value = value

    @property
    def oid(self) -> ObjectIdentifier:
        return self._oid

    @property
    def critical(self) -> bool:
        return self._critical

    @property
    def value(self) -> ExtensionTypeVar:
        return self._value

    def __repr__(self) -> str:
        return f"<Extension(oid={self.oid}, critical={self.critical}, value={self.value})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Extension):
            return NotImplemented
        return (
            self.oid == other.oid and self.critical == other.critical and self.value == other.value
        )

    def __hash__(self) -> int:
        return hash((self.oid, self.critical, self.value))


class Extensions(_ListOf[Extension[ExtensionType]]):
    """The extensions of a certificate, CSR, CRL, CRL entry or OCSP message, in order."""

    def __init__(self, extensions: Iterable[Extension[ExtensionType]]) -> None:
        self._items = list(extensions)

    def get_extension_for_oid(self, oid: ObjectIdentifier) -> Extension[ExtensionType]:
        for ext in self:
            if ext.oid == oid:
                return ext
        raise ExtensionNotFound(f"No {oid} extension was found", oid)

    def get_extension_for_class(
        self, extclass: type[ExtensionTypeVar]
    ) -> Extension[ExtensionTypeVar]:
        if extclass is UnrecognizedExtension:
            raise TypeError(
                "UnrecognizedExtension can't be used with get_extension_for_class because "
                "more than one instance of the class may be present."
            )
        for ext in self:
            if isinstance(ext.value, extclass):
                return typing.cast("Extension[ExtensionTypeVar]", ext)
        raise ExtensionNotFound(f"No {extclass} extension was found", extclass.oid)

    def __repr__(self) -> str:
        return f"<Extensions({self._items})>"


class CRLNumber(ExtensionType):
    """The sequence number of a CRL."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.CRL_NUMBER

    def __init__(self, crl_number: int) -> None:
        if not isinstance(crl_number, int):
            raise TypeError("crl_number must be an integer")
        self._crl_number = crl_number

    @property
    def crl_number(self) -> int:
        return self._crl_number

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CRLNumber):
            return NotImplemented
        return self.crl_number == other.crl_number

    def __hash__(self) -> int:
        return hash(self.crl_number)

    def __repr__(self) -> str:
        return f"<CRLNumber({self.crl_number})>"


class AuthorityKeyIdentifier(ExtensionType):
    """Identifies the key that signed the certificate or CRL."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.AUTHORITY_KEY_IDENTIFIER

    def __init__(
        self,
        key_identifier: bytes | None,
        authority_cert_issuer: Iterable[GeneralName] | None,
        authority_cert_serial_number: int | None,
    ) -> None:
        if (authority_cert_issuer is None) != (authority_cert_serial_number is None):
            raise ValueError(
                "authority_cert_issuer and authority_cert_serial_number must both be present "
                "or both None"
            )
        issuer: list[GeneralName] | None = None
        if authority_cert_issuer is not None:
            issuer = _list_of(
                authority_cert_issuer,
                GeneralName,
                "authority_cert_issuer must be a list of GeneralName objects",
            )
        if authority_cert_serial_number is not None and not isinstance(
            authority_cert_serial_number, int
        ):
            raise TypeError("authority_cert_serial_number must be an integer")
        self._key_identifier = key_identifier
        self._authority_cert_issuer = issuer
        self._authority_cert_serial_number = authority_cert_serial_number

    @classmethod
    def from_issuer_public_key(
        cls, public_key: CertificateIssuerPublicKeyTypes
    ) -> AuthorityKeyIdentifier:
        """The identifier of the issuer's key, computed as for its subject key identifier."""
        return cls(
            key_identifier=_key_identifier_from_public_key(public_key),
            authority_cert_issuer=None,
            authority_cert_serial_number=None,
        )

    @classmethod
    def from_issuer_subject_key_identifier(
        cls, ski: SubjectKeyIdentifier
    ) -> AuthorityKeyIdentifier:
        """The identifier the issuer's own subject key identifier gives."""
        return cls(
            key_identifier=ski.digest,
            authority_cert_issuer=None,
            authority_cert_serial_number=None,
        )

    @property
    def key_identifier(self) -> bytes | None:
        return self._key_identifier

    @property
    def authority_cert_issuer(self) -> list[GeneralName] | None:
        return self._authority_cert_issuer

    @property
    def authority_cert_serial_number(self) -> int | None:
        return self._authority_cert_serial_number

    def __repr__(self) -> str:
        return (
            f"<AuthorityKeyIdentifier(key_identifier={self.key_identifier!r}, "
            f"authority_cert_issuer={self.authority_cert_issuer}, "
            f"authority_cert_serial_number={self.authority_cert_serial_number})>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AuthorityKeyIdentifier):
            return NotImplemented
        return (
            self.key_identifier == other.key_identifier
            and self.authority_cert_issuer == other.authority_cert_issuer
            and self.authority_cert_serial_number == other.authority_cert_serial_number
        )

    def __hash__(self) -> int:
        return hash(
            (
                self.key_identifier,
                _tuple_or_none(self.authority_cert_issuer),
                self.authority_cert_serial_number,
            )
        )


class SubjectKeyIdentifier(ExtensionType):
    """Identifies the certified public key."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.SUBJECT_KEY_IDENTIFIER

    def __init__(self, digest: bytes) -> None:
        self._digest = digest

    @classmethod
    def from_public_key(cls, public_key: CertificatePublicKeyTypes) -> SubjectKeyIdentifier:
        """The SHA-1 hash of the key's subjectPublicKey bits (RFC 5280 section 4.2.1.2)."""
        return cls(_key_identifier_from_public_key(public_key))

    @property
    def digest(self) -> bytes:
        return self._digest

    @property
    def key_identifier(self) -> bytes:
        return self._digest

    def __repr__(self) -> str:
        return f"<SubjectKeyIdentifier(digest={self.digest!r})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SubjectKeyIdentifier):
            return NotImplemented
        return constant_time.bytes_eq(self.digest, other.digest)

    def __hash__(self) -> int:
        return hash(self.digest)


class AuthorityInformationAccess(ExtensionType, _ListOf["AccessDescription"]):
    """Where to find the issuer's certificate and OCSP responder."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.AUTHORITY_INFORMATION_ACCESS

    def __init__(self, descriptions: Iterable[AccessDescription]) -> None:
        self._items = _list_of(
            descriptions,
            AccessDescription,
            "Every item in the descriptions list must be an AccessDescription",
        )

    def __repr__(self) -> str:
        return f"<AuthorityInformationAccess({self._items})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AuthorityInformationAccess):
            return NotImplemented
        return self._items == other._items

    def __hash__(self) -> int:
        return hash(tuple(self._items))


class SubjectInformationAccess(ExtensionType, _ListOf["AccessDescription"]):
    """Where to find services the subject offers (a CA's repository, say)."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.SUBJECT_INFORMATION_ACCESS

    def __init__(self, descriptions: Iterable[AccessDescription]) -> None:
        self._items = _list_of(
            descriptions,
            AccessDescription,
            "Every item in the descriptions list must be an AccessDescription",
        )

    def __repr__(self) -> str:
        return f"<SubjectInformationAccess({self._items})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SubjectInformationAccess):
            return NotImplemented
        return self._items == other._items

    def __hash__(self) -> int:
        return hash(tuple(self._items))


class AccessDescription:
    """One access method (an OID) and the location that serves it."""

    def __init__(self, access_method: ObjectIdentifier, access_location: GeneralName) -> None:
        if not isinstance(access_method, ObjectIdentifier):
            raise TypeError("access_method must be an ObjectIdentifier")
        if not isinstance(access_location, GeneralName):
            raise TypeError("access_location must be a GeneralName")
        self._access_method = access_method
        self._access_location = access_location

    @property
    def access_method(self) -> ObjectIdentifier:
        return self._access_method

    @property
    def access_location(self) -> GeneralName:
        return self._access_location

    def __repr__(self) -> str:
        return (
            f"<AccessDescription(access_method={self.access_method}, "
            f"access_location={self.access_location})>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AccessDescription):
            return NotImplemented
        return (
            self.access_method == other.access_method
            and self.access_location == other.access_location
        )

    def __hash__(self) -> int:
        return hash((self.access_method, self.access_location))


class BasicConstraints(ExtensionType):
    """Whether the subject is a CA, and how many CAs may follow it in a path."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.BASIC_CONSTRAINTS

    def __init__(self, ca: bool, path_length: int | None) -> None:
        if not isinstance(ca, bool):
            raise TypeError("ca must be a boolean value")
        if path_length is not None and not ca:
            raise ValueError("path_length must be None when ca is False")
        if path_length is not None and (not isinstance(path_length, int) or path_length < 0):
            raise TypeError("path_length must be a non-negative integer or None")
        self._ca = ca
        self._path_length = path_length

    @property
    def ca(self) -> bool:
        return self._ca

    @property
    def path_length(self) -> int | None:
        return self._path_length

    def __repr__(self) -> str:
        return f"<BasicConstraints(ca={self.ca}, path_length={self.path_length})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BasicConstraints):
            return NotImplemented
        return self.ca == other.ca and self.path_length == other.path_length

    def __hash__(self) -> int:
        return hash((self.ca, self.path_length))


class DeltaCRLIndicator(ExtensionType):
    """Marks a delta CRL, naming the base CRL it updates."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.DELTA_CRL_INDICATOR

    def __init__(self, crl_number: int) -> None:
        if not isinstance(crl_number, int):
            raise TypeError("crl_number must be an integer")
        self._crl_number = crl_number

    @property
    def crl_number(self) -> int:
        return self._crl_number

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DeltaCRLIndicator):
            return NotImplemented
        return self.crl_number == other.crl_number

    def __hash__(self) -> int:
        return hash(self.crl_number)

    def __repr__(self) -> str:
        return f"<DeltaCRLIndicator(crl_number={self.crl_number})>"


class CRLDistributionPoints(ExtensionType, _ListOf["DistributionPoint"]):
    """Where to find the CRLs that cover the certificate."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.CRL_DISTRIBUTION_POINTS

    def __init__(self, distribution_points: Iterable[DistributionPoint]) -> None:
        self._items = _list_of(
            distribution_points,
            DistributionPoint,
            "distribution_points must be a list of DistributionPoint objects",
        )

    def __repr__(self) -> str:
        return f"<CRLDistributionPoints({self._items})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CRLDistributionPoints):
            return NotImplemented
        return self._items == other._items

    def __hash__(self) -> int:
        return hash(tuple(self._items))


class FreshestCRL(ExtensionType, _ListOf["DistributionPoint"]):
    """Where to find the delta CRLs that cover the certificate."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.FRESHEST_CRL

    def __init__(self, distribution_points: Iterable[DistributionPoint]) -> None:
        self._items = _list_of(
            distribution_points,
            DistributionPoint,
            "distribution_points must be a list of DistributionPoint objects",
        )

    def __repr__(self) -> str:
        return f"<FreshestCRL({self._items})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FreshestCRL):
            return NotImplemented
        return self._items == other._items

    def __hash__(self) -> int:
        return hash(tuple(self._items))


class ReasonFlags(utils.Enum):
    """Revocation reasons (RFC 5280 section 5.3.1); the values are the ASN.1 names."""

    unspecified = "unspecified"
    key_compromise = "keyCompromise"
    ca_compromise = "cACompromise"
    affiliation_changed = "affiliationChanged"
    superseded = "superseded"
    cessation_of_operation = "cessationOfOperation"
    certificate_hold = "certificateHold"
    privilege_withdrawn = "privilegeWithdrawn"
    aa_compromise = "aACompromise"
    remove_from_crl = "removeFromCRL"


# ReasonFlags as the bits of the ReasonFlags BIT STRING of distribution points (bit 0,
# unused, and remove_from_crl have no bit there).
_REASON_FLAGS_BY_BIT: dict[int, ReasonFlags] = {
    1: ReasonFlags.key_compromise,
    2: ReasonFlags.ca_compromise,
    3: ReasonFlags.affiliation_changed,
    4: ReasonFlags.superseded,
    5: ReasonFlags.cessation_of_operation,
    6: ReasonFlags.certificate_hold,
    7: ReasonFlags.privilege_withdrawn,
    8: ReasonFlags.aa_compromise,
}

# ReasonFlags as CRLReason ENUMERATED codes (7 is not used).
_CRL_REASONS_BY_CODE: dict[int, ReasonFlags] = {
    0: ReasonFlags.unspecified,
    1: ReasonFlags.key_compromise,
    2: ReasonFlags.ca_compromise,
    3: ReasonFlags.affiliation_changed,
    4: ReasonFlags.superseded,
    5: ReasonFlags.cessation_of_operation,
    6: ReasonFlags.certificate_hold,
    8: ReasonFlags.remove_from_crl,
    9: ReasonFlags.privilege_withdrawn,
    10: ReasonFlags.aa_compromise,
}

# Reasons that cannot limit a distribution point: they have no bit in its ReasonFlags.
_REASONS_WITHOUT_BIT = frozenset([ReasonFlags.unspecified, ReasonFlags.remove_from_crl])


def _check_reasons(reasons: object, what: str) -> None:
    """TypeError unless ``reasons`` is None or a frozenset of ReasonFlags."""
    if reasons is not None and (
        not isinstance(reasons, frozenset)
        or not all(isinstance(reason, ReasonFlags) for reason in reasons)
    ):
        raise TypeError(f"{what} must be None or frozenset of ReasonFlags")


class DistributionPoint:
    """Where one CRL can be found, which reasons it covers and who issues it."""

    def __init__(
        self,
        full_name: Iterable[GeneralName] | None,
        relative_name: RelativeDistinguishedName | None,
        reasons: frozenset[ReasonFlags] | None,
        crl_issuer: Iterable[GeneralName] | None,
    ) -> None:
        if full_name and relative_name:
            raise ValueError(
                "You cannot provide both full_name and relative_name, at least one must be None."
            )
        names: list[GeneralName] | None = None
        if full_name is not None:
            names = _list_of(
                full_name, GeneralName, "full_name must be a list of GeneralName objects"
            )
        if relative_name is not None and not isinstance(relative_name, RelativeDistinguishedName):
            raise TypeError("relative_name must be a RelativeDistinguishedName")
        issuer: list[GeneralName] | None = None
        if crl_issuer is not None:
            issuer = _list_of(
                crl_issuer, GeneralName, "crl_issuer must be None or a list of general names"
            )
        if not (names or relative_name or issuer):
            raise ValueError("Either full_name, relative_name or crl_issuer must be provided.")
        _check_reasons(reasons, "reasons")
        if reasons and not reasons.isdisjoint(_REASONS_WITHOUT_BIT):
            raise ValueError(
                "unspecified and remove_from_crl are not valid reasons in a DistributionPoint"
            )
        self._full_name = names
        self._relative_name = relative_name
        self._reasons = reasons
        self._crl_issuer = issuer

    @property
    def full_name(self) -> list[GeneralName] | None:
        return self._full_name

    @property
    def relative_name(self) -> RelativeDistinguishedName | None:
        return self._relative_name

    @property
    def reasons(self) -> frozenset[ReasonFlags] | None:
        return self._reasons

    @property
    def crl_issuer(self) -> list[GeneralName] | None:
        return self._crl_issuer

    def __repr__(self) -> str:
        return (
            f"<DistributionPoint(full_name={self.full_name}, "
            f"relative_name={self.relative_name}, reasons={self.reasons}, "
            f"crl_issuer={self.crl_issuer})>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DistributionPoint):
            return NotImplemented
        return (
            self.full_name == other.full_name
            and self.relative_name == other.relative_name
            and self.reasons == other.reasons
            and self.crl_issuer == other.crl_issuer
        )

    def __hash__(self) -> int:
        return hash(
            (
                _tuple_or_none(self.full_name),
                self.relative_name,
                self.reasons,
                _tuple_or_none(self.crl_issuer),
            )
        )


class PolicyConstraints(ExtensionType):
    """Limits on policy mapping and requirements for explicit policies in a path."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.POLICY_CONSTRAINTS

    def __init__(
        self,
        require_explicit_policy: int | None,
        inhibit_policy_mapping: int | None,
    ) -> None:
        if require_explicit_policy is not None and not isinstance(require_explicit_policy, int):
            raise TypeError("require_explicit_policy must be a non-negative integer or None")
        if inhibit_policy_mapping is not None and not isinstance(inhibit_policy_mapping, int):
            raise TypeError("inhibit_policy_mapping must be a non-negative integer or None")
        if require_explicit_policy is None and inhibit_policy_mapping is None:
            raise ValueError(
                "At least one of require_explicit_policy and inhibit_policy_mapping must not "
                "be None"
            )
        self._require_explicit_policy = require_explicit_policy
        self._inhibit_policy_mapping = inhibit_policy_mapping

    @property
    def require_explicit_policy(self) -> int | None:
        return self._require_explicit_policy

    @property
    def inhibit_policy_mapping(self) -> int | None:
        return self._inhibit_policy_mapping

    def __repr__(self) -> str:
        return (
            f"<PolicyConstraints(require_explicit_policy={self.require_explicit_policy}, "
            f"inhibit_policy_mapping={self.inhibit_policy_mapping})>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PolicyConstraints):
            return NotImplemented
        return (
            self.require_explicit_policy == other.require_explicit_policy
            and self.inhibit_policy_mapping == other.inhibit_policy_mapping
        )

    def __hash__(self) -> int:
        return hash((self.require_explicit_policy, self.inhibit_policy_mapping))


class PrivateKeyUsagePeriod(ExtensionType):
    """When the private key may be used (RFC 3280; deprecated by RFC 5280)."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.PRIVATE_KEY_USAGE_PERIOD

    def __init__(
        self,
        not_before: datetime.datetime | None,
        not_after: datetime.datetime | None,
    ) -> None:
        if not_before is not None and not isinstance(not_before, datetime.datetime):
            raise TypeError("not_before must be a datetime.datetime or None")
        if not_after is not None and not isinstance(not_after, datetime.datetime):
            raise TypeError("not_after must be a datetime.datetime or None")
        if not_before is None and not_after is None:
            raise ValueError("At least one of not_before and not_after must not be None")
        if not_before is not None and not_after is not None and not_before > not_after:
            raise ValueError("not_before must be before not_after")
        self._not_before = not_before
        self._not_after = not_after

    @property
    def not_before(self) -> datetime.datetime | None:
        return self._not_before

    @property
    def not_after(self) -> datetime.datetime | None:
        return self._not_after

    def __repr__(self) -> str:
        return f"<PrivateKeyUsagePeriod(not_before={self.not_before}, not_after={self.not_after})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PrivateKeyUsagePeriod):
            return NotImplemented
        return self.not_before == other.not_before and self.not_after == other.not_after

    def __hash__(self) -> int:
        return hash((self.not_before, self.not_after))


class CertificatePolicies(ExtensionType, _ListOf["PolicyInformation"]):
    """The policies under which the certificate was issued."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.CERTIFICATE_POLICIES

    def __init__(self, policies: Iterable[PolicyInformation]) -> None:
        self._items = _list_of(
            policies,
            PolicyInformation,
            "Every item in the policies list must be a PolicyInformation",
        )

    def __repr__(self) -> str:
        return f"<CertificatePolicies({self._items})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CertificatePolicies):
            return NotImplemented
        return self._items == other._items

    def __hash__(self) -> int:
        return hash(tuple(self._items))


class PolicyInformation:
    """One policy: its OID and qualifiers (CPS URIs as text, or user notices)."""

    def __init__(
        self,
        policy_identifier: ObjectIdentifier,
        policy_qualifiers: Iterable[str | UserNotice] | None,
    ) -> None:
        if not isinstance(policy_identifier, ObjectIdentifier):
            raise TypeError("policy_identifier must be an ObjectIdentifier")
        qualifiers: list[str | UserNotice] | None = None
        if policy_qualifiers is not None:
            qualifiers = _list_of(
                policy_qualifiers,
                (str, UserNotice),
                "policy_qualifiers must be a list of strings and/or UserNotice objects or None",
            )
        self._policy_identifier = policy_identifier
        self._policy_qualifiers = qualifiers

    @property
    def policy_identifier(self) -> ObjectIdentifier:
        return self._policy_identifier

    @property
    def policy_qualifiers(self) -> list[str | UserNotice] | None:
        return self._policy_qualifiers

    def __repr__(self) -> str:
        return (
            f"<PolicyInformation(policy_identifier={self.policy_identifier}, "
            f"policy_qualifiers={self.policy_qualifiers})>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PolicyInformation):
            return NotImplemented
        return (
            self.policy_identifier == other.policy_identifier
            and self.policy_qualifiers == other.policy_qualifiers
        )

    def __hash__(self) -> int:
        return hash((self.policy_identifier, _tuple_or_none(self.policy_qualifiers)))


class UserNotice:
    """A policy qualifier meant for people: a reference to a notice and/or text."""

    def __init__(
        self,
        notice_reference: NoticeReference | None,
        explicit_text: str | None,
    ) -> None:
        if notice_reference is not None and not isinstance(notice_reference, NoticeReference):
            raise TypeError("notice_reference must be None or a NoticeReference")
        self._notice_reference = notice_reference
        self._explicit_text = explicit_text

    @property
    def notice_reference(self) -> NoticeReference | None:
        return self._notice_reference

    @property
    def explicit_text(self) -> str | None:
        return self._explicit_text

    def __repr__(self) -> str:
        return (
            f"<UserNotice(notice_reference={self.notice_reference}, "
            f"explicit_text={self.explicit_text!r})>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UserNotice):
            return NotImplemented
        return (
            self.notice_reference == other.notice_reference
            and self.explicit_text == other.explicit_text
        )

    def __hash__(self) -> int:
        return hash((self.notice_reference, self.explicit_text))


class NoticeReference:
    """Numbered notices of an organization."""

    def __init__(self, organization: str | None, notice_numbers: Iterable[int]) -> None:
        self._organization = organization
        self._notice_numbers: list[int] = _list_of(
            notice_numbers, int, "notice_numbers must be a list of integers"
        )

    @property
    def organization(self) -> str | None:
        return self._organization

    @property
    def notice_numbers(self) -> list[int]:
        return self._notice_numbers

    def __repr__(self) -> str:
        return (
            f"<NoticeReference(organization={self.organization!r}, "
            f"notice_numbers={self.notice_numbers})>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NoticeReference):
            return NotImplemented
        return (
            self.organization == other.organization and self.notice_numbers == other.notice_numbers
        )

    def __hash__(self) -> int:
        return hash((self.organization, tuple(self.notice_numbers)))


class ExtendedKeyUsage(ExtensionType, _ListOf[ObjectIdentifier]):
    """The purposes the certified key may be used for, beyond key usage."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.EXTENDED_KEY_USAGE

    def __init__(self, usages: Iterable[ObjectIdentifier]) -> None:
        self._items = _list_of(
            usages, ObjectIdentifier, "Every item in the usages list must be an ObjectIdentifier"
        )

    def __repr__(self) -> str:
        return f"<ExtendedKeyUsage({self._items})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ExtendedKeyUsage):
            return NotImplemented
        return self._items == other._items

    def __hash__(self) -> int:
        return hash(tuple(self._items))


class OCSPNoCheck(ExtensionType):
    """Tells relying parties not to check the revocation of an OCSP responder's
    certificate. It has no value."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.OCSP_NO_CHECK

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OCSPNoCheck):
            return NotImplemented
        return True

    def __hash__(self) -> int:
        return hash(OCSPNoCheck)

    def __repr__(self) -> str:
        return "<OCSPNoCheck()>"


class PrecertPoison(ExtensionType):
    """Makes a precertificate (RFC 6962) unusable as a certificate. It has no value."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.PRECERT_POISON

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PrecertPoison):
            return NotImplemented
        return True

    def __hash__(self) -> int:
        return hash(PrecertPoison)

    def __repr__(self) -> str:
        return "<PrecertPoison()>"


class TLSFeatureType(utils.Enum):
    """TLS extensions a server must offer (RFC 7633); values are TLS extension numbers."""

    # OCSP stapling (status_request).
    status_request = 5
    # Multiple-certificate stapling (status_request_v2, RFC 6961).
    status_request_v2 = 17


class TLSFeature(ExtensionType, _ListOf[TLSFeatureType]):
    """The TLS features the subject promises to use ("must staple")."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.TLS_FEATURE

    def __init__(self, features: Iterable[TLSFeatureType]) -> None:
        items: list[TLSFeatureType] = list(features)
        if not items or not all(isinstance(f, TLSFeatureType) for f in items):
            raise TypeError("features must be a list of elements from the TLSFeatureType enum")
        self._items = items

    def __repr__(self) -> str:
        return f"<TLSFeature(features={self._items})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TLSFeature):
            return NotImplemented
        return self._items == other._items

    def __hash__(self) -> int:
        return hash(tuple(self._items))


class InhibitAnyPolicy(ExtensionType):
    """After how many more certificates anyPolicy stops matching."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.INHIBIT_ANY_POLICY

    def __init__(self, skip_certs: int) -> None:
        if not isinstance(skip_certs, int):
            raise TypeError("skip_certs must be an integer")
        if skip_certs < 0:
            raise ValueError("skip_certs must be a non-negative integer")
        self._skip_certs = skip_certs

    @property
    def skip_certs(self) -> int:
        return self._skip_certs

    def __repr__(self) -> str:
        return f"<InhibitAnyPolicy(skip_certs={self.skip_certs})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, InhibitAnyPolicy):
            return NotImplemented
        return self.skip_certs == other.skip_certs

    def __hash__(self) -> int:
        return hash(self.skip_certs)


class KeyUsage(ExtensionType):
    """What the certified key may be used for (RFC 5280 section 4.2.1.3)."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.KEY_USAGE

    def __init__(
        self,
        digital_signature: bool,
        content_commitment: bool,
        key_encipherment: bool,
        data_encipherment: bool,
        key_agreement: bool,
        key_cert_sign: bool,
        crl_sign: bool,
        encipher_only: bool,
        decipher_only: bool,
    ) -> None:
        # encipherOnly and decipherOnly qualify keyAgreement and mean nothing without it.
        if not key_agreement and (encipher_only or decipher_only):
            raise ValueError(
                "encipher_only and decipher_only can only be true when key_agreement is true"
            )
        self._digital_signature = digital_signature
        self._content_commitment = content_commitment
        self._key_encipherment = key_encipherment
        self._data_encipherment = data_encipherment
        self._key_agreement = key_agreement
        self._key_cert_sign = key_cert_sign
        self._crl_sign = crl_sign
        self._encipher_only = encipher_only
        self._decipher_only = decipher_only

    @property
    def digital_signature(self) -> bool:
        return self._digital_signature

    @property
    def content_commitment(self) -> bool:
        return self._content_commitment

    @property
    def key_encipherment(self) -> bool:
        return self._key_encipherment

    @property
    def data_encipherment(self) -> bool:
        return self._data_encipherment

    @property
    def key_agreement(self) -> bool:
        return self._key_agreement

    @property
    def key_cert_sign(self) -> bool:
        return self._key_cert_sign

    @property
    def crl_sign(self) -> bool:
        return self._crl_sign

    @property
    def encipher_only(self) -> bool:
        """Only defined when ``key_agreement`` is true; ValueError otherwise."""
        if not self.key_agreement:
            raise ValueError("encipher_only is undefined unless key_agreement is true")
        return self._encipher_only

    @property
    def decipher_only(self) -> bool:
        """Only defined when ``key_agreement`` is true; ValueError otherwise."""
        if not self.key_agreement:
            raise ValueError("decipher_only is undefined unless key_agreement is true")
        return self._decipher_only

    def _key(self) -> tuple[bool, ...]:
        return (
            self._digital_signature,
            self._content_commitment,
            self._key_encipherment,
            self._data_encipherment,
            self._key_agreement,
            self._key_cert_sign,
            self._crl_sign,
            self._encipher_only,
            self._decipher_only,
        )

    def __repr__(self) -> str:
        if self.key_agreement:
            encipher_only, decipher_only = self._encipher_only, self._decipher_only
        else:
            encipher_only = decipher_only = False
        return (
            f"<KeyUsage(digital_signature={self.digital_signature}, "
            f"content_commitment={self.content_commitment}, "
            f"key_encipherment={self.key_encipherment}, "
            f"data_encipherment={self.data_encipherment}, "
            f"key_agreement={self.key_agreement}, "
            f"key_cert_sign={self.key_cert_sign}, crl_sign={self.crl_sign}, "
            f"encipher_only={encipher_only}, decipher_only={decipher_only})>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, KeyUsage):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


def _check_subtrees(subtrees: Iterable[GeneralName] | None, what: str) -> list[GeneralName] | None:
    """A name-constraints subtree list, checked: a non-empty list of general names, with
    IP addresses given as networks."""
    if subtrees is None:
        return None
    items: list[GeneralName] = _list_of(
        subtrees, GeneralName, f"{what} must be a list of GeneralName objects or None"
    )
    if not items:
        raise ValueError(f"{what} must be a non-empty list or None")
    for name in items:
        if isinstance(name, IPAddress) and not isinstance(
            name.value, (ipaddress.IPv4Network, ipaddress.IPv6Network)
        ):
            raise TypeError(
                "IPAddress name constraints must be an IPv4Network or IPv6Network object"
            )
    return items


class NameConstraints(ExtensionType):
    """The name spaces a CA's subordinate certificates must (not) fall in."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.NAME_CONSTRAINTS

    def __init__(
        self,
        permitted_subtrees: Iterable[GeneralName] | None,
        excluded_subtrees: Iterable[GeneralName] | None,
    ) -> None:
        permitted = _check_subtrees(permitted_subtrees, "permitted_subtrees")
        excluded = _check_subtrees(excluded_subtrees, "excluded_subtrees")
        if permitted is None and excluded is None:
            raise ValueError(
                "At least one of permitted_subtrees and excluded_subtrees must not be None"
            )
        self._permitted_subtrees = permitted
        self._excluded_subtrees = excluded

    @property
    def permitted_subtrees(self) -> list[GeneralName] | None:
        return self._permitted_subtrees

    @property
    def excluded_subtrees(self) -> list[GeneralName] | None:
        return self._excluded_subtrees

    def __repr__(self) -> str:
        return (
            f"<NameConstraints(permitted_subtrees={self.permitted_subtrees}, "
            f"excluded_subtrees={self.excluded_subtrees})>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NameConstraints):
            return NotImplemented
        return (
            self.permitted_subtrees == other.permitted_subtrees
            and self.excluded_subtrees == other.excluded_subtrees
        )

    def __hash__(self) -> int:
        return hash(
            (_tuple_or_none(self.permitted_subtrees), _tuple_or_none(self.excluded_subtrees))
        )


class GeneralNames(_ListOf[GeneralName]):
    """A list of general names, as several extensions hold."""

    def __init__(self, general_names: Iterable[GeneralName]) -> None:
        self._items = _list_of(
            general_names,
            GeneralName,
            "Every item in the general_names list must be an object conforming to the "
            "GeneralName interface",
        )

    @typing.overload
    def get_values_for_type(
        self, type: type[DNSName] | type[UniformResourceIdentifier] | type[RFC822Name]
    ) -> list[str]: ...

    @typing.overload
    def get_values_for_type(self, type: type[DirectoryName]) -> list[Name]: ...

    @typing.overload
    def get_values_for_type(self, type: type[RegisteredID]) -> list[ObjectIdentifier]: ...

    @typing.overload
    def get_values_for_type(self, type: type[IPAddress]) -> list[_IPAddressTypes]: ...

    @typing.overload
    def get_values_for_type(self, type: type[OtherName]) -> list[OtherName]: ...

    def get_values_for_type(
        self,
        type: type[DNSName]
        | type[DirectoryName]
        | type[IPAddress]
        | type[OtherName]
        | type[RFC822Name]
        | type[RegisteredID]
        | type[UniformResourceIdentifier],
    ) -> list[_IPAddressTypes] | list[str] | list[OtherName] | list[Name] | list[ObjectIdentifier]:
        """The values of the names of class ``type``; OtherName objects whole, since
        their value alone means nothing without the type id."""
        matching: list[typing.Any] = [name for name in self if isinstance(name, type)]
        if type is OtherName:
            return matching
        return [name.value for name in matching]

    def __repr__(self) -> str:
        return f"<GeneralNames({self._items})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GeneralNames):
            return NotImplemented
        return self._items == other._items

    def __hash__(self) -> int:
        return hash(tuple(self._items))


class _GeneralNamesExtension(ExtensionType):
    """An extension whose value is a list of general names."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    def __init__(self, general_names: Iterable[GeneralName]) -> None:
        self._general_names = GeneralNames(general_names)

    def __len__(self) -> int:
        return len(self._general_names)

    def __iter__(self) -> Iterator[GeneralName]:
        return iter(self._general_names)

    @typing.overload
    def __getitem__(self, idx: int) -> GeneralName: ...

    @typing.overload
    def __getitem__(self, idx: slice) -> list[GeneralName]: ...

    def __getitem__(self, idx: int | slice) -> GeneralName | list[GeneralName]:
        return self._general_names[idx]

    @typing.overload
    def get_values_for_type(
        self, type: type[DNSName] | type[UniformResourceIdentifier] | type[RFC822Name]
    ) -> list[str]: ...

    @typing.overload
    def get_values_for_type(self, type: type[DirectoryName]) -> list[Name]: ...

    @typing.overload
    def get_values_for_type(self, type: type[RegisteredID]) -> list[ObjectIdentifier]: ...

    @typing.overload
    def get_values_for_type(self, type: type[IPAddress]) -> list[_IPAddressTypes]: ...

    @typing.overload
    def get_values_for_type(self, type: type[OtherName]) -> list[OtherName]: ...

    def get_values_for_type(
        self,
        type: type[DNSName]
        | type[DirectoryName]
        | type[IPAddress]
        | type[OtherName]
        | type[RFC822Name]
        | type[RegisteredID]
        | type[UniformResourceIdentifier],
    ) -> list[_IPAddressTypes] | list[str] | list[OtherName] | list[Name] | list[ObjectIdentifier]:
        """The values of the names of class ``type`` (OtherName objects whole)."""
        return self._general_names.get_values_for_type(type)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}({self._general_names})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, type(self)):
            return NotImplemented
        return self._general_names == other._general_names

    def __hash__(self) -> int:
        return hash(self._general_names)


# The subclasses re-bind the inherited public methods in their own namespace, as the
# reference defines them on each class: introspection then finds them there.


class SubjectAlternativeName(_GeneralNamesExtension):
    """Further names of the subject: DNS names, email addresses, IP addresses, ..."""

    oid = ExtensionOID.SUBJECT_ALTERNATIVE_NAME
    __init__ = _GeneralNamesExtension.__init__
    public_bytes = _GeneralNamesExtension.public_bytes
    get_values_for_type = _GeneralNamesExtension.get_values_for_type


class IssuerAlternativeName(_GeneralNamesExtension):
    """Further names of the issuer."""

    oid = ExtensionOID.ISSUER_ALTERNATIVE_NAME
    __init__ = _GeneralNamesExtension.__init__
    public_bytes = _GeneralNamesExtension.public_bytes
    get_values_for_type = _GeneralNamesExtension.get_values_for_type


class CertificateIssuer(_GeneralNamesExtension):
    """The issuer of a revoked certificate listed in an indirect CRL (CRL entry)."""

    oid = CRLEntryExtensionOID.CERTIFICATE_ISSUER
    __init__ = _GeneralNamesExtension.__init__
    public_bytes = _GeneralNamesExtension.public_bytes
    get_values_for_type = _GeneralNamesExtension.get_values_for_type


class CRLReason(ExtensionType):
    """Why a certificate was revoked (CRL entry)."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = CRLEntryExtensionOID.CRL_REASON

    def __init__(self, reason: ReasonFlags) -> None:
        if not isinstance(reason, ReasonFlags):
            raise TypeError("reason must be an element from ReasonFlags")
        self._reason = reason

    @property
    def reason(self) -> ReasonFlags:
        return self._reason

    def __repr__(self) -> str:
        return f"<CRLReason(reason={self.reason})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CRLReason):
            return NotImplemented
        return self.reason == other.reason

    def __hash__(self) -> int:
        return hash(self.reason)


class InvalidityDate(ExtensionType):
    """When the key is known or suspected to have been compromised (CRL entry)."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = CRLEntryExtensionOID.INVALIDITY_DATE

    def __init__(self, invalidity_date: datetime.datetime) -> None:
        if not isinstance(invalidity_date, datetime.datetime):
            raise TypeError("invalidity_date must be a datetime.datetime")
        self._invalidity_date = invalidity_date

    @property
    def invalidity_date(self) -> datetime.datetime:
        """The date as given (naive dates are in UTC)."""
        return self._invalidity_date

    @property
    def invalidity_date_utc(self) -> datetime.datetime:
        """The date as an aware datetime in UTC."""
        when = self._invalidity_date
        if when.tzinfo is None:
            return when.replace(tzinfo=datetime.timezone.utc)
        return when.astimezone(datetime.timezone.utc)

    def __repr__(self) -> str:
        return f"<InvalidityDate(invalidity_date={self.invalidity_date})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, InvalidityDate):
            return NotImplemented
        return self.invalidity_date == other.invalidity_date

    def __hash__(self) -> int:
        return hash(self.invalidity_date)


class _SCTList(ExtensionType, _ListOf[SignedCertificateTimestamp]):
    """An extension whose value is a list of signed certificate timestamps."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    def __init__(
        self, signed_certificate_timestamps: Iterable[SignedCertificateTimestamp]
    ) -> None:
        self._items = _list_of(
            signed_certificate_timestamps,
            SignedCertificateTimestamp,
            "Every item in the signed_certificate_timestamps list must be a "
            "SignedCertificateTimestamp",
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__}({self._items})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, type(self)):
            return NotImplemented
        return self._items == other._items

    def __hash__(self) -> int:
        return hash(tuple(self._items))


class PrecertificateSignedCertificateTimestamps(_SCTList):
    """The SCTs embedded in a certificate, issued for its precertificate (RFC 6962)."""

    oid = ExtensionOID.PRECERT_SIGNED_CERTIFICATE_TIMESTAMPS
    __init__ = _SCTList.__init__
    public_bytes = _SCTList.public_bytes


class SignedCertificateTimestamps(_SCTList):
    """SCTs delivered in an OCSP response."""

    oid = ExtensionOID.SIGNED_CERTIFICATE_TIMESTAMPS
    __init__ = _SCTList.__init__
    public_bytes = _SCTList.public_bytes


class OCSPNonce(ExtensionType):
    """The nonce of an OCSP request or response (RFC 6960 section 4.4.1)."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = OCSPExtensionOID.NONCE

    def __init__(self, nonce: bytes) -> None:
        if not isinstance(nonce, bytes):
            raise TypeError("nonce must be bytes")
        self._nonce = nonce

    @property
    def nonce(self) -> bytes:
        return self._nonce

    def __repr__(self) -> str:
        return f"<OCSPNonce(nonce={self.nonce!r})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OCSPNonce):
            return NotImplemented
        return self.nonce == other.nonce

    def __hash__(self) -> int:
        return hash(self.nonce)


class OCSPAcceptableResponses(ExtensionType):
    """The OCSP response types a client accepts (RFC 6960 section 4.4.3)."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = OCSPExtensionOID.ACCEPTABLE_RESPONSES

    def __init__(self, responses: Iterable[ObjectIdentifier]) -> None:
        self._responses: list[ObjectIdentifier] = _list_of(
            responses, ObjectIdentifier, "All responses must be ObjectIdentifiers"
        )

    def __iter__(self) -> Iterator[ObjectIdentifier]:
        return iter(self._responses)

    def __repr__(self) -> str:
        return f"<OCSPAcceptableResponses(responses={self._responses})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OCSPAcceptableResponses):
            return NotImplemented
        return self._responses == other._responses

    def __hash__(self) -> int:
        return hash(tuple(self._responses))


class IssuingDistributionPoint(ExtensionType):
    """What a CRL covers: where it is published, which certificates and reasons."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.ISSUING_DISTRIBUTION_POINT

    def __init__(
        self,
        full_name: Iterable[GeneralName] | None,
        relative_name: RelativeDistinguishedName | None,
        only_contains_user_certs: bool,
        only_contains_ca_certs: bool,
        only_some_reasons: frozenset[ReasonFlags] | None,
        indirect_crl: bool,
        only_contains_attribute_certs: bool,
    ) -> None:
        names = list(full_name) if full_name is not None else None
        _check_reasons(only_some_reasons, "only_some_reasons")
        if only_some_reasons and not only_some_reasons.isdisjoint(_REASONS_WITHOUT_BIT):
            raise ValueError(
                "unspecified and remove_from_crl are not valid reasons in an "
                "IssuingDistributionPoint"
            )
        flags = (
            only_contains_user_certs,
            only_contains_ca_certs,
            indirect_crl,
            only_contains_attribute_certs,
        )
        if not all(isinstance(flag, bool) for flag in flags):
            raise TypeError(
                "only_contains_user_certs, only_contains_ca_certs, indirect_crl and "
                "only_contains_attribute_certs must all be boolean."
            )
        # RFC 5280 section 5.2.5: at most one of the three "only contains" flags.
        if (
            sum((only_contains_user_certs, only_contains_ca_certs, only_contains_attribute_certs))
            > 1
        ):
            raise ValueError(
                "Only one of the following can be set to True: only_contains_user_certs, "
                "only_contains_ca_certs, only_contains_attribute_certs"
            )
        if not any(
            (
                only_contains_user_certs,
                only_contains_ca_certs,
                indirect_crl,
                only_contains_attribute_certs,
                names,
                relative_name,
                only_some_reasons,
            )
        ):
            raise ValueError(
                "Cannot create empty extension: if only_contains_user_certs, "
                "only_contains_ca_certs, indirect_crl, and only_contains_attribute_certs "
                "are all False, then either full_name, relative_name, or only_some_reasons "
                "must have a value."
            )
        self._full_name = names
        self._relative_name = relative_name
        self._only_contains_user_certs = only_contains_user_certs
        self._only_contains_ca_certs = only_contains_ca_certs
        self._only_some_reasons = only_some_reasons
        self._indirect_crl = indirect_crl
        self._only_contains_attribute_certs = only_contains_attribute_certs

    @property
    def full_name(self) -> list[GeneralName] | None:
        return self._full_name

    @property
    def relative_name(self) -> RelativeDistinguishedName | None:
        return self._relative_name

    @property
    def only_contains_user_certs(self) -> bool:
        return self._only_contains_user_certs

    @property
    def only_contains_ca_certs(self) -> bool:
        return self._only_contains_ca_certs

    @property
    def only_some_reasons(self) -> frozenset[ReasonFlags] | None:
        return self._only_some_reasons

    @property
    def indirect_crl(self) -> bool:
        return self._indirect_crl

    @property
    def only_contains_attribute_certs(self) -> bool:
        return self._only_contains_attribute_certs

    def _key(self) -> tuple[typing.Any, ...]:
        return (
            _tuple_or_none(self.full_name),
            self.relative_name,
            self.only_contains_user_certs,
            self.only_contains_ca_certs,
            self.only_some_reasons,
            self.indirect_crl,
            self.only_contains_attribute_certs,
        )

    def __repr__(self) -> str:
        return (
            f"<IssuingDistributionPoint(full_name={self.full_name}, "
            f"relative_name={self.relative_name}, "
            f"only_contains_user_certs={self.only_contains_user_certs}, "
            f"only_contains_ca_certs={self.only_contains_ca_certs}, "
            f"only_some_reasons={self.only_some_reasons}, "
            f"indirect_crl={self.indirect_crl}, "
            f"only_contains_attribute_certs={self.only_contains_attribute_certs})>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, IssuingDistributionPoint):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


class MSCertificateTemplate(ExtensionType):
    """The Microsoft certificate template the certificate was issued from."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.MS_CERTIFICATE_TEMPLATE

    def __init__(
        self,
        template_id: ObjectIdentifier,
        major_version: int | None,
        minor_version: int | None,
    ) -> None:
        if not isinstance(template_id, ObjectIdentifier):
            raise TypeError("oid must be an ObjectIdentifier")
        if (major_version is not None and not isinstance(major_version, int)) or (
            minor_version is not None and not isinstance(minor_version, int)
        ):
            raise TypeError("major_version and minor_version must be integers or None")
        self._template_id = template_id
        self._major_version = major_version
        self._minor_version = minor_version

    @property
    def template_id(self) -> ObjectIdentifier:
        return self._template_id

    @property
    def major_version(self) -> int | None:
        return self._major_version

    @property
    def minor_version(self) -> int | None:
        return self._minor_version

    def __repr__(self) -> str:
        return (
            f"<MSCertificateTemplate(template_id={self.template_id}, "
            f"major_version={self.major_version}, minor_version={self.minor_version})>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MSCertificateTemplate):
            return NotImplemented
        return (
            self.template_id == other.template_id
            and self.major_version == other.major_version
            and self.minor_version == other.minor_version
        )

    def __hash__(self) -> int:
        return hash((self.template_id, self.major_version, self.minor_version))


class NamingAuthority:
    """An authority that names professions (Common PKI admissions)."""

    def __init__(
        self,
        id: ObjectIdentifier | None,
        url: str | None,
        text: str | None,
    ) -> None:
        if id is not None and not isinstance(id, ObjectIdentifier):
            raise TypeError("id must be an ObjectIdentifier")
        if url is not None and not isinstance(url, str):
            raise TypeError("url must be a str")
        if text is not None and not isinstance(text, str):
            raise TypeError("text must be a str")
        self._id = id
        self._url = url
        self._text = text

    @property
    def id(self) -> ObjectIdentifier | None:
        return self._id

    @property
    def url(self) -> str | None:
        return self._url

    @property
    def text(self) -> str | None:
        return self._text

    def __repr__(self) -> str:
        return f"<NamingAuthority(id={self.id}, url={self.url}, text={self.text})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NamingAuthority):
            return NotImplemented
        return self.id == other.id and self.url == other.url and self.text == other.text

    def __hash__(self) -> int:
        return hash((self.id, self.url, self.text))


class ProfessionInfo:
    """A profession (or professions) the subject is admitted to (Common PKI)."""

    def __init__(
        self,
        naming_authority: NamingAuthority | None,
        profession_items: Iterable[str],
        profession_oids: Iterable[ObjectIdentifier] | None,
        registration_number: str | None,
        add_profession_info: bytes | None,
    ) -> None:
        if naming_authority is not None and not isinstance(naming_authority, NamingAuthority):
            raise TypeError("naming_authority must be a NamingAuthority")
        items: list[str] = _list_of(
            profession_items, str, "Every item in the profession_items list must be a str"
        )
        oids: list[ObjectIdentifier] | None = None
        if profession_oids is not None:
            oids = _list_of(
                profession_oids,
                ObjectIdentifier,
                "Every item in the profession_oids list must be an ObjectIdentifier",
            )
        if registration_number is not None and not isinstance(registration_number, str):
            raise TypeError("registration_number must be a str")
        if add_profession_info is not None and not isinstance(add_profession_info, bytes):
            raise TypeError("add_profession_info must be bytes")
        self._naming_authority = naming_authority
        self._profession_items = items
        self._profession_oids = oids
        self._registration_number = registration_number
        self._add_profession_info = add_profession_info

    @property
    def naming_authority(self) -> NamingAuthority | None:
        return self._naming_authority

    @property
    def profession_items(self) -> list[str]:
        return self._profession_items

    @property
    def profession_oids(self) -> list[ObjectIdentifier] | None:
        return self._profession_oids

    @property
    def registration_number(self) -> str | None:
        return self._registration_number

    @property
    def add_profession_info(self) -> bytes | None:
        return self._add_profession_info

    def __repr__(self) -> str:
        return (
            f"<ProfessionInfo(naming_authority={self.naming_authority}, "
            f"profession_items={self.profession_items}, "
            f"profession_oids={self.profession_oids}, "
            f"registration_number={self.registration_number}, "
            f"add_profession_info={self.add_profession_info!r})>"
        )

    def _key(self) -> tuple[typing.Any, ...]:
        return (
            self.naming_authority,
            tuple(self.profession_items),
            _tuple_or_none(self.profession_oids),
            self.registration_number,
            self.add_profession_info,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ProfessionInfo):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


class Admission:
    """One admission: who granted it and the professions it covers (Common PKI)."""

    def __init__(
        self,
        admission_authority: GeneralName | None,
        naming_authority: NamingAuthority | None,
        profession_infos: Iterable[ProfessionInfo],
    ) -> None:
        if admission_authority is not None and not isinstance(admission_authority, GeneralName):
            raise TypeError("admission_authority must be a GeneralName")
        if naming_authority is not None and not isinstance(naming_authority, NamingAuthority):
            raise TypeError("naming_authority must be a NamingAuthority")
        infos: list[ProfessionInfo] = _list_of(
            profession_infos,
            ProfessionInfo,
            "Every item in the profession_infos list must be a ProfessionInfo",
        )
        self._admission_authority = admission_authority
        self._naming_authority = naming_authority
        self._profession_infos = infos

    @property
    def admission_authority(self) -> GeneralName | None:
        return self._admission_authority

    @property
    def naming_authority(self) -> NamingAuthority | None:
        return self._naming_authority

    @property
    def profession_infos(self) -> list[ProfessionInfo]:
        return self._profession_infos

    def __repr__(self) -> str:
        return (
            f"<Admission(admission_authority={self.admission_authority}, "
            f"naming_authority={self.naming_authority}, "
            f"profession_infos={self.profession_infos})>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Admission):
            return NotImplemented
        return (
            self.admission_authority == other.admission_authority
            and self.naming_authority == other.naming_authority
            and self.profession_infos == other.profession_infos
        )

    def __hash__(self) -> int:
        return hash(
            (self.admission_authority, self.naming_authority, tuple(self.profession_infos))
        )


class Admissions(ExtensionType, _ListOf[Admission]):
    """The professions the subject is admitted to (Common PKI, ISIS-MTT)."""

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)

    oid = ExtensionOID.ADMISSIONS

    def __init__(self, authority: GeneralName | None, admissions: Iterable[Admission]) -> None:
        if authority is not None and not isinstance(authority, GeneralName):
            raise TypeError("authority must be a GeneralName")
        self._authority = authority
        self._items = _list_of(
            admissions,
            Admission,
            "Every item in the contents_of_admissions list must be an Admission",
        )

    @property
    def authority(self) -> GeneralName | None:
        return self._authority

    def __repr__(self) -> str:
        return f"<Admissions(authority={self.authority}, admissions={self._items})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Admissions):
            return NotImplemented
        return self.authority == other.authority and self._items == other._items

    def __hash__(self) -> int:
        return hash((self.authority, tuple(self._items)))


class UnrecognizedExtension(ExtensionType):
    """An extension oxicrypt does not decode: its OID and its DER-encoded value."""

    def public_bytes(self) -> bytes:
        return self._value

    def __init__(self, oid: ObjectIdentifier, value: bytes) -> None:
        if not isinstance(oid, ObjectIdentifier):
            raise TypeError("oid must be an ObjectIdentifier")
        self._oid = oid
        self._value = value

    # An instance property, where every other extension type has a class attribute.
    @property
    def oid(self) -> ObjectIdentifier:  # type: ignore[override]
        return self._oid

    @property
    def value(self) -> bytes:
        return self._value

    def __repr__(self) -> str:
        return f"<UnrecognizedExtension(oid={self.oid}, value={self.value!r})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UnrecognizedExtension):
            return NotImplemented
        return self.oid == other.oid and self.value == other.value

    def __hash__(self) -> int:
        return hash((self.oid, self.value))
