"""Modes kept for legacy data: OFB, CFB (128-bit feedback for AES, full-block feedback
in general) and CFB8. They neither authenticate nor resist misuse better than CTR."""

from __future__ import annotations

from oxicrypt import utils
from oxicrypt.hazmat.primitives._cipheralgorithm import _check_byteslike
from oxicrypt.hazmat.primitives._modes import (
    ModeWithInitializationVector,
    _check_iv_and_key_length,
)


class OFB(ModeWithInitializationVector):
    """Output feedback mode; the IV is one block."""

    name = "OFB"

    def __init__(self, initialization_vector: utils.Buffer):
        _check_byteslike("initialization_vector", initialization_vector)
        self._initialization_vector = initialization_vector

    @property
    def initialization_vector(self) -> utils.Buffer:
        return self._initialization_vector

    validate_for_algorithm = _check_iv_and_key_length


class CFB(ModeWithInitializationVector):
    """Cipher feedback mode with full-block feedback; the IV is one block."""

    name = "CFB"

    def __init__(self, initialization_vector: utils.Buffer):
        _check_byteslike("initialization_vector", initialization_vector)
        self._initialization_vector = initialization_vector

    @property
    def initialization_vector(self) -> utils.Buffer:
        return self._initialization_vector

    validate_for_algorithm = _check_iv_and_key_length


class CFB8(ModeWithInitializationVector):
    """Cipher feedback mode with 8-bit feedback; the IV is one block."""

    name = "CFB8"

    def __init__(self, initialization_vector: utils.Buffer):
        _check_byteslike("initialization_vector", initialization_vector)
        self._initialization_vector = initialization_vector

    @property
    def initialization_vector(self) -> utils.Buffer:
        return self._initialization_vector

    validate_for_algorithm = _check_iv_and_key_length
