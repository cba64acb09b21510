"""The ML-DSA and ML-KEM key files of ``cryptography_vectors``: oxicrypt's loaders decide
like OpenSSL's C decoders (OpenSSL 3.5 or later), as ``test_key_parity.py`` checks for the
other key types, using its survey of the vector tree.

Where OpenSSL reads an ML-DSA or ML-KEM key, oxicrypt reads the same key (type and
SubjectPublicKeyInfo), and OpenSSL reads back the PKCS#8 oxicrypt writes for it. The one
deliberate difference is the reference's: a private key given only in its expanded form,
without the seed, which OpenSSL reads and the reference (and so oxicrypt) refuses, since
such a key could not give its seed back.
"""

from __future__ import annotations

from types import ModuleType
from typing import Callable

import pytest

from oxicrypt._rust import _parity
from oxicrypt.hazmat.primitives import serialization
from oxicrypt.hazmat.primitives.asymmetric import mldsa, mlkem
from tests.parity.test_key_parity import FILES, KeyFile, _load, _spki

# OpenSSL's type name -> oxicrypt's (private, public) key classes.
PQ_TYPES: dict[str, tuple[type, type]] = {
    "ML-DSA-44": (mldsa.MLDSA44PrivateKey, mldsa.MLDSA44PublicKey),
    "ML-DSA-65": (mldsa.MLDSA65PrivateKey, mldsa.MLDSA65PublicKey),
    "ML-DSA-87": (mldsa.MLDSA87PrivateKey, mldsa.MLDSA87PublicKey),
    "ML-KEM-768": (mlkem.MLKEM768PrivateKey, mlkem.MLKEM768PublicKey),
    "ML-KEM-1024": (mlkem.MLKEM1024PrivateKey, mlkem.MLKEM1024PublicKey),
}

# Files OpenSSL reads as a key but the reference refuses: (file, kind) -> why.
EXPANDED_ONLY = {
    ("MLDSA/mldsa65_noseed_priv.der", "private"): (
        "an ML-DSA-65 private key in the expandedKey form only: OpenSSL reads it, the "
        "reference reads the seed form only"
    ),
}

PQ_FILES = [f for f in FILES if f.openssl_type in PQ_TYPES or f.openssl_type == "ML-KEM-512"]


def test_survey() -> None:
    found = {(f.path, f.kind, f.openssl_type) for f in PQ_FILES}
    assert found >= {
        ("MLDSA/mldsa44_priv.der", "private", "ML-DSA-44"),
        ("MLDSA/mldsa44_pub.der", "public", "ML-DSA-44"),
        ("MLDSA/mldsa65_noseed_priv.der", "private", "ML-DSA-65"),
        ("MLKEM/mlkem768.der", "private", "ML-KEM-768"),
        ("MLKEM/mlkem768.pem", "private", "ML-KEM-768"),
    }
    assert set(EXPANDED_ONLY) <= {(f.path, f.kind) for f in PQ_FILES}


@pytest.mark.parametrize("file", PQ_FILES, ids=lambda f: f.id)
def test_files_openssl_reads(file: KeyFile, reference: Callable[[str], ModuleType]) -> None:
    assert file.openssl_type is not None and file.openssl_spki is not None
    if (file.path, file.kind) in EXPANDED_ONLY:
        with pytest.raises(ValueError):
            _load(file)
        ref_ser = reference("hazmat.primitives.serialization")
        with pytest.raises(ValueError):
            ref_ser.load_der_private_key(file.data(), None)
        return
    if file.openssl_type == "ML-KEM-512":
        pytest.fail("no ML-KEM-512 key files are expected; the reference does not read them")
    private_cls, public_cls = PQ_TYPES[file.openssl_type]
    key = _load(file)
    if file.kind == "private":
        assert isinstance(key, private_cls)
        assert _spki(key.public_key()) == file.openssl_spki
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


def test_generated_keys_read_by_openssl() -> None:
    """Keys of every parameter set (none has a vector file for each): OpenSSL reads the
    PKCS#8 and SubjectPublicKeyInfo oxicrypt writes as the same key."""
    for name, (private_cls, _) in PQ_TYPES.items():
        key = private_cls.generate()
        spki = _spki(key.public_key())
        der = key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        assert _parity.openssl_load_private_key(der, False) == (name, spki)
        assert _parity.openssl_load_public_key(spki, False) == (name, spki)
