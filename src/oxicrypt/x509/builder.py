"""Builders for certificates and certificate signing requests.

The builders check each field as it is set (as the reference does, with its messages),
hand the fields to ``oxicrypt._rust.x509`` to encode the to-be-signed structure, sign
those bytes with the private key object's own ``sign`` method, and load the result.
"""

from __future__ import annotations

import datetime
import typing

from oxicrypt._rust import x509 as rust_x509
from oxicrypt._rust.x509 import RevokedCertificate
from oxicrypt.exceptions import UnsupportedAlgorithm
from oxicrypt.hazmat._oid import ObjectIdentifier
from oxicrypt.hazmat.primitives import hashes
from oxicrypt.hazmat.primitives._serialization import Encoding, PublicFormat
from oxicrypt.hazmat.primitives.asymmetric import (
    dsa,
    ec,
    ed448,
    ed25519,
    mldsa,
    mlkem,
    padding,
    rsa,
    x448,
    x25519,
)
from oxicrypt.hazmat.primitives.asymmetric.types import (
    CertificateIssuerPrivateKeyTypes,
    CertificatePublicKeyTypes,
)
from oxicrypt.x509.extensions import Extension, ExtensionType
from oxicrypt.x509.name import Name, _ASN1Type

__all__ = [
    "CertificateBuilder",
    "CertificateRevocationListBuilder",
    "CertificateSigningRequestBuilder",
    "RevokedCertificateBuilder",
]

if typing.TYPE_CHECKING:
    from oxicrypt._rust.x509 import (
        Certificate,
        CertificateRevocationList,
        CertificateSigningRequest,
    )

_AllowedHashTypes = typing.Union[
    hashes.SHA224,
    hashes.SHA256,
    hashes.SHA384,
    hashes.SHA512,
    hashes.SHA3_224,
    hashes.SHA3_256,
    hashes.SHA3_384,
    hashes.SHA3_512,
]

# RFC 5280 writes dates before 1950 as GeneralizedTime, but the reference refuses them.
_EARLIEST_TIME = datetime.datetime(1950, 1, 1)


_Builder = typing.TypeVar("_Builder")


def _replaced(builder: _Builder, field: str, value: typing.Any) -> _Builder:
    """A copy of ``builder`` with ``field`` (the attribute name) set to ``value``.

    Every builder call goes through here, so it copies the instance dict whole instead of
    re-running ``__init__`` or setting attributes one by one (about a third of the cost)."""
    new = object.__new__(type(builder))
    fields = builder.__dict__.copy()
    fields[field] = value
    new.__dict__ = fields
    return new


def _naive_utc(time: datetime.datetime) -> datetime.datetime:
    """An aware datetime converted to UTC, without its tzinfo; naive ones are UTC already."""
    if time.tzinfo is not None:
        offset = time.utcoffset()
        offset = offset if offset else datetime.timedelta()
        return time.replace(tzinfo=None) - offset
    return time


# Concrete extension classes already seen to be ExtensionTypes: a set lookup instead of
# an ABC isinstance call per extension added.
_EXTENSION_TYPES: set[type] = set()


def _answers_for_itself(obj: object) -> bool:
    """Whether ``obj``'s type alone decides isinstance checks on it, so that their answer
    can be remembered per type. isinstance follows ``__class__``, which a proxy or a
    ``Mock(spec=...)`` sets per object (a mock's type is even new for every instance)."""
    return type(obj) is obj.__class__


def _with_extension(
    extensions: list[Extension[ExtensionType]], extval: ExtensionType, critical: bool
) -> list[Extension[ExtensionType]]:
    if type(extval) not in _EXTENSION_TYPES:
        if not isinstance(extval, ExtensionType):
            raise TypeError("extension must be an ExtensionType")
        if _answers_for_itself(extval):
            _EXTENSION_TYPES.add(type(extval))
    oid = extval.oid
    extension = Extension(oid, critical, extval)
    for existing in extensions:
        # Extensions given to the constructor may be subclasses or other objects with
        # an `oid`; the ones added here are exactly Extension.
        if (existing._oid if type(existing) is Extension else existing.oid) == oid:
            raise ValueError("This extension has already been set.")
    return [*extensions, extension]


_KIND_BY_TYPE: dict[type, str] = {}


def _key_kind(private_key: object) -> str:
    # isinstance against the key ABCs costs ~0.1 us each and a key type's answer never
    # changes, so it is worked out once per type.
    kind = _KIND_BY_TYPE.get(type(private_key))
    if kind is None:
        kind = _key_kind_of(private_key)
        if _answers_for_itself(private_key):
            _KIND_BY_TYPE[type(private_key)] = kind
    return kind


def _key_kind_of(private_key: object) -> str:
    if isinstance(private_key, rsa.RSAPrivateKey):
        return "rsa"
    if isinstance(private_key, ec.EllipticCurvePrivateKey):
        return "ec"
    if isinstance(private_key, dsa.DSAPrivateKey):
        return "dsa"
    if isinstance(private_key, ed25519.Ed25519PrivateKey):
        return "ed25519"
    if isinstance(private_key, ed448.Ed448PrivateKey):
        return "ed448"
    if isinstance(private_key, mldsa.MLDSA44PrivateKey):
        return "ml-dsa-44"
    if isinstance(private_key, mldsa.MLDSA65PrivateKey):
        return "ml-dsa-65"
    if isinstance(private_key, mldsa.MLDSA87PrivateKey):
        return "ml-dsa-87"
    raise TypeError(
        "Key must be an rsa, dsa, ec, ed25519, ed448, ml-dsa-44, ml-dsa-65, or ml-dsa-87 "
        "private key."
    )


def _pss_salt_length(key: rsa.RSAPrivateKey, pss: padding.PSS, hash_size: int) -> int:
    salt = pss._salt_length
    if isinstance(salt, padding._MaxLength):
        # RFC 8017, 9.1.1: emLen - hLen - 2, emLen = ceil((modBits - 1) / 8).
        return (key.key_size - 1 + 7) // 8 - hash_size - 2
    if isinstance(salt, padding._DigestLength):
        return hash_size
    if isinstance(salt, int) and not isinstance(salt, bool):
        return salt
    raise TypeError("salt_length must be an int, MaxLength, or DigestLength.")


def _sign(
    private_key: CertificateIssuerPrivateKeyTypes,
    algorithm: hashes.HashAlgorithm | None,
    rsa_padding: padding.PSS | padding.PKCS1v15 | None,
    ecdsa_deterministic: bool | None,
    encode: typing.Callable[[bytes], bytes],
) -> tuple[bytes, bytes, bytes]:
    """The to-be-signed bytes, the signature AlgorithmIdentifier and the signature:
    ``encode`` turns the AlgorithmIdentifier into the to-be-signed bytes, which the key
    signs."""
    kind = _key_kind(private_key)
    if rsa_padding is not None:
        if kind != "rsa":
            raise TypeError("Padding is only supported for RSA keys")
        if not isinstance(rsa_padding, (padding.PSS, padding.PKCS1v15)):
            raise TypeError("Padding must be PSS or PKCS1v15")
    if ecdsa_deterministic is not None and kind != "ec":
        raise TypeError("Deterministic ECDSA is only supported for EC keys")
    if kind in ("ed25519", "ed448"):
        if algorithm is not None:
            raise ValueError("Algorithm must be None when signing via ed25519 or ed448")
    elif kind.startswith("ml-dsa"):
        if algorithm is not None:
            raise ValueError(
                "Algorithm must be None when signing via ml-dsa-44, ml-dsa-65, or ml-dsa-87"
            )
    elif not isinstance(algorithm, hashes.HashAlgorithm):
        if algorithm is None:
            raise TypeError("Algorithm must be a registered hash algorithm, not None.")
        raise TypeError("Algorithm must be a registered hash algorithm.")
    hash_name = None if algorithm is None else algorithm.name
    mgf1_hash = salt_length = None
    if isinstance(rsa_padding, padding.PSS) and algorithm is not None:
        assert isinstance(private_key, rsa.RSAPrivateKey)
        mgf1_hash = rsa_padding._mgf._algorithm.name
        salt_length = _pss_salt_length(private_key, rsa_padding, algorithm.digest_size)
    if hash_name is not None and hash_name not in _SIGNATURE_HASHES:
        raise UnsupportedAlgorithm(f'Hash algorithm "{hash_name}" not supported for signatures')
    if mgf1_hash is None:
        # Without PSS parameters the AlgorithmIdentifier depends on these two names only.
        signature_algorithm = _ALGORITHM_IDENTIFIERS.get((kind, hash_name))
        if signature_algorithm is None:
            signature_algorithm = rust_x509.signature_algorithm_identifier(kind, hash_name)
            _ALGORITHM_IDENTIFIERS[kind, hash_name] = signature_algorithm
    else:
        signature_algorithm = rust_x509.signature_algorithm_identifier(
            kind, hash_name, mgf1_hash, salt_length
        )
    tbs = encode(signature_algorithm)
    signature: bytes
    # Dispatch on the kind worked out above, not on more isinstance calls.
    # (The casts only tell mypy what `kind` already established.)
    if kind == "rsa":
        rsa_key = typing.cast(rsa.RSAPrivateKey, private_key)
        assert algorithm is not None
        if isinstance(rsa_padding, padding.PSS):
            assert salt_length is not None
            pss = padding.PSS(rsa_padding._mgf, salt_length)
            signature = rsa_key.sign(tbs, pss, algorithm)
        else:
            signature = rsa_key.sign(tbs, padding.PKCS1v15(), algorithm)
    elif kind == "ec":
        assert algorithm is not None
        ecdsa = ec.ECDSA(algorithm, deterministic_signing=bool(ecdsa_deterministic))
        signature = typing.cast(ec.EllipticCurvePrivateKey, private_key).sign(tbs, ecdsa)
    elif kind == "dsa":
        assert algorithm is not None
        signature = typing.cast(dsa.DSAPrivateKey, private_key).sign(tbs, algorithm)
    else:
        signature = typing.cast(ed25519.Ed25519PrivateKey, private_key).sign(tbs)
    return tbs, signature_algorithm, signature


_ALGORITHM_IDENTIFIERS: dict[tuple[str, str | None], bytes] = {}

_SIGNATURE_HASHES = frozenset(
    [
        "sha224",
        "sha256",
        "sha384",
        "sha512",
        "sha3-224",
        "sha3-256",
        "sha3-384",
        "sha3-512",
    ]
)


_CERTIFICATE_PUBLIC_KEYS = (
    dsa.DSAPublicKey,
    rsa.RSAPublicKey,
    ec.EllipticCurvePublicKey,
    ed25519.Ed25519PublicKey,
    ed448.Ed448PublicKey,
    x25519.X25519PublicKey,
    x448.X448PublicKey,
    mldsa.MLDSA44PublicKey,
    mldsa.MLDSA65PublicKey,
    mldsa.MLDSA87PublicKey,
    mlkem.MLKEM768PublicKey,
    mlkem.MLKEM1024PublicKey,
)
# Concrete types already seen to pass the check above: a set lookup instead of twelve
# ABC isinstance calls per certificate.
_CERTIFICATE_PUBLIC_KEY_TYPES: set[type] = set()


def _spki(key: CertificatePublicKeyTypes) -> bytes:
    return key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)


class CertificateSigningRequestBuilder:
    """Builds a PKCS#10 certificate signing request, one field per call."""

    def __init__(
        self,
        subject_name: Name | None = None,
        extensions: list[Extension[ExtensionType]] = [],  # noqa: B006 (never mutated)
        attributes: list[tuple[ObjectIdentifier, bytes, int | None]] = [],  # noqa: B006
    ):
        self._subject_name = subject_name
        self._extensions = extensions
        self._attributes = attributes

    def subject_name(self, name: Name) -> CertificateSigningRequestBuilder:
        if not isinstance(name, Name):
            raise TypeError("Expecting x509.Name object.")
        if self._subject_name is not None:
            raise ValueError("The subject name may only be set once.")
        return CertificateSigningRequestBuilder(name, self._extensions, self._attributes)

    def add_extension(
        self, extval: ExtensionType, critical: bool
    ) -> CertificateSigningRequestBuilder:
        extensions = _with_extension(self._extensions, extval, critical)
        return CertificateSigningRequestBuilder(self._subject_name, extensions, self._attributes)

    def add_attribute(
        self, oid: ObjectIdentifier, value: bytes, *, _tag: _ASN1Type | None = None
    ) -> CertificateSigningRequestBuilder:
        if not isinstance(oid, ObjectIdentifier):
            raise TypeError("oid must be an ObjectIdentifier")
        if not isinstance(value, bytes):
            raise TypeError("value must be bytes")
        if _tag is not None and not isinstance(_tag, _ASN1Type):
            raise TypeError("tag must be _ASN1Type")
        if any(existing == oid for existing, _, _ in self._attributes):
            raise ValueError("This attribute has already been set.")
        tag = None if _tag is None else _tag.value
        return CertificateSigningRequestBuilder(
            self._subject_name, self._extensions, [*self._attributes, (oid, value, tag)]
        )

    def sign(
        self,
        private_key: CertificateIssuerPrivateKeyTypes,
        algorithm: _AllowedHashTypes | None,
        backend: typing.Any = None,
        *,
        rsa_padding: padding.PSS | padding.PKCS1v15 | None = None,
        ecdsa_deterministic: bool | None = None,
    ) -> CertificateSigningRequest:
        if self._subject_name is None:
            raise ValueError("A CertificateSigningRequest must have a subject")
        subject = self._subject_name
        spki = _spki(typing.cast(CertificatePublicKeyTypes, private_key.public_key()))
        # Values are UTF8String unless a type was given.
        attributes = [
            (oid, value, _ASN1Type.UTF8String.value if tag is None else tag)
            for oid, value, tag in self._attributes
        ]

        def encode(signature_algorithm: bytes) -> bytes:
            del signature_algorithm  # a request's info does not name its algorithm
            return rust_x509.encode_csr_info(subject, spki, self._extensions, attributes)

        signed = _sign(private_key, algorithm, rsa_padding, ecdsa_deterministic, encode)
        return rust_x509.load_der_x509_csr(rust_x509.encode_signed(*signed))


class CertificateBuilder:
    """Builds an X.509 v3 certificate, one field per call."""

    def __init__(
        self,
        issuer_name: Name | None = None,
        subject_name: Name | None = None,
        public_key: CertificatePublicKeyTypes | None = None,
        serial_number: int | None = None,
        not_valid_before: datetime.datetime | None = None,
        not_valid_after: datetime.datetime | None = None,
        extensions: list[Extension[ExtensionType]] = [],  # noqa: B006 (never mutated)
        public_key_rsa_padding: type[padding.PSS] | None = None,
    ) -> None:
        self._version = 2
        self._issuer_name = issuer_name
        self._subject_name = subject_name
        self._public_key = public_key
        self._serial_number = serial_number
        self._not_valid_before = not_valid_before
        self._not_valid_after = not_valid_after
        self._extensions = extensions
        self._public_key_rsa_padding = public_key_rsa_padding

    def issuer_name(self, name: Name) -> CertificateBuilder:
        if not isinstance(name, Name):
            raise TypeError("Expecting x509.Name object.")
        if self._issuer_name is not None:
            raise ValueError("The issuer name may only be set once.")
        return _replaced(self, "_issuer_name", name)

    def subject_name(self, name: Name) -> CertificateBuilder:
        if not isinstance(name, Name):
            raise TypeError("Expecting x509.Name object.")
        if self._subject_name is not None:
            raise ValueError("The subject name may only be set once.")
        return _replaced(self, "_subject_name", name)

    def public_key(
        self,
        key: CertificatePublicKeyTypes,
        *,
        rsa_padding: type[padding.PSS] | None = None,
    ) -> CertificateBuilder:
        if type(key) not in _CERTIFICATE_PUBLIC_KEY_TYPES:
            if not isinstance(key, _CERTIFICATE_PUBLIC_KEYS):
                raise TypeError(
                    "Expecting one of DSAPublicKey, RSAPublicKey, EllipticCurvePublicKey, "
                    "Ed25519PublicKey, Ed448PublicKey, MLDSA44PublicKey, MLDSA65PublicKey, "
                    "MLDSA87PublicKey, MLKEM768PublicKey, MLKEM1024PublicKey, X25519PublicKey "
                    "or X448PublicKey."
                )
            if _answers_for_itself(key):
                _CERTIFICATE_PUBLIC_KEY_TYPES.add(type(key))
        if self._public_key is not None:
            raise ValueError("The public key may only be set once.")
        if rsa_padding is not None:
            if rsa_padding is not padding.PSS:
                raise TypeError("rsa_padding must be the PSS class, not an instance")
            if not isinstance(key, rsa.RSAPublicKey):
                raise TypeError("rsa_padding is only supported with RSA public keys")
        new = _replaced(self, "_public_key", key)
        new._public_key_rsa_padding = rsa_padding
        return new

    def serial_number(self, number: int) -> CertificateBuilder:
        if not isinstance(number, int):
            raise TypeError("Serial number must be of integral type.")
        if self._serial_number is not None:
            raise ValueError("The serial number may only be set once.")
        if number <= 0:
            raise ValueError("The serial number should be positive.")
        # RFC 5280: at most 20 octets, and positive, so at most 159 bits.
        if number.bit_length() >= 160:
            raise ValueError("The serial number should not be more than 159 bits.")
        return _replaced(self, "_serial_number", number)

    def not_valid_before(self, time: datetime.datetime) -> CertificateBuilder:
        if not isinstance(time, datetime.datetime):
            raise TypeError("Expecting datetime object.")
        if self._not_valid_before is not None:
            raise ValueError("The not valid before may only be set once.")
        time = _naive_utc(time)
        if time < _EARLIEST_TIME:
            raise ValueError("The not valid before date must be on or after 1950 January 1).")
        if self._not_valid_after is not None and time > self._not_valid_after:
            raise ValueError("The not valid before date must be before the not valid after date.")
        return _replaced(self, "_not_valid_before", time)

    def not_valid_after(self, time: datetime.datetime) -> CertificateBuilder:
        if not isinstance(time, datetime.datetime):
            raise TypeError("Expecting datetime object.")
        if self._not_valid_after is not None:
            raise ValueError("The not valid after may only be set once.")
        time = _naive_utc(time)
        if time < _EARLIEST_TIME:
            raise ValueError("The not valid after date must be on or after 1950 January 1.")
        if self._not_valid_before is not None and time < self._not_valid_before:
            raise ValueError("The not valid after date must be after the not valid before date.")
        return _replaced(self, "_not_valid_after", time)

    def add_extension(self, extval: ExtensionType, critical: bool) -> CertificateBuilder:
        return _replaced(self, "_extensions", _with_extension(self._extensions, extval, critical))

    def _checked_fields(
        self,
    ) -> tuple[
        Name,
        Name,
        bytes,
        int,
        datetime.datetime,
        datetime.datetime,
        list[Extension[ExtensionType]],
    ]:
        """The fields of the to-be-signed certificate, once every one is set."""
        if self._subject_name is None:
            raise ValueError("A certificate must have a subject name")
        if self._issuer_name is None:
            raise ValueError("A certificate must have an issuer name")
        if self._serial_number is None:
            raise ValueError("A certificate must have a serial number")
        if self._not_valid_before is None:
            raise ValueError("A certificate must have a not valid before time")
        if self._not_valid_after is None:
            raise ValueError("A certificate must have a not valid after time")
        if self._public_key is None:
            raise ValueError("A certificate must have a public key")
        spki = _spki(self._public_key)
        if self._public_key_rsa_padding is not None:
            spki = rust_x509.rsa_pss_spki(spki)
        return (
            self._issuer_name,
            self._subject_name,
            spki,
            self._serial_number,
            self._not_valid_before,
            self._not_valid_after,
            self._extensions,
        )

    def create_unsigned(self) -> Certificate:
        """The certificate with an empty signature under id-alg-unsigned (1.3.6.1.5.5.7.6.36), for
        uses where no one checks one."""
        algorithm = rust_x509.unsigned_algorithm_identifier()
        tbs = rust_x509.encode_tbs_certificate(*self._checked_fields(), algorithm)
        return rust_x509.signed_certificate(tbs, algorithm, b"")

    def sign(
        self,
        private_key: CertificateIssuerPrivateKeyTypes,
        algorithm: _AllowedHashTypes | None,
        backend: typing.Any = None,
        *,
        rsa_padding: padding.PSS | padding.PKCS1v15 | None = None,
        ecdsa_deterministic: bool | None = None,
    ) -> Certificate:
        fields = self._checked_fields()

        def encode(signature_algorithm: bytes) -> bytes:
            return rust_x509.encode_tbs_certificate(*fields, signature_algorithm)

        signed = _sign(private_key, algorithm, rsa_padding, ecdsa_deterministic, encode)
        return rust_x509.signed_certificate(*signed)


def _entry(revoked: RevokedCertificate) -> tuple[int, datetime.datetime, list[typing.Any]]:
    """A revoked certificate as the fields the CRL encoder writes."""
    return (revoked.serial_number, revoked.revocation_date_utc, list(revoked.extensions))


class CertificateRevocationListBuilder:
    """Builds a version 2 certificate revocation list, one field per call."""

    def __init__(
        self,
        issuer_name: Name | None = None,
        last_update: datetime.datetime | None = None,
        next_update: datetime.datetime | None = None,
        extensions: list[Extension[ExtensionType]] = [],  # noqa: B006 (never mutated)
        revoked_certificates: list[RevokedCertificate] = [],  # noqa: B006
    ):
        self._issuer_name = issuer_name
        self._last_update = last_update
        self._next_update = next_update
        self._extensions = extensions
        self._revoked_certificates = revoked_certificates

    def issuer_name(self, issuer_name: Name) -> CertificateRevocationListBuilder:
        if not isinstance(issuer_name, Name):
            raise TypeError("Expecting x509.Name object.")
        if self._issuer_name is not None:
            raise ValueError("The issuer name may only be set once.")
        return _replaced(self, "_issuer_name", issuer_name)

    def last_update(self, last_update: datetime.datetime) -> CertificateRevocationListBuilder:
        if not isinstance(last_update, datetime.datetime):
            raise TypeError("Expecting datetime object.")
        if self._last_update is not None:
            raise ValueError("Last update may only be set once.")
        last_update = _naive_utc(last_update)
        if last_update < _EARLIEST_TIME:
            raise ValueError("The last update date must be on or after 1950 January 1.")
        if self._next_update is not None and last_update > self._next_update:
            raise ValueError("The last update date must be before the next update date.")
        return _replaced(self, "_last_update", last_update)

    # The reference's messages for next_update name "last update"; they are kept as they
    # are, since callers may match on them.
    def next_update(self, next_update: datetime.datetime) -> CertificateRevocationListBuilder:
        if not isinstance(next_update, datetime.datetime):
            raise TypeError("Expecting datetime object.")
        if self._next_update is not None:
            raise ValueError("Last update may only be set once.")
        next_update = _naive_utc(next_update)
        if next_update < _EARLIEST_TIME:
            raise ValueError("The last update date must be on or after 1950 January 1.")
        if self._last_update is not None and next_update < self._last_update:
            raise ValueError("The next update date must be after the last update date.")
        return _replaced(self, "_next_update", next_update)

    def add_extension(
        self, extval: ExtensionType, critical: bool
    ) -> CertificateRevocationListBuilder:
        return _replaced(self, "_extensions", _with_extension(self._extensions, extval, critical))

    def add_revoked_certificate(
        self, revoked_certificate: RevokedCertificate
    ) -> CertificateRevocationListBuilder:
        if not isinstance(revoked_certificate, RevokedCertificate):
            raise TypeError("Must be an instance of RevokedCertificate")
        return _replaced(
            self, "_revoked_certificates", [*self._revoked_certificates, revoked_certificate]
        )

    def sign(
        self,
        private_key: CertificateIssuerPrivateKeyTypes,
        algorithm: _AllowedHashTypes | None,
        backend: typing.Any = None,
        *,
        rsa_padding: padding.PSS | padding.PKCS1v15 | None = None,
        ecdsa_deterministic: bool | None = None,
    ) -> CertificateRevocationList:
        if self._issuer_name is None:
            raise ValueError("A CRL must have an issuer name")
        if self._last_update is None:
            raise ValueError("A CRL must have a last update time")
        if self._next_update is None:
            raise ValueError("A CRL must have a next update time")
        fields = (
            self._issuer_name,
            self._last_update,
            self._next_update,
            [_entry(r) for r in self._revoked_certificates],
            self._extensions,
        )

        def encode(signature_algorithm: bytes) -> bytes:
            return rust_x509.encode_tbs_crl(*fields, signature_algorithm)

        signed = _sign(private_key, algorithm, rsa_padding, ecdsa_deterministic, encode)
        return rust_x509.load_der_x509_crl(rust_x509.encode_signed(*signed))


# An Ed25519 AlgorithmIdentifier: the unsigned CRL that carries a built entry names one.
_PLACEHOLDER_ALGORITHM = bytes.fromhex("300506032b6570")


class RevokedCertificateBuilder:
    """Builds one entry of a certificate revocation list."""

    def __init__(
        self,
        serial_number: int | None = None,
        revocation_date: datetime.datetime | None = None,
        extensions: list[Extension[ExtensionType]] = [],  # noqa: B006 (never mutated)
    ):
        self._serial_number = serial_number
        self._revocation_date = revocation_date
        self._extensions = extensions

    def serial_number(self, number: int) -> RevokedCertificateBuilder:
        if not isinstance(number, int):
            raise TypeError("Serial number must be of integral type.")
        if self._serial_number is not None:
            raise ValueError("The serial number may only be set once.")
        if number <= 0:
            raise ValueError("The serial number should be positive")
        if number.bit_length() >= 160:
            raise ValueError("The serial number should not be more than 159 bits.")
        return RevokedCertificateBuilder(number, self._revocation_date, self._extensions)

    def revocation_date(self, time: datetime.datetime) -> RevokedCertificateBuilder:
        if not isinstance(time, datetime.datetime):
            raise TypeError("Expecting datetime object.")
        if self._revocation_date is not None:
            raise ValueError("The revocation date may only be set once.")
        time = _naive_utc(time)
        if time < _EARLIEST_TIME:
            raise ValueError("The revocation date must be on or after 1950 January 1.")
        return RevokedCertificateBuilder(self._serial_number, time, self._extensions)

    def add_extension(self, extval: ExtensionType, critical: bool) -> RevokedCertificateBuilder:
        extensions = _with_extension(self._extensions, extval, critical)
        return RevokedCertificateBuilder(self._serial_number, self._revocation_date, extensions)

    def build(self, backend: typing.Any = None) -> RevokedCertificate:
        if self._serial_number is None:
            raise ValueError("A revoked certificate must have a serial number")
        if self._revocation_date is None:
            raise ValueError("A revoked certificate must have a revocation date")
        # A RevokedCertificate lives inside a CRL: the entry is encoded into an unsigned
        # CRL that holds only it, and read back from there. Its signature is never checked.
        entry = (self._serial_number, self._revocation_date, self._extensions)
        tbs = rust_x509.encode_tbs_crl(
            Name([]),
            self._revocation_date,
            self._revocation_date,
            [entry],
            [],
            _PLACEHOLDER_ALGORITHM,
        )
        crl = rust_x509.load_der_x509_crl(
            rust_x509.encode_signed(tbs, _PLACEHOLDER_ALGORITHM, b"")
        )
        return crl[0]  # type: ignore[no-any-return]
