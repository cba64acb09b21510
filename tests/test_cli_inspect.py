"""``oxicrypt inspect``: readable descriptions of certificates, CSRs, CRLs and keys."""

from __future__ import annotations

import datetime
import io
import json
import sys
from pathlib import Path

import pytest

from oxicrypt import _inspect
from oxicrypt._cli import main
from oxicrypt.hazmat.primitives import serialization
from oxicrypt.hazmat.primitives.asymmetric import ec
from tests.vectors import VECTORS_ROOT

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "x509"
LEAF = SAMPLES / "example.com.pem"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_certificate_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "inspect", str(LEAF))
    assert status == 0 and err == ""
    assert f"{LEAF}: certificate\n" in out
    assert "Subject:             CN=example.com,O=Example Shop,C=NL" in out
    assert "Issuer:              CN=Oxicrypt Example Root CA,O=Oxicrypt Example,C=NL" in out
    assert "Serial:              0x5eed01 (6221057)" in out
    assert "Public key:          EC secp256r1 (256 bits)" in out
    assert "subjectAltName: DNS:example.com, DNS:www.example.com, IP:192.0.2.10" in out
    assert "keyUsage (critical): digital_signature" in out
    assert "extendedKeyUsage: serverAuth, clientAuth" in out
    assert "SHA-256 fingerprint: 73:25:5D:08" in out


def test_bundle_numbers_each_certificate(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "inspect", str(SAMPLES / "example.com-chain.pem"))
    assert status == 0
    assert "certificate 1 of 2" in out and "certificate 2 of 2" in out
    assert "Self-issued:         yes" in out
    assert "basicConstraints (critical): CA, path length 0" in out


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "inspect", "--json", str(LEAF), str(SAMPLES / "example.com.csr"))
    assert status == 0
    reports = json.loads(out)
    assert [r["file"] for r in reports] == [str(LEAF), str(SAMPLES / "example.com.csr")]
    cert = reports[0]["objects"][0]
    assert cert["kind"] == "certificate"
    assert cert["serial"] == "0x5eed01 (6221057)"
    assert cert["valid_until"] == "2029-02-23 15:23:13 UTC"
    san = next(e for e in cert["extensions"] if e["oid"] == "2.5.29.17")
    assert san == {
        "oid": "2.5.29.17",
        "name": "subjectAltName",
        "critical": False,
        "value": ["DNS:example.com", "DNS:www.example.com", "IP:192.0.2.10"],
    }
    csr = reports[1]["objects"][0]
    assert csr["kind"] == "certificate signing request"
    assert csr["signature_valid"] is True


def test_stdin_and_der(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from oxicrypt import x509

    der = x509.load_pem_x509_certificate(LEAF.read_bytes()).public_bytes(
        serialization.Encoding.DER
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(der)))
    status, out, _ = run(capsys, "inspect", "-")
    assert status == 0
    assert out.startswith("<stdin>: certificate\n")


def test_crl(capsys: pytest.CaptureFixture[str]) -> None:
    path = VECTORS_ROOT / "x509" / "custom" / "crl_all_reasons.pem"
    status, out, _ = run(capsys, "inspect", str(path))
    assert status == 0
    assert ": CRL" in out and "Revoked:" in out and "Last update:" in out


def test_private_key_shows_no_secret(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    key = ec.generate_private_key(ec.SECP384R1())
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path = tmp_path / "key.pem"
    path.write_bytes(pem)
    status, out, _ = run(capsys, "inspect", str(path))
    assert status == 0
    assert "private key" in out and "EC secp384r1 (384 bits)" in out
    secret = f"{key.private_numbers().private_value:x}"
    assert secret not in out.lower()


def test_bad_files_one_line_each(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x30\x03\x02\x01")
    truncated = tmp_path / "cut.pem"
    truncated.write_text(LEAF.read_text()[:300])
    status, out, err = run(
        capsys, "inspect", str(junk), str(tmp_path / "missing.pem"), str(truncated), str(LEAF)
    )
    assert status == 1
    lines = err.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"oxicrypt inspect: {junk}: ")
    assert lines[1] == f"oxicrypt inspect: {tmp_path / 'missing.pem'}: No such file or directory"
    assert lines[2].startswith(f"oxicrypt inspect: {truncated}: ")
    assert f"{LEAF}: certificate" in out  # the good file is still described


@pytest.mark.parametrize(
    ("days_from_start", "expected"),
    [
        (-3, "not valid yet: starts in 3 days"),
        (10, "valid, 2 years left"),
        (900, "EXPIRED 2 months ago"),
    ],
)
def test_validity_status(days_from_start: int, expected: str) -> None:
    start = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    end = start + datetime.timedelta(days=825)
    now = start + datetime.timedelta(days=days_from_start)
    assert _inspect.validity_status(start, end, now) == expected
