"""Sphinx configuration for the oxicrypt documentation.

Build the HTML pages and run every example:

    python -m sphinx -W -b html docs docs/_build/html
    python -m sphinx -W -b doctest docs docs/_build/doctest

The HTML build only reads the sources; the doctest build imports oxicrypt, so the
extension module must be built (``maturin develop`` or an installed wheel).
"""

from __future__ import annotations

import pathlib
import re

_ROOT = pathlib.Path(__file__).resolve().parent.parent


def _read_version() -> str:
    # Read, not import: the HTML build must not need the compiled extension.
    text = (_ROOT / "src" / "oxicrypt" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise RuntimeError("__version__ not found in src/oxicrypt/__init__.py")
    return match.group(1)


project = "oxicrypt"
author = "The oxicrypt developers"
copyright = "2026, The oxicrypt developers"
release = _read_version()
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
]
# sphinx.ext.intersphinx is deliberately not enabled: it downloads inventories, and the
# documentation must build without network access.

root_doc = "index"
exclude_patterns = ["_build"]
templates_path: list[str] = []
pygments_style = "sphinx"

html_theme = "alabaster"
html_theme_options = {
    "description": "The pyca/cryptography API with a Rust core",
    "fixed_sidebar": True,
}
html_static_path: list[str] = []

# Every ">>>" example in the documentation is run by `-b doctest`, not only the ones in
# explicit doctest directives.
doctest_test_doctest_blocks = "default"

# Shared by all doctest groups, and available to `:skipif:` conditions. XOF_SQUEEZE is
# False when oxicrypt was built against an OpenSSL older than 3.3 (see installation.rst):
# the XOFHash examples are then skipped instead of failing. DETERMINISTIC_ECDSA is False
# below OpenSSL 3.2, which lacks RFC 6979 nonces: the deterministic ECDSA examples are
# then skipped.
doctest_global_setup = """
from oxicrypt.exceptions import UnsupportedAlgorithm as _Unsupported
from oxicrypt.hazmat.primitives import hashes as _hashes
from oxicrypt.hazmat.primitives.asymmetric import ec as _ec

try:
    _hashes.XOFHash(_hashes.SHAKE128(1))
except _Unsupported:
    XOF_SQUEEZE = False
else:
    XOF_SQUEEZE = True

try:
    _ec.ECDSA(_hashes.SHA256(), deterministic_signing=True)
except _Unsupported:
    DETERMINISTIC_ECDSA = False
else:
    DETERMINISTIC_ECDSA = True
"""
