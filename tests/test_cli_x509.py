"""``oxicrypt csr``, ``selfsign`` and ``sign``: requests and certificates, checked with
oxicrypt and with the system's ``openssl`` command (which validates the chains)."""

from __future__ import annotations

import datetime
import getpass
import io
import ipaddress
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from oxicrypt import x509
from oxicrypt._cli import main
from oxicrypt.hazmat.backends import default_backend
from oxicrypt.hazmat.primitives import hashes, serialization
from oxicrypt.hazmat.primitives.asymmetric import ec, ed25519, rsa, x25519
from oxicrypt.x509.oid import ExtendedKeyUsageOID, ExtensionOID, NameOID

OPENSSL = shutil.which("openssl")
needs_openssl = pytest.mark.skipif(OPENSSL is None, reason="no openssl command")

# keygen arguments per key type; RSA at 2048 bits to keep the tests quick.
KEY_TYPES = {
    "rsa": ["-t", "rsa", "--bits", "2048"],
    "p256": ["-t", "ec"],
    "p384": ["-t", "ec", "--curve", "P-384"],
    "ed25519": ["-t", "ed25519"],
    "ed448": ["-t", "ed448"],
}
# Not in KEY_TYPES: the system OpenSSL 3.0 that checks the chains lacks ML-DSA.
MLDSA_TYPES = {name: ["-t", name] for name in ("ml-dsa-44", "ml-dsa-65", "ml-dsa-87")}
needs_mldsa = pytest.mark.skipif(
    not default_backend().mldsa_supported(), reason="OpenSSL without ML-DSA"
)


def cli(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def ok(capsys: pytest.CaptureFixture[str], *argv: object) -> str:
    status, out, err = cli(capsys, *argv)
    assert (status, err) == (0, ""), err
    return out


def refused(capsys: pytest.CaptureFixture[str], *argv: object) -> str:
    """The error line of a command that must fail with status 1 and print nothing else."""
    status, out, err = cli(capsys, *argv)
    assert (status, out) == (1, ""), (status, out, err)
    assert err.endswith("\n") and err.count("\n") == 1, err
    return err.rstrip("\n")


def keygen(capsys: pytest.CaptureFixture[str], path: Path, *argv: str) -> Path:
    ok(capsys, "keygen", *argv, "-o", path)
    return path


def cert(path: Path) -> x509.Certificate:
    return x509.load_pem_x509_certificate(path.read_bytes())


def ext(
    certificate: x509.Certificate, oid: x509.ObjectIdentifier
) -> x509.Extension[x509.ExtensionType]:
    return certificate.extensions.get_extension_for_oid(oid)


def openssl(*argv: object) -> str:
    assert OPENSSL is not None
    done = subprocess.run(
        [OPENSSL, *map(str, argv)], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


class Pki:
    """A root, an intermediate and a server leaf made with the CLI in ``directory``."""

    def __init__(
        self, capsys: pytest.CaptureFixture[str], directory: Path, root: str, inter: str, leaf: str
    ) -> None:
        d = directory
        types = {**KEY_TYPES, **MLDSA_TYPES}
        self.root_key = keygen(capsys, d / "root.key", *types[root])
        self.root = d / "root.pem"
        ok(capsys, "selfsign", "--key", self.root_key, "--ca", "-o", self.root,
           "--subject", "CN=Test Root CA,O=Oxicrypt Tests,C=NL")  # fmt: skip
        self.inter_key = keygen(capsys, d / "inter.key", *types[inter])
        ok(capsys, "csr", "--key", self.inter_key, "-o", d / "inter.csr",
           "--subject", "CN=Test Issuing CA,O=Oxicrypt Tests,C=NL")  # fmt: skip
        self.inter = d / "inter.pem"
        ok(capsys, "sign", "--ca-cert", self.root, "--ca-key", self.root_key,
           "--csr", d / "inter.csr", "--profile", "intermediate", "-o", self.inter)  # fmt: skip
        self.leaf_key = keygen(capsys, d / "leaf.key", *types[leaf])
        ok(capsys, "csr", "--key", self.leaf_key, "-o", d / "leaf.csr",
           "--subject", "CN=www.example.com,O=Example",
           "--san", "DNS:www.example.com", "--san", "dns:example.com",
           "--san", "IP:192.0.2.7", "--san", "IP:2001:db8::1")  # fmt: skip
        self.leaf = d / "leaf.pem"
        ok(capsys, "sign", "--ca-cert", self.inter, "--ca-key", self.inter_key,
           "--csr", d / "leaf.csr", "-o", self.leaf)  # fmt: skip


@pytest.fixture
def pki(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Pki:
    return Pki(capsys, tmp_path, "p256", "p256", "p256")


# --- whole chains ---------------------------------------------------------------------


def check_chain(pki: Pki) -> None:
    root, inter, leaf = cert(pki.root), cert(pki.inter), cert(pki.leaf)
    root.verify_directly_issued_by(root)
    inter.verify_directly_issued_by(root)
    leaf.verify_directly_issued_by(inter)

    assert [e.oid for e in root.extensions] == [
        ExtensionOID.BASIC_CONSTRAINTS,
        ExtensionOID.KEY_USAGE,
        ExtensionOID.SUBJECT_KEY_IDENTIFIER,
    ]
    assert ext(root, ExtensionOID.BASIC_CONSTRAINTS) == x509.Extension(
        ExtensionOID.BASIC_CONSTRAINTS, True, x509.BasicConstraints(ca=True, path_length=None)
    )
    ca_usage = x509.KeyUsage(False, False, False, False, False, True, True, False, False)
    assert ext(root, ExtensionOID.KEY_USAGE).value == ca_usage
    assert ext(root, ExtensionOID.KEY_USAGE).critical

    assert [e.oid for e in inter.extensions] == [
        ExtensionOID.BASIC_CONSTRAINTS,
        ExtensionOID.KEY_USAGE,
        ExtensionOID.SUBJECT_KEY_IDENTIFIER,
        ExtensionOID.AUTHORITY_KEY_IDENTIFIER,
    ]
    assert ext(inter, ExtensionOID.BASIC_CONSTRAINTS).value == x509.BasicConstraints(
        ca=True, path_length=0
    )
    assert ext(inter, ExtensionOID.KEY_USAGE).value == ca_usage
    root_ski = ext(root, ExtensionOID.SUBJECT_KEY_IDENTIFIER).value
    assert isinstance(root_ski, x509.SubjectKeyIdentifier)
    assert root_ski == x509.SubjectKeyIdentifier.from_public_key(root.public_key())
    aki = ext(inter, ExtensionOID.AUTHORITY_KEY_IDENTIFIER).value
    assert isinstance(aki, x509.AuthorityKeyIdentifier)
    assert aki.key_identifier == root_ski.digest
    assert inter.issuer == root.subject

    assert [e.oid for e in leaf.extensions] == [
        ExtensionOID.BASIC_CONSTRAINTS,
        ExtensionOID.KEY_USAGE,
        ExtensionOID.EXTENDED_KEY_USAGE,
        ExtensionOID.SUBJECT_KEY_IDENTIFIER,
        ExtensionOID.AUTHORITY_KEY_IDENTIFIER,
        ExtensionOID.SUBJECT_ALTERNATIVE_NAME,
    ]
    assert ext(leaf, ExtensionOID.BASIC_CONSTRAINTS).critical
    assert ext(leaf, ExtensionOID.BASIC_CONSTRAINTS).value == x509.BasicConstraints(
        ca=False, path_length=None
    )
    is_rsa = isinstance(leaf.public_key(), rsa.RSAPublicKey)
    assert ext(leaf, ExtensionOID.KEY_USAGE).critical
    assert ext(leaf, ExtensionOID.KEY_USAGE).value == x509.KeyUsage(
        True, False, is_rsa, False, False, False, False, False, False
    )
    assert ext(leaf, ExtensionOID.EXTENDED_KEY_USAGE).value == x509.ExtendedKeyUsage(
        [ExtendedKeyUsageOID.SERVER_AUTH]
    )
    san = ext(leaf, ExtensionOID.SUBJECT_ALTERNATIVE_NAME)
    assert not san.critical
    assert list(san.value) == [  # type: ignore[call-overload]
        x509.DNSName("www.example.com"),
        x509.DNSName("example.com"),
        x509.IPAddress(ipaddress.ip_address("192.0.2.7")),
        x509.IPAddress(ipaddress.ip_address("2001:db8::1")),
    ]
    assert leaf.subject.rfc4514_string() == "CN=www.example.com,O=Example"
    assert leaf.issuer == inter.subject


@needs_openssl
@pytest.mark.parametrize("key_type", sorted(KEY_TYPES))
def test_chain_verified_by_openssl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key_type: str
) -> None:
    pki = Pki(capsys, tmp_path, key_type, key_type, key_type)
    check_chain(pki)
    assert openssl(
        "verify", "-x509_strict", "-purpose", "sslserver",
        "-CAfile", pki.root, "-untrusted", pki.inter, pki.leaf,
    ) == f"{pki.leaf}: OK\n"  # fmt: skip
    text = openssl("x509", "-noout", "-text", "-in", pki.leaf)
    assert "X509v3 Basic Constraints: critical\n                CA:FALSE" in text
    assert "TLS Web Server Authentication" in text
    assert "DNS:www.example.com, DNS:example.com, IP Address:192.0.2.7" in text
    inter_text = openssl("x509", "-noout", "-text", "-in", pki.inter)
    assert "CA:TRUE, pathlen:0" in inter_text
    assert "Certificate Sign, CRL Sign" in inter_text


@needs_openssl
def test_mixed_chain_verified_by_openssl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pki = Pki(capsys, tmp_path, "p384", "rsa", "ed25519")
    check_chain(pki)
    assert openssl(
        "verify", "-x509_strict", "-CAfile", pki.root, "-untrusted", pki.inter, pki.leaf
    ) == f"{pki.leaf}: OK\n"  # fmt: skip
    # The hash follows the signing key: SHA-384 for the P-384 root, SHA-256 for RSA.
    assert isinstance(cert(pki.inter).signature_hash_algorithm, hashes.SHA384)
    assert isinstance(cert(pki.leaf).signature_hash_algorithm, hashes.SHA256)


@needs_mldsa
def test_mldsa_chain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pki = Pki(capsys, tmp_path, "ml-dsa-87", "ml-dsa-65", "ml-dsa-44")
    check_chain(pki)
    assert cert(pki.leaf).signature_hash_algorithm is None


@needs_openssl
def test_client_profile(tmp_path: Path, capsys: pytest.CaptureFixture[str], pki: Pki) -> None:
    key = keygen(capsys, tmp_path / "alice.key", "-t", "rsa", "--bits", "2048")
    ok(capsys, "csr", "-k", key, "-s", "CN=Alice,O=Example", "--san", "email:alice@example.com",
       "-o", tmp_path / "alice.csr")  # fmt: skip
    out = tmp_path / "alice.pem"
    ok(capsys, "sign", "--ca-cert", pki.inter, "--ca-key", pki.inter_key,
       "--csr", tmp_path / "alice.csr", "--profile", "client", "-o", out)  # fmt: skip
    alice = cert(out)
    assert ext(alice, ExtensionOID.EXTENDED_KEY_USAGE).value == x509.ExtendedKeyUsage(
        [ExtendedKeyUsageOID.CLIENT_AUTH]
    )
    # RSA leaves get keyEncipherment too (TLS 1.2 RSA key exchange).
    assert ext(alice, ExtensionOID.KEY_USAGE).value == x509.KeyUsage(
        True, False, True, False, False, False, False, False, False
    )
    assert list(ext(alice, ExtensionOID.SUBJECT_ALTERNATIVE_NAME).value) == [  # type: ignore[call-overload]
        x509.RFC822Name("alice@example.com")
    ]
    assert openssl(
        "verify", "-purpose", "sslclient", "-CAfile", pki.root, "-untrusted", pki.inter, out
    ) == f"{out}: OK\n"  # fmt: skip


def test_validity_and_serial(pki: Pki) -> None:
    now = datetime.datetime.now(datetime.timezone.utc)
    leaf = cert(pki.leaf)
    backdated = now - datetime.timedelta(hours=1)
    assert abs(leaf.not_valid_before_utc - backdated) < datetime.timedelta(minutes=5)
    assert leaf.not_valid_after_utc - leaf.not_valid_before_utc == datetime.timedelta(
        days=365, hours=1
    )
    inter = cert(pki.inter)
    assert inter.not_valid_after_utc - inter.not_valid_before_utc == datetime.timedelta(
        days=5 * 365, hours=1
    )
    root = cert(pki.root)
    assert root.not_valid_after_utc - root.not_valid_before_utc == datetime.timedelta(
        days=10 * 365, hours=1
    )
    serials = {c.serial_number for c in (root, inter, leaf)}
    assert len(serials) == 3 and all(0 < s < 2**159 for s in serials)


def test_intermediate_path_length(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pki: Pki
) -> None:
    ok(capsys, "sign", "--ca-cert", pki.root, "--ca-key", pki.root_key,
       "--csr", pki.inter.parent / "inter.csr", "-p", "intermediate", "--path-length", "2",
       "--days", "30", "-o", tmp_path / "i2.pem")  # fmt: skip
    i2 = cert(tmp_path / "i2.pem")
    assert ext(i2, ExtensionOID.BASIC_CONSTRAINTS).value == x509.BasicConstraints(True, 2)
    assert i2.not_valid_after_utc - i2.not_valid_before_utc == datetime.timedelta(days=30, hours=1)


# --- csr ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key_argv",
    [
        *KEY_TYPES.values(),
        pytest.param(
            ["-t", "ml-dsa-44"],
            marks=needs_mldsa,
        ),
    ],
)
def test_csr_every_key_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key_argv: list[str]
) -> None:
    key = keygen(capsys, tmp_path / "key.pem", *key_argv)
    out = ok(capsys, "csr", "--key", key, "--subject", "cn=host.example,o=Example,c=NL",
             "--san", "DNS:host.example", "--san", "URI:https://host.example/")  # fmt: skip
    request = x509.load_pem_x509_csr(out.encode())
    assert request.is_signature_valid
    assert request.subject == x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Example"),
            x509.NameAttribute(NameOID.COMMON_NAME, "host.example"),
        ]
    )
    assert list(request.extensions) == [
        x509.Extension(
            ExtensionOID.SUBJECT_ALTERNATIVE_NAME,
            False,
            x509.SubjectAlternativeName(
                [
                    x509.DNSName("host.example"),
                    x509.UniformResourceIdentifier("https://host.example/"),
                ]
            ),
        )
    ]
    private = serialization.load_pem_private_key(key.read_bytes(), None)
    assert request.public_key() == private.public_key()


@needs_openssl
def test_csr_read_by_openssl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = keygen(capsys, tmp_path / "key.pem")
    out = tmp_path / "req.pem"
    ok(capsys, "csr", "-k", key, "-s", "CN=example.com,emailAddress=admin@example.com",
       "--san", "DNS:example.com", "--hash", "sha512", "-o", out)  # fmt: skip
    text = openssl("req", "-in", out, "-noout", "-verify", "-text")
    assert "ecdsa-with-SHA512" in text
    assert "Subject: emailAddress = admin@example.com, CN = example.com" in text
    assert "DNS:example.com" in text
    if sys.platform != "win32":
        assert oct(out.stat().st_mode & 0o777) == oct(0o644 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_csr_with_encrypted_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OXI_PASS", "hunter2")
    key = keygen(capsys, tmp_path / "key.pem", "--passphrase-env", "OXI_PASS")
    out = ok(capsys, "csr", "-k", key, "-s", "CN=a.example", "--passphrase-env", "OXI_PASS")
    assert x509.load_pem_x509_csr(out.encode()).is_signature_valid

    assert refused(capsys, "csr", "-k", key, "-s", "CN=a.example") == (
        f"oxicrypt csr: {key}: the key is encrypted; give its passphrase with "
        "--passphrase-file, --passphrase-env or --ask-passphrase"
    )
    monkeypatch.setenv("OXI_PASS", "hunter3")
    assert refused(
        capsys, "csr", "-k", key, "-s", "CN=a.example", "--passphrase-env", "OXI_PASS"
    ) == (f"oxicrypt csr: {key}: wrong passphrase")


def test_csr_passphrase_for_plain_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OXI_PASS", "hunter2")
    key = keygen(capsys, tmp_path / "key.pem")
    assert refused(capsys, "csr", "-k", key, "-s", "CN=a", "--passphrase-env", "OXI_PASS") == (
        f"oxicrypt csr: {key}: the key is not encrypted; leave out the passphrase option"
    )


def test_csr_der_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    der = tmp_path / "key.der"
    der.write_bytes(
        ed25519.Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    out = ok(capsys, "csr", "-k", der, "-s", "CN=a")
    assert x509.load_pem_x509_csr(out.encode()).is_signature_valid


@pytest.mark.parametrize(
    ("subject", "message"),
    [
        (
            "CN=a,,O=b",
            "--subject 'CN=a,,O=b': invalid RFC 4514 name: expected an attribute type at offset 5",
        ),
        (
            "CN=a, O=b",
            "--subject 'CN=a, O=b': invalid RFC 4514 name: expected an attribute type at "
            "offset 5 (no spaces after the commas)",
        ),
        (
            "/C=NL/CN=example.com",
            "--subject '/C=NL/CN=example.com': write it as RFC 4514, most specific first, "
            "e.g. 'CN=example.com,O=Example,C=NL' (not OpenSSL's '/C=NL/O=Example/CN=...')",
        ),
        (
            "XY=1",
            "--subject 'XY=1': invalid RFC 4514 name: unknown attribute type 'XY' at offset 2",
        ),
        (
            "C=NLD",
            "--subject 'C=NLD': Attribute's length must be >= 2 and <= 2, but it was 3",
        ),
        ("", "--subject must name at least one attribute, e.g. 'CN=example.com'"),
    ],
)
def test_bad_subject(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], subject: str, message: str
) -> None:
    key = keygen(capsys, tmp_path / "key.pem", "-t", "ed25519")
    assert refused(capsys, "csr", "-k", key, "-s", subject) == f"oxicrypt csr: {message}"


@pytest.mark.parametrize(
    ("san", "message"),
    [
        ("example.com", "expected TYPE:VALUE with TYPE DNS, IP, email or URI"),
        ("DNS:", "expected TYPE:VALUE with TYPE DNS, IP, email or URI"),
        ("DNS:exa mple.com", "not a host name"),
        ("DNS:example.com.", "not a host name"),
        ("DNS:192.0.2.1", "an address goes in IP:192.0.2.1"),
        ("DNS:bücher.example", "write international names as A-labels (xn--...)"),
        ("IP:192.0.2.300", "not an IPv4 or IPv6 address"),
        ("email:nobody", "not an e-mail address"),
        ("URI:/relative", "not an absolute URI"),
        ("otherName:x", "unknown type 'OTHERNAME'; use DNS, IP, email or URI"),
    ],
)
def test_bad_san(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], san: str, message: str
) -> None:
    key = keygen(capsys, tmp_path / "key.pem", "-t", "ed25519")
    out = tmp_path / "req.pem"
    assert refused(capsys, "csr", "-k", key, "-s", "CN=a", "--san", san, "-o", out) == (
        f"oxicrypt csr: --san {san!r}: {message}"
    )
    assert not out.exists()


def test_key_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], pki: Pki) -> None:
    missing = tmp_path / "missing.pem"
    assert refused(capsys, "csr", "-k", missing, "-s", "CN=a") == (
        f"oxicrypt csr: {missing}: No such file or directory"
    )
    assert refused(capsys, "csr", "-k", pki.leaf, "-s", "CN=a").startswith(
        f"oxicrypt csr: {pki.leaf}: not a private key ("
    )
    exchange_only = tmp_path / "x25519.pem"
    exchange_only.write_bytes(
        x25519.X25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    assert refused(capsys, "csr", "-k", exchange_only, "-s", "CN=a") == (
        f"oxicrypt csr: {exchange_only}: this key type cannot sign; "
        "use an rsa, ec, ed25519, ed448 or ml-dsa key"
    )


def test_hash_for_eddsa_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = keygen(capsys, tmp_path / "key.pem", "-t", "ed25519")
    assert refused(capsys, "csr", "-k", key, "-s", "CN=a", "--hash", "sha256") == (
        "oxicrypt csr: --hash does not apply to ed25519 keys, which hash internally"
    )


def test_outputs_refuse_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pki: Pki
) -> None:
    out = tmp_path / "taken.pem"
    out.write_bytes(b"keep me")
    for argv in (
        ["csr", "-k", pki.leaf_key, "-s", "CN=a"],
        ["selfsign", "-k", pki.leaf_key, "-s", "CN=a.example"],
        ["sign", "--ca-cert", pki.inter, "--ca-key", pki.inter_key, "--csr",
         pki.leaf.parent / "leaf.csr"],
    ):  # fmt: skip
        assert refused(capsys, *argv, "-o", out) == (
            f"oxicrypt {argv[0]}: {out} exists; use --force to replace it"
        )
        assert out.read_bytes() == b"keep me"
        ok(capsys, *argv, "-o", out, "--force")
        assert out.read_bytes().startswith(b"-----BEGIN ")
        out.write_bytes(b"keep me")
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".tmp")]


def test_output_must_not_be_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pki: Pki
) -> None:
    key_content = pki.leaf_key.read_bytes()
    assert refused(capsys, "csr", "-k", pki.leaf_key, "-s", "CN=a", "-o", pki.leaf_key, "-f") == (
        f"oxicrypt csr: {pki.leaf_key} is also an input of the command; write to another file"
    )
    assert pki.leaf_key.read_bytes() == key_content
    csr = pki.leaf.parent / "leaf.csr"
    assert refused(capsys, "sign", "--ca-cert", pki.inter, "--ca-key", pki.inter_key,
                   "--csr", csr, "-o", csr, "--force") == (
        f"oxicrypt sign: {csr} is also an input of the command; write to another file"
    )  # fmt: skip


def _feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_one_input_from_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "pass"
    secret.write_text("hunter2\n")
    key = keygen(capsys, tmp_path / "key.pem", "--passphrase-file", str(secret))
    _feed_stdin(monkeypatch, key.read_bytes())
    out = tmp_path / "req.pem"
    ok(capsys, "csr", "-k", "-", "--passphrase-file", secret, "-s", "CN=a.example", "-o", out)
    assert x509.load_pem_x509_csr(out.read_bytes()).is_signature_valid


def test_two_inputs_from_stdin_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, pki: Pki
) -> None:
    # Reading the passphrase would consume all of standard input, and the key read next
    # would fail with a misleading "not a private key".
    secret = tmp_path / "pass"
    secret.write_text("hunter2\n")
    key = keygen(capsys, tmp_path / "key.pem", "--passphrase-file", str(secret))
    _feed_stdin(monkeypatch, b"hunter2\n" + key.read_bytes())
    out = tmp_path / "out.pem"
    for command in ("csr", "selfsign"):
        assert refused(capsys, command, "-k", "-", "--passphrase-file", "-",
                       "-s", "CN=a.example", "-o", out) == (
            f"oxicrypt {command}: --key and --passphrase-file both read standard input "
            "('-'); only one of them can"
        )  # fmt: skip
    assert refused(capsys, "sign", "--ca-cert", "-", "--ca-key", "-", "--csr", "-",
                   "-o", out) == (
        "oxicrypt sign: --ca-cert, --ca-key and --csr all read standard input ('-'); "
        "only one of them can"
    )  # fmt: skip
    assert refused(capsys, "sign", "--ca-cert", pki.inter, "--ca-key", "-",
                   "--csr", "-", "-o", out) == (
        "oxicrypt sign: --ca-key and --csr both read standard input ('-'); only one of them can"
    )  # fmt: skip
    assert not out.exists()
    assert sys.stdin.buffer.read() == b"hunter2\n" + key.read_bytes()  # nothing consumed


def test_output_directory_checked_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, pki: Pki
) -> None:
    def no_prompt(prompt: str = "") -> str:
        raise AssertionError("asked for a passphrase before checking the output")

    monkeypatch.setattr(getpass, "getpass", no_prompt)
    directory = tmp_path / "certs"
    directory.mkdir()
    missing = tmp_path / "missing"
    for argv in (
        ["csr", "-k", pki.leaf_key, "-s", "CN=a"],
        ["selfsign", "-k", pki.leaf_key, "-s", "CN=a.example"],
        ["sign", "--ca-cert", pki.inter, "--ca-key", pki.inter_key, "--csr",
         pki.leaf.parent / "leaf.csr"],
    ):  # fmt: skip
        command = argv[0]
        for force in ([], ["--force"]):
            assert refused(capsys, *argv, "--ask-passphrase", "-o", directory, *force) == (
                f"oxicrypt {command}: {directory} is a directory; give a file name"
            )
        assert refused(capsys, *argv, "--ask-passphrase", "-o", missing / "out.pem") == (
            f"oxicrypt {command}: {missing / 'out.pem'}: directory {missing} does not exist"
        )
    assert os.listdir(directory) == []
    assert not missing.exists()


# --- selfsign -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cn", "expected"),
    [
        ("www.example.com", x509.DNSName("www.example.com")),
        ("*.example.com", x509.DNSName("*.example.com")),
        ("192.0.2.1", x509.IPAddress(ipaddress.ip_address("192.0.2.1"))),
    ],
)
def test_selfsign_leaf_san_from_cn(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cn: str, expected: x509.GeneralName
) -> None:
    key = keygen(capsys, tmp_path / "key.pem")
    leaf = x509.load_pem_x509_certificate(
        ok(capsys, "selfsign", "-k", key, "-s", f"CN={cn}").encode()
    )
    leaf.verify_directly_issued_by(leaf)
    assert list(ext(leaf, ExtensionOID.SUBJECT_ALTERNATIVE_NAME).value) == [expected]  # type: ignore[call-overload]
    assert ext(leaf, ExtensionOID.BASIC_CONSTRAINTS).value == x509.BasicConstraints(False, None)
    assert ExtensionOID.AUTHORITY_KEY_IDENTIFIER not in [e.oid for e in leaf.extensions]


def test_selfsign_leaf_needs_a_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = keygen(capsys, tmp_path / "key.pem")
    assert refused(capsys, "selfsign", "-k", key, "-s", "CN=My Server,O=Example") == (
        "oxicrypt selfsign: the certificate has no subject alternative name and its CN is "
        "not a host name; TLS clients only look at the SANs: give --san DNS:NAME"
    )
    out = ok(capsys, "selfsign", "-k", key, "-s", "CN=My Server", "--san", "DNS:srv.example")
    leaf = x509.load_pem_x509_certificate(out.encode())
    assert list(ext(leaf, ExtensionOID.SUBJECT_ALTERNATIVE_NAME).value) == [  # type: ignore[call-overload]
        x509.DNSName("srv.example")
    ]


def test_selfsign_ca_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = keygen(capsys, tmp_path / "key.pem", "-t", "ed448")
    out = ok(capsys, "selfsign", "-k", key, "-s", "CN=Root", "--ca", "--path-length", "1",
             "--days", "7")  # fmt: skip
    root = x509.load_pem_x509_certificate(out.encode())
    assert ext(root, ExtensionOID.BASIC_CONSTRAINTS).value == x509.BasicConstraints(True, 1)
    assert root.not_valid_after_utc - root.not_valid_before_utc == datetime.timedelta(
        days=7, hours=1
    )
    assert refused(capsys, "selfsign", "-k", key, "-s", "CN=x.example", "--path-length", "1") == (
        "oxicrypt selfsign: --path-length applies to CA certificates (--ca) only"
    )


@pytest.mark.parametrize("days", ["0", "-5", "soon", "100001", "1000000000000"])
def test_bad_days_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], days: str
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["selfsign", "-k", "k.pem", "-s", "CN=a", "--days", days])
    assert exc.value.code == 2
    assert "argument --days" in capsys.readouterr().err


# --- sign: refusals -------------------------------------------------------------------


def _python_ca(
    tmp_path: Path,
    *,
    extensions: list[tuple[x509.ExtensionType, bool]],
    not_after: datetime.datetime | None = None,
) -> tuple[Path, Path]:
    """A CA certificate made with the Python API, for shapes the CLI refuses to make."""
    key = ec.generate_private_key(ec.SECP256R1())  # type: ignore[no-untyped-call]
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Odd CA")])
    now = datetime.datetime.now(datetime.timezone.utc)
    not_after = not_after or now + datetime.timedelta(days=30)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(min(now, not_after) - datetime.timedelta(days=30))
        .not_valid_after(not_after)
    )
    for value, critical in extensions:
        builder = builder.add_extension(value, critical)
    cert_path, key_path = tmp_path / "odd-ca.pem", tmp_path / "odd-ca.key"
    cert_path.write_bytes(
        builder.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM)
    )
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def sign_refusal(
    capsys: pytest.CaptureFixture[str], ca_cert: Path, ca_key: Path, csr: Path, *extra: object
) -> str:
    return refused(capsys, "sign", "--ca-cert", ca_cert, "--ca-key", ca_key, "--csr", csr, *extra)


def test_sign_refuses_non_ca(tmp_path: Path, capsys: pytest.CaptureFixture[str], pki: Pki) -> None:
    csr = pki.leaf.parent / "leaf.csr"
    out = tmp_path / "out.pem"
    assert sign_refusal(capsys, pki.leaf, pki.leaf_key, csr, "-o", out) == (
        f"oxicrypt sign: {pki.leaf}: not a CA certificate (basicConstraints says CA:FALSE)"
    )
    bare_cert, bare_key = _python_ca(tmp_path, extensions=[])
    assert sign_refusal(capsys, bare_cert, bare_key, csr, "-o", out) == (
        f"oxicrypt sign: {bare_cert}: not a CA certificate (it has no basicConstraints)"
    )
    assert not out.exists()


def test_sign_refuses_ca_without_key_cert_sign(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pki: Pki
) -> None:
    usage = x509.KeyUsage(True, False, False, False, False, False, True, False, False)
    ca_cert, ca_key = _python_ca(
        tmp_path, extensions=[(x509.BasicConstraints(True, None), True), (usage, True)]
    )
    assert sign_refusal(capsys, ca_cert, ca_key, pki.leaf.parent / "leaf.csr") == (
        f"oxicrypt sign: {ca_cert}: its keyUsage does not allow signing certificates"
    )


def test_sign_refuses_mismatched_key(capsys: pytest.CaptureFixture[str], pki: Pki) -> None:
    assert sign_refusal(capsys, pki.root, pki.inter_key, pki.leaf.parent / "leaf.csr") == (
        f"oxicrypt sign: --ca-key does not belong to {pki.root}: their public keys differ"
    )


def test_sign_refuses_bad_request_signature(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pki: Pki
) -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    request = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "evil.example")]))
        .sign(key, None)
    )
    der = bytearray(request.public_bytes(serialization.Encoding.DER))
    der[-1] ^= 1  # the last byte of the Ed25519 signature
    bad = tmp_path / "bad.csr"
    bad.write_bytes(bytes(der))
    assert x509.load_der_x509_csr(bytes(der)).is_signature_valid is False
    assert sign_refusal(capsys, pki.inter, pki.inter_key, bad) == (
        f"oxicrypt sign: {bad}: the request's signature does not verify (altered or damaged)"
    )


def test_sign_refuses_non_request(capsys: pytest.CaptureFixture[str], pki: Pki) -> None:
    assert sign_refusal(capsys, pki.inter, pki.inter_key, pki.leaf).startswith(
        f"oxicrypt sign: {pki.leaf}: not a certificate signing request ("
    )
    assert sign_refusal(capsys, pki.inter_key, pki.inter_key, pki.leaf).startswith(
        f"oxicrypt sign: {pki.inter_key}: not a certificate ("
    )


def test_sign_refuses_to_outlive_the_ca(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pki: Pki
) -> None:
    # Ten and a half days left: 10 whole days whatever the seconds the test takes.
    end = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=10, hours=12)
    ca_cert, ca_key = _python_ca(
        tmp_path, extensions=[(x509.BasicConstraints(True, None), True)], not_after=end
    )
    assert sign_refusal(capsys, ca_cert, ca_key, pki.leaf.parent / "leaf.csr") == (
        "oxicrypt sign: a certificate valid for 365 days would outlive its CA certificate "
        f"(valid until {cert(ca_cert).not_valid_after_utc:%Y-%m-%d %H:%M:%S} UTC); "
        "--days 10 at most"
    )
    ok(capsys, "sign", "--ca-cert", ca_cert, "--ca-key", ca_key, "--csr",
       pki.leaf.parent / "leaf.csr", "--days", "10")  # fmt: skip


def test_sign_refuses_expired_ca(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pki: Pki
) -> None:
    past = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
    ca_cert, ca_key = _python_ca(
        tmp_path, extensions=[(x509.BasicConstraints(True, None), True)], not_after=past
    )
    assert sign_refusal(capsys, ca_cert, ca_key, pki.leaf.parent / "leaf.csr") == (
        f"oxicrypt sign: {ca_cert}: the CA certificate expired on 2020-01-01 00:00:00 UTC"
    )


def test_sign_path_length_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pki: Pki
) -> None:
    inter_csr = pki.inter.parent / "inter.csr"
    # The intermediate has pathlen 0: no CA below it.
    assert sign_refusal(capsys, pki.inter, pki.inter_key, inter_csr, "-p", "intermediate") == (
        f"oxicrypt sign: {pki.inter}: its path length constraint is 0, so it may issue "
        "leaf certificates only"
    )
    ca_cert, ca_key = _python_ca(tmp_path, extensions=[(x509.BasicConstraints(True, 1), True)])
    assert sign_refusal(
        capsys, ca_cert, ca_key, inter_csr, "-p", "intermediate", "--path-length", "1"
    ) == (
        "oxicrypt sign: --path-length must be below the CA's path length constraint 1, "
        "so at most 0"
    )
    assert sign_refusal(capsys, pki.root, pki.root_key, inter_csr, "--path-length", "1") == (
        "oxicrypt sign: --path-length applies to --profile intermediate only"
    )


def test_sign_server_needs_a_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pki: Pki
) -> None:
    key = keygen(capsys, tmp_path / "k.pem", "-t", "ed25519")
    ok(capsys, "csr", "-k", key, "-s", "CN=Web Server", "-o", tmp_path / "nameless.csr")
    assert sign_refusal(capsys, pki.inter, pki.inter_key, tmp_path / "nameless.csr") == (
        f"oxicrypt sign: {tmp_path / 'nameless.csr'} has no subject alternative name and its "
        "CN is not a host name; TLS clients only look at the SANs: give --san DNS:NAME"
    )
    # A host name in the CN becomes the SAN.
    ok(capsys, "csr", "-k", key, "-s", "CN=web.example", "-o", tmp_path / "cn.csr")
    out = ok(capsys, "sign", "--ca-cert", pki.inter, "--ca-key", pki.inter_key,
             "--csr", tmp_path / "cn.csr")  # fmt: skip
    leaf = x509.load_pem_x509_certificate(out.encode())
    assert list(ext(leaf, ExtensionOID.SUBJECT_ALTERNATIVE_NAME).value) == [  # type: ignore[call-overload]
        x509.DNSName("web.example")
    ]


def test_sign_with_encrypted_ca_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "pass"
    secret.write_text("root passphrase\n")
    key = keygen(capsys, tmp_path / "root.key", "--passphrase-file", str(secret))
    ok(capsys, "selfsign", "-k", key, "--passphrase-file", secret, "-s", "CN=Root", "--ca",
       "-o", tmp_path / "root.pem")  # fmt: skip
    leaf_key = keygen(capsys, tmp_path / "leaf.key")
    ok(capsys, "csr", "-k", leaf_key, "-s", "CN=leaf.example", "-o", tmp_path / "leaf.csr")
    args = ["sign", "--ca-cert", tmp_path / "root.pem", "--ca-key", key,
            "--csr", tmp_path / "leaf.csr"]  # fmt: skip
    assert refused(capsys, *args) == (
        f"oxicrypt sign: {key}: the key is encrypted; give its passphrase with "
        "--passphrase-file, --passphrase-env or --ask-passphrase"
    )
    wrong = tmp_path / "wrong"
    wrong.write_text("not it\n")
    assert refused(capsys, *args, "--passphrase-file", wrong) == (
        f"oxicrypt sign: {key}: wrong passphrase"
    )
    out = ok(capsys, *args, "--passphrase-file", secret)
    x509.load_pem_x509_certificate(out.encode()).verify_directly_issued_by(
        cert(tmp_path / "root.pem")
    )


# --- module loading -------------------------------------------------------------------


def test_hash_does_not_load_x509(tmp_path: Path) -> None:
    sample = tmp_path / "f"
    sample.write_bytes(b"x")
    code = (
        "import sys; from oxicrypt._cli import main; "
        f"main(['hash', {str(sample)!r}]); "
        "print(sorted(m for m in sys.modules if m.startswith('oxicrypt.x509')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.splitlines()[-1] == "[]"
