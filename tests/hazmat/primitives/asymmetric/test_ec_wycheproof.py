"""Wycheproof's ECDSA and ECDH files, every case of every file
(``<root>/testvectors_v1/ecdsa_*.json``, ``ecdh_*.json``):

* ecdsa_<curve>_<hash>: DER signatures; ``_p1363``: r || s, each half as long as the
  group order, turned into DER with ``encode_dss_signature`` (a signature of another
  length is no P1363 signature: rejected without asking the library); ``_bitcoin``:
  DER signatures where Bitcoin additionally refuses a high s (its one such case is left to
  the reference, as OpenSSL accepts high s);
* ecdh_<curve>: the peer key as SubjectPublicKeyInfo DER, the private key as a number;
  ``_ecpoint``: the peer as an X9.62 point; ``_pem``: both keys in PEM; ``_webcrypto``:
  both as JWK (through the numbers classes).

Valid cases must verify (or give the shared secret); invalid ones must be rejected
(InvalidSignature; ValueError, UnsupportedAlgorithm or TypeError for keys). Acceptable
cases, and the exception classes of the rejections, are compared with the reference in the
``_matches_reference`` tests. Files on curves neither library implements (secp160*,
secp192k1, secp224k1, brainpoolP224r1/P320r1, the binary curves) must refuse their keys
as unsupported.
"""

from __future__ import annotations

import base64
import copy
import functools
from typing import Any, Callable

import pytest

from oxicrypt.hazmat.primitives.asymmetric import ec, utils

from .test_ec_support import canonical, curve_for, field_size
from .test_rsa_support import (
    Reference,
    WycheproofFile,
    compare_wycheproof_file,
    hash_for,
    module,
    run_wycheproof_file,
)

Loader = Callable[[str], dict[str, Any]]

ECDSA_FILES = [
    *(
        f"ecdsa_brainpoolP{bits}r1_{h}"
        for bits, hashes in (
            (224, ("sha224", "sha224_p1363", "sha3_224")),
            (256, ("sha256", "sha256_p1363", "sha3_256")),
            (320, ("sha384", "sha384_p1363", "sha3_384")),
            (384, ("sha384", "sha384_p1363", "sha3_384")),
            (512, ("sha512", "sha512_p1363", "sha3_512")),
        )
        for h in hashes
    ),
    *(
        f"ecdsa_{c}_sha256{p}"
        for c in ("secp160k1", "secp160r1", "secp160r2")
        for p in ("", "_p1363")
    ),
    *(f"ecdsa_{c}_sha256{p}" for c in ("secp192k1", "secp192r1") for p in ("", "_p1363")),
    *(f"ecdsa_secp224k1_{h}{p}" for h in ("sha224", "sha256") for p in ("", "_p1363")),
    *(
        f"ecdsa_secp224r1_{h}"
        for h in (
            "sha224",
            "sha224_p1363",
            "sha256",
            "sha256_p1363",
            "sha3_224",
            "sha3_256",
            "sha3_512",
            "sha512",
            "sha512_p1363",
            "shake128",
            "shake128_p1363",
        )
    ),
    *(
        f"ecdsa_secp256k1_{h}"
        for h in (
            "sha256",
            "sha256_bitcoin",
            "sha256_p1363",
            "sha3_256",
            "sha3_512",
            "sha512",
            "sha512_p1363",
            "shake128",
            "shake128_p1363",
            "shake256",
            "shake256_p1363",
        )
    ),
    *(
        f"ecdsa_secp256r1_{h}"
        for h in (
            "sha256",
            "sha256_p1363",
            "sha3_256",
            "sha3_512",
            "sha512",
            "sha512_p1363",
            "shake128",
            "shake128_p1363",
        )
    ),
    *(
        f"ecdsa_secp384r1_{h}"
        for h in (
            "sha256",
            "sha384",
            "sha384_p1363",
            "sha3_384",
            "sha3_512",
            "sha512",
            "sha512_p1363",
            "shake256",
            "shake256_p1363",
        )
    ),
    *(
        f"ecdsa_secp521r1_{h}"
        for h in ("sha3_512", "sha512", "sha512_p1363", "shake256", "shake256_p1363")
    ),
]
ECDH_FILES = [
    *(f"ecdh_brainpoolP{bits}r1" for bits in (224, 256, 320, 384, 512)),
    *(
        f"ecdh_secp{c}{kind}"
        for c in ("224r1", "256r1", "384r1", "521r1")
        for kind in ("", "_ecpoint", "_pem")
    ),
    *(f"ecdh_secp{c}_webcrypto" for c in ("256k1", "256r1", "384r1", "521r1")),
    "ecdh_secp256k1",
    *(f"ecdh_sect{c}" for c in ("283k1", "283r1", "409k1", "409r1", "571k1", "571r1")),
]

_UNSUPPORTED_CURVES = (
    "secp160",
    "secp192k1",
    "secp224k1",
    "brainpoolP224r1",
    "brainpoolP320r1",
    "sect",
)


def _unsupported(name: str) -> str | None:
    return "UnsupportedAlgorithm" if any(c in name for c in _UNSUPPORTED_CURVES) else None


def _json(name: str) -> str:
    return f"{name}_test"


def _ec(lib: str) -> Any:
    return module(lib, "hazmat.primitives.asymmetric.ec")


def _ser(lib: str) -> Any:
    return module(lib, "hazmat.primitives.serialization")


# -- ECDSA -----------------------------------------------------------------------------------


@functools.cache
def _spki(lib: str, der_hex: str) -> Any:
    return _ser(lib).load_der_public_key(bytes.fromhex(der_hex))


class NotP1363(Exception):
    """A P1363 signature of the wrong length: rejected before any library sees it."""


def _p1363_to_der(lib: str, group: dict[str, Any], signature: bytes) -> bytes:
    size = field_size(group["publicKey"]["curve"])  # = the group order's size, these curves
    if len(signature) != 2 * size:
        raise NotP1363(f"{len(signature)} bytes, not {2 * size}")
    r, s = int.from_bytes(signature[:size], "big"), int.from_bytes(signature[size:], "big")
    return module(lib, "hazmat.primitives.asymmetric.utils").encode_dss_signature(r, s)  # type: ignore[no-any-return]


def _ecdsa_verify(lib: str, group: dict[str, Any], test: dict[str, Any]) -> object:
    key = _spki(lib, group["publicKeyDer"])
    signature = bytes.fromhex(test["sig"])
    if group["type"] == "EcdsaP1363Verify":
        signature = _p1363_to_der(lib, group, signature)
    algorithm = _ec(lib).ECDSA(hash_for(group["sha"], lib))
    return key.verify(signature, bytes.fromhex(test["msg"]), algorithm)


# -- ECDH ------------------------------------------------------------------------------------


@functools.cache
def _derived(lib: str, curve_name: str, private_hex: str) -> Any:
    curve = curve_for(curve_name, lib)
    if curve is None:
        raise _ec(lib).UnsupportedAlgorithm(f"no curve {curve_name}")
    return _ec(lib).derive_private_key(int(private_hex, 16), curve)


@functools.cache
def _pem_private(lib: str, pem: str) -> Any:
    return _ser(lib).load_pem_private_key(pem.encode(), None)


def _b64(value: str) -> int:
    return int.from_bytes(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)), "big")


def _jwk_public(lib: str, jwk: dict[str, str]) -> Any:
    curve = curve_for(jwk["crv"], lib)
    return _ec(lib).EllipticCurvePublicNumbers(_b64(jwk["x"]), _b64(jwk["y"]), curve)


@functools.cache
def _jwk_private(lib: str, d: str, x: str, y: str, crv: str) -> Any:
    public = _jwk_public(lib, {"x": x, "y": y, "crv": crv})
    return _ec(lib).EllipticCurvePrivateNumbers(_b64(d), public).private_key()


def _ecdh(lib: str, group: dict[str, Any], test: dict[str, Any]) -> object:
    m = _ec(lib)
    kind = group["type"]
    if kind == "EcdhTest":
        peer = _ser(lib).load_der_public_key(bytes.fromhex(test["public"]))
        private = _derived(lib, group["curve"], test["private"])
    elif kind == "EcdhEcpointTest":
        curve = curve_for(group["curve"], lib)
        peer = m.EllipticCurvePublicKey.from_encoded_point(curve, bytes.fromhex(test["public"]))
        private = _derived(lib, group["curve"], test["private"])
    elif kind == "EcdhPemTest":
        peer = _ser(lib).load_pem_public_key(test["public"].encode())
        private = _pem_private(lib, test["private"])
    else:
        assert kind == "EcdhWebcryptoTest", kind
        peer = _jwk_public(lib, test["public"]).public_key()
        jwk = test["private"]
        private = _jwk_private(lib, jwk["d"], jwk["x"], jwk["y"], jwk["crv"])
    return _exchange(lib, private, peer)


# (library, curve, private value, peer x, peer y) -> shared secret. The four encodings of a
# curve's ECDH tests (DER, PEM, X9.62 point, JWK) repeat the same exchanges: each is
# computed once per run, once the keys decoded from each file have been compared by their
# numbers (a key decoded wrongly has other numbers, and is computed afresh).
_EXCHANGES: dict[tuple[str, str, int, int, int], bytes] = {}


def _exchange(lib: str, private: Any, peer: Any) -> bytes:
    if (
        not isinstance(peer, _ec(lib).EllipticCurvePublicKey)
        or peer.curve.name != private.curve.name
    ):
        return private.exchange(_ec(lib).ECDH(), peer)  # type: ignore[no-any-return]
    point = peer.public_numbers()
    key = (lib, private.curve.name, private.private_numbers().private_value, point.x, point.y)
    if key not in _EXCHANGES:
        _EXCHANGES[key] = private.exchange(_ec(lib).ECDH(), peer)
    return _EXCHANGES[key]


def _shared(group: dict[str, Any], test: dict[str, Any]) -> bytes:
    return bytes.fromhex(test["shared"])


def _none(group: dict[str, Any], test: dict[str, Any]) -> None:
    return None


_KEY_REJECTIONS = ("ValueError", "UnsupportedAlgorithm", "TypeError")


def _explicit_parameters(group: dict[str, Any], test: dict[str, Any]) -> str | None:
    """Peer keys with explicit curve parameters (Wycheproof's "UnnamedCurve" cases):
    oxicrypt refuses every one with UnsupportedAlgorithm (docs/parity.rst, "EC keys with
    explicit curve parameters are refused"), where the reference refuses the malformed
    ones (a negative order or cofactor, ...) with ValueError."""
    return "UnsupportedAlgorithm" if "UnnamedCurve" in test["flags"] else None


def _spec(name: str) -> WycheproofFile:
    unsupported = _unsupported(name)
    if name.startswith("ecdsa"):
        return WycheproofFile(
            _ecdsa_verify, _none, ("InvalidSignature", "NotP1363"), unsupported=unsupported
        )
    return WycheproofFile(
        _ecdh, _shared, _KEY_REJECTIONS, unsupported=unsupported, documented=_explicit_parameters
    )


def _load(name: str, load_wycheproof: Loader) -> dict[str, Any]:
    data = load_wycheproof(_json(name))
    if name.endswith("_bitcoin"):
        # Bitcoin refuses s > n/2, which ECDSA (and OpenSSL) allow: leave the signatures with
        # a high s to the reference.
        data = copy.deepcopy(data)
        half = ec.SECP256K1.group_order // 2
        for group in data["testGroups"]:
            for test in group["tests"]:
                try:
                    _, s = utils.decode_dss_signature(bytes.fromhex(test["sig"]))
                except ValueError:
                    continue
                if s > half and test["result"] == "invalid":
                    test["result"] = "acceptable"
    return data


def _check_ecdsa_group_keys(name: str, data: dict[str, Any]) -> None:
    """Each group's key: its DER, PEM and coordinates are one key, on the named curve."""
    if _unsupported(name):
        return
    for group in data["testGroups"]:
        key = _spki("oxicrypt", group["publicKeyDer"])
        numbers = group["publicKey"]
        assert key.curve.name == canonical(numbers["curve"]), name
        assert _ser("oxicrypt").load_pem_public_key(group["publicKeyPem"].encode()) == key
        point = key.public_numbers()
        assert (point.x, point.y) == (int(numbers["wx"], 16), int(numbers["wy"], 16)), name
        assert (
            key.public_bytes(
                _ser("oxicrypt").Encoding.X962, _ser("oxicrypt").PublicFormat.UncompressedPoint
            ).hex()
            == numbers["uncompressed"]
        ), name


@pytest.mark.parametrize("name", ECDSA_FILES + ECDH_FILES)
def test_wycheproof(name: str, load_wycheproof: Loader) -> None:
    data = _load(name, load_wycheproof)
    if name.startswith("ecdsa"):
        _check_ecdsa_group_keys(name, data)
    run_wycheproof_file(name, data, _spec(name))


@pytest.mark.parametrize("name", ECDSA_FILES + ECDH_FILES)
def test_wycheproof_matches_reference(
    name: str, load_wycheproof: Loader, reference: Reference
) -> None:
    reference("hazmat.primitives.asymmetric.ec")
    compare_wycheproof_file(name, _load(name, load_wycheproof), _spec(name))


def test_every_ec_file_is_listed(wycheproof_root: Any) -> None:
    found = {
        p.name.removesuffix("_test.json")
        for pattern in ("ecdsa_*", "ecdh_*")
        for p in wycheproof_root.glob(f"testvectors_v1/{pattern}")
    }
    listed = ECDSA_FILES + ECDH_FILES
    assert found == set(listed)
    assert len(listed) == len(set(listed))
