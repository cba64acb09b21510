"""The cipher-algorithm interfaces, kept apart from ``ciphers`` so that the algorithm
and mode modules (including the decrepit ones) can import them without a cycle."""

from __future__ import annotations

import abc

from oxicrypt import utils

__all__ = ["BlockCipherAlgorithm", "CipherAlgorithm"]


class CipherAlgorithm(metaclass=abc.ABCMeta):
    """A symmetric cipher with its key, as given to
    :class:`~oxicrypt.hazmat.primitives.ciphers.Cipher`."""

    @property
    @abc.abstractmethod
    def name(self) -> str:
        """The algorithm's name, e.g. ``"AES"``."""

    @property
    @abc.abstractmethod
    def key_sizes(self) -> frozenset[int]:
        """Every key size the algorithm accepts, in bits."""

    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The size of this instance's key, in bits."""


class BlockCipherAlgorithm(CipherAlgorithm):
    """A cipher that works on fixed-size blocks, and so can be used in a mode."""

    key: utils.Buffer

    @property
    @abc.abstractmethod
    def block_size(self) -> int:
        """The block size, in bits."""


def _check_byteslike(name: str, value: object) -> None:
    """Raises ``TypeError`` unless ``value`` exports a buffer (bytes, bytearray, ...)."""
    try:
        memoryview(value)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"{name} must be bytes-like") from None


def _verify_key_size(algorithm: CipherAlgorithm, key: utils.Buffer) -> utils.Buffer:
    """Checks that ``key`` is bytes-like and of a size ``algorithm`` accepts; returns it."""
    _check_byteslike("key", key)
    bits = len(key) * 8  # type: ignore[arg-type]
    if bits not in algorithm.key_sizes:
        raise ValueError(f"Invalid key size ({bits}) for {algorithm.name}.")
    return key
