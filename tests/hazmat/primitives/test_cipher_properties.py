"""Properties of every cipher, mode and AEAD class over random inputs (hypothesis):
decryption inverts encryption, the way data is split across ``update`` calls does not
change the output, ``update_into`` writes what ``update`` returns, and XTS and GCM agree
between their contexts and one-shot forms."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
from tests.hazmat.primitives.cipher_cases import CASES, CipherCase


def _split(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    bounds = [0, *points, len(data)]
    return [data[a:b] for a, b in zip(bounds, bounds[1:])]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
@settings(max_examples=25)
@given(
    key=st.binary(min_size=64, max_size=64),
    iv=st.binary(min_size=16, max_size=16),
    blocks=st.integers(0, 12),
    tail=st.integers(0, 15),
    cuts=st.lists(st.integers(0, 400), max_size=6),
)
def test_round_trip_in_pieces(
    case: CipherCase, key: bytes, iv: bytes, blocks: int, tail: int, cuts: list[int]
) -> None:
    key = key[: case.key_len]
    iv = iv[: case.iv_len]
    # Block modes take whole blocks; the others any length.
    size = blocks * case.block_len + (0 if case.block_len > 1 else tail)
    data = bytes((i * 7 + 3) % 256 for i in range(size))
    cipher = case.build("oxicrypt", key, iv)

    enc = cipher.encryptor()
    whole = enc.update(data) + enc.finalize()
    assert len(whole) == len(data)

    pieces = cipher.encryptor()
    assert b"".join(pieces.update(p) for p in _split(data, cuts)) + pieces.finalize() == whole

    into = cipher.encryptor()
    buf = bytearray(len(data) + case.block_len)
    out = b""
    for piece in _split(data, cuts[::-1]):
        n = into.update_into(piece, buf)
        out += bytes(buf[:n])
    assert out + into.finalize() == whole

    dec = cipher.decryptor()
    assert b"".join(dec.update(p) for p in _split(whole, cuts)) + dec.finalize() == data


@settings(max_examples=40)
@given(
    key=st.sampled_from([16, 24, 32]).flatmap(lambda n: st.binary(min_size=n, max_size=n)),
    iv=st.binary(min_size=8, max_size=32),
    aad=st.lists(st.binary(max_size=40), max_size=3),
    data=st.binary(max_size=300),
    cuts=st.lists(st.integers(0, 300), max_size=4),
)
def test_gcm_context_matches_aesgcm(
    key: bytes, iv: bytes, aad: list[bytes], data: bytes, cuts: list[int]
) -> None:
    enc = Cipher(algorithms.AES(key), modes.GCM(iv)).encryptor()
    for piece in aad:
        enc.authenticate_additional_data(piece)
    ct = b"".join(enc.update(p) for p in _split(data, cuts)) + enc.finalize()
    assert AESGCM(key).encrypt(iv, data, b"".join(aad)) == ct + enc.tag
    dec = Cipher(algorithms.AES(key), modes.GCM(iv)).decryptor()
    dec.authenticate_additional_data(b"".join(aad))
    assert dec.update(ct) + dec.finalize_with_tag(enc.tag) == data


@settings(max_examples=40)
@given(
    key=st.binary(min_size=64, max_size=64),
    tweak=st.binary(min_size=16, max_size=16),
    data=st.binary(min_size=16, max_size=200),
)
def test_xts_round_trip(key: bytes, tweak: bytes, data: bytes) -> None:
    for key_len in (32, 64):
        k = key[:key_len]
        if k[: key_len // 2] == k[key_len // 2 :]:
            continue  # refused, see test_ciphers.py
        size = len(data)
        cipher = Cipher(algorithms.AES(k), modes.XTS(tweak))
        enc = cipher.encryptor()
        ct = enc.update(data) + enc.finalize()
        assert len(ct) == size
        dec = cipher.decryptor()
        assert dec.update(ct) + dec.finalize() == data


_AEADS: list[tuple[Any, list[int], tuple[int, int]]] = [
    (AESGCM, [16, 24, 32], (8, 64)),
    (ChaCha20Poly1305, [32], (12, 12)),
    (AESCCM, [16, 24, 32], (7, 13)),
    (AESOCB3, [16, 24, 32], (12, 15)),
    (AESGCMSIV, [16, 24, 32], (12, 12)),
]


@pytest.mark.parametrize(
    ("cls", "key_lens", "nonce_range"), _AEADS, ids=[a[0].__name__ for a in _AEADS]
)
@settings(max_examples=40)
@given(data=st.data(), message=st.binary(max_size=600), aad=st.binary(max_size=100))
def test_aead_round_trip(
    cls: Any,
    key_lens: list[int],
    nonce_range: tuple[int, int],
    data: st.DataObject,
    message: bytes,
    aad: bytes,
) -> None:
    key_len = data.draw(st.sampled_from(key_lens))
    key = data.draw(st.binary(min_size=key_len, max_size=key_len))
    nonce = data.draw(st.binary(min_size=nonce_range[0], max_size=nonce_range[1]))
    aead = cls(key)
    sealed = aead.encrypt(nonce, message, aad)
    assert len(sealed) == len(message) + 16
    assert aead.decrypt(nonce, sealed, aad) == message
    buf = bytearray(len(sealed))
    assert aead.encrypt_into(nonce, message, aad, buf) == len(sealed)
    assert bytes(buf) == sealed
    flip = data.draw(st.integers(0, len(sealed) * 8 - 1))
    damaged = bytearray(sealed)
    damaged[flip // 8] ^= 1 << (flip % 8)
    with pytest.raises(InvalidTag):
        aead.decrypt(nonce, bytes(damaged), aad)


@settings(max_examples=40)
@given(
    key=st.sampled_from([32, 48, 64]).flatmap(lambda n: st.binary(min_size=n, max_size=n)),
    message=st.binary(max_size=300),
    aad=st.lists(st.binary(max_size=30), max_size=4),
)
def test_aes_siv_round_trip(key: bytes, message: bytes, aad: list[bytes]) -> None:
    siv = AESSIV(key)
    sealed = siv.encrypt(message, aad)
    assert sealed == siv.encrypt(message, aad)  # deterministic
    assert siv.decrypt(sealed, aad) == message
