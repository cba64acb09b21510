"""General names (RFC 5280 section 4.2.1.6): the ways a certificate names a subject or an
issuer in extensions."""

from __future__ import annotations

import abc
import ipaddress
import typing
from email.utils import parseaddr

from oxicrypt.hazmat._oid import ObjectIdentifier
from oxicrypt.x509.name import Name

__all__ = [
    "DNSName",
    "DirectoryName",
    "GeneralName",
    "IPAddress",
    "Name",
    "ObjectIdentifier",
    "OtherName",
    "RFC822Name",
    "RegisteredID",
    "UniformResourceIdentifier",
    "UnsupportedGeneralNameType",
]

_IPAddressTypes = typing.Union[
    ipaddress.IPv4Address,
    ipaddress.IPv6Address,
    ipaddress.IPv4Network,
    ipaddress.IPv6Network,
]

_A_LABEL_HINT = (
    "values should be passed as an A-label string. This means unicode characters should "
    "be encoded via a library like idna."
)


class UnsupportedGeneralNameType(Exception):
    """A general name of a kind oxicrypt does not handle (x400Address, ediPartyName)."""


class GeneralName(metaclass=abc.ABCMeta):
    """One general name; ``value`` is what it names."""

    @property
    @abc.abstractmethod
    def value(self) -> typing.Any:
        """The name itself."""


def _ascii_text(value: object, kind: str) -> str:
    """``value`` checked to be text, and ASCII: internationalized names must arrive already
    converted (IDNA A-labels, RFC 5280 section 7)."""
    if not isinstance(value, str):
        raise TypeError("value must be string")
    try:
        value.encode("ascii")
    except UnicodeEncodeError:
        raise ValueError(f"{kind} {_A_LABEL_HINT}") from None
    return value


_TextNameT = typing.TypeVar("_TextNameT", bound="_TextName")


class _TextName(GeneralName):
    """A general name whose value is ASCII text."""

    _kind: typing.ClassVar[str]

    def __init__(self, value: str) -> None:
        self._value = _ascii_text(value, self._kind)

    @classmethod
    def _init_without_validation(cls: type[_TextNameT], value: str) -> _TextNameT:
        """Wraps ``value`` unchecked: the parser keeps names that certificates carry even
        when they break the rules (non-ASCII, say)."""
        instance = cls.__new__(cls)
        instance._value = value
        return instance

    @property
    def value(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"<{type(self).__name__}(value={self.value!r})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, type(self)):
            return NotImplemented
        return self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


# The text name classes re-bind the inherited public members in their own namespace, as
# the reference defines them on each class: introspection then finds them there.


class DNSName(_TextName):
    """A DNS name (dNSName), such as ``example.com`` or ``*.example.com``."""

    _kind = "DNSName"
    __init__ = _TextName.__init__
    value = _TextName.value


class RFC822Name(_TextName):
    """An email address (rfc822Name)."""

    _kind = "RFC822Name"
    value = _TextName.value

    def __init__(self, value: str) -> None:
        super().__init__(value)
        # A bare address only: no display name, nothing the mail parser cannot read.
        name, address = parseaddr(value)
        if name or not address:
            raise ValueError("Invalid rfc822name value")


class UniformResourceIdentifier(_TextName):
    """A URI (uniformResourceIdentifier)."""

    _kind = "URI"
    __init__ = _TextName.__init__
    value = _TextName.value


class DirectoryName(GeneralName):
    """A distinguished name (directoryName)."""

    def __init__(self, value: Name) -> None:
        if not isinstance(value, Name):
            raise TypeError("value must be a Name")
        self._value = value

    @property
    def value(self) -> Name:
        return self._value

    def __repr__(self) -> str:
        return f"<DirectoryName(value={self.value})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DirectoryName):
            return NotImplemented
        return self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


class RegisteredID(GeneralName):
    """A registered object identifier (registeredID)."""

    def __init__(self, value: ObjectIdentifier) -> None:
        if not isinstance(value, ObjectIdentifier):
            raise TypeError("value must be an ObjectIdentifier")
        self._value = value

    @property
    def value(self) -> ObjectIdentifier:
        return self._value

    def __repr__(self) -> str:
        return f"<RegisteredID(value={self.value})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RegisteredID):
            return NotImplemented
        return self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


class IPAddress(GeneralName):
    """An IP address (iPAddress); a network in name constraints."""

    def __init__(self, value: _IPAddressTypes) -> None:
        if not isinstance(
            value,
            (
                ipaddress.IPv4Address,
                ipaddress.IPv6Address,
                ipaddress.IPv4Network,
                ipaddress.IPv6Network,
            ),
        ):
            raise TypeError(
                "value must be an instance of ipaddress.IPv4Address, ipaddress.IPv6Address, "
                "ipaddress.IPv4Network, or ipaddress.IPv6Network"
            )
        self._value: _IPAddressTypes = value

    @property
    def value(self) -> _IPAddressTypes:
        return self._value

    def _packed(self) -> bytes:
        """The OCTET STRING contents: the address, or a network's address then its mask
        (RFC 5280 section 4.2.1.10)."""
        value = self.value
        if isinstance(value, (ipaddress.IPv4Address, ipaddress.IPv6Address)):
            return value.packed
        return value.network_address.packed + value.netmask.packed

    def __repr__(self) -> str:
        return f"<IPAddress(value={self.value})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, IPAddress):
            return NotImplemented
        return self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


class OtherName(GeneralName):
    """A name of a type identified by an OID (otherName); ``value`` is its DER encoding."""

    def __init__(self, type_id: ObjectIdentifier, value: bytes) -> None:
        if not isinstance(type_id, ObjectIdentifier):
            raise TypeError("type_id must be an ObjectIdentifier")
        if not isinstance(value, bytes):
            raise TypeError("value must be a binary string")
        self._type_id = type_id
        self._value = value

    @property
    def type_id(self) -> ObjectIdentifier:
        return self._type_id

    @property
    def value(self) -> bytes:
        return self._value

    def __repr__(self) -> str:
        return f"<OtherName(type_id={self.type_id}, value={self.value!r})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OtherName):
            return NotImplemented
        return self.type_id == other.type_id and self.value == other.value

    def __hash__(self) -> int:
        return hash((self.type_id, self.value))
