"""oxicrypt's digests equal those computed by OpenSSL's C code (``vectors/.../hashes``)."""

from __future__ import annotations

import pytest

from oxicrypt.hazmat.primitives import hashes
from oxicrypt_vectors import Vector

from ._algorithms import ALL_NAMES, XOF_NAMES, algorithm
from ._vectors import chunks, vector_params

VECTORS = vector_params("hashes")
XOF_VECTORS = [p for p in VECTORS if p.values[0]["ALG"] in XOF_NAMES]


def _inputs(vector: Vector) -> tuple[hashes.HashAlgorithm, bytes, bytes]:
    alg = algorithm(vector["ALG"], vector.get_int("OUTLEN"))
    return alg, vector.get_bytes("MSG"), vector.get_bytes("MD")


def test_every_algorithm_has_vectors() -> None:
    assert {p.values[0]["ALG"] for p in VECTORS} == ALL_NAMES


@pytest.mark.parametrize("vector", VECTORS)
def test_one_shot(vector: Vector) -> None:
    alg, msg, md = _inputs(vector)
    assert hashes.Hash.hash(alg, msg).hex() == md.hex(), vector.location


@pytest.mark.parametrize("vector", VECTORS)
def test_incremental_and_copy(vector: Vector) -> None:
    alg, msg, md = _inputs(vector)
    half = len(msg) // 2
    ctx = hashes.Hash(alg)
    for piece in chunks(msg[:half]):
        ctx.update(piece)
    twin = ctx.copy()
    for piece in chunks(msg[half:]):
        ctx.update(piece)
    twin.update(msg[half:])
    assert ctx.finalize().hex() == md.hex(), vector.location
    assert twin.finalize().hex() == md.hex(), vector.location


@pytest.mark.parametrize("vector", XOF_VECTORS)
def test_xof_squeeze(vector: Vector) -> None:
    alg, msg, md = _inputs(vector)
    xof = hashes.XOFHash(alg)
    for piece in chunks(msg):
        xof.update(piece)
    out = b"".join(xof.squeeze(len(piece)) for piece in chunks(md, (1, 31, 136, 168, 7)))
    assert out.hex() == md.hex(), vector.location
