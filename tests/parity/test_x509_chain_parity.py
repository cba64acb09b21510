"""Whole chains built by oxicrypt, judged by OpenSSL's path validation.

For every key type the builders sign with, a root, an intermediate and a leaf are built
with the extensions a real CA would use and handed to OpenSSL's ``X509_verify_cert``
(through the test-only ``_parity.openssl_verify_chain``), which checks every signature,
the CA flags, key usages, key identifiers, path lengths and validity periods. Negative
controls make sure the verdict can fail: a foreign root, an expired chain, an
intermediate that is not a CA, a path length that is exceeded and a corrupted signature.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import pytest

import oxicrypt.x509 as x509
from oxicrypt._rust import _parity
from oxicrypt.hazmat.primitives import hashes, serialization
from oxicrypt.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, mldsa, padding, rsa
from oxicrypt.x509.oid import ExtendedKeyUsageOID, NameOID

DER = serialization.Encoding.DER
NOT_BEFORE = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
NOT_AFTER = datetime.datetime(2035, 1, 1, tzinfo=datetime.timezone.utc)
INSIDE = int(datetime.datetime(2026, 6, 1, tzinfo=datetime.timezone.utc).timestamp())
AFTER = int(datetime.datetime(2036, 1, 1, tzinfo=datetime.timezone.utc).timestamp())


@dataclass(frozen=True)
class Scheme:
    """A key type and the arguments ``sign`` takes for it."""

    name: str
    generate: Any
    algorithm: Any = None
    rsa_padding: Any = None
    ecdsa_deterministic: bool | None = None

    def sign(self, builder: Any, key: Any) -> Any:
        kwargs: dict[str, Any] = {}
        if self.rsa_padding is not None:
            kwargs["rsa_padding"] = self.rsa_padding
        if self.ecdsa_deterministic is not None:
            kwargs["ecdsa_deterministic"] = self.ecdsa_deterministic
        return builder.sign(key, self.algorithm, **kwargs)


def _pss() -> padding.PSS:
    return padding.PSS(padding.MGF1(hashes.SHA256()), padding.PSS.DIGEST_LENGTH)


SCHEMES = [
    Scheme("rsa-pkcs1", lambda: rsa.generate_private_key(65537, 2048), hashes.SHA256()),
    Scheme("rsa-pss", lambda: rsa.generate_private_key(65537, 2048), hashes.SHA256(), _pss()),
    Scheme("ec-p256", lambda: ec.generate_private_key(ec.SECP256R1()), hashes.SHA256()),
    Scheme("ec-p384", lambda: ec.generate_private_key(ec.SECP384R1()), hashes.SHA384()),
    Scheme(
        "ec-p521-deterministic",
        lambda: ec.generate_private_key(ec.SECP521R1()),
        hashes.SHA512(),
        ecdsa_deterministic=True,
    ),
    Scheme("ec-secp256k1", lambda: ec.generate_private_key(ec.SECP256K1()), hashes.SHA256()),
    Scheme(
        "ec-brainpoolP384r1",
        lambda: ec.generate_private_key(ec.BrainpoolP384R1()),
        hashes.SHA384(),
    ),
    Scheme("ed25519", ed25519.Ed25519PrivateKey.generate),
    Scheme("ed448", ed448.Ed448PrivateKey.generate),
    Scheme("dsa", lambda: dsa.generate_private_key(2048), hashes.SHA256()),
    Scheme("ml-dsa-44", mldsa.MLDSA44PrivateKey.generate),
    Scheme("ml-dsa-65", mldsa.MLDSA65PrivateKey.generate),
    Scheme("ml-dsa-87", mldsa.MLDSA87PrivateKey.generate),
]


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "oxicrypt test CA"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _issue(
    scheme: Scheme,
    subject: str,
    key: Any,
    issuer: tuple[Any, Any] | None,
    *,
    ca: bool,
    path_length: int | None = None,
    not_after: datetime.datetime = NOT_AFTER,
) -> Any:
    """A certificate for ``key`` signed by ``issuer`` (certificate, key), or self-signed."""
    public = key.public_key()
    issuer_cert, issuer_key = issuer if issuer is not None else (None, key)
    issuer_public = issuer_key.public_key()
    usage = dict.fromkeys(
        (
            "digital_signature",
            "content_commitment",
            "key_encipherment",
            "data_encipherment",
            "key_agreement",
            "key_cert_sign",
            "crl_sign",
            "encipher_only",
            "decipher_only",
        ),
        False,
    )
    usage.update(key_cert_sign=ca, crl_sign=ca, digital_signature=not ca)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(_name(subject) if issuer_cert is None else issuer_cert.subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOT_BEFORE)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=path_length), critical=True)
        .add_extension(x509.KeyUsage(**usage), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_public), critical=False
        )
    )
    if not ca:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName("leaf.example")]), critical=False
        ).add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
    return scheme.sign(builder, issuer_key)


@dataclass
class Chain:
    root: Any
    intermediate: Any
    leaf: Any
    intermediate_key: Any


def _chain(scheme: Scheme, **intermediate: Any) -> Chain:
    root_key, inter_key, leaf_key = scheme.generate(), scheme.generate(), scheme.generate()
    root = _issue(scheme, "Root", root_key, None, ca=True)
    inter = _issue(
        scheme, "Intermediate", inter_key, (root, root_key), **{"ca": True, **intermediate}
    )
    leaf = _issue(scheme, "leaf.example", leaf_key, (inter, inter_key), ca=False)
    return Chain(root, inter, leaf, inter_key)


def _verify(leaf: Any, untrusted: list[Any], roots: list[Any], at: int = INSIDE) -> str | None:
    return _parity.openssl_verify_chain(
        leaf.public_bytes(DER),
        [c.public_bytes(DER) for c in untrusted],
        [c.public_bytes(DER) for c in roots],
        at,
    )


@pytest.fixture(scope="module", params=SCHEMES, ids=lambda s: s.name)
def chain(request: pytest.FixtureRequest) -> tuple[Scheme, Chain]:
    return request.param, _chain(request.param)


def test_chain_verifies(chain: tuple[Scheme, Chain]) -> None:
    _, c = chain
    assert _verify(c.leaf, [c.intermediate], [c.root]) is None
    # oxicrypt's own link checks agree.
    c.leaf.verify_directly_issued_by(c.intermediate)
    c.intermediate.verify_directly_issued_by(c.root)
    c.root.verify_directly_issued_by(c.root)


def test_foreign_root_is_refused(chain: tuple[Scheme, Chain]) -> None:
    scheme, c = chain
    other = _chain(scheme)
    verdict = _verify(c.leaf, [c.intermediate], [other.root])
    assert verdict is not None and "issuer certificate" in verdict


def test_expired_chain_is_refused(chain: tuple[Scheme, Chain]) -> None:
    _, c = chain
    verdict = _verify(c.leaf, [c.intermediate], [c.root], at=AFTER)
    assert verdict is not None and "expired" in verdict


def test_corrupted_leaf_signature_is_refused(chain: tuple[Scheme, Chain]) -> None:
    _, c = chain
    der = bytearray(c.leaf.public_bytes(DER))
    der[-3] ^= 0x40  # inside the signature BIT STRING, which ends the certificate
    verdict = _parity.openssl_verify_chain(
        bytes(der), [c.intermediate.public_bytes(DER)], [c.root.public_bytes(DER)], INSIDE
    )
    assert verdict is not None and "signature" in verdict


def test_intermediate_that_is_not_a_ca_is_refused() -> None:
    scheme = SCHEMES[7]  # Ed25519: fast
    root_key, inter_key, leaf_key = scheme.generate(), scheme.generate(), scheme.generate()
    root = _issue(scheme, "Root", root_key, None, ca=True)
    inter = _issue(scheme, "Not a CA", inter_key, (root, root_key), ca=False)
    leaf = _issue(scheme, "leaf.example", leaf_key, (inter, inter_key), ca=False)
    assert _verify(inter, [], [root]) is None
    verdict = _verify(leaf, [inter], [root])
    assert verdict is not None and "CA" in verdict


def test_exceeded_path_length_is_refused() -> None:
    scheme = SCHEMES[7]
    c = _chain(scheme, path_length=0)
    assert _verify(c.leaf, [c.intermediate], [c.root]) is None
    sub_key = scheme.generate()
    sub = _issue(scheme, "Sub", sub_key, (c.intermediate, c.intermediate_key), ca=True)
    leaf = _issue(scheme, "leaf.example", scheme.generate(), (sub, sub_key), ca=False)
    verdict = _verify(leaf, [sub, c.intermediate], [c.root])
    assert verdict is not None and "path length" in verdict


def test_mixed_key_types_chain() -> None:
    """An ML-DSA root over an RSA-PSS intermediate over an EC leaf."""
    by_name = {s.name: s for s in SCHEMES}
    root_key = mldsa.MLDSA65PrivateKey.generate()
    inter_key = rsa.generate_private_key(65537, 3072)
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    root = _issue(by_name["ml-dsa-65"], "Root", root_key, None, ca=True)
    inter = _issue(by_name["ml-dsa-65"], "Intermediate", inter_key, (root, root_key), ca=True)
    leaf = _issue(by_name["rsa-pss"], "leaf.example", leaf_key, (inter, inter_key), ca=False)
    assert _verify(leaf, [inter], [root]) is None
