"""SHAKE128/SHAKE256 known answers from the NIST CAVP files, through both
``Hash(SHAKEnnn(length))`` and ``XOFHash``."""

from __future__ import annotations

import pytest

from oxicrypt.hazmat.primitives import hashes
from tests.vectors import Record, load_records, message

_NAMES = ("SHAKE128", "SHAKE256")


def _check(cls: type, data: bytes, expected: bytes) -> list[str]:
    """Computes SHAKE of ``data`` to ``len(expected)`` bytes in several ways; returns the
    names of the ways that disagree with ``expected``."""
    n = len(expected)
    ctx = hashes.Hash(cls(n))
    ctx.update(data)
    results = {
        "Hash": ctx.finalize(),
        "Hash.hash": hashes.Hash.hash(cls(n), data),
    }
    xof = hashes.XOFHash(cls(n))
    xof.update(data)
    results["XOFHash(n)"] = xof.squeeze(n)
    xof = hashes.XOFHash(cls.xof())
    xof.update(data)
    results["XOFHash(xof) in two squeezes"] = xof.squeeze(n // 2) + xof.squeeze(n - n // 2)
    return [way for way, got in results.items() if got != expected]


def _mismatches(records: list[Record], cls: type, *, variable: bool) -> list[object]:
    out = []
    for record in records:
        if variable:
            bits = int(record["Outputlen"])
            assert bits % 8 == 0
            data = record.hex("Msg")
        else:
            bits = int(record.section["Outputlen"])
            data = message(record)
        expected = record.hex("Output")
        assert len(expected) * 8 == bits
        bad = _check(cls, data, expected)
        if bad:
            out.append((record.line, bad))
    return out


@pytest.mark.parametrize("kind", ["ShortMsg", "LongMsg"])
@pytest.mark.parametrize("name", _NAMES)
def test_fixed_output_length(name: str, kind: str) -> None:
    records = [r for r in load_records("hashes", "SHAKE", f"{name}{kind}.rsp") if "Output" in r]
    assert len(records) > 50
    assert _mismatches(records, getattr(hashes, name), variable=False) == []


@pytest.mark.parametrize("name", _NAMES)
def test_variable_output_length(name: str) -> None:
    records = [
        r for r in load_records("hashes", "SHAKE", f"{name}VariableOut.rsp") if "Output" in r
    ]
    assert len(records) > 1000
    assert len({r["Outputlen"] for r in records}) > 100, "expected many output lengths"
    assert _mismatches(records, getattr(hashes, name), variable=True) == []
