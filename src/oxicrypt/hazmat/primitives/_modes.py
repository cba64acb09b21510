"""The mode interfaces and the checks modes share, kept apart from ``ciphers.modes`` so
that ``hazmat.decrepit.ciphers.modes`` can use them without an import cycle."""

from __future__ import annotations

import abc

from oxicrypt import utils
from oxicrypt.exceptions import UnsupportedAlgorithm, _Reasons
from oxicrypt.hazmat.primitives._cipheralgorithm import BlockCipherAlgorithm, CipherAlgorithm

__all__ = [
    "Mode",
    "ModeWithAuthenticationTag",
    "ModeWithInitializationVector",
    "ModeWithNonce",
    "ModeWithTweak",
]


class Mode(metaclass=abc.ABCMeta):
    """A block cipher mode of operation."""

    @property
    @abc.abstractmethod
    def name(self) -> str:
        """The mode's name, e.g. ``"CBC"``."""

    @abc.abstractmethod
    def validate_for_algorithm(self, algorithm: CipherAlgorithm) -> None:
        """Raises if this mode cannot be used with ``algorithm`` (wrong IV length, key
        size, or not a block cipher)."""


class ModeWithInitializationVector(Mode, metaclass=abc.ABCMeta):
    """A mode that takes an initialization vector."""

    @property
    @abc.abstractmethod
    def initialization_vector(self) -> utils.Buffer:
        """The initialization vector."""


class ModeWithTweak(Mode, metaclass=abc.ABCMeta):
    """A mode that takes a tweak (XTS)."""

    @property
    @abc.abstractmethod
    def tweak(self) -> utils.Buffer:
        """The tweak."""


class ModeWithNonce(Mode, metaclass=abc.ABCMeta):
    """A mode that takes a nonce (CTR)."""

    @property
    @abc.abstractmethod
    def nonce(self) -> utils.Buffer:
        """The nonce (for CTR, the initial counter block)."""


class ModeWithAuthenticationTag(Mode, metaclass=abc.ABCMeta):
    """A mode that authenticates what it encrypts (GCM)."""

    @property
    @abc.abstractmethod
    def tag(self) -> bytes | None:
        """The tag given to the constructor, for decryption; ``None`` otherwise."""


def _check_aes_key_length(self: Mode, algorithm: CipherAlgorithm) -> None:
    # 512-bit AES keys exist only for XTS, which takes two keys.
    if algorithm.key_size > 256 and algorithm.name == "AES":
        raise ValueError("Only 128, 192, and 256 bit keys are allowed for this AES mode")


def _require_block_cipher(what: object, algorithm: CipherAlgorithm) -> BlockCipherAlgorithm:
    if not isinstance(algorithm, BlockCipherAlgorithm):
        raise UnsupportedAlgorithm(
            f"{what} requires a block cipher algorithm", _Reasons.UNSUPPORTED_CIPHER
        )
    return algorithm


def _check_nonce_length(nonce: utils.Buffer, name: str, algorithm: CipherAlgorithm) -> None:
    block = _require_block_cipher(name, algorithm)
    size = len(nonce)  # type: ignore[arg-type]
    if size * 8 != block.block_size:
        raise ValueError(f"Invalid nonce size ({size}) for {name}.")


def _check_iv_and_key_length(
    self: ModeWithInitializationVector, algorithm: CipherAlgorithm
) -> None:
    # The reference names the mode object itself (its repr) in this message.
    block = _require_block_cipher(self, algorithm)
    _check_aes_key_length(self, algorithm)
    size = len(self.initialization_vector)  # type: ignore[arg-type]
    if size * 8 != block.block_size:
        raise ValueError(f"Invalid IV size ({size}) for {self.name}.")
