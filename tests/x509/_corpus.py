"""The X.509 corpus of ``cryptography_vectors``: the files under ``x509/`` that the
certificate, CSR and CRL loaders are tried on, and the DER blocks of its PEM files."""

from __future__ import annotations

import base64
import re
from pathlib import Path

from tests.vectors import VECTORS_ROOT

X509_ROOT = VECTORS_ROOT / "x509"

KINDS = ("certificate", "csr", "crl")

# PEM labels each loader reads (RFC 7468 and the older names OpenSSL still accepts).
PEM_LABELS: dict[str, tuple[bytes, ...]] = {
    "certificate": (b"CERTIFICATE", b"X509 CERTIFICATE"),
    "csr": (b"CERTIFICATE REQUEST", b"NEW CERTIFICATE REQUEST"),
    "crl": (b"X509 CRL",),
}

_PEM_BLOCK = re.compile(rb"-----BEGIN ([A-Z0-9 ]+)-----\r?\n(.*?)-----END \1-----", re.S)


def corpus_files() -> list[str]:
    """Every file under ``x509/`` (paths relative to it), except ``ocsp/``: OCSP
    requests and responses are no certificates, CSRs or CRLs and have loaders of their
    own. The rest is offered to every loader: the PKCS#12, S/MIME and certificate-pair
    files of PKITS must be refused like any other non-certificate."""
    return sorted(
        p.relative_to(X509_ROOT).as_posix()
        for p in X509_ROOT.rglob("*")
        if p.is_file() and p.relative_to(X509_ROOT).parts[0] != "ocsp"
    )


def path(name: str) -> Path:
    return X509_ROOT / name


def read(name: str) -> bytes:
    return (X509_ROOT / name).read_bytes()


def is_pem(data: bytes) -> bool:
    return b"-----BEGIN " in data


def pem_blocks(data: bytes) -> list[tuple[str, bytes]]:
    """The (kind, DER) of each certificate, CSR and CRL block of a PEM file, in order;
    blocks of other labels (private keys) are skipped. Header lines (``Proc-Type: ...``)
    are dropped, as RFC 1421 headers carry no base64."""
    out = []
    for match in _PEM_BLOCK.finditer(data):
        label = match.group(1)
        for kind, labels in PEM_LABELS.items():
            if label in labels:
                lines = [line for line in match.group(2).splitlines() if b":" not in line]
                out.append((kind, base64.b64decode(b"".join(lines))))
    return out
