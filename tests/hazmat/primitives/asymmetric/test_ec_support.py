"""What the EC test modules share (curve names and points), and tests of it.

Vector files name curves in several ways: NIST's "P-256" and "K-256" (CAVP), OpenSSL's
"prime256v1", SEC 2's "secp256r1", "brainpoolP256r1", and JWK's "P-256". ``curve_for``
maps any of them to a curve object of oxicrypt or of the reference, or None for the curves
neither implements (binary curves, secp160*, secp192k1, secp224k1, brainpoolP224r1 and
brainpoolP320r1...). The module's name starts with ``test_`` only because new files of
this directory must.
"""

from __future__ import annotations

from typing import Any

import pytest

from oxicrypt.hazmat.primitives.asymmetric import ec

from .test_rsa_support import Reference, module

# SEC 2 name -> class name, for every curve of the reference.
CURVE_CLASSES = {
    "secp192r1": "SECP192R1",
    "secp224r1": "SECP224R1",
    "secp256r1": "SECP256R1",
    "secp384r1": "SECP384R1",
    "secp521r1": "SECP521R1",
    "secp256k1": "SECP256K1",
    "brainpoolP256r1": "BrainpoolP256R1",
    "brainpoolP384r1": "BrainpoolP384R1",
    "brainpoolP512r1": "BrainpoolP512R1",
}
_ALIASES = {
    "P-192": "secp192r1",
    "P-224": "secp224r1",
    "P-256": "secp256r1",
    "P-384": "secp384r1",
    "P-521": "secp521r1",
    "K-256": "secp256k1",
    "P-256K": "secp256k1",  # JOSE's earlier name (Wycheproof's WebCrypto files)
    "prime192v1": "secp192r1",
    "prime256v1": "secp256r1",
}

# The field primes (SEC 2, RFC 5639), for checks that do not trust the library.
FIELD_PRIMES = {
    "secp192r1": 2**192 - 2**64 - 1,
    "secp224r1": 2**224 - 2**96 + 1,
    "secp256r1": 2**256 - 2**224 + 2**192 + 2**96 - 1,
    "secp384r1": 2**384 - 2**128 - 2**96 + 2**32 - 1,
    "secp521r1": 2**521 - 1,
    "secp256k1": 2**256 - 2**32 - 977,
    "brainpoolP256r1": int("a9fb57dba1eea9bc3e660a909d838d726e3bf623d52620282013481d1f6e5377", 16),
    "brainpoolP384r1": int(
        "8cb91e82a3386d280f5d6f7e50e641df152f7109ed5456b412b1da197fb71123"
        "acd3a729901d1a71874700133107ec53",
        16,
    ),
    "brainpoolP512r1": int(
        "aadd9db8dbe9c48b3fd4e6ae33c9fc07cb308db3b3c9d20ed6639cca70330871"
        "7d4d9b009bc66842aecda12ae6a380e62881ff2f2d82c68528aa6056583a48f3",
        16,
    ),
}


def canonical(name: str) -> str:
    return _ALIASES.get(name, name)


def curve_for(name: str, lib: str = "oxicrypt") -> Any:
    """A curve instance of ``lib`` for any spelling of its name; None if not implemented."""
    class_name = CURVE_CLASSES.get(canonical(name))
    if class_name is None:
        return None
    return getattr(module(lib, "hazmat.primitives.asymmetric.ec"), class_name)()


def field_size(name: str) -> int:
    """Bytes of a field element (of one coordinate)."""
    return (FIELD_PRIMES[canonical(name)].bit_length() + 7) // 8


def test_every_curve_of_oxicrypt_is_known() -> None:
    classes = {
        name
        for name, value in vars(ec).items()
        if isinstance(value, type)
        and issubclass(value, ec.EllipticCurve)
        and value is not ec.EllipticCurve
    }
    assert classes == set(CURVE_CLASSES.values())
    assert set(FIELD_PRIMES) == set(CURVE_CLASSES)


def test_every_curve_of_the_reference_is_known(reference: Reference) -> None:
    ref = reference("hazmat.primitives.asymmetric.ec")
    classes = {
        name
        for name, value in vars(ref).items()
        if isinstance(value, type)
        and issubclass(value, ref.EllipticCurve)
        and value is not ref.EllipticCurve
    }
    assert classes == set(CURVE_CLASSES.values())


@pytest.mark.parametrize("name", ["P-256", "secp256r1", "prime256v1", "K-256", "brainpoolP384r1"])
def test_curve_for(name: str) -> None:
    curve = curve_for(name)
    assert isinstance(curve, ec.EllipticCurve)
    assert curve.name == canonical(name)


@pytest.mark.parametrize("name", ["B-163", "K-163", "sect571r1", "secp160k1", "brainpoolP224r1"])
def test_curves_neither_library_has(name: str) -> None:
    assert curve_for(name) is None
    assert curve_for(name, "cryptography") is None


def test_field_sizes() -> None:
    assert field_size("P-521") == 66
    assert field_size("secp256k1") == 32
    assert field_size("brainpoolP384r1") == 48
