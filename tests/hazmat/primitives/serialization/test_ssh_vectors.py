"""Every file of the vectors' ``asymmetric/OpenSSH`` tree, read by oxicrypt and by the
reference: the same keys and certificate fields, or the same exception."""

from __future__ import annotations

import pytest

from oxicrypt.exceptions import InvalidSignature, InvalidTag, UnsupportedAlgorithm
from oxicrypt.hazmat.primitives import serialization
from oxicrypt.hazmat.primitives.asymmetric import dsa, ec, ed25519
from tests.hazmat.primitives.serialization._ssh import (
    OPENSSH,
    VECTOR_PASSWORD,
    Reference,
    assert_same,
    needs_bcrypt,
    run,
    vector_files,
)

_PUBLIC = vector_files(OPENSSH, ".pub")
_PRIVATE = vector_files(OPENSSH, ".key")
_CERTS = vector_files(OPENSSH / "certs", ".pub")


@pytest.mark.parametrize("name", _PUBLIC)
@pytest.mark.parametrize("loader", ["load_ssh_public_key", "load_ssh_public_identity"])
def test_public_files(reference: Reference, name: str, loader: str) -> None:
    ref_ser = reference("hazmat.primitives.serialization")
    data = (OPENSSH / name).read_bytes()
    ours = run(lambda: getattr(serialization, loader)(data))
    ref = run(lambda: getattr(ref_ser, loader)(data))
    assert_same(ours, ref, ref_ser)


@pytest.mark.parametrize("name", _PRIVATE)
@pytest.mark.parametrize("password", [None, b"", VECTOR_PASSWORD, b"wrong"], ids=repr)
def test_private_files(reference: Reference, name: str, password: bytes | None) -> None:
    if "-psw" in name and password:
        needs_bcrypt()
    ref_ser = reference("hazmat.primitives.serialization")
    data = (OPENSSH / name).read_bytes()
    ours = run(lambda: serialization.load_ssh_private_key(data, password))
    ref = run(lambda: ref_ser.load_ssh_private_key(data, password))
    assert_same(ours, ref, ref_ser)


@pytest.mark.parametrize("name", [n for n in _PRIVATE if not n.startswith("sk-")])
def test_private_file_matches_its_public_file(name: str) -> None:
    password = VECTOR_PASSWORD if "-psw" in name else None
    if password:
        needs_bcrypt()
    with pytest.warns() if name.startswith("dsa") else _nothing():
        key = serialization.load_ssh_private_key((OPENSSH / name).read_bytes(), password)
        public = serialization.load_ssh_public_key((OPENSSH / f"{name}.pub").read_bytes())
    assert key.public_key() == public
    line = (OPENSSH / f"{name}.pub").read_bytes().split()
    with pytest.warns() if name.startswith("dsa") else _nothing():
        ours = public.public_bytes(
            serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
        )
    assert ours == b" ".join(line[:2])


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def test_aes_gcm_key_and_wrong_password() -> None:
    needs_bcrypt()
    data = (OPENSSH / "ed25519-aesgcm-psw.key").read_bytes()
    key = serialization.load_ssh_private_key(data, VECTOR_PASSWORD)
    assert isinstance(key, ed25519.Ed25519PrivateKey)
    with pytest.raises(InvalidTag):
        serialization.load_ssh_private_key(data, b"not the password")


def test_security_key_files() -> None:
    """sk- public keys give the key inside; their private keys cannot be loaded."""
    for name, cls in [
        ("sk-ed25519", ed25519.Ed25519PublicKey),
        ("sk-ecdsa", ec.EllipticCurvePublicKey),
    ]:
        key = serialization.load_ssh_public_key((OPENSSH / f"{name}-nopsw.key.pub").read_bytes())
        assert isinstance(key, cls)
        with pytest.raises(UnsupportedAlgorithm, match="private keys cannot be loaded"):
            serialization.load_ssh_private_key((OPENSSH / f"{name}-nopsw.key").read_bytes(), None)


def test_dsa_files_warn_and_identity_refuses_them() -> None:
    from oxicrypt.utils import CryptographyDeprecationWarning

    with pytest.warns(CryptographyDeprecationWarning, match="SSH DSA keys are deprecated"):
        key = serialization.load_ssh_public_key((OPENSSH / "dsa-nopsw.key.pub").read_bytes())
    assert isinstance(key, dsa.DSAPublicKey)
    with pytest.warns(CryptographyDeprecationWarning):
        private = serialization.load_ssh_private_key(
            (OPENSSH / "dsa-nopsw.key").read_bytes(), None
        )
    assert isinstance(private, dsa.DSAPrivateKey)
    for name in ["dsa-nopsw.key.pub", "dsa-nopsw.key-cert.pub"]:
        with pytest.raises(UnsupportedAlgorithm, match="DSA keys aren't supported"):
            serialization.load_ssh_public_identity((OPENSSH / name).read_bytes())


@pytest.mark.parametrize("name", _CERTS)
@pytest.mark.parametrize("loader", ["load_ssh_public_key", "load_ssh_public_identity"])
def test_certificate_files(reference: Reference, name: str, loader: str) -> None:
    ref_ser = reference("hazmat.primitives.serialization")
    data = (OPENSSH / "certs" / name).read_bytes()
    ours = run(lambda: getattr(serialization, loader)(data))
    ref = run(lambda: getattr(ref_ser, loader)(data))
    assert_same(ours, ref, ref_ser)


_GOOD_CERTS = [
    *[
        f"certs/{n}"
        for n in _CERTS
        if n.startswith(("p256-p", "p256-rsa"))
        and "invalid" not in n
        and "duplicate" not in n
        and "non-lexical" not in n
        and "broken" not in n
    ],
    *[n for n in _PUBLIC if n.endswith("-cert.pub") and not n.startswith("dsa")],
]


@pytest.mark.parametrize("name", _GOOD_CERTS)
def test_certificate_fields_and_signature(reference: Reference, name: str) -> None:
    ref_ser = reference("hazmat.primitives.serialization")
    data = (OPENSSH / name).read_bytes()
    cert = serialization.load_ssh_public_identity(data)
    ref_cert = ref_ser.load_ssh_public_identity(data)
    assert isinstance(cert, serialization.SSHCertificate)
    assert cert.nonce == ref_cert.nonce
    assert cert.serial == ref_cert.serial
    assert cert.type is serialization.SSHCertificateType(ref_cert.type.value)
    assert cert.key_id == ref_cert.key_id
    assert cert.valid_principals == ref_cert.valid_principals
    assert (cert.valid_after, cert.valid_before) == (ref_cert.valid_after, ref_cert.valid_before)
    assert cert.critical_options == ref_cert.critical_options
    assert list(cert.critical_options) == list(ref_cert.critical_options)
    assert cert.extensions == ref_cert.extensions
    assert list(cert.extensions) == list(ref_cert.extensions)
    fmt = (serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
    ref_fmt = (ref_ser.Encoding.OpenSSH, ref_ser.PublicFormat.OpenSSH)
    assert cert.public_key().public_bytes(*fmt) == ref_cert.public_key().public_bytes(*ref_fmt)
    assert cert.signature_key().public_bytes(*fmt) == ref_cert.signature_key().public_bytes(
        *ref_fmt
    )
    assert cert.public_bytes() == ref_cert.public_bytes() == b" ".join(data.split()[:2])
    cert.verify_cert_signature()
    ref_cert.verify_cert_signature()


@pytest.mark.parametrize("name", _GOOD_CERTS)
def test_certificate_with_damaged_signature(reference: Reference, name: str) -> None:
    """A changed signed byte makes the signature check fail, in both."""
    ref_ser = reference("hazmat.primitives.serialization")
    cert = serialization.load_ssh_public_identity((OPENSSH / name).read_bytes())
    assert isinstance(cert, serialization.SSHCertificate)
    # Change the nonce: every certificate has one, it sits in the signed part, and any
    # value parses.
    import base64

    blob = base64.b64decode(cert.public_bytes().split()[1])
    nonce = bytes(cert.nonce)
    assert nonce
    damaged_blob = blob.replace(nonce, nonce[:-1] + bytes([nonce[-1] ^ 1]), 1)
    line = cert.public_bytes().split()[0] + b" " + base64.b64encode(damaged_blob)
    damaged = serialization.load_ssh_public_identity(line)
    assert isinstance(damaged, serialization.SSHCertificate)
    with pytest.raises(InvalidSignature):
        damaged.verify_cert_signature()
    ref_damaged = ref_ser.load_ssh_public_identity(line)
    with pytest.raises(reference("exceptions").InvalidSignature):
        ref_damaged.verify_cert_signature()
