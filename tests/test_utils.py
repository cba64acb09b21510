"""``oxicrypt.utils``: ``int_to_bytes``, the warning classes, ``Enum`` and ``deprecated``."""

from __future__ import annotations

import enum
import sys
import types
import typing
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt import utils


@pytest.mark.parametrize(
    ("integer", "length", "expected"),
    [
        (0, None, b"\x00"),
        (1, None, b"\x01"),
        (255, None, b"\xff"),
        (256, None, b"\x01\x00"),
        (0x0102030405, None, b"\x01\x02\x03\x04\x05"),
        (2**64, None, b"\x01" + b"\x00" * 8),
        (1, 4, b"\x00\x00\x00\x01"),
        (0, 3, b"\x00\x00\x00"),
        (65535, 2, b"\xff\xff"),
    ],
)
def test_int_to_bytes(integer: int, length: int | None, expected: bytes) -> None:
    assert utils.int_to_bytes(integer, length) == expected


@pytest.mark.parametrize(("integer", "length"), [(65536, 2), (256, 1), (-1, None), (-1, 4)])
def test_int_to_bytes_does_not_fit(integer: int, length: int | None) -> None:
    with pytest.raises(OverflowError):
        utils.int_to_bytes(integer, length)


@given(st.integers(min_value=0, max_value=2**2048))
def test_int_to_bytes_is_minimal_big_endian(integer: int) -> None:
    data = utils.int_to_bytes(integer)
    assert int.from_bytes(data, "big") == integer
    assert len(data) == max(1, (integer.bit_length() + 7) // 8)


def test_warning_classes() -> None:
    assert issubclass(utils.CryptographyDeprecationWarning, UserWarning)
    names = [n for n in dir(utils) if n.startswith("DeprecatedIn")]
    assert {"DeprecatedIn36", "DeprecatedIn47", "DeprecatedIn50"} <= set(names)
    assert all(getattr(utils, n) is utils.CryptographyDeprecationWarning for n in names)


def test_interface_not_implemented() -> None:
    assert issubclass(utils.InterfaceNotImplemented, Exception)


def test_buffer_alias() -> None:
    assert set(typing.get_args(utils.Buffer)) == {bytes, bytearray, memoryview}


class _Colour(utils.Enum):
    RED = "red"
    GREEN = 2


def test_enum_text() -> None:
    assert isinstance(_Colour.RED, enum.Enum)
    assert repr(_Colour.RED) == "<_Colour.RED: 'red'>"
    assert repr(_Colour.GREEN) == "<_Colour.GREEN: 2>"
    assert str(_Colour.RED) == "_Colour.RED"
    assert f"{_Colour.GREEN}" == "_Colour.GREEN"
    assert _Colour("red") is _Colour.RED


@pytest.fixture
def module(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    mod = types.ModuleType("oxicrypt_test_deprecations")
    mod.kept = "kept"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, mod.__name__, mod)
    return mod


def test_deprecated_attribute_warns(module: types.ModuleType) -> None:
    module.old = utils.deprecated(  # type: ignore[attr-defined]
        42, module.__name__, "old is going away", utils.DeprecatedIn50
    )
    # Read through sys.modules, which is what an import gives.
    loaded = sys.modules[module.__name__]
    with pytest.warns(utils.CryptographyDeprecationWarning, match=r"^old is going away$"):
        assert loaded.old == 42
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert loaded.kept == "kept"


def test_deprecated_with_name_sets_the_attribute(module: types.ModuleType) -> None:
    utils.deprecated("v", module.__name__, "use new", DeprecationWarning, name="older")
    loaded = sys.modules[module.__name__]
    with pytest.warns(DeprecationWarning, match=r"^use new$") as record:
        assert loaded.older == "v"
    assert len(record) == 1


def test_deprecated_warning_points_at_the_caller(module: types.ModuleType) -> None:
    utils.deprecated(1, module.__name__, "m", utils.CryptographyDeprecationWarning, name="x")
    loaded = sys.modules[module.__name__]
    with pytest.warns(utils.CryptographyDeprecationWarning) as record:
        loaded.x  # noqa: B018
    assert record[0].filename == __file__
