"""Helpers for the OpenSSH tests: the vector files, key pairs made in oxicrypt and the
reference from the same key material, comparisons of outcomes between the two, and a
small reader for the ``openssh-key-v1`` layout."""

from __future__ import annotations

import base64
import dataclasses
import re
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

import pytest

from oxicrypt.hazmat.primitives import serialization
from oxicrypt.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa, x25519
from tests.vectors import VECTORS_ROOT

Reference = Callable[[str], ModuleType]

OPENSSH = VECTORS_ROOT / "asymmetric" / "OpenSSH"
# The passphrase of the vectors' *-psw.* files (their gen.sh).
VECTOR_PASSWORD = b"password"


def vector_files(folder: Path, suffix: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file() and p.name.endswith(suffix))


def needs_bcrypt() -> None:
    pytest.importorskip("bcrypt", reason="encrypted OpenSSH keys need the bcrypt package")


# Key kinds SSH supports, made once per session (RSA and DSA generation is slow).
_KEYS: dict[str, Any] = {}


def make_key(kind: str) -> Any:
    """A private key of ``kind``, made in oxicrypt (cached)."""
    if kind not in _KEYS:
        makers: dict[str, Callable[[], Any]] = {
            "ed25519": ed25519.Ed25519PrivateKey.generate,
            "p256": lambda: ec.generate_private_key(ec.SECP256R1()),
            "p384": lambda: ec.generate_private_key(ec.SECP384R1()),
            "p521": lambda: ec.generate_private_key(ec.SECP521R1()),
            "rsa": lambda: rsa.generate_private_key(65537, 2048),
            "dsa": lambda: dsa.generate_private_key(1024),
            # Key types SSH does not support.
            "ed448": ed448.Ed448PrivateKey.generate,
            "x25519": x25519.X25519PrivateKey.generate,
            "p224": lambda: ec.generate_private_key(ec.SECP224R1()),
            "k256": lambda: ec.generate_private_key(ec.SECP256K1()),
            "dsa2048": lambda: dsa.generate_private_key(2048),
        }
        _KEYS[kind] = makers[kind]()
    return _KEYS[kind]


SSH_KINDS = ["ed25519", "p256", "p384", "p521", "rsa", "dsa"]
CERT_KINDS = ["ed25519", "p256", "p384", "p521", "rsa"]
OTHER_KINDS = ["ed448", "x25519", "p224", "k256", "dsa2048"]


def pkcs8(key: Any, ser: ModuleType = serialization) -> bytes:
    data: bytes = key.private_bytes(ser.Encoding.DER, ser.PrivateFormat.PKCS8, ser.NoEncryption())
    return data


def spki(key: Any, ser: ModuleType = serialization) -> bytes:
    data: bytes = key.public_bytes(ser.Encoding.DER, ser.PublicFormat.SubjectPublicKeyInfo)
    return data


def reference_twin(reference: Reference, key: Any) -> Any:
    """The same private key, loaded by the reference."""
    ref_ser = reference("hazmat.primitives.serialization")
    return ref_ser.load_der_private_key(pkcs8(key), None)


@dataclasses.dataclass(frozen=True)
class Result:
    """What a call did: the exception class name and message, or the returned value."""

    value: Any = None
    error: str | None = None
    message: str = ""


def run(call: Callable[[], Any]) -> Result:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return Result(value=call())
        except Exception as e:
            return Result(error=type(e).__name__, message=str(e))


def assert_same_failure(ours: Result, ref: Result) -> None:
    """Both failed with the same exception class, and oxicrypt's message starts with the
    reference's (oxicrypt may add where the fault is). Reference messages that show a
    ``memoryview``'s address are compared up to it."""
    assert ref.error is not None, f"the reference succeeded: {ref.value!r}"
    assert ours.error == ref.error, (ours, ref)
    expected = ref.message.split("<memory at")[0]
    assert ours.message.startswith(expected), (ours.message, ref.message)


def summary(value: Any, ser: ModuleType) -> Any:
    """A comparable form of a key (its DER) or certificate (its fields)."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if type(value).__name__ == "SSHCertificate":
        return (
            value.nonce,
            spki(value.public_key(), ser),
            value.serial,
            value.type.value,
            value.key_id,
            value.valid_principals,
            value.valid_after,
            value.valid_before,
            value.critical_options,
            value.extensions,
            spki(value.signature_key(), ser),
            value.public_bytes(),
        )
    if hasattr(value, "private_bytes"):
        return pkcs8(value, ser)
    return spki(value, ser)


def assert_same(ours: Result, ref: Result, ref_ser: ModuleType) -> None:
    """The same key (or certificate), or the same failure."""
    if ref.error is not None:
        assert_same_failure(ours, ref)
        return
    assert ours.error is None, (ours, ref)
    assert type(ours.value).__name__ == type(ref.value).__name__
    assert summary(ours.value, serialization) == summary(ref.value, ref_ser)


def ssh_string(data: bytes) -> bytes:
    return len(data).to_bytes(4, "big") + data


def ssh_mpint(value: int) -> bytes:
    return ssh_string(value.to_bytes((value.bit_length() + 8) // 8, "big") if value else b"")


def public_line(type_name: bytes, blob: bytes) -> bytes:
    return type_name + b" " + base64.b64encode(blob)


_PEM = re.compile(
    rb"-----BEGIN OPENSSH PRIVATE KEY-----\n(.*?)-----END OPENSSH PRIVATE KEY-----\n",
    re.DOTALL,
)


def pem_blob(text: bytes) -> bytes:
    m = _PEM.fullmatch(text)
    assert m is not None, text
    return base64.b64decode(m.group(1))


def private_pem(blob: bytes) -> bytes:
    body = base64.b64encode(blob)
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return b"\n".join(
        [b"-----BEGIN OPENSSH PRIVATE KEY-----", *lines, b"-----END OPENSSH PRIVATE KEY-----", b""]
    )


@dataclasses.dataclass
class KeyFile:
    """The parts of an ``openssh-key-v1`` blob."""

    cipher: bytes
    kdf: bytes
    kdf_options: bytes
    public: bytes
    section: bytes
    tail: bytes

    @classmethod
    def parse(cls, blob: bytes) -> KeyFile:
        magic = b"openssh-key-v1\0"
        assert blob.startswith(magic)
        rest = blob[len(magic) :]
        fields = []
        for _ in range(3):
            n = int.from_bytes(rest[:4], "big")
            fields.append(rest[4 : 4 + n])
            rest = rest[4 + n :]
        assert rest[:4] == b"\0\0\0\1"
        rest = rest[4:]
        parts = []
        for _ in range(2):
            n = int.from_bytes(rest[:4], "big")
            parts.append(rest[4 : 4 + n])
            rest = rest[4 + n :]
        return cls(fields[0], fields[1], fields[2], parts[0], parts[1], rest)

    def build(self) -> bytes:
        return b"".join(
            [
                b"openssh-key-v1\0",
                ssh_string(self.cipher),
                ssh_string(self.kdf),
                ssh_string(self.kdf_options),
                b"\0\0\0\1",
                ssh_string(self.public),
                ssh_string(self.section),
                self.tail,
            ]
        )
