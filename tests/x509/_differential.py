"""Running the same construction through oxicrypt.x509 and the reference's x509 package
and comparing what comes out: the repr of the result, or the exception type and message,
and the warnings raised on the way."""

from __future__ import annotations

import importlib
import warnings
from types import ModuleType
from typing import Any, Callable

import pytest

import oxicrypt.x509

Build = Callable[[ModuleType], Any]


def reference() -> ModuleType:
    """The reference's ``x509`` package; skips the test when it is not installed."""
    ref: ModuleType = pytest.importorskip("cryptography.x509")
    return ref


def module(lib: str, name: str) -> ModuleType:
    """``<lib>.<name>``, lib being ``oxicrypt`` or ``cryptography``."""
    return importlib.import_module(f"{lib}.{name}")


def _normalize(text: str) -> str:
    # Class paths in messages and reprs name the library (and where its Rust classes live).
    for prefix in ("cryptography.hazmat.bindings._rust.", "oxicrypt._rust.oid."):
        text = text.replace(prefix, "")
    return text.replace("cryptography.", "oxicrypt.")


def outcome(build: Build, x509: ModuleType) -> tuple[str, str, list[tuple[str, str]]]:
    """``("ok", repr)`` or ``(exception type name, message)``, with the warnings raised."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = build(x509)
        except Exception as error:
            kind, text = type(error).__name__, str(error)
        else:
            kind, text = "ok", repr(result)
    raised = [(w.category.__name__, str(w.message)) for w in caught]
    return kind, _normalize(text), raised


def assert_same(build: Build, *, messages: bool = True) -> tuple[str, str, list[tuple[str, str]]]:
    """Asserts both libraries agree on ``build``; returns oxicrypt's outcome. Where the
    reference raises an exception without a message (or ``messages`` is false), oxicrypt's
    message is free: only the exception types must agree."""
    ref = reference()
    ours = outcome(build, oxicrypt.x509)
    theirs = outcome(build, ref)
    if theirs[0] != "ok" and (not theirs[1] or not messages):
        theirs = (theirs[0], ours[1], theirs[2])
    assert ours == theirs
    return ours
