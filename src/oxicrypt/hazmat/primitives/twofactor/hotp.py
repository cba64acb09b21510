"""HOTP: HMAC-based one-time passwords (RFC 4226)."""

from __future__ import annotations

import base64
import typing
from urllib.parse import quote, urlencode

from oxicrypt.hazmat.primitives import constant_time, hmac
from oxicrypt.hazmat.primitives.hashes import SHA1, SHA256, SHA512
from oxicrypt.hazmat.primitives.twofactor import InvalidToken
from oxicrypt.utils import Buffer

__all__ = ["HOTP", "SHA1", "SHA256", "SHA512", "Buffer", "HOTPHashTypes", "InvalidToken"]

HOTPHashTypes = typing.Union[SHA1, SHA256, SHA512]

_MAX_COUNTER = 2**64 - 1


def _generate_uri(
    hotp: HOTP,
    type_name: str,
    account_name: str,
    issuer: str | None,
    extra_parameters: list[tuple[str, int]],
) -> str:
    """An ``otpauth://`` URI in the Key Uri Format that authenticator apps read."""
    parameters: list[tuple[str, typing.Any]] = [
        ("digits", hotp._length),
        ("secret", base64.b32encode(hotp._key)),
        ("algorithm", hotp._algorithm.name.upper()),
    ]
    if issuer is not None:
        parameters.append(("issuer", issuer))
    parameters.extend(extra_parameters)
    label = f"{quote(issuer)}:{quote(account_name)}" if issuer else quote(account_name)
    return f"otpauth://{type_name}/{label}?{urlencode(parameters)}"


class HOTP:
    """Counter-based one-time passwords of 6 to 8 digits."""

    def __init__(
        self,
        key: Buffer,
        length: int,
        algorithm: HOTPHashTypes,
        backend: typing.Any = None,
        enforce_key_length: bool = True,
    ) -> None:
        if len(key) < 16 and enforce_key_length is True:  # type: ignore[arg-type]
            raise ValueError("Key length has to be at least 128 bits.")
        if not isinstance(length, int):
            raise TypeError("Length parameter must be an integer type.")
        if length < 6 or length > 8:
            raise ValueError("Length of HOTP has to be between 6 and 8.")
        if not isinstance(algorithm, (SHA1, SHA256, SHA512)):
            raise TypeError("Algorithm must be SHA1, SHA256 or SHA512.")
        self._key = key
        self._length = length
        self._algorithm = algorithm

    def generate(self, counter: int) -> bytes:
        """The password for ``counter`` (0 to 2**64 - 1), as ASCII digits."""
        if not isinstance(counter, int):
            raise TypeError("Counter parameter must be an integer type.")
        if counter < 0 or counter > _MAX_COUNTER:
            raise ValueError(f"Counter must be between 0 and {_MAX_COUNTER}.")
        value = self._dynamic_truncate(counter) % (10**self._length)
        return str(value).zfill(self._length).encode()

    def verify(self, hotp: bytes, counter: int) -> None:
        """Raises :class:`InvalidToken` unless ``hotp`` is the password for ``counter``
        (compared in constant time)."""
        if not constant_time.bytes_eq(self.generate(counter), hotp):
            raise InvalidToken("Supplied HOTP value does not match.")

    def _dynamic_truncate(self, counter: int) -> int:
        # RFC 4226 section 5.3: 31 bits read at the offset given by the MAC's last nibble.
        ctx = hmac.HMAC(self._key, self._algorithm)
        ctx.update(counter.to_bytes(8, "big"))
        mac = ctx.finalize()
        offset = mac[-1] & 0x0F
        return int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFFFFFF

    def get_provisioning_uri(self, account_name: str, counter: int, issuer: str | None) -> str:
        """The ``otpauth://hotp/...`` URI that provisions this key at ``counter``."""
        return _generate_uri(self, "hotp", account_name, issuer, [("counter", int(counter))])
