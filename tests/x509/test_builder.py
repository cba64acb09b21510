"""``CertificateBuilder`` and ``CertificateSigningRequestBuilder``.

The reference is the standard: with the same inputs and a deterministic signature
(Ed25519, Ed448, deterministic ECDSA, RSA PKCS#1 v1.5) the DER is byte for byte the
reference's; with randomised signatures (PSS, DSA, ECDSA) the signed part is. What the
builders produce loads back with the fields that went in, is accepted by OpenSSL's C
decoder and its signature verifies with OpenSSL and with oxicrypt.
"""

from __future__ import annotations

import datetime
import importlib
from types import ModuleType
from typing import Any, Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import oxicrypt.x509 as ox
from oxicrypt._rust import _parity
from oxicrypt.hazmat.primitives import hashes, serialization
from oxicrypt.hazmat.primitives.asymmetric import dsa, ec, rsa
from tests.parity import _x509_compare
from tests.x509.test_extension_encoding import Recipe, _certificate_extension, _text

DER = serialization.Encoding.DER


def _lib(name: str) -> dict[str, ModuleType]:
    """``x509``, ``hashes``, ``serialization``, ``padding`` and the key modules of
    ``oxicrypt`` or ``cryptography`` (skipping when the reference is missing)."""
    if name == "cryptography":
        pytest.importorskip("cryptography")
    out = {"x509": importlib.import_module(f"{name}.x509")}
    for module in ("hashes", "serialization"):
        out[module] = importlib.import_module(f"{name}.hazmat.primitives.{module}")
    for module in ("padding", "ec", "ed25519", "ed448", "rsa", "dsa", "mldsa"):
        out[module] = importlib.import_module(f"{name}.hazmat.primitives.asymmetric.{module}")
    return out


# Keys that exist in both libraries: generated once by oxicrypt, shared as PKCS#8.
_RSA = rsa.generate_private_key(65537, 2048)
_DSA = dsa.generate_private_key(2048)
_PKCS8 = {
    "rsa": _RSA.private_bytes(
        DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ),
    "dsa": _DSA.private_bytes(
        DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ),
}


def _key(lib: dict[str, ModuleType], kind: str) -> Any:
    if kind == "ed25519":
        return lib["ed25519"].Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    if kind == "ed448":
        return lib["ed448"].Ed448PrivateKey.from_private_bytes(bytes(range(57)))
    if kind.startswith("ml-dsa-"):
        cls = getattr(lib["mldsa"], f"MLDSA{kind[-2:]}PrivateKey")
        return cls.from_seed_bytes(bytes(range(32)))
    if kind.startswith("ec-"):
        curve = {"ec-p256": "SECP256R1", "ec-p384": "SECP384R1", "ec-p521": "SECP521R1"}[kind]
        return lib["ec"].derive_private_key(0x1234567890ABCDEF, getattr(lib["ec"], curve)())
    return lib["serialization"].load_der_private_key(_PKCS8[kind], None)


# (key kind, hash name or None, padding "pss"/"pkcs1"/None, deterministic)
Signing = tuple[str, str | None, str | None, bool]

DETERMINISTIC: list[Signing] = [
    ("ed25519", None, None, False),
    ("ed448", None, None, False),
    ("ec-p256", "SHA256", None, True),
    ("ec-p384", "SHA384", None, True),
    ("ec-p521", "SHA512", None, True),
    ("ec-p256", "SHA3_256", None, True),
    ("rsa", "SHA256", None, False),
    ("rsa", "SHA384", "pkcs1", False),
    ("rsa", "SHA3_512", None, False),
]

RANDOMISED: list[Signing] = [
    ("rsa", "SHA256", "pss", False),
    ("rsa", "SHA512", "pss", False),
    ("dsa", "SHA256", None, False),
    ("dsa", "SHA224", None, False),
    ("ec-p256", "SHA256", None, False),
    ("ec-p384", "SHA224", None, False),
    # ML-DSA signatures are hedged (randomised) by default.
    ("ml-dsa-44", None, None, False),
    ("ml-dsa-65", None, None, False),
    ("ml-dsa-87", None, None, False),
]


def _sign_args(lib: dict[str, ModuleType], signing: Signing) -> tuple[Any, Any, dict[str, Any]]:
    kind, hash_name, pad, deterministic = signing
    algorithm = None if hash_name is None else getattr(lib["hashes"], hash_name)()
    kwargs: dict[str, Any] = {}
    if pad == "pss":
        kwargs["rsa_padding"] = lib["padding"].PSS(
            lib["padding"].MGF1(algorithm), lib["padding"].PSS.DIGEST_LENGTH
        )
    elif pad == "pkcs1":
        kwargs["rsa_padding"] = lib["padding"].PKCS1v15()
    if deterministic:
        kwargs["ecdsa_deterministic"] = True
    return _key(lib, kind), algorithm, kwargs


def _name(x509: ModuleType, cn: str) -> Any:
    return x509.Name(
        [
            x509.NameAttribute(x509.NameOID.COUNTRY_NAME, "US"),
            x509.NameAttribute(x509.NameOID.ORGANIZATION_NAME, "oxicrypt"),
            x509.NameAttribute(x509.NameOID.COMMON_NAME, cn),
        ]
    )


def _certificate(
    lib: dict[str, ModuleType],
    signing: Signing,
    *,
    subject_key: Any = None,
    extensions: list[Recipe] = (),  # type: ignore[assignment]
    serial: int = 0x0123456789,
    not_before: datetime.datetime = datetime.datetime(2024, 1, 1, 12, 0, 0),
    not_after: datetime.datetime = datetime.datetime(2034, 1, 1, 12, 0, 0),
    cn: str = "example.com",
) -> Any:
    x509 = lib["x509"]
    key, algorithm, kwargs = _sign_args(lib, signing)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(x509, cn))
        .issuer_name(_name(x509, "Test CA"))
        .public_key((subject_key or key).public_key())
        .serial_number(serial)
        .not_valid_before(not_before)
        .not_valid_after(not_after)
    )
    for i, recipe in enumerate(extensions):
        builder = builder.add_extension(recipe(x509), critical=i % 2 == 0)
    return builder.sign(key, algorithm, **kwargs)


def _csr(lib: dict[str, ModuleType], signing: Signing) -> Any:
    x509 = lib["x509"]
    key, algorithm, kwargs = _sign_args(lib, signing)
    return (
        x509.CertificateSigningRequestBuilder()
        .subject_name(_name(x509, "example.com"))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("example.com")]), False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
        .add_attribute(x509.NameOID.UNSTRUCTURED_NAME, b"an unstructured name")
        .add_attribute(x509.ObjectIdentifier("1.2.840.113549.1.9.7"), b"secret")
        .sign(key, algorithm, **kwargs)
    )


def _ids(signing: Signing) -> str:
    return "-".join(str(part) for part in signing if part not in (None, False))


@pytest.mark.parametrize("signing", DETERMINISTIC, ids=_ids)
def test_same_bytes_as_reference(signing: Signing) -> None:
    ours = _lib("oxicrypt")
    ref = _lib("cryptography")
    assert _certificate(ours, signing).public_bytes(DER) == _certificate(
        ref, signing
    ).public_bytes(ref["serialization"].Encoding.DER)
    assert _csr(ours, signing).public_bytes(DER) == _csr(ref, signing).public_bytes(
        ref["serialization"].Encoding.DER
    )


@pytest.mark.parametrize("signing", RANDOMISED, ids=_ids)
def test_same_signed_part_as_reference(signing: Signing) -> None:
    ours = _certificate(_lib("oxicrypt"), signing)
    ref = _certificate(_lib("cryptography"), signing)
    assert ours.tbs_certificate_bytes == ref.tbs_certificate_bytes
    assert ours.signature != ref.signature  # randomised: the test compares the right thing
    our_csr = _csr(_lib("oxicrypt"), signing)
    ref_csr = _csr(_lib("cryptography"), signing)
    assert our_csr.tbs_certrequest_bytes == ref_csr.tbs_certrequest_bytes


@pytest.mark.parametrize("signing", DETERMINISTIC + RANDOMISED, ids=_ids)
def test_signatures_verify_here_and_in_openssl(signing: Signing) -> None:
    lib = _lib("oxicrypt")
    cert = _certificate(lib, signing, cn="Test CA")  # self-issued
    cert.verify_directly_issued_by(cert)
    der = cert.public_bytes(DER)
    assert _parity.openssl_verify_certificate(der, der)
    openssl = _parity.openssl_load_certificate(der)
    assert openssl is not None
    assert _x509_compare.compare_certificate(cert, openssl) == {}
    csr = _csr(lib, signing)
    assert csr.is_signature_valid
    assert _parity.openssl_verify_csr(csr.public_bytes(DER))
    openssl_csr = _parity.openssl_load_csr(csr.public_bytes(DER))
    assert openssl_csr is not None
    assert _x509_compare.compare_csr(csr, openssl_csr) == {}


def test_tampered_certificate_fails_openssl_verification() -> None:
    der = bytearray(_certificate(_lib("oxicrypt"), DETERMINISTIC[0]).public_bytes(DER))
    der[-1] ^= 1
    assert not _parity.openssl_verify_certificate(bytes(der), bytes(der))


def test_fields_load_back() -> None:
    lib = _lib("oxicrypt")
    key = _key(lib, "ec-p256")
    cert = _certificate(
        lib,
        ("ed25519", None, None, False),
        subject_key=key,
        serial=(1 << 158) + 5,
        not_before=datetime.datetime(1950, 1, 1),
        not_after=datetime.datetime(9999, 12, 31, 23, 59, 59),
        extensions=[lambda x: x.BasicConstraints(ca=True, path_length=2)],
    )
    assert cert.version is ox.Version.v3
    assert cert.serial_number == (1 << 158) + 5
    assert cert.subject == _name(ox, "example.com")
    assert cert.issuer == _name(ox, "Test CA")
    assert cert.public_key() == key.public_key()
    assert cert.not_valid_before_utc == datetime.datetime(1950, 1, 1, tzinfo=datetime.timezone.utc)
    assert cert.not_valid_after_utc.year == 9999
    ext = cert.extensions.get_extension_for_class(ox.BasicConstraints)
    assert ext.critical and ext.value == ox.BasicConstraints(ca=True, path_length=2)
    # 1950 is a UTCTime ("500101..."), 9999 a GeneralizedTime (RFC 5280, 4.1.2.5).
    assert b"\x17\x0d500101000000Z" in cert.tbs_certificate_bytes
    assert b"\x18\x0f99991231235959Z" in cert.tbs_certificate_bytes


def test_csr_fields_load_back() -> None:
    csr = _csr(_lib("oxicrypt"), DETERMINISTIC[0])
    assert csr.subject == _name(ox, "example.com")
    assert csr.attributes.get_attribute_for_oid(ox.NameOID.UNSTRUCTURED_NAME).value == (
        b"an unstructured name"
    )
    san = csr.extensions.get_extension_for_class(ox.SubjectAlternativeName)
    assert san.value == ox.SubjectAlternativeName([ox.DNSName("example.com")])


def test_chain_verifies_in_openssl() -> None:
    """A root (EC), an intermediate (RSA) and a leaf (Ed25519), each signed by the one
    above it; OpenSSL and oxicrypt check each link."""
    lib = _lib("oxicrypt")
    x509 = lib["x509"]
    root_key = _key(lib, "ec-p384")
    inter_key = _key(lib, "rsa")
    leaf_key = _key(lib, "ed25519")

    def issue(subject: str, issuer: str, key: Any, signer: Any, algorithm: Any, ca: bool) -> Any:
        return (
            x509.CertificateBuilder()
            .subject_name(_name(x509, subject))
            .issuer_name(_name(x509, issuer))
            .public_key(key.public_key())
            .serial_number(ox.random_serial_number())
            .not_valid_before(datetime.datetime(2024, 1, 1))
            .not_valid_after(datetime.datetime(2030, 1, 1))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .sign(signer, algorithm)
        )

    root = issue("Root", "Root", root_key, root_key, hashes.SHA384(), True)
    inter = issue("Intermediate", "Root", inter_key, root_key, hashes.SHA384(), True)
    leaf = issue("leaf", "Intermediate", leaf_key, inter_key, hashes.SHA256(), False)
    for cert, issuer in [(root, root), (inter, root), (leaf, inter)]:
        cert.verify_directly_issued_by(issuer)
        assert _parity.openssl_verify_certificate(cert.public_bytes(DER), issuer.public_bytes(DER))
    assert not _parity.openssl_verify_certificate(leaf.public_bytes(DER), root.public_bytes(DER))


@st.composite
def _extension_sets(draw: st.DrawFn) -> list[Recipe]:
    recipes = draw(st.lists(_certificate_extension(), max_size=5))
    # One extension per OID (UnrecognizedExtension aside, its OIDs are few and drawn).
    seen: set[str] = set()
    unique = []
    for recipe in recipes:
        oid = recipe(ox).oid.dotted_string
        if oid not in seen:
            seen.add(oid)
            unique.append(recipe)
    return unique


_times = st.datetimes(datetime.datetime(1950, 1, 1), datetime.datetime(9999, 1, 1)).map(
    lambda d: d.replace(microsecond=0)
)


@settings(max_examples=150, deadline=None)
@given(
    extensions=_extension_sets(),
    serial=st.integers(1, (1 << 159) - 1),
    times=st.tuples(_times, _times).map(sorted),
    cn=_text,
    signing=st.sampled_from(DETERMINISTIC),
)
def test_built_certificates_match_reference(
    extensions: list[Recipe],
    serial: int,
    times: list[datetime.datetime],
    cn: str,
    signing: Signing,
) -> None:
    kwargs: dict[str, Any] = {
        "extensions": extensions,
        "serial": serial,
        "not_before": times[0],
        "not_after": times[1],
        "cn": cn,
    }
    ours = _certificate(_lib("oxicrypt"), signing, **kwargs)
    ref_lib = _lib("cryptography")
    ref = _certificate(ref_lib, signing, **kwargs)
    der = ours.public_bytes(DER)
    assert der == ref.public_bytes(ref_lib["serialization"].Encoding.DER)
    assert [e.value for e in ours.extensions] == [r(ox) for r in extensions]
    assert _parity.openssl_verify_certificate(der, der)


# --- Checks and their messages, against the reference -----------------------------------

_NOW = datetime.datetime(2024, 1, 1)

Probe = Callable[[dict[str, ModuleType]], Any]


def _full(lib: dict[str, ModuleType]) -> Any:
    x509 = lib["x509"]
    key = _key(lib, "ed25519")
    return (
        x509.CertificateBuilder()
        .subject_name(_name(x509, "s"))
        .issuer_name(_name(x509, "i"))
        .serial_number(1)
        .not_valid_before(_NOW)
        .not_valid_after(_NOW)
        .public_key(key.public_key())
    )


def _b(lib: dict[str, ModuleType]) -> Any:
    return lib["x509"].CertificateBuilder()


def _n(lib: dict[str, ModuleType]) -> Any:
    return _name(lib["x509"], "x")


PROBES: dict[str, Probe] = {
    "no subject": lambda m: _b(m).sign(_key(m, "ed25519"), None),
    "no issuer": lambda m: _b(m).subject_name(_n(m)).sign(_key(m, "ed25519"), None),
    "no serial": lambda m: (
        _b(m).subject_name(_n(m)).issuer_name(_n(m)).sign(_key(m, "ed25519"), None)
    ),
    "ed25519 with hash": lambda m: _full(m).sign(_key(m, "ed25519"), m["hashes"].SHA256()),
    "ec without hash": lambda m: _full(m).sign(_key(m, "ec-p256"), None),
    "ec with str": lambda m: _full(m).sign(_key(m, "ec-p256"), "sha256"),
    "ec with md5": lambda m: _full(m).sign(_key(m, "ec-p256"), m["hashes"].MD5()),
    "rsa with sha1": lambda m: _full(m).sign(_key(m, "rsa"), m["hashes"].SHA1()),
    "ec with shake": lambda m: _full(m).sign(_key(m, "ec-p256"), m["hashes"].SHAKE128(16)),
    "dsa with sha3": lambda m: _full(m).sign(_key(m, "dsa"), m["hashes"].SHA3_256()),
    "padding with ed25519": lambda m: _full(m).sign(
        _key(m, "ed25519"), None, rsa_padding=m["padding"].PKCS1v15()
    ),
    "oaep padding": lambda m: _full(m).sign(
        _key(m, "rsa"),
        m["hashes"].SHA256(),
        rsa_padding=m["padding"].OAEP(
            m["padding"].MGF1(m["hashes"].SHA256()), m["hashes"].SHA256(), None
        ),
    ),
    "pss auto salt": lambda m: _full(m).sign(
        _key(m, "rsa"),
        m["hashes"].SHA256(),
        rsa_padding=m["padding"].PSS(
            m["padding"].MGF1(m["hashes"].SHA256()), m["padding"].PSS.AUTO
        ),
    ),
    "deterministic with rsa": lambda m: _full(m).sign(
        _key(m, "rsa"), m["hashes"].SHA256(), ecdsa_deterministic=True
    ),
    "not a key": lambda m: _full(m).sign(object(), m["hashes"].SHA256()),
    "duplicate extension": lambda m: (
        _b(m)
        .add_extension(m["x509"].BasicConstraints(ca=False, path_length=None), False)
        .add_extension(m["x509"].BasicConstraints(ca=True, path_length=None), True)
    ),
    "extension not a type": lambda m: _b(m).add_extension("x", False),
    "subject twice": lambda m: _b(m).subject_name(_n(m)).subject_name(_n(m)),
    "issuer twice": lambda m: _b(m).issuer_name(_n(m)).issuer_name(_n(m)),
    "subject str": lambda m: _b(m).subject_name("x"),
    "serial zero": lambda m: _b(m).serial_number(0),
    "serial negative": lambda m: _b(m).serial_number(-5),
    "serial 160 bits": lambda m: _b(m).serial_number(1 << 159),
    "serial str": lambda m: _b(m).serial_number("1"),
    "serial twice": lambda m: _b(m).serial_number(1).serial_number(2),
    "before 1950": lambda m: _b(m).not_valid_before(datetime.datetime(1949, 12, 31)),
    "after 1950": lambda m: _b(m).not_valid_after(datetime.datetime(1949, 12, 31)),
    "before not datetime": lambda m: _b(m).not_valid_before(1),
    "before after after": lambda m: (
        _b(m).not_valid_after(_NOW).not_valid_before(datetime.datetime(2025, 1, 1))
    ),
    "after before before": lambda m: (
        _b(m).not_valid_before(_NOW).not_valid_after(datetime.datetime(2023, 1, 1))
    ),
    "aware before 1950": lambda m: _b(m).not_valid_before(
        datetime.datetime(1950, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))
    ),
    "before twice": lambda m: _b(m).not_valid_before(_NOW).not_valid_before(_NOW),
    "after twice": lambda m: _b(m).not_valid_after(_NOW).not_valid_after(_NOW),
    "key not a key": lambda m: _b(m).public_key(object()),
    "key twice": lambda m: (
        _b(m)
        .public_key(_key(m, "ed25519").public_key())
        .public_key(_key(m, "ed25519").public_key())
    ),
    "pss instance for key": lambda m: _b(m).public_key(
        _key(m, "rsa").public_key(), rsa_padding=m["padding"].PKCS1v15
    ),
    "pss for ec key": lambda m: _b(m).public_key(
        _key(m, "ec-p256").public_key(), rsa_padding=m["padding"].PSS
    ),
    "csr no subject": lambda m: (
        m["x509"].CertificateSigningRequestBuilder().sign(_key(m, "ed25519"), None)
    ),
    "csr attribute str": lambda m: (
        m["x509"]
        .CertificateSigningRequestBuilder()
        .add_attribute(m["x509"].ObjectIdentifier("1.2.3"), "x")
    ),
    "csr attribute twice": lambda m: (
        m["x509"]
        .CertificateSigningRequestBuilder()
        .add_attribute(m["x509"].ObjectIdentifier("1.2.3"), b"x")
        .add_attribute(m["x509"].ObjectIdentifier("1.2.3"), b"y")
    ),
    "csr attribute oid str": lambda m: (
        m["x509"].CertificateSigningRequestBuilder().add_attribute("1.2.3", b"x")
    ),
    "csr attribute tag int": lambda m: (
        m["x509"]
        .CertificateSigningRequestBuilder()
        .add_attribute(m["x509"].ObjectIdentifier("1.2.3"), b"x", _tag=12)
    ),
    "csr subject twice": lambda m: (
        m["x509"].CertificateSigningRequestBuilder().subject_name(_n(m)).subject_name(_n(m))
    ),
    "ml-dsa with hash": lambda m: _full(m).sign(_key(m, "ml-dsa-65"), m["hashes"].SHA256()),
    "ml-dsa padding": lambda m: _full(m).sign(
        _key(m, "ml-dsa-44"), None, rsa_padding=m["padding"].PKCS1v15()
    ),
    "csr ed448 with hash": lambda m: (
        m["x509"]
        .CertificateSigningRequestBuilder()
        .subject_name(_n(m))
        .sign(_key(m, "ed448"), m["hashes"].SHA256())
    ),
}


def _outcome(probe: Probe, lib: dict[str, ModuleType]) -> tuple[str, str]:
    try:
        probe(lib)
    except Exception as e:
        reason = getattr(e, "_reason", None)
        return (type(e).__name__, f"{e} {getattr(reason, 'name', '')}")
    return ("ok", "")


@pytest.mark.parametrize("probe", sorted(PROBES))
def test_checks_match_reference(probe: str) -> None:
    ours = _outcome(PROBES[probe], _lib("oxicrypt"))
    assert ours == _outcome(PROBES[probe], _lib("cryptography"))


def test_pss_subject_key() -> None:
    """``public_key(key, rsa_padding=PSS)`` labels the key id-RSASSA-PSS; the DER is the
    reference's."""
    libs = {name: _lib(name) for name in ("oxicrypt", "cryptography")}

    def build(m: dict[str, ModuleType]) -> Any:
        x509 = m["x509"]
        return (
            x509.CertificateBuilder()
            .subject_name(_name(x509, "s"))
            .issuer_name(_name(x509, "i"))
            .serial_number(3)
            .not_valid_before(_NOW)
            .not_valid_after(_NOW)
            .public_key(_key(m, "rsa").public_key(), rsa_padding=m["padding"].PSS)
            .sign(_key(m, "ed25519"), None)
        )

    ours = build(libs["oxicrypt"])
    theirs = build(libs["cryptography"])
    assert ours.public_bytes(DER) == theirs.public_bytes(
        libs["cryptography"]["serialization"].Encoding.DER
    )
    assert ours.public_key_algorithm_oid == ox.PublicKeyAlgorithmOID.RSASSA_PSS


def test_create_unsigned_matches_reference() -> None:
    libs = {name: _lib(name) for name in ("oxicrypt", "cryptography")}
    ours = _full(libs["oxicrypt"]).create_unsigned()
    theirs = _full(libs["cryptography"]).create_unsigned()
    assert ours.public_bytes(DER) == theirs.public_bytes(
        libs["cryptography"]["serialization"].Encoding.DER
    )
    assert ours.signature == b""
    assert ours.signature_algorithm_oid.dotted_string == "1.3.6.1.5.5.7.6.36"
    with pytest.raises(ValueError, match="A certificate must have a subject name"):
        ox.CertificateBuilder().create_unsigned()


def test_aware_times_are_stored_as_utc() -> None:
    tz = datetime.timezone(datetime.timedelta(hours=-5))
    cert = _certificate(
        _lib("oxicrypt"),
        DETERMINISTIC[0],
        not_before=datetime.datetime(2024, 1, 1, 19, 0, 0, tzinfo=tz),
    )
    assert cert.not_valid_before_utc == datetime.datetime(
        2024, 1, 2, 0, 0, 0, tzinfo=datetime.timezone.utc
    )


def test_builders_are_immutable() -> None:
    base = ox.CertificateBuilder()
    with_subject = base.subject_name(_name(ox, "a"))
    assert base.subject_name(_name(ox, "b")) is not with_subject
    assert isinstance(ec.SECP256R1(), ec.EllipticCurve)


@pytest.mark.parametrize("name", ["oxicrypt", "cryptography"])
def test_unrecognized_extension_subclass_with_a_known_oid(name: str) -> None:
    """An UnrecognizedExtension subclass carrying a known OID goes in as its bytes, in
    both libraries, and loads back as the known extension."""
    lib = _lib(name)
    x509 = lib["x509"]

    class Raw(x509.UnrecognizedExtension):  # type: ignore[misc,name-defined]
        pass

    raw = Raw(x509.oid.ExtensionOID.SUBJECT_ALTERNATIVE_NAME, b"\x30\x0b\x82\x09a.example")
    key = _key(lib, "ed25519")
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(x509, "a"))
        .issuer_name(_name(x509, "a"))
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(datetime.datetime(2024, 1, 1))
        .not_valid_after(datetime.datetime(2025, 1, 1))
        .add_extension(raw, critical=False)
        .sign(key, None)
    )
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san == x509.SubjectAlternativeName([x509.DNSName("a.example")])


def _ed25519_certificate_der(lib: dict[str, ModuleType], extensions: list[Any]) -> bytes:
    """A certificate signed with a fixed Ed25519 key whose builder was given
    ``extensions`` through its constructor."""
    x509 = lib["x509"]
    key = _key(lib, "ed25519")
    builder = (
        x509.CertificateBuilder(extensions=extensions)
        .subject_name(_name(x509, "a"))
        .issuer_name(_name(x509, "a"))
        .public_key(key.public_key())
        .serial_number(7)
        .not_valid_before(datetime.datetime(2024, 1, 1))
        .not_valid_after(datetime.datetime(2025, 1, 1))
    )
    # add_extension compares the new OID with those of the constructor's extensions.
    builder = builder.add_extension(
        x509.SubjectAlternativeName([x509.DNSName("a.example")]), critical=False
    )
    der: bytes = builder.sign(key, None).public_bytes(lib["serialization"].Encoding.DER)
    return der


def _overriding_extensions(lib: dict[str, ModuleType]) -> list[Any]:
    """Extensions whose public properties say something other than the private attributes
    the constructors set, and one that is not an Extension at all."""
    x509 = lib["x509"]

    class AlwaysCritical(x509.Extension):  # type: ignore[misc,name-defined]
        @property
        def critical(self) -> bool:
            return True

    class CaWithLength(x509.BasicConstraints):  # type: ignore[misc,name-defined]
        @property
        def path_length(self) -> int:
            return 3

    class SigningToo(x509.KeyUsage):  # type: ignore[misc,name-defined]
        @property
        def digital_signature(self) -> bool:
            return True

    class Duck:
        oid = x509.oid.ExtensionOID.EXTENDED_KEY_USAGE
        critical = False
        value = x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH])

    key_usage = SigningToo(False, False, False, False, False, True, True, False, False)
    return [
        AlwaysCritical(x509.oid.ExtensionOID.BASIC_CONSTRAINTS, False, CaWithLength(True, 0)),
        x509.Extension(x509.oid.ExtensionOID.KEY_USAGE, True, key_usage),
        Duck(),
    ]


def test_extension_subclasses_and_duck_types_are_read_through_their_properties() -> None:
    """Only exact Extension, BasicConstraints and KeyUsage objects are read through their
    private attributes; subclasses that override the properties, and objects that merely
    have ``oid``, ``critical`` and ``value``, are written as the reference writes them."""
    ours = _ed25519_certificate_der(_lib("oxicrypt"), _overriding_extensions(_lib("oxicrypt")))
    cert = ox.load_der_x509_certificate(ours)
    basic = cert.extensions.get_extension_for_class(ox.BasicConstraints)
    assert basic.critical and basic.value.path_length == 3
    assert cert.extensions.get_extension_for_class(ox.KeyUsage).value.digital_signature
    assert cert.extensions.get_extension_for_class(ox.ExtendedKeyUsage).value == (
        ox.ExtendedKeyUsage([ox.oid.ExtendedKeyUsageOID.SERVER_AUTH])
    )
    theirs = _ed25519_certificate_der(
        _lib("cryptography"), _overriding_extensions(_lib("cryptography"))
    )
    assert ours == theirs


class _Proxy:
    """Stands in for another object, as wrapt-style proxies do: isinstance sees the
    wrapped object's class through ``__class__``."""

    def __init__(self, wrapped: object) -> None:
        object.__setattr__(self, "_wrapped", wrapped)

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # type: ignore[override]
        return type(self._wrapped)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._wrapped, name)


def test_proxies_are_judged_by_what_they_wrap_every_time() -> None:
    """The builders' per-type caches skip objects whose ``__class__`` is not their type:
    one proxy type can stand for an RSA key, then an EC key, then something else."""
    name = _name(ox, "a")

    def certificate(private_key: Any) -> ox.Certificate:
        return (
            ox.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(_Proxy(private_key.public_key()))  # type: ignore[arg-type]
            .serial_number(1)
            .not_valid_before(datetime.datetime(2024, 1, 1))
            .not_valid_after(datetime.datetime(2025, 1, 1))
            .sign(_Proxy(private_key), hashes.SHA256())  # type: ignore[arg-type]
        )

    for private_key in (_RSA, ec.generate_private_key(ec.SECP256R1())):
        cert = certificate(private_key)
        cert.verify_directly_issued_by(cert)
    with pytest.raises(TypeError):
        ox.CertificateBuilder().public_key(_Proxy(object()))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ox.CertificateBuilder().add_extension(_Proxy(object()), False)  # type: ignore[arg-type]


def test_mocks_do_not_fill_the_type_caches() -> None:
    from unittest import mock

    from oxicrypt.x509 import builder

    name = _name(ox, "a")
    ready = (
        ox.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(_RSA.public_key())
        .serial_number(1)
        .not_valid_before(datetime.datetime(2024, 1, 1))
        .not_valid_after(datetime.datetime(2025, 1, 1))
    )
    before = len(builder._CERTIFICATE_PUBLIC_KEY_TYPES), len(builder._KIND_BY_TYPE)
    for _ in range(50):
        ox.CertificateBuilder().public_key(mock.Mock(spec=ec.EllipticCurvePublicKey))
        # Taken for an EC key; its signature (a Mock) is then refused.
        with pytest.raises(TypeError):
            ready.sign(mock.Mock(spec=ec.EllipticCurvePrivateKey), hashes.SHA256())
    after = len(builder._CERTIFICATE_PUBLIC_KEY_TYPES), len(builder._KIND_BY_TYPE)
    assert after == before
