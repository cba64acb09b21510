"""oxicrypt._atomic: whole files or nothing, with their final permission bits."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from oxicrypt._atomic import write_atomic

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
@pytest.mark.parametrize("bits", [0o600, 0o644])
def test_new_file_has_content_and_mode(tmp_path: Path, bits: int) -> None:
    target = tmp_path / "out.pem"
    write_atomic(str(target), b"content", bits)
    assert target.read_bytes() == b"content"
    assert mode(target) == bits
    assert os.listdir(tmp_path) == ["out.pem"]


@posix_only
def test_umask_still_applies(tmp_path: Path) -> None:
    os.umask(0o077)
    target = tmp_path / "cert.pem"
    write_atomic(str(target), b"x", 0o644)
    assert mode(target) == 0o600


def test_refuses_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "key.pem"
    target.write_bytes(b"old")
    with pytest.raises(FileExistsError):
        write_atomic(str(target), b"new", 0o600)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["key.pem"]


def test_refuses_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.pem"
    link.symlink_to(tmp_path / "nowhere")
    with pytest.raises(FileExistsError):
        write_atomic(str(link), b"new", 0o600)
    assert not (tmp_path / "nowhere").exists()


@posix_only
def test_overwrite_replaces_and_resets_mode(tmp_path: Path) -> None:
    target = tmp_path / "key.pem"
    target.write_bytes(b"old content that is longer")
    target.chmod(0o666)
    write_atomic(str(target), b"new", 0o600, overwrite=True)
    assert target.read_bytes() == b"new"
    assert mode(target) == 0o600
    assert os.listdir(tmp_path) == ["key.pem"]


@posix_only
def test_overwrite_replaces_a_symlink_not_its_target(tmp_path: Path) -> None:
    # Documented in the module and in docs/cli.rst: the link becomes a regular file with
    # the new mode; what it pointed to keeps its content and its own mode.
    target = tmp_path / "real.pem"
    target.write_bytes(b"old key")
    target.chmod(0o640)
    link = tmp_path / "key.pem"
    link.symlink_to(target.name)
    write_atomic(str(link), b"new key", 0o600, overwrite=True)
    assert not link.is_symlink()
    assert link.read_bytes() == b"new key"
    assert mode(link) == 0o600
    assert target.read_bytes() == b"old key"
    assert mode(target) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["key.pem", "real.pem"]


@pytest.mark.parametrize("overwrite", [False, True])
def test_failure_while_writing_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, overwrite: bool
) -> None:
    target = tmp_path / "key.pem"
    if overwrite:
        target.write_bytes(b"old")
    real_write = os.write
    calls = []

    def short_then_fail(fd: int, data: bytes) -> int:
        # The first call writes a part of the data, the second fails: a disk running full.
        calls.append(len(data))
        if len(calls) == 1:
            return real_write(fd, bytes(data[:3]))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", short_then_fail)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(str(target), b"0123456789", 0o600, overwrite=overwrite)
    assert calls == [10, 7]
    assert os.listdir(tmp_path) == (["key.pem"] if overwrite else [])
    if overwrite:
        assert target.read_bytes() == b"old"


def test_failure_in_fsync_leaves_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "cert.pem"
    target.write_bytes(b"old")

    def fail(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="Input/output"):
        write_atomic(str(target), b"new", 0o644, overwrite=True)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["cert.pem"]


def test_interrupt_removes_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(fd: int, data: bytes) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(str(tmp_path / "key.pem"), b"data", 0o600)
    assert os.listdir(tmp_path) == []


def test_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(src: str, dst: str) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "out.pem"
    write_atomic(str(target), b"first", 0o644)
    assert target.read_bytes() == b"first"
    with pytest.raises(FileExistsError):
        write_atomic(str(target), b"second", 0o644)
    assert target.read_bytes() == b"first"
    assert os.listdir(tmp_path) == ["out.pem"]


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomic(str(tmp_path / "no" / "key.pem"), b"x", 0o600)
    assert os.listdir(tmp_path) == []


def test_relative_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_atomic("here.pem", b"data", 0o644)
    assert (tmp_path / "here.pem").read_bytes() == b"data"
