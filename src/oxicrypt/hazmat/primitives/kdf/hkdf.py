"""HKDF (RFC 5869): HMAC-based extract-and-expand, implemented in Rust on OpenSSL."""

from __future__ import annotations

from oxicrypt._rust import kdf as _rust_kdf
from oxicrypt.hazmat.primitives.kdf import KeyDerivationFunction

__all__ = ["HKDF", "HKDFExpand"]

HKDF = _rust_kdf.HKDF
HKDFExpand = _rust_kdf.HKDFExpand
KeyDerivationFunction.register(HKDF)
KeyDerivationFunction.register(HKDFExpand)
