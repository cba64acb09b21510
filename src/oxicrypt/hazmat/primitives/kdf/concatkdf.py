"""The one-step key derivation of NIST SP 800-56C ("ConcatKDF"), with a hash or with HMAC,
implemented in Rust on OpenSSL."""

from __future__ import annotations

from oxicrypt._rust import kdf as _rust_kdf
from oxicrypt.hazmat.primitives.kdf import KeyDerivationFunction

__all__ = ["ConcatKDFHMAC", "ConcatKDFHash"]

ConcatKDFHash = _rust_kdf.ConcatKDFHash
ConcatKDFHMAC = _rust_kdf.ConcatKDFHMAC
KeyDerivationFunction.register(ConcatKDFHash)
KeyDerivationFunction.register(ConcatKDFHMAC)
