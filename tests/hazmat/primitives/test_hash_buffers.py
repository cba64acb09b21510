"""Which objects ``Hash``, ``Hash.hash`` and ``XOFHash`` accept as data: contiguous
byte buffers of any kind, as the reference does, and nothing else."""

from __future__ import annotations

import array
import ctypes
import hashlib
import mmap
from collections.abc import Iterator
from typing import Callable

import pytest

from oxicrypt.hazmat.primitives import hashes

_DATA = bytes(range(256)) * 3


@pytest.fixture
def mapped() -> Iterator[mmap.mmap]:
    region = mmap.mmap(-1, len(_DATA))
    region.write(_DATA)
    yield region
    region.close()


_BUFFERS: dict[str, Callable[[], object]] = {
    "bytes": lambda: _DATA,
    "bytearray": lambda: bytearray(_DATA),
    "memoryview": lambda: memoryview(_DATA),
    "memoryview of bytearray": lambda: memoryview(bytearray(_DATA)),
    "memoryview slice": lambda: memoryview(b"xx" + _DATA + b"yy")[2:-2],
    "array B": lambda: array.array("B", _DATA),
    "memoryview cast c": lambda: memoryview(_DATA).cast("c"),
    "2-D memoryview": lambda: memoryview(_DATA).cast("B", (48, 16)),
}


@pytest.mark.parametrize("make", _BUFFERS.values(), ids=_BUFFERS.keys())
def test_accepted_buffers(make: Callable[[], object]) -> None:
    expected = hashlib.sha256(_DATA).digest()
    ctx = hashes.Hash(hashes.SHA256())
    ctx.update(make())  # type: ignore[arg-type]
    assert ctx.finalize() == expected
    assert hashes.Hash.hash(hashes.SHA256(), make()) == expected  # type: ignore[arg-type]
    xof = hashes.XOFHash(hashes.SHAKE128.xof())
    xof.update(make())  # type: ignore[arg-type]
    assert xof.squeeze(20) == hashlib.shake_128(_DATA).digest(20)


def test_mmap(mapped: mmap.mmap) -> None:
    ctx = hashes.Hash(hashes.SHA1())
    ctx.update(mapped)
    assert ctx.finalize() == hashlib.sha1(_DATA).digest()
    assert hashes.Hash.hash(hashes.SHA1(), mapped) == hashlib.sha1(_DATA).digest()


def test_data_is_read_at_update_time() -> None:
    buf = bytearray(b"abc")
    ctx = hashes.Hash(hashes.SHA256())
    ctx.update(buf)
    buf[:] = b"xyz"
    assert ctx.finalize() == hashlib.sha256(b"abc").digest()


@pytest.mark.parametrize(
    "view",
    [memoryview(b"abcdef")[::2], memoryview(b"abcdef")[::-1], memoryview(bytearray(8))[1::3]],
    ids=["step 2", "reversed", "bytearray step 3"],
)
def test_non_contiguous_memoryview(view: memoryview) -> None:
    with pytest.raises(BufferError):
        hashes.Hash(hashes.SHA256()).update(view)
    with pytest.raises(BufferError):
        hashes.Hash.hash(hashes.SHA256(), view)
    with pytest.raises(BufferError):
        hashes.XOFHash(hashes.SHAKE256.xof()).update(view)


def test_empty_strided_memoryview_is_the_empty_message() -> None:
    # A view of zero bytes is contiguous whatever its stride; the reference hashes it.
    view = memoryview(b"")[::2]
    assert hashes.Hash.hash(hashes.SHA256(), view) == hashlib.sha256(b"").digest()


_NOT_BYTES: dict[str, Callable[[], object]] = {
    "array b (signed)": lambda: array.array("b", [1, 2]),
    "array H": lambda: array.array("H", [1, 2]),
    "array I": lambda: array.array("I", [1, 2]),
    "array d": lambda: array.array("d", [1.0]),
    "memoryview cast I": lambda: memoryview(b"abcd").cast("I"),
    "memoryview cast b": lambda: memoryview(b"abcd").cast("b"),
    "ctypes c_ubyte array": lambda: (ctypes.c_ubyte * 3)(1, 2, 3),
    "ctypes c_char array": lambda: (ctypes.c_char * 3)(b"a", b"b", b"c"),
}


def test_buffers_of_other_item_types_are_refused() -> None:
    # The reference takes only buffers of unsigned bytes ('B' or 'c'); an array of ints
    # is a TypeError there, not a hash of its memory.
    accepted = []
    for name, make in _NOT_BYTES.items():
        try:
            hashes.Hash.hash(hashes.SHA256(), make())  # type: ignore[arg-type]
        except TypeError:
            continue
        accepted.append(name)
    assert accepted == []
