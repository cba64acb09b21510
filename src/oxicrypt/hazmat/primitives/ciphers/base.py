"""``Cipher``, which pairs an algorithm with a mode, and the interfaces of the contexts
its ``encryptor()`` and ``decryptor()`` return. The contexts are implemented in Rust on
top of OpenSSL (``oxicrypt._rust.ciphers``)."""

from __future__ import annotations

import abc
import typing

from oxicrypt._rust import ciphers as _rust_ciphers
from oxicrypt.hazmat.primitives._cipheralgorithm import CipherAlgorithm
from oxicrypt.hazmat.primitives.ciphers import modes
from oxicrypt.utils import Buffer

__all__ = [
    "AEADCipherContext",
    "AEADDecryptionContext",
    "AEADEncryptionContext",
    "Buffer",
    "Cipher",
    "CipherAlgorithm",
    "CipherContext",
    "Mode",
]


class CipherContext(metaclass=abc.ABCMeta):
    """A running encryption or decryption."""

    @abc.abstractmethod
    def update(self, data: Buffer) -> bytes:
        """Processes ``data`` and returns what is ready of the output (block modes hold
        back an incomplete block)."""

    @abc.abstractmethod
    def update_into(self, data: Buffer, buf: Buffer) -> int:
        """Like :meth:`update`, but writes the output into the writable buffer ``buf``
        (which needs ``len(data) + block_size - 1`` bytes) and returns how many bytes
        it wrote."""

    @abc.abstractmethod
    def finalize(self) -> bytes:
        """Finishes the operation; the context cannot be used afterwards."""

    @abc.abstractmethod
    def reset_nonce(self, nonce: bytes) -> None:
        """Restarts a CTR-mode or ChaCha20 context with a new nonce, keeping the key.
        Other modes raise :class:`~oxicrypt.exceptions.UnsupportedAlgorithm`."""


class AEADCipherContext(CipherContext, metaclass=abc.ABCMeta):
    """A context of an authenticated mode (GCM)."""

    @abc.abstractmethod
    def authenticate_additional_data(self, data: Buffer) -> None:
        """Authenticates ``data`` without encrypting it; only before any :meth:`update`."""


class AEADDecryptionContext(AEADCipherContext, metaclass=abc.ABCMeta):
    """An authenticated decryption."""

    @abc.abstractmethod
    def finalize_with_tag(self, tag: bytes) -> bytes:
        """Finishes the decryption, checking ``tag`` (for when the mode was created
        without one). Raises :class:`~oxicrypt.exceptions.InvalidTag` if it does not
        match."""


class AEADEncryptionContext(AEADCipherContext, metaclass=abc.ABCMeta):
    """An authenticated encryption."""

    @property
    @abc.abstractmethod
    def tag(self) -> bytes:
        """The authentication tag, available after :meth:`finalize`."""


Mode = typing.TypeVar("Mode", bound=typing.Optional[modes.Mode], covariant=True)


class Cipher(typing.Generic[Mode]):
    """A cipher algorithm (with its key) in a mode. Stream ciphers (ChaCha20, ARC4) take
    ``None`` as the mode. ``backend`` is ignored."""

    def __init__(
        self,
        algorithm: CipherAlgorithm,
        mode: Mode,
        backend: typing.Any = None,
    ) -> None:
        if not isinstance(algorithm, CipherAlgorithm):
            raise TypeError("Expected interface of CipherAlgorithm.")
        if mode is not None:
            if not isinstance(mode, modes.Mode):
                raise TypeError("Expected interface of Mode.")
            mode.validate_for_algorithm(algorithm)
        self.algorithm = algorithm
        self.mode = mode

    @typing.overload
    def encryptor(self: Cipher[modes.ModeWithAuthenticationTag]) -> AEADEncryptionContext: ...

    @typing.overload
    def encryptor(self: _CipherWithoutTag) -> CipherContext: ...

    def encryptor(self):  # type: ignore[no-untyped-def]
        """A new encryption context (an
        :class:`~oxicrypt.hazmat.primitives.ciphers.AEADEncryptionContext` for GCM)."""
        if isinstance(self.mode, modes.ModeWithAuthenticationTag) and self.mode.tag is not None:
            raise ValueError("Authentication tag must be None when encrypting.")
        return _rust_ciphers.create_encryption_ctx(self.algorithm, self.mode)

    @typing.overload
    def decryptor(self: Cipher[modes.ModeWithAuthenticationTag]) -> AEADDecryptionContext: ...

    @typing.overload
    def decryptor(self: _CipherWithoutTag) -> CipherContext: ...

    def decryptor(self):  # type: ignore[no-untyped-def]
        """A new decryption context (an
        :class:`~oxicrypt.hazmat.primitives.ciphers.AEADDecryptionContext` for GCM)."""
        return _rust_ciphers.create_decryption_ctx(self.algorithm, self.mode)


_CipherWithoutTag = Cipher[
    typing.Union[
        modes.ModeWithNonce,
        modes.ModeWithTweak,
        modes.ECB,
        modes.ModeWithInitializationVector,
        None,
    ]
]

CipherContext.register(_rust_ciphers.CipherContext)
AEADEncryptionContext.register(_rust_ciphers.AEADEncryptionContext)
AEADDecryptionContext.register(_rust_ciphers.AEADDecryptionContext)
