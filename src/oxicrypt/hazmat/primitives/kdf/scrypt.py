"""scrypt (RFC 7914), the memory-hard password KDF, implemented in Rust on OpenSSL."""

from __future__ import annotations

import sys

from oxicrypt._rust import kdf as _rust_kdf
from oxicrypt.hazmat.primitives.kdf import KeyDerivationFunction

__all__ = ["Scrypt"]

Scrypt = _rust_kdf.Scrypt
KeyDerivationFunction.register(Scrypt)

# The most memory a derivation may use, as in the reference (``sys.maxsize // 2``).
_MEM_LIMIT = sys.maxsize // 2
