"""Helpers for signatures: the DER form of DSA/ECDSA signatures, and signing a digest
computed elsewhere."""

from __future__ import annotations

from oxicrypt._rust import asn1 as _rust_asn1
from oxicrypt.hazmat.primitives import hashes

__all__ = ["NoDigestInfo", "Prehashed", "decode_dss_signature", "encode_dss_signature"]

decode_dss_signature = _rust_asn1.decode_dss_signature
encode_dss_signature = _rust_asn1.encode_dss_signature


class Prehashed:
    """Marks data given to ``sign``/``verify`` as a digest already computed with
    ``algorithm``, instead of a message to hash."""

    def __init__(self, algorithm: hashes.HashAlgorithm):
        if not isinstance(algorithm, hashes.HashAlgorithm):
            raise TypeError("Expected instance of HashAlgorithm.")
        self._algorithm = algorithm
        self._digest_size = algorithm.digest_size

    @property
    def digest_size(self) -> int:
        return self._digest_size


class NoDigestInfo:
    """For RSA PKCS#1 v1.5 signatures of a prehashed digest: sign the digest bytes as they
    are, without wrapping them in a DigestInfo structure."""
