"""The ``oxicrypt hash`` command: ``HEXDIGEST  NAME`` lines like sha256sum's."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from pathlib import Path

import pytest

from oxicrypt._cli import main

_DATA = b"The quick brown fox jumps over the lazy dog\n" * 1000


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.bin"
    path.write_bytes(_DATA)
    return path


@pytest.mark.parametrize(
    ("algorithm", "hashlib_name"),
    [
        ("md5", "md5"),
        ("sha1", "sha1"),
        ("sha224", "sha224"),
        ("sha256", "sha256"),
        ("sha384", "sha384"),
        ("sha512", "sha512"),
        ("sha3-256", "sha3_256"),
        ("sha3-512", "sha3_512"),
        ("blake2b", "blake2b"),
        ("blake2s", "blake2s"),
    ],
)
def test_hash_file(
    sample: Path, capsys: pytest.CaptureFixture[str], algorithm: str, hashlib_name: str
) -> None:
    assert main(["hash", "-a", algorithm, str(sample)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{hashlib.new(hashlib_name, _DATA).hexdigest()}  {sample}\n"
    assert err == ""


def test_default_is_sha256(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["hash", str(sample)]) == 0
    assert capsys.readouterr().out == f"{hashlib.sha256(_DATA).hexdigest()}  {sample}\n"


@pytest.mark.parametrize(("algorithm", "length"), [("shake128", 5), ("shake256", 100)])
def test_shake_with_length(
    sample: Path, capsys: pytest.CaptureFixture[str], algorithm: str, length: int
) -> None:
    assert main(["hash", "-a", algorithm, "--length", str(length), str(sample)]) == 0
    expected = hashlib.new(algorithm.replace("shake", "shake_"), _DATA).hexdigest(length)  # type: ignore[call-arg]
    assert capsys.readouterr().out == f"{expected}  {sample}\n"
    assert main(["hash", "-a", algorithm, "-l", str(length), str(sample)]) == 0
    assert capsys.readouterr().out == f"{expected}  {sample}\n"


def test_several_files_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = []
    for i, content in enumerate([b"", b"a", _DATA]):
        paths.append(tmp_path / f"f{i}")
        paths[-1].write_bytes(content)
    assert main(["hash", "-a", "sha1", *map(str, paths)]) == 0
    assert capsys.readouterr().out == "".join(
        f"{hashlib.sha1(p.read_bytes()).hexdigest()}  {p}\n" for p in paths
    )


def test_dash_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(_DATA)))
    assert main(["hash", "-a", "sha512", "-"]) == 0
    assert capsys.readouterr().out == f"{hashlib.sha512(_DATA).hexdigest()}  -\n"


def test_missing_file(tmp_path: Path, sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "does-not-exist"
    assert main(["hash", str(missing), str(sample)]) == 1
    out, err = capsys.readouterr()
    # The other files are still hashed.
    assert out == f"{hashlib.sha256(_DATA).hexdigest()}  {sample}\n"
    assert str(missing) in err
    assert "No such file" in err


def test_directory_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["hash", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert str(tmp_path) in err


@pytest.mark.parametrize(
    "argv",
    [
        ["hash", "-a", "sha256", "-l", "5", "FILE"],  # --length is for SHAKE only
        ["hash", "-a", "shake128", "-l", "0", "FILE"],
        ["hash", "-a", "no-such-algorithm", "FILE"],
        ["hash"],
        [],
    ],
)
def test_usage_errors(sample: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    argv = [str(sample) if a == "FILE" else a for a in argv]
    message = ""
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse exits; a string code is printed by Python on exit
        status = exc.code if isinstance(exc.code, int) else 1
        message = exc.code if isinstance(exc.code, str) else ""
    assert status != 0
    out, err = capsys.readouterr()
    assert out == ""
    assert (err + message).strip() != ""


def test_python_dash_m(sample: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "oxicrypt", "hash", "-a", "sha3-384", "-", str(sample)],
        input=b"from stdin",
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == (
        f"{hashlib.sha3_384(b'from stdin').hexdigest()}  -\n"
        f"{hashlib.sha3_384(_DATA).hexdigest()}  {sample}\n"
    )


def test_python_dash_m_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here"
    result = subprocess.run(
        [sys.executable, "-m", "oxicrypt", "hash", str(missing)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == b""
    assert str(missing).encode() in result.stderr


def test_closed_reader_ends_quietly(sample: Path) -> None:
    """A reader that goes away (``oxicrypt hash ... | head -0``) ends the command with
    status 1 and no traceback or 'Exception ignored' noise."""
    # Enough output to fill a pipe's buffer, so that a write meets the closed end.
    script = (
        "import sys; from oxicrypt._cli import main; "
        f"sys.exit(main(['hash'] + [{str(sample)!r}] * 5000))"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 1
    assert err == b""


def test_interrupt_is_one_line(
    sample: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import oxicrypt._cli as cli

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_digest_stream", interrupted)
    assert main(["hash", str(sample)]) == 130
    assert capsys.readouterr() == ("", "oxicrypt hash: interrupted\n")
