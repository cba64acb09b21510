"""``install_as_cryptography()``: serve ``import cryptography...`` from oxicrypt.

Modules are aliased, not copied: ``cryptography.x`` *is* ``oxicrypt.x``, so classes,
exceptions and ``isinstance`` checks agree whichever name a library imports.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import types
from collections.abc import Sequence

_ALIAS = "cryptography"
_TARGET = "oxicrypt"


class _AliasLoader(importlib.abc.Loader):
    """Loads ``cryptography.<sub>`` by importing ``oxicrypt.<sub>`` and handing out
    that very module object."""

    def __init__(self, target_name: str) -> None:
        self._target_name = target_name
        self._original_spec: importlib.machinery.ModuleSpec | None = None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        module = importlib.import_module(self._target_name)
        self._original_spec = module.__spec__
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        # The module already ran under its own name; only undo the import system's
        # replacement of __spec__, so the module still describes where it came from.
        module.__spec__ = self._original_spec


class _AliasFinder(importlib.abc.MetaPathFinder):
    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: types.ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != _ALIAS and not fullname.startswith(_ALIAS + "."):
            return None
        target_name = _TARGET + fullname[len(_ALIAS) :]
        if importlib.util.find_spec(target_name) is None:
            return None  # an ordinary ModuleNotFoundError for the cryptography name
        target_module = importlib.import_module(target_name)
        spec = importlib.machinery.ModuleSpec(
            fullname,
            _AliasLoader(target_name),
            is_package=hasattr(target_module, "__path__"),
        )
        return spec


def _is_installed() -> bool:
    return any(isinstance(f, _AliasFinder) for f in sys.meta_path)


def install_as_cryptography() -> None:
    """Make ``import cryptography`` (and every ``cryptography.<submodule>``) import
    oxicrypt's modules.

    Call it before anything imports ``cryptography``. Calling it again is harmless.

    :raises ImportError: if the real ``cryptography`` package is already imported: two
        implementations in one process would disagree on every ``isinstance`` check.
    """
    existing = sys.modules.get(_ALIAS)
    if _is_installed():
        return
    if existing is not None:
        raise ImportError(
            "install_as_cryptography() must run before 'cryptography' is imported: the real "
            f"cryptography package is already loaded from {getattr(existing, '__file__', '?')}"
        )
    sys.meta_path.insert(0, _AliasFinder())
    # Alias what is imported already, so both names give the same objects right away.
    for name, module in list(sys.modules.items()):
        if name == _TARGET or name.startswith(_TARGET + "."):
            sys.modules[_ALIAS + name[len(_TARGET) :]] = module
