"""X963KDF: the NIST CAVS vectors of ANSI X9.63."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.hazmat.primitives import hashes
from oxicrypt.hazmat.primitives.kdf.x963kdf import X963KDF
from tests.hazmat.primitives.kdf_helpers import hex_or_empty, load_untabbed
from tests.vectors import vector_path

_HASHES = {
    "SHA-1": hashes.SHA1,
    "SHA-224": hashes.SHA224,
    "SHA-256": hashes.SHA256,
    "SHA-384": hashes.SHA384,
    "SHA-512": hashes.SHA512,
}


def _hash_by_shared_secret() -> dict[str, str]:
    """The [SHA-...] section each Z of the vector file is in (the record parser keeps
    every section header seen, so it cannot tell)."""
    current = ""
    hashes_by_z = {}
    for line in vector_path("KDF", "ansx963_2001.txt").read_text().splitlines():
        if line.startswith("[SHA-"):
            current = line.strip("[]")
        elif line.startswith("Z = "):
            hashes_by_z[line[4:]] = current
    return hashes_by_z


def test_cavs_vectors() -> None:
    records = load_untabbed("KDF", "ansx963_2001.txt")
    assert len(records) >= 100
    hash_names = _hash_by_shared_secret()
    for r in records:
        name = hash_names[r["Z"]]
        length = int(r.section["key data length"]) // 8
        kdf = X963KDF(_HASHES[name](), length, hex_or_empty(r, "SharedInfo") or None)
        assert kdf.derive(r.hex("Z")) == r.hex("key_data"), r.line
    assert set(hash_names.values()) == set(_HASHES)


@given(z=st.binary(max_size=64), info=st.binary(max_size=32), length=st.integers(0, 200))
def test_definition(z: bytes, info: bytes, length: int) -> None:
    blocks = b"".join(
        hashlib.sha256(z + i.to_bytes(4, "big") + info).digest() for i in range(1, 8)
    )
    assert X963KDF(hashes.SHA256(), length, info).derive(z) == blocks[:length]


def test_length_limit() -> None:
    with pytest.raises(ValueError, match="Cannot derive keys larger than 137438953440 bits"):
        X963KDF(hashes.SHA256(), 32 * (2**32 - 1) + 1, None)


def test_xof_output_uses_the_algorithm_digest_size() -> None:
    expected = b"".join(hashlib.shake_128(b"z" + i.to_bytes(4, "big")).digest(16) for i in (1, 2))
    assert X963KDF(hashes.SHAKE128(16), 20, None).derive(b"z") == expected[:20]
