"""The digests the vectors cover, with the names each C implementation knows them by."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DIGESTS", "Digest"]


@dataclass(frozen=True)
class Digest:
    """A digest and how to reach it in OpenSSL's CLI and in CPython.

    ``name`` is the ``ALG`` field and the vector file's name; ``openssl`` is the name given
    to ``openssl dgst -NAME`` and ``openssl mac -digest NAME``; ``block_size`` is the HMAC
    block size (the sponge rate for Keccak); ``builtin`` lists CPython's own C modules to try
    (in order) and the constructor's name in them; ``hashlib`` is the name ``_hashlib.new``
    (CPython's binding of OpenSSL's libcrypto) takes.  For an XOF ``size`` is unused.
    """

    name: str
    openssl: str
    size: int
    block_size: int
    builtin: tuple[tuple[str, ...], str] | None
    hashlib: str
    xof: bool = False


_SHA2_256 = ("_sha2", "_sha256")  # _sha2 from CPython 3.12 on
_SHA2_512 = ("_sha2", "_sha512")

DIGESTS: tuple[Digest, ...] = (
    Digest("md5", "md5", 16, 64, (("_md5",), "md5"), "md5"),
    Digest("sha1", "sha1", 20, 64, (("_sha1",), "sha1"), "sha1"),
    Digest("sha224", "sha224", 28, 64, (_SHA2_256, "sha224"), "sha224"),
    Digest("sha256", "sha256", 32, 64, (_SHA2_256, "sha256"), "sha256"),
    Digest("sha384", "sha384", 48, 128, (_SHA2_512, "sha384"), "sha384"),
    Digest("sha512", "sha512", 64, 128, (_SHA2_512, "sha512"), "sha512"),
    Digest("sha512-224", "sha512-224", 28, 128, None, "sha512_224"),
    Digest("sha512-256", "sha512-256", 32, 128, None, "sha512_256"),
    Digest("sha3-224", "sha3-224", 28, 144, (("_sha3",), "sha3_224"), "sha3_224"),
    Digest("sha3-256", "sha3-256", 32, 136, (("_sha3",), "sha3_256"), "sha3_256"),
    Digest("sha3-384", "sha3-384", 48, 104, (("_sha3",), "sha3_384"), "sha3_384"),
    Digest("sha3-512", "sha3-512", 64, 72, (("_sha3",), "sha3_512"), "sha3_512"),
    Digest("shake128", "shake128", 0, 168, (("_sha3",), "shake_128"), "shake_128", xof=True),
    Digest("shake256", "shake256", 0, 136, (("_sha3",), "shake_256"), "shake_256", xof=True),
    Digest("blake2b512", "blake2b512", 64, 128, (("_blake2",), "blake2b"), "blake2b512"),
    Digest("blake2s256", "blake2s256", 32, 64, (("_blake2",), "blake2s"), "blake2s256"),
    Digest("sm3", "sm3", 32, 64, None, "sm3"),
)
