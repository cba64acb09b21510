"""Public helpers shared by oxicrypt's modules (the public part of ``cryptography.utils``)."""

from __future__ import annotations

import enum
import sys
import types
import typing
import warnings

# Any object exporting a contiguous buffer of bytes is accepted where the API says Buffer.
# Type checkers see the buffer protocol itself (so mmap, array('B'), ... type-check); at
# run time this is the plain union, which exists on every supported Python.
if typing.TYPE_CHECKING:
    from typing_extensions import Buffer as Buffer
else:
    Buffer = typing.Union[bytes, bytearray, memoryview]


class CryptographyDeprecationWarning(UserWarning):
    """Warns of an API that a later release will remove."""


# One alias per release that deprecated something, so callers can filter precisely.
DeprecatedIn36 = CryptographyDeprecationWarning
DeprecatedIn40 = CryptographyDeprecationWarning
DeprecatedIn41 = CryptographyDeprecationWarning
DeprecatedIn42 = CryptographyDeprecationWarning
DeprecatedIn43 = CryptographyDeprecationWarning
DeprecatedIn47 = CryptographyDeprecationWarning
DeprecatedIn50 = CryptographyDeprecationWarning


class InterfaceNotImplemented(Exception):
    """An object does not provide an interface it claims to."""


class Enum(enum.Enum):
    """An :class:`enum.Enum` whose ``repr`` is its qualified name, as in the reference."""

    def __repr__(self) -> str:
        return f"<{self.__class__.__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self) -> str:
        return f"{self.__class__.__name__}.{self._name_}"


def int_to_bytes(integer: int, length: int | None = None) -> bytes:
    """Big-endian bytes of a non-negative ``integer``, in ``length`` bytes or as few as fit
    (at least one)."""
    if length is None:
        length = (integer.bit_length() + 7) // 8 or 1
    return integer.to_bytes(length, "big")


class _DeprecatedValue:
    def __init__(self, value: object, message: str, warning_class: type[Warning]) -> None:
        self.value = value
        self.message = message
        self.warning_class = warning_class


class _ModuleWithDeprecations(types.ModuleType):
    """A module whose deprecated attributes warn when read. Installed by changing the
    module's class, so the module object (and everything holding it) stays the same."""

    def __getattribute__(self, attr: str) -> object:
        value = super().__getattribute__(attr)
        if isinstance(value, _DeprecatedValue):
            warnings.warn(value.message, value.warning_class, stacklevel=2)
            return value.value
        return value


def deprecated(
    value: object,
    module_name: str,
    message: str,
    warning_class: type[Warning],
    name: str | None = None,
) -> _DeprecatedValue:
    """Marks ``value`` as deprecated: reading it from module ``module_name`` warns with
    ``message``. With ``name``, the module attribute is set here; otherwise assign the
    returned value to the attribute yourself."""
    module = sys.modules[module_name]
    if not isinstance(module, _ModuleWithDeprecations):
        module.__class__ = _ModuleWithDeprecations
    dv = _DeprecatedValue(value, message, warning_class)
    if name is not None:
        setattr(module, name, dv)
    return dv
