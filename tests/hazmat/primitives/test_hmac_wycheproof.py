"""HMAC against the Wycheproof MAC tests, for every hash oxicrypt offers HMAC with.

Wycheproof's ``tagSize`` may be shorter than the digest: such a tag is the truncated MAC,
so it is compared with the same prefix of ours (``verify`` only takes full-length tags)."""

from __future__ import annotations

import pytest

from oxicrypt.exceptions import InvalidSignature
from oxicrypt.hazmat.primitives import hashes, hmac
from tests.wycheproof import WycheproofCase

_ALGORITHMS = {
    "HMACSHA1": hashes.SHA1,
    "HMACSHA224": hashes.SHA224,
    "HMACSHA256": hashes.SHA256,
    "HMACSHA384": hashes.SHA384,
    "HMACSHA512": hashes.SHA512,
    "HMACSHA512/224": hashes.SHA512_224,
    "HMACSHA512/256": hashes.SHA512_256,
    "HMACSHA3-224": hashes.SHA3_224,
    "HMACSHA3-256": hashes.SHA3_256,
    "HMACSHA3-384": hashes.SHA3_384,
    "HMACSHA3-512": hashes.SHA3_512,
    "HMACSM3": hashes.SM3,
}


@pytest.mark.wycheproof(
    "hmac_sha1_test",
    "hmac_sha224_test",
    "hmac_sha256_test",
    "hmac_sha384_test",
    "hmac_sha512_test",
    "hmac_sha512_224_test",
    "hmac_sha512_256_test",
    "hmac_sha3_224_test",
    "hmac_sha3_256_test",
    "hmac_sha3_384_test",
    "hmac_sha3_512_test",
    "hmac_sm3_test",
)
def test_hmac(wycheproof_case: WycheproofCase) -> None:
    case = wycheproof_case
    assert case.result in ("valid", "invalid"), case
    algorithm = _ALGORITHMS[case.algorithm]()
    key, msg, tag = case.hex("key"), case.hex("msg"), case.hex("tag")
    tag_size = case.group["tagSize"] // 8
    assert len(key) * 8 == case.group["keySize"]
    assert len(tag) == tag_size

    mac = hmac.HMAC(key, algorithm)
    mac.update(msg)
    full = mac.copy().finalize()
    assert len(full) == algorithm.digest_size
    assert (full[:tag_size] == tag) is case.valid, case

    if tag_size == algorithm.digest_size and case.valid:
        mac.verify(tag)
    else:
        # A wrong tag, or a truncated one: verify compares whole MACs.
        with pytest.raises(InvalidSignature):
            mac.verify(tag)
