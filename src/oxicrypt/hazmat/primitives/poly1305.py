"""Poly1305 (RFC 8439), the one-time authenticator, implemented in Rust on OpenSSL."""

from __future__ import annotations

from oxicrypt._rust import poly1305 as _rust_poly1305

__all__ = ["Poly1305"]

Poly1305 = _rust_poly1305.Poly1305
