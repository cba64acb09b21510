"""General names: validation, equality and repr, compared with the reference."""

from __future__ import annotations

import ipaddress
from types import ModuleType
from typing import Any, Callable

import pytest

from oxicrypt.x509 import (
    DirectoryName,
    DNSName,
    GeneralName,
    IPAddress,
    Name,
    NameAttribute,
    OtherName,
    RegisteredID,
    RFC822Name,
    UniformResourceIdentifier,
    UnsupportedGeneralNameType,
)
from oxicrypt.x509.oid import NameOID
from tests.x509._differential import assert_same

_TEXT_VALUES = ["example.com", "ex ample.com", "\xe9xample.com", b"example.com", "", 1, None]
_TEXT_CLASSES = ["DNSName", "RFC822Name", "UniformResourceIdentifier"]


@pytest.mark.parametrize("cls", _TEXT_CLASSES)
@pytest.mark.parametrize("value", _TEXT_VALUES)
def test_text_names_match_reference(cls: str, value: object) -> None:
    assert_same(lambda x: getattr(x, cls)(value))


@pytest.mark.parametrize("cls", _TEXT_CLASSES)
def test_init_without_validation_matches_reference(cls: str) -> None:
    assert_same(lambda x: getattr(x, cls)._init_without_validation("\xe9"))
    assert_same(lambda x: getattr(x, cls)._init_without_validation("\xe9").value)


_RFC822_VALUES = [
    "a", "@", "a@b", "name <a@b>", "<a@b>", "a b", '"x" <y>', "a,b", "a@b, c@d",
    "(comment) a@b", "a@b (c)", " ", "\x00", ":", ";", "a:b;", "<>", '""', '"a b"@c',
    "a@", "@b", "x <>", "\t", "a@[1.2.3.4]", "group: a@b;", "a..b@c", "\\", '"', "(",
]  # fmt: skip


@pytest.mark.parametrize("value", _RFC822_VALUES)
def test_rfc822_validation_matches_reference(value: str) -> None:
    assert_same(lambda x: x.RFC822Name(value))


def _name(x: ModuleType) -> Any:
    return x.Name([x.NameAttribute(x.NameOID.COMMON_NAME, "x")])


_IP_VALUES = {
    "v4": lambda: ipaddress.ip_address("1.2.3.4"),
    "v6": lambda: ipaddress.ip_address("::1"),
    "v4-network": lambda: ipaddress.ip_network("10.0.0.0/8"),
    "v6-network": lambda: ipaddress.ip_network("::/0"),
    "interface": lambda: ipaddress.ip_interface("1.2.3.4/24"),
    "text": lambda: "1.2.3.4",
    "int": lambda: 1,
}


def _ip_case(make: Callable[[], object]) -> Callable[[ModuleType], object]:
    return lambda x: x.IPAddress(make())


_CASES = {
    "directory": lambda x: x.DirectoryName(_name(x)),
    "directory-empty": lambda x: x.DirectoryName(x.Name([])),
    "directory-text": lambda x: x.DirectoryName("CN=x"),
    "registered": lambda x: x.RegisteredID(x.NameOID.COMMON_NAME),
    "registered-text": lambda x: x.RegisteredID("1.2"),
    "other": lambda x: x.OtherName(x.NameOID.COMMON_NAME, b"\x05\x00"),
    "other-text-oid": lambda x: x.OtherName("1.2", b"\x05\x00"),
    "other-text-value": lambda x: x.OtherName(x.NameOID.COMMON_NAME, "x"),
    "other-bytearray": lambda x: x.OtherName(x.NameOID.COMMON_NAME, bytearray(b"x")),
    "other-type-id": lambda x: x.OtherName(x.NameOID.COMMON_NAME, b"x").type_id,
    "unsupported": lambda x: x.UnsupportedGeneralNameType("x"),
    "abstract": lambda x: x.GeneralName(),
    "dns-vs-email": lambda x: x.DNSName("a") == x.RFC822Name("a"),
    "case-sensitive": lambda x: x.DNSName("a") == x.DNSName("A"),
    "str": lambda x: str(x.DNSName("a")),
    **{f"ip-{name}": _ip_case(make) for name, make in _IP_VALUES.items()},
}


@pytest.mark.parametrize("case", _CASES)
def test_general_names_match_reference(case: str) -> None:
    assert_same(_CASES[case])


def test_equality_and_hash() -> None:
    name = Name([NameAttribute(NameOID.COMMON_NAME, "x")])
    pairs: list[tuple[GeneralName, GeneralName, GeneralName]] = [
        (DNSName("a"), DNSName("a"), DNSName("b")),
        (RFC822Name("a@b"), RFC822Name("a@b"), RFC822Name("a@c")),
        (UniformResourceIdentifier("u:x"), UniformResourceIdentifier("u:x"), DNSName("u:x")),
        (DirectoryName(name), DirectoryName(Name(list(name))), DirectoryName(Name([]))),
        (RegisteredID(NameOID.TITLE), RegisteredID(NameOID.TITLE), RegisteredID(NameOID.SURNAME)),
        (
            IPAddress(ipaddress.ip_address("::1")),
            IPAddress(ipaddress.ip_address("::1")),
            IPAddress(ipaddress.ip_network("::1/128")),
        ),
        (
            OtherName(NameOID.TITLE, b"\x05\x00"),
            OtherName(NameOID.TITLE, b"\x05\x00"),
            OtherName(NameOID.SURNAME, b"\x05\x00"),
        ),
    ]
    for a, same, other in pairs:
        assert isinstance(a, GeneralName)
        assert a == same
        assert hash(a) == hash(same)
        assert a != other
        assert a.__eq__(object()) is NotImplemented


def test_values() -> None:
    assert DNSName("example.com").value == "example.com"
    assert DNSName._init_without_validation("\xe9").value == "\xe9"
    assert IPAddress(ipaddress.ip_network("10.0.0.0/8"))._packed() == bytes(
        [10, 0, 0, 0, 255, 0, 0, 0]
    )
    assert IPAddress(ipaddress.ip_address("1.2.3.4"))._packed() == bytes([1, 2, 3, 4])
    assert OtherName(NameOID.TITLE, b"\x05\x00").type_id == NameOID.TITLE
    assert issubclass(UnsupportedGeneralNameType, Exception)
    with pytest.raises(ValueError, match="A-label"):
        DNSName("\xe9xample.com")
    with pytest.raises(ValueError, match="Invalid rfc822name value"):
        RFC822Name("Name <a@b>")
