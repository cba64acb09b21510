"""``oxicrypt.exceptions``: the exception classes and the ``_Reasons`` codes."""

from __future__ import annotations

from types import ModuleType
from typing import Callable

import pytest

from oxicrypt import exceptions
from oxicrypt.exceptions import InternalError, UnsupportedAlgorithm, _Reasons

_SIMPLE = [
    exceptions.AlreadyFinalized,
    exceptions.AlreadyUpdated,
    exceptions.NotYetFinalized,
    exceptions.InvalidTag,
    exceptions.InvalidSignature,
    exceptions.InvalidKey,
]

_REASON_NAMES = {
    "BACKEND_MISSING_INTERFACE",
    "UNSUPPORTED_HASH",
    "UNSUPPORTED_CIPHER",
    "UNSUPPORTED_PADDING",
    "UNSUPPORTED_MGF",
    "UNSUPPORTED_PUBLIC_KEY_ALGORITHM",
    "UNSUPPORTED_ELLIPTIC_CURVE",
    "UNSUPPORTED_SERIALIZATION",
    "UNSUPPORTED_X509",
    "UNSUPPORTED_EXCHANGE_ALGORITHM",
    "UNSUPPORTED_DIFFIE_HELLMAN",
    "UNSUPPORTED_MAC",
}


@pytest.mark.parametrize("cls", _SIMPLE, ids=lambda c: c.__name__)
def test_simple_exceptions(cls: type[Exception]) -> None:
    assert issubclass(cls, Exception)
    with pytest.raises(cls, match=r"^some message$"):
        raise cls("some message")
    assert cls().args == ()


def test_simple_exceptions_are_distinct() -> None:
    for cls in _SIMPLE:
        others = tuple(c for c in _SIMPLE if c is not cls)
        assert not issubclass(cls, others)


def test_unsupported_algorithm_with_reason() -> None:
    exc = UnsupportedAlgorithm("no such hash", _Reasons.UNSUPPORTED_HASH)
    assert isinstance(exc, Exception)
    assert str(exc) == "no such hash"
    assert exc.args == ("no such hash",)
    assert exc._reason is _Reasons.UNSUPPORTED_HASH


def test_unsupported_algorithm_reason_keyword_and_default() -> None:
    assert UnsupportedAlgorithm("m", reason=_Reasons.UNSUPPORTED_MAC)._reason is (
        _Reasons.UNSUPPORTED_MAC
    )
    assert UnsupportedAlgorithm("m")._reason is None


def test_internal_error() -> None:
    exc = InternalError("OpenSSL said no", [])
    assert isinstance(exc, Exception)
    assert str(exc) == "OpenSSL said no"
    assert exc.err_code == []
    marker = object()
    assert InternalError("x", [marker]).err_code == [marker]  # type: ignore[list-item]


def test_reason_members() -> None:
    members = {name: getattr(_Reasons, name) for name in _REASON_NAMES}
    assert len({id(m) for m in members.values()}) == len(_REASON_NAMES)
    for name, member in members.items():
        assert member == getattr(_Reasons, name)
        assert all(member != other for other in members.values() if other is not member)


def test_reason_text() -> None:
    # How a reason shows up in tracebacks and logs, as in the reference.
    wrong = {
        name: (str(member), repr(member))
        for name, member in ((n, getattr(_Reasons, n)) for n in sorted(_REASON_NAMES))
        if str(member) != f"_Reasons.{name}" or repr(member) != f"_Reasons.{name}"
    }
    assert wrong == {}


def test_public_names_match_reference(reference: Callable[[str], ModuleType]) -> None:
    ref = reference("exceptions")

    def public(module: ModuleType) -> set[str]:
        return {n for n, v in vars(module).items() if isinstance(v, type) and n[0] != "_"}

    assert public(exceptions) == public(ref)
    ref_reasons = {n for n in dir(ref._Reasons) if n.isupper()}
    assert ref_reasons == _REASON_NAMES
