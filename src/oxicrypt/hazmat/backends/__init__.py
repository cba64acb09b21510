"""Backends. oxicrypt has exactly one, built on the OpenSSL it links; ``backend=``
arguments are accepted everywhere for compatibility and ignored."""

from __future__ import annotations

from typing import Any

__all__ = ["default_backend"]


def default_backend() -> Any:
    """Returns the OpenSSL backend object."""
    from oxicrypt.hazmat.backends.openssl.backend import backend

    return backend
