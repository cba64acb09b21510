"""``oxicrypt inspect``: what a PEM or DER file holds, described for people (or as JSON).

A file may hold certificates (one or a bundle), certificate signing requests, CRLs,
public keys and private keys. Each object becomes a :class:`Description`: a title and
ordered fields, which the command prints as aligned text or as JSON. Private keys are
described by type and size only: no secret is ever printed.
"""

from __future__ import annotations

import dataclasses
import datetime
import ipaddress
from collections.abc import Callable, Iterator
from typing import Any

from oxicrypt import x509
from oxicrypt.exceptions import UnsupportedAlgorithm
from oxicrypt.hazmat.primitives import hashes, serialization
from oxicrypt.hazmat.primitives.asymmetric import dh, dsa, ec, ed448, ed25519, rsa, x448, x25519

Value = Any  # str, int, bool, list of str, or nested dict for JSON


@dataclasses.dataclass
class Description:
    """One object found in a file."""

    kind: str  # "certificate", "certificate signing request", "CRL", "public key", ...
    fields: dict[str, Value]
    # Each: {"oid": dotted, "name": ..., "critical": bool, "value": summary}.
    extensions: list[dict[str, Value]] | None = None


class InspectError(ValueError):
    """The file holds nothing oxicrypt can describe; the message says what was wrong."""


_CERT_LABELS = {"CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"}
_CSR_LABELS = {"CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"}
_CRL_LABELS = {"X509 CRL"}
_PUBLIC_LABELS = {"PUBLIC KEY", "RSA PUBLIC KEY"}
_PRIVATE_LABELS = {
    "PRIVATE KEY",
    "RSA PRIVATE KEY",
    "EC PRIVATE KEY",
    "DSA PRIVATE KEY",
    "OPENSSH PRIVATE KEY",
}


def describe_data(data: bytes, now: datetime.datetime) -> list[Description]:
    """Every object in ``data`` (PEM with any number of blocks, or one DER object)."""
    if b"-----BEGIN " in data:
        return list(_describe_pem(data, now))
    return [_describe_der(data, now)]


def _pem_blocks(data: bytes) -> Iterator[tuple[str, bytes]]:
    """(label, whole block text) of each PEM block, in order."""
    text = data.decode("ascii", errors="replace")
    position = 0
    while (start := text.find("-----BEGIN ", position)) != -1:
        label_end = text.find("-----", start + 11)
        if label_end == -1:
            raise InspectError("PEM block with an unterminated BEGIN line")
        label = text[start + 11 : label_end]
        end_marker = f"-----END {label}-----"
        end = text.find(end_marker, label_end)
        if end == -1:
            raise InspectError(f"PEM block {label!r} has no END line")
        end += len(end_marker)
        yield label, text[start:end].encode("ascii")
        position = end


def _describe_pem(data: bytes, now: datetime.datetime) -> Iterator[Description]:
    found = False
    for label, block in _pem_blocks(data):
        found = True
        if label in _CERT_LABELS:
            yield describe_certificate(x509.load_pem_x509_certificate(block), now)
        elif label in _CSR_LABELS:
            yield describe_csr(x509.load_pem_x509_csr(block))
        elif label in _CRL_LABELS:
            yield describe_crl(x509.load_pem_x509_crl(block), now)
        elif label in _PUBLIC_LABELS:
            yield _key("public key", serialization.load_pem_public_key(block))
        elif label in _PRIVATE_LABELS:
            if label == "OPENSSH PRIVATE KEY":
                key = serialization.load_ssh_private_key(block, None)
            else:
                key = serialization.load_pem_private_key(block, None)
            yield _key("private key", key)
        elif label == "ENCRYPTED PRIVATE KEY":
            yield Description("encrypted private key", {"Note": "needs a password to read"})
        else:
            yield Description("unrecognised PEM block", {"Label": label})
    if not found:
        raise InspectError("no PEM block found")


def _describe_der(data: bytes, now: datetime.datetime) -> Description:
    attempts: tuple[Callable[[], Description], ...] = (
        lambda: describe_certificate(x509.load_der_x509_certificate(data), now),
        lambda: describe_csr(x509.load_der_x509_csr(data)),
        lambda: describe_crl(x509.load_der_x509_crl(data), now),
        lambda: _key("public key", serialization.load_der_public_key(data)),
        lambda: _key("private key", serialization.load_der_private_key(data, None)),
    )
    for attempt in attempts:
        try:
            return attempt()
        except (ValueError, TypeError, UnsupportedAlgorithm):
            continue
    raise InspectError("not a PEM file, and not a DER certificate, CSR, CRL or key")


def _key_summary(key: Any) -> str:
    if isinstance(key, (rsa.RSAPublicKey, rsa.RSAPrivateKey)):
        return f"RSA {key.key_size} bits"
    if isinstance(key, (ec.EllipticCurvePublicKey, ec.EllipticCurvePrivateKey)):
        return f"EC {key.curve.name} ({key.curve.key_size} bits)"
    if isinstance(key, (dsa.DSAPublicKey, dsa.DSAPrivateKey)):
        return f"DSA {key.key_size} bits"
    if isinstance(key, (dh.DHPublicKey, dh.DHPrivateKey)):
        return f"DH {key.key_size} bits"
    for classes, name in (
        ((ed25519.Ed25519PublicKey, ed25519.Ed25519PrivateKey), "Ed25519"),
        ((ed448.Ed448PublicKey, ed448.Ed448PrivateKey), "Ed448"),
        ((x25519.X25519PublicKey, x25519.X25519PrivateKey), "X25519"),
        ((x448.X448PublicKey, x448.X448PrivateKey), "X448"),
    ):
        if isinstance(key, classes):
            return name
    return type(key).__name__


def _key(kind: str, key: Any) -> Description:
    fields: dict[str, Value] = {"Type": _key_summary(key)}
    public = key.public_key() if hasattr(key, "public_key") else key
    spki = public.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    fields["SPKI SHA-256"] = _hex(hashes.Hash.hash(hashes.SHA256(), spki))
    return Description(kind, fields)


def _hex(data: bytes) -> str:
    return ":".join(f"{b:02X}" for b in data)


def _when(moment: datetime.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def _span(delta: datetime.timedelta) -> str:
    days = abs(delta.days)
    if days >= 730:
        return f"{days // 365} years"
    if days >= 60:
        return f"{days // 30} months"
    if days >= 1:
        return f"{days} day{'s' if days != 1 else ''}"
    hours = int(abs(delta.total_seconds()) // 3600)
    return f"{hours} hour{'s' if hours != 1 else ''}"


def validity_status(
    not_before: datetime.datetime, not_after: datetime.datetime, now: datetime.datetime
) -> str:
    """A few words on where ``now`` falls in the validity period."""
    if now < not_before:
        return f"not valid yet: starts in {_span(not_before - now)}"
    if now > not_after:
        return f"EXPIRED {_span(now - not_after)} ago"
    return f"valid, {_span(not_after - now)} left"


def _oid_name(oid: x509.ObjectIdentifier) -> str:
    name = oid._name
    return oid.dotted_string if name == "Unknown OID" else name


def general_name(name: x509.GeneralName) -> str:
    """A GeneralName as ``TYPE:value`` (the notation of OpenSSL's config files)."""
    if isinstance(name, x509.DNSName):
        return f"DNS:{name.value}"
    if isinstance(name, x509.RFC822Name):
        return f"email:{name.value}"
    if isinstance(name, x509.UniformResourceIdentifier):
        return f"URI:{name.value}"
    if isinstance(name, x509.IPAddress):
        value = name.value
        if isinstance(value, (ipaddress.IPv4Network, ipaddress.IPv6Network)):
            return f"IP:{value.with_prefixlen}"
        return f"IP:{value}"
    if isinstance(name, x509.DirectoryName):
        return f"dirName:{name.value.rfc4514_string()}"
    if isinstance(name, x509.RegisteredID):
        return f"RID:{_oid_name(name.value)}"
    if isinstance(name, x509.OtherName):
        return f"otherName:{_oid_name(name.type_id)}:{name.value.hex()}"
    return repr(name)


_KEY_USAGES = (
    "digital_signature",
    "content_commitment",
    "key_encipherment",
    "data_encipherment",
    "key_agreement",
    "key_cert_sign",
    "crl_sign",
)


def extension_value(value: x509.ExtensionType) -> Value:
    """A readable summary of an extension's value."""
    if isinstance(value, x509.BasicConstraints):
        if not value.ca:
            return "not a CA"
        limit = "" if value.path_length is None else f", path length {value.path_length}"
        return f"CA{limit}"
    if isinstance(value, x509.KeyUsage):
        used = [u for u in _KEY_USAGES if getattr(value, u)]
        if value.key_agreement:
            used += [u for u in ("encipher_only", "decipher_only") if getattr(value, u)]
        return used
    if isinstance(value, x509.ExtendedKeyUsage):
        return [_oid_name(oid) for oid in value]
    if isinstance(
        value, (x509.SubjectAlternativeName, x509.IssuerAlternativeName, x509.CertificateIssuer)
    ):
        return [general_name(n) for n in value]
    if isinstance(value, x509.SubjectKeyIdentifier):
        return _hex(value.digest)
    if isinstance(value, x509.AuthorityKeyIdentifier):
        if value.key_identifier is not None:
            return f"keyid {_hex(value.key_identifier)}"
        return repr(value)
    if isinstance(value, (x509.AuthorityInformationAccess, x509.SubjectInformationAccess)):
        return [f"{_oid_name(d.access_method)}: {general_name(d.access_location)}" for d in value]
    if isinstance(value, (x509.CRLDistributionPoints, x509.FreshestCRL)):
        out: list[str] = []
        for point in value:
            out += [general_name(n) for n in point.full_name or []]
        return out
    if isinstance(value, x509.CertificatePolicies):
        return [_oid_name(p.policy_identifier) for p in value]
    if isinstance(value, (x509.CRLNumber, x509.DeltaCRLIndicator)):
        return str(value.crl_number)
    if isinstance(
        value,
        (x509.PrecertificateSignedCertificateTimestamps, x509.SignedCertificateTimestamps),
    ):
        return [f"log {_hex(s.log_id)[:23]}... at {s.timestamp:%Y-%m-%d}" for s in value]
    if isinstance(value, x509.UnrecognizedExtension):
        return f"{len(value.value)} bytes, not decoded"
    return repr(value)


def _extensions(extensions: x509.Extensions) -> list[dict[str, Value]]:
    return [
        {
            "oid": extension.oid.dotted_string,
            "name": _oid_name(extension.oid),
            "critical": extension.critical,
            "value": extension_value(extension.value),
        }
        for extension in extensions
    ]


def _signature_name(oid: x509.ObjectIdentifier) -> str:
    return _oid_name(oid)


def describe_certificate(cert: x509.Certificate, now: datetime.datetime) -> Description:
    """Subject, issuer, validity, key, the extensions people look for, and fingerprints."""
    fields: dict[str, Value] = {
        "Subject": cert.subject.rfc4514_string(),
        "Issuer": cert.issuer.rfc4514_string(),
        "Serial": f"0x{cert.serial_number:x} ({cert.serial_number})",
        "Version": cert.version.name,
        "Valid from": _when(cert.not_valid_before_utc),
        "Valid until": _when(cert.not_valid_after_utc),
        "Status": validity_status(cert.not_valid_before_utc, cert.not_valid_after_utc, now),
        "Signature": _signature_name(cert.signature_algorithm_oid),
    }
    try:
        fields["Public key"] = _key_summary(cert.public_key())
    except (ValueError, UnsupportedAlgorithm) as exc:
        fields["Public key"] = f"{_oid_name(cert.public_key_algorithm_oid)} (unreadable: {exc})"
    if cert.subject == cert.issuer:
        fields["Self-issued"] = True
    fields["SHA-256 fingerprint"] = _hex(cert.fingerprint(hashes.SHA256()))
    fields["SHA-1 fingerprint"] = _hex(cert.fingerprint(hashes.SHA1()))
    return Description("certificate", fields, _extensions(cert.extensions))


def describe_csr(csr: x509.CertificateSigningRequest) -> Description:
    """Subject, key, requested extensions and whether the self-signature holds."""
    fields: dict[str, Value] = {"Subject": csr.subject.rfc4514_string()}
    try:
        fields["Public key"] = _key_summary(csr.public_key())
    except (ValueError, UnsupportedAlgorithm) as exc:
        fields["Public key"] = f"unreadable: {exc}"
    fields["Signature"] = _signature_name(csr.signature_algorithm_oid)
    fields["Signature valid"] = csr.is_signature_valid
    return Description("certificate signing request", fields, _extensions(csr.extensions))


def describe_crl(crl: x509.CertificateRevocationList, now: datetime.datetime) -> Description:
    """Issuer, update times and the revoked serial numbers."""
    next_update = crl.next_update_utc
    fields: dict[str, Value] = {
        "Issuer": crl.issuer.rfc4514_string(),
        "Last update": _when(crl.last_update_utc),
        "Next update": "none" if next_update is None else _when(next_update),
        "Signature": _signature_name(crl.signature_algorithm_oid),
        "Revoked": [f"0x{r.serial_number:x} on {_when(r.revocation_date_utc)}" for r in crl],
    }
    if next_update is not None and next_update < now:
        fields["Status"] = f"STALE: next update was due {_span(now - next_update)} ago"
    return Description("CRL", fields, _extensions(crl.extensions))


def render_text(name: str, descriptions: list[Description]) -> str:
    """Aligned ``Field: value`` lines under a heading per object."""
    lines: list[str] = []
    for index, description in enumerate(descriptions, start=1):
        count = f" {index} of {len(descriptions)}" if len(descriptions) > 1 else ""
        lines.append(f"{name}: {description.kind}{count}")
        _render_fields(description.fields, lines, indent="  ")
        if description.extensions is not None:
            lines.append("  Extensions:" + ("" if description.extensions else " none"))
            for extension in description.extensions:
                label = extension["name"] + (" (critical)" if extension["critical"] else "")
                _render_fields({label: extension["value"]}, lines, indent="    ")
    return "\n".join(lines)


def _render_fields(fields: dict[str, Value], lines: list[str], indent: str) -> None:
    width = max((len(k) for k in fields), default=0) + 1
    for key, value in fields.items():
        if isinstance(value, list):
            text = ", ".join(str(v) for v in value) if value else "none"
            lines.append(f"{indent}{key + ':':<{width}} {text}")
        elif isinstance(value, bool):
            lines.append(f"{indent}{key + ':':<{width}} {'yes' if value else 'no'}")
        else:
            lines.append(f"{indent}{key + ':':<{width}} {value}")


def as_json(name: str, descriptions: list[Description]) -> dict[str, Value]:
    """The JSON form of one file's objects."""
    objects = []
    for d in descriptions:
        item: dict[str, Value] = {"kind": d.kind}
        item.update({_json_key(k): v for k, v in d.fields.items()})
        if d.extensions is not None:
            item["extensions"] = d.extensions
        objects.append(item)
    return {"file": name, "objects": objects}


def _json_key(label: str) -> str:
    return label.lower().replace("self-", "self_").replace("-", "").replace(" ", "_")
