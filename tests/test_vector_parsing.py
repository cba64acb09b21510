"""The test suite's own vector-file reader (tests/vectors.py)."""

from __future__ import annotations

import pytest

from tests.vectors import VECTORS_ROOT, load_records, message, parse_records, vector_path

_SAMPLE = """\
#  CAVS 11.0
#  a header comment

[L = 20]

Len = 0
Msg = 00
MD = aa

Len = 16
# a comment inside a record
Msg = 0102
MD = bb
[Tested for Output of byte-oriented messages]
[Outputlen = 128]
COUNT = 0
Msg = ff
COUNT = 1
Msg = ee
"""


def test_parse_records() -> None:
    records = parse_records(_SAMPLE)
    assert [r.fields for r in records] == [
        {"Len": "0", "Msg": "00", "MD": "aa"},
        {"Len": "16", "Msg": "0102", "MD": "bb"},
        {"COUNT": "0", "Msg": "ff"},
        {"COUNT": "1", "Msg": "ee"},
    ]
    assert records[0].section == {"L": "20"}
    assert records[2].section == {
        "L": "20",
        "Tested for Output of byte-oriented messages": "",
        "Outputlen": "128",
    }
    assert records[1].line == 10
    assert records[1].hex("Msg") == b"\x01\x02"
    assert "MD" in records[1]
    assert "Output" not in records[1]


def test_message_uses_len_in_bits() -> None:
    empty, two = parse_records(_SAMPLE)[:2]
    assert message(empty) == b""
    assert message(two) == b"\x01\x02"


@pytest.mark.parametrize("text", ["Len = 4\nMsg = 0f\n", "Len = 24\nMsg = 0102\n"])
def test_message_refuses_inconsistent_lengths(text: str) -> None:
    with pytest.raises(ValueError):
        message(parse_records(text)[0])


def test_unparseable_line() -> None:
    with pytest.raises(ValueError):
        parse_records("Len = 0\nthis is not a field\n")


def test_vector_package_files() -> None:
    assert (VECTORS_ROOT / "hashes").is_dir()
    assert vector_path("HMAC", "rfc-4231-sha256.txt").is_file()
    with pytest.raises(FileNotFoundError):
        vector_path("hashes", "no-such-file.rsp")
    first = load_records("hashes", "SHA1", "SHA1ShortMsg.rsp")[0]
    assert first.fields == {
        "Len": "0",
        "Msg": "00",
        "MD": "da39a3ee5e6b4b0d3255bfef95601890afd80709",
    }
