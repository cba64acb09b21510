"""Reading every part of a certificate, CSR or CRL, for the robustness tests: damaged
input may make a loader or a property raise, but only one of ``EXPECTED`` (the classes
the reference raises for bad data), never anything else and never a panic."""

from __future__ import annotations

from typing import Any, Callable

from oxicrypt import x509
from oxicrypt.exceptions import InvalidSignature, UnsupportedAlgorithm
from oxicrypt.hazmat.primitives import hashes, serialization

EXPECTED: tuple[type[Exception], ...] = (
    ValueError,
    UnsupportedAlgorithm,
    x509.InvalidVersion,
    x509.DuplicateExtension,
    x509.UnsupportedGeneralNameType,
)

# Checking a signature may also say it is wrong, or that the key cannot check it.
VERIFY_EXPECTED = (*EXPECTED, InvalidSignature, TypeError)

# A name attribute holding a BIT STRING under another type than X500UniqueIdentifier
# makes reading the name raise TypeError, as in the reference (NameAttribute's own
# check); names are read by ``issuer``, ``subject`` and the extensions.
NAME_EXPECTED = (*EXPECTED, TypeError)


def _try(read: Callable[[], Any], expected: tuple[type[Exception], ...] = EXPECTED) -> None:
    try:
        value = read()
    except expected:
        return
    repr(value)


def _name(name: Any) -> None:
    repr(name)
    name.rfc4514_string()
    name.public_bytes()
    for attribute in name:
        repr(attribute.value)


def _extensions(extensions: Any) -> None:
    for extension in extensions:
        repr(extension.value)
        hash(extension)
        extension.value == extension.value  # noqa: B015


def _signed(obj: Any) -> None:
    for name in (
        "signature_algorithm_oid",
        "signature_hash_algorithm",
        "signature_algorithm_parameters",
        "signature",
    ):
        _try(lambda name=name: getattr(obj, name))
    _try(lambda: _extensions(obj.extensions), NAME_EXPECTED)
    for encoding in (serialization.Encoding.DER, serialization.Encoding.PEM):
        _try(lambda encoding=encoding: obj.public_bytes(encoding))
    if type(obj).__hash__ is not None:  # CRLs are unhashable, as in the reference
        hash(obj)
    assert obj == obj


def _public_key(obj: Any) -> None:
    _try(
        lambda: obj.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    _try(lambda: obj.public_key_algorithm_oid)


def touch_certificate(cert: Any) -> None:
    for name in (
        "version",
        "serial_number",
        "not_valid_before_utc",
        "not_valid_after_utc",
        "tbs_certificate_bytes",
        "tbs_precertificate_bytes",
    ):
        _try(lambda name=name: getattr(cert, name))
    _try(lambda: _name(cert.issuer), NAME_EXPECTED)
    _try(lambda: _name(cert.subject), NAME_EXPECTED)
    _public_key(cert)
    _signed(cert)
    cert.fingerprint(hashes.SHA256())
    _try(lambda: repr(cert), NAME_EXPECTED)
    _try(lambda: cert.verify_directly_issued_by(cert), VERIFY_EXPECTED)


def touch_csr(csr: Any) -> None:
    _try(lambda: _name(csr.subject), NAME_EXPECTED)
    _try(lambda: [(a.oid, a.value) for a in csr.attributes])
    _try(lambda: csr.tbs_certrequest_bytes)
    _try(lambda: csr.is_signature_valid)
    _public_key(csr)
    _signed(csr)


def touch_crl(crl: Any) -> None:
    for name in ("last_update_utc", "next_update_utc", "tbs_certlist_bytes"):
        _try(lambda name=name: getattr(crl, name))
    _try(lambda: _name(crl.issuer), NAME_EXPECTED)
    _signed(crl)

    def entries() -> None:
        for entry in crl:
            entry.serial_number  # noqa: B018
            entry.revocation_date_utc  # noqa: B018
            _try(lambda entry=entry: _extensions(entry.extensions), NAME_EXPECTED)
        if len(crl):
            crl[-1]
            crl[0:1]

    _try(entries)


LOADERS: dict[
    str, tuple[Callable[[bytes], Any], Callable[[bytes], Any], Callable[[Any], None]]
] = {
    "certificate": (
        x509.load_der_x509_certificate,
        x509.load_pem_x509_certificate,
        touch_certificate,
    ),
    "csr": (x509.load_der_x509_csr, x509.load_pem_x509_csr, touch_csr),
    "crl": (x509.load_der_x509_crl, x509.load_pem_x509_crl, touch_crl),
}


def load_and_touch(kind: str, data: bytes, pem: bool = False) -> bool:
    """Loads ``data`` as ``kind`` and reads everything; True when it loaded. Anything
    but an expected exception propagates (and fails the test)."""
    der_loader, pem_loader, touch = LOADERS[kind]
    try:
        obj = (pem_loader if pem else der_loader)(data)
    except EXPECTED:
        return False
    touch(obj)
    return True
