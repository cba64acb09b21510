"""TOTP: time-based one-time passwords (RFC 6238)."""

from __future__ import annotations

import typing

from oxicrypt.hazmat.primitives import constant_time
from oxicrypt.hazmat.primitives.twofactor import InvalidToken
from oxicrypt.hazmat.primitives.twofactor.hotp import (
    HOTP,
    HOTPHashTypes,
    _generate_uri,
)
from oxicrypt.utils import Buffer

__all__ = ["HOTP", "TOTP", "Buffer", "HOTPHashTypes", "InvalidToken"]


class TOTP:
    """HOTP over the number of ``time_step``-second steps since the Unix epoch."""

    def __init__(
        self,
        key: Buffer,
        length: int,
        algorithm: HOTPHashTypes,
        time_step: int,
        backend: typing.Any = None,
        enforce_key_length: bool = True,
    ):
        self._time_step = time_step
        self._hotp = HOTP(key, length, algorithm, enforce_key_length=enforce_key_length)

    def generate(self, time: int | float) -> bytes:
        """The password at Unix time ``time``."""
        if not isinstance(time, (int, float)):
            raise TypeError("Time parameter must be an integer type or float type.")
        return self._hotp.generate(int(time / self._time_step))

    def verify(self, totp: bytes, time: int) -> None:
        """Raises :class:`InvalidToken` unless ``totp`` is the password at ``time``
        (compared in constant time)."""
        if not constant_time.bytes_eq(self.generate(time), totp):
            raise InvalidToken("Supplied TOTP value does not match.")

    def get_provisioning_uri(self, account_name: str, issuer: str | None) -> str:
        """The ``otpauth://totp/...`` URI that provisions this key."""
        return _generate_uri(
            self._hotp, "totp", account_name, issuer, [("period", int(self._time_step))]
        )
