"""Shared helpers of the KDF tests."""

from __future__ import annotations

from tests.vectors import Record, parse_records, vector_path


def load_untabbed(*parts: str) -> list[Record]:
    """Records of a CAVP file whose indented lines (intermediate values, which repeat
    within a record) are left out."""
    text = vector_path(*parts).read_text(encoding="ascii")
    kept = [line for line in text.splitlines() if not line.startswith(("\t", " "))]
    return parse_records("\n".join(kept))


def text_or_empty(record: Record, name: str) -> bytes:
    """A field given as plain text, empty when absent or blank."""
    return record.fields.get(name, "").encode("ascii")


def hex_or_empty(record: Record, name: str) -> bytes:
    return bytes.fromhex(record.fields.get(name, ""))


def load_by_count(*parts: str) -> list[Record]:
    """Records of a file that puts blank lines inside records: each ``COUNT`` line
    starts a record."""
    text = vector_path(*parts).read_text(encoding="ascii")
    lines: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith("COUNT"):
            lines.append("")
        lines.append(line)
    return parse_records("\n".join(lines))
