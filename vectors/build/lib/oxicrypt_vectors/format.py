"""The vector file format: ``NAME = VALUE`` blocks separated by blank lines.

Lines starting with ``#`` are comments.  A block is one vector; each of its lines is
``NAME = VALUE`` where ``NAME`` is upper case and ``VALUE`` runs to the end of the line
(it may be empty, written ``NAME =``).  Byte strings are lower-case hex.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Vector", "VectorFormatError", "format_vectors", "parse_vectors"]

_LINE = re.compile(r"^([A-Z][A-Z0-9_]*) =(?: (.*))?$")


class VectorFormatError(ValueError):
    """A vector file does not follow the format."""


@dataclass(frozen=True)
class Vector:
    """One block of a vector file: its fields, and where it was read from."""

    fields: dict[str, str]
    source: str = "<string>"
    line: int = 0

    def __getitem__(self, name: str) -> str:
        return self.fields[name]

    def __contains__(self, name: object) -> bool:
        return name in self.fields

    def get_bytes(self, name: str) -> bytes:
        """The field ``name`` decoded from hex."""
        return bytes.fromhex(self.fields[name])

    def get_int(self, name: str) -> int:
        """The field ``name`` as a decimal integer."""
        return int(self.fields[name], 10)

    @property
    def location(self) -> str:
        """``file:line`` of the block's first line."""
        return f"{self.source}:{self.line}"


def parse_vectors(text: str, source: str = "<string>") -> list[Vector]:
    """Parses the blocks of ``text``; raises :class:`VectorFormatError` on malformed input."""
    vectors: list[Vector] = []
    fields: dict[str, str] = {}
    start = 0
    for number, raw in enumerate([*text.split("\n"), ""], start=1):
        line = raw.rstrip("\r")
        if line.startswith("#"):
            continue
        if not line.strip():
            if fields:
                vectors.append(Vector(fields, source, start))
                fields = {}
            continue
        match = _LINE.match(line)
        if match is None:
            raise VectorFormatError(f"{source}:{number}: not a 'NAME = VALUE' line: {line!r}")
        name, value = match.group(1), match.group(2) or ""
        if name in fields:
            raise VectorFormatError(f"{source}:{number}: {name} given twice in one block")
        if not fields:
            start = number
        fields[name] = value
    return vectors


def format_vectors(header: list[str], blocks: list[dict[str, str]]) -> str:
    """Renders comment lines ``header`` and then ``blocks`` (fields in insertion order)."""
    out = [f"# {line}".rstrip() for line in header]
    for block in blocks:
        out.append("")
        for name, value in block.items():
            if not _LINE.match(f"{name} = x") or "\n" in value:
                raise VectorFormatError(f"cannot write field {name!r} = {value!r}")
            out.append(f"{name} = {value}" if value else f"{name} =")
    return "\n".join(out) + "\n"
