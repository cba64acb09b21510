"""oxicrypt's key loaders decide like OpenSSL's C decoders on the key files of
``cryptography_vectors`` (every ``.pem``, ``.der``, ``.key`` and ``.pub`` file under
``asymmetric/``).

Each file is offered to OpenSSL (``oxicrypt._rust._parity``: ``PEM_read_bio_PrivateKey``
/ ``d2i_AutoPrivateKey`` and ``PEM_read_bio_PUBKEY`` / ``d2i_PUBKEY``, PEM or DER as the
content says) as a private key and as a public key, without a password. Then:

* where OpenSSL reads an Ed25519, Ed448, X25519 or X448 key, oxicrypt reads the same key:
  the same type and the same SubjectPublicKeyInfo;
* where OpenSSL reads nothing, oxicrypt raises ValueError, TypeError or
  UnsupportedAlgorithm.

Files OpenSSL reads as other key types (RSA, EC, DSA, DH, ML-DSA, ...) are not part of the
suite yet: each key type joins it (with its OpenSSL type name added to ``SUPPORTED_TYPES``)
when oxicrypt implements it. ``DEVIATIONS`` lists the files where the reference
(pyca/cryptography, whose behaviour oxicrypt reproduces) deliberately decides otherwise
than OpenSSL; they are checked against the reference instead.
"""

from __future__ import annotations

import dataclasses
from types import ModuleType
from typing import Any, Callable

import pytest

from oxicrypt._rust import _parity
from oxicrypt.exceptions import UnsupportedAlgorithm
from oxicrypt.hazmat.primitives import serialization
from oxicrypt.hazmat.primitives.asymmetric import ed448, ed25519, x448, x25519
from tests.vectors import VECTORS_ROOT

ASYMMETRIC = VECTORS_ROOT / "asymmetric"
KEY_FILE_SUFFIXES = (".pem", ".der", ".key", ".pub")

# OpenSSL's type name -> oxicrypt's (private, public) key classes.
SUPPORTED_TYPES: dict[str, tuple[type, type]] = {
    "Ed25519": (ed25519.Ed25519PrivateKey, ed25519.Ed25519PublicKey),
    "Ed448": (ed448.Ed448PrivateKey, ed448.Ed448PublicKey),
    "X25519": (x25519.X25519PrivateKey, x25519.X25519PublicKey),
    "X448": (x448.X448PrivateKey, x448.X448PublicKey),
}

REJECTIONS = (ValueError, TypeError, UnsupportedAlgorithm)

# Without a password OpenSSL's PEM reader calls its default passphrase callback, which
# prompts on the terminal for an encrypted file. A password no vector uses keeps it quiet
# (an unencrypted key ignores it), and an encrypted file then fails to decrypt: it is a
# file OpenSSL does not read without its password.
_NOT_THE_PASSWORD = b"oxicrypt parity: not the password of any vector file"

# (file, kind) -> (OpenSSL's type name or None, whether the reference reads it, why).
DEVIATIONS: dict[tuple[str, str], tuple[str | None, bool, str]] = {
    ("Ed25519/ed25519-pub-non-zero-unused-bits.der", "public"): (
        "Ed25519",
        False,
        "the key's BIT STRING declares unused bits: OpenSSL ignores them, the reference "
        "rejects the key",
    ),
    ("public/PKCS1/rsa.pub.der", "public"): (
        None,
        True,
        "a bare PKCS#1 RSAPublicKey: d2i_PUBKEY reads SubjectPublicKeyInfo only, the "
        "reference reads it as an RSA key (another key type)",
    ),
}


@dataclasses.dataclass(frozen=True)
class KeyFile:
    path: str  # relative to asymmetric/
    kind: str  # "private" or "public"
    pem: bool
    openssl_type: str | None  # None: OpenSSL's decoder rejects the file
    openssl_spki: bytes | None

    @property
    def id(self) -> str:
        return f"{self.path}:{self.kind}"

    def data(self) -> bytes:
        return (ASYMMETRIC / self.path).read_bytes()


def _openssl(data: bytes, kind: str, pem: bool) -> tuple[str, bytes] | None:
    if kind == "private":
        password = _NOT_THE_PASSWORD if pem else None
        return _parity.openssl_load_private_key(data, pem, password)
    return _parity.openssl_load_public_key(data, pem)


def _survey() -> list[KeyFile]:
    files = []
    for path in sorted(ASYMMETRIC.rglob("*")):
        if not path.is_file() or path.suffix not in KEY_FILE_SUFFIXES:
            continue
        data = path.read_bytes()
        pem = b"-----BEGIN " in data
        for kind in ("private", "public"):
            decoded = _openssl(data, kind, pem)
            files.append(
                KeyFile(
                    path.relative_to(ASYMMETRIC).as_posix(),
                    kind,
                    pem,
                    None if decoded is None else decoded[0],
                    None if decoded is None else decoded[1],
                )
            )
    return files


FILES = _survey()
CURVE_FILES = [
    f for f in FILES if f.openssl_type in SUPPORTED_TYPES and (f.path, f.kind) not in DEVIATIONS
]
REJECTED_FILES = [
    f for f in FILES if f.openssl_type is None and (f.path, f.kind) not in DEVIATIONS
]
DEVIATING_FILES = [f for f in FILES if (f.path, f.kind) in DEVIATIONS]


def _load(file: KeyFile, password: bytes | None = None) -> Any:
    """oxicrypt's loader for the file's kind and encoding."""
    encoding = "pem" if file.pem else "der"
    if file.kind == "private":
        return getattr(serialization, f"load_{encoding}_private_key")(file.data(), password)
    return getattr(serialization, f"load_{encoding}_public_key")(file.data())


def _spki(public_key: Any) -> bytes:
    data: bytes = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return data


def test_survey() -> None:
    """The walk found the files: every supported type as PKCS#8 and as SPKI, in PEM and
    DER, plus plenty OpenSSL rejects; and every deviation names a file that exists."""
    found = {(f.openssl_type, f.kind, f.pem) for f in CURVE_FILES}
    for name in SUPPORTED_TYPES:
        for kind in ("private", "public"):
            for pem in (True, False):
                assert (name, kind, pem) in found
    assert len(REJECTED_FILES) > 100
    assert {(f.path, f.kind) for f in DEVIATING_FILES} == set(DEVIATIONS)


@pytest.mark.parametrize("file", CURVE_FILES, ids=lambda f: f.id)
def test_files_openssl_reads(file: KeyFile) -> None:
    assert file.openssl_type is not None and file.openssl_spki is not None
    private_cls, public_cls = SUPPORTED_TYPES[file.openssl_type]
    key = _load(file)
    if file.kind == "private":
        assert isinstance(key, private_cls)
        assert _spki(key.public_key()) == file.openssl_spki
        # What oxicrypt writes back, OpenSSL reads as the same key.
        der = key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        assert _parity.openssl_load_private_key(der, False) == (
            file.openssl_type,
            file.openssl_spki,
        )
    else:
        assert isinstance(key, public_cls)
        assert _spki(key) == file.openssl_spki
        assert _parity.openssl_load_public_key(_spki(key), False) == (
            file.openssl_type,
            file.openssl_spki,
        )


@pytest.mark.parametrize("file", REJECTED_FILES, ids=lambda f: f.id)
def test_files_openssl_rejects(file: KeyFile) -> None:
    with pytest.raises(REJECTIONS):
        _load(file)


@pytest.mark.parametrize("file", DEVIATING_FILES, ids=lambda f: f.id)
def test_deviations_from_openssl(file: KeyFile, reference: Callable[[str], ModuleType]) -> None:
    """Where the reference decides otherwise than OpenSSL: OpenSSL still decides as
    recorded (so the entry is still needed), the reference as recorded, and oxicrypt like
    the reference for the key types it implements."""
    openssl_type, reference_reads, why = DEVIATIONS[(file.path, file.kind)]
    assert file.openssl_type == openssl_type, why
    ref_ser = reference("hazmat.primitives.serialization")
    encoding = "pem" if file.pem else "der"
    args: tuple[None, ...] = (None,) if file.kind == "private" else ()
    loader = getattr(ref_ser, f"load_{encoding}_{file.kind}_key")
    try:
        loader(file.data(), *args)
        read = True
    except Exception:
        read = False
    assert read is reference_reads, why
    if not reference_reads:
        with pytest.raises(REJECTIONS):
            _load(file)
    # A file the reference reads as another key type joins the checks with that type.


def test_walk_covers_every_key_file_name() -> None:
    """The suffixes above name every key container of the tree: what is left are vector
    text files."""
    leftovers = {
        p.suffix
        for p in ASYMMETRIC.rglob("*")
        if p.is_file() and p.suffix not in KEY_FILE_SUFFIXES
    }
    assert leftovers <= {".txt", ".rsp", ".fax", ".sh", ".input"}, leftovers


def test_survey_is_not_empty_for_other_types() -> None:
    """Files of key types oxicrypt does not implement yet are found but not asserted on;
    this keeps the classification honest: they are there, and they are not curve keys."""
    other = [f for f in FILES if f.openssl_type not in (None, *SUPPORTED_TYPES)]
    assert {f.openssl_type for f in other} >= {"RSA", "EC", "DSA", "DH"}
