"""KBKDFHMAC and KBKDFCMAC: the NIST SP 800-108 counter-mode vectors and parameter rules."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.exceptions import UnsupportedAlgorithm
from oxicrypt.hazmat.primitives import hashes
from oxicrypt.hazmat.primitives.kdf.kbkdf import (
    KBKDFCMAC,
    KBKDFHMAC,
    CounterLocation,
    Mode,
)
from tests.hazmat.primitives.kdf_helpers import load_untabbed
from tests.vectors import Record

_HMAC = {
    "HMAC_SHA1": hashes.SHA1,
    "HMAC_SHA224": hashes.SHA224,
    "HMAC_SHA256": hashes.SHA256,
    "HMAC_SHA384": hashes.SHA384,
    "HMAC_SHA512": hashes.SHA512,
}
_LOCATIONS = {
    "BEFORE_FIXED": CounterLocation.BeforeFixed,
    "AFTER_FIXED": CounterLocation.AfterFixed,
    "MIDDLE_FIXED": CounterLocation.MiddleFixed,
}


def _records() -> list[Record]:
    return load_untabbed("KDF", "nist-800-108-KBKDF-CTR.txt")


def _arguments(r: Record) -> dict[str, Any]:
    location = _LOCATIONS[r.section["CTRLOCATION"]]
    if location is CounterLocation.MiddleFixed:
        before = bytes.fromhex(r["DataBeforeCtrData"])
        fixed = before + bytes.fromhex(r["DataAfterCtrData"])
        break_location: int | None = len(before)
    else:
        fixed = r.hex("FixedInputData")
        break_location = None
    return {
        "mode": Mode.CounterMode,
        "length": int(r["L"]) // 8,
        "rlen": int(r.section["RLEN"].split("_")[0]) // 8,
        "llen": None,
        "location": location,
        "label": None,
        "context": None,
        "fixed": fixed,
        "break_location": break_location,
    }


def test_nist_hmac_vectors() -> None:
    count = 0
    for r in _records():
        prf = r.section["PRF"]
        if prf not in _HMAC:
            continue
        kdf = KBKDFHMAC(_HMAC[prf](), **_arguments(r))
        assert kdf.derive(r.hex("KI")) == r.hex("KO"), r.line
        count += 1
    assert count == 5 * 3 * 4 * 40


def test_nist_cmac_vectors() -> None:
    algorithms = pytest.importorskip("oxicrypt.hazmat.primitives.ciphers.algorithms")
    decrepit = pytest.importorskip("oxicrypt.hazmat.decrepit.ciphers.algorithms")
    ciphers = {
        "CMAC_AES128": algorithms.AES,
        "CMAC_AES192": algorithms.AES,
        "CMAC_AES256": algorithms.AES,
        "CMAC_TDES2": decrepit.TripleDES,
        "CMAC_TDES3": decrepit.TripleDES,
    }
    count = 0
    for r in _records():
        prf = r.section["PRF"]
        if prf not in ciphers:
            continue
        kdf = KBKDFCMAC(ciphers[prf], **_arguments(r))
        assert kdf.derive(r.hex("KI")) == r.hex("KO"), r.line
        count += 1
    assert count == 5 * 3 * 4 * 40


def _hmac_kbkdf(**overrides: Any) -> KBKDFHMAC:
    arguments: dict[str, Any] = {
        "algorithm": hashes.SHA256(),
        "mode": Mode.CounterMode,
        "length": 32,
        "rlen": 4,
        "llen": 4,
        "location": CounterLocation.BeforeFixed,
        "label": b"label",
        "context": b"context",
        "fixed": None,
    }
    arguments.update(overrides)
    return KBKDFHMAC(**arguments)


@given(
    key=st.binary(max_size=40),
    label=st.binary(max_size=20),
    context=st.binary(max_size=20),
    length=st.integers(1, 100),
    rlen=st.integers(1, 4),
    llen=st.integers(2, 4),
)
def test_label_and_context_definition(
    key: bytes, label: bytes, context: bytes, length: int, rlen: int, llen: int
) -> None:
    fixed = label + b"\x00" + context + (8 * length).to_bytes(llen, "big")
    blocks = b"".join(
        hmac.new(key, i.to_bytes(rlen, "big") + fixed, hashlib.sha256).digest()
        for i in range(1, 5)
    )
    kdf = _hmac_kbkdf(label=label, context=context, length=length, rlen=rlen, llen=llen)
    assert kdf.derive(key) == blocks[:length]


def test_middle_fixed_splits_the_fixed_data() -> None:
    fixed = b"label\x00context" + (256).to_bytes(4, "big")
    for at in (0, 3, len(fixed)):
        expected = hmac.new(
            b"k", fixed[:at] + (1).to_bytes(4, "big") + fixed[at:], hashlib.sha256
        ).digest()
        kdf = _hmac_kbkdf(location=CounterLocation.MiddleFixed, break_location=at)
        assert kdf.derive(b"k") == expected
    kdf = _hmac_kbkdf(location=CounterLocation.MiddleFixed, break_location=len(fixed) + 1)
    with pytest.raises(ValueError, match="break_location offset > len"):
        kdf.derive(b"k")


@pytest.mark.parametrize(
    ("overrides", "error", "message"),
    [
        ({"rlen": 0}, ValueError, "rlen must be between 1 and 4"),
        ({"rlen": 5}, ValueError, "rlen must be between 1 and 4"),
        ({"llen": 0}, ValueError, "llen must be non-zero"),
        ({"llen": None}, ValueError, "Please specify an llen"),
        ({"mode": "counter"}, TypeError, "mode must be of type Mode"),
        ({"location": "before"}, TypeError, "location must be of type CounterLocation"),
        ({"location": CounterLocation.MiddleFixed}, ValueError, "Please specify a break_location"),
        ({"break_location": 2}, ValueError, "break_location is ignored"),
        ({"fixed": b"f"}, ValueError, "When supplying fixed data, label and context are ignored"),
        ({"rlen": 1, "length": 32 * 256}, ValueError, "There are too many iterations"),
        ({"algorithm": "sha256"}, TypeError, "Expected instance of hashes.HashAlgorithm"),
        ({"label": "label"}, TypeError, "is not an instance of 'bytes'"),
    ],
)
def test_parameter_checks(overrides: dict[str, Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        _hmac_kbkdf(**overrides)


def test_limits_that_apply_when_deriving() -> None:
    assert len(_hmac_kbkdf(rlen=1, length=32 * 255).derive(b"k")) == 32 * 255
    with pytest.raises(OverflowError):
        _hmac_kbkdf(llen=1, length=32).derive(b"k")
    fixed_only = _hmac_kbkdf(label=None, context=None, fixed=b"f", llen=None)
    assert fixed_only.derive(b"k") == hmac.new(b"k", b"\x00\x00\x00\x01f", hashlib.sha256).digest()


def test_cmac_takes_a_cipher_class() -> None:
    algorithms = pytest.importorskip("oxicrypt.hazmat.primitives.ciphers.algorithms")
    arguments: dict[str, Any] = {
        "mode": Mode.CounterMode,
        "length": 32,
        "rlen": 4,
        "llen": 4,
        "location": CounterLocation.BeforeFixed,
        "label": b"l",
        "context": b"c",
        "fixed": None,
    }
    with pytest.raises(TypeError, match="is not an instance of 'type'"):
        KBKDFCMAC(algorithms.AES(b"k" * 16), **arguments)
    with pytest.raises(ValueError, match="Invalid key size"):
        KBKDFCMAC(algorithms.AES, **arguments).derive(b"k" * 15)
    with pytest.raises(UnsupportedAlgorithm, match="Algorithm must be a block cipher"):
        KBKDFCMAC(algorithms.ChaCha20, **arguments)
