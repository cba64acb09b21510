"""Elliptic-curve cryptography on named curves: ECDSA and ECDH. Keys are implemented in
Rust on OpenSSL; key containers are parsed by oxicrypt's Rust code."""

from __future__ import annotations

import abc
import typing

from oxicrypt import utils
from oxicrypt._rust import ec as _rust_ec
from oxicrypt._rust import openssl as _rust_openssl
from oxicrypt._rust.ec import EllipticCurvePrivateNumbers as EllipticCurvePrivateNumbers
from oxicrypt._rust.ec import EllipticCurvePublicNumbers as EllipticCurvePublicNumbers
from oxicrypt.exceptions import UnsupportedAlgorithm, _Reasons
from oxicrypt.hazmat._oid import ObjectIdentifier
from oxicrypt.hazmat.primitives import _serialization, hashes
from oxicrypt.hazmat.primitives.asymmetric import utils as asym_utils

__all__ = [
    "ECDH",
    "ECDSA",
    "SECP192R1",
    "SECP224R1",
    "SECP256K1",
    "SECP256R1",
    "SECP384R1",
    "SECP521R1",
    "BrainpoolP256R1",
    "BrainpoolP384R1",
    "BrainpoolP512R1",
    "EllipticCurve",
    "EllipticCurveOID",
    "EllipticCurvePrivateKey",
    "EllipticCurvePrivateKeyWithSerialization",
    "EllipticCurvePrivateNumbers",
    "EllipticCurvePublicKey",
    "EllipticCurvePublicKeyWithSerialization",
    "EllipticCurvePublicNumbers",
    "EllipticCurveSignatureAlgorithm",
    "ObjectIdentifier",
    "UnsupportedAlgorithm",
    "derive_private_key",
    "generate_private_key",
    "get_curve_for_oid",
]


class EllipticCurveOID:
    SECP192R1 = ObjectIdentifier("1.2.840.10045.3.1.1")
    SECP224R1 = ObjectIdentifier("1.3.132.0.33")
    SECP256K1 = ObjectIdentifier("1.3.132.0.10")
    SECP256R1 = ObjectIdentifier("1.2.840.10045.3.1.7")
    SECP384R1 = ObjectIdentifier("1.3.132.0.34")
    SECP521R1 = ObjectIdentifier("1.3.132.0.35")
    BRAINPOOLP256R1 = ObjectIdentifier("1.3.36.3.3.2.8.1.1.7")
    BRAINPOOLP384R1 = ObjectIdentifier("1.3.36.3.3.2.8.1.1.11")
    BRAINPOOLP512R1 = ObjectIdentifier("1.3.36.3.3.2.8.1.1.13")


class EllipticCurve(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def name(self) -> str:
        """The curve's name, e.g. ``"secp256r1"``."""

    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of the curve's field."""

    @property
    @abc.abstractmethod
    def group_order(self) -> int:
        """The order of the base point."""


class EllipticCurveSignatureAlgorithm(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def algorithm(self) -> asym_utils.Prehashed | hashes.HashAlgorithm:
        """The hash applied to the message, or :class:`Prehashed`."""


class EllipticCurvePrivateKey(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def exchange(self, algorithm: ECDH, peer_public_key: EllipticCurvePublicKey) -> bytes:
        """The ECDH shared secret with ``peer_public_key``."""

    @abc.abstractmethod
    def public_key(self) -> EllipticCurvePublicKey:
        """The matching public key."""

    @property
    @abc.abstractmethod
    def curve(self) -> EllipticCurve:
        """The key's curve."""

    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of the curve's field."""

    @abc.abstractmethod
    def sign(
        self,
        data: utils.Buffer,
        signature_algorithm: EllipticCurveSignatureAlgorithm,
    ) -> bytes:
        """A DER-encoded ECDSA signature of ``data``."""

    @abc.abstractmethod
    def private_numbers(self) -> EllipticCurvePrivateNumbers:
        """The key's integers."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """The key in the requested encoding and format, encrypted as asked."""


EllipticCurvePrivateKeyWithSerialization = EllipticCurvePrivateKey
EllipticCurvePrivateKey.register(_rust_ec.ECPrivateKey)


class EllipticCurvePublicKey(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def curve(self) -> EllipticCurve:
        """The key's curve."""

    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of the curve's field."""

    @abc.abstractmethod
    def public_numbers(self) -> EllipticCurvePublicNumbers:
        """The point's coordinates."""

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
        signature: utils.Buffer,
        data: utils.Buffer,
        signature_algorithm: EllipticCurveSignatureAlgorithm,
    ) -> None:
        """Raises :class:`~oxicrypt.exceptions.InvalidSignature` unless ``signature``
        is valid for ``data``."""

    @classmethod
    def from_encoded_point(cls, curve: EllipticCurve, data: bytes) -> EllipticCurvePublicKey:
        """Loads an X9.62 compressed or uncompressed point on ``curve``."""
        if not isinstance(curve, EllipticCurve):
            raise TypeError("curve must be an EllipticCurve instance")
        return _rust_ec.from_encoded_point(curve, data)

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Keys are equal when their curve and point are."""


EllipticCurvePublicKeyWithSerialization = EllipticCurvePublicKey
EllipticCurvePublicKey.register(_rust_ec.ECPublicKey)


class SECP521R1(EllipticCurve):
    name = "secp521r1"
    key_size = 521
    group_order = int(
        "1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f96"
        "6b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409",
        16,
    )


class SECP384R1(EllipticCurve):
    name = "secp384r1"
    key_size = 384
    group_order = int(
        "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aec"
        "ec196accc52973",
        16,
    )


class SECP256R1(EllipticCurve):
    name = "secp256r1"
    key_size = 256
    group_order = int("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16)


class SECP256K1(EllipticCurve):
    name = "secp256k1"
    key_size = 256
    group_order = int("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16)


class SECP224R1(EllipticCurve):
    name = "secp224r1"
    key_size = 224
    group_order = int("ffffffffffffffffffffffffffff16a2e0b8f03e13dd29455c5c2a3d", 16)


class SECP192R1(EllipticCurve):
    name = "secp192r1"
    key_size = 192
    group_order = int("ffffffffffffffffffffffff99def836146bc9b1b4d22831", 16)


class BrainpoolP256R1(EllipticCurve):
    name = "brainpoolP256r1"
    key_size = 256
    group_order = int("a9fb57dba1eea9bc3e660a909d838d718c397aa3b561a6f7901e0e82974856a7", 16)


class BrainpoolP384R1(EllipticCurve):
    name = "brainpoolP384r1"
    key_size = 384
    group_order = int(
        "8cb91e82a3386d280f5d6f7e50e641df152f7109ed5456b31f166e6cac0425a7cf3ab6af6b7fc3103b"
        "883202e9046565",
        16,
    )


class BrainpoolP512R1(EllipticCurve):
    name = "brainpoolP512r1"
    key_size = 512
    group_order = int(
        "aadd9db8dbe9c48b3fd4e6ae33c9fc07cb308db3b3c9d20ed6639cca70330870553e5c414ca926194186"
        "61197fac10471db1d381085ddaddb58796829ca90069",
        16,
    )


_CURVE_TYPES: dict[str, EllipticCurve] = {
    "prime192v1": SECP192R1(),
    "prime256v1": SECP256R1(),
    "secp192r1": SECP192R1(),
    "secp224r1": SECP224R1(),
    "secp256r1": SECP256R1(),
    "secp384r1": SECP384R1(),
    "secp521r1": SECP521R1(),
    "secp256k1": SECP256K1(),
    "brainpoolP256r1": BrainpoolP256R1(),
    "brainpoolP384r1": BrainpoolP384R1(),
    "brainpoolP512r1": BrainpoolP512R1(),
}


class ECDSA(EllipticCurveSignatureAlgorithm):
    """ECDSA with ``algorithm`` hashing the message; RFC 6979 deterministic nonces when
    ``deterministic_signing`` is true (needs OpenSSL >= 3.2)."""

    def __init__(
        self,
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm,
        deterministic_signing: bool = False,
    ):
        if deterministic_signing and not _rust_openssl.deterministic_nonces_supported():
            raise UnsupportedAlgorithm(
                "ECDSA with deterministic signature (RFC 6979) is not supported by this "
                "version of OpenSSL.",
                _Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM,
            )
        self._algorithm = algorithm
        self._deterministic_signing = deterministic_signing

    @property
    def algorithm(self) -> asym_utils.Prehashed | hashes.HashAlgorithm:
        return self._algorithm

    @property
    def deterministic_signing(self) -> bool:
        return self._deterministic_signing


class ECDH:
    """Elliptic-curve Diffie-Hellman, for :meth:`EllipticCurvePrivateKey.exchange`."""


def generate_private_key(curve, backend=None):  # type: ignore[no-untyped-def]
    """A new random key on ``curve``."""
    return _rust_ec.generate_private_key(curve)


def derive_private_key(
    private_value: int,
    curve: EllipticCurve,
    backend: typing.Any = None,
) -> EllipticCurvePrivateKey:
    """The key with private scalar ``private_value`` on ``curve``."""
    return _rust_ec.derive_private_key(private_value, curve)


_OID_TO_CURVE: dict[ObjectIdentifier, type[EllipticCurve]] = {
    EllipticCurveOID.SECP192R1: SECP192R1,
    EllipticCurveOID.SECP224R1: SECP224R1,
    EllipticCurveOID.SECP256K1: SECP256K1,
    EllipticCurveOID.SECP256R1: SECP256R1,
    EllipticCurveOID.SECP384R1: SECP384R1,
    EllipticCurveOID.SECP521R1: SECP521R1,
    EllipticCurveOID.BRAINPOOLP256R1: BrainpoolP256R1,
    EllipticCurveOID.BRAINPOOLP384R1: BrainpoolP384R1,
    EllipticCurveOID.BRAINPOOLP512R1: BrainpoolP512R1,
}


def get_curve_for_oid(oid: ObjectIdentifier) -> type[EllipticCurve]:
    """The curve class named by ``oid``."""
    try:
        return _OID_TO_CURVE[oid]
    except KeyError:
        raise LookupError(
            "The provided object identifier has no matching elliptic curve class"
        ) from None
