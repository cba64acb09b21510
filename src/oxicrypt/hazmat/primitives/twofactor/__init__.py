"""One-time passwords: HOTP (RFC 4226) and TOTP (RFC 6238)."""

from __future__ import annotations

__all__ = ["InvalidToken"]


class InvalidToken(Exception):
    """A one-time password did not match."""
