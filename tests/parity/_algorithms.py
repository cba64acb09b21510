"""Maps the vector files' ``ALG`` names to oxicrypt algorithm objects."""

from __future__ import annotations

from typing import Callable

from oxicrypt.hazmat.primitives import hashes

# name -> factory(output length in bytes); the length matters only for the XOFs.
_FACTORIES: dict[str, Callable[[int], hashes.HashAlgorithm]] = {
    "md5": lambda _: hashes.MD5(),
    "sha1": lambda _: hashes.SHA1(),
    "sha224": lambda _: hashes.SHA224(),
    "sha256": lambda _: hashes.SHA256(),
    "sha384": lambda _: hashes.SHA384(),
    "sha512": lambda _: hashes.SHA512(),
    "sha512-224": lambda _: hashes.SHA512_224(),
    "sha512-256": lambda _: hashes.SHA512_256(),
    "sha3-224": lambda _: hashes.SHA3_224(),
    "sha3-256": lambda _: hashes.SHA3_256(),
    "sha3-384": lambda _: hashes.SHA3_384(),
    "sha3-512": lambda _: hashes.SHA3_512(),
    "shake128": hashes.SHAKE128,
    "shake256": hashes.SHAKE256,
    "blake2b512": lambda _: hashes.BLAKE2b(64),
    "blake2s256": lambda _: hashes.BLAKE2s(32),
    "sm3": lambda _: hashes.SM3(),
}

ALL_NAMES = frozenset(_FACTORIES)
XOF_NAMES = frozenset({"shake128", "shake256"})


def algorithm(name: str, output_length: int = 0) -> hashes.HashAlgorithm:
    """The oxicrypt algorithm for vector name ``name``."""
    return _FACTORIES[name](output_length)
