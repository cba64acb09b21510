"""The backend object: what the linked OpenSSL is and which algorithms it offers.

oxicrypt needs no backend object to work; this one answers the questions code written
for the reference asks of ``default_backend()``. Queries about capabilities oxicrypt does
not implement yet are added with those capabilities, never answered with a guess.
"""

from __future__ import annotations

from oxicrypt._rust import ciphers as _rust_ciphers
from oxicrypt._rust import mldsa as _rust_mldsa
from oxicrypt._rust import mlkem as _rust_mlkem
from oxicrypt._rust import openssl as _rust_openssl
from oxicrypt.exceptions import InternalError
from oxicrypt.hazmat.primitives import hashes
from oxicrypt.hazmat.primitives._cipheralgorithm import CipherAlgorithm
from oxicrypt.hazmat.primitives.ciphers.algorithms import AES
from oxicrypt.hazmat.primitives.ciphers.modes import CBC, Mode

__all__ = ["AES", "CBC", "Backend", "CipherAlgorithm", "Mode", "backend"]


class Backend:
    """OpenSSL backend."""

    name = "openssl"

    def __init__(self) -> None:
        self._fips_enabled = False

    @property
    def _legacy_provider_loaded(self) -> bool:
        # OpenSSL's legacy provider holds the decrepit ciphers; it is loaded on first need.
        return _rust_ciphers.legacy_provider_loaded()

    def __repr__(self) -> str:
        return (
            f"<OpenSSLBackend(version: {self.openssl_version_text()}, "
            f"FIPS: {self._fips_enabled}, Legacy: {self._legacy_provider_loaded})>"
        )

    def openssl_assert(self, ok: bool) -> None:
        """Raises :class:`~oxicrypt.exceptions.InternalError` unless ``ok``."""
        if not ok:
            raise InternalError("Unknown OpenSSL error.", [])

    def openssl_version_text(self) -> str:
        """The linked OpenSSL's version string, e.g. ``"OpenSSL 3.6.0 1 Oct 2025"``."""
        return _rust_openssl.openssl_version_text()

    def openssl_version_number(self) -> int:
        """The linked OpenSSL's ``OPENSSL_VERSION_NUMBER``."""
        return _rust_openssl.openssl_version_number()

    def hash_supported(self, algorithm: hashes.HashAlgorithm) -> bool:
        """Whether :class:`~oxicrypt.hazmat.primitives.hashes.Hash` accepts ``algorithm``."""
        if algorithm.name in ("blake2b", "blake2s"):
            full = {"blake2b": 64, "blake2s": 32}[algorithm.name]
            if algorithm.digest_size != full:
                return False
        return _rust_openssl.digest_available(algorithm.name)

    def signature_hash_supported(self, algorithm: hashes.HashAlgorithm) -> bool:
        """Whether ``algorithm`` can be the message digest of a signature: any supported
        hash of fixed output length. (The reference also answers ``True`` for SHAKE; see
        docs/parity.rst.)"""
        if isinstance(algorithm, hashes.ExtendableOutputFunction):
            return False
        return self.hash_supported(algorithm)

    def hmac_supported(self, algorithm: hashes.HashAlgorithm) -> bool:
        """Whether :class:`~oxicrypt.hazmat.primitives.hmac.HMAC` accepts ``algorithm``."""
        if isinstance(algorithm, hashes.ExtendableOutputFunction):
            return False
        return self.hash_supported(algorithm)

    def mldsa_supported(self) -> bool:
        """Whether the linked OpenSSL has ML-DSA-44, -65 and -87 (OpenSSL 3.5 or later)."""
        return _rust_mldsa.supported()

    def mlkem_supported(self) -> bool:
        """Whether the linked OpenSSL has ML-KEM-768 and -1024 (OpenSSL 3.5 or later)."""
        return _rust_mlkem.supported()

    def cipher_supported(self, cipher: CipherAlgorithm, mode: Mode) -> bool:
        """Whether :class:`~oxicrypt.hazmat.primitives.ciphers.Cipher` can make contexts
        for ``cipher`` in ``mode`` (``None`` for stream ciphers) with the linked OpenSSL."""
        return _rust_ciphers.cipher_supported(cipher, mode)


backend = Backend()
