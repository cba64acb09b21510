"""CMAC (NIST SP 800-38B), the block-cipher MAC, implemented in Rust on OpenSSL."""

from __future__ import annotations

from oxicrypt._rust import cmac as _rust_cmac

__all__ = ["CMAC"]

CMAC = _rust_cmac.CMAC
