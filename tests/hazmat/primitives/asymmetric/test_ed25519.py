"""Ed25519 (RFC 8032): the shared key tests, the RFC 8032 / ed25519.cr.yp.to known answers
of ``cryptography_vectors`` (asymmetric/Ed25519/sign.input) and Wycheproof's EdDSA tests."""

from __future__ import annotations

from types import ModuleType
from typing import Callable

import pytest

from oxicrypt.exceptions import InvalidSignature
from oxicrypt.hazmat.primitives import serialization
from oxicrypt.hazmat.primitives.asymmetric import ed25519
from tests.vectors import vector_path
from tests.wycheproof import WycheproofCase

from ._curves import ED25519, SignatureKeyTests, check_eddsa_wycheproof


class TestEd25519Keys(SignatureKeyTests):
    curve = ED25519


def _sign_input() -> list[tuple[int, bytes, bytes, bytes, bytes]]:
    """The lines of sign.input: ``seed||public:public:message:signature||message:``."""
    cases = []
    text = vector_path("asymmetric", "Ed25519", "sign.input").read_text(encoding="ascii")
    for number, line in enumerate(text.splitlines(), start=1):
        secret, public, message, signed, rest = line.split(":")
        assert rest == ""
        secret_b, public_b, message_b, signed_b = (
            bytes.fromhex(x) for x in (secret, public, message, signed)
        )
        assert secret_b[32:] == public_b and signed_b[64:] == message_b, f"line {number}"
        cases.append((number, secret_b[:32], public_b, message_b, signed_b[:64]))
    return cases


SIGN_INPUT = _sign_input()


def test_sign_input_was_read() -> None:
    assert len(SIGN_INPUT) == 1024
    assert [len(case[3]) for case in SIGN_INPUT] == list(range(1024))
    # RFC 8032, section 7.1, TEST 1 is the first line.
    _, seed, public, message, signature = SIGN_INPUT[0]
    assert seed.hex() == "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
    assert public.hex() == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
    assert message == b""
    assert signature.hex().startswith("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065")


@pytest.mark.parametrize(
    ("seed", "public", "message", "signature"),
    [pytest.param(*case[1:], id=f"line{case[0]}") for case in SIGN_INPUT],
)
def test_sign_input(seed: bytes, public: bytes, message: bytes, signature: bytes) -> None:
    key = ed25519.Ed25519PrivateKey.from_private_bytes(seed)
    assert key.public_key().public_bytes_raw() == public
    assert key.sign(message) == signature
    ed25519.Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    if message:
        with pytest.raises(InvalidSignature):
            key.public_key().verify(signature, message[:-1])


def test_rfc8032_test_1024() -> None:
    """RFC 8032, section 7.1, TEST 1024 (a 1023-byte message) is the last line."""
    _, seed, public, message, signature = SIGN_INPUT[1023]
    assert seed.hex() == "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5"
    assert public.hex() == "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e"
    assert signature.hex().startswith("0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e4")
    key = ed25519.Ed25519PrivateKey.from_private_bytes(seed)
    assert key.public_key().public_bytes_raw() == public
    assert key.sign(message) == signature


def test_vector_key_files_hold_the_first_sign_input_key() -> None:
    """asymmetric/Ed25519/ed25519-pkcs8.der and ed25519-pub.der hold TEST 1's key."""
    _, seed, public, _, _ = SIGN_INPUT[0]
    der = vector_path("asymmetric", "Ed25519", "ed25519-pkcs8.der").read_bytes()
    key = serialization.load_der_private_key(der, None)
    assert isinstance(key, ed25519.Ed25519PrivateKey)
    assert key.private_bytes_raw() == seed
    pub_der = vector_path("asymmetric", "Ed25519", "ed25519-pub.der").read_bytes()
    loaded = serialization.load_der_public_key(pub_der)
    assert isinstance(loaded, ed25519.Ed25519PublicKey)
    assert loaded.public_bytes_raw() == public


@pytest.mark.wycheproof("ed25519_test")
def test_wycheproof(
    wycheproof_case: WycheproofCase, reference: Callable[[str], ModuleType]
) -> None:
    check_eddsa_wycheproof(ED25519, wycheproof_case, reference)
