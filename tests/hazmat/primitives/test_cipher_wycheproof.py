"""Symmetric encryption against Wycheproof: AES-GCM (through ``AESGCM`` and through
``Cipher``), AES-CCM, ChaCha20-Poly1305, AES-GCM-SIV, AES-SIV (deterministic and as an
AEAD), AES-CBC with PKCS#5 padding and AES-XTS.

Cases whose nonce or tag length the API does not take at all (a 4-byte GCM nonce, a
2-byte CCM tag) must be refused with ``ValueError``; every other case must give exactly
Wycheproof's answer."""

from __future__ import annotations

from typing import Any

import pytest

from oxicrypt.exceptions import InvalidTag
from oxicrypt.hazmat.primitives.ciphers import Cipher, algorithms, modes
from oxicrypt.hazmat.primitives.ciphers.aead import (
    AESCCM,
    AESGCM,
    AESGCMSIV,
    AESSIV,
    ChaCha20Poly1305,
)
from tests.wycheproof import WycheproofCase

# The nonce lengths each class takes; Wycheproof also tries lengths outside them.
_NONCE_RANGE = {
    "AES-GCM": range(8, 129),
    "AES-CCM": range(7, 14),
    "CHACHA20-POLY1305": range(12, 13),
    "AES-GCM-SIV": range(12, 13),
}


def _make(case: WycheproofCase) -> Any:
    key = case.hex("key")
    algorithm = case.algorithm
    if algorithm == "AES-GCM":
        return AESGCM(key)
    if algorithm == "AES-CCM":
        return AESCCM(key, tag_length=case.group["tagSize"] // 8)
    if algorithm == "CHACHA20-POLY1305":
        return ChaCha20Poly1305(key)
    if algorithm == "AES-GCM-SIV":
        return AESGCMSIV(key)
    raise AssertionError(algorithm)


@pytest.mark.wycheproof(
    "aes_gcm_test", "aes_ccm_test", "chacha20_poly1305_test", "aes_gcm_siv_test"
)
def test_aead(wycheproof_case: WycheproofCase) -> None:
    case = wycheproof_case
    iv, aad, msg = case.hex("iv"), case.hex("aad"), case.hex("msg")
    sealed = case.hex("ct") + case.hex("tag")
    tag_bits = case.group["tagSize"]
    unusable = len(iv) not in _NONCE_RANGE[case.algorithm] or (
        case.algorithm == "AES-CCM" and tag_bits not in range(32, 129, 16)
    )
    if unusable:
        assert case.invalid or case.algorithm == "AES-GCM", case
        with pytest.raises(ValueError):
            _make(case).decrypt(iv, sealed, aad)
        return
    aead = _make(case)
    if tag_bits != 128 and case.algorithm != "AES-CCM":
        # The one-shot classes take full 16-byte tags only, so a truncated tag never
        # authenticates there; test_gcm_through_cipher checks these cases with GCM's
        # min_tag_length.
        with pytest.raises(InvalidTag):
            aead.decrypt(iv, sealed, aad)
        return
    if case.valid:
        assert aead.encrypt(iv, msg, aad) == sealed, case
        assert aead.decrypt(iv, sealed, aad) == msg, case
    else:
        with pytest.raises(InvalidTag):
            aead.decrypt(iv, sealed, aad)


@pytest.mark.wycheproof("aes_gcm_test")
def test_gcm_through_cipher(wycheproof_case: WycheproofCase) -> None:
    case = wycheproof_case
    key, iv, aad, msg = (case.hex(n) for n in ("key", "iv", "aad", "msg"))
    ct, tag = case.hex("ct"), case.hex("tag")
    if not 8 <= len(iv) <= 128:
        with pytest.raises(ValueError):
            modes.GCM(iv)
        return
    dec = Cipher(algorithms.AES(key), modes.GCM(iv, tag, min_tag_length=len(tag))).decryptor()
    dec.authenticate_additional_data(aad)
    plaintext = dec.update(ct)
    if case.valid:
        assert plaintext + dec.finalize() == msg
        enc = Cipher(algorithms.AES(key), modes.GCM(iv)).encryptor()
        enc.authenticate_additional_data(aad)
        assert enc.update(msg) + enc.finalize() == ct
        assert enc.tag[: len(tag)] == tag
    else:
        with pytest.raises(InvalidTag):
            dec.finalize()


@pytest.mark.wycheproof("aead_aes_siv_cmac_test")
def test_aes_siv_as_aead(wycheproof_case: WycheproofCase) -> None:
    # RFC 5297 section 3: the nonce is the last associated-data component.
    case = wycheproof_case
    key, iv, aad, msg = (case.hex(n) for n in ("key", "iv", "aad", "msg"))
    sealed = case.hex("tag") + case.hex("ct")
    if len(key) not in (32, 48, 64):
        with pytest.raises(ValueError):
            AESSIV(key)
        return
    siv = AESSIV(key)
    if case.valid:
        assert siv.encrypt(msg, [aad, iv]) == sealed
        assert siv.decrypt(sealed, [aad, iv]) == msg
    else:
        with pytest.raises(InvalidTag):
            siv.decrypt(sealed, [aad, iv])


@pytest.mark.wycheproof("aes_siv_cmac_test")
def test_aes_siv_deterministic(wycheproof_case: WycheproofCase) -> None:
    case = wycheproof_case
    key, aad, msg, ct = (case.hex(n) for n in ("key", "aad", "msg", "ct"))
    if len(key) not in (32, 48, 64):
        assert case.invalid
        with pytest.raises(ValueError):
            AESSIV(key)
        return
    siv = AESSIV(key)
    if case.valid:
        assert siv.encrypt(msg, [aad]) == ct
        assert siv.decrypt(ct, [aad]) == msg
    else:
        with pytest.raises(InvalidTag):
            siv.decrypt(ct, [aad])


def _pkcs7_unpad(data: bytes) -> bytes | None:
    # The padding module is not what is tested here: a plain check is enough.
    if not data or not 1 <= data[-1] <= 16 or data[-data[-1] :] != bytes([data[-1]]) * data[-1]:
        return None
    return data[: -data[-1]]


@pytest.mark.wycheproof("aes_cbc_pkcs5_test")
def test_aes_cbc_pkcs5(wycheproof_case: WycheproofCase) -> None:
    case = wycheproof_case
    key, iv, msg, ct = (case.hex(n) for n in ("key", "iv", "msg", "ct"))
    cipher = Cipher(algorithms.AES(key), modes.CBC(iv))
    dec = cipher.decryptor()
    if len(ct) % 16:
        dec.update(ct)
        with pytest.raises(ValueError, match="not a multiple of the block length"):
            dec.finalize()
        assert case.invalid
        return
    padded = dec.update(ct) + dec.finalize()
    unpadded = _pkcs7_unpad(padded)
    if case.valid:
        assert unpadded == msg
        pad = 16 - len(msg) % 16
        enc = cipher.encryptor()
        assert enc.update(msg + bytes([pad]) * pad) + enc.finalize() == ct
    else:
        assert unpadded is None


@pytest.mark.wycheproof("aes_xts_test")
def test_aes_xts(wycheproof_case: WycheproofCase) -> None:
    # Wycheproof's 64-bit IV is the data-unit number; the tweak is its 16-byte form.
    case = wycheproof_case
    key, iv, msg, ct = (case.hex(n) for n in ("key", "iv", "msg", "ct"))
    if len(key) == 48:
        # XTS on AES-192 exists in IEEE 1619 but not in OpenSSL, nor in the reference.
        with pytest.raises(ValueError, match=r"Invalid key size \(384\) for AES"):
            algorithms.AES(key)
        return
    cipher = Cipher(algorithms.AES(key), modes.XTS(iv.ljust(16, b"\x00")))
    assert case.valid
    enc = cipher.encryptor()
    assert enc.update(msg) + enc.finalize() == ct
    dec = cipher.decryptor()
    assert dec.update(ct) + dec.finalize() == msg
