"""OID constants, their names, and the signature-OID to digest table."""

from __future__ import annotations

import inspect

import pytest

from oxicrypt.hazmat import _oid
from oxicrypt.hazmat.primitives import hashes
from oxicrypt.x509 import oid as x509_oid
from oxicrypt.x509.oid import (
    ExtensionOID,
    NameOID,
    ObjectIdentifier,
    SignatureAlgorithmOID,
)
from tests.x509._differential import module, reference

_CLASSES = [
    name
    for name, value in vars(_oid).items()
    if inspect.isclass(value) and value.__module__ == _oid.__name__
]


def _constants(cls: type) -> dict[str, str]:
    return {
        attr: value.dotted_string
        for attr, value in vars(cls).items()
        if type(value).__name__ == "ObjectIdentifier"
    }


def test_known_values() -> None:
    assert NameOID.COMMON_NAME.dotted_string == "2.5.4.3"
    assert ExtensionOID.BASIC_CONSTRAINTS == ObjectIdentifier("2.5.29.19")
    assert SignatureAlgorithmOID.ECDSA_WITH_SHA256.dotted_string == "1.2.840.10045.4.3.2"
    assert x509_oid.PublicKeyAlgorithmOID.ED25519 == SignatureAlgorithmOID.ED25519


def test_names() -> None:
    assert NameOID.COMMON_NAME._name == "commonName"
    assert ExtensionOID.SUBJECT_ALTERNATIVE_NAME._name == "subjectAltName"
    assert repr(ExtensionOID.KEY_USAGE) == "<ObjectIdentifier(oid=2.5.29.15, name=keyUsage)>"
    # Both CT list extensions share their name; some constants have none.
    assert ExtensionOID.SIGNED_CERTIFICATE_TIMESTAMPS._name == "signedCertificateTimestampList"
    assert NameOID.ORGANIZATION_IDENTIFIER._name == "Unknown OID"
    assert ObjectIdentifier("1.2.3.4")._name == "Unknown OID"


def test_x509_oid_module_exports() -> None:
    for name in x509_oid.__all__:
        assert getattr(x509_oid, name) is getattr(_oid, name)


@pytest.mark.parametrize("name", _CLASSES)
def test_constants_match_reference(name: str) -> None:
    reference()
    theirs = getattr(module("cryptography", "hazmat._oid"), name)
    assert _constants(getattr(_oid, name)) == _constants(theirs)


def test_every_reference_class_exists() -> None:
    reference()
    ref = module("cryptography", "hazmat._oid")
    theirs = [
        name
        for name, value in vars(ref).items()
        if inspect.isclass(value) and value.__module__ == ref.__name__
    ]
    assert sorted(theirs) == sorted(_CLASSES)


def test_oid_names_match_reference() -> None:
    reference()
    ref = module("cryptography", "hazmat._oid")
    ours = {oid.dotted_string: name for oid, name in _oid._OID_NAMES.items()}
    assert ours == {oid.dotted_string: name for oid, name in ref._OID_NAMES.items()}


@pytest.mark.parametrize("name", _CLASSES)
def test_name_of_every_constant_matches_reference(name: str) -> None:
    reference()
    theirs = getattr(module("cryptography", "hazmat._oid"), name)
    for attr, value in vars(getattr(_oid, name)).items():
        if isinstance(value, ObjectIdentifier):
            assert value._name == getattr(theirs, attr)._name, attr
            assert repr(value) == repr(getattr(theirs, attr)), attr


def test_signature_hashes() -> None:
    table = _oid._SIG_OIDS_TO_HASH
    assert isinstance(table[SignatureAlgorithmOID.RSA_WITH_SHA256], hashes.SHA256)
    assert isinstance(table[SignatureAlgorithmOID._RSA_WITH_SHA1], hashes.SHA1)
    assert table[SignatureAlgorithmOID.ED25519] is None
    assert SignatureAlgorithmOID.RSASSA_PSS not in table


def test_signature_hashes_match_reference() -> None:
    reference()
    ref = module("cryptography", "hazmat._oid")

    def digests(table: dict[object, object]) -> dict[str, str | None]:
        return {
            oid.dotted_string: (digest.name if digest is not None else None)  # type: ignore[attr-defined]
            for oid, digest in table.items()
        }

    assert digests(_oid._SIG_OIDS_TO_HASH) == digests(ref._SIG_OIDS_TO_HASH)  # type: ignore[arg-type]
