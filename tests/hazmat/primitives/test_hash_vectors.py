"""Known-answer tests: digests from the NIST CAVP files (SHA-1, SHA-2, SHA-3), RFC 1321
(MD5), the BLAKE2 reference and the OSCCA SM3 examples, compared byte for byte."""

from __future__ import annotations

from typing import Callable

import pytest

from oxicrypt.hazmat.primitives import hashes
from tests.vectors import load_records, message

_FILES: list[tuple[tuple[str, ...], Callable[[], hashes.HashAlgorithm]]] = [
    *[(("hashes", "SHA1", f"SHA1{kind}Msg.rsp"), hashes.SHA1) for kind in ("Short", "Long")],
    *[
        (("hashes", "SHA2", f"{name}{kind}Msg.rsp"), getattr(hashes, name))
        for name in ("SHA224", "SHA256", "SHA384", "SHA512", "SHA512_224", "SHA512_256")
        for kind in ("Short", "Long")
    ],
    *[
        (("hashes", "SHA3", f"{name}{kind}Msg.rsp"), getattr(hashes, name))
        for name in ("SHA3_224", "SHA3_256", "SHA3_384", "SHA3_512")
        for kind in ("Short", "Long")
    ],
    (("hashes", "MD5", "rfc-1321.txt"), hashes.MD5),
    (("hashes", "blake2", "blake2b.txt"), lambda: hashes.BLAKE2b(64)),
    (("hashes", "blake2", "blake2s.txt"), lambda: hashes.BLAKE2s(32)),
    (("hashes", "SM3", "oscca.txt"), hashes.SM3),
]


@pytest.mark.parametrize(("path", "make_algorithm"), _FILES, ids=[path[-1] for path, _ in _FILES])
def test_digest_matches_vector_file(
    path: tuple[str, ...], make_algorithm: Callable[[], hashes.HashAlgorithm]
) -> None:
    records = [r for r in load_records(*path) if "MD" in r]
    assert len(records) >= 5, "the vector file was not read"
    mismatches = []
    for record in records:
        data = message(record)
        expected = record.hex("MD")
        assert len(expected) == make_algorithm().digest_size
        ctx = hashes.Hash(make_algorithm())
        ctx.update(data)
        streamed = ctx.finalize()
        one_shot = hashes.Hash.hash(make_algorithm(), data)
        if streamed != expected or one_shot != expected:
            mismatches.append((record.line, streamed.hex(), one_shot.hex(), expected.hex()))
    assert mismatches == []


@pytest.mark.parametrize(
    ("algorithm", "digest_hex"),
    [
        (hashes.SHA1(), "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        (hashes.SHA256(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (hashes.MD5(), "d41d8cd98f00b204e9800998ecf8427e"),
        (hashes.SM3(), "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b"),
    ],
    ids=lambda v: getattr(v, "name", "")[:12],
)
def test_empty_message_without_update(algorithm: hashes.HashAlgorithm, digest_hex: str) -> None:
    # The files write the empty message as "Msg = 00"; make sure the no-update path agrees.
    assert hashes.Hash(algorithm).finalize() == bytes.fromhex(digest_hex)
