"""Wycheproof's DSA files, every case of every file (``<root>/testvectors_v1/dsa_*.json``):

* dsa_<L>_<N>_<hash>: DER signatures (Dss-Sig-Value) over the message, verified with the
  group's key (given as SubjectPublicKeyInfo DER; its PEM and numbers are checked to be
  the same key);
* ``_p1363``: r || s, each half as long as the subgroup order q, turned into DER with
  ``encode_dss_signature`` (a signature of another length is no P1363 signature: rejected
  without asking the library).

Valid cases must verify, invalid ones must raise InvalidSignature. The acceptable cases
(a DER integer without its leading zero, which OpenSSL reads) and the rejections are
compared with the reference in ``test_wycheproof_matches_reference``.
"""

from __future__ import annotations

import functools
from typing import Any, Callable

import pytest

from oxicrypt.hazmat.primitives.asymmetric import dsa

from .test_rsa_support import (
    Reference,
    WycheproofFile,
    compare_wycheproof_file,
    hash_for,
    module,
    run_wycheproof_file,
)

Loader = Callable[[str], dict[str, Any]]

DSA_FILES = [
    f"dsa_{sizes}_{h}{p1363}"
    for sizes, h in (
        ("2048_224", "sha224"),
        ("2048_224", "sha256"),
        ("2048_256", "sha256"),
        ("3072_256", "sha256"),
    )
    for p1363 in ("", "_p1363")
]


@functools.cache
def _spki(lib: str, der_hex: str) -> Any:
    return module(lib, "hazmat.primitives.serialization").load_der_public_key(
        bytes.fromhex(der_hex)
    )


class NotP1363(Exception):
    """A P1363 signature of the wrong length: rejected before any library sees it."""


def _q_size(group: dict[str, Any]) -> int:
    return (int(group["publicKey"]["q"], 16).bit_length() + 7) // 8


def _p1363_to_der(lib: str, group: dict[str, Any], signature: bytes) -> bytes:
    size = _q_size(group)
    if len(signature) != 2 * size:
        raise NotP1363(f"{len(signature)} bytes, not {2 * size}")
    r, s = int.from_bytes(signature[:size], "big"), int.from_bytes(signature[size:], "big")
    return module(lib, "hazmat.primitives.asymmetric.utils").encode_dss_signature(r, s)  # type: ignore[no-any-return]


def _verify(lib: str, group: dict[str, Any], test: dict[str, Any]) -> object:
    key = _spki(lib, group["publicKeyDer"])
    signature = bytes.fromhex(test["sig"])
    if group["type"] == "DsaP1363Verify":
        signature = _p1363_to_der(lib, group, signature)
    return key.verify(signature, bytes.fromhex(test["msg"]), hash_for(group["sha"], lib))


def _none(group: dict[str, Any], test: dict[str, Any]) -> None:
    return None


SPEC = WycheproofFile(_verify, _none, ("InvalidSignature", "NotP1363"))


def _check_group_keys(name: str, data: dict[str, Any]) -> None:
    """Each group's key: its DER, PEM and numbers are one key, of the file's sizes."""
    serialization = module("oxicrypt", "hazmat.primitives.serialization")
    _, l_bits, n_bits, *_ = name.split("_")
    for group in data["testGroups"]:
        key = _spki("oxicrypt", group["publicKeyDer"])
        assert isinstance(key, dsa.DSAPublicKey), name
        assert serialization.load_pem_public_key(group["publicKeyPem"].encode()) == key
        numbers = key.public_numbers()
        expected = group["publicKey"]
        params = numbers.parameter_numbers
        assert (numbers.y, params.p, params.q, params.g) == tuple(
            int(expected[v], 16) for v in ("y", "p", "q", "g")
        ), name
        assert key.key_size == expected["keySize"] == int(l_bits), name
        assert params.q.bit_length() == int(n_bits), name


@pytest.mark.parametrize("name", DSA_FILES)
def test_wycheproof(name: str, load_wycheproof: Loader) -> None:
    data = load_wycheproof(f"{name}_test")
    _check_group_keys(name, data)
    run_wycheproof_file(name, data, SPEC)


@pytest.mark.parametrize("name", DSA_FILES)
def test_wycheproof_matches_reference(
    name: str, load_wycheproof: Loader, reference: Reference
) -> None:
    reference("hazmat.primitives.asymmetric.dsa")
    compare_wycheproof_file(name, load_wycheproof(f"{name}_test"), SPEC)


def test_every_dsa_file_is_listed(wycheproof_root: Any) -> None:
    found = {
        p.name.removesuffix("_test.json") for p in wycheproof_root.glob("testvectors_v1/dsa_*")
    }
    assert found == set(DSA_FILES)
    assert len(DSA_FILES) == len(set(DSA_FILES))
