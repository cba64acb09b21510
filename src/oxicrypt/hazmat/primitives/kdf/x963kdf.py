"""The ANSI X9.63 key derivation function (SEC 1 section 3.6.1), implemented in Rust on OpenSSL."""

from __future__ import annotations

from oxicrypt._rust import kdf as _rust_kdf
from oxicrypt.hazmat.primitives.kdf import KeyDerivationFunction

__all__ = ["X963KDF"]

X963KDF = _rust_kdf.X963KDF
KeyDerivationFunction.register(X963KDF)
