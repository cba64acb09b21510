"""The deterministic inputs (messages, keys, output lengths) the vectors are computed on.

Bytes come from :class:`random.Random` seeded with a string, read only through
``random()``: Python guarantees that sequence for a given seed across versions.  Byte
``i`` is ``int(random() * 256)``; the seed is ``"oxicrypt-vectors:<label>:<length>"``.
"""

from __future__ import annotations

import random

from oxicrypt_vectors.algorithms import Digest

__all__ = [
    "CIPHER_MESSAGE_LENGTHS",
    "HASH_MESSAGE_LENGTHS",
    "HMAC_MESSAGE_LENGTHS",
    "KDF_OUTPUT_LENGTHS",
    "XOF_MESSAGE_LENGTHS",
    "XOF_OUTPUT_LENGTHS",
    "hmac_key_lengths",
    "pseudo_random_bytes",
]

# Around every padding boundary: 55/56 and 111/112 (Merkle-Damgard length field), the
# 64/128-byte blocks and the Keccak rates 72, 104, 136, 144 and 168, plus multi-block sizes.
HASH_MESSAGE_LENGTHS: tuple[int, ...] = (
    *(0, 1, 2, 3, 31, 32, 33, 55, 56, 57, 63, 64, 65, 71, 72, 73, 103, 104, 105),
    *(111, 112, 113, 119, 120, 127, 128, 129, 135, 136, 137, 143, 144, 145),
    *(167, 168, 169, 239, 240, 255, 256, 257, 335, 336, 337),
    *(1000, 1024, 2049, 4099),
)
XOF_MESSAGE_LENGTHS: tuple[int, ...] = (0, 1, 55, 64, 135, 136, 137, 167, 168, 169, 256, 1000)
XOF_OUTPUT_LENGTHS: tuple[int, ...] = (1, 16, 31, 32, 64, 135, 136, 137, 167, 168, 169, 500)
HMAC_MESSAGE_LENGTHS: tuple[int, ...] = (0, 1, 55, 64, 65, 128, 129, 1000)
# Empty, one byte, either side of a 16-byte block (and so of every padding case), several
# blocks, and a length that is no multiple of any block.
CIPHER_MESSAGE_LENGTHS: tuple[int, ...] = (0, 1, 15, 16, 17, 64, 1000)
# Derived key lengths: one byte, a SHA-1 output, SHA-256's, one more, and several blocks.
KDF_OUTPUT_LENGTHS: tuple[int, ...] = (1, 20, 32, 33, 100)


def hmac_key_lengths(digest: Digest) -> tuple[int, ...]:
    """Empty, one byte, digest size, block size, block size + 1 (hashed), and 200 bytes."""
    block = digest.block_size
    return tuple(sorted({0, 1, digest.size, block, block + 1, 200}))


def pseudo_random_bytes(label: str, length: int) -> bytes:
    """``length`` bytes determined by ``label`` and ``length`` alone."""
    rng = random.Random(f"oxicrypt-vectors:{label}:{length}")
    return bytes(int(rng.random() * 256) for _ in range(length))
