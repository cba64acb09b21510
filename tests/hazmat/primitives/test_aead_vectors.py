"""Known answers for authenticated encryption, from ``cryptography_vectors``: NIST CAVP
GCM (through ``Cipher`` with every tag length, and through ``AESGCM``), NIST CAVP CCM,
ChaCha20-Poly1305 (RFC 7539 via OpenSSL's and BoringSSL's lists), AES-SIV (RFC 5297),
AES-OCB3 (RFC 7253) and AES-GCM-SIV (RFC 8452)."""

from __future__ import annotations

import pytest

from oxicrypt.exceptions import InvalidTag
from oxicrypt.hazmat.primitives.ciphers import Cipher, algorithms, modes
from oxicrypt.hazmat.primitives.ciphers.aead import (
    AESCCM,
    AESGCM,
    AESGCMSIV,
    AESOCB3,
    AESSIV,
    ChaCha20Poly1305,
)
from tests import cipher_vectors
from tests.cipher_vectors import CipherRecord, hexbytes

_GCM_FILES = [
    f"gcm{kind}{bits}.rsp" for kind in ("EncryptExtIV", "Decrypt") for bits in (128, 192, 256)
]


def _gcm_cipher_case(record: CipherRecord) -> None:
    key, iv = hexbytes(record, "key"), hexbytes(record, "iv")
    aad, tag, ct = hexbytes(record, "aad"), hexbytes(record, "tag"), hexbytes(record, "ct")
    decryptor = Cipher(
        algorithms.AES(key), modes.GCM(iv, tag, min_tag_length=len(tag))
    ).decryptor()
    decryptor.authenticate_additional_data(aad)
    plaintext = decryptor.update(ct)
    if "fail" in record:
        with pytest.raises(InvalidTag):
            decryptor.finalize()
        return
    pt = hexbytes(record, "pt")
    assert plaintext + decryptor.finalize() == pt
    encryptor = Cipher(algorithms.AES(key), modes.GCM(iv)).encryptor()
    encryptor.authenticate_additional_data(aad)
    assert encryptor.update(pt) + encryptor.finalize() == ct
    assert encryptor.tag[: len(tag)] == tag


def _gcm_aead_case(record: CipherRecord) -> None:
    key, iv = hexbytes(record, "key"), hexbytes(record, "iv")
    aad, tag, ct = hexbytes(record, "aad"), hexbytes(record, "tag"), hexbytes(record, "ct")
    aesgcm = AESGCM(key)
    if "fail" in record:
        with pytest.raises(InvalidTag):
            aesgcm.decrypt(iv, ct + tag, aad)
        return
    pt = hexbytes(record, "pt")
    assert aesgcm.encrypt(iv, pt, aad) == ct + tag
    assert aesgcm.decrypt(iv, ct + tag, aad) == pt


@pytest.mark.parametrize("filename", _GCM_FILES)
def test_gcm_cavp(filename: str) -> None:
    records = cipher_vectors.load("AES", "GCM", filename)
    assert len(records) == 7875
    cipher_cases = aead_cases = 0
    for record in records:
        iv_len = len(record["iv"]) // 2
        if not 8 <= iv_len <= 128:
            continue  # outside the IV lengths GCM accepts (OpenSSL: 64 to 1024 bits)
        _gcm_cipher_case(record)
        cipher_cases += 1
        if len(record["tag"]) == 32:
            _gcm_aead_case(record)
            aead_cases += 1
    assert cipher_cases > 2000
    assert aead_cases > 500


_CCM_FILES = [
    f"{kind}{bits}.rsp"
    for kind in ("DVPT", "VADT", "VNT", "VPT", "VTT")
    for bits in (128, 192, 256)
]


@pytest.mark.parametrize("filename", _CCM_FILES)
def test_ccm_cavp(filename: str) -> None:
    records = cipher_vectors.load("AES", "CCM", filename)
    assert records
    for record in records:
        key, nonce = hexbytes(record, "key"), hexbytes(record, "nonce")
        alen, plen, tlen = int(record["alen"]), int(record["plen"]), int(record["tlen"])
        # A zero length is written as "00".
        aad = hexbytes(record, "adata")[:alen]
        ct = hexbytes(record, "ct")
        assert len(ct) == plen + tlen
        aesccm = AESCCM(key, tag_length=tlen)
        if record.get("result", "Pass").startswith("Fail"):
            with pytest.raises(InvalidTag):
                aesccm.decrypt(nonce, ct, aad or None)
            continue
        pt = hexbytes(record, "payload")[:plen]
        assert aesccm.encrypt(nonce, pt, aad) == ct, record["count"]
        assert aesccm.decrypt(nonce, ct, aad) == pt


def test_chacha20poly1305_openssl_list() -> None:
    records = cipher_vectors.load("ChaCha20Poly1305", "openssl.txt")
    assert len(records) == 5
    for record in records:
        key, iv, aad = hexbytes(record, "key"), hexbytes(record, "iv"), hexbytes(record, "aad")
        pt, ct, tag = (hexbytes(record, n) for n in ("plaintext", "ciphertext", "tag"))
        chacha = ChaCha20Poly1305(key)
        if "result" in record:  # a damaged tag
            with pytest.raises(InvalidTag):
                chacha.decrypt(iv, ct + tag, aad)
            continue
        assert chacha.encrypt(iv, pt, aad) == ct + tag
        assert chacha.decrypt(iv, ct + tag, aad) == pt


def test_chacha20poly1305_boringssl_list() -> None:
    records = cipher_vectors.load("ChaCha20Poly1305", "boringssl.txt")
    checked = 0
    for record in records:
        nonce = hexbytes(record, "nonce")
        if len(nonce) != 12:
            continue  # the original 8-byte-nonce variant, which this class is not
        key, aad = hexbytes(record, "key"), hexbytes(record, "ad")
        pt, ct, tag = (hexbytes(record, n) for n in ("in", "ct", "tag"))
        chacha = ChaCha20Poly1305(key)
        assert chacha.encrypt(nonce, pt, aad) == ct + tag, record["count"]
        assert chacha.decrypt(nonce, ct + tag, aad) == pt
        checked += 1
    assert checked > 40


def test_aes_siv_rfc5297() -> None:
    records = cipher_vectors.load("AES", "SIV", "openssl.txt")
    assert len(records) == 4
    for record in records:
        key, tag = hexbytes(record, "key"), hexbytes(record, "tag")
        # Several components: AAD, AAD2, AAD3 (RFC 5297 A.2 has the nonce last).
        aad = [hexbytes(record, n) for n in ("aad", "aad2", "aad3") if n in record]
        pt, ct = hexbytes(record, "plaintext"), hexbytes(record, "ciphertext")
        siv = AESSIV(key)
        assert siv.encrypt(pt, aad) == tag + ct
        assert siv.decrypt(tag + ct, aad) == pt
        # An empty component is a component.
        with pytest.raises(InvalidTag):
            siv.decrypt(tag + ct, [*aad, b""])


@pytest.mark.parametrize(
    "filename",
    [
        "rfc7253.txt",
        "openssl.txt",
        "test-vector-1-nonce104.txt",
        "test-vector-1-nonce112.txt",
        "test-vector-1-nonce120.txt",
    ],
)
def test_aes_ocb3(filename: str) -> None:
    records = cipher_vectors.load("AES", "OCB3", filename)
    assert records
    for record in records:
        key, nonce, aad = (
            hexbytes(record, "key"),
            hexbytes(record, "nonce"),
            hexbytes(record, "aad"),
        )
        pt, ct = hexbytes(record, "plaintext"), hexbytes(record, "ciphertext")
        assert len(ct) == len(pt) + 16
        ocb = AESOCB3(key)
        assert ocb.encrypt(nonce, pt, aad) == ct, record["count"]
        assert ocb.decrypt(nonce, ct, aad) == pt


@pytest.mark.parametrize("filename", ["openssl.txt", "aes-192-gcm-siv.txt"])
def test_aes_gcm_siv_rfc8452(filename: str) -> None:
    records = cipher_vectors.load("AES", "GCM-SIV", filename)
    assert len(records) == 46
    for record in records:
        key, iv = hexbytes(record, "key"), hexbytes(record, "iv")
        aad = hexbytes(record, "aad") if "aad" in record else b""
        pt, ct, tag = (hexbytes(record, n) for n in ("plaintext", "ciphertext", "tag"))
        gcmsiv = AESGCMSIV(key)
        if "result" in record:
            with pytest.raises(InvalidTag):
                gcmsiv.decrypt(iv, ct + tag, aad)
            continue
        assert gcmsiv.encrypt(iv, pt, aad) == ct + tag, record["count"]
        assert gcmsiv.decrypt(iv, ct + tag, aad) == pt
