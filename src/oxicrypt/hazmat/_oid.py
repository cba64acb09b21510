"""Object identifiers."""

from __future__ import annotations

from oxicrypt._rust.oid import ObjectIdentifier as ObjectIdentifier

__all__ = ["ObjectIdentifier"]
