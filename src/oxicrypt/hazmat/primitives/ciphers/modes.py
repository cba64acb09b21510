"""Modes of operation for block ciphers: CBC, CTR, ECB, GCM and XTS (OFB, CFB and CFB8
moved to :mod:`oxicrypt.hazmat.decrepit.ciphers.modes`; importing them from here still
works, with a deprecation warning)."""

from __future__ import annotations

from oxicrypt import utils
from oxicrypt.exceptions import UnsupportedAlgorithm, _Reasons
from oxicrypt.hazmat.decrepit.ciphers.modes import CFB as CFB
from oxicrypt.hazmat.decrepit.ciphers.modes import CFB8 as CFB8
from oxicrypt.hazmat.decrepit.ciphers.modes import OFB as OFB
from oxicrypt.hazmat.primitives._cipheralgorithm import (
    BlockCipherAlgorithm,
    CipherAlgorithm,
    _check_byteslike,
)
from oxicrypt.hazmat.primitives._modes import (
    Mode as Mode,
)
from oxicrypt.hazmat.primitives._modes import (
    ModeWithAuthenticationTag as ModeWithAuthenticationTag,
)
from oxicrypt.hazmat.primitives._modes import (
    ModeWithInitializationVector as ModeWithInitializationVector,
)
from oxicrypt.hazmat.primitives._modes import (
    ModeWithNonce as ModeWithNonce,
)
from oxicrypt.hazmat.primitives._modes import (
    ModeWithTweak as ModeWithTweak,
)
from oxicrypt.hazmat.primitives._modes import (
    _check_aes_key_length,
    _check_iv_and_key_length,
    _check_nonce_length,
)
from oxicrypt.hazmat.primitives.ciphers import algorithms


class CBC(ModeWithInitializationVector):
    """Cipher block chaining. The IV is one block and must be unpredictable; the data
    must be a whole number of blocks (pad it, e.g. with
    :class:`~oxicrypt.hazmat.primitives.padding.PKCS7`)."""

    name = "CBC"

    def __init__(self, initialization_vector: utils.Buffer):
        _check_byteslike("initialization_vector", initialization_vector)
        self._initialization_vector = initialization_vector

    @property
    def initialization_vector(self) -> utils.Buffer:
        return self._initialization_vector

    validate_for_algorithm = _check_iv_and_key_length


class XTS(ModeWithTweak):
    """XEX-based tweaked codebook mode with ciphertext stealing (IEEE 1619), for disk
    sectors. Takes a double-length AES key (256 or 512 bits) and a 16-byte tweak; every
    update is one data unit of at least 16 bytes."""

    name = "XTS"

    def __init__(self, tweak: utils.Buffer):
        _check_byteslike("tweak", tweak)
        if len(tweak) != 16:  # type: ignore[arg-type]
            raise ValueError("tweak must be 128-bits (16 bytes)")
        self._tweak = tweak

    @property
    def tweak(self) -> utils.Buffer:
        return self._tweak

    def validate_for_algorithm(self, algorithm: CipherAlgorithm) -> None:
        if isinstance(algorithm, (algorithms.AES128, algorithms.AES256)):
            raise TypeError(
                "The AES128 and AES256 classes do not support XTS, please use the "
                "standard AES class instead."
            )
        if algorithm.key_size not in (256, 512):
            raise ValueError(
                "The XTS specification requires a 256-bit key for AES-128-XTS and "
                "512-bit key for AES-256-XTS"
            )


class ECB(Mode):
    """Electronic codebook: each block encrypted alone. Leaks equal blocks; only for
    building other constructions."""

    name = "ECB"

    validate_for_algorithm = _check_aes_key_length


class CTR(ModeWithNonce):
    """Counter mode: a stream cipher from a block cipher. ``nonce`` is the initial
    counter block (one block) and must never repeat under one key."""

    name = "CTR"

    def __init__(self, nonce: utils.Buffer):
        _check_byteslike("nonce", nonce)
        self._nonce = nonce

    @property
    def nonce(self) -> utils.Buffer:
        return self._nonce

    def validate_for_algorithm(self, algorithm: CipherAlgorithm) -> None:
        _check_aes_key_length(self, algorithm)
        _check_nonce_length(self.nonce, self.name, algorithm)


class GCM(ModeWithInitializationVector, ModeWithAuthenticationTag):
    """Galois/counter mode: authenticated encryption. For decryption, give the tag here
    or to ``finalize_with_tag``; ``min_tag_length`` (at least 4) allows truncated tags,
    which weaken the authentication."""

    name = "GCM"
    # NIST SP 800-38D: at most 2**39 - 256 bits of plaintext and 2**64 - 1 bits of AAD.
    _MAX_ENCRYPTED_BYTES = (2**39 - 256) // 8
    _MAX_AAD_BYTES = (2**64 - 1) // 8

    def __init__(
        self,
        initialization_vector: utils.Buffer,
        tag: bytes | None = None,
        min_tag_length: int = 16,
    ):
        _check_byteslike("initialization_vector", initialization_vector)
        # OpenSSL 3 accepts GCM IVs of 64 to 1024 bits; shorter ones are unsafe anyway.
        if not 8 <= len(initialization_vector) <= 128:  # type: ignore[arg-type]
            raise ValueError(
                "initialization_vector must be between 8 and 128 bytes (64 and 1024 bits)."
            )
        self._initialization_vector = initialization_vector
        if min_tag_length < 4:
            raise ValueError("min_tag_length must be >= 4")
        if tag is not None:
            if not isinstance(tag, bytes):
                raise TypeError("tag must be bytes")
            if len(tag) < min_tag_length:
                raise ValueError(f"Authentication tag must be {min_tag_length} bytes or longer.")
        self._tag = tag
        self._min_tag_length = min_tag_length

    @property
    def tag(self) -> bytes | None:
        return self._tag

    @property
    def initialization_vector(self) -> utils.Buffer:
        return self._initialization_vector

    def validate_for_algorithm(self, algorithm: CipherAlgorithm) -> None:
        _check_aes_key_length(self, algorithm)
        if not isinstance(algorithm, BlockCipherAlgorithm):
            raise UnsupportedAlgorithm(
                "GCM requires a block cipher algorithm", _Reasons.UNSUPPORTED_CIPHER
            )
        block_bytes = algorithm.block_size // 8
        if self._tag is not None and len(self._tag) > block_bytes:
            raise ValueError(f"Authentication tag cannot be more than {block_bytes} bytes.")


def _moved(name: str) -> None:
    utils.deprecated(
        globals()[name],
        __name__,
        f"{name} has been moved to oxicrypt.hazmat.decrepit.ciphers.modes.{name} and will "
        "be removed from oxicrypt.hazmat.primitives.ciphers.modes in 49.0.0.",
        utils.DeprecatedIn47,
        name=name,
    )


_moved("OFB")
_moved("CFB")
_moved("CFB8")
