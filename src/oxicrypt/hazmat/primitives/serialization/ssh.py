"""OpenSSH key formats: public key lines, ``openssh-key-v1`` private keys, certificates
and fingerprints.

Parsing, key conversion and the cryptography (certificate signatures, the private-key
ciphers) are done by oxicrypt's Rust code. Encrypted private keys use bcrypt_pbkdf from
the optional ``bcrypt`` package (``pip install oxicrypt[ssh]``); without it, reading or
writing one raises :class:`~oxicrypt.exceptions.UnsupportedAlgorithm`.
"""

from __future__ import annotations

import binascii
import enum
import typing
import warnings

from oxicrypt import utils
from oxicrypt._rust import ssh as _rust_ssh
from oxicrypt.exceptions import UnsupportedAlgorithm
from oxicrypt.hazmat.primitives import hashes
from oxicrypt.hazmat.primitives._serialization import (
    Encoding,
    KeySerializationEncryption,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)
from oxicrypt.hazmat.primitives.asymmetric import dsa, ec, ed25519, rsa

# Names the reference's module has because its OpenSSH key encryption is written with
# them; oxicrypt encrypts keys in Rust, and keeps the names for code that imports them.
from oxicrypt.hazmat.primitives.ciphers import AEADDecryptionContext as AEADDecryptionContext
from oxicrypt.hazmat.primitives.ciphers import Cipher as Cipher

__all__ = [
    "AEADDecryptionContext",
    "Cipher",
    "Encoding",
    "KeySerializationEncryption",
    "NoEncryption",
    "PrivateFormat",
    "PublicFormat",
    "SSHCertPrivateKeyTypes",
    "SSHCertPublicKeyTypes",
    "SSHCertificate",
    "SSHCertificateBuilder",
    "SSHCertificateType",
    "SSHPrivateKeyTypes",
    "SSHPublicKeyTypes",
    "UnsupportedAlgorithm",
    "load_application",
    "load_ssh_private_key",
    "load_ssh_public_identity",
    "load_ssh_public_key",
    "serialize_ssh_public_key",
    "ssh_key_fingerprint",
]

SSHPrivateKeyTypes = typing.Union[
    ec.EllipticCurvePrivateKey,
    rsa.RSAPrivateKey,
    dsa.DSAPrivateKey,
    ed25519.Ed25519PrivateKey,
]

SSHPublicKeyTypes = typing.Union[
    ec.EllipticCurvePublicKey,
    rsa.RSAPublicKey,
    dsa.DSAPublicKey,
    ed25519.Ed25519PublicKey,
]

SSHCertPublicKeyTypes = typing.Union[
    ec.EllipticCurvePublicKey,
    rsa.RSAPublicKey,
    ed25519.Ed25519PublicKey,
]

SSHCertPrivateKeyTypes = typing.Union[
    ec.EllipticCurvePrivateKey,
    rsa.RSAPrivateKey,
    ed25519.Ed25519PrivateKey,
]

# OpenSSH refuses certificates with more principals than this (sshd and ssh-keygen both
# enforce it, though the certificate format itself sets no limit).
_MAX_PRINCIPALS = 256

_DSA_LOAD_WARNING = "SSH DSA keys are deprecated and will be removed in a future release."
_DSA_WRITE_WARNING = "SSH DSA key support is deprecated and will be removed in a future release"


def _check_byteslike(name: str, value: object) -> None:
    try:
        memoryview(value)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"{name} must be bytes-like") from None


def load_application(data) -> tuple[memoryview, memoryview]:  # type: ignore[no-untyped-def]
    """Reads the FIDO application string of a security-key (``sk-``) public key from the
    front of ``data`` (an SSH ``string``); returns it and the rest of ``data``."""
    view = memoryview(data)
    if len(view) < 4:
        raise ValueError("Invalid data")
    length = int.from_bytes(view[:4], "big")
    if length > len(view) - 4:
        raise ValueError("Invalid data")
    application, rest = view[4 : 4 + length], view[4 + length :]
    if not application.tobytes().startswith(b"ssh:"):
        raise ValueError(
            f"U2F application string does not start with b'ssh:' ({application.tobytes()!r})"
        )
    return application, rest


class SSHCertificateType(enum.Enum):
    """Whom a certificate vouches for: a user or a host."""

    USER = 1
    HOST = 2


class SSHCertificate:
    """An OpenSSH certificate (PROTOCOL.certkeys), as read by
    :func:`load_ssh_public_identity` or made by :class:`SSHCertificateBuilder`."""

    def __init__(
        self,
        _nonce: memoryview,
        _public_key: SSHPublicKeyTypes,
        _serial: int,
        _cctype: int,
        _key_id: memoryview,
        _valid_principals: list[bytes],
        _valid_after: int,
        _valid_before: int,
        _critical_options: dict[bytes, bytes],
        _extensions: dict[bytes, bytes],
        _sig_type: memoryview,
        _sig_key: memoryview,
        _inner_sig_type: memoryview,
        _signature: memoryview,
        _tbs_cert_body: memoryview,
        _cert_key_type: bytes,
        _cert_body: memoryview,
    ):
        self._nonce = _nonce
        self._public_key = _public_key
        self._serial = _serial
        try:
            self._type = SSHCertificateType(_cctype)
        except ValueError:
            raise ValueError("Invalid certificate type") from None
        self._key_id = _key_id
        self._valid_principals = _valid_principals
        self._valid_after = _valid_after
        self._valid_before = _valid_before
        self._critical_options = _critical_options
        self._extensions = _extensions
        self._sig_type = _sig_type
        self._sig_key = _sig_key
        self._inner_sig_type = _inner_sig_type
        self._signature = _signature
        self._tbs_cert_body = _tbs_cert_body
        self._cert_key_type = _cert_key_type
        self._cert_body = _cert_body

    @property
    def nonce(self) -> bytes:
        return bytes(self._nonce)

    def public_key(self) -> SSHCertPublicKeyTypes:
        """The certified key."""
        # Certificates of DSA keys are refused when read, so this is never a DSA key.
        return typing.cast(SSHCertPublicKeyTypes, self._public_key)

    @property
    def serial(self) -> int:
        return self._serial

    @property
    def type(self) -> SSHCertificateType:
        return self._type

    @property
    def key_id(self) -> bytes:
        return bytes(self._key_id)

    @property
    def valid_principals(self) -> list[bytes]:
        return self._valid_principals

    @property
    def valid_before(self) -> int:
        return self._valid_before

    @property
    def valid_after(self) -> int:
        return self._valid_after

    @property
    def critical_options(self) -> dict[bytes, bytes]:
        return self._critical_options

    @property
    def extensions(self) -> dict[bytes, bytes]:
        return self._extensions

    def signature_key(self) -> SSHCertPublicKeyTypes:
        """The public key of the CA that signed the certificate."""
        key = _rust_ssh.signature_key(self._sig_type, self._sig_key)
        return typing.cast(SSHCertPublicKeyTypes, key)

    def public_bytes(self) -> bytes:
        """The certificate as one OpenSSH line, ``<type> <base64>``."""
        body = binascii.b2a_base64(bytes(self._cert_body), newline=False)
        return bytes(self._cert_key_type) + b" " + body

    def verify_cert_signature(self) -> None:
        """Raises :class:`~oxicrypt.exceptions.InvalidSignature` unless the CA key
        (:meth:`signature_key`) signed the certificate. This checks only the signature:
        not whether that CA is trusted, nor validity dates, principals or options."""
        _rust_ssh.verify_cert_signature(
            self._sig_type,
            self._sig_key,
            self._inner_sig_type,
            self._signature,
            self._tbs_cert_body,
        )


def _certificate(fields: tuple[typing.Any, ...]) -> SSHCertificate:
    (
        nonce,
        public_key,
        serial,
        cctype,
        key_id,
        principals,
        valid_after,
        valid_before,
        critical_options,
        extensions,
        sig_type,
        sig_key,
        inner_sig_type,
        signature,
        tbs,
        cert_key_type,
        cert_body,
    ) = fields
    return SSHCertificate(
        memoryview(nonce),
        public_key,
        serial,
        cctype,
        memoryview(key_id),
        principals,
        valid_after,
        valid_before,
        critical_options,
        extensions,
        memoryview(sig_type),
        memoryview(sig_key),
        memoryview(inner_sig_type),
        memoryview(signature),
        memoryview(tbs),
        cert_key_type,
        memoryview(cert_body),
    )


def _load_ssh_public_identity(
    data: utils.Buffer, _legacy_dsa_allowed: bool = False
) -> SSHCertificate | SSHPublicKeyTypes:
    _check_byteslike("data", data)
    loaded = _rust_ssh.load_public_identity(data, _legacy_dsa_allowed)
    if isinstance(loaded, tuple):
        return _certificate(loaded)
    return typing.cast(SSHPublicKeyTypes, loaded)


def load_ssh_public_identity(
    data: utils.Buffer,
) -> SSHCertificate | SSHPublicKeyTypes:
    """Reads an OpenSSH public key line (``<type> <base64> [comment]``): a public key, or
    an :class:`SSHCertificate`. DSA keys and DSA-signed certificates are refused."""
    return _load_ssh_public_identity(data)


def load_ssh_public_key(data: utils.Buffer, backend: typing.Any = None) -> SSHPublicKeyTypes:
    """Reads an OpenSSH public key line; for a certificate, returns the certified key."""
    loaded = _load_ssh_public_identity(data, _legacy_dsa_allowed=True)
    public_key = loaded.public_key() if isinstance(loaded, SSHCertificate) else loaded
    if isinstance(public_key, dsa.DSAPublicKey):
        warnings.warn(_DSA_LOAD_WARNING, utils.DeprecatedIn40, stacklevel=2)
    return public_key


def load_ssh_private_key(
    data: utils.Buffer,
    password: bytes | None,
    backend: typing.Any = None,
    *,
    unsafe_skip_rsa_key_validation: bool = False,
) -> SSHPrivateKeyTypes:
    """Reads an ``openssh-key-v1`` private key (``-----BEGIN OPENSSH PRIVATE KEY-----``),
    decrypting it with ``password`` when it is encrypted."""
    _check_byteslike("data", data)
    if password is not None and not isinstance(password, bytes):
        raise TypeError("password must be bytes")
    key = _rust_ssh.load_private_key(data, password, unsafe_skip_rsa_key_validation)
    if isinstance(key, dsa.DSAPrivateKey):
        warnings.warn(_DSA_LOAD_WARNING, utils.DeprecatedIn40, stacklevel=2)
    return typing.cast(SSHPrivateKeyTypes, key)


def serialize_ssh_public_key(public_key: SSHPublicKeyTypes) -> bytes:
    """The one-line OpenSSH form of a public key, ``<type> <base64>``."""
    if isinstance(public_key, dsa.DSAPublicKey):
        warnings.warn(_DSA_WRITE_WARNING, utils.DeprecatedIn40, stacklevel=2)
    return _rust_ssh.serialize_public_key(public_key)


def ssh_key_fingerprint(
    key: SSHPublicKeyTypes,
    hash_algorithm: hashes.MD5 | hashes.SHA1 | hashes.SHA256,
) -> bytes:
    """The raw digest of the key's SSH blob (OpenSSH shows SHA-256 fingerprints in base64,
    MD5 ones in hex)."""
    if not isinstance(hash_algorithm, (hashes.MD5, hashes.SHA1, hashes.SHA256)):
        raise TypeError("hash_algorithm must be either MD5, SHA1, or SHA256")
    digest = hashes.Hash(hash_algorithm)
    digest.update(_rust_ssh.public_key_blob(key))
    return digest.finalize()


class SSHCertificateBuilder:
    """Builds and signs an OpenSSH certificate. Each method returns a new builder; each
    field may be set once."""

    def __init__(
        self,
        _public_key: SSHCertPublicKeyTypes | None = None,
        _serial: int | None = None,
        _type: SSHCertificateType | None = None,
        _key_id: bytes | None = None,
        _valid_principals: list[bytes] = [],  # noqa: B006 (never mutated)
        _valid_for_all_principals: bool = False,
        _valid_before: int | None = None,
        _valid_after: int | None = None,
        _critical_options: list[tuple[bytes, bytes]] = [],  # noqa: B006 (never mutated)
        _extensions: list[tuple[bytes, bytes]] = [],  # noqa: B006 (never mutated)
    ):
        self._public_key = _public_key
        self._serial = _serial
        self._type = _type
        self._key_id = _key_id
        self._valid_principals = _valid_principals
        self._valid_for_all_principals = _valid_for_all_principals
        self._valid_before = _valid_before
        self._valid_after = _valid_after
        self._critical_options = _critical_options
        self._extensions = _extensions

    def _with(self, **changes: typing.Any) -> SSHCertificateBuilder:
        fields: dict[str, typing.Any] = {
            "_public_key": self._public_key,
            "_serial": self._serial,
            "_type": self._type,
            "_key_id": self._key_id,
            "_valid_principals": self._valid_principals,
            "_valid_for_all_principals": self._valid_for_all_principals,
            "_valid_before": self._valid_before,
            "_valid_after": self._valid_after,
            "_critical_options": self._critical_options,
            "_extensions": self._extensions,
        }
        fields.update(changes)
        return SSHCertificateBuilder(**fields)

    def public_key(self, public_key: SSHCertPublicKeyTypes) -> SSHCertificateBuilder:
        if not isinstance(
            public_key,
            (ec.EllipticCurvePublicKey, rsa.RSAPublicKey, ed25519.Ed25519PublicKey),
        ):
            raise TypeError("Unsupported key type")
        if self._public_key is not None:
            raise ValueError("public_key already set")
        return self._with(_public_key=public_key)

    def serial(self, serial: int) -> SSHCertificateBuilder:
        if not isinstance(serial, int):
            raise TypeError("serial must be an integer")
        if not 0 <= serial < 2**64:
            raise ValueError("serial must be between 0 and 2**64")
        if self._serial is not None:
            raise ValueError("serial already set")
        return self._with(_serial=serial)

    def type(self, type: SSHCertificateType) -> SSHCertificateBuilder:
        if not isinstance(type, SSHCertificateType):
            raise TypeError("type must be an SSHCertificateType")
        if self._type is not None:
            raise ValueError("type already set")
        return self._with(_type=type)

    def key_id(self, key_id: bytes) -> SSHCertificateBuilder:
        if not isinstance(key_id, bytes):
            raise TypeError("key_id must be bytes")
        if self._key_id is not None:
            raise ValueError("key_id already set")
        return self._with(_key_id=key_id)

    def valid_principals(self, valid_principals: list[bytes]) -> SSHCertificateBuilder:
        if self._valid_for_all_principals:
            raise ValueError(
                "Principals can't be set because the cert is valid for all principals"
            )
        if not valid_principals or not all(isinstance(p, bytes) for p in valid_principals):
            raise TypeError("principals must be a list of bytes and can't be empty")
        if self._valid_principals:
            raise ValueError("valid_principals already set")
        if len(valid_principals) > _MAX_PRINCIPALS:
            raise ValueError("Reached or exceeded the maximum number of valid_principals")
        return self._with(_valid_principals=list(valid_principals))

    def valid_for_all_principals(self):  # type: ignore[no-untyped-def]
        if self._valid_principals:
            raise ValueError("valid_principals already set, can't set valid_for_all_principals")
        if self._valid_for_all_principals:
            raise ValueError("valid_for_all_principals already set")
        return self._with(_valid_for_all_principals=True)

    def valid_before(self, valid_before: int | float) -> SSHCertificateBuilder:
        if not isinstance(valid_before, (int, float)):
            raise TypeError("valid_before must be an int or float")
        valid_before = int(valid_before)
        if valid_before < 0 or valid_before >= 2**64:
            raise ValueError("valid_before must [0, 2**64)")
        if self._valid_before is not None:
            raise ValueError("valid_before already set")
        return self._with(_valid_before=valid_before)

    def valid_after(self, valid_after: int | float) -> SSHCertificateBuilder:
        if not isinstance(valid_after, (int, float)):
            raise TypeError("valid_after must be an int or float")
        valid_after = int(valid_after)
        if valid_after < 0 or valid_after >= 2**64:
            raise ValueError("valid_after must [0, 2**64)")
        if self._valid_after is not None:
            raise ValueError("valid_after already set")
        return self._with(_valid_after=valid_after)

    def add_critical_option(self, name: bytes, value: bytes) -> SSHCertificateBuilder:
        if not isinstance(name, bytes) or not isinstance(value, bytes):
            raise TypeError("name and value must be bytes")
        if any(name == existing for existing, _ in self._critical_options):
            raise ValueError("Duplicate critical option name")
        return self._with(_critical_options=[*self._critical_options, (name, value)])

    def add_extension(self, name: bytes, value: bytes) -> SSHCertificateBuilder:
        if not isinstance(name, bytes) or not isinstance(value, bytes):
            raise TypeError("name and value must be bytes")
        if any(name == existing for existing, _ in self._extensions):
            raise ValueError("Duplicate extension name")
        return self._with(_extensions=[*self._extensions, (name, value)])

    def sign(self, private_key: SSHCertPrivateKeyTypes) -> SSHCertificate:
        """Signs the certificate with the CA key ``private_key``: Ed25519, ECDSA with the
        curve's hash, or RSA with ``rsa-sha2-512``. Options and extensions are written
        sorted by name; the nonce is random."""
        if not isinstance(
            private_key,
            (ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey, ed25519.Ed25519PrivateKey),
        ):
            raise TypeError("Unsupported private key type")
        if self._public_key is None:
            raise ValueError("public_key must be set")
        serial = 0 if self._serial is None else self._serial
        if self._type is None:
            raise ValueError("type must be set")
        key_id = b"" if self._key_id is None else self._key_id
        # An empty principal list means "every principal": that must be asked for.
        if not self._valid_principals and not self._valid_for_all_principals:
            raise ValueError("valid_principals must be set if valid_for_all_principals is False")
        if self._valid_before is None:
            raise ValueError("valid_before must be set")
        if self._valid_after is None:
            raise ValueError("valid_after must be set")
        if self._valid_after > self._valid_before:
            raise ValueError("valid_after must be earlier than valid_before")
        line = _rust_ssh.sign_certificate(
            self._public_key,
            serial,
            self._type.value,
            key_id,
            self._valid_principals,
            self._valid_after,
            self._valid_before,
            self._critical_options,
            self._extensions,
            private_key,
        )
        return typing.cast(SSHCertificate, load_ssh_public_identity(line))
