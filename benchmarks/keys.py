"""Asymmetric-key benchmark cases: the same key material loaded into each library."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

Case = Callable[[], object]


def _modules(top: str) -> dict[str, ModuleType]:
    import importlib

    names = ["hashes", "serialization", "asymmetric.ec", "asymmetric.ed25519"]
    names += ["asymmetric.padding", "asymmetric.rsa", "asymmetric.x25519"]
    names += ["asymmetric.mldsa", "asymmetric.mlkem"]
    return {
        n.rsplit(".", 1)[-1]: importlib.import_module(f"{top}.hazmat.primitives.{n}")
        for n in names
    }


def key_material() -> dict[str, bytes]:
    """PKCS#8 PEM keys, made once with oxicrypt and loaded into both libraries."""
    m = _modules("oxicrypt")
    ser = m["serialization"]

    def pem(key: Any) -> bytes:
        return key.private_bytes(  # type: ignore[no-any-return]
            ser.Encoding.PEM, ser.PrivateFormat.PKCS8, ser.NoEncryption()
        )

    return {
        "ed25519": pem(m["ed25519"].Ed25519PrivateKey.generate()),
        "x25519": pem(m["x25519"].X25519PrivateKey.generate()),
        "x25519-peer": pem(m["x25519"].X25519PrivateKey.generate()),
        "p256": pem(m["ec"].generate_private_key(m["ec"].SECP256R1())),
        "rsa2048": pem(m["rsa"].generate_private_key(65537, 2048)),
        "mldsa65": pem(m["mldsa"].MLDSA65PrivateKey.generate()),
        "mlkem768": pem(m["mlkem"].MLKEM768PrivateKey.generate()),
    }


def key_cases(top: str, material: dict[str, bytes]) -> dict[str, Case]:
    m = _modules(top)
    load = m["serialization"].load_pem_private_key
    hashes, padding, ec = m["hashes"], m["padding"], m["ec"]
    data = b"\x42" * 64

    ed = load(material["ed25519"], None)
    ed_pub, ed_sig = ed.public_key(), ed.sign(data)
    p256 = load(material["p256"], None)
    ecdsa = ec.ECDSA(hashes.SHA256())
    p256_pub, p256_sig = p256.public_key(), p256.sign(data, ecdsa)
    rsa = load(material["rsa2048"], None)
    pss = padding.PSS(padding.MGF1(hashes.SHA256()), padding.PSS.MAX_LENGTH)
    pkcs1 = padding.PKCS1v15()
    rsa_pub, rsa_sig = rsa.public_key(), rsa.sign(data, pkcs1, hashes.SHA256())
    x = load(material["x25519"], None)
    x_peer = load(material["x25519-peer"], None).public_key()
    rsa_pem = material["rsa2048"]
    mldsa = load(material["mldsa65"], None)
    mldsa_pub, mldsa_sig = mldsa.public_key(), mldsa.sign(data)
    mlkem = load(material["mlkem768"], None)
    mlkem_pub = mlkem.public_key()
    _, mlkem_ct = mlkem_pub.encapsulate()

    return {
        "Ed25519 sign": lambda: ed.sign(data),
        "Ed25519 verify": lambda: ed_pub.verify(ed_sig, data),
        "ECDSA P-256 sign": lambda: p256.sign(data, ecdsa),
        "ECDSA P-256 verify": lambda: p256_pub.verify(p256_sig, data, ecdsa),
        "RSA-2048 PSS sign": lambda: rsa.sign(data, pss, hashes.SHA256()),
        "RSA-2048 PKCS#1 v1.5 verify": lambda: rsa_pub.verify(
            rsa_sig, data, pkcs1, hashes.SHA256()
        ),
        "X25519 exchange": lambda: x.exchange(x_peer),
        "load_pem_private_key RSA-2048 PKCS#8": lambda: load(rsa_pem, None),
        "ML-DSA-65 sign": lambda: mldsa.sign(data),
        "ML-DSA-65 verify": lambda: mldsa_pub.verify(mldsa_sig, data),
        "ML-KEM-768 encapsulate": mlkem_pub.encapsulate,
        "ML-KEM-768 decapsulate": lambda: mlkem.decapsulate(mlkem_ct),
    }
