"""Finding and reading the NIST CAVP style vector files shipped in ``cryptography_vectors``.

The files are plain text: ``Name = value`` lines grouped into records by blank lines,
``[Name = value]`` section headers that apply to every record after them, and ``#``
comments (which may sit inside a record). Values are kept as strings; callers decode them.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import cryptography_vectors

VECTORS_ROOT = Path(cryptography_vectors.__file__).resolve().parent


@dataclasses.dataclass(frozen=True)
class Record:
    """One record of a vector file: its own fields and the section headers above it."""

    fields: dict[str, str]
    section: dict[str, str]
    line: int  # where the record starts, for failure messages

    def __getitem__(self, name: str) -> str:
        return self.fields[name]

    def __contains__(self, name: object) -> bool:
        return name in self.fields

    def hex(self, name: str) -> bytes:
        return bytes.fromhex(self.fields[name])


def vector_path(*parts: str) -> Path:
    """The path of a file inside the vectors package; fails if it does not exist."""
    path = VECTORS_ROOT.joinpath(*parts)
    if not path.is_file():
        raise FileNotFoundError(f"no vector file {path}")
    return path


def parse_records(text: str) -> list[Record]:
    """Splits the text of a vector file into records."""
    records: list[Record] = []
    section: dict[str, str] = {}
    fields: dict[str, str] = {}
    start = 0

    def flush() -> None:
        nonlocal fields
        if fields:
            records.append(Record(fields, dict(section), start))
        fields = {}

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#"):
            continue
        if not line:
            flush()
            continue
        if line.startswith("[") and line.endswith("]"):
            flush()
            name, sep, value = line[1:-1].partition("=")
            section[name.strip()] = value.strip() if sep else ""
            continue
        name, sep, value = line.partition("=")
        if not sep:
            raise ValueError(f"line {number}: cannot parse {raw!r}")
        name = name.strip()
        if name in fields:  # a repeated name starts a new record even without a blank line
            flush()
        if not fields:
            start = number
        fields[name] = value.strip()
    flush()
    return records


def load_records(*parts: str) -> list[Record]:
    """Parses the vector file at ``parts`` (relative to the vectors package)."""
    return parse_records(vector_path(*parts).read_text(encoding="ascii"))


def message(record: Record) -> bytes:
    """The message of a ``Len``/``Msg`` record. ``Len`` is in bits, and a zero-length
    message is written as ``Msg = 00``, so the hex is cut to ``Len``."""
    bits = int(record["Len"])
    if bits % 8:
        raise ValueError(f"line {record.line}: bit-oriented message (Len = {bits})")
    data = record.hex("Msg")[: bits // 8]
    if len(data) != bits // 8:
        raise ValueError(f"line {record.line}: Msg shorter than Len = {bits}")
    return data
