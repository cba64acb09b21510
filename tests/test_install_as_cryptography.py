"""``install_as_cryptography()``: afterwards ``import cryptography...`` gives oxicrypt's
modules. Each scenario runs in a fresh interpreter: it changes ``sys.modules`` and
``sys.meta_path``, and the real ``cryptography`` is installed alongside."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest


def _run(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _check(script: str, cwd: Path) -> None:
    result = _run(textwrap.dedent(script) + "\nprint('scenario ok')\n", cwd)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("scenario ok"), result.stdout


def test_modules_are_the_same_objects(tmp_path: Path) -> None:
    _check(
        """
        import sys
        import oxicrypt
        import oxicrypt.hazmat.primitives.hashes
        oxicrypt.install_as_cryptography()

        import cryptography
        import cryptography.hazmat.primitives.hashes as h
        assert cryptography is oxicrypt
        assert h is oxicrypt.hazmat.primitives.hashes
        assert sys.modules["cryptography.hazmat.primitives.hashes"] is h
        assert h.Hash.hash(h.SHA256(), b"abc").hex().startswith("ba7816bf")
        # The module still describes where it really comes from.
        assert h.__name__ == "oxicrypt.hazmat.primitives.hashes"
        assert h.__spec__.name == "oxicrypt.hazmat.primitives.hashes"
        """,
        tmp_path,
    )


def test_classes_and_isinstance_agree(tmp_path: Path) -> None:
    _check(
        """
        import oxicrypt
        oxicrypt.install_as_cryptography()

        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes, hmac
        import oxicrypt.exceptions
        import oxicrypt.hazmat.primitives.hashes as ox_hashes

        assert InvalidSignature is oxicrypt.exceptions.InvalidSignature
        assert isinstance(hashes.SHA256(), ox_hashes.HashAlgorithm)
        assert isinstance(ox_hashes.SHA256(), hashes.HashAlgorithm)
        assert hashes.SHA256() == ox_hashes.SHA256()
        mac = hmac.HMAC(b"key", hashes.SHA256())
        mac.update(b"data")
        try:
            mac.verify(b"0" * 32)
        except oxicrypt.exceptions.InvalidSignature:
            pass
        else:
            raise AssertionError("verify accepted a wrong MAC")
        """,
        tmp_path,
    )


def test_submodule_not_imported_before(tmp_path: Path) -> None:
    _check(
        """
        import sys
        import oxicrypt
        oxicrypt.install_as_cryptography()
        name = "oxicrypt.hazmat.primitives.constant_time"
        assert name not in sys.modules

        import cryptography.hazmat.primitives.constant_time as ct
        assert ct is sys.modules[name]
        assert ct is sys.modules["cryptography.hazmat.primitives.constant_time"]
        assert ct.bytes_eq(b"a", b"a") and not ct.bytes_eq(b"a", b"b")

        from cryptography.hazmat.backends import default_backend
        import oxicrypt.hazmat.backends
        assert default_backend is oxicrypt.hazmat.backends.default_backend
        """,
        tmp_path,
    )


def test_module_imported_after_install(tmp_path: Path) -> None:
    # A module first imported under the oxicrypt name after install is shared as well.
    _check(
        """
        import importlib
        import oxicrypt
        oxicrypt.install_as_cryptography()
        import oxicrypt.utils
        assert importlib.import_module("cryptography.utils") is oxicrypt.utils
        """,
        tmp_path,
    )


def test_nonexistent_submodule(tmp_path: Path) -> None:
    _check(
        """
        import oxicrypt
        oxicrypt.install_as_cryptography()
        for name in ("cryptography.nope", "cryptography.hazmat.nope"):
            try:
                __import__(name)
            except ModuleNotFoundError as exc:
                assert exc.name == name, exc.name
            else:
                raise AssertionError(name + " imported")
        """,
        tmp_path,
    )


def test_refused_after_real_cryptography(tmp_path: Path) -> None:
    _check(
        """
        import cryptography
        import oxicrypt
        assert cryptography is not oxicrypt
        try:
            oxicrypt.install_as_cryptography()
        except ImportError:
            pass
        else:
            raise AssertionError("install_as_cryptography() did not refuse")
        import sys
        assert sys.modules["cryptography"] is cryptography
        """,
        tmp_path,
    )


def test_calling_twice(tmp_path: Path) -> None:
    _check(
        """
        import sys
        import oxicrypt
        oxicrypt.install_as_cryptography()
        oxicrypt.install_as_cryptography()
        import cryptography.hazmat.primitives.hmac as m
        oxicrypt.install_as_cryptography()
        import oxicrypt.hazmat.primitives.hmac
        assert m is oxicrypt.hazmat.primitives.hmac
        finders = [type(f).__name__ for f in sys.meta_path]
        assert finders.count("_AliasFinder") == 1, finders
        """,
        tmp_path,
    )


@pytest.mark.parametrize("script", ["import cryptography", "import oxicrypt"])
def test_scenarios_run_in_clean_interpreters(tmp_path: Path, script: str) -> None:
    # Guards the scenarios above: without install, the names are two different packages.
    _check(
        script
        + """
import sys
assert ("cryptography" in sys.modules) != ("oxicrypt" in sys.modules)
""",
        tmp_path,
    )
