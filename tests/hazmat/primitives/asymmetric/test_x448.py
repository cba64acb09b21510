"""X448 (RFC 7748): the shared key tests, the RFC 7748 known answers (section 5.2 from
``cryptography_vectors`` asymmetric/X448/rfc7748.txt, the iterated test and the
section 6.2 exchange) and Wycheproof's XDH tests on raw, DER and PEM keys."""

from __future__ import annotations

from types import ModuleType
from typing import Callable

import pytest

from oxicrypt.hazmat.primitives import serialization
from oxicrypt.hazmat.primitives.asymmetric import x448
from tests.vectors import Record, load_records, vector_path
from tests.wycheproof import WycheproofCase

from ._curves import X448, ExchangeKeyTests, check_xdh_wycheproof

RECORDS = load_records("asymmetric", "X448", "rfc7748.txt")


class TestX448Keys(ExchangeKeyTests):
    curve = X448


def _exchange(scalar: bytes, u: bytes) -> bytes:
    key = x448.X448PrivateKey.from_private_bytes(scalar)
    return key.exchange(x448.X448PublicKey.from_public_bytes(u))


def test_vector_file_was_read() -> None:
    assert [r["COUNT"] for r in RECORDS] == ["1", "2", "3"]


@pytest.mark.parametrize("record", RECORDS, ids=[f"count{r['COUNT']}" for r in RECORDS])
def test_rfc7748_section_5_2(record: Record) -> None:
    assert _exchange(record.hex("INPUT_SCALAR"), record.hex("INPUT_U")) == record.hex("OUTPUT_U")


def test_rfc7748_iterated() -> None:
    """RFC 7748, section 5.2: k = u = 5, then repeatedly k, u = X448(k, u), k."""
    k = u = (5).to_bytes(56, "little")
    results = {}
    for i in range(1, 1001):
        k, u = _exchange(k, u), k
        if i in (1, 1000):
            results[i] = k.hex()
    assert results == {
        1: "3f482c8a9f19b01e6c46ee9711d9dc14fd4bf67af30765c2ae2b846a"
        "4d23a8cd0db897086239492caf350b51f833868b9bc2b3bca9cf4113",
        1000: "aa3b4749d55b9daf1e5b00288826c467274ce3ebbdd5c17b975e09d4"
        "af6c67cf10d087202db88286e2b79fceea3ec353ef54faa26e219f38",
    }


def test_rfc7748_section_6_2() -> None:
    alice = x448.X448PrivateKey.from_private_bytes(
        bytes.fromhex(
            "9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28d"
            "d9c9baf574a9419744897391006382a6f127ab1d9ac2d8c0a598726b"
        )
    )
    bob = x448.X448PrivateKey.from_private_bytes(
        bytes.fromhex(
            "1c306a7ac2a0e2e0990b294470cba339e6453772b075811d8fad0d1d"
            "6927c120bb5ee8972b0d3e21374c9c921b09d1b0366f10b65173992d"
        )
    )
    assert alice.public_key().public_bytes_raw().hex() == (
        "9b08f7cc31b7e3e67d22d5aea121074a273bd2b83de09c63faa73d2c"
        "22c5d9bbc836647241d953d40c5b12da88120d53177f80e532c41fa0"
    )
    assert bob.public_key().public_bytes_raw().hex() == (
        "3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b430"
        "27d8b972fc3e34fb4232a13ca706dcb57aec3dae07bdc1c67bf33609"
    )
    shared = (
        "07fff4181ac6cc95ec1c16a94a0f74d12da232ce40a77552281d282b"
        "b60c0b56fd2464c335543936521c24403085d59a449a5037514a879d"
    )
    assert alice.exchange(bob.public_key()).hex() == shared
    assert bob.exchange(alice.public_key()).hex() == shared


def test_vector_key_files_match() -> None:
    der = vector_path("asymmetric", "X448", "x448-pkcs8.der").read_bytes()
    key = serialization.load_der_private_key(der, None)
    assert isinstance(key, x448.X448PrivateKey)
    pub_der = vector_path("asymmetric", "X448", "x448-pub.der").read_bytes()
    public = serialization.load_der_public_key(pub_der)
    assert isinstance(public, x448.X448PublicKey)
    assert len(key.exchange(public)) == 56


@pytest.mark.wycheproof("x448_test", "x448_asn_test", "x448_pem_test")
def test_wycheproof(
    wycheproof_case: WycheproofCase, reference: Callable[[str], ModuleType]
) -> None:
    check_xdh_wycheproof(X448, wycheproof_case, reference)
