"""oxicrypt's HMAC equals the MACs computed by OpenSSL's C code (``vectors/.../hmac``)."""

from __future__ import annotations

import pytest

from oxicrypt.hazmat.primitives import hmac
from oxicrypt_vectors import Vector

from ._algorithms import ALL_NAMES, XOF_NAMES, algorithm
from ._vectors import chunks, vector_params

VECTORS = vector_params("hmac")


def test_every_algorithm_has_vectors() -> None:
    assert {p.values[0]["ALG"] for p in VECTORS} == ALL_NAMES - XOF_NAMES


@pytest.mark.parametrize("vector", VECTORS)
def test_one_update(vector: Vector) -> None:
    ctx = hmac.HMAC(vector.get_bytes("KEY"), algorithm(vector["ALG"]))
    ctx.update(vector.get_bytes("MSG"))
    assert ctx.finalize().hex() == vector["MD"], vector.location


@pytest.mark.parametrize("vector", VECTORS)
def test_incremental_copy_and_verify(vector: Vector) -> None:
    msg, md = vector.get_bytes("MSG"), vector.get_bytes("MD")
    half = len(msg) // 2
    ctx = hmac.HMAC(vector.get_bytes("KEY"), algorithm(vector["ALG"]))
    for piece in chunks(msg[:half]):
        ctx.update(piece)
    twin = ctx.copy()
    for piece in chunks(msg[half:]):
        ctx.update(piece)
    twin.update(msg[half:])
    ctx.verify(md)  # raises InvalidSignature on a mismatch
    assert twin.finalize().hex() == md.hex(), vector.location
