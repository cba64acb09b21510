"""``oxicrypt keygen``: PKCS #8 PEM keys, encrypted on request, written atomically."""

from __future__ import annotations

import getpass
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from oxicrypt._cli import main
from oxicrypt.hazmat.backends import default_backend
from oxicrypt.hazmat.primitives import serialization
from oxicrypt.hazmat.primitives.asymmetric import ec, ed448, ed25519, mldsa, rsa

needs_mldsa = pytest.mark.skipif(
    not default_backend().mldsa_supported(), reason="OpenSSL without ML-DSA"
)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def load(path: Path, password: bytes | None = None) -> object:
    return serialization.load_pem_private_key(path.read_bytes(), password)


@pytest.mark.parametrize(
    ("argv", "check"),
    [
        ([], lambda k: isinstance(k, ec.EllipticCurvePrivateKey) and k.curve.name == "secp256r1"),
        (
            ["-t", "ec", "--curve", "P-384"],
            lambda k: isinstance(k, ec.EllipticCurvePrivateKey) and k.curve.name == "secp384r1",
        ),
        (
            ["-t", "ec", "--curve", "secp521r1"],
            lambda k: isinstance(k, ec.EllipticCurvePrivateKey) and k.curve.name == "secp521r1",
        ),
        (
            ["--curve", "prime256v1"],
            lambda k: isinstance(k, ec.EllipticCurvePrivateKey) and k.curve.name == "secp256r1",
        ),
        (
            ["--curve", "brainpoolp256r1"],
            lambda k: (
                isinstance(k, ec.EllipticCurvePrivateKey) and k.curve.name == "brainpoolP256r1"
            ),
        ),
        (
            ["--curve", "secp256k1"],
            lambda k: isinstance(k, ec.EllipticCurvePrivateKey) and k.curve.name == "secp256k1",
        ),
        (["-t", "rsa"], lambda k: isinstance(k, rsa.RSAPrivateKey) and k.key_size == 3072),
        (
            ["--type", "rsa", "--bits", "2048"],
            lambda k: (
                isinstance(k, rsa.RSAPrivateKey)
                and k.key_size == 2048
                and k.private_numbers().public_numbers.e == 65537
            ),
        ),
        (["-t", "ed25519"], lambda k: isinstance(k, ed25519.Ed25519PrivateKey)),
        (["-t", "ed448"], lambda k: isinstance(k, ed448.Ed448PrivateKey)),
        pytest.param(
            ["-t", "ml-dsa-44"],
            lambda k: isinstance(k, mldsa.MLDSA44PrivateKey),
            marks=needs_mldsa,
        ),
        pytest.param(
            ["-t", "ml-dsa-65"],
            lambda k: isinstance(k, mldsa.MLDSA65PrivateKey),
            marks=needs_mldsa,
        ),
        pytest.param(
            ["-t", "ml-dsa-87"],
            lambda k: isinstance(k, mldsa.MLDSA87PrivateKey),
            marks=needs_mldsa,
        ),
    ],
)
def test_every_key_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], check: object
) -> None:
    out = tmp_path / "key.pem"
    assert run(capsys, "keygen", *argv, "-o", str(out)) == (0, "", "")
    data = out.read_bytes()
    assert data.startswith(b"-----BEGIN PRIVATE KEY-----\n")
    assert data.endswith(b"-----END PRIVATE KEY-----\n")
    assert callable(check) and check(load(out))
    if sys.platform != "win32":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert os.listdir(tmp_path) == ["key.pem"]


def test_keys_are_fresh(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "keygen", "-t", "ed25519", "-o", str(tmp_path / "a"))[0] == 0
    assert run(capsys, "keygen", "-t", "ed25519", "-o", str(tmp_path / "b"))[0] == 0
    assert (tmp_path / "a").read_bytes() != (tmp_path / "b").read_bytes()


def test_pubout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key, pub = tmp_path / "key.pem", tmp_path / "pub.pem"
    assert run(capsys, "keygen", "-o", str(key), "--pubout", str(pub)) == (0, "", "")
    private = load(key)
    assert isinstance(private, ec.EllipticCurvePrivateKey)
    assert pub.read_bytes() == private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    if sys.platform != "win32":
        assert stat.S_IMODE(pub.stat().st_mode) == 0o644


def test_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "keygen", "-t", "ed448", "-o", "-")
    assert (status, err) == (0, "")
    key = serialization.load_pem_private_key(out.encode(), None)
    assert isinstance(key, ed448.Ed448PrivateKey)


# --- passphrases ----------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"correct horse\n", b"correct horse\r\n", b"correct horse"])
def test_passphrase_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    secret, out = tmp_path / "pass.txt", tmp_path / "key.pem"
    secret.write_bytes(
        content + b"second line is ignored\n" if content.endswith(b"\n") else content
    )
    status = run(capsys, "keygen", "-o", str(out), "--passphrase-file", str(secret))
    assert status == (0, "", "")
    assert out.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----\n")
    assert isinstance(load(out, b"correct horse"), ec.EllipticCurvePrivateKey)
    with pytest.raises(ValueError):
        load(out, b"correct horse\n")


def test_passphrase_env(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEY_PASS", "s3cret ünïcode")
    out = tmp_path / "key.pem"
    assert run(capsys, "keygen", "-t", "rsa", "--bits", "2048", "-o", str(out),
               "--passphrase-env", "KEY_PASS") == (0, "", "")  # fmt: skip
    assert isinstance(load(out, "s3cret ünïcode".encode()), rsa.RSAPrivateKey)


def test_encrypted_key_readable_by_openssl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    if shutil.which("openssl") is None:
        pytest.skip("no openssl command")
    monkeypatch.setenv("KEY_PASS", "pw for openssl")
    out = tmp_path / "key.pem"
    assert run(capsys, "keygen", "-o", str(out), "--passphrase-env", "KEY_PASS")[0] == 0
    done = subprocess.run(
        ["openssl", "pkey", "-in", str(out), "-passin", "env:KEY_PASS", "-noout", "-text"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert b"NIST CURVE: P-256" in done.stdout


def test_ask_passphrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["typed", "typed"])
    prompts = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    out = tmp_path / "key.pem"
    assert run(capsys, "keygen", "-o", str(out), "--ask-passphrase") == (0, "", "")
    assert prompts == ["Passphrase: ", "Passphrase again: "]
    assert isinstance(load(out, b"typed"), ec.EllipticCurvePrivateKey)


def test_ask_passphrase_mismatch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["one", "two"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    out = tmp_path / "key.pem"
    assert run(capsys, "keygen", "-o", str(out), "--ask-passphrase") == (
        1,
        "",
        "oxicrypt keygen: the two passphrases typed differ\n",
    )
    assert not out.exists()


def test_no_passphrase_argument_exists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A passphrase on the command line would show in `ps`: there is no such option.
    out = tmp_path / "key.pem"
    with pytest.raises(SystemExit) as exc:
        main(["keygen", "-o", str(out), "--passphrase", "visible"])
    assert exc.value.code == 2
    assert "ambiguous option: --passphrase could match" in capsys.readouterr().err
    assert not out.exists()


# --- errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-t", "ec", "--bits", "2048"], "--bits applies to rsa keys, not ec"),
        (["-t", "rsa", "--curve", "P-256"], "--curve applies to ec keys, not rsa"),
        (["-t", "ed25519", "--curve", "P-256"], "--curve applies to ec keys, not ed25519"),
        (["-t", "rsa", "--bits", "1024"], "--bits must be from 2048 to 16384, not 1024"),
        (["-t", "rsa", "--bits", "65536"], "--bits must be from 2048 to 16384, not 65536"),
        (
            ["--curve", "P-123"],
            "unsupported curve 'P-123'; choose one of P-256, P-384, P-521, secp256k1, "
            "brainpoolP256r1, brainpoolP384r1, brainpoolP512r1",
        ),
        (
            ["--passphrase-env", "OXICRYPT_TEST_UNSET"],
            "environment variable OXICRYPT_TEST_UNSET is not set",
        ),
    ],
)
def test_refusals(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    message: str,
) -> None:
    monkeypatch.delenv("OXICRYPT_TEST_UNSET", raising=False)
    out = tmp_path / "key.pem"
    assert run(capsys, "keygen", *argv, "-o", str(out)) == (1, "", f"oxicrypt keygen: {message}\n")
    assert os.listdir(tmp_path) == []


def test_empty_passphrase(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "empty"
    secret.write_bytes(b"\n")
    out = tmp_path / "key.pem"
    assert run(capsys, "keygen", "-o", str(out), "--passphrase-file", str(secret)) == (
        1,
        "",
        f"oxicrypt keygen: passphrase file {secret} is empty\n",
    )
    assert not out.exists()


def test_missing_passphrase_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing"
    out = tmp_path / "key.pem"
    assert run(capsys, "keygen", "-o", str(out), "--passphrase-file", str(missing)) == (
        1,
        "",
        f"oxicrypt keygen: {missing}: No such file or directory\n",
    )
    assert not out.exists()


def test_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "key.pem"
    out.write_bytes(b"precious old key")
    assert run(capsys, "keygen", "-o", str(out)) == (
        1,
        "",
        f"oxicrypt keygen: {out} exists; use --force to replace it\n",
    )
    assert out.read_bytes() == b"precious old key"
    assert os.listdir(tmp_path) == ["key.pem"]


def test_refuses_to_overwrite_pubout_before_writing_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key, pub = tmp_path / "key.pem", tmp_path / "pub.pem"
    pub.write_bytes(b"old")
    status, _, err = run(capsys, "keygen", "-o", str(key), "--pubout", str(pub))
    assert (status, err) == (1, f"oxicrypt keygen: {pub} exists; use --force to replace it\n")
    assert not key.exists()
    assert pub.read_bytes() == b"old"


def test_force_replaces(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "key.pem"
    out.write_bytes(b"old")
    out.chmod(0o644)
    assert run(capsys, "keygen", "-t", "ed25519", "-o", str(out), "--force") == (0, "", "")
    assert isinstance(load(out), ed25519.Ed25519PrivateKey)
    if sys.platform != "win32":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_same_file_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "key.pem")
    assert run(capsys, "keygen", "-o", out, "--pubout", out) == (
        1,
        "",
        "oxicrypt keygen: --out and --pubout name the same file\n",
    )


@pytest.mark.parametrize("spelling", ["dot", "symlink", "hardlink"])
@pytest.mark.parametrize("exists", [False, True])
def test_same_file_under_two_names(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    spelling: str,
    exists: bool,
) -> None:
    # Even with --force: the public key would otherwise replace the private key.
    monkeypatch.chdir(tmp_path)
    key = tmp_path / "key.pem"
    if exists or spelling == "hardlink":
        key.write_bytes(b"old key")
    if spelling == "dot":
        other = "./key.pem"
    elif spelling == "symlink":
        (tmp_path / "link.pem").symlink_to("key.pem")
        other = "link.pem"
    else:
        os.link(key, tmp_path / "link.pem")
        other = "link.pem"
    before = sorted(os.listdir(tmp_path))
    argv = ["keygen", "-t", "ed25519", "-o", "key.pem", "--pubout", other, "--force"]
    assert run(capsys, *argv) == (
        1,
        "",
        "oxicrypt keygen: --out and --pubout name the same file\n",
    )
    assert sorted(os.listdir(tmp_path)) == before
    if key.exists():
        assert key.read_bytes() == b"old key"


@pytest.mark.parametrize("option", ["-o", "--pubout"])
def test_missing_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    # Checked before anything is written: no key is left without its public half.
    missing = tmp_path / "no-such-dir"
    files = {"-o": str(tmp_path / "key.pem"), "--pubout": str(tmp_path / "pub.pem")}
    files[option] = str(missing / "out.pem")
    assert run(capsys, "keygen", "-o", files["-o"], "--pubout", files["--pubout"]) == (
        1,
        "",
        f"oxicrypt keygen: {missing / 'out.pem'}: directory {missing} does not exist\n",
    )
    assert os.listdir(tmp_path) == []


def test_directory_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = tmp_path / "plain"
    plain.write_bytes(b"data")
    key = tmp_path / "key.pem"
    pub = plain / "pub.pem"
    assert run(capsys, "keygen", "-o", str(key), "--pubout", str(pub)) == (
        1,
        "",
        f"oxicrypt keygen: {pub}: {plain} is not a directory\n",
    )
    assert os.listdir(tmp_path) == ["plain"]
    assert plain.read_bytes() == b"data"


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_output_is_a_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], force: list[str]
) -> None:
    directory = tmp_path / "keys"
    directory.mkdir()
    assert run(capsys, "keygen", "-o", str(directory), *force) == (
        1,
        "",
        f"oxicrypt keygen: {directory} is a directory; give a file name\n",
    )
    assert os.listdir(tmp_path) == ["keys"]
    assert os.listdir(directory) == []


def _fail_writing(monkeypatch: pytest.MonkeyPatch, path: Path, exc: BaseException) -> None:
    """Makes the CLI's atomic write of ``path`` fail with ``exc``; other files are written."""
    from oxicrypt import _cli_common

    real = _cli_common.write_atomic

    def write_atomic(name: str, data: bytes, mode: int, *, overwrite: bool = False) -> None:
        if name == str(path):
            raise exc
        real(name, data, mode, overwrite=overwrite)

    monkeypatch.setattr(_cli_common, "write_atomic", write_atomic)


def test_pubout_write_failure_leaves_no_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    key, pub = tmp_path / "key.pem", tmp_path / "pub.pem"
    _fail_writing(monkeypatch, pub, OSError(28, "No space left on device"))
    assert run(capsys, "keygen", "-o", str(key), "--pubout", str(pub)) == (
        1,
        "",
        f"oxicrypt keygen: {pub}: No space left on device\n",
    )
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    ("exc", "status", "message"),
    [
        (OSError(28, "No space left on device"), 1, "{key}: No space left on device"),
        (KeyboardInterrupt(), 130, "interrupted"),
    ],
)
@pytest.mark.parametrize("force", [False, True])
def test_key_write_failure_removes_public_key(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    exc: BaseException,
    status: int,
    message: str,
    force: bool,
) -> None:
    key, pub = tmp_path / "key.pem", tmp_path / "pub.pem"
    if force:
        key.write_bytes(b"old key")
    _fail_writing(monkeypatch, key, exc)
    argv = ["keygen", "-o", str(key), "--pubout", str(pub), *(["--force"] if force else [])]
    assert run(capsys, *argv) == (
        status,
        "",
        f"oxicrypt keygen: {message.format(key=key)}\n",
    )
    # The old key, if any, is untouched, and no public key of a lost key is left.
    assert os.listdir(tmp_path) == (["key.pem"] if force else [])
    if force:
        assert key.read_bytes() == b"old key"


def test_failed_write_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    out = tmp_path / "key.pem"
    assert run(capsys, "keygen", "-o", str(out)) == (
        1,
        "",
        f"oxicrypt keygen: {out}: No space left on device\n",
    )
    assert os.listdir(tmp_path) == []


def test_out_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    # So that a key is never written to a terminal or through a shell redirection
    # (which would create the file with the umask's mode, often world-readable).
    with pytest.raises(SystemExit) as exc:
        main(["keygen"])
    assert exc.value.code == 2
    assert "-o/--out" in capsys.readouterr().err


def test_unknown_type(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["keygen", "-t", "dsa", "-o", "k.pem"])
    assert exc.value.code == 2
    assert "invalid choice: 'dsa'" in capsys.readouterr().err


def test_python_dash_m(tmp_path: Path) -> None:
    out = tmp_path / "key.pem"
    done = subprocess.run(
        [sys.executable, "-m", "oxicrypt", "keygen", "-t", "ed25519", "-o", str(out)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, b"", b"")
    assert isinstance(load(out), ed25519.Ed25519PrivateKey)
