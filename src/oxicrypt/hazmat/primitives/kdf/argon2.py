"""Argon2 (RFC 9106): the password-hashing functions Argon2d, Argon2i and Argon2id,
implemented in Rust on OpenSSL (3.2 or later)."""

from __future__ import annotations

from oxicrypt._rust import kdf as _rust_kdf
from oxicrypt.hazmat.primitives.kdf import KeyDerivationFunction

__all__ = ["Argon2d", "Argon2i", "Argon2id"]

Argon2d = _rust_kdf.Argon2d
Argon2i = _rust_kdf.Argon2i
Argon2id = _rust_kdf.Argon2id
for _cls in (Argon2d, Argon2i, Argon2id):
    KeyDerivationFunction.register(_cls)
del _cls
