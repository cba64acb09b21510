from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any, Callable

import pytest
from hypothesis import settings

from tests import wycheproof

# No deadline: the machine may be busy building; no database: tests write nothing to disk.
settings.register_profile("oxicrypt", deadline=None, database=None)
settings.load_profile("oxicrypt")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "wycheproof(*files): run the test once per case of these Wycheproof files, "
        "given as the `wycheproof_case` argument",
    )


def _root(config: pytest.Config) -> Path | None:
    root = config.getoption("--wycheproof-root")
    return Path(root) if root else None


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    marker = metafunc.definition.get_closest_marker("wycheproof")
    if marker is None:
        return
    root = _root(metafunc.config)
    if root is None:
        skipped = pytest.param(None, marks=pytest.mark.skip(reason=wycheproof.NO_ROOT_REASON))
        metafunc.parametrize("wycheproof_case", [skipped], ids=["no-wycheproof-root"])
        return
    cases = [case for name in marker.args for case in wycheproof.load_cases(root, name)]
    metafunc.parametrize(
        "wycheproof_case",
        cases,
        ids=[f"{case.file.removesuffix('.json')}-{case.tc_id}" for case in cases],
    )


@pytest.fixture(scope="session")
def wycheproof_root(pytestconfig: pytest.Config) -> Path:
    """The Wycheproof root directory; skips the test when none is configured."""
    root = _root(pytestconfig)
    if root is None:
        pytest.skip(wycheproof.NO_ROOT_REASON)
    return root


@pytest.fixture(scope="session")
def load_wycheproof(wycheproof_root: Path) -> Callable[[str], dict[str, Any]]:
    """Loads ``<root>/testvectors_v1/<name>.json``; skips when no root is configured."""

    def load(name: str) -> dict[str, Any]:
        return wycheproof.load_file(wycheproof_root, name)

    return load


@pytest.fixture(scope="session")
def reference() -> Callable[[str], ModuleType]:
    """Imports a module of the reference ``cryptography`` package (the test oracle):
    ``reference("hazmat.primitives.hashes")``. Skips when it is not installed."""

    def load(name: str) -> ModuleType:
        return pytest.importorskip(f"cryptography.{name}")

    return load
