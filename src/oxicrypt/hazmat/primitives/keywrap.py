"""AES key wrap (RFC 3394) and AES key wrap with padding (RFC 5649)."""

from __future__ import annotations


class InvalidUnwrap(Exception):
    """A wrapped key failed its integrity check, or is not of a length that can be
    unwrapped."""


# Imported after InvalidUnwrap, which the Rust functions raise.
from oxicrypt._rust.keywrap import (  # noqa: E402
    aes_key_unwrap,
    aes_key_unwrap_with_padding,
    aes_key_wrap,
    aes_key_wrap_with_padding,
)

__all__ = [
    "InvalidUnwrap",
    "aes_key_unwrap",
    "aes_key_unwrap_with_padding",
    "aes_key_wrap",
    "aes_key_wrap_with_padding",
]
