"""Authenticated encryption with associated data, one message at a time: encrypt returns
ciphertext with its tag appended (AES-SIV puts the synthetic IV first), decrypt checks the
tag and raises :class:`~oxicrypt.exceptions.InvalidTag` on any change. The classes are
implemented in Rust (``oxicrypt._rust.aead``); instances are immutable and may be shared
between threads."""

from __future__ import annotations

from oxicrypt._rust import aead as _rust_aead

__all__ = [
    "AESCCM",
    "AESGCM",
    "AESGCMSIV",
    "AESOCB3",
    "AESSIV",
    "ChaCha20Poly1305",
]

AESGCM = _rust_aead.AESGCM
ChaCha20Poly1305 = _rust_aead.ChaCha20Poly1305
AESCCM = _rust_aead.AESCCM
AESSIV = _rust_aead.AESSIV
AESOCB3 = _rust_aead.AESOCB3
AESGCMSIV = _rust_aead.AESGCMSIV
