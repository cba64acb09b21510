"""oxicrypt: the pyca/cryptography API with a Rust core.

Code written for ``cryptography`` runs on oxicrypt after replacing the import name, or
unchanged after :func:`install_as_cryptography`.
"""

from __future__ import annotations

from oxicrypt._alias import install_as_cryptography

__all__ = [
    "__author__",
    "__copyright__",
    "__version__",
    "install_as_cryptography",
]

__version__ = "0.1.0"
__author__ = "The oxicrypt developers"
__copyright__ = f"Copyright 2026 {__author__}"
