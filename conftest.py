"""Command-line options for the whole test suite. They live at the root so that a plain
``pytest`` (which collects the configured testpaths) knows them too."""

from __future__ import annotations

import os

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--wycheproof-root",
        default=os.environ.get("OXICRYPT_WYCHEPROOF_ROOT"),
        help="directory holding Wycheproof's testvectors_v1/ "
        "(default: $OXICRYPT_WYCHEPROOF_ROOT; without it Wycheproof tests are skipped)",
    )
