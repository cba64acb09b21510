"""PBKDF2 with HMAC (RFC 8018 section 5.2), implemented in Rust on OpenSSL."""

from __future__ import annotations

from oxicrypt._rust import kdf as _rust_kdf
from oxicrypt.hazmat.primitives.kdf import KeyDerivationFunction

__all__ = ["PBKDF2HMAC"]

PBKDF2HMAC = _rust_kdf.PBKDF2HMAC
KeyDerivationFunction.register(PBKDF2HMAC)
