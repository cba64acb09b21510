"""Comparison of secrets in time that does not depend on their contents."""

from __future__ import annotations

from oxicrypt._rust import constant_time as _rust_constant_time

__all__ = ["bytes_eq"]


def bytes_eq(a: bytes, b: bytes) -> bool:
    """True when ``a == b``, compared in time independent of where they differ (only the
    lengths may leak). Both must be :class:`bytes`."""
    return _rust_constant_time.bytes_eq(a, b)
