"""Paddings for RSA signatures and encryption (RFC 8017)."""

from __future__ import annotations

import abc
import typing

from oxicrypt.hazmat.primitives import hashes

if typing.TYPE_CHECKING:
    from oxicrypt.hazmat.primitives.asymmetric import rsa

__all__ = [
    "MGF",
    "MGF1",
    "OAEP",
    "PSS",
    "AsymmetricPadding",
    "PKCS1v15",
    "calculate_max_pss_salt_length",
]


class AsymmetricPadding(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def name(self) -> str:
        """The padding's name, e.g. ``"EMSA-PSS"``."""


class PKCS1v15(AsymmetricPadding):
    """PKCS #1 v1.5 padding, for signatures (EMSA) and encryption (EME)."""

    name = "EMSA-PKCS1-v1_5"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PKCS1v15):
            return NotImplemented
        return True


class _MaxLength:
    """The longest salt the key and hash allow."""


class _Auto:
    """When verifying: take the salt length from the signature."""


class _DigestLength:
    """A salt as long as the digest."""


class PSS(AsymmetricPadding):
    """The probabilistic signature scheme (RFC 8017, section 8.1)."""

    MAX_LENGTH = _MaxLength()
    AUTO = _Auto()
    DIGEST_LENGTH = _DigestLength()
    name = "EMSA-PSS"
    _salt_length: int | _MaxLength | _Auto | _DigestLength

    def __init__(
        self,
        mgf: MGF,
        salt_length: int | _MaxLength | _Auto | _DigestLength,
    ) -> None:
        self._mgf = mgf
        if not isinstance(salt_length, (int, _MaxLength, _Auto, _DigestLength)):
            raise TypeError("salt_length must be an integer, MAX_LENGTH, DIGEST_LENGTH, or AUTO")
        if isinstance(salt_length, int) and salt_length < 0:
            raise ValueError("salt_length must be zero or greater.")
        self._salt_length = salt_length

    @property
    def mgf(self) -> MGF:
        return self._mgf

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PSS):
            return NotImplemented
        return self._mgf == other._mgf and self._salt_length == other._salt_length


class OAEP(AsymmetricPadding):
    """Optimal asymmetric encryption padding (RFC 8017, section 7.1)."""

    name = "EME-OAEP"

    def __init__(
        self,
        mgf: MGF,
        algorithm: hashes.HashAlgorithm,
        label: bytes | None,
    ):
        if not isinstance(algorithm, hashes.HashAlgorithm):
            raise TypeError("Expected instance of hashes.HashAlgorithm.")
        self._mgf = mgf
        self._algorithm = algorithm
        self._label = label

    @property
    def algorithm(self) -> hashes.HashAlgorithm:
        return self._algorithm

    @property
    def mgf(self) -> MGF:
        return self._mgf

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OAEP):
            return NotImplemented
        return (
            self._mgf == other._mgf
            and self._algorithm == other._algorithm
            and self._label == other._label
        )


class MGF(metaclass=abc.ABCMeta):
    _algorithm: hashes.HashAlgorithm


class MGF1(MGF):
    """The mask generation function of RFC 8017, appendix B.2.1."""

    def __init__(self, algorithm: hashes.HashAlgorithm):
        if not isinstance(algorithm, hashes.HashAlgorithm):
            raise TypeError("Expected instance of hashes.HashAlgorithm.")
        self._algorithm = algorithm

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MGF1):
            return NotImplemented
        return self._algorithm == other._algorithm


def calculate_max_pss_salt_length(
    key: rsa.RSAPrivateKey | rsa.RSAPublicKey,
    hash_algorithm: hashes.HashAlgorithm,
) -> int:
    """The longest PSS salt ``key`` can sign with ``hash_algorithm``:
    emLen - hLen - 2, with emLen = ceil((modBits - 1) / 8)."""
    from oxicrypt.hazmat.primitives.asymmetric import rsa

    if not isinstance(key, (rsa.RSAPrivateKey, rsa.RSAPublicKey)):
        raise TypeError("key must be an RSA public or private key")
    em_length = (key.key_size + 6) // 8
    salt_length = em_length - hash_algorithm.digest_size - 2
    if salt_length < 0:
        raise ValueError("the key is too small for a PSS signature with this hash")
    return salt_length
