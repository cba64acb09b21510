"""Block padding: PKCS #7 (RFC 5652 section 6.3) and ANSI X9.23. The contexts are in Rust;
unpadding checks the padding in constant time."""

from __future__ import annotations

import abc

from oxicrypt import utils
from oxicrypt._rust import padding as _rust_padding

__all__ = [
    "ANSIX923",
    "PKCS7",
    "ANSIX923PaddingContext",
    "ANSIX923UnpaddingContext",
    "PKCS7PaddingContext",
    "PKCS7UnpaddingContext",
    "PaddingContext",
]


class PaddingContext(metaclass=abc.ABCMeta):
    """A padder or unpadder: feed data with ``update``, end with ``finalize``."""

    @abc.abstractmethod
    def update(self, data: utils.Buffer) -> bytes:
        """Pads or unpads ``data`` and returns what is ready."""

    @abc.abstractmethod
    def finalize(self) -> bytes:
        """Finishes the operation and returns the rest."""


PKCS7PaddingContext = _rust_padding.PKCS7PaddingContext
PKCS7UnpaddingContext = _rust_padding.PKCS7UnpaddingContext
ANSIX923PaddingContext = _rust_padding.ANSIX923PaddingContext
ANSIX923UnpaddingContext = _rust_padding.ANSIX923UnpaddingContext
for _cls in (
    PKCS7PaddingContext,
    PKCS7UnpaddingContext,
    ANSIX923PaddingContext,
    ANSIX923UnpaddingContext,
):
    PaddingContext.register(_cls)
del _cls


def _check_block_size(block_size: int) -> None:
    if not (0 <= block_size <= 2040):
        raise ValueError("block_size must be in range(0, 2041).")
    if block_size % 8 != 0:
        raise ValueError("block_size must be a multiple of 8.")


class PKCS7:
    """PKCS #7 padding: n bytes of value n, for block sizes (in bits) that are multiples
    of 8 up to 2040."""

    def __init__(self, block_size: int):
        _check_block_size(block_size)
        self.block_size = block_size

    def padder(self) -> PaddingContext:
        return PKCS7PaddingContext(self.block_size)

    def unpadder(self) -> PaddingContext:
        return PKCS7UnpaddingContext(self.block_size)


class ANSIX923:
    """ANSI X9.23 padding: zero bytes, then one byte giving the padding length."""

    def __init__(self, block_size: int):
        _check_block_size(block_size)
        self.block_size = block_size

    def padder(self) -> PaddingContext:
        return ANSIX923PaddingContext(self.block_size)

    def unpadder(self) -> PaddingContext:
        return ANSIX923UnpaddingContext(self.block_size)
