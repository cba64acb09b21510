"""Loads vector files from ``oxicrypt_vectors`` as pytest parameters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oxicrypt_vectors import list_vector_files, load_vectors


def vector_params(directory: str) -> list:  # type: ignore[type-arg]
    """One ``pytest.param`` per vector in ``directory``, with ids like ``sha256-7``."""
    params = []
    for path in list_vector_files(directory):
        stem = path.rsplit("/", 1)[-1].removesuffix(".txt")
        params += [pytest.param(v, id=f"{stem}-{v['COUNT']}") for v in load_vectors(path)]
    return params


def chunks(
    data: bytes, sizes: tuple[int, ...] = (1, 2, 63, 64, 65, 7, 128, 200)
) -> Iterator[bytes]:
    """``data`` in pieces of the given sizes (cycled), starting with an empty piece."""
    yield b""
    start, turn = 0, 0
    while start < len(data):
        size = sizes[turn % len(sizes)]
        yield data[start : start + size]
        start, turn = start + size, turn + 1
