"""Certificate signing requests: loaders, subject and key, attributes, requested
extensions, the signature check, and damaged input. Which requests of the corpus carry a
good signature was checked with ``openssl req -verify`` (which accepts SHA-1; oxicrypt,
like the reference, never counts an MD5 or SHA-1 signature as valid)."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import pytest

from oxicrypt import x509
from oxicrypt.exceptions import UnsupportedAlgorithm
from oxicrypt.hazmat.primitives import hashes, serialization
from oxicrypt.hazmat.primitives.asymmetric import dsa, ec, rsa
from oxicrypt.x509.oid import AttributeOID, ExtensionOID, NameOID
from tests.x509 import _corpus, _robust


def _load(name: str) -> x509.CertificateSigningRequest:
    data = _corpus.read(name)
    if _corpus.is_pem(data):
        return x509.load_pem_x509_csr(data)
    return x509.load_der_x509_csr(data)


@pytest.mark.parametrize(
    "stem", ["rsa_sha256", "rsa_sha1", "ec_sha256", "dsa_sha1", "san_rsa_sha1"]
)
def test_pem_and_der_are_the_same_request(stem: str) -> None:
    pem = _load(f"requests/{stem}.pem")
    der = _load(f"requests/{stem}.der")
    assert pem == der
    assert pem.public_bytes(serialization.Encoding.DER) == _corpus.read(f"requests/{stem}.der")


@pytest.mark.parametrize("wrap", [bytes, bytearray, memoryview], ids=lambda w: w.__name__)
def test_loaders_take_any_buffer(wrap: Any) -> None:
    der = _corpus.read("requests/rsa_sha256.der")
    pem = _corpus.read("requests/rsa_sha256.pem")
    assert x509.load_der_x509_csr(wrap(der)) == x509.load_pem_x509_csr(wrap(pem))


def test_old_pem_label() -> None:
    assert _load("requests/ec_sha256_old_header.pem") == _load("requests/ec_sha256.pem")


def test_wrong_label_and_garbage() -> None:
    with pytest.raises(ValueError, match="BEGIN CERTIFICATE REQUEST"):
        x509.load_pem_x509_csr(_corpus.read("cryptography.io.pem"))
    for data in (b"", b"garbage", b"\x30\x00"):
        with pytest.raises(ValueError):
            x509.load_pem_x509_csr(data)
        with pytest.raises(ValueError):
            x509.load_der_x509_csr(data)
    with pytest.raises(TypeError):
        x509.load_der_x509_csr(1)  # type: ignore[arg-type]


def test_bad_version() -> None:
    with pytest.raises(x509.InvalidVersion) as info:
        _load("requests/bad-version.pem")
    assert info.value.parsed_version == 1


def test_fields() -> None:
    csr = _load("requests/rsa_sha256.pem")
    assert csr.subject.rfc4514_string() == "CN=cryptography.io,O=PyCA,L=Austin,ST=Texas,C=US"
    assert csr.subject.get_attributes_for_oid(NameOID.LOCALITY_NAME)[0].value == "Austin"
    assert csr.signature_algorithm_oid.dotted_string == "1.2.840.113549.1.1.11"
    assert isinstance(csr.signature_hash_algorithm, hashes.SHA256)
    assert csr.public_key_algorithm_oid.dotted_string == "1.2.840.113549.1.1.1"
    key = csr.public_key()
    assert isinstance(key, rsa.RSAPublicKey)
    tbs = csr.tbs_certrequest_bytes
    der = csr.public_bytes(serialization.Encoding.DER)
    assert tbs[0] == 0x30 and tbs in der
    assert der.endswith(csr.signature)
    assert list(csr.attributes) == []
    assert list(csr.extensions) == []


@pytest.mark.parametrize(
    ("name", "key_type"),
    [
        ("requests/ec_sha256.der", ec.EllipticCurvePublicKey),
        ("requests/dsa_sha1.der", dsa.DSAPublicKey),
    ],
)
def test_key_types(name: str, key_type: type) -> None:
    assert isinstance(_load(name).public_key(), key_type)


# Attributes


def test_attributes() -> None:
    csr = _load("requests/challenge-unstructured.pem")
    attributes = csr.attributes
    assert len(attributes) == 2
    assert [(a.oid, a.value, a._type) for a in attributes] == [
        (AttributeOID.CHALLENGE_PASSWORD, b"beauty", 12),
        (AttributeOID.UNSTRUCTURED_NAME, b"an unstructured field", 12),
    ]
    assert attributes[0].oid == AttributeOID.CHALLENGE_PASSWORD
    assert [a.value for a in attributes[-1:]] == [b"an unstructured field"]
    assert attributes.get_attribute_for_oid(AttributeOID.CHALLENGE_PASSWORD).value == b"beauty"
    with pytest.raises(x509.AttributeNotFound) as info:
        attributes.get_attribute_for_oid(x509.ObjectIdentifier("1.2.3.4"))
    assert info.value.oid == x509.ObjectIdentifier("1.2.3.4")


def test_attribute_types() -> None:
    # A challenge password given as an INTEGER (tag 2) rather than a string.
    (attribute,) = _load("requests/challenge-invalid.der").attributes
    assert attribute.oid == AttributeOID.CHALLENGE_PASSWORD
    assert attribute._type == 2
    # A BMPString friendly name next to the extension request (a SEQUENCE, tag 48).
    freeipa = _load("requests/freeipa-bad-critical.pem").attributes
    assert [(a.oid.dotted_string, a._type) for a in freeipa] == [
        ("1.2.840.113549.1.9.20", 30),
        ("1.2.840.113549.1.9.14", 48),
    ]
    assert freeipa[0].value.decode("utf-16-be") == "Server-Cert"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("requests/challenge-multi-valued.der", "Only single-valued attributes"),
        ("requests/zero-element-attribute.pem", "Only single-valued attributes"),
        ("requests/long-form-attribute.pem", "long-form"),
    ],
)
def test_unreadable_attributes(name: str, message: str) -> None:
    csr = _load(name)
    with pytest.raises(ValueError, match=message):
        csr.attributes  # noqa: B018
    # The rest of the request is still there.
    assert csr.subject is not None


# Extensions


def test_extensions() -> None:
    san = _load("requests/san_rsa_sha1.pem").extensions
    (extension,) = san
    assert extension.oid == ExtensionOID.SUBJECT_ALTERNATIVE_NAME
    assert not extension.critical
    assert extension.value.get_values_for_type(x509.DNSName) == [
        "cryptography.io",
        "sub.cryptography.io",
    ]
    bc = _load("requests/basic_constraints.pem").extensions
    assert bc.get_extension_for_class(x509.BasicConstraints).critical
    assert bc.get_extension_for_class(x509.BasicConstraints).value == x509.BasicConstraints(
        ca=True, path_length=1
    )
    unknown = _load("requests/unsupported_extension_critical.pem").extensions
    (extension,) = unknown
    assert extension.critical
    assert extension.value == x509.UnrecognizedExtension(
        x509.ObjectIdentifier("1.2.3.4"), b"value"
    )


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("requests/two_basic_constraints.pem", x509.DuplicateExtension),
        ("requests/freeipa-bad-critical.pem", ValueError),
    ],
)
def test_bad_extensions(name: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        _load(name).extensions  # noqa: B018


# The signature


@pytest.mark.parametrize(
    ("name", "valid"),
    [
        ("requests/rsa_sha256.pem", True),
        ("requests/ec_sha256.pem", True),
        ("requests/challenge.pem", True),
        ("requests/challenge-unstructured.pem", True),
        ("requests/freeipa-bad-critical.pem", True),
        ("requests/zero-element-attribute.pem", True),
        ("requests/invalid_signature.pem", False),
        ("requests/basic_constraints.pem", False),
        ("requests/unsupported_extension.pem", False),
        # Good signatures (openssl req -verify says OK) over SHA-1: not counted.
        ("requests/rsa_sha1.pem", False),
        ("requests/dsa_sha1.pem", False),
        ("requests/san_rsa_sha1.pem", False),
        # MD4: unknown to both libraries.
        ("requests/rsa_md4.pem", False),
    ],
)
def test_is_signature_valid(name: str, valid: bool) -> None:
    assert _load(name).is_signature_valid is valid


def test_tampered_request_is_invalid() -> None:
    der = bytearray(_corpus.read("requests/rsa_sha256.der"))
    der[der.index(b"Austin")] = ord("a")
    assert not x509.load_der_x509_csr(bytes(der)).is_signature_valid


def test_unknown_signature_hash() -> None:
    with pytest.raises(UnsupportedAlgorithm):
        _load("requests/rsa_md4.pem").signature_hash_algorithm  # noqa: B018


# Encodings, equality, copying


def test_public_bytes_round_trip() -> None:
    pem = _corpus.read("requests/rsa_sha256.pem")
    csr = x509.load_pem_x509_csr(pem)
    assert csr.public_bytes(serialization.Encoding.PEM) == pem
    with pytest.raises(TypeError):
        csr.public_bytes(serialization.Encoding.Raw)
    with pytest.raises(TypeError):
        csr.public_bytes("PEM")  # type: ignore[arg-type]


def test_equality_and_hash() -> None:
    a = _load("requests/rsa_sha256.pem")
    b = _load("requests/rsa_sha256.der")
    c = _load("requests/rsa_sha1.pem")
    assert a == b and hash(a) == hash(b)
    assert a != c and a != b"request"
    assert len({a, b, c}) == 2


def test_copy_and_pickle_are_refused() -> None:
    """As in the reference, requests cannot be copied or pickled."""
    csr = _load("requests/rsa_sha256.pem")
    for operation in (copy.copy, copy.deepcopy, pickle.dumps):
        with pytest.raises(TypeError):
            operation(csr)


# Damaged input


def test_every_truncation_is_refused() -> None:
    der = _corpus.read("requests/san_rsa_sha1.der")
    for length in range(len(der)):
        with pytest.raises(ValueError):
            x509.load_der_x509_csr(der[:length])


@pytest.mark.filterwarnings("ignore")
def test_single_byte_corruptions() -> None:
    der = _corpus.read("requests/san_rsa_sha1.der")
    loaded = 0
    for index in range(len(der)):
        for change in (0x00, 0xFF, der[index] ^ 0x01):
            if change != der[index]:
                damaged = der[:index] + bytes([change]) + der[index + 1 :]
                loaded += _robust.load_and_touch("csr", damaged)
    assert loaded > 100
