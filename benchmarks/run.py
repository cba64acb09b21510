"""Side-by-side benchmarks: oxicrypt against the reference (pyca/cryptography) in one run.

    python benchmarks/run.py [--quick] [--markdown]

Both libraries must be importable (``pip install cryptography==50.0.2`` next to oxicrypt).
Each figure is the best of several repeats; ``speedup`` is reference time / oxicrypt time,
so above 1.0 means oxicrypt is faster. Throughput rows compare with ``openssl speed``
(the system's OpenSSL CLI) and thread rows with one thread of the same library.
"""

from __future__ import annotations

import argparse
import pathlib
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
import timeit
from collections.abc import Callable
from types import ModuleType

import cryptography
from cryptography.hazmat.primitives import hashes as ref_hashes
from cryptography.hazmat.primitives import hmac as ref_hmac

import oxicrypt
from oxicrypt.hazmat.backends import default_backend
from oxicrypt.hazmat.primitives import hashes as oxi_hashes
from oxicrypt.hazmat.primitives import hmac as oxi_hmac

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from ciphers import cipher_rows
from fernet_kdf import fernet_kdf_rows
from keys import key_cases, key_material
from x509 import certifi_bundle, peak_memory_kib, sample_certificate, x509_cases

MiB = 1 << 20


def best_seconds_per_call(fn: Callable[[], object], number: int, repeat: int) -> float:
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def small_message_cases(hashes: ModuleType, hmac: ModuleType) -> dict[str, Callable[[], object]]:
    data = b"\x5a" * 64
    key = b"\x0b" * 32
    sha256 = hashes.SHA256()

    def hash_context() -> bytes:
        h = hashes.Hash(sha256)
        h.update(data)
        return h.finalize()

    def hash_one_shot() -> bytes:
        return hashes.Hash.hash(sha256, data)

    def hmac_context() -> bytes:
        h = hmac.HMAC(key, sha256)
        h.update(data)
        return h.finalize()

    return {
        "SHA-256, 64 B (Hash/update/finalize)": hash_context,
        "SHA-256, 64 B (Hash.hash)": hash_one_shot,
        "HMAC-SHA256, 64 B": hmac_context,
    }


def sha256_bytes_per_second(hashes: ModuleType, size: int, repeat: int) -> float:
    data = b"\xa5" * size
    sha256 = hashes.SHA256()
    seconds = best_seconds_per_call(lambda: hashes.Hash.hash(sha256, data), 20, repeat)
    return size / seconds


def openssl_speed_sha256(size: int) -> float | None:
    """Bytes per second of `openssl speed -evp sha256` for `size`-byte blocks."""
    exe = shutil.which("openssl")
    if exe is None:
        return None
    out = subprocess.run(
        [exe, "speed", "-evp", "sha256", "-bytes", str(size), "-seconds", "2"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    # Last line: "sha256   2043495.77k" (thousands of bytes per second).
    match = re.search(r"^sha256\s+([\d.]+)k\s*$", out, re.MULTILINE)
    return float(match.group(1)) * 1000 if match else None


def thread_scaling(hashes: ModuleType, threads: int, rounds: int) -> float:
    """Throughput of `threads` threads hashing 4 MiB buffers, over that of one thread."""
    data = b"\x3c" * (4 * MiB)
    sha256 = hashes.SHA256()

    def work() -> None:
        for _ in range(rounds):
            hashes.Hash.hash(sha256, data)

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (noisier)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()
    number, repeat = (20_000, 3) if args.quick else (200_000, 5)

    rows: list[tuple[str, str, str, str]] = []
    ref_cases = small_message_cases(ref_hashes, ref_hmac)
    oxi_cases = small_message_cases(oxi_hashes, oxi_hmac)
    for name, oxi_fn in oxi_cases.items():
        oxi = best_seconds_per_call(oxi_fn, number, repeat)
        ref = best_seconds_per_call(ref_cases[name], number, repeat)
        rows.append((name, f"{oxi * 1e9:.0f} ns", f"{ref * 1e9:.0f} ns", f"{ref / oxi:.2f}x"))

    material = key_material()
    ref_keys = key_cases("cryptography", material)
    key_number = max(number // 100, 200)
    for name, oxi_fn in key_cases("oxicrypt", material).items():
        oxi = best_seconds_per_call(oxi_fn, key_number, repeat)
        ref = best_seconds_per_call(ref_keys[name], key_number, repeat)
        rows.append((name, f"{oxi * 1e6:.1f} us", f"{ref * 1e6:.1f} us", f"{ref / oxi:.2f}x"))

    certificate, bundle = sample_certificate(), certifi_bundle()
    ref_x509 = x509_cases("cryptography", certificate, bundle)
    x509_number = max(number // 50, 200)
    for name, oxi_fn in x509_cases("oxicrypt", certificate, bundle).items():
        n = x509_number if "bundle" not in name else max(x509_number // 100, 10)
        oxi = best_seconds_per_call(oxi_fn, n, repeat)
        ref = best_seconds_per_call(ref_x509[name], n, repeat)
        rows.append((name, f"{oxi * 1e6:.1f} us", f"{ref * 1e6:.1f} us", f"{ref / oxi:.2f}x"))
    if bundle is not None:
        import certifi

        oxi_kib = peak_memory_kib("oxicrypt", certifi.where(), 10_000)
        ref_kib = peak_memory_kib("cryptography", certifi.where(), 10_000)
        rows.append(
            (
                "peak memory holding 10,000 certificates (subjects read)",
                f"{oxi_kib / 1024:.1f} MiB",
                f"{ref_kib / 1024:.1f} MiB",
                f"{ref_kib / oxi_kib:.2f}x less",
            )
        )
    rows += fernet_kdf_rows(number, repeat)

    oxi_bps = sha256_bytes_per_second(oxi_hashes, MiB, repeat)
    ref_bps = sha256_bytes_per_second(ref_hashes, MiB, repeat)
    rows.append(
        (
            "SHA-256, 1 MiB",
            f"{oxi_bps / 1e6:.0f} MB/s",
            f"{ref_bps / 1e6:.0f} MB/s",
            f"{oxi_bps / ref_bps:.2f}x",
        )
    )
    speed = openssl_speed_sha256(MiB)
    if speed is not None:
        rows.append(
            (
                "SHA-256, 1 MiB vs `openssl speed -evp sha256`",
                f"{oxi_bps / 1e6:.0f} MB/s",
                f"{speed / 1e6:.0f} MB/s (openssl CLI)",
                f"{oxi_bps / speed:.2f}x",
            )
        )
    rounds = 10 if args.quick else 40
    oxi_scale = thread_scaling(oxi_hashes, 2, rounds)
    ref_scale = thread_scaling(ref_hashes, 2, rounds)
    rows.append(
        (
            "2 threads x SHA-256 of 4 MiB, throughput vs 1 thread",
            f"{oxi_scale:.2f}x",
            f"{ref_scale:.2f}x",
            "",
        )
    )

    rows += cipher_rows(number, repeat, args.quick)

    header = (
        "benchmark",
        f"oxicrypt {oxicrypt.__version__}",
        f"reference {cryptography.__version__}",
        "speedup",
    )
    print(
        f"# {platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, oxicrypt links {default_backend().openssl_version_text()}"
    )
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(row) + " |")
    else:
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)))


if __name__ == "__main__":
    main()
