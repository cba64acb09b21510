"""Wycheproof's RSA files, every case of every file (``<root>/testvectors_v1/rsa_*.json``):

* rsa_signature_*: RSASSA-PKCS1-v1_5 verification;
* rsa_pss_*: RSASSA-PSS verification (the ``_params`` files give the key as an RSASSA-PSS
  SubjectPublicKeyInfo);
* rsa_pkcs1_*_sig_gen: PKCS #1 v1.5 signing, reproduced byte for byte;
* rsa_oaep_*, rsa_three_primes_oaep_*: RSAES-OAEP decryption;
* rsa_pkcs1_{2048,3072,4096}: RSAES-PKCS1-v1_5 decryption.

Valid cases must give the file's result, invalid ones must be rejected (signatures with
InvalidSignature, ciphertexts with ValueError; for PKCS #1 v1.5 decryption OpenSSL's
implicit rejection may instead return a synthetic message, as it does for the reference).
Acceptable cases, the rejections' exception classes and the synthetic messages are checked
against the reference in the ``_matches_reference`` tests. Files whose algorithm the
reference does not implement (PSS with SHAKE, OAEP with SHA-512/224 and SHA-512/256,
three-prime keys) must fail the way the reference fails.
"""

from __future__ import annotations

import functools
from typing import Any, Callable

import pytest

from oxicrypt.hazmat.primitives import serialization
from oxicrypt.hazmat.primitives.asymmetric import rsa

from .test_rsa_support import (
    Outcome,
    Reference,
    WycheproofFile,
    compare_wycheproof_file,
    hash_for,
    module,
    run_wycheproof_file,
)

Loader = Callable[[str], dict[str, Any]]

PKCS1_SIGNATURE_FILES = [
    *(f"rsa_signature_2048_{h}" for h in ("sha224", "sha256", "sha384", "sha512")),
    *(f"rsa_signature_2048_{h}" for h in ("sha3_224", "sha3_256", "sha3_384", "sha3_512")),
    "rsa_signature_2048_sha512_224",
    "rsa_signature_2048_sha512_256",
    *(f"rsa_signature_3072_{h}" for h in ("sha256", "sha384", "sha512", "sha512_256")),
    *(f"rsa_signature_3072_{h}" for h in ("sha3_256", "sha3_384", "sha3_512")),
    *(f"rsa_signature_4096_{h}" for h in ("sha256", "sha384", "sha512", "sha512_256")),
    *(f"rsa_signature_8192_{h}" for h in ("sha256", "sha384", "sha512")),
]
PSS_FILES = [
    "rsa_pss_2048_sha1_mgf1_20",
    "rsa_pss_2048_sha1_mgf1_20_params",
    "rsa_pss_2048_sha256_mgf1_0",
    "rsa_pss_2048_sha256_mgf1_0_params",
    "rsa_pss_2048_sha256_mgf1_32",
    "rsa_pss_2048_sha256_mgf1_32_params",
    "rsa_pss_2048_sha256_mgf1sha1_20",
    "rsa_pss_2048_sha384_mgf1_48",
    "rsa_pss_2048_sha512_224_mgf1_28",
    "rsa_pss_2048_sha512_256_mgf1_32",
    "rsa_pss_2048_sha512_mgf1sha256_32_params",
    "rsa_pss_2048_shake128",
    "rsa_pss_2048_shake256",
    "rsa_pss_3072_sha256_mgf1_32",
    "rsa_pss_3072_sha256_mgf1_32_params",
    "rsa_pss_3072_shake128",
    "rsa_pss_3072_shake256",
    "rsa_pss_4096_sha256_mgf1_32",
    "rsa_pss_4096_sha384_mgf1_48",
    "rsa_pss_4096_sha512_mgf1_32",
    "rsa_pss_4096_sha512_mgf1_32_params",
    "rsa_pss_4096_sha512_mgf1_64",
    "rsa_pss_4096_sha512_mgf1_64_params",
    "rsa_pss_4096_shake256",
    "rsa_pss_misc",
    "rsa_pss_misc_params",
]
SIGN_FILES = [f"rsa_pkcs1_{bits}_sig_gen" for bits in (1024, 1536, 2048, 3072, 4096)]
OAEP_FILES = [
    "rsa_oaep_2048_sha1_mgf1sha1",
    "rsa_oaep_2048_sha224_mgf1sha1",
    "rsa_oaep_2048_sha224_mgf1sha224",
    "rsa_oaep_2048_sha256_mgf1sha1",
    "rsa_oaep_2048_sha256_mgf1sha256",
    "rsa_oaep_2048_sha384_mgf1sha1",
    "rsa_oaep_2048_sha384_mgf1sha384",
    "rsa_oaep_2048_sha512_224_mgf1sha1",
    "rsa_oaep_2048_sha512_224_mgf1sha512_224",
    "rsa_oaep_2048_sha512_mgf1sha1",
    "rsa_oaep_2048_sha512_mgf1sha512",
    "rsa_oaep_3072_sha256_mgf1sha1",
    "rsa_oaep_3072_sha256_mgf1sha256",
    "rsa_oaep_3072_sha512_256_mgf1sha1",
    "rsa_oaep_3072_sha512_256_mgf1sha512_256",
    "rsa_oaep_3072_sha512_mgf1sha1",
    "rsa_oaep_3072_sha512_mgf1sha512",
    "rsa_oaep_4096_sha256_mgf1sha1",
    "rsa_oaep_4096_sha256_mgf1sha256",
    "rsa_oaep_4096_sha512_mgf1sha1",
    "rsa_oaep_4096_sha512_mgf1sha512",
    "rsa_oaep_misc",
    "rsa_three_primes_oaep_2048_sha1_mgf1sha1",
    "rsa_three_primes_oaep_3072_sha224_mgf1sha224",
    "rsa_three_primes_oaep_4096_sha256_mgf1sha256",
]
PKCS1_DECRYPTION_FILES = [f"rsa_pkcs1_{bits}" for bits in (2048, 3072, 4096)]
ALL_FILES = PKCS1_SIGNATURE_FILES + PSS_FILES + SIGN_FILES + OAEP_FILES + PKCS1_DECRYPTION_FILES


def _json(name: str) -> str:
    return f"{name}_test"


# What the reference raises for every case of a file whose algorithm it does not implement.
_UNSUPPORTED = {
    **{n: "UnsupportedAlgorithm" for n in PSS_FILES if "shake" in n},
    **{n: "UnsupportedAlgorithm" for n in OAEP_FILES if "sha512_224" in n or "sha512_256" in n},
    # Multi-prime private keys (PKCS #1 version 1) are not read by the reference.
    **{n: "ValueError" for n in OAEP_FILES if "three_primes" in n},
}


# -- keys, loaded once per library --------------------------------------------------------


@functools.cache
def _public_key(lib: str, der_hex: str) -> Any:
    ser = module(lib, "hazmat.primitives.serialization")
    return ser.load_der_public_key(bytes.fromhex(der_hex))


@functools.cache
def _private_key(lib: str, der_hex: str) -> Any:
    # OpenSSL's key check (prime tests) would make up most of the run time; the vector test
    # checks one key of each file with it.
    ser = module(lib, "hazmat.primitives.serialization")
    return ser.load_der_private_key(
        bytes.fromhex(der_hex), None, unsafe_skip_rsa_key_validation=True
    )


def _padding(lib: str) -> Any:
    return module(lib, "hazmat.primitives.asymmetric.padding")


def _mgf_hash(lib: str, group: dict[str, Any]) -> Any:
    # SHAKE files name the XOF as "mgf" (RFC 8702 uses the XOF itself as mask generator).
    return hash_for(group["mgfSha"] or group["mgf"], lib)


def _pkcs1_verify(lib: str, group: dict[str, Any], test: dict[str, Any]) -> object:
    key = _public_key(lib, group["publicKeyDer"])
    algorithm = hash_for(group["sha"], lib)
    return key.verify(
        bytes.fromhex(test["sig"]), bytes.fromhex(test["msg"]), _padding(lib).PKCS1v15(), algorithm
    )


def _pss_verify(lib: str, group: dict[str, Any], test: dict[str, Any]) -> object:
    key = _public_key(lib, group["publicKeyDer"])
    pad = _padding(lib)
    pss = pad.PSS(pad.MGF1(_mgf_hash(lib, group)), group["sLen"])
    algorithm = hash_for(group["sha"], lib)
    return key.verify(bytes.fromhex(test["sig"]), bytes.fromhex(test["msg"]), pss, algorithm)


def _pkcs1_sign(lib: str, group: dict[str, Any], test: dict[str, Any]) -> object:
    key = _private_key(lib, group["privateKeyPkcs8"])
    return key.sign(
        bytes.fromhex(test["msg"]), _padding(lib).PKCS1v15(), hash_for(group["sha"], lib)
    )


def _oaep_decrypt(lib: str, group: dict[str, Any], test: dict[str, Any]) -> object:
    key = _private_key(lib, group["privateKeyPkcs8"])
    pad = _padding(lib)
    oaep = pad.OAEP(
        pad.MGF1(_mgf_hash(lib, group)), hash_for(group["sha"], lib), bytes.fromhex(test["label"])
    )
    return key.decrypt(bytes.fromhex(test["ct"]), oaep)


def _pkcs1_decrypt(lib: str, group: dict[str, Any], test: dict[str, Any]) -> object:
    key = _private_key(lib, group["privateKeyPkcs8"])
    return key.decrypt(bytes.fromhex(test["ct"]), _padding(lib).PKCS1v15())


def _none(group: dict[str, Any], test: dict[str, Any]) -> None:
    return None


def _field(name: str) -> Callable[[dict[str, Any], dict[str, Any]], bytes]:
    return lambda group, test: bytes.fromhex(test[name])


def _implicit_rejection(got: Outcome, test: dict[str, Any]) -> bool:
    """PKCS #1 v1.5 decryption with OpenSSL's implicit rejection: a bad padding yields a
    synthetic message (never the vector's) instead of an error; which one is checked
    against the reference."""
    return got.error is None and got.value != bytes.fromhex(test["msg"])


def _spec(name: str) -> WycheproofFile:
    unsupported = _UNSUPPORTED.get(name)
    if name in PKCS1_SIGNATURE_FILES:
        return WycheproofFile(_pkcs1_verify, _none, ("InvalidSignature",))
    if name in PSS_FILES:
        return WycheproofFile(_pss_verify, _none, ("InvalidSignature",), unsupported=unsupported)
    if name in SIGN_FILES:
        return WycheproofFile(_pkcs1_sign, _field("sig"), ("ValueError",))
    if name in OAEP_FILES:
        return WycheproofFile(
            _oaep_decrypt, _field("msg"), ("ValueError",), unsupported=unsupported
        )
    assert name in PKCS1_DECRYPTION_FILES
    return WycheproofFile(
        _pkcs1_decrypt, _field("msg"), ("ValueError",), invalid_ok=_implicit_rejection
    )


def _check_group_keys(name: str, data: dict[str, Any]) -> None:
    """The encodings of each group's key in the file (DER, PEM, PKCS #1 DER, the numbers)
    load as one key; one private key per file also passes the full key check."""
    checked = False
    for group in data["testGroups"]:
        if "publicKeyDer" in group:
            key = serialization.load_der_public_key(bytes.fromhex(group["publicKeyDer"]))
            assert isinstance(key, rsa.RSAPublicKey), name
            assert serialization.load_pem_public_key(group["publicKeyPem"].encode()) == key
            assert serialization.load_der_public_key(bytes.fromhex(group["publicKeyAsn"])) == key
            numbers = group["publicKey"]
            n, e = int(numbers["modulus"], 16), int(numbers["publicExponent"], 16)
            assert key.public_numbers() == rsa.RSAPublicNumbers(e, n), name
            assert key.key_size == group["keySize"], name
        elif name not in _UNSUPPORTED:
            der = bytes.fromhex(group["privateKeyPkcs8"])
            private = _private_key("oxicrypt", group["privateKeyPkcs8"])
            assert isinstance(private, rsa.RSAPrivateKey), name
            pem = serialization.load_pem_private_key(
                group["privateKeyPem"].encode(), None, unsafe_skip_rsa_key_validation=True
            )
            assert pem.private_numbers() == private.private_numbers(), name
            assert private.key_size == group["keySize"], name
            if not checked:
                checked = True
                validated = serialization.load_der_private_key(der, None)
                assert validated.private_numbers() == private.private_numbers(), name


@pytest.mark.parametrize("name", ALL_FILES)
def test_wycheproof(name: str, load_wycheproof: Loader) -> None:
    data = load_wycheproof(_json(name))
    _check_group_keys(name, data)
    run_wycheproof_file(name, data, _spec(name))


@pytest.mark.parametrize("name", ALL_FILES)
def test_wycheproof_matches_reference(
    name: str, load_wycheproof: Loader, reference: Reference
) -> None:
    reference("hazmat.primitives.asymmetric.rsa")
    compare_wycheproof_file(name, load_wycheproof(_json(name)), _spec(name))


def test_every_rsa_file_is_listed(wycheproof_root: Any) -> None:
    found = {
        p.name.removesuffix("_test.json") for p in wycheproof_root.glob("testvectors_v1/rsa_*")
    }
    assert found == set(ALL_FILES)
    assert len(ALL_FILES) == len(set(ALL_FILES))
