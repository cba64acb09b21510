"""Old block and stream ciphers, for reading and writing legacy data. Most of them come
from OpenSSL's legacy provider, which oxicrypt loads the first time one is used; where the
linked OpenSSL lacks one, creating a context raises
:class:`~oxicrypt.exceptions.UnsupportedAlgorithm`."""

from __future__ import annotations

import warnings

from oxicrypt import utils
from oxicrypt.hazmat.primitives._cipheralgorithm import (
    BlockCipherAlgorithm,
    CipherAlgorithm,
    _check_byteslike,
    _verify_key_size,
)


def _key_size_property() -> property:
    """``key_size``: the key's length in bits. Each class gets its own property object
    (rather than inheriting one) so that it is part of the class, as in the reference."""

    def key_size(self: CipherAlgorithm) -> int:
        return len(self.key) * 8  # type: ignore[attr-defined]

    return property(key_size, doc="The size of the key, in bits.")


class ARC4(CipherAlgorithm):
    """RC4, a stream cipher (used without a mode). Broken; for legacy data only."""

    name = "RC4"
    key_sizes = frozenset([40, 56, 64, 80, 128, 160, 192, 256])
    key_size = _key_size_property()

    def __init__(self, key: bytes):
        self.key = _verify_key_size(self, key)


class TripleDES(BlockCipherAlgorithm):
    """Triple DES (DES-EDE3), 64-bit blocks. One- and two-key forms are accepted with a
    deprecation warning and expanded to the equivalent three-key form."""

    name = "3DES"
    block_size = 64
    key_sizes = frozenset([64, 128, 192])
    key_size = _key_size_property()

    def __init__(self, key: bytes):
        # The type is checked before the length so that a wrong type does not warn.
        _check_byteslike("key", key)
        if len(key) == 8:
            warnings.warn(
                "Single-key TripleDES (8-byte keys) is deprecated and support will be "
                "removed in a future release. Use 24-byte keys instead (e.g., "
                "key + key + key).",
                utils.DeprecatedIn47,
                stacklevel=2,
            )
            key = bytes(key) * 3
        elif len(key) == 16:
            warnings.warn(
                "Two-key TripleDES (16-byte keys) is deprecated and support will be "
                "removed in a future release. Use 24-byte keys instead (e.g., "
                "key + key[:8]).",
                utils.DeprecatedIn47,
                stacklevel=2,
            )
            key = bytes(key) + bytes(key)[:8]
        self.key = _verify_key_size(self, key)


class Blowfish(BlockCipherAlgorithm):
    """Blowfish, 64-bit blocks, keys of 32 to 448 bits."""

    name = "Blowfish"
    block_size = 64
    key_sizes = frozenset(range(32, 449, 8))
    key_size = _key_size_property()

    def __init__(self, key: bytes):
        self.key = _verify_key_size(self, key)


class CAST5(BlockCipherAlgorithm):
    """CAST5 (CAST-128, RFC 2144), 64-bit blocks, keys of 40 to 128 bits."""

    name = "CAST5"
    block_size = 64
    key_sizes = frozenset(range(40, 129, 8))
    key_size = _key_size_property()

    def __init__(self, key: bytes):
        self.key = _verify_key_size(self, key)


class SEED(BlockCipherAlgorithm):
    """SEED (RFC 4269), 128-bit blocks and keys."""

    name = "SEED"
    block_size = 128
    key_sizes = frozenset([128])
    key_size = _key_size_property()

    def __init__(self, key: bytes):
        self.key = _verify_key_size(self, key)


class IDEA(BlockCipherAlgorithm):
    """IDEA, 64-bit blocks, 128-bit keys."""

    name = "IDEA"
    block_size = 64
    key_sizes = frozenset([128])
    key_size = _key_size_property()

    def __init__(self, key: bytes):
        self.key = _verify_key_size(self, key)


class Camellia(BlockCipherAlgorithm):
    """Camellia (RFC 3713), 128-bit blocks, keys of 128, 192 or 256 bits."""

    name = "camellia"
    block_size = 128
    key_sizes = frozenset([128, 192, 256])
    key_size = _key_size_property()

    def __init__(self, key: bytes):
        self.key = _verify_key_size(self, key)


class RC2(BlockCipherAlgorithm):
    """RC2 (RFC 2268) with a 128-bit key (and 128 effective key bits), 64-bit blocks.
    Other key sizes and effective key lengths are not offered."""

    name = "RC2"
    block_size = 64
    key_sizes = frozenset([128])
    key_size = _key_size_property()

    def __init__(self, key: bytes):
        self.key = _verify_key_size(self, key)
