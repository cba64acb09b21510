"""Fernet and KDF benchmark cases, run by run.py against the reference."""

from __future__ import annotations

import importlib
import timeit
from collections.abc import Callable

Case = Callable[[], object]


def _cases(top: str) -> dict[str, Case]:
    fernet = importlib.import_module(f"{top}.fernet")
    hashes = importlib.import_module(f"{top}.hazmat.primitives.hashes")
    hkdf = importlib.import_module(f"{top}.hazmat.primitives.kdf.hkdf")
    pbkdf2 = importlib.import_module(f"{top}.hazmat.primitives.kdf.pbkdf2")
    f = fernet.Fernet(b"cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=")
    kib = b"\x42" * 1024
    sha256 = hashes.SHA256()

    def fernet_round_trip() -> bytes:
        return f.decrypt(f.encrypt(kib))  # type: ignore[no-any-return]

    def hkdf_32() -> bytes:
        return hkdf.HKDF(sha256, 32, b"salt", b"info").derive(b"\x0b" * 32)  # type: ignore[no-any-return]

    def pbkdf2_1000() -> bytes:
        return pbkdf2.PBKDF2HMAC(sha256, 32, b"salt", 1000).derive(b"password")  # type: ignore[no-any-return]

    return {
        "Fernet encrypt+decrypt, 1 KiB": fernet_round_trip,
        "HKDF-SHA256, 32 B": hkdf_32,
        "PBKDF2-HMAC-SHA256, 1000 iterations": pbkdf2_1000,
    }


def fernet_kdf_rows(number: int, repeat: int) -> list[tuple[str, str, str, str]]:
    """One row per case: oxicrypt time, reference time, speedup."""
    ours, theirs = _cases("oxicrypt"), _cases("cryptography")
    rows = []
    for name, fn in ours.items():
        n = max(number // 20, 100) if "PBKDF2" not in name else max(number // 2000, 20)
        oxi = min(timeit.repeat(fn, number=n, repeat=repeat)) / n
        ref = min(timeit.repeat(theirs[name], number=n, repeat=repeat)) / n
        rows.append((name, f"{oxi * 1e6:.1f} us", f"{ref * 1e6:.1f} us", f"{ref / oxi:.2f}x"))
    return rows
