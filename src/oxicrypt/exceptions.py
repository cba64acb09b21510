"""Exceptions raised by oxicrypt, with the names and meanings of pyca/cryptography's."""

from __future__ import annotations

import enum
import typing

if typing.TYPE_CHECKING:
    from oxicrypt._rust import openssl as rust_openssl


class _Reasons(enum.Enum):
    """Why an algorithm is unsupported; carried by :class:`UnsupportedAlgorithm`."""

    BACKEND_MISSING_INTERFACE = 0
    UNSUPPORTED_HASH = 1
    UNSUPPORTED_CIPHER = 2
    UNSUPPORTED_PADDING = 3
    UNSUPPORTED_MGF = 4
    UNSUPPORTED_PUBLIC_KEY_ALGORITHM = 5
    UNSUPPORTED_ELLIPTIC_CURVE = 6
    UNSUPPORTED_SERIALIZATION = 7
    UNSUPPORTED_X509 = 8
    UNSUPPORTED_EXCHANGE_ALGORITHM = 9
    UNSUPPORTED_DIFFIE_HELLMAN = 10
    UNSUPPORTED_MAC = 11

    def __repr__(self) -> str:
        return f"_Reasons.{self.name}"


class UnsupportedAlgorithm(Exception):
    """The algorithm, or this combination of parameters, is not available."""

    def __init__(self, message: str, reason: _Reasons | None = None) -> None:
        super().__init__(message)
        self._reason = reason


class AlreadyFinalized(Exception):
    """A context was used after it was finalized."""


class AlreadyUpdated(Exception):
    """A context was given data after it could no longer accept any."""


class NotYetFinalized(Exception):
    """A value that only exists after finalization was asked for too early."""


class InvalidTag(Exception):
    """An authentication tag did not match."""


class InvalidSignature(Exception):
    """A signature or MAC did not verify."""


class InternalError(Exception):
    """OpenSSL failed where it should not have; ``err_code`` holds its error queue."""

    def __init__(self, msg: str, err_code: list[rust_openssl.OpenSSLError]) -> None:
        super().__init__(msg)
        self.err_code = err_code


class InvalidKey(Exception):
    """A derived or supplied key did not match what was expected."""
