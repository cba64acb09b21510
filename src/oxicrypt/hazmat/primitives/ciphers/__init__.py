"""Symmetric encryption: :class:`Cipher` with an algorithm from
:mod:`~oxicrypt.hazmat.primitives.ciphers.algorithms` and a mode from
:mod:`~oxicrypt.hazmat.primitives.ciphers.modes`. For authenticated encryption of whole
messages, :mod:`~oxicrypt.hazmat.primitives.ciphers.aead` is simpler and safer."""

from __future__ import annotations

from oxicrypt.hazmat.primitives._cipheralgorithm import (
    BlockCipherAlgorithm,
    CipherAlgorithm,
)
from oxicrypt.hazmat.primitives.ciphers.base import (
    AEADCipherContext,
    AEADDecryptionContext,
    AEADEncryptionContext,
    Cipher,
    CipherContext,
)

__all__ = [
    "AEADCipherContext",
    "AEADDecryptionContext",
    "AEADEncryptionContext",
    "BlockCipherAlgorithm",
    "Cipher",
    "CipherAlgorithm",
    "CipherContext",
]
