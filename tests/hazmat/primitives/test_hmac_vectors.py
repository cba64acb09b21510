"""HMAC known answers: the RFC 2202 (MD5, SHA-1) and RFC 4231 (SHA-2) test cases."""

from __future__ import annotations

from typing import Callable

import pytest

from oxicrypt.hazmat.primitives import hashes, hmac
from tests.vectors import load_records, message

_FILES: list[tuple[str, Callable[[], hashes.HashAlgorithm]]] = [
    ("rfc-2202-md5.txt", hashes.MD5),
    ("rfc-2202-sha1.txt", hashes.SHA1),
    ("rfc-4231-sha224.txt", hashes.SHA224),
    ("rfc-4231-sha256.txt", hashes.SHA256),
    ("rfc-4231-sha384.txt", hashes.SHA384),
    ("rfc-4231-sha512.txt", hashes.SHA512),
]


@pytest.mark.parametrize(("filename", "make_algorithm"), _FILES, ids=[f for f, _ in _FILES])
def test_rfc_vectors(filename: str, make_algorithm: Callable[[], hashes.HashAlgorithm]) -> None:
    records = load_records("HMAC", filename)
    assert len(records) >= 6
    mismatches = []
    for record in records:
        key, data, expected = record.hex("Key"), message(record), record.hex("MD")
        mac = hmac.HMAC(key, make_algorithm())
        mac.update(data)
        got = mac.finalize()
        verifier = hmac.HMAC(key, make_algorithm())
        verifier.update(data)
        verifier.verify(expected)  # raises on mismatch
        if got != expected:
            mismatches.append((record.line, got.hex(), expected.hex()))
    assert mismatches == []


def test_rfc_vectors_include_keys_longer_than_a_block() -> None:
    # RFC 4231 cases 6 and 7 use a 131-byte key, longer than SHA-512's 128-byte block.
    keys = [r.hex("Key") for r in load_records("HMAC", "rfc-4231-sha512.txt")]
    assert max(len(k) for k in keys) > hashes.SHA512().block_size
