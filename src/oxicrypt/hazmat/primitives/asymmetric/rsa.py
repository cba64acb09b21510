"""RSA (RFC 8017): keys, numbers and the CRT helpers. Keys are implemented in Rust on
OpenSSL; key containers are parsed by oxicrypt's Rust code."""

from __future__ import annotations

import abc
import math
import typing

from oxicrypt._rust import rsa as _rust_rsa
from oxicrypt._rust.rsa import RSAPrivateNumbers as RSAPrivateNumbers
from oxicrypt._rust.rsa import RSAPublicNumbers as RSAPublicNumbers
from oxicrypt.hazmat.primitives import _serialization, hashes
from oxicrypt.hazmat.primitives.asymmetric import utils as asym_utils
from oxicrypt.hazmat.primitives.asymmetric.padding import AsymmetricPadding

__all__ = [
    "AsymmetricPadding",
    "RSAPrivateKey",
    "RSAPrivateKeyWithSerialization",
    "RSAPrivateNumbers",
    "RSAPublicKey",
    "RSAPublicKeyWithSerialization",
    "RSAPublicNumbers",
    "generate_private_key",
    "rsa_crt_dmp1",
    "rsa_crt_dmq1",
    "rsa_crt_iqmp",
    "rsa_recover_prime_factors",
    "rsa_recover_private_exponent",
]


class RSAPrivateKey(metaclass=abc.ABCMeta):
    """An RSA private key."""

    @abc.abstractmethod
    def decrypt(self, ciphertext: bytes, padding: AsymmetricPadding) -> bytes:
        """Decrypts ``ciphertext`` (PKCS1v15 or OAEP padding)."""

    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The modulus length in bits."""

    @abc.abstractmethod
    def public_key(self) -> RSAPublicKey:
        """The matching public key."""

    @abc.abstractmethod
    def sign(
        self,
        data: bytes,
        padding: AsymmetricPadding,
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm | asym_utils.NoDigestInfo,
    ) -> bytes:
        """Signs ``data`` (PKCS1v15 or PSS padding)."""

    @abc.abstractmethod
    def private_numbers(self) -> RSAPrivateNumbers:
        """The key's integers."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """The key in the requested encoding and format, encrypted as asked."""


RSAPrivateKeyWithSerialization = RSAPrivateKey
RSAPrivateKey.register(_rust_rsa.RSAPrivateKey)


class RSAPublicKey(metaclass=abc.ABCMeta):
    """An RSA public key."""

    @abc.abstractmethod
    def encrypt(self, plaintext: bytes, padding: AsymmetricPadding) -> bytes:
        """Encrypts ``plaintext`` (PKCS1v15 or OAEP padding)."""

    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The modulus length in bits."""

    @abc.abstractmethod
    def public_numbers(self) -> RSAPublicNumbers:
        """The key's integers."""

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The key in the requested encoding and format."""

    @abc.abstractmethod
    def verify(
        self,
        signature: bytes,
        data: bytes,
        padding: AsymmetricPadding,
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm,
    ) -> None:
        """Raises :class:`~oxicrypt.exceptions.InvalidSignature` unless ``signature``
        is valid for ``data``."""

    @abc.abstractmethod
    def recover_data_from_signature(
        self,
        signature: bytes,
        padding: AsymmetricPadding,
        algorithm: hashes.HashAlgorithm | asym_utils.NoDigestInfo | None,
    ) -> bytes:
        """The signed data recovered from a PKCS1v15 ``signature``."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Keys are equal when their modulus and exponent are."""


RSAPublicKeyWithSerialization = RSAPublicKey
RSAPublicKey.register(_rust_rsa.RSAPublicKey)


def generate_private_key(
    public_exponent: int,
    key_size: int,
    backend: typing.Any = None,
) -> RSAPrivateKey:
    """A new key with a ``key_size``-bit modulus; ``public_exponent`` is 65537 (or 3)."""
    if public_exponent not in (3, 65537):
        raise ValueError(
            "public_exponent must be either 3 (for legacy compatibility) or 65537. "
            "Almost everyone should choose 65537 here!"
        )
    if key_size < 1024:
        raise ValueError("key_size must be at least 1024-bits.")
    return _rust_rsa.generate_private_key(public_exponent, key_size)


def _check_above_one(*values: int) -> None:
    if any(v <= 1 for v in values):
        raise ValueError("Values can't be <= 1")


def rsa_crt_iqmp(p: int, q: int) -> int:
    """q^-1 mod p, the CRT coefficient."""
    _check_above_one(p, q)
    return pow(q, -1, p)


def rsa_crt_dmp1(private_exponent: int, p: int) -> int:
    """d mod (p - 1)."""
    _check_above_one(private_exponent, p)
    return private_exponent % (p - 1)


def rsa_crt_dmq1(private_exponent: int, q: int) -> int:
    """d mod (q - 1)."""
    _check_above_one(private_exponent, q)
    return private_exponent % (q - 1)


def rsa_recover_private_exponent(e: int, p: int, q: int) -> int:
    """d = e^-1 mod lcm(p - 1, q - 1), the smallest valid private exponent."""
    _check_above_one(e, p, q)
    lambda_n = (p - 1) * (q - 1) // math.gcd(p - 1, q - 1)
    return pow(e, -1, lambda_n)


# Trying bases 2, 3, 4, ... up to this bound finds a factor with overwhelming probability
# for a genuine key (each base succeeds with probability >= 1/2).
_MAX_FACTOR_BASE = 1000


def rsa_recover_prime_factors(n: int, e: int, d: int) -> tuple[int, int]:
    """Finds p and q from n, e and d (NIST SP 800-56B rev. 2, appendix C.2).

    e*d - 1 = 2^s * t with t odd is a multiple of lambda(n). For a random g, the sequence
    g^t, g^2t, ..., g^(2^s t) mod n ends in 1, and the element before the first 1 is, with
    probability at least 1/2, a square root of 1 other than +-1, which shares a factor
    with n. At most s squarings are tried per base, so the search always ends.
    """
    if d <= 1 or e <= 1:
        raise ValueError("d, e can't be <= 1")
    # For a genuine key, m^(e*d) = m mod n for every m.
    if n < 3 or pow(17, e * d, n) != 17 % n:
        raise ValueError("n, d, e don't match")
    t = d * e - 1
    s = 0
    while t % 2 == 0:
        t //= 2
        s += 1
    for g in range(2, _MAX_FACTOR_BASE):
        x = pow(g, t, n)
        for _ in range(s):
            if x in (1, n - 1):
                break
            y = pow(x, 2, n)
            if y == 1:
                p = math.gcd(x - 1, n)
                q = n // p
                return (p, q) if p > q else (q, p)
            x = y
    raise ValueError("Unable to compute factors p and q from exponent d.")
