"""Certificate revocation lists: loaders, the list protocol over revoked entries, lookup
by serial number, signature checks, entry extensions, and damaged input."""

from __future__ import annotations

import copy
import datetime
import pickle
from typing import Any

import pytest

from oxicrypt import x509
from oxicrypt.exceptions import UnsupportedAlgorithm
from oxicrypt.hazmat.primitives import hashes, serialization
from oxicrypt.hazmat.primitives.asymmetric import ec
from oxicrypt.x509.oid import CRLEntryExtensionOID, ExtensionOID
from tests.x509 import _corpus, _robust

UTC = datetime.timezone.utc
ALL_REASONS = _corpus.read("custom/crl_all_reasons.pem")


def _load(name: str) -> x509.CertificateRevocationList:
    data = _corpus.read(name)
    if _corpus.is_pem(data):
        return x509.load_pem_x509_crl(data)
    return x509.load_der_x509_crl(data)


@pytest.fixture(scope="module")
def crl() -> x509.CertificateRevocationList:
    return x509.load_pem_x509_crl(ALL_REASONS)


# Loaders


@pytest.mark.parametrize("wrap", [bytes, bytearray, memoryview], ids=lambda w: w.__name__)
def test_loaders_take_any_buffer(wrap: Any, crl: x509.CertificateRevocationList) -> None:
    der = crl.public_bytes(serialization.Encoding.DER)
    assert x509.load_pem_x509_crl(wrap(ALL_REASONS)) == crl
    assert x509.load_der_x509_crl(wrap(der)) == crl


def test_wrong_label_and_garbage() -> None:
    with pytest.raises(ValueError, match="BEGIN X509 CRL"):
        x509.load_pem_x509_crl(_corpus.read("cryptography.io.pem"))
    for data in (b"", b"garbage", b"\x30\x00"):
        with pytest.raises(ValueError):
            x509.load_pem_x509_crl(data)
        with pytest.raises(ValueError):
            x509.load_der_x509_crl(data)
    with pytest.raises(TypeError):
        x509.load_der_x509_crl("text")  # type: ignore[arg-type]


def test_bad_version() -> None:
    with pytest.raises(x509.InvalidVersion) as info:
        _load("custom/crl_bad_version.pem")
    assert info.value.parsed_version == 2


def test_inner_and_outer_algorithms_must_match() -> None:
    with pytest.raises(ValueError, match="Inner and outer signature algorithms do not match"):
        _load("custom/crl_inner_outer_mismatch.der")


# Accessors


def test_fields(crl: x509.CertificateRevocationList) -> None:
    assert crl.issuer.rfc4514_string() == "CN=cryptography.io,C=US"
    assert crl.last_update_utc == datetime.datetime(2015, 1, 1, tzinfo=UTC)
    assert crl.next_update_utc == datetime.datetime(2016, 1, 1, tzinfo=UTC)
    assert crl.signature_algorithm_oid.dotted_string == "1.2.840.113549.1.1.11"
    assert isinstance(crl.signature_hash_algorithm, hashes.SHA256)
    assert len(crl.tbs_certlist_bytes) == 1331
    assert crl.fingerprint(hashes.SHA256()).hex() == (
        "5f26ca76350e0483b9677f8b3f0a748645755a0366166230301cffa8a993701e"
    )
    assert list(crl.extensions) == []


def test_no_next_update() -> None:
    assert _load("custom/crl_no_next_update.pem").next_update_utc is None


def test_crl_extensions() -> None:
    delta = _load("custom/crl_delta_crl_indicator.pem")
    assert delta.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number == (
        12345678901234567891
    )
    indicator = delta.extensions.get_extension_for_oid(ExtensionOID.DELTA_CRL_INDICATOR)
    assert indicator.critical
    assert indicator.value.crl_number == 12345678901234567890
    ian = _load("custom/crl_ian_aia_aki.pem").extensions.get_extension_for_class(
        x509.IssuerAlternativeName
    )
    assert ian.value.get_values_for_type(x509.UniformResourceIdentifier) == [
        "https://cryptography.io"
    ]


# The revoked entries


def test_len_and_iteration(crl: x509.CertificateRevocationList) -> None:
    assert len(crl) == 12
    assert [r.serial_number for r in crl] == list(range(12))
    assert all(r.revocation_date_utc == datetime.datetime(2015, 1, 1, tzinfo=UTC) for r in crl)
    assert len(_load("custom/crl_empty.pem")) == 0
    assert list(_load("custom/crl_empty_no_sequence.der")) == []
    assert len(_load("custom/crl_almost_10k.pem")) == 9999


def test_indexing(crl: x509.CertificateRevocationList) -> None:
    assert crl[0].serial_number == 0
    assert crl[11].serial_number == 11
    assert crl[-1].serial_number == 11
    assert crl[-12].serial_number == 0
    for index in (12, -13):
        with pytest.raises(IndexError):
            crl[index]
    with pytest.raises(OverflowError):  # as in the reference (and a C long)
        crl[2**70]
    with pytest.raises(TypeError):
        crl["0"]


@pytest.mark.parametrize(
    "index",
    [
        slice(2, 5),
        slice(None, None, 2),
        slice(-3, None),
        slice(None, None, -3),
        slice(5, 2),
        slice(100, None),
        slice(-100, 3),
    ],
    ids=repr,
)
def test_slices(crl: x509.CertificateRevocationList, index: slice) -> None:
    assert [r.serial_number for r in crl[index]] == list(range(12))[index]


def test_lookup_by_serial_number(crl: x509.CertificateRevocationList) -> None:
    entry = crl.get_revoked_certificate_by_serial_number(3)
    assert entry is not None and entry.serial_number == 3
    assert crl.get_revoked_certificate_by_serial_number(12) is None
    assert crl.get_revoked_certificate_by_serial_number(2**200) is None
    with pytest.raises(TypeError):
        crl.get_revoked_certificate_by_serial_number("3")  # type: ignore[arg-type]


def test_entry_extensions(crl: x509.CertificateRevocationList) -> None:
    assert list(crl[0].extensions) == []
    extensions = crl[2].extensions
    assert [e.oid for e in extensions] == [
        CRLEntryExtensionOID.INVALIDITY_DATE,
        CRLEntryExtensionOID.CERTIFICATE_ISSUER,
        CRLEntryExtensionOID.CRL_REASON,
    ]
    assert extensions.get_extension_for_class(x509.CRLReason).value.reason is (
        x509.ReasonFlags.key_compromise
    )
    assert extensions.get_extension_for_class(x509.InvalidityDate).value.invalidity_date == (
        datetime.datetime(2015, 1, 1)
    )
    issuer = extensions.get_extension_for_class(x509.CertificateIssuer).value
    assert issuer.get_values_for_type(x509.DirectoryName) == [crl.issuer]
    reasons = [
        r.extensions.get_extension_for_class(x509.CRLReason).value.reason for r in crl[1:11]
    ]
    assert [r.name for r in reasons] == [
        "unspecified",
        "key_compromise",
        "ca_compromise",
        "affiliation_changed",
        "superseded",
        "cessation_of_operation",
        "certificate_hold",
        "remove_from_crl",
        "privilege_withdrawn",
        "aa_compromise",
    ]
    unknown = crl[11].extensions.get_extension_for_oid(x509.ObjectIdentifier("1.2.3.4"))
    assert unknown.value == x509.UnrecognizedExtension(
        x509.ObjectIdentifier("1.2.3.4"), b"\x0a\x01\x00"
    )


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("custom/crl_dup_entry_ext.pem", x509.DuplicateExtension),
        ("custom/crl_inval_cert_issuer_entry_ext.pem", ValueError),
        ("custom/crl_unsupported_reason.pem", ValueError),
        ("custom/crl_inval_date_fractional_seconds.der", ValueError),
    ],
)
def test_bad_entry_extensions(name: str, error: type[Exception]) -> None:
    (entry,) = _load(name)
    with pytest.raises(error):
        entry.extensions  # noqa: B018


# Signatures


def test_signature_with_the_right_and_wrong_key() -> None:
    issuer = _corpus.read("custom/valid_signature_cert.pem")
    key = x509.load_pem_x509_certificate(issuer).public_key()
    assert _load("custom/valid_signature_crl.pem").is_signature_valid(key)
    assert not _load("custom/invalid_signature_crl.pem").is_signature_valid(key)
    other = x509.load_pem_x509_certificate(_corpus.read("custom/ca/rsa_ca.pem")).public_key()
    assert not _load("custom/valid_signature_crl.pem").is_signature_valid(other)


def test_signature_with_a_key_of_another_type() -> None:
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    assert not _load("custom/valid_signature_crl.pem").is_signature_valid(key)


def test_signature_with_a_non_key() -> None:
    with pytest.raises(TypeError):
        _load("custom/valid_signature_crl.pem").is_signature_valid("key")


def test_unknown_signature_algorithm() -> None:
    crl = _load("custom/crl_md2_unknown_crit_entry_ext.pem")
    with pytest.raises(UnsupportedAlgorithm):
        crl.signature_hash_algorithm  # noqa: B018


# Encodings, equality, copying


def test_public_bytes(crl: x509.CertificateRevocationList) -> None:
    assert crl.public_bytes(serialization.Encoding.PEM) == ALL_REASONS
    der = crl.public_bytes(serialization.Encoding.DER)
    assert x509.load_der_x509_crl(der).public_bytes(serialization.Encoding.PEM) == ALL_REASONS
    with pytest.raises(TypeError):
        crl.public_bytes(serialization.Encoding.Raw)


def test_equality(crl: x509.CertificateRevocationList) -> None:
    assert crl == x509.load_pem_x509_crl(ALL_REASONS)
    assert crl != _load("custom/crl_empty.pem")
    assert crl != ALL_REASONS


def test_copy_and_pickle_are_refused(crl: x509.CertificateRevocationList) -> None:
    """As in the reference, CRLs and their entries cannot be copied or pickled."""
    for obj in (crl, crl[0]):
        for operation in (copy.copy, copy.deepcopy, pickle.dumps):
            with pytest.raises(TypeError):
                operation(obj)


# Damaged input


def test_every_truncation_is_refused(crl: x509.CertificateRevocationList) -> None:
    der = crl.public_bytes(serialization.Encoding.DER)
    for length in range(len(der)):
        with pytest.raises(ValueError):
            x509.load_der_x509_crl(der[:length])


@pytest.mark.filterwarnings("ignore")
def test_single_byte_corruptions(crl: x509.CertificateRevocationList) -> None:
    der = crl.public_bytes(serialization.Encoding.DER)
    loaded = 0
    for index in range(len(der) - 256):  # all but the signature
        for change in (0x00, 0xFF):
            if change != der[index]:
                damaged = der[:index] + bytes([change]) + der[index + 1 :]
                loaded += _robust.load_and_touch("crl", damaged)
    assert loaded > 100


@pytest.mark.parametrize("last_arc", [21, 24, 29])
def test_entry_extension_oids_are_not_decoded_for_the_crl(last_arc: int, reference: Any) -> None:
    """CRL-entry extensions (reason, invalidity date, certificate issuer) among the CRL's
    own extensions stay raw (UnrecognizedExtension), as in the reference."""
    der = _load("custom/crl_ian_aia_aki.pem").public_bytes(serialization.Encoding.DER)
    crl_number = bytes.fromhex("0603551d14")  # the OID 2.5.29.20
    damaged = der.replace(crl_number, crl_number[:-1] + bytes([last_arc]), 1)
    dotted = f"2.5.29.{last_arc}"
    ours = x509.load_der_x509_crl(damaged).extensions
    assert isinstance(
        ours.get_extension_for_oid(x509.ObjectIdentifier(dotted)).value,
        x509.UnrecognizedExtension,
    )
    ref = reference("x509")
    theirs = ref.load_der_x509_crl(damaged).extensions
    value = theirs.get_extension_for_oid(ref.ObjectIdentifier(dotted)).value
    assert isinstance(value, ref.UnrecognizedExtension)
