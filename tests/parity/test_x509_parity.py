"""oxicrypt's certificate, CSR and CRL loaders decide like OpenSSL's C decoders on the
X.509 corpus of ``cryptography_vectors`` (every file under ``x509/`` but ``ocsp/``), and
read the same values.

Each certificate, CSR and CRL block of a PEM file, and each other file as a whole (as a
certificate, as a CSR and as a CRL), is handed as DER to OpenSSL (``oxicrypt._rust.
_parity``: ``d2i_X509``, ``d2i_X509_REQ``, ``d2i_X509_CRL``) and to oxicrypt's
``load_der_x509_*``. Both must accept it or both refuse it. Where both accept it:

* the serial number, the validity or update times, and the revoked serial numbers
  (in order) are the same;
* each name is the same three ways: OpenSSL's DER is the very TLV inside the bytes
  oxicrypt says are signed; oxicrypt's attributes (OID, string type, content) are those
  of that DER, as a DER reader of its own (``_der``) sees them; and oxicrypt encodes the
  Name back to the same DER;
* the extensions have the same OIDs and criticality, in order;
* where both read the public key, they write the same SubjectPublicKeyInfo.

``DEVIATIONS`` lists the files where oxicrypt deliberately decides otherwise than OpenSSL
(or writes another SubjectPublicKeyInfo), each checked against the reference
(pyca/cryptography, whose behaviour oxicrypt reproduces); docs/parity.rst describes each
class of them.
"""

from __future__ import annotations

import dataclasses
from types import ModuleType
from typing import Any, Callable

import pytest

from oxicrypt.exceptions import UnsupportedAlgorithm
from tests.parity import _der
from tests.parity import _x509_compare as compare
from tests.x509 import _corpus

# The kinds of deviation (docs/parity.rst, "Certificates, CSRs and CRLs").
STRICT = (
    "strict",
    "OpenSSL's decoder reads it; oxicrypt refuses it at load, with the reference's "
    "exception class",
)
LAZY_NAME = (
    "lazy-name",
    "OpenSSL's decoder refuses a name attribute it cannot convert; oxicrypt (like the "
    "reference) loads the file and raises ValueError when the name is read",
)
PSS_KEY = (
    "pss-key",
    "an RSASSA-PSS public key: OpenSSL keeps the RSASSA-PSS AlgorithmIdentifier in the "
    "SubjectPublicKeyInfo it writes, oxicrypt (like the reference) reads an RSA key and "
    "writes rsaEncryption",
)
EXPLICIT_CURVE = (
    "explicit-curve",
    "an EC key with explicit curve parameters: OpenSSL reads it, oxicrypt refuses the "
    "key with UnsupportedAlgorithm (docs/parity.rst, 'EC keys with explicit curve "
    "parameters are refused'; the reference reads P-256's parameters as P-256)",
)


@dataclasses.dataclass(frozen=True)
class Deviation:
    kind: tuple[str, str]
    detail: str  # what in the file makes the difference


DEVIATIONS: dict[tuple[str, str], Deviation] = {
    ("badasn1time.pem", "certificate"): Deviation(
        STRICT, "notAfter is a UTCTime without seconds, which DER does not allow"
    ),
    ("custom/crl_bad_version.pem", "crl"): Deviation(
        STRICT, "CRL version 3 (only v1 and v2 exist): InvalidVersion"
    ),
    ("custom/crl_inner_outer_mismatch.der", "crl"): Deviation(
        STRICT,
        "the signature algorithm inside the signed TBSCertList differs from the outer "
        "one (OpenSSL compares them only when verifying)",
    ),
    ("custom/crl_issuer_invalid_printable_string.der", "crl"): Deviation(
        STRICT, "a PrintableString holding a character PrintableString does not have"
    ),
    ("custom/dsa_null_alg_params.pem", "certificate"): Deviation(
        STRICT, "dsa-with-SHA256 with NULL parameters, which RFC 5758 says are absent"
    ),
    ("custom/ecdsa_null_alg.pem", "certificate"): Deviation(
        STRICT, "ecdsa-with-SHA256 with NULL parameters, which RFC 5758 says are absent"
    ),
    ("custom/invalid_version.pem", "certificate"): Deviation(
        STRICT, "certificate version 8 (only v1, v2 and v3 exist): InvalidVersion"
    ),
    ("ed25519/ed25519-rfc8410.pem", "certificate"): Deviation(
        STRICT, "an extension with critical FALSE encoded, a DEFAULT value DER omits"
    ),
    ("requests/bad-version.pem", "csr"): Deviation(
        STRICT, "CSR version 2 (only version 1 exists): InvalidVersion"
    ),
    ("custom/invalid_utf8_common_name.pem", "certificate"): Deviation(
        LAZY_NAME, "a UTF8String that is not UTF-8"
    ),
    ("custom/long-form-name-attribute.pem", "certificate"): Deviation(
        LAZY_NAME, "an attribute value with a long-form (multi-byte) tag"
    ),
    ("custom/name_attribute_unsupported_tag.pem", "certificate"): Deviation(
        LAZY_NAME, "an attribute value with an application-class constructed tag"
    ),
    **{
        (name, "certificate"): Deviation(PSS_KEY, "an id-RSASSA-PSS key")
        for name in (
            "custom/rsa_pss.pem",
            "custom/rsa_pss_cert.pem",
            "custom/rsa_pss_cert_invalid_mgf.der",
            "custom/rsa_pss_cert_no_sig_params.der",
            "custom/rsa_pss_cert_unsupported_mgf_hash.der",
        )
    },
    ("custom/ec_no_named_curve.pem", "certificate"): Deviation(
        EXPLICIT_CURVE, "P-256 given by its parameters"
    ),
}


@dataclasses.dataclass(frozen=True)
class Item:
    """One DER structure offered as one kind."""

    kind: str
    der: bytes
    index: int  # the block's position in a PEM file


def _items(name: str) -> list[Item]:
    data = _corpus.read(name)
    if _corpus.is_pem(data):
        return [Item(kind, der, i) for i, (kind, der) in enumerate(_corpus.pem_blocks(data))]
    return [Item(kind, data, 0) for kind in _corpus.KINDS]


def _load(item: Item) -> tuple[Any, str | None]:
    try:
        return compare.OXICRYPT[item.kind](item.der), None
    except compare.REJECTIONS as e:
        return None, type(e).__name__


def _reference_load(reference: Callable[[str], ModuleType], item: Item) -> Any:
    x509 = reference("x509")
    return getattr(x509, f"load_der_x509_{item.kind}")(item.der)


FILES = _corpus.corpus_files()


def test_corpus_is_complete() -> None:
    """The walk finds the certificates, CSRs and CRLs of the corpus, in PEM and DER, and
    every deviation names one of them."""
    counts: dict[tuple[str, bool], int] = {}
    for name in FILES:
        pem = _corpus.is_pem(_corpus.read(name))
        for item in _items(name):
            if compare.OPENSSL[item.kind](item.der) is not None:
                counts[item.kind, pem] = counts.get((item.kind, pem), 0) + 1
    assert counts[("certificate", True)] > 100
    assert counts[("certificate", False)] > 400
    assert counts[("csr", True)] > 10
    assert counts[("csr", False)] > 5
    assert counts[("crl", True)] > 20
    assert counts[("crl", False)] > 150
    assert {name for name, _ in DEVIATIONS} <= set(FILES)


def _check_deviation(
    name: str,
    item: Item,
    openssl: dict[str, Any] | None,
    reference: Callable[[str], ModuleType],
) -> None:
    deviation = DEVIATIONS[(name, item.kind)]
    kind, why = deviation.kind
    reason = f"{deviation.detail}: {why}"
    ours, error = _load(item)
    if kind == STRICT[0]:
        assert openssl is not None, f"OpenSSL now refuses it ({reason})"
        assert error is not None, reason
        with pytest.raises(Exception) as info:
            _reference_load(reference, item)
        assert type(info.value).__name__ == error, reason
        return
    if kind == LAZY_NAME[0]:
        assert openssl is None, f"OpenSSL now reads it ({reason})"
        assert ours is not None, reason
        with pytest.raises(ValueError):
            ours.subject  # noqa: B018
        with pytest.raises(ValueError):
            _reference_load(reference, item).subject  # noqa: B018
        return
    # Both read the file and agree on everything but the key.
    assert openssl is not None and ours is not None, reason
    assert compare.COMPARE[item.kind](ours, openssl).keys() == {"spki"}, reason
    theirs = _reference_load(reference, item).public_key()
    ser = reference("hazmat.primitives.serialization")
    their_spki = theirs.public_bytes(ser.Encoding.DER, ser.PublicFormat.SubjectPublicKeyInfo)
    assert their_spki != openssl["spki"], reason
    if kind == PSS_KEY[0]:
        assert compare._spki(ours.public_key()) == their_spki, reason
    else:
        assert kind == EXPLICIT_CURVE[0]
        with pytest.raises(UnsupportedAlgorithm):
            ours.public_key()


# Warnings (a country name of the wrong length, a negative serial number) are compared
# with the reference's in tests/x509/test_corpus_against_reference.py.
@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize("name", FILES)
def test_file(name: str, reference: Callable[[str], ModuleType]) -> None:
    for item in _items(name):
        openssl = compare.OPENSSL[item.kind](item.der)
        where = (name, item.kind, item.index)
        if (name, item.kind) in DEVIATIONS:
            _check_deviation(name, item, openssl, reference)
            continue
        ours, error = _load(item)
        if openssl is None:
            assert ours is None, f"{where}: OpenSSL refuses it, oxicrypt reads it"
            continue
        assert ours is not None, f"{where}: OpenSSL reads it, oxicrypt raises {error}"
        assert compare.COMPARE[item.kind](ours, openssl) == {}, where


def test_trailing_data() -> None:
    """OpenSSL's d2i functions stop after one structure and ignore what follows; oxicrypt
    (like the reference) refuses bytes after the end of the DER (docs/parity.rst)."""
    for name, kind in (
        ("PKITS_data/certs/GoodCACert.crt", "certificate"),
        ("requests/rsa_sha256.der", "csr"),
        ("PKITS_data/crls/GoodCACRL.crl", "crl"),
    ):
        der = _corpus.read(name)
        assert compare.OPENSSL[kind](der + b"\x00") is not None
        compare.OXICRYPT[kind](der)
        with pytest.raises(ValueError):
            compare.OXICRYPT[kind](der + b"\x00")


def test_helpers() -> None:
    """The test's own readers: OIDs, OpenSSL's time text, and names."""
    assert _der.oid(bytes.fromhex("2a864886f70d01010b")) == "1.2.840.113549.1.1.11"
    assert _der.oid(bytes.fromhex("550403")) == "2.5.4.3"
    assert _der.oid(bytes.fromhex("8837")) == "2.999"
    assert compare.openssl_time("Jan  1 00:00:00 2015 GMT").isoformat() == (
        "2015-01-01T00:00:00+00:00"
    )
    assert compare.openssl_time("Oct 15 12:09:32.5 2014 GMT").second == 32
    assert compare.openssl_int((b"\x01\x00", True)) == -256
    name = bytes.fromhex("3016311430120603550403130b6578616d706c652e636f6d")
    assert _der.name_attributes(name) == [[("2.5.4.3", 0x13, b"example.com")]]


def test_comparison_sees_differences() -> None:
    """Comparing a certificate with what OpenSSL says about another one reports every
    field that differs, so an empty result means agreement."""
    one = compare.OXICRYPT["certificate"](_corpus.read("PKITS_data/certs/GoodCACert.crt"))
    other = _corpus.read("PKITS_data/certs/ValidCertificatePathTest1EE.crt")
    openssl = compare.OPENSSL["certificate"](other)
    assert openssl is not None
    diffs = compare.compare_certificate(one, openssl)
    assert set(diffs) >= {"serial", "issuer", "subject", "spki", "extensions"}
    assert (
        compare.compare_certificate(
            one, compare.OPENSSL["certificate"](_corpus.read("PKITS_data/certs/GoodCACert.crt"))
        )
        == {}
    )
