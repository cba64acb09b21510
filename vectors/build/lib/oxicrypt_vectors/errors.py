"""The error the generator raises when two implementations disagree."""

from __future__ import annotations

__all__ = ["CrossCheckError"]


class CrossCheckError(RuntimeError):
    """Two C implementations disagree on a vector."""
