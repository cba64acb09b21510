"""HMAC (RFC 2104), implemented in Rust on OpenSSL."""

from __future__ import annotations

from oxicrypt._rust import hmac as _rust_hmac
from oxicrypt.hazmat.primitives import hashes

__all__ = ["HMAC"]

HMAC = _rust_hmac.HMAC
hashes.HashContext.register(HMAC)
