"""The ``--wycheproof-root`` option and ``OXICRYPT_WYCHEPROOF_ROOT``: run pytest on a
small Wycheproof-style test against a made-up root, with and without configuration."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.wycheproof import load_cases

_PROJECT = Path(__file__).resolve().parent.parent
_PYTEST = (
    sys.executable,
    "-m",
    "pytest",
    # The root conftest declares the option; tests.conftest implements the fixtures.
    "-p",
    "conftest",
    "-p",
    "tests.conftest",
    "-p",
    "no:cacheprovider",
)

_TEST_FILE = """\
import pytest

@pytest.mark.wycheproof("made_up_test")
def test_case(wycheproof_case):
    assert wycheproof_case.valid == (wycheproof_case.tc_id % 2 == 1)

def test_loader(load_wycheproof):
    assert load_wycheproof("made_up_test")["algorithm"] == "MADEUP"
"""


@pytest.fixture
def fake_root(tmp_path: Path) -> Path:
    tests = [
        {"tcId": i, "comment": "", "flags": [], "result": "valid" if i % 2 else "invalid"}
        for i in (1, 2, 3)
    ]
    data = {
        "algorithm": "MADEUP",
        "numberOfTests": 3,
        "testGroups": [
            {"type": "MadeUp", "tests": tests[:2]},
            {"type": "MadeUp", "tests": tests[2:]},
        ],
    }
    (tmp_path / "root" / "testvectors_v1").mkdir(parents=True)
    (tmp_path / "root" / "testvectors_v1" / "made_up_test.json").write_text(json.dumps(data))
    (tmp_path / "test_made_up.py").write_text(_TEST_FILE)
    return tmp_path / "root"


def _pytest(test_dir: Path, *args: str, root_env: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "OXICRYPT_WYCHEPROOF_ROOT"}
    if root_env is not None:
        env["OXICRYPT_WYCHEPROOF_ROOT"] = root_env
    result = subprocess.run(
        [*_PYTEST, "-q", "-rs", str(test_dir / "test_made_up.py"), *args],
        cwd=_PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 5), result.stdout + result.stderr
    return result.stdout


def test_option(fake_root: Path) -> None:
    out = _pytest(fake_root.parent, "--wycheproof-root", str(fake_root), root_env=None)
    assert "4 passed" in out


def test_environment_variable(fake_root: Path) -> None:
    out = _pytest(fake_root.parent, root_env=str(fake_root))
    assert "4 passed" in out


def test_option_overrides_environment(fake_root: Path, tmp_path: Path) -> None:
    out = _pytest(
        fake_root.parent, "--wycheproof-root", str(fake_root), root_env=str(tmp_path / "nowhere")
    )
    assert "4 passed" in out


def test_unconfigured_skips(fake_root: Path) -> None:
    out = _pytest(fake_root.parent, root_env=None)
    assert "2 skipped" in out
    assert "OXICRYPT_WYCHEPROOF_ROOT" in out


def test_load_cases_counts(fake_root: Path) -> None:
    cases = load_cases(fake_root, "made_up_test")
    assert [c.tc_id for c in cases] == [1, 2, 3]
    assert [c.valid for c in cases] == [True, False, True]
    assert cases[2].group["type"] == "MadeUp"
