"""CMAC: NIST SP 800-38B and Wycheproof vectors, context rules, errors."""

from __future__ import annotations

import warnings
from types import ModuleType
from typing import Any, Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.exceptions import (
    AlreadyFinalized,
    InvalidSignature,
    UnsupportedAlgorithm,
    _Reasons,
)
from oxicrypt.hazmat.primitives.cmac import CMAC
from tests.vectors import load_records
from tests.wycheproof import WycheproofCase

algorithms = pytest.importorskip("oxicrypt.hazmat.primitives.ciphers.algorithms")
decrepit = pytest.importorskip("oxicrypt.hazmat.decrepit.ciphers.algorithms")


def _mac(algorithm: Any, *parts: bytes) -> bytes:
    ctx = CMAC(algorithm)
    for part in parts:
        ctx.update(part)
    return ctx.finalize()


@pytest.mark.parametrize("bits", [128, 192, 256])
def test_nist_aes(bits: int) -> None:
    records = load_records("CMAC", f"nist-800-38b-aes{bits}.txt")
    assert len(records) == 4
    for r in records:
        key, msg, tag = r.hex("KEY"), bytes.fromhex(r.fields.get("MESSAGE", "")), r.hex("OUTPUT")
        assert _mac(algorithms.AES(key), msg) == tag
        assert _mac(algorithms.AES(key), msg[:7], msg[7:]) == tag
        ctx = CMAC(algorithms.AES(key))
        ctx.update(msg)
        ctx.verify(tag)


def test_nist_triple_des() -> None:
    records = load_records("CMAC", "nist-800-38b-3des.txt")
    assert records
    for r in records:
        key = r.hex("KEY1") + r.hex("KEY2") + r.hex("KEY3")
        msg = bytes.fromhex(r.fields.get("MESSAGE", ""))
        assert _mac(decrepit.TripleDES(key), msg) == r.hex("OUTPUT"), r.line


@pytest.mark.wycheproof("aes_cmac_test")
def test_wycheproof(wycheproof_case: WycheproofCase) -> None:
    case = wycheproof_case
    key, msg, tag = case.hex("key"), case.hex("msg"), case.hex("tag")
    if "InvalidKeySize" in case.test["flags"]:
        with pytest.raises(ValueError):
            algorithms.AES(key)
        return
    full = _mac(algorithms.AES(key), msg)
    size = case.group["tagSize"] // 8
    assert (full[:size] == tag) is case.valid, case
    ctx = CMAC(algorithms.AES(key))
    ctx.update(msg)
    if case.valid and size == 16:
        ctx.verify(tag)
    else:
        with pytest.raises(InvalidSignature):
            ctx.verify(tag)


def test_context_rules() -> None:
    ctx = CMAC(algorithms.AES(bytes(16)))
    ctx.update(b"abc")
    copy = ctx.copy()
    tag = ctx.finalize()
    assert copy.finalize() == tag
    for call in (ctx.finalize, lambda: ctx.update(b""), ctx.copy, lambda: ctx.verify(tag)):
        with pytest.raises(AlreadyFinalized, match="Context was already finalized"):
            call()
    failed = CMAC(algorithms.AES(bytes(16)))
    with pytest.raises(InvalidSignature, match="Signature did not match digest"):
        failed.verify(bytes(16))
    with pytest.raises(AlreadyFinalized):
        failed.update(b"")


def test_argument_types() -> None:
    for bad in ("AES", algorithms.AES, algorithms.ChaCha20(bytes(32), bytes(16))):
        with pytest.raises(TypeError, match="Expected instance of BlockCipherAlgorithm"):
            CMAC(bad)
    ctx = CMAC(algorithms.AES(bytes(16)))
    with pytest.raises(TypeError):
        ctx.update("text")  # type: ignore[arg-type]
    ctx.update(bytearray(b"a"))
    ctx.update(memoryview(b"b"))
    with pytest.raises(TypeError):
        ctx.verify(bytearray(16))  # type: ignore[arg-type]


def test_unsupported_algorithm() -> None:
    class Renamed(algorithms.AES):  # type: ignore[misc, name-defined]
        name = "not-a-cipher"

    with pytest.raises(UnsupportedAlgorithm) as info:
        CMAC(Renamed(bytes(16)))
    assert info.value._reason is _Reasons.UNSUPPORTED_CIPHER


@given(key=st.binary(min_size=16, max_size=16), data=st.binary(max_size=200))
def test_matches_the_reference(
    key: bytes, data: bytes, reference: Callable[[str], ModuleType]
) -> None:
    ref_cmac = reference("hazmat.primitives.cmac")
    ref_algorithms = reference("hazmat.primitives.ciphers.algorithms")
    ctx = ref_cmac.CMAC(ref_algorithms.AES(key))
    ctx.update(data)
    assert _mac(algorithms.AES(key), data) == ctx.finalize()


@pytest.mark.parametrize("size", [8, 16, 24])
def test_triple_des_key_sizes_match_the_reference(
    size: int, reference: Callable[[str], ModuleType]
) -> None:
    ref_cmac = reference("hazmat.primitives.cmac")
    ref_algorithms = reference("hazmat.decrepit.ciphers.algorithms")
    key = bytes(range(1, size + 1))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ctx = ref_cmac.CMAC(ref_algorithms.TripleDES(key))
        ctx.update(b"data")
        assert _mac(decrepit.TripleDES(key), b"data") == ctx.finalize()


# Blowfish takes 4-56 byte keys, CAST5 5-16, IDEA and SEED 16 (OpenSSL's legacy provider).
_LEGACY_KEY_SIZES = {"Blowfish": (4, 56), "CAST5": (5, 16), "IDEA": (16, 16), "SEED": (16, 16)}


@pytest.mark.parametrize("name", sorted(_LEGACY_KEY_SIZES))
@given(data=st.data(), message=st.binary(max_size=100))
def test_legacy_provider_ciphers_match_the_reference(
    name: str, data: st.DataObject, message: bytes, reference: Callable[[str], ModuleType]
) -> None:
    low, high = _LEGACY_KEY_SIZES[name]
    key = data.draw(st.binary(min_size=low, max_size=high))
    ref_cmac = reference("hazmat.primitives.cmac")
    ref_algorithms = reference("hazmat.decrepit.ciphers.algorithms")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ctx = ref_cmac.CMAC(getattr(ref_algorithms, name)(key))
        ctx.update(message)
        expected = ctx.finalize()
        ours = CMAC(getattr(decrepit, name)(key))
    ours.update(message[:3])
    copy = ours.copy()
    ours.update(message[3:])
    assert ours.finalize() == expected
    copy.update(message[3:])
    copy.verify(expected)


def test_legacy_provider_ciphers_known_answers() -> None:
    # Zero key, message "abc": BF, CAST5, SEED from `openssl mac -cipher NAME-CBC
    # -provider legacy CMAC` (OpenSSL 3.0), IDEA from the reference.
    expected = {
        "Blowfish": "4c8c4f0550e644ec",
        "CAST5": "6af4c101f85d7808",
        "IDEA": "1f73ad910d0242ee",
        "SEED": "ddf19b9eed4016f479cd0e57021ad22a",
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, tag in expected.items():
            assert _mac(getattr(decrepit, name)(bytes(16)), b"abc").hex() == tag, name
