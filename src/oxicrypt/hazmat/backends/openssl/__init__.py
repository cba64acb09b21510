"""The OpenSSL backend."""

from __future__ import annotations

from oxicrypt.hazmat.backends.openssl.backend import backend

__all__ = ["backend"]
