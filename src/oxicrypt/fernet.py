"""Fernet: authenticated symmetric encryption of messages, with timestamps
(https://github.com/fernet/spec). The token cryptography (AES-128-CBC, HMAC-SHA256,
base64) is done in Rust in one call per operation."""

from __future__ import annotations

import base64
import binascii
import os
import time
import typing
from collections.abc import Iterable

from oxicrypt._rust import fernet as _rust_fernet

# Re-exported, as in the reference module.
from oxicrypt.exceptions import InvalidSignature as InvalidSignature
from oxicrypt.hazmat.primitives.ciphers import Cipher as Cipher
from oxicrypt.hazmat.primitives.hmac import HMAC as HMAC

__all__ = ["HMAC", "Cipher", "Fernet", "InvalidSignature", "InvalidToken", "MultiFernet"]

# How far in the future a token may be dated when a TTL is checked, in seconds.
_MAX_CLOCK_SKEW = 60


class InvalidToken(Exception):
    """The token is malformed, was tampered with, was made with another key, or has
    expired."""


class Fernet:
    """Encrypts and authenticates messages with a 32-byte key given in urlsafe base64."""

    def __init__(self, key: bytes | str, backend: typing.Any = None) -> None:
        try:
            raw = base64.urlsafe_b64decode(key)
        except binascii.Error as exc:
            raise ValueError("Fernet key must be 32 url-safe base64-encoded bytes.") from exc
        if len(raw) != 32:
            raise ValueError("Fernet key must be 32 url-safe base64-encoded bytes.")
        self._signing_key = raw[:16]
        self._encryption_key = raw[16:]
        self._key = _rust_fernet.FernetKey(raw)

    @classmethod
    def generate_key(cls) -> bytes:
        """A new random key, in urlsafe base64."""
        return base64.urlsafe_b64encode(os.urandom(32))

    def encrypt(self, data: bytes) -> bytes:
        """The token for ``data``, dated now."""
        return self.encrypt_at_time(data, int(time.time()))

    def encrypt_at_time(self, data: bytes, current_time: int) -> bytes:
        """The token for ``data``, dated ``current_time`` (seconds since the epoch)."""
        if not isinstance(data, bytes):
            raise TypeError("data must be bytes")
        return self._key.encrypt(data, current_time)

    def _encrypt_from_parts(self, data: bytes, current_time: int, iv: bytes) -> bytes:
        if not isinstance(data, bytes):
            raise TypeError("data must be bytes")
        return self._key.encrypt(data, current_time, iv)

    def decrypt(self, token: bytes | str, ttl: int | None = None) -> bytes:
        """The plaintext of ``token``. With ``ttl``, tokens older than ``ttl`` seconds are
        refused. Raises :class:`InvalidToken` for any token that does not check out."""
        if ttl is None:
            plaintext = self._key.decrypt(token, None, 0)
        else:
            plaintext = self._decrypt_with_ttl(token, ttl, int(time.time()))
        if plaintext is None:
            raise InvalidToken
        return plaintext

    def decrypt_at_time(self, token: bytes | str, ttl: int, current_time: int) -> bytes:
        """``decrypt`` as if the time were ``current_time``; a ``ttl`` is required."""
        if ttl is None:
            raise ValueError("decrypt_at_time() can only be used with a non-None ttl")
        plaintext = self._decrypt_with_ttl(token, ttl, current_time)
        if plaintext is None:
            raise InvalidToken
        return plaintext

    def _decrypt_with_ttl(self, token: bytes | str, ttl: int, current_time: int) -> bytes | None:
        try:
            # The common case: integer times, checked in Rust.
            return self._key.decrypt(token, ttl, current_time)
        except (TypeError, OverflowError):
            if not isinstance(token, (bytes, str)):
                raise
        # Other numbers (floats, huge integers) are compared in Python, as the reference
        # does, before the token is authenticated.
        timestamp = _rust_fernet.unverified_timestamp(token)
        if timestamp is None:
            return None
        if timestamp + ttl < current_time:
            return None
        if current_time + _MAX_CLOCK_SKEW < timestamp:
            return None
        return self._key.decrypt(token, None, 0)

    def extract_timestamp(self, token: bytes | str) -> int:
        """The time ``token`` was made, after checking that it is authentic."""
        timestamp = self._key.extract_timestamp(token)
        if timestamp is None:
            raise InvalidToken
        return timestamp


class MultiFernet:
    """Several Fernet keys: encrypts with the first, decrypts with any (for key
    rotation)."""

    def __init__(self, fernets: Iterable[Fernet]):
        fernets = list(fernets)
        if not fernets:
            raise ValueError("MultiFernet requires at least one Fernet instance")
        self._fernets = fernets

    def encrypt(self, msg: bytes) -> bytes:
        return self.encrypt_at_time(msg, int(time.time()))

    def encrypt_at_time(self, msg: bytes, current_time: int) -> bytes:
        return self._fernets[0].encrypt_at_time(msg, current_time)

    def rotate(self, msg: bytes | str) -> bytes:
        """Re-encrypts ``msg`` with the first key, keeping its timestamp."""
        timestamp = _rust_fernet.unverified_timestamp(msg)
        if timestamp is None:
            raise InvalidToken
        for f in self._fernets:
            plaintext = f._key.decrypt(msg, None, 0)
            if plaintext is not None:
                return self._fernets[0]._key.encrypt(plaintext, timestamp)
        raise InvalidToken

    def decrypt(self, msg: bytes | str, ttl: int | None = None) -> bytes:
        for f in self._fernets:
            try:
                return f.decrypt(msg, ttl)
            except InvalidToken:
                pass
        raise InvalidToken

    def decrypt_at_time(self, msg: bytes | str, ttl: int, current_time: int) -> bytes:
        for f in self._fernets:
            try:
                return f.decrypt_at_time(msg, ttl, current_time)
            except InvalidToken:
                pass
        raise InvalidToken

    def extract_timestamp(self, msg: bytes | str) -> int:
        for f in self._fernets:
            try:
                return f.extract_timestamp(msg)
            except InvalidToken:
                pass
        raise InvalidToken
