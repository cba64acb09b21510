"""Certificates: the loaders, every accessor of a known certificate, encodings, equality,
copying, signature checks against a real issuer, and robustness against damaged input.

The expected values of the known certificate (``x509/cryptography.io.pem`` of
cryptography_vectors, issued by ``x509/rapidssl_sha256_ca_g3.pem``) were read with the
``openssl x509 -text`` and ``openssl asn1parse`` commands."""

from __future__ import annotations

import base64
import copy
import datetime
import pickle
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oxicrypt import x509
from oxicrypt.exceptions import InvalidSignature, UnsupportedAlgorithm
from oxicrypt.hazmat.primitives import hashes, serialization
from oxicrypt.hazmat.primitives.asymmetric import ec, ed448, ed25519, padding, rsa
from oxicrypt.utils import CryptographyDeprecationWarning
from oxicrypt.x509.oid import ExtensionOID, NameOID, SignatureAlgorithmOID
from tests.x509 import _corpus, _robust

PEM = _corpus.read("cryptography.io.pem")
UTC = datetime.timezone.utc


def _load(name: str) -> x509.Certificate:
    data = _corpus.read(name)
    if _corpus.is_pem(data):
        return x509.load_pem_x509_certificate(data)
    return x509.load_der_x509_certificate(data)


@pytest.fixture(scope="module")
def cert() -> x509.Certificate:
    return x509.load_pem_x509_certificate(PEM)


@pytest.fixture(scope="module")
def der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


# Loaders


def test_pem_and_der_load_the_same(cert: x509.Certificate, der: bytes) -> None:
    assert len(der) == 1473
    assert der[:4] == bytes.fromhex("308205bd")
    assert x509.load_der_x509_certificate(der) == cert
    assert isinstance(cert, x509.Certificate)


@pytest.mark.parametrize("wrap", [bytes, bytearray, memoryview], ids=lambda w: w.__name__)
def test_loaders_take_any_buffer(wrap: Any, der: bytes) -> None:
    assert x509.load_pem_x509_certificate(wrap(PEM)).serial_number == 16160
    assert x509.load_der_x509_certificate(wrap(der)).serial_number == 16160
    assert [c.serial_number for c in x509.load_pem_x509_certificates(wrap(PEM))] == [16160]


@pytest.mark.parametrize("value", ["text", 1, None, [b"0"]])
def test_loaders_refuse_non_buffers(value: Any) -> None:
    for loader in (
        x509.load_pem_x509_certificate,
        x509.load_der_x509_certificate,
        x509.load_pem_x509_certificates,
    ):
        with pytest.raises(TypeError):
            loader(value)


def test_backend_argument_is_accepted(der: bytes) -> None:
    assert x509.load_der_x509_certificate(der, None).serial_number == 16160
    assert x509.load_pem_x509_certificate(PEM, None).serial_number == 16160


def test_pem_bundle() -> None:
    chain = x509.load_pem_x509_certificates(_corpus.read("cryptography.io.chain.pem"))
    assert [c.serial_number for c in chain] == [16160, 146039]
    assert chain[0].issuer == chain[1].subject
    # The single-certificate loader takes the first block.
    first = x509.load_pem_x509_certificate(_corpus.read("cryptography.io.chain.pem"))
    assert first == chain[0]


@pytest.mark.parametrize(
    "name",
    [
        "cryptography.io.with_garbage.pem",  # text before, a private key block first
        "cryptography.io.with_headers.pem",  # RFC 1421 headers inside the block
        "cryptography.io.old_header.pem",  # BEGIN X509 CERTIFICATE
    ],
)
def test_pem_with_text_around(name: str, cert: x509.Certificate) -> None:
    assert x509.load_pem_x509_certificate(_corpus.read(name)) == cert


def test_pem_bundle_with_garbage_between() -> None:
    data = _corpus.read("cryptography.io.chain_with_garbage.pem")
    assert [c.serial_number for c in x509.load_pem_x509_certificates(data)] == [16160, 146039]


@pytest.mark.parametrize(
    "name", ["custom/crl_empty.pem", "requests/rsa_sha256.pem", "custom/ca/ca_key.pem"]
)
def test_wrong_pem_label(name: str) -> None:
    data = _corpus.read(name)
    with pytest.raises(ValueError, match="BEGIN CERTIFICATE"):
        x509.load_pem_x509_certificate(data)
    with pytest.raises(ValueError):
        x509.load_pem_x509_certificates(data)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"garbage",
        b"-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n",
        b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        b"-----BEGIN CERTIFICATE-----\nMIIB\n",
    ],
)
def test_garbage_pem(data: bytes) -> None:
    with pytest.raises(ValueError):
        x509.load_pem_x509_certificate(data)
    with pytest.raises(ValueError):
        x509.load_pem_x509_certificates(data)


@pytest.mark.parametrize("data", [b"", b"garbage", b"\x30\x00", b"\x30\x80\x00\x00", PEM])
def test_garbage_der(data: bytes) -> None:
    with pytest.raises(ValueError):
        x509.load_der_x509_certificate(data)


def test_trailing_bytes_are_refused(der: bytes) -> None:
    with pytest.raises(ValueError):
        x509.load_der_x509_certificate(der + b"\x00")


# Accessors of the known certificate


def test_serial_version_and_dates(cert: x509.Certificate) -> None:
    assert cert.serial_number == 0x3F20
    assert cert.version is x509.Version.v3
    assert cert.not_valid_before_utc == datetime.datetime(2014, 10, 15, 12, 9, 32, tzinfo=UTC)
    assert cert.not_valid_after_utc == datetime.datetime(2018, 11, 16, 1, 15, 3, tzinfo=UTC)
    with pytest.warns(CryptographyDeprecationWarning):
        assert cert.not_valid_before == datetime.datetime(2014, 10, 15, 12, 9, 32)
    with pytest.warns(CryptographyDeprecationWarning):
        assert cert.not_valid_after == datetime.datetime(2018, 11, 16, 1, 15, 3)


def test_names(cert: x509.Certificate) -> None:
    assert cert.issuer.rfc4514_string() == "CN=RapidSSL SHA256 CA - G3,O=GeoTrust Inc.,C=US"
    assert cert.issuer == x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "US"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "GeoTrust Inc."),
            x509.NameAttribute(NameOID.COMMON_NAME, "RapidSSL SHA256 CA - G3"),
        ]
    )
    assert cert.subject.rfc4514_string() == (
        "CN=www.cryptography.io,OU=Domain Control Validated - RapidSSL(R),"
        "OU=See www.rapidssl.com/resources/cps (c)14,OU=GT48742965"
    )
    assert [a.value for a in cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)] == [
        "www.cryptography.io"
    ]
    assert len(cert.subject) == 4
    # All PrintableString, as in the DER.
    assert {a._type.value for a in cert.subject} == {19}


def test_signature_algorithm(cert: x509.Certificate) -> None:
    assert cert.signature_algorithm_oid == SignatureAlgorithmOID.RSA_WITH_SHA256
    assert isinstance(cert.signature_hash_algorithm, hashes.SHA256)
    assert isinstance(cert.signature_algorithm_parameters, padding.PKCS1v15)
    assert len(cert.signature) == 256
    assert cert.signature[:4] == bytes.fromhex("332183b6")
    assert cert.signature[-4:] == bytes.fromhex("94716c4f")


def test_public_key(cert: x509.Certificate) -> None:
    assert cert.public_key_algorithm_oid.dotted_string == "1.2.840.113549.1.1.1"
    key = cert.public_key()
    assert isinstance(key, rsa.RSAPublicKey)
    assert key.key_size == 4096
    assert key.public_numbers().e == 65537
    assert key.public_numbers().n >> 4080 == 0xA26F


def test_tbs_bytes(cert: x509.Certificate, der: bytes) -> None:
    tbs = cert.tbs_certificate_bytes
    assert len(tbs) == 1193
    assert der[4 : 4 + 1193] == tbs
    assert tbs[:8] == bytes.fromhex("308204a5a0030201")
    assert hashes.Hash.hash(hashes.SHA256(), tbs).hex() == (
        "dfa7129b48079ee0fc9e523f236d0f04024b846377dd7dc25ccebaeeddf96b0d"
    )
    with pytest.raises(ValueError, match="Could not find pre-certificate SCT list"):
        cert.tbs_precertificate_bytes  # noqa: B018


def test_fingerprints(cert: x509.Certificate) -> None:
    assert cert.fingerprint(hashes.SHA256()).hex() == (
        "dc4f4d1400d4526052b5da693394dc8560b29cc21df90b9e2ec7416261c73888"
    )
    assert cert.fingerprint(hashes.MD5()).hex() == "5b7a9f187f76fd6306656b3744cf9b2b"
    with pytest.raises(TypeError):
        cert.fingerprint("sha256")  # type: ignore[arg-type]


def test_extensions(cert: x509.Certificate) -> None:
    extensions = cert.extensions
    assert [(e.oid.dotted_string, e.critical) for e in extensions] == [
        ("2.5.29.35", False),
        ("1.3.6.1.5.5.7.1.1", False),
        ("2.5.29.15", True),
        ("2.5.29.37", False),
        ("2.5.29.17", False),
        ("2.5.29.31", False),
        ("2.5.29.19", True),
        ("2.5.29.32", False),
    ]
    aki = extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    assert aki.key_identifier == bytes.fromhex("c39cf3fcd3460834bbce467fa07c5bf3e208cb59")
    assert aki.authority_cert_issuer is None
    aia = extensions.get_extension_for_oid(ExtensionOID.AUTHORITY_INFORMATION_ACCESS).value
    assert [(d.access_method.dotted_string, d.access_location.value) for d in aia] == [
        ("1.3.6.1.5.5.7.48.1", "http://gv.symcd.com"),
        ("1.3.6.1.5.5.7.48.2", "http://gv.symcb.com/gv.crt"),
    ]
    key_usage = extensions.get_extension_for_class(x509.KeyUsage).value
    assert key_usage.digital_signature and key_usage.key_encipherment
    assert not (key_usage.key_cert_sign or key_usage.crl_sign or key_usage.content_commitment)
    eku = extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert [o.dotted_string for o in eku] == ["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]
    san = extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["www.cryptography.io", "cryptography.io"]
    (point,) = extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    assert point.full_name == [x509.UniformResourceIdentifier("http://gv.symcb.com/gv.crl")]
    assert point.reasons is None and point.crl_issuer is None
    assert extensions.get_extension_for_class(x509.BasicConstraints).value == (
        x509.BasicConstraints(ca=False, path_length=None)
    )
    (policy,) = extensions.get_extension_for_class(x509.CertificatePolicies).value
    assert policy.policy_identifier.dotted_string == "2.16.840.1.113733.1.7.54"
    assert policy.policy_qualifiers == ["https://www.rapidssl.com/legal"]
    with pytest.raises(x509.ExtensionNotFound):
        extensions.get_extension_for_oid(ExtensionOID.OCSP_NO_CHECK)
    # Decoded once: the same objects every time.
    assert cert.extensions is extensions


@pytest.mark.parametrize(
    ("name", "hash_name", "parameters"),
    [
        ("custom/rsa_pss_cert.pem", "sha256", ("PSS", "sha256", 32)),
        ("ecdsa_root.pem", "sha384", ("ECDSA", "sha384")),
        ("ed25519/root-ed25519.pem", None, None),
        ("ed448/root-ed448.pem", None, None),
        ("custom/dsa_selfsigned_ca.pem", "sha1", None),
    ],
)
def test_signature_algorithm_parameters(
    name: str, hash_name: str | None, parameters: tuple[Any, ...] | None
) -> None:
    cert = _load(name)
    assert (cert.signature_hash_algorithm and cert.signature_hash_algorithm.name) == hash_name
    params = cert.signature_algorithm_parameters
    if parameters is None:
        assert params is None
    elif parameters[0] == "PSS":
        assert isinstance(params, padding.PSS)
        assert isinstance(params._mgf, padding.MGF1)
        assert params._mgf._algorithm.name == parameters[1]
        assert params._salt_length == parameters[2]
    else:
        assert isinstance(params, ec.ECDSA)
        assert params.algorithm.name == parameters[1]


@pytest.mark.parametrize(
    ("name", "key_type"),
    [
        ("ecdsa_root.pem", ec.EllipticCurvePublicKey),
        ("ed25519/root-ed25519.pem", ed25519.Ed25519PublicKey),
        ("ed448/root-ed448.pem", ed448.Ed448PublicKey),
    ],
)
def test_key_types(name: str, key_type: type) -> None:
    assert isinstance(_load(name).public_key(), key_type)


def test_unknown_key_type() -> None:
    cert = _load("custom/unsupported_subject_public_key_info.pem")
    with pytest.raises(UnsupportedAlgorithm):
        cert.public_key()


def test_negative_serial_number_warns() -> None:
    with pytest.warns(CryptographyDeprecationWarning, match="wasn't positive"):
        cert = _load("custom/negative_serial.pem")
    assert cert.serial_number < 0


def test_invalid_version() -> None:
    with pytest.raises(x509.InvalidVersion) as info:
        _load("custom/invalid_version.pem")
    assert info.value.parsed_version == 7


# Encodings, equality, copying


def test_public_bytes_round_trip(cert: x509.Certificate, der: bytes) -> None:
    pem = cert.public_bytes(serialization.Encoding.PEM)
    assert pem == PEM
    assert x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER) == der


@pytest.mark.parametrize(
    "encoding",
    [
        serialization.Encoding.Raw,
        serialization.Encoding.OpenSSH,
        serialization.Encoding.X962,
        serialization.Encoding.SMIME,
    ],
)
def test_public_bytes_other_encodings(cert: x509.Certificate, encoding: Any) -> None:
    with pytest.raises(TypeError, match=r"Encoding\.DER or Encoding\.PEM"):
        cert.public_bytes(encoding)


@pytest.mark.parametrize("encoding", ["DER", None, 1])
def test_public_bytes_not_an_encoding(cert: x509.Certificate, encoding: Any) -> None:
    with pytest.raises(TypeError):
        cert.public_bytes(encoding)


def test_equality_and_hash(cert: x509.Certificate, der: bytes) -> None:
    same = x509.load_der_x509_certificate(der)
    other = _load("rapidssl_sha256_ca_g3.pem")
    assert same == cert and not same != cert
    assert hash(same) == hash(cert)
    assert cert != other and not cert == other
    assert cert != der
    assert cert != object()
    assert len({cert, same, other}) == 2


def test_copy_returns_the_same_object(cert: x509.Certificate) -> None:
    """Certificates are immutable: deepcopy gives the object itself; copy.copy is refused
    like pickling, as in the reference."""
    assert copy.deepcopy(cert) is cert
    with pytest.raises(TypeError):
        copy.copy(cert)


def test_pickle_is_refused(cert: x509.Certificate) -> None:
    with pytest.raises(TypeError):
        pickle.dumps(cert)


def test_immutable(cert: x509.Certificate) -> None:
    with pytest.raises(AttributeError):
        cert.serial_number = 1  # type: ignore[misc]


def test_repr(cert: x509.Certificate) -> None:
    assert repr(cert) == (
        "<Certificate(subject=<Name(CN=www.cryptography.io,OU=Domain Control Validated - "
        "RapidSSL(R),OU=See www.rapidssl.com/resources/cps (c)14,OU=GT48742965)>, ...)>"
    )


# verify_directly_issued_by


@pytest.mark.parametrize(
    ("leaf", "issuer"),
    [
        ("cryptography.io.pem", "rapidssl_sha256_ca_g3.pem"),
        ("PKITS_data/certs/GoodCACert.crt", "PKITS_data/certs/TrustAnchorRootCertificate.crt"),
        ("PKITS_data/certs/ValidCertificatePathTest1EE.crt", "PKITS_data/certs/GoodCACert.crt"),
        ("custom/rsa_pss_cert.pem", "custom/rsa_pss_cert.pem"),
        ("ecdsa_root.pem", "ecdsa_root.pem"),
        ("ed25519/root-ed25519.pem", "ed25519/root-ed25519.pem"),
        ("ed448/root-ed448.pem", "ed448/root-ed448.pem"),
    ],
)
def test_verify_directly_issued_by(leaf: str, issuer: str) -> None:
    _load(leaf).verify_directly_issued_by(_load(issuer))


def test_verify_with_tampered_signature(der: bytes) -> None:
    damaged = bytearray(der)
    damaged[-1] ^= 0x01  # the signature's last byte
    cert = x509.load_der_x509_certificate(bytes(damaged))
    with pytest.raises(InvalidSignature):
        cert.verify_directly_issued_by(_load("rapidssl_sha256_ca_g3.pem"))


def test_verify_with_tampered_tbs(der: bytes) -> None:
    damaged = bytearray(der)
    index = der.index(b"www.cryptography.io")
    damaged[index] = ord("W")
    cert = x509.load_der_x509_certificate(bytes(damaged))
    with pytest.raises(InvalidSignature):
        cert.verify_directly_issued_by(_load("rapidssl_sha256_ca_g3.pem"))


def test_verify_with_wrong_issuer_name(cert: x509.Certificate) -> None:
    with pytest.raises(ValueError, match="Issuer certificate subject does not match"):
        cert.verify_directly_issued_by(cert)
    with pytest.raises(ValueError, match="Issuer certificate subject does not match"):
        cert.verify_directly_issued_by(_load("PKITS_data/certs/GoodCACert.crt"))


def test_verify_with_right_name_wrong_key() -> None:
    """PKITS's self-issued CA has two certificates with the same name and different keys:
    the leaf verifies with the one that signed it only."""
    leaf = _load("PKITS_data/certs/InvalidBasicSelfIssuedOldWithNewTest2EE.crt")
    signer = _load("PKITS_data/certs/BasicSelfIssuedNewKeyOldWithNewCACert.crt")
    other = _load("PKITS_data/certs/BasicSelfIssuedNewKeyCACert.crt")
    assert signer.subject == other.subject == leaf.issuer
    leaf.verify_directly_issued_by(signer)
    with pytest.raises(InvalidSignature):
        leaf.verify_directly_issued_by(other)


def test_verify_needs_a_certificate(cert: x509.Certificate) -> None:
    with pytest.raises(TypeError):
        cert.verify_directly_issued_by("issuer")  # type: ignore[arg-type]


# Malformed input


def test_every_truncation_is_refused(der: bytes) -> None:
    for length in range(len(der)):
        with pytest.raises(ValueError):
            x509.load_der_x509_certificate(der[:length])


@pytest.mark.filterwarnings("ignore")
def test_single_byte_corruptions(der: bytes) -> None:
    """Every byte of the first 200 (the headers, serial, algorithm, issuer, dates) set to
    three other values: the loader and every property raise only the expected
    exception classes, and many of the damaged certificates still load."""
    loaded = 0
    for index in range(200):
        for change in (0x00, 0xFF, der[index] ^ 0x80):
            if change == der[index]:
                continue
            damaged = der[:index] + bytes([change]) + der[index + 1 :]
            loaded += _robust.load_and_touch("certificate", damaged)
    assert loaded > 50


@pytest.mark.filterwarnings("ignore")
@settings(max_examples=500)
@given(st.binary(max_size=600))
def test_random_bytes(data: bytes) -> None:
    """Random bytes to every loader: as DER, as PEM text, and inside a PEM block of the
    loader's label (so that the DER reader gets them from the PEM path too)."""
    for kind, labels in _corpus.PEM_LABELS.items():
        _robust.load_and_touch(kind, data)
        _robust.load_and_touch(kind, data, pem=True)
        label = labels[0]
        block = b"-----BEGIN %s-----\n%s\n-----END %s-----\n" % (
            label,
            base64.encodebytes(data),
            label,
        )
        _robust.load_and_touch(kind, block, pem=True)


_SEEDS = [
    "cryptography.io.pem",
    "badssl-sct.pem",
    "custom/rsa_pss_cert.pem",
    "ecdsa_root.pem",
    "custom/san_other_name.pem",
    "custom/cp_user_notice_with_notice_reference.pem",
    "custom/nc_permitted_excluded_2.pem",
    "custom/admissions_extension_optional_data_not_provided.pem",
]


@pytest.mark.filterwarnings("ignore")
@settings(max_examples=500)
@given(
    st.sampled_from(_SEEDS),
    st.lists(
        st.tuples(
            st.sampled_from(["set", "insert", "delete"]),
            st.integers(0, 2**16),
            st.integers(0, 255),
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_mutated_certificates(name: str, changes: list[tuple[str, int, int]]) -> None:
    """Real certificates with a few bytes changed, inserted or removed."""
    data = bytearray(_load(name).public_bytes(serialization.Encoding.DER))
    for operation, position, value in changes:
        where = position % len(data)
        if operation == "set":
            data[where] = value
        elif operation == "insert":
            data.insert(where, value)
        else:
            del data[where]
    _robust.load_and_touch("certificate", bytes(data))


def test_sct_timestamp_out_of_range(der: bytes) -> None:
    """An SCT whose timestamp is beyond year 9999 cannot become a datetime: ValueError,
    as in the reference, when the extensions are read."""
    cert = _load("badssl-sct.pem")
    data = bytearray(cert.public_bytes(serialization.Encoding.DER))
    sct = next(
        iter(
            cert.extensions.get_extension_for_class(
                x509.PrecertificateSignedCertificateTimestamps
            ).value
        )
    )
    where = data.index(sct.log_id) + 32
    for value, year in ((253402300799999, 9999), (253402300800000, None), (2**64 - 1, None)):
        data[where : where + 8] = value.to_bytes(8, "big")
        damaged = x509.load_der_x509_certificate(bytes(data))
        if year is None:
            with pytest.raises(ValueError):
                damaged.extensions  # noqa: B018
        else:
            (ours,) = damaged.extensions.get_extension_for_class(
                x509.PrecertificateSignedCertificateTimestamps
            ).value
            assert ours.timestamp.year == year


def test_bit_string_name_attribute_of_another_type(reference: Any) -> None:
    """A BIT STRING value is allowed for X500UniqueIdentifier only: under another
    attribute type, reading the name raises TypeError, in both libraries."""
    der = _load("scottishpower-bitstring-dn.pem").public_bytes(serialization.Encoding.DER)
    unique_identifier = bytes.fromhex("060355042d03")  # OID 2.5.4.45, then a BIT STRING
    assert der.count(unique_identifier) == 1
    damaged = der.replace(unique_identifier, bytes.fromhex("060355042e03"))  # 2.5.4.46
    ours = x509.load_der_x509_certificate(damaged)
    theirs = reference("x509").load_der_x509_certificate(damaged)
    for cert in (ours, theirs):
        with pytest.raises(TypeError, match="X500_UNIQUE_IDENTIFIER"):
            cert.subject  # noqa: B018


# Regressions: bugs found by comparing with the reference, each asserting the reference's
# behaviour.

_RSA_ENCRYPTION = bytes.fromhex("300d06092a864886f70d0101010500")  # with NULL parameters
_SHA256_WITH_RSA = bytes.fromhex("300d06092a864886f70d01010b0500")


def _algorithm_damage(der: bytes) -> dict[str, bytes]:
    spki = der.index(_RSA_ENCRYPTION) + len(_RSA_ENCRYPTION)
    assert der[spki] == 0x03  # the key's BIT STRING
    return {
        "key BIT STRING made an OCTET STRING": der[:spki] + b"\x04" + der[spki + 1 :],
        "key algorithm parameters not NULL": der.replace(
            _RSA_ENCRYPTION, _RSA_ENCRYPTION[:-2] + b"\x04\x00"
        ),
        "signature algorithm parameters not NULL": der.replace(
            _SHA256_WITH_RSA, _SHA256_WITH_RSA[:-2] + b"\x04\x00"
        ),
    }


def test_regression_algorithm_identifiers_checked_at_load(der: bytes, reference: Any) -> None:
    for what, damaged in _algorithm_damage(der).items():
        with pytest.raises(ValueError):
            reference("x509").load_der_x509_certificate(damaged)
        with pytest.raises(ValueError):
            x509.load_der_x509_certificate(damaged)
            pytest.fail(what)


def test_regression_pss_parameters_with_unknown_hash() -> None:
    der = _load("custom/rsa_pss_cert.pem").public_bytes(serialization.Encoding.DER)
    sha256 = bytes.fromhex("0609608648016503040201")
    outer = [i for i in range(len(der)) if der.startswith(sha256, i)][2]  # outer hash
    damaged = der[:outer] + sha256[:-1] + b"\x63" + der[outer + len(sha256) :]
    params = x509.load_der_x509_certificate(damaged).signature_algorithm_parameters
    assert isinstance(params, padding.PSS)
    assert params._salt_length == 32


@pytest.mark.parametrize("last_arc", [20, 21, 24, 27, 28, 29])
def test_crl_extension_oids_are_not_decoded_in_certificates(
    der: bytes, last_arc: int, reference: Any
) -> None:
    """CRL and CRL-entry extensions (CRL number, reason, invalidity date, delta CRL
    indicator, issuing distribution point, certificate issuer) have no meaning in a
    certificate: their values stay raw (UnrecognizedExtension), as in the reference."""
    aki = bytes.fromhex("0603551d23")  # the OID 2.5.29.35, authorityKeyIdentifier
    damaged = der.replace(aki, aki[:-1] + bytes([last_arc]), 1)
    oid = x509.ObjectIdentifier(f"2.5.29.{last_arc}")
    ours = x509.load_der_x509_certificate(damaged).extensions.get_extension_for_oid(oid)
    assert isinstance(ours.value, x509.UnrecognizedExtension)
    ref = reference("x509")
    theirs = ref.load_der_x509_certificate(damaged).extensions
    value = theirs.get_extension_for_oid(ref.ObjectIdentifier(oid.dotted_string)).value
    assert isinstance(value, ref.UnrecognizedExtension)


def test_regression_negative_authority_cert_serial_number() -> None:
    der = _load("custom/authority_key_identifier.pem").public_bytes(serialization.Encoding.DER)
    serial = bytes.fromhex("820103")  # [2] IMPLICIT INTEGER 3
    assert der.count(serial) == 1
    damaged = x509.load_der_x509_certificate(der.replace(serial, bytes.fromhex("820183")))
    aki = damaged.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    assert aki.authority_cert_serial_number == -125
