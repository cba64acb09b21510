"""Reading the symmetric-cipher vector files of ``cryptography_vectors`` (``ciphers/``).

They come in several dialects of ``name = value`` text: NIST CAVP ``.rsp`` files, where
values set before a ``Count`` line (a CCM key, a section's lengths) carry over to the
records after it; files without blank lines between records; ``FAIL`` lines; and
BoringSSL's ``NAME= "quoted text"``. :func:`load` reads them all into dicts with
lower-case names. Camellia's ECB files have their own layout (:func:`load_camellia_ecb`).
"""

from __future__ import annotations

import re

from tests.vectors import vector_path

CipherRecord = dict[str, str]


def _set(target: dict[str, str], name: str, value: str) -> None:
    target[name.strip().lower()] = value.strip()


def load(*parts: str) -> list[CipherRecord]:
    """The records of ``ciphers/<parts>``: each record's own fields plus those set before
    it (section headers, and fields given outside any ``count``ed record). A record
    starts at a ``COUNT`` line; a bare ``FAIL`` line sets ``fail``; ``[ENCRYPT]`` and
    ``[DECRYPT]`` set ``op``."""
    path = vector_path("ciphers", *parts)
    records: list[CipherRecord] = []
    carried: dict[str, str] = {}
    current: dict[str, str] | None = None

    def flush() -> None:
        nonlocal current
        if current is not None:
            records.append(current)
        current = None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            # A blank line ends a record; fields outside records stay carried.
            flush()
            continue
        if line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            flush()
            for part in line[1:-1].split(","):
                name, sep, value = part.partition("=")
                if sep:
                    _set(carried, name, value)
                else:
                    carried["op"] = name.strip().upper()
            continue
        if line.upper() == "FAIL":
            if current is not None:
                current["fail"] = "true"
            continue
        name, sep, value = line.partition("=")
        if not sep:
            raise ValueError(f"{path}: cannot parse {raw!r}")
        name = name.strip().lower()
        value = value.strip()
        if value.startswith('"') and value.endswith('"'):
            value = value[1:-1].encode("ascii").hex()
        if name == "count":
            flush()
            current = dict(carried)
        if current is None:
            carried[name] = value
        else:
            current[name] = value
    flush()
    return records


def hexbytes(record: CipherRecord, *names: str) -> bytes:
    """The bytes of the first of ``names`` present in ``record`` (hex, case-insensitive,
    possibly empty)."""
    for name in names:
        if name in record:
            return bytes.fromhex(record[name])
    raise KeyError(f"none of {names} in {record}")


_CAMELLIA = re.compile(r"^([KPC]) No\.(\d+) : ([0-9A-Fa-f ]+)$")


def load_camellia_ecb(*parts: str) -> list[tuple[bytes, bytes, bytes]]:
    """(key, plaintext, ciphertext) triples of the NTT Camellia ECB files, where a ``K``
    line sets the key for the ``P``/``C`` pairs that follow."""
    key = b""
    plaintext = b""
    out: list[tuple[bytes, bytes, bytes]] = []
    for raw in vector_path("ciphers", *parts).read_text(encoding="ascii").splitlines():
        match = _CAMELLIA.match(raw.strip())
        if not match:
            continue
        kind, _, value = match.groups()
        data = bytes.fromhex(value.replace(" ", ""))
        if kind == "K":
            key = data
        elif kind == "P":
            plaintext = data
        else:
            out.append((key, plaintext, data))
    return out
