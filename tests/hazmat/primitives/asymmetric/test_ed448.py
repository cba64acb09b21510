"""Ed448 (RFC 8032): the shared key tests, the RFC 8032 section 7.4 known answers of
``cryptography_vectors`` (asymmetric/Ed448/rfc8032.txt) and Wycheproof's EdDSA tests.

The file's records with a CONTEXT are Ed448 with a non-empty context string, which this
API (like the reference's) does not offer; they are left out."""

from __future__ import annotations

from types import ModuleType
from typing import Callable

import pytest

from oxicrypt.exceptions import InvalidSignature
from oxicrypt.hazmat.primitives import serialization
from oxicrypt.hazmat.primitives.asymmetric import ed448
from tests.vectors import Record, load_records, vector_path
from tests.wycheproof import WycheproofCase

from ._curves import ED448, SignatureKeyTests, check_eddsa_wycheproof

RECORDS = load_records("asymmetric", "Ed448", "rfc8032.txt")
PLAIN = [r for r in RECORDS if "CONTEXT" not in r]


class TestEd448Keys(SignatureKeyTests):
    curve = ED448


def test_vector_file_was_read() -> None:
    assert len(RECORDS) == 9
    assert len(PLAIN) == 8
    for record in RECORDS:
        assert {"SECRET", "PUBLIC", "MESSAGE", "SIGNATURE"} <= set(record.fields)
    # RFC 8032, section 7.4, "-----Blank": the first record.
    assert PLAIN[0]["MESSAGE"] == ""
    assert PLAIN[0]["PUBLIC"].startswith("5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a")


@pytest.mark.parametrize("record", PLAIN, ids=[f"count{r['COUNT']}" for r in PLAIN])
def test_rfc8032(record: Record) -> None:
    seed, public = record.hex("SECRET"), record.hex("PUBLIC")
    message, signature = record.hex("MESSAGE"), record.hex("SIGNATURE")
    assert len(signature) == 114
    key = ed448.Ed448PrivateKey.from_private_bytes(seed)
    assert key.public_key().public_bytes_raw() == public
    assert key.sign(message) == signature
    ed448.Ed448PublicKey.from_public_bytes(public).verify(signature, message)
    with pytest.raises(InvalidSignature):
        key.public_key().verify(signature, message + b"\x00")


def test_context_signatures_do_not_verify_without_the_context() -> None:
    """The record signed with context "foo" is not a plain Ed448 signature of its message."""
    (record,) = [r for r in RECORDS if "CONTEXT" in r]
    assert record["CONTEXT"] == "666f6f"
    public = ed448.Ed448PublicKey.from_public_bytes(record.hex("PUBLIC"))
    with pytest.raises(InvalidSignature):
        public.verify(record.hex("SIGNATURE"), record.hex("MESSAGE"))


def test_vector_key_files_hold_the_first_rfc8032_key() -> None:
    der = vector_path("asymmetric", "Ed448", "ed448-pkcs8.der").read_bytes()
    key = serialization.load_der_private_key(der, None)
    assert isinstance(key, ed448.Ed448PrivateKey)
    assert key.private_bytes_raw() == PLAIN[0].hex("SECRET")
    pub_der = vector_path("asymmetric", "Ed448", "ed448-pub.der").read_bytes()
    assert serialization.load_der_public_key(pub_der) == key.public_key()


@pytest.mark.wycheproof("ed448_test")
def test_wycheproof(
    wycheproof_case: WycheproofCase, reference: Callable[[str], ModuleType]
) -> None:
    check_eddsa_wycheproof(ED448, wycheproof_case, reference)
