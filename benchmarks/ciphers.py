"""Symmetric-cipher benchmark rows for run.py: short messages through the AEAD classes
and ``Cipher`` contexts, 1 MiB throughput (also against ``openssl speed``), and two
threads against one.

    python benchmarks/ciphers.py [--quick]   # these rows alone
"""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
import threading
import time
import timeit
from collections.abc import Callable
from typing import Any

MiB = 1 << 20
Row = tuple[str, str, str, str]

_KEY = bytes(range(32))
_NONCE = bytes(range(12))
_IV = bytes(range(16))


def _mod(lib: str, name: str) -> Any:
    return importlib.import_module(f"{lib}.hazmat.primitives.{name}")


def _best(fn: Callable[[], object], number: int, repeat: int) -> float:
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def small_cases(lib: str) -> dict[str, Callable[[], object]]:
    """64-byte messages: per-call overhead dominates."""
    aead = _mod(lib, "ciphers.aead")
    ciphers = _mod(lib, "ciphers")
    algorithms, modes = _mod(lib, "ciphers.algorithms"), _mod(lib, "ciphers.modes")
    data = b"\x5a" * 64
    gcm, chacha = aead.AESGCM(_KEY), aead.ChaCha20Poly1305(_KEY)
    gcm_ct, chacha_ct = gcm.encrypt(_NONCE, data, None), chacha.encrypt(_NONCE, data, None)
    ccm, ocb = aead.AESCCM(_KEY), aead.AESOCB3(_KEY)
    siv, gcmsiv = aead.AESSIV(_KEY + _KEY), aead.AESGCMSIV(_KEY)
    cbc = ciphers.Cipher(algorithms.AES(_KEY), modes.CBC(_IV))

    def cbc_context() -> bytes:
        enc = cbc.encryptor()
        return enc.update(data) + enc.finalize()  # type: ignore[no-any-return]

    return {
        "AESGCM-256 encrypt, 64 B": lambda: gcm.encrypt(_NONCE, data, None),
        "AESGCM-256 decrypt, 64 B": lambda: gcm.decrypt(_NONCE, gcm_ct, None),
        "ChaCha20Poly1305 encrypt, 64 B": lambda: chacha.encrypt(_NONCE, data, None),
        "ChaCha20Poly1305 decrypt, 64 B": lambda: chacha.decrypt(_NONCE, chacha_ct, None),
        "AESCCM-256 encrypt, 64 B": lambda: ccm.encrypt(_NONCE, data, None),
        "AESOCB3-256 encrypt, 64 B": lambda: ocb.encrypt(_NONCE, data, None),
        "AESSIV-512 encrypt, 64 B": lambda: siv.encrypt(data, None),
        "AESGCMSIV-256 encrypt, 64 B": lambda: gcmsiv.encrypt(_NONCE, data, None),
        "AES-256-CBC, 64 B (Cipher.encryptor/update/finalize)": cbc_context,
    }


def bulk_cases(lib: str, size: int) -> dict[str, Callable[[], object]]:
    """``size``-byte messages: OpenSSL's speed dominates."""
    aead = _mod(lib, "ciphers.aead")
    ciphers = _mod(lib, "ciphers")
    algorithms, modes = _mod(lib, "ciphers.algorithms"), _mod(lib, "ciphers.modes")
    data = b"\xa5" * size
    gcm, chacha = aead.AESGCM(_KEY), aead.ChaCha20Poly1305(_KEY)
    ctr = ciphers.Cipher(algorithms.AES(_KEY), modes.CTR(_IV))
    return {
        "AESGCM-256": lambda: gcm.encrypt(_NONCE, data, None),
        "ChaCha20Poly1305": lambda: chacha.encrypt(_NONCE, data, None),
        "AES-256-CTR (Cipher context)": lambda: ctr.encryptor().update(data),
    }


# OpenSSL's name for each bulk case, for `openssl speed -evp`.
_OPENSSL_NAMES = {
    "AESGCM-256": "aes-256-gcm",
    "ChaCha20Poly1305": "chacha20-poly1305",
    "AES-256-CTR (Cipher context)": "aes-256-ctr",
}


def openssl_speed(evp: str, size: int) -> float | None:
    """Bytes per second of `openssl speed -evp <evp>` for `size`-byte blocks (the
    system's OpenSSL command-line tool), or None without one."""
    exe = shutil.which("openssl")
    if exe is None:
        return None
    out = subprocess.run(
        [exe, "speed", "-evp", evp, "-bytes", str(size), "-seconds", "2"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    match = re.search(r"^\S+\s+([\d.]+)k\s*$", out, re.MULTILINE)
    return float(match.group(1)) * 1000 if match else None


def thread_scaling(lib: str, threads: int, rounds: int) -> float:
    """Throughput of `threads` threads encrypting 4 MiB with one shared AESGCM object,
    over that of one thread."""
    aesgcm = _mod(lib, "ciphers.aead").AESGCM(_KEY)
    data = b"\x3c" * (4 * MiB)

    def work() -> None:
        for _ in range(rounds):
            aesgcm.encrypt(_NONCE, data, None)

    start = time.perf_counter()
    work()
    one = rounds / (time.perf_counter() - start)
    workers = [threading.Thread(target=work) for _ in range(threads)]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    many = threads * rounds / (time.perf_counter() - start)
    return many / one


def cipher_rows(number: int, repeat: int, quick: bool) -> list[Row]:
    rows: list[Row] = []
    ref_small = small_cases("cryptography")
    for name, fn in small_cases("oxicrypt").items():
        oxi, ref = _best(fn, number, repeat), _best(ref_small[name], number, repeat)
        rows.append((name, f"{oxi * 1e9:.0f} ns", f"{ref * 1e9:.0f} ns", f"{ref / oxi:.2f}x"))

    ref_bulk = bulk_cases("cryptography", MiB)
    calls = 20 if quick else 100
    for name, fn in bulk_cases("oxicrypt", MiB).items():
        oxi = MiB / _best(fn, calls, repeat)
        ref = MiB / _best(ref_bulk[name], calls, repeat)
        rows.append(
            (
                f"{name}, 1 MiB",
                f"{oxi / 1e6:.0f} MB/s",
                f"{ref / 1e6:.0f} MB/s",
                f"{oxi / ref:.2f}x",
            )
        )
        speed = openssl_speed(_OPENSSL_NAMES[name], MiB)
        if speed is not None:
            rows.append(
                (
                    f"{name}, 1 MiB vs `openssl speed -evp {_OPENSSL_NAMES[name]}`",
                    f"{oxi / 1e6:.0f} MB/s",
                    f"{speed / 1e6:.0f} MB/s (openssl CLI)",
                    f"{oxi / speed:.2f}x",
                )
            )

    rounds = 10 if quick else 40
    oxi_scale, ref_scale = (
        thread_scaling("oxicrypt", 2, rounds),
        thread_scaling("cryptography", 2, rounds),
    )
    rows.append(
        (
            "2 threads x AESGCM-256 of 4 MiB, throughput vs 1 thread",
            f"{oxi_scale:.2f}x",
            f"{ref_scale:.2f}x",
            "",
        )
    )
    return rows


if __name__ == "__main__":
    import sys

    quick = "--quick" in sys.argv
    for row in cipher_rows(20_000 if quick else 200_000, 3 if quick else 5, quick):
        print(" | ".join(row))
