"""X25519 (RFC 7748): the shared key tests, the RFC 7748 known answers (section 5.2 from
``cryptography_vectors`` asymmetric/X25519/rfc7748.txt, the iterated test and the
section 6.1 exchange) and Wycheproof's XDH tests on raw, DER and PEM keys."""

from __future__ import annotations

from types import ModuleType
from typing import Callable

import pytest

from oxicrypt.hazmat.primitives import serialization
from oxicrypt.hazmat.primitives.asymmetric import x25519
from tests.vectors import Record, load_records, vector_path
from tests.wycheproof import WycheproofCase

from ._curves import X25519, ExchangeKeyTests, check_xdh_wycheproof

RECORDS = load_records("asymmetric", "X25519", "rfc7748.txt")


class TestX25519Keys(ExchangeKeyTests):
    curve = X25519


def _exchange(scalar: bytes, u: bytes) -> bytes:
    key = x25519.X25519PrivateKey.from_private_bytes(scalar)
    return key.exchange(x25519.X25519PublicKey.from_public_bytes(u))


def test_vector_file_was_read() -> None:
    assert [r["COUNT"] for r in RECORDS] == ["1", "2", "3"]


@pytest.mark.parametrize("record", RECORDS, ids=[f"count{r['COUNT']}" for r in RECORDS])
def test_rfc7748_section_5_2(record: Record) -> None:
    assert _exchange(record.hex("INPUT_SCALAR"), record.hex("INPUT_U")) == record.hex("OUTPUT_U")


def test_rfc7748_iterated() -> None:
    """RFC 7748, section 5.2: k = u = 9, then repeatedly k, u = X25519(k, u), k."""
    k = u = (9).to_bytes(32, "little")
    results = {}
    for i in range(1, 1001):
        k, u = _exchange(k, u), k
        if i in (1, 1000):
            results[i] = k.hex()
    assert results == {
        1: "422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079",
        1000: "684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51",
    }


def test_rfc7748_section_6_1() -> None:
    alice = x25519.X25519PrivateKey.from_private_bytes(
        bytes.fromhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")
    )
    bob = x25519.X25519PrivateKey.from_private_bytes(
        bytes.fromhex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb")
    )
    assert alice.public_key().public_bytes_raw() == bytes.fromhex(
        "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"
    )
    assert bob.public_key().public_bytes_raw() == bytes.fromhex(
        "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"
    )
    shared = bytes.fromhex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742")
    assert alice.exchange(bob.public_key()) == shared
    assert bob.exchange(alice.public_key()) == shared


def test_vector_key_files_match() -> None:
    der = vector_path("asymmetric", "X25519", "x25519-pkcs8.der").read_bytes()
    key = serialization.load_der_private_key(der, None)
    assert isinstance(key, x25519.X25519PrivateKey)
    pub_der = vector_path("asymmetric", "X25519", "x25519-pub.der").read_bytes()
    public = serialization.load_der_public_key(pub_der)
    assert isinstance(public, x25519.X25519PublicKey)
    assert len(key.exchange(public)) == 32


@pytest.mark.wycheproof("x25519_test", "x25519_asn_test", "x25519_pem_test")
def test_wycheproof(
    wycheproof_case: WycheproofCase, reference: Callable[[str], ModuleType]
) -> None:
    check_xdh_wycheproof(X25519, wycheproof_case, reference)
