"""``SSHCertificateBuilder``: signing with every CA key type, reading the result back,
checking its signature in oxicrypt and in the reference (and the reference's
certificates in oxicrypt), and the builder's argument checks against the reference's."""

from __future__ import annotations

from types import ModuleType
from typing import Any, Callable

import pytest

from oxicrypt.exceptions import InvalidSignature
from oxicrypt.hazmat.primitives import serialization
from oxicrypt.hazmat.primitives.asymmetric import ec, x25519
from oxicrypt.hazmat.primitives.serialization import (
    SSHCertificate,
    SSHCertificateBuilder,
    SSHCertificateType,
)
from tests.hazmat.primitives.serialization._ssh import (
    CERT_KINDS,
    Reference,
    assert_same_failure,
    make_key,
    reference_twin,
    run,
    spki,
)

_OPENSSH = (serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)


def _builder(ssh: ModuleType, public_key: Any) -> Any:
    return (
        ssh.SSHCertificateBuilder()
        .public_key(public_key)
        .serial(2**64 - 1)
        .type(ssh.SSHCertificateType.HOST)
        .key_id(b"host-42")
        .valid_principals([b"example.com", b"www.example.com"])
        .valid_after(1_700_000_000)
        .valid_before(1_800_000_000.5)
        # Added out of order: written sorted.
        .add_critical_option(b"source-address", b"10.0.0.0/8")
        .add_critical_option(b"force-command", b"/bin/true")
        .add_extension(b"permit-pty", b"")
        .add_extension(b"permit-X11-forwarding", b"")
        .add_extension(b"custom@example.com", b"value")
    )


@pytest.mark.parametrize("ca_kind", CERT_KINDS)
@pytest.mark.parametrize("subject_kind", ["ed25519", "p384", "rsa"])
def test_sign_read_verify(reference: Reference, ca_kind: str, subject_kind: str) -> None:
    ref_ser = reference("hazmat.primitives.serialization")
    ca = make_key(ca_kind)
    subject = make_key(subject_kind).public_key()
    cert = _builder(serialization, subject).sign(ca)
    assert isinstance(cert, SSHCertificate)
    assert cert.serial == 2**64 - 1
    assert cert.type is SSHCertificateType.HOST
    assert cert.key_id == b"host-42"
    assert cert.valid_principals == [b"example.com", b"www.example.com"]
    assert (cert.valid_after, cert.valid_before) == (1_700_000_000, 1_800_000_000)
    assert list(cert.critical_options.items()) == [
        (b"force-command", b"/bin/true"),
        (b"source-address", b"10.0.0.0/8"),
    ]
    assert list(cert.extensions.items()) == [
        (b"custom@example.com", b"value"),
        (b"permit-X11-forwarding", b""),
        (b"permit-pty", b""),
    ]
    assert len(cert.nonce) == 32
    assert cert.public_key() == subject
    assert cert.signature_key() == ca.public_key()
    cert.verify_cert_signature()

    # The reference reads the same fields and accepts the signature.
    line = cert.public_bytes()
    assert line.startswith(subject.public_bytes(*_OPENSSH).split()[0] + b"-cert-v01@openssh.com ")
    ref_cert = ref_ser.load_ssh_public_identity(line)
    ref_cert.verify_cert_signature()
    assert ref_cert.nonce == cert.nonce
    assert ref_cert.critical_options == cert.critical_options
    assert ref_cert.extensions == cert.extensions
    assert spki(ref_cert.signature_key(), ref_ser) == spki(ca.public_key())
    assert ref_cert.public_bytes() == line


@pytest.mark.parametrize("ca_kind", CERT_KINDS)
def test_reference_certificates_verify(reference: Reference, ca_kind: str) -> None:
    ref_ssh = reference("hazmat.primitives.serialization.ssh")
    ref_ca = reference_twin(reference, make_key(ca_kind))
    ref_subject = reference_twin(reference, make_key("p256")).public_key()
    ref_cert = _builder(ref_ssh, ref_subject).sign(ref_ca)
    cert = serialization.load_ssh_public_identity(ref_cert.public_bytes())
    assert isinstance(cert, SSHCertificate)
    cert.verify_cert_signature()
    assert cert.nonce == ref_cert.nonce
    assert cert.public_bytes() == ref_cert.public_bytes()


@pytest.mark.parametrize("ca_kind", CERT_KINDS)
def test_wrong_signature_is_invalid(ca_kind: str) -> None:
    """Another key's signature over the same fields, or a changed signature, is refused."""
    subject = make_key("ed25519").public_key()
    cert = _builder(serialization, subject).sign(make_key(ca_kind))
    other = _builder(serialization, subject).sign(_same_type_key(ca_kind))
    cert._signature = other._signature
    with pytest.raises(InvalidSignature):
        cert.verify_cert_signature()
    damaged = bytearray(other._signature)
    damaged[len(damaged) // 2] ^= 0x01
    other._signature = memoryview(bytes(damaged))
    with pytest.raises((InvalidSignature, ValueError)):
        other.verify_cert_signature()


def _same_type_key(kind: str) -> Any:
    """A new key of the same type and size as ``make_key(kind)``."""
    from oxicrypt.hazmat.primitives.asymmetric import ed25519, rsa

    if kind == "ed25519":
        return ed25519.Ed25519PrivateKey.generate()
    if kind == "rsa":
        return rsa.generate_private_key(65537, 2048)
    curve = {"p256": ec.SECP256R1(), "p384": ec.SECP384R1(), "p521": ec.SECP521R1()}[kind]
    return ec.generate_private_key(curve)


def test_valid_for_all_principals_and_defaults() -> None:
    key = make_key("ed25519")
    cert = (
        SSHCertificateBuilder()
        .public_key(key.public_key())
        .type(SSHCertificateType.USER)
        .valid_for_all_principals()
        .valid_after(0)
        .valid_before(2**64 - 1)
        .sign(key)
    )
    assert cert.valid_principals == []
    assert cert.serial == 0
    assert cert.key_id == b""
    assert cert.critical_options == {} and cert.extensions == {}
    assert cert.type is SSHCertificateType.USER
    cert.verify_cert_signature()


def test_builder_is_immutable() -> None:
    base = SSHCertificateBuilder()
    with_key = base.public_key(make_key("ed25519").public_key())
    assert base is not with_key
    # Options added to one builder do not appear in another made from the same parent.
    a = with_key.add_extension(b"a", b"")
    b = with_key.add_extension(b"b", b"")
    assert a._extensions == [(b"a", b"")] and b._extensions == [(b"b", b"")]
    assert SSHCertificateBuilder()._critical_options == []


def _calls(ssh: ModuleType, keys: dict[str, Any]) -> dict[str, Callable[[], Any]]:
    B = ssh.SSHCertificateBuilder
    T = ssh.SSHCertificateType
    pub = keys["ed25519"].public_key()
    full = (
        B().public_key(pub).type(T.USER).valid_principals([b"a"]).valid_after(10).valid_before(20)
    )
    return {
        "public_key-x25519": lambda: B().public_key(keys["x25519"].public_key()),
        "public_key-private": lambda: B().public_key(keys["ed25519"]),
        "public_key-twice": lambda: B().public_key(pub).public_key(pub),
        "serial-str": lambda: B().serial("1"),
        "serial-negative": lambda: B().serial(-1),
        "serial-big": lambda: B().serial(2**64),
        "serial-twice": lambda: B().serial(1).serial(2),
        "type-int": lambda: B().type(1),
        "type-twice": lambda: B().type(T.USER).type(T.HOST),
        "key_id-str": lambda: B().key_id("x"),
        "key_id-twice": lambda: B().key_id(b"x").key_id(b"y"),
        "principals-empty": lambda: B().valid_principals([]),
        "principals-str": lambda: B().valid_principals(["a"]),
        "principals-twice": lambda: B().valid_principals([b"a"]).valid_principals([b"b"]),
        "principals-after-all": lambda: B().valid_for_all_principals().valid_principals([b"a"]),
        "principals-too-many": lambda: B().valid_principals([b"p"] * 257),
        "principals-256": lambda: B().valid_principals([b"p"] * 256),
        "all-after-principals": lambda: B().valid_principals([b"a"]).valid_for_all_principals(),
        "all-twice": lambda: B().valid_for_all_principals().valid_for_all_principals(),
        "before-str": lambda: B().valid_before("1"),
        "before-negative": lambda: B().valid_before(-1),
        "before-big": lambda: B().valid_before(2**64),
        "before-twice": lambda: B().valid_before(1).valid_before(2),
        "after-str": lambda: B().valid_after("1"),
        "after-negative": lambda: B().valid_after(-0.5 - 1),
        "after-big": lambda: B().valid_after(float(2**64)),
        "after-twice": lambda: B().valid_after(1).valid_after(2),
        "option-str": lambda: B().add_critical_option("a", b""),
        "option-value-str": lambda: B().add_critical_option(b"a", ""),
        "option-duplicate": lambda: (
            B().add_critical_option(b"a", b"").add_critical_option(b"a", b"x")
        ),
        "extension-str": lambda: B().add_extension(b"a", 1),
        "extension-duplicate": lambda: B().add_extension(b"a", b"").add_extension(b"a", b""),
        "sign-ok": lambda: full.sign(keys["ed25519"]).serial,
        "sign-x25519": lambda: full.sign(keys["x25519"]),
        "sign-public": lambda: full.sign(pub),
        "sign-no-key": lambda: B().type(T.USER).sign(keys["ed25519"]),
        "sign-no-type": lambda: B().public_key(pub).sign(keys["ed25519"]),
        "sign-no-principals": lambda: (
            B().public_key(pub).type(T.USER).valid_after(1).valid_before(2).sign(keys["ed25519"])
        ),
        "sign-no-before": lambda: (
            B()
            .public_key(pub)
            .type(T.USER)
            .valid_for_all_principals()
            .valid_after(1)
            .sign(keys["ed25519"])
        ),
        "sign-no-after": lambda: (
            B()
            .public_key(pub)
            .type(T.USER)
            .valid_for_all_principals()
            .valid_before(1)
            .sign(keys["ed25519"])
        ),
        "sign-after-later": lambda: (
            B()
            .public_key(pub)
            .type(T.USER)
            .valid_for_all_principals()
            .valid_after(3)
            .valid_before(2)
            .sign(keys["ed25519"])
        ),
        "sign-p224-ca": lambda: full.sign(keys["p224"]),
        "sign-p224-subject": lambda: (
            B()
            .public_key(keys["p224"].public_key())
            .type(T.USER)
            .valid_for_all_principals()
            .valid_after(1)
            .valid_before(2)
            .sign(keys["ed25519"])
        ),
        "certificate-type-3": lambda: T(3),
    }


def _keys(ours: bool, reference: Reference) -> dict[str, Any]:
    keys = {"ed25519": make_key("ed25519"), "p224": make_key("p224")}
    if ours:
        keys["x25519"] = x25519.X25519PrivateKey.generate()
        return keys
    ref_keys = {k: reference_twin(reference, v) for k, v in keys.items()}
    ref_keys["x25519"] = reference(
        "hazmat.primitives.asymmetric.x25519"
    ).X25519PrivateKey.generate()
    return ref_keys


_CALL_NAMES = sorted(
    _calls(serialization, {"ed25519": make_key("ed25519"), "x25519": None, "p224": None})
)


@pytest.mark.parametrize("name", _CALL_NAMES)
def test_builder_checks_match_reference(reference: Reference, name: str) -> None:
    ref_ssh = reference("hazmat.primitives.serialization.ssh")
    ours = run(_calls(serialization, _keys(True, reference))[name])
    ref = run(_calls(ref_ssh, _keys(False, reference))[name])
    if ref.error is not None:
        assert_same_failure(ours, ref)
    else:
        assert ours.error is None, ours
        assert type(ours.value).__name__ == type(ref.value).__name__
        if isinstance(ref.value, int):
            assert ours.value == ref.value
