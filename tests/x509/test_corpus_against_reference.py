"""Every file of the X.509 corpus through oxicrypt and through the reference: the same
files load, the same exceptions come out, and every property of what loads has the same
value.

Each file under ``x509/`` of ``cryptography_vectors`` (``ocsp/`` aside) is offered to the
certificate, CSR and CRL loaders (PEM or DER as its content says; for PEM certificates
both ``load_pem_x509_certificate`` and ``load_pem_x509_certificates``). Both libraries
must load it or both must raise an exception of the same class. Where both load it,
every property is read (and the reference's exception classes compared where reading
one fails): versions, serials, dates, names, signature algorithm and parameters, the
public key's SubjectPublicKeyInfo, the signed bytes, the signature, every extension's
value (through its repr, and field by field for the SCT lists, whose objects have no
useful repr), the encodings and the SHA-256 fingerprint; for CSRs the attributes and the
signature check, for CRLs every entry and a lookup by serial number.

``DEVIATIONS`` lists the files where oxicrypt deliberately differs, with the reason,
what oxicrypt does instead (asserted) and a check that the reference still differs (so
that an entry goes away when it is no longer needed).
"""

from __future__ import annotations

import dataclasses
import warnings
from types import ModuleType
from typing import Any, Callable

import pytest

import oxicrypt.utils
import oxicrypt.x509
from oxicrypt.hazmat.primitives import hashes, serialization
from tests.x509 import _corpus

Lib = dict[str, ModuleType]


def _oxicrypt() -> Lib:
    return {"x509": oxicrypt.x509, "hashes": hashes, "serialization": serialization}


def _reference() -> Lib:
    return {
        "x509": pytest.importorskip("cryptography.x509"),
        "hashes": pytest.importorskip("cryptography.hazmat.primitives.hashes"),
        "serialization": pytest.importorskip("cryptography.hazmat.primitives.serialization"),
    }


def _normalize(text: str) -> str:
    # Class paths in reprs name the library (and where its Rust classes live).
    for prefix in ("cryptography.hazmat.bindings._rust.", "oxicrypt._rust.oid."):
        text = text.replace(prefix, "")
    return text.replace("cryptography.", "oxicrypt.")


def _get(out: dict[str, Any], key: str, read: Callable[[], Any]) -> None:
    try:
        out[key] = read()
    except Exception as e:
        out[key] = f"EXC {type(e).__name__}"


def _sct(sct: Any) -> tuple[Any, ...]:
    return (
        sct.version.name,
        sct.log_id,
        sct.timestamp,
        sct.entry_type.name,
        sct.signature_hash_algorithm.name,
        sct.signature_algorithm.name,
        sct.signature,
        sct.extension_bytes,
    )


def _extension_value(value: Any) -> Any:
    name = type(value).__name__
    if name in ("PrecertificateSignedCertificateTimestamps", "SignedCertificateTimestamps"):
        return (name, [_sct(s) for s in value])
    return _normalize(repr(value))


def _extensions(extensions: Any) -> list[tuple[str, bool, Any]]:
    return [(e.oid.dotted_string, e.critical, _extension_value(e.value)) for e in extensions]


def _parameters(params: Any) -> Any:
    """signature_algorithm_parameters: the class and what it holds."""
    name = type(params).__name__
    if name == "PSS":
        mgf = params._mgf
        return (name, type(mgf).__name__, mgf._algorithm.name, params._salt_length)
    if name == "ECDSA":
        return (name, params.algorithm.name)
    return name


def _signed(out: dict[str, Any], obj: Any, lib: Lib, tbs: str) -> None:
    """What certificates, CSRs and CRLs have in common."""
    ser = lib["serialization"]
    _get(out, "signature_algorithm_oid", lambda: obj.signature_algorithm_oid.dotted_string)
    _get(
        out,
        "signature_hash_algorithm",
        lambda: obj.signature_hash_algorithm and obj.signature_hash_algorithm.name,
    )
    _get(
        out,
        "signature_algorithm_parameters",
        lambda: _parameters(obj.signature_algorithm_parameters),
    )
    _get(out, "signature", lambda: obj.signature)
    _get(out, tbs, lambda: getattr(obj, tbs))
    _get(out, "extensions", lambda: _extensions(obj.extensions))
    _get(out, "der", lambda: obj.public_bytes(ser.Encoding.DER))
    _get(out, "pem", lambda: obj.public_bytes(ser.Encoding.PEM))


def _spki(key: Any, lib: Lib) -> bytes:
    ser = lib["serialization"]
    data: bytes = key.public_bytes(ser.Encoding.DER, ser.PublicFormat.SubjectPublicKeyInfo)
    return data


def describe_certificate(cert: Any, lib: Lib) -> dict[str, Any]:
    out: dict[str, Any] = {}
    _get(out, "version", lambda: cert.version.name)
    _get(out, "serial_number", lambda: cert.serial_number)
    _get(out, "not_valid_before_utc", lambda: cert.not_valid_before_utc)
    _get(out, "not_valid_after_utc", lambda: cert.not_valid_after_utc)
    _get(out, "issuer", lambda: repr(cert.issuer))
    _get(out, "subject", lambda: repr(cert.subject))
    _get(out, "subject_rfc4514", lambda: cert.subject.rfc4514_string())
    _get(out, "public_key_algorithm_oid", lambda: cert.public_key_algorithm_oid.dotted_string)
    _get(out, "public_key", lambda: _spki(cert.public_key(), lib))
    _get(out, "tbs_precertificate_bytes", lambda: cert.tbs_precertificate_bytes)
    _get(out, "fingerprint", lambda: cert.fingerprint(lib["hashes"].SHA256()))
    _signed(out, cert, lib, "tbs_certificate_bytes")
    # Self-signed or not: verification against itself exercises the signature code
    # (and its errors: wrong issuer name, unsupported algorithms, bad signatures).
    _get(out, "verify_self", lambda: cert.verify_directly_issued_by(cert))
    return out


def describe_csr(csr: Any, lib: Lib) -> dict[str, Any]:
    out: dict[str, Any] = {}
    _get(out, "subject", lambda: repr(csr.subject))
    _get(out, "public_key_algorithm_oid", lambda: csr.public_key_algorithm_oid.dotted_string)
    _get(out, "public_key", lambda: _spki(csr.public_key(), lib))
    _get(
        out,
        "attributes",
        lambda: [(a.oid.dotted_string, a.value, a._type) for a in csr.attributes],
    )
    _get(out, "is_signature_valid", lambda: csr.is_signature_valid)
    _signed(out, csr, lib, "tbs_certrequest_bytes")
    return out


def _entry(entry: Any) -> tuple[Any, ...]:
    return (
        entry.serial_number,
        entry.revocation_date_utc,
        _extensions(entry.extensions),
    )


def describe_crl(crl: Any, lib: Lib) -> dict[str, Any]:
    out: dict[str, Any] = {}
    _get(out, "issuer", lambda: repr(crl.issuer))
    _get(out, "last_update_utc", lambda: crl.last_update_utc)
    _get(out, "next_update_utc", lambda: crl.next_update_utc)
    _get(out, "len", lambda: len(crl))
    _get(out, "entries", lambda: [_entry(e) for e in crl])
    _get(
        out,
        "lookup_first",
        lambda: [
            _entry(crl.get_revoked_certificate_by_serial_number(e.serial_number))
            for e in list(crl)[:1]
        ],
    )
    _get(out, "lookup_missing", lambda: crl.get_revoked_certificate_by_serial_number(-1))
    _signed(out, crl, lib, "tbs_certlist_bytes")
    return out


DESCRIBE = {"certificate": describe_certificate, "csr": describe_csr, "crl": describe_crl}


def _loaders(kind: str, pem: bool) -> list[str]:
    encoding = "pem" if pem else "der"
    names = [f"load_{encoding}_x509_{kind}"]
    if kind == "certificate" and pem:
        names.append("load_pem_x509_certificates")
    return names


def _warnings(caught: list[warnings.WarningMessage]) -> list[tuple[str, str]]:
    # Warnings name the library in their text ("a future version of cryptography").
    return [
        (w.category.__name__, _normalize(str(w.message)).replace("of cryptography", "of oxicrypt"))
        for w in caught
    ]


def load(lib: Lib, loader: str, data: bytes) -> tuple[str | None, list[Any], list[Any]]:
    """(exception class name or None, loaded objects, warnings raised)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = getattr(lib["x509"], loader)(data)
        except Exception as e:
            return type(e).__name__, [], _warnings(caught)
    return None, result if isinstance(result, list) else [result], _warnings(caught)


def describe_all(lib: Lib, kind: str, objects: list[Any]) -> list[dict[str, Any]]:
    """The description of each object, with the warnings reading it raised (a country
    name of the wrong length, for one) under "warnings"."""
    out = []
    for obj in objects:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            description = DESCRIBE[kind](obj, lib)
        description["warnings"] = _warnings(caught)
        out.append(description)
    return out


@dataclasses.dataclass(frozen=True)
class Deviation:
    """Where oxicrypt deliberately differs from the reference on one file."""

    reason: str
    # The property values oxicrypt gives instead, e.g. {"public_key": "EXC ValueError"};
    # every other property must equal the reference's.
    oxicrypt: dict[str, Any]
    # Set when the reference refuses the file at load (with this exception class) where
    # oxicrypt loads it: then there is nothing to compare the other properties with, and
    # they must merely all be readable.
    reference_refuses: str | None = None


_DSA_INHERITED = Deviation(
    "a DSA SubjectPublicKeyInfo without parameters (RFC 3279 lets them be inherited from "
    "the issuer): the reference refuses the certificate at load; oxicrypt loads it, as "
    "OpenSSL does, and refuses only the key (docs/parity.rst)",
    {"public_key": "EXC ValueError", "verify_self": "EXC ValueError"},
    reference_refuses="ValueError",
)

# (file, kind) -> Deviation
DEVIATIONS: dict[tuple[str, str], Deviation] = {
    ("PKITS_data/certs/DSAParametersInheritedCACert.crt", "certificate"): _DSA_INHERITED,
    ("PKITS_data/certs/ValidDSAParameterInheritanceTest5EE.crt", "certificate"): _DSA_INHERITED,
    ("custom/ec_no_named_curve.pem", "certificate"): Deviation(
        "an EC key with explicit curve parameters (those of P-256): oxicrypt refuses "
        "explicit curves with UnsupportedAlgorithm, the reference reads it as P-256 "
        "(docs/parity.rst)",
        {"public_key": "EXC UnsupportedAlgorithm", "verify_self": "EXC UnsupportedAlgorithm"},
    ),
}


def _missing_deprecation_warnings(ours: Any, theirs: Any) -> bool:
    missing = set(theirs) - set(ours)
    return set(ours) < set(theirs) and all(
        category == "CryptographyDeprecationWarning" for category, _ in missing
    )


# Known bugs, reported and awaiting a fix: property -> (recognises the bug's mismatch
# from (oxicrypt's value, the reference's value), what is wrong). Such a mismatch is let
# through; everything else about the file is still compared. Each has a strict xfail
# test below that turns red once the bug is fixed: then delete both.
KNOWN_BUGS: dict[str, tuple[Callable[[Any, Any], bool], str]] = {}


def _known_bug(key: str, ours: Any, theirs: Any) -> bool:
    bug = KNOWN_BUGS.get(key)
    return bug is not None and bug[0](ours, theirs)


FILES = _corpus.corpus_files()


def test_corpus_is_complete() -> None:
    """The walk finds the whole corpus, and every deviation names a file in it."""
    assert len(FILES) > 1700
    for name in ("cryptography.io.pem", "requests/rsa_sha256.der", "custom/crl_empty.pem"):
        assert name in FILES
    assert {name for name, _ in DEVIATIONS} <= set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_file(name: str) -> None:
    ref = _reference()
    ours = _oxicrypt()
    data = _corpus.read(name)
    loaded = 0
    for kind in _corpus.KINDS:
        deviation = DEVIATIONS.get((name, kind))
        for loader in _loaders(kind, _corpus.is_pem(data)):
            their_error, theirs, their_warnings = load(ref, loader, data)
            our_error, objects, our_warnings = load(ours, loader, data)
            loaded += len(objects)
            if deviation is not None and deviation.reference_refuses is not None:
                assert their_error == deviation.reference_refuses, deviation.reason
                assert our_error is None, deviation.reason
                for description in describe_all(ours, kind, objects):
                    for key, value in deviation.oxicrypt.items():
                        assert description.pop(key) == value, (key, deviation.reason)
                    # Like any certificate without an SCT list, it is no precertificate.
                    assert description.pop("tbs_precertificate_bytes") == "EXC ValueError"
                    failures = {k: v for k, v in description.items() if str(v).startswith("EXC")}
                    assert not failures, deviation.reason
                continue
            assert our_error == their_error, (kind, loader)
            if not _known_bug("warnings", our_warnings, their_warnings):
                assert our_warnings == their_warnings, (kind, loader)
            assert len(objects) == len(theirs), (kind, loader)
            expected = describe_all(ref, kind, theirs)
            got = describe_all(ours, kind, objects)
            for index, (mine, reference) in enumerate(zip(got, expected)):
                if deviation is not None:
                    for key, value in deviation.oxicrypt.items():
                        assert mine.pop(key) == value, (key, deviation.reason)
                        assert reference.pop(key) != value, f"{deviation.reason}: now the same"
                for key in reference:
                    if not _known_bug(key, mine[key], reference[key]):
                        assert mine[key] == reference[key], (kind, loader, index, key)
    # Files of the PKCS#12, S/MIME, LDIF and certificate-pair kinds load as nothing.
    if name.rsplit(".", 1)[-1] in ("p12", "eml", "cp", "ldif", "schema", "txt"):
        assert loaded == 0


# One example of each known bug, asserting the reference's behaviour.


def _load_ours(name: str) -> Any:
    data = _corpus.read(name)
    return (
        oxicrypt.x509.load_pem_x509_certificate(data)
        if _corpus.is_pem(data)
        else (oxicrypt.x509.load_der_x509_certificate(data))
    )


def test_regression_weak_signature_verification() -> None:
    for name in ("accvraiz1.pem", "verisign_md2_root.pem", "custom/alternate-rsa-sha1-oid.der"):
        cert = _load_ours(name)
        with pytest.raises(ValueError, match="Unsupported signature algorithm"):
            cert.verify_directly_issued_by(cert)


def test_regression_negative_serial_lookup() -> None:
    crl = oxicrypt.x509.load_pem_x509_crl(_corpus.read("custom/crl_all_reasons.pem"))
    with pytest.raises(ValueError, match="Negative integers are not supported"):
        crl.get_revoked_certificate_by_serial_number(-1)


def test_regression_deprecation_warnings() -> None:
    cert = _load_ours("belgian-eid-invalid-visiblestring.pem")
    with pytest.warns(oxicrypt.utils.CryptographyDeprecationWarning):
        cert.extensions  # noqa: B018
