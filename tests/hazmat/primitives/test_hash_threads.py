"""Hashing from several threads at once gives each thread its own correct digest."""

from __future__ import annotations

import hashlib
import hmac as std_hmac
import threading
from typing import Callable

from oxicrypt.hazmat.primitives import hashes, hmac

_SIZE = 8 * 1024 * 1024


def _run_in_threads(jobs: list[Callable[[], bytes]]) -> list[bytes]:
    barrier = threading.Barrier(len(jobs))
    results: list[bytes | BaseException | None] = [None] * len(jobs)

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = jobs[i]()
        except BaseException as exc:  # reported by the assertion below
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    assert all(isinstance(r, bytes) for r in results), results
    return results  # type: ignore[return-value]


def test_two_threads_hash_big_buffers() -> None:
    buffers = [bytes([i]) * _SIZE + b"end" for i in (0x5A, 0xA5)]

    def digest(data: bytes) -> bytes:
        ctx = hashes.Hash(hashes.SHA256())
        view = memoryview(data)
        for start in range(0, len(data), 1 << 20):
            ctx.update(view[start : start + (1 << 20)])
        return ctx.finalize()

    results = _run_in_threads([lambda b=b: digest(b) for b in buffers] * 2)
    expected = [hashlib.sha256(b).digest() for b in buffers] * 2
    assert results == expected


def test_threads_with_different_algorithms() -> None:
    data = bytes(range(256)) * (_SIZE // 256)
    jobs = [
        lambda: hashes.Hash.hash(hashes.SHA512(), data),
        lambda: hashes.Hash.hash(hashes.SHA3_256(), data),
        lambda: _hmac_digest(data),
    ]
    assert _run_in_threads(jobs) == [
        hashlib.sha512(data).digest(),
        hashlib.sha3_256(data).digest(),
        std_hmac.new(b"key", data, "sha256").digest(),
    ]


def _hmac_digest(data: bytes) -> bytes:
    mac = hmac.HMAC(b"key", hashes.SHA256())
    mac.update(data)
    return mac.finalize()
