"""What OpenSSL's C decoders say about a certificate, CSR or CRL, side by side with what
oxicrypt says: the fields that differ, by name."""

from __future__ import annotations

import datetime
import re
from typing import Any, Callable

from oxicrypt import x509
from oxicrypt._rust import _parity
from oxicrypt.exceptions import UnsupportedAlgorithm
from oxicrypt.hazmat.primitives import serialization
from tests.parity import _der

OPENSSL: dict[str, Callable[[bytes], dict[str, Any] | None]] = {
    "certificate": _parity.openssl_load_certificate,
    "csr": _parity.openssl_load_csr,
    "crl": _parity.openssl_load_crl,
}

OXICRYPT: dict[str, Callable[[bytes], Any]] = {
    "certificate": x509.load_der_x509_certificate,
    "csr": x509.load_der_x509_csr,
    "crl": x509.load_der_x509_crl,
}

# What oxicrypt's loaders and property getters may raise on input they refuse.
REJECTIONS = (
    ValueError,
    UnsupportedAlgorithm,
    x509.InvalidVersion,
    x509.DuplicateExtension,
    x509.UnsupportedGeneralNameType,
)

_FRACTION = re.compile(r"\.\d+")


def openssl_time(text: str) -> datetime.datetime:
    """OpenSSL's ASN1_TIME_print text (``Oct 15 12:09:32 2014 GMT``) as an aware UTC
    datetime; any fraction of a second is dropped (the X.509 types carry none)."""
    parsed = datetime.datetime.strptime(_FRACTION.sub("", text), "%b %d %H:%M:%S %Y GMT")
    return parsed.replace(tzinfo=datetime.timezone.utc)


def openssl_int(serial: tuple[bytes, bool]) -> int:
    magnitude, negative = serial
    value = int.from_bytes(magnitude, "big")
    return -value if negative else value


# How oxicrypt turns a name attribute's content octets into its value (see the
# `_ASN1Type` members): the 8-bit string types as UTF-8, the wide ones as UTF-16BE and
# UTF-32BE, and X500UniqueIdentifier's BIT STRING as its raw content.
_WIDE = {30: "utf-16-be", 28: "utf-32-be"}


def _attribute_content(attribute: Any) -> bytes:
    tag = attribute._type.value
    if isinstance(attribute.value, bytes):
        return attribute.value
    text: str = attribute.value
    return text.encode(_WIDE.get(tag, "utf-8"))


def name_rdns(name: Any) -> list[list[tuple[str, int, bytes]]]:
    """oxicrypt's Name in the shape of ``_der.name_attributes``."""
    return [
        [(a.oid.dotted_string, a._type.value, _attribute_content(a)) for a in rdn]
        for rdn in name.rdns
    ]


def _spki(key: Any) -> bytes:
    data: bytes = key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return data


def _compare_name(
    diffs: dict[str, str], field: str, openssl_der: bytes, raw: bytes, read: Callable[[], Any]
) -> None:
    """A name three ways: OpenSSL's DER is the very TLV of the structure oxicrypt signs
    over; oxicrypt's attributes (OID, string type, content) are those of that DER; and
    oxicrypt encodes the Name back to the same DER."""
    if openssl_der != raw:
        diffs[field] = "DER"
        return
    try:
        name = read()
        rdns = name_rdns(name)
        encoded = name.public_bytes()
    except REJECTIONS as e:
        diffs[field] = f"oxicrypt raises {type(e).__name__}"
        return
    if rdns != _der.name_attributes(openssl_der):
        diffs[field] = "attributes"
    elif encoded != openssl_der:
        diffs[field] = "public_bytes"


def _compare_extensions(
    diffs: dict[str, str], openssl: list[tuple[str, bool]], raw: bytes, read: Callable[[], Any]
) -> None:
    """OpenSSL's list of (OID, critical) against the Extensions of the DER and against
    oxicrypt's decoded ``extensions`` (which decodes every value: where a value is
    malformed, it raises as the reference does, and only the raw list is compared)."""
    if _der.extension_list(raw) != openssl:
        diffs["extensions"] = "DER"
        return
    try:
        ours = [(e.oid.dotted_string, e.critical) for e in read()]
    except REJECTIONS:
        return
    if ours != openssl:
        diffs["extensions"] = "decoded"


def _compare_spki(diffs: dict[str, str], openssl: bytes | None, read: Callable[[], Any]) -> None:
    try:
        ours: bytes | str = _spki(read())
    except REJECTIONS as e:
        ours = type(e).__name__
    if openssl is None:
        if isinstance(ours, bytes):
            diffs["spki"] = "OpenSSL reads no key, oxicrypt does"
    elif ours != openssl:
        diffs["spki"] = f"oxicrypt: {ours}" if isinstance(ours, str) else "different key"


def compare_certificate(cert: Any, openssl: dict[str, Any]) -> dict[str, str]:
    diffs: dict[str, str] = {}
    fields = _der.tbs_certificate_fields(cert.tbs_certificate_bytes)
    if cert.serial_number != openssl_int(openssl["serial"]):
        diffs["serial"] = "value"
    _compare_name(diffs, "issuer", openssl["issuer"], fields["issuer"], lambda: cert.issuer)
    _compare_name(diffs, "subject", openssl["subject"], fields["subject"], lambda: cert.subject)
    if cert.not_valid_before_utc != openssl_time(openssl["not_before"]):
        diffs["not_before"] = "value"
    if cert.not_valid_after_utc != openssl_time(openssl["not_after"]):
        diffs["not_after"] = "value"
    _compare_extensions(
        diffs, openssl["extensions"], fields["extensions"], lambda: cert.extensions
    )
    _compare_spki(diffs, openssl.get("spki"), cert.public_key)
    return diffs


def compare_csr(csr: Any, openssl: dict[str, Any]) -> dict[str, str]:
    diffs: dict[str, str] = {}
    (info,) = _der.read_all(csr.tbs_certrequest_bytes)
    _, subject, *_ = info.children()
    _compare_name(diffs, "subject", openssl["subject"], subject.raw, lambda: csr.subject)
    _compare_spki(diffs, openssl.get("spki"), csr.public_key)
    return diffs


def compare_crl(crl: Any, openssl: dict[str, Any]) -> dict[str, str]:
    diffs: dict[str, str] = {}
    (tbs,) = _der.read_all(crl.tbs_certlist_bytes)
    fields = tbs.children()
    if fields[0].tag == 0x02:  # version
        fields = fields[1:]
    issuer = fields[1]
    _compare_name(diffs, "issuer", openssl["issuer"], issuer.raw, lambda: crl.issuer)
    if crl.last_update_utc != openssl_time(openssl["last_update"]):
        diffs["last_update"] = "value"
    next_update = openssl["next_update"]
    if crl.next_update_utc != (next_update and openssl_time(next_update)):
        diffs["next_update"] = "value"
    raw_extensions = b"".join(f.content for f in fields if f.tag == 0xA0)
    _compare_extensions(diffs, openssl["extensions"], raw_extensions, lambda: crl.extensions)
    if [r.serial_number for r in crl] != [openssl_int(s) for s in openssl["revoked"]]:
        diffs["revoked"] = "serials"
    return diffs


COMPARE: dict[str, Callable[[Any, dict[str, Any]], dict[str, str]]] = {
    "certificate": compare_certificate,
    "csr": compare_csr,
    "crl": compare_crl,
}
