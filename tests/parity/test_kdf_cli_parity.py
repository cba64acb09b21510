"""oxicrypt's KDFs equal ``openssl kdf`` (``vectors/.../kdf``): ``derive`` and ``verify``."""

from __future__ import annotations

from typing import Any

import pytest

from oxicrypt.exceptions import InvalidKey
from oxicrypt.hazmat.primitives.kdf.concatkdf import ConcatKDFHash, ConcatKDFHMAC
from oxicrypt.hazmat.primitives.kdf.hkdf import HKDF, HKDFExpand
from oxicrypt.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from oxicrypt.hazmat.primitives.kdf.scrypt import Scrypt
from oxicrypt.hazmat.primitives.kdf.x963kdf import X963KDF
from oxicrypt_vectors import Vector

from ._algorithms import algorithm
from ._vectors import vector_params

VECTORS = vector_params("kdf")


def _kdf(vector: Vector) -> tuple[Any, bytes]:
    """A fresh oxicrypt KDF for the vector, and the key material to derive from."""
    alg, length = vector["ALG"], vector.get_int("OUTLEN")
    digest: Any = algorithm(vector["DIGEST"]) if "DIGEST" in vector else None
    if alg == "PBKDF2":
        kdf: Any = PBKDF2HMAC(
            digest, length, vector.get_bytes("SALT"), vector.get_int("ITERATIONS")
        )
        return kdf, vector.get_bytes("PASSWORD")
    if alg == "SCRYPT":
        kdf = Scrypt(
            vector.get_bytes("SALT"),
            length,
            vector.get_int("N"),
            vector.get_int("R"),
            vector.get_int("P"),
        )
        return kdf, vector.get_bytes("PASSWORD")
    info = vector.get_bytes("INFO")
    if alg == "HKDF" and vector["MODE"] == "EXPAND_ONLY":
        kdf = HKDFExpand(digest, length, info)
    elif alg == "HKDF":
        # An empty salt and no salt are the same to HKDF: HashLen zero bytes.
        kdf = HKDF(digest, length, vector.get_bytes("SALT") or None, info)
    elif alg == "SSKDF":
        kdf = ConcatKDFHash(digest, length, info)
    elif alg == "SSKDF-HMAC":
        kdf = ConcatKDFHMAC(digest, length, vector.get_bytes("SALT"), info)
    else:
        assert alg == "X963KDF", vector.location
        kdf = X963KDF(digest, length, info)
    return kdf, vector.get_bytes("KEY")


def test_every_kdf_has_vectors() -> None:
    algs = {(p.values[0]["ALG"], p.values[0].fields.get("MODE")) for p in VECTORS}
    assert algs == {
        ("PBKDF2", None),
        ("HKDF", "EXTRACT_AND_EXPAND"),
        ("HKDF", "EXPAND_ONLY"),
        ("SSKDF", None),
        ("SSKDF-HMAC", None),
        ("X963KDF", None),
        ("SCRYPT", None),
    }


@pytest.mark.parametrize("vector", VECTORS)
def test_derive_and_verify(vector: Vector) -> None:
    kdf, material = _kdf(vector)
    assert kdf.derive(material).hex() == vector["OUT"], vector.location
    out = vector.get_bytes("OUT")
    kdf, material = _kdf(vector)
    kdf.verify(material, out)
    kdf, material = _kdf(vector)
    with pytest.raises(InvalidKey):
        kdf.verify(material, bytes([out[0] ^ 1]) + out[1:])
