"""Makes ``oxicrypt_vectors`` importable from a plain checkout (when not pip-installed)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

if importlib.util.find_spec("oxicrypt_vectors") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "vectors"))
