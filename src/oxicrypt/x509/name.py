"""Distinguished names: :class:`NameAttribute`, :class:`RelativeDistinguishedName` and
:class:`Name`, with their RFC 4514 string forms."""

from __future__ import annotations

import binascii
import functools
import typing
import warnings
from collections.abc import Iterable, Iterator, Mapping

from oxicrypt import utils
from oxicrypt.hazmat._oid import NameOID, ObjectIdentifier

__all__ = [
    "Name",
    "NameAttribute",
    "NameAttributeValueType",
    "NameOID",
    "ObjectIdentifier",
    "RelativeDistinguishedName",
]


class _ASN1Type(utils.Enum):
    """The ASN.1 string (or other) type an attribute value is encoded as; the values are
    the universal tag numbers."""

    BitString = 3
    OctetString = 4
    UTF8String = 12
    NumericString = 18
    PrintableString = 19
    T61String = 20
    IA5String = 22
    UTCTime = 23
    GeneralizedTime = 24
    VisibleString = 26
    UniversalString = 28
    BMPString = 30


# The type an attribute gets when the caller names none: what RFC 5280 (appendix A) and
# the CA/Browser Forum require for these attributes; UTF8String for the rest.
# Parsing looks string types up by tag number; calling the Enum is much slower.
_ASN1_TYPES_BY_TAG: dict[int, _ASN1Type] = {member.value: member for member in _ASN1Type}

_DEFAULT_TYPES: dict[ObjectIdentifier, _ASN1Type] = {
    NameOID.COUNTRY_NAME: _ASN1Type.PrintableString,
    NameOID.JURISDICTION_COUNTRY_NAME: _ASN1Type.PrintableString,
    NameOID.SERIAL_NUMBER: _ASN1Type.PrintableString,
    NameOID.DN_QUALIFIER: _ASN1Type.PrintableString,
    NameOID.EMAIL_ADDRESS: _ASN1Type.IA5String,
    NameOID.DOMAIN_COMPONENT: _ASN1Type.IA5String,
}

# Inclusive bounds on the UTF-8 length of some values (ISO 3166 country codes; the
# ub-common-name upper bound of RFC 5280).
_LENGTH_BOUNDS: dict[ObjectIdentifier, tuple[int, int]] = {
    NameOID.COUNTRY_NAME: (2, 2),
    NameOID.JURISDICTION_COUNTRY_NAME: (2, 2),
    NameOID.COMMON_NAME: (1, 64),
}

# The attribute type names RFC 4514 section 3 defines; every other type is written as
# its dotted OID.
_SHORT_NAMES: dict[ObjectIdentifier, str] = {
    NameOID.COMMON_NAME: "CN",
    NameOID.LOCALITY_NAME: "L",
    NameOID.STATE_OR_PROVINCE_NAME: "ST",
    NameOID.ORGANIZATION_NAME: "O",
    NameOID.ORGANIZATIONAL_UNIT_NAME: "OU",
    NameOID.COUNTRY_NAME: "C",
    NameOID.STREET_ADDRESS: "STREET",
    NameOID.DOMAIN_COMPONENT: "DC",
    NameOID.USER_ID: "UID",
}
_OIDS_BY_SHORT_NAME: dict[str, ObjectIdentifier] = {v: k for k, v in _SHORT_NAMES.items()}

# Mappings callers pass to override attribute type names, one per direction.
_OidNameMap = Mapping[ObjectIdentifier, str]
_NameOidMap = Mapping[str, ObjectIdentifier]

# A NameAttribute holds text, except an X500UniqueIdentifier BIT STRING, which holds bytes.
NameAttributeValueType = typing.TypeVar(
    "NameAttributeValueType", typing.Union[str, bytes], str, bytes, covariant=True
)

# Characters RFC 4514 (section 2.4) requires to be escaped anywhere in a value.
_ALWAYS_ESCAPED = '\\"+,;<>'


def _escape_value(value: str | bytes) -> str:
    """``value`` as an RFC 4514 attribute value: bytes as ``#`` and hex, text with the
    characters that would end or confuse the value escaped."""
    if not value:
        return ""
    if isinstance(value, bytes):
        return "#" + value.hex()
    out = "".join("\\" + c if c in _ALWAYS_ESCAPED else c for c in value)
    out = out.replace("\0", "\\00")
    # A trailing space, and a leading space or '#', are escaped once each.
    if out.endswith(" "):
        out = out[:-1] + "\\ "
    if out[0] in " #":
        out = "\\" + out
    return out


def _utf8_length(value: str) -> int:
    return len(value.encode("utf-8"))


class NameAttribute(typing.Generic[NameAttributeValueType]):
    """One attribute of a distinguished name: a type (an OID) and a value."""

    def __init__(
        self,
        oid: ObjectIdentifier,
        value: NameAttributeValueType,
        _type: _ASN1Type | None = None,
        *,
        _validate: bool = True,
    ) -> None:
        if not isinstance(oid, ObjectIdentifier):
            raise TypeError("oid argument must be an ObjectIdentifier instance.")
        if _type == _ASN1Type.BitString:
            if oid != NameOID.X500_UNIQUE_IDENTIFIER:
                raise TypeError("oid must be X500_UNIQUE_IDENTIFIER for BitString type.")
            if not isinstance(value, bytes):
                raise TypeError("value must be bytes for BitString")
        elif not isinstance(value, str):
            raise TypeError("value argument must be a str")

        bounds = _LENGTH_BOUNDS.get(oid)
        if bounds is not None and isinstance(value, str):
            low, high = bounds
            length = _utf8_length(value)
            if not low <= length <= high:
                msg = f"Attribute's length must be >= {low} and <= {high}, but it was {length}"
                # Parsed certificates may carry out-of-range values: those are accepted
                # with a warning rather than refused.
                if _validate:
                    raise ValueError(msg)
                warnings.warn(msg, stacklevel=2)

        if _type is None:
            _type = _DEFAULT_TYPES.get(oid, _ASN1Type.UTF8String)
        elif not isinstance(_type, _ASN1Type):
            raise TypeError("_type must be from the _ASN1Type enum")

        self._oid = oid
        self._value: NameAttributeValueType = value
        self._type: _ASN1Type = _type

    @classmethod
    def _from_parsed(
        cls, oid: ObjectIdentifier, value: str | bytes, tag: int
    ) -> NameAttribute[str | bytes]:
        """A parsed attribute: ``value`` is bytes for a BIT STRING, else text. Lengths out
        of range warn (as the constructor does with ``_validate=False``)."""
        if tag == _ASN1Type.BitString.value and oid != NameOID.X500_UNIQUE_IDENTIFIER:
            raise TypeError("oid must be X500_UNIQUE_IDENTIFIER for BitString type.")
        bounds = _LENGTH_BOUNDS.get(oid)
        if bounds is not None and isinstance(value, str):
            low, high = bounds
            length = _utf8_length(value)
            if not low <= length <= high:
                warnings.warn(
                    f"Attribute's length must be >= {low} and <= {high}, but it was {length}",
                    stacklevel=2,
                )
        attribute: NameAttribute[str | bytes] = object.__new__(cls)
        attribute._oid = oid
        attribute._value = value
        attribute._type = _ASN1_TYPES_BY_TAG.get(tag) or _ASN1Type(tag)
        return attribute

    @property
    def oid(self) -> ObjectIdentifier:
        return self._oid

    @property
    def value(self) -> NameAttributeValueType:
        return self._value

    @property
    def rfc4514_attribute_name(self) -> str:
        """The RFC 4514 short name of the attribute type, or its dotted OID."""
        return _SHORT_NAMES.get(self.oid, self.oid.dotted_string)

    def rfc4514_string(self, attr_name_overrides: _OidNameMap | None = None) -> str:
        """``type=value`` as RFC 4514 writes it; ``attr_name_overrides`` maps OIDs to the
        type names to use instead of the default ones."""
        attr_name = attr_name_overrides.get(self.oid) if attr_name_overrides else None
        if attr_name is None:
            attr_name = self.rfc4514_attribute_name
        return f"{attr_name}={_escape_value(self.value)}"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NameAttribute):
            return NotImplemented
        return self.oid == other.oid and self.value == other.value

    def __hash__(self) -> int:
        return hash((self.oid, self.value))

    def __repr__(self) -> str:
        return f"<NameAttribute(oid={self.oid}, value={self.value!r})>"


class RelativeDistinguishedName:
    """A set of attributes that together form one component of a :class:`Name`."""

    def __init__(self, attributes: Iterable[NameAttribute[str | bytes]]):
        attributes = list(attributes)
        if not attributes:
            raise ValueError("a relative distinguished name cannot be empty")
        if not all(isinstance(attr, NameAttribute) for attr in attributes):
            raise TypeError("attributes must be an iterable of NameAttribute")
        # The order given is kept for iteration and output; equality is that of sets.
        self._attributes = attributes
        self._attribute_set = frozenset(attributes)
        if len(self._attribute_set) != len(attributes):
            raise ValueError("duplicate attributes are not allowed")

    @classmethod
    def _from_parsed(
        cls, attributes: list[tuple[ObjectIdentifier, str | bytes, int]]
    ) -> RelativeDistinguishedName:
        """The RDN of parsed (oid, value, tag number) attributes (at least one)."""
        return cls._from_attributes(
            [NameAttribute._from_parsed(oid, value, tag) for oid, value, tag in attributes]
        )

    @classmethod
    def _from_attributes(
        cls, attributes: list[NameAttribute[str | bytes]]
    ) -> RelativeDistinguishedName:
        """An RDN of parsed attributes (at least one, all NameAttribute)."""
        rdn = object.__new__(cls)
        rdn._attributes = attributes
        # One attribute cannot repeat itself: its set is left to the first comparison.
        if len(attributes) > 1:
            rdn._attribute_set = frozenset(attributes)
            if len(rdn._attribute_set) != len(attributes):
                raise ValueError("duplicate attributes are not allowed")
        return rdn

    @functools.cached_property
    def _attribute_set(self) -> frozenset[NameAttribute[str | bytes]]:
        # Only RDNs made by _from_attributes get here: __init__ sets the set itself.
        return frozenset(self._attributes)

    def get_attributes_for_oid(self, oid: ObjectIdentifier) -> list[NameAttribute[str | bytes]]:
        return [attr for attr in self if attr.oid == oid]

    def rfc4514_string(self, attr_name_overrides: _OidNameMap | None = None) -> str:
        """The attributes in RFC 4514 form, joined with ``+``."""
        return "+".join(attr.rfc4514_string(attr_name_overrides) for attr in self._attributes)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RelativeDistinguishedName):
            return NotImplemented
        return self._attribute_set == other._attribute_set

    def __hash__(self) -> int:
        return hash(self._attribute_set)

    def __iter__(self) -> Iterator[NameAttribute[str | bytes]]:
        return iter(self._attributes)

    def __len__(self) -> int:
        return len(self._attributes)

    def __repr__(self) -> str:
        return f"<RelativeDistinguishedName({self.rfc4514_string()})>"


class Name:
    """A distinguished name: a sequence of relative distinguished names."""

    def __init__(
        self,
        attributes: Iterable[NameAttribute[str | bytes] | RelativeDistinguishedName],
    ) -> None:
        attributes = list(attributes)
        if all(isinstance(attr, NameAttribute) for attr in attributes):
            # Plain attributes each become their own single-valued RDN.
            self._attributes = [
                RelativeDistinguishedName([typing.cast("NameAttribute[str | bytes]", attr)])
                for attr in attributes
            ]
        elif all(isinstance(attr, RelativeDistinguishedName) for attr in attributes):
            self._attributes = typing.cast("list[RelativeDistinguishedName]", attributes)
        else:
            raise TypeError(
                "attributes must be a list of NameAttribute or a list RelativeDistinguishedName"
            )

    @classmethod
    def _from_parsed(cls, rdns: list[list[tuple[ObjectIdentifier, str | bytes, int]]]) -> Name:
        """The Name of a parsed certificate, CSR or CRL: (oid, value, tag number) per
        attribute, grouped by RDN. The values are known to be of the right Python type, so
        the constructors' type checks are skipped; the length checks still warn."""
        name = object.__new__(cls)
        attribute_from_parsed = NameAttribute._from_parsed
        rdn_from_attributes = RelativeDistinguishedName._from_attributes
        # Nearly every RDN holds one attribute: those skip RelativeDistinguishedName._from_parsed
        # and its inner list.
        name._attributes = [
            rdn_from_attributes([attribute_from_parsed(*rdn[0])])
            if len(rdn) == 1
            else RelativeDistinguishedName._from_parsed(rdn)
            for rdn in rdns
        ]
        return name

    @classmethod
    def from_rfc4514_string(
        cls, data: str, attr_name_overrides: _NameOidMap | None = None
    ) -> Name:
        """Parses an RFC 4514 string. Attribute types are the RFC's short names (CN, L, ST,
        O, OU, C, STREET, DC, UID, case-sensitive), dotted OIDs, or the names in
        ``attr_name_overrides``."""
        return _RFC4514Parser(data, attr_name_overrides).parse()

    @classmethod
    def from_bytes(cls, data: bytes) -> Name:
        """Parses a DER-encoded Name."""
        # DER decoding lives in the Rust extension with the rest of the X.509 parser.
        from oxicrypt._rust import x509 as rust_x509

        return rust_x509.decode_name(data)

    def rfc4514_string(self, attr_name_overrides: _OidNameMap | None = None) -> str:
        """The name in RFC 4514 form: RDNs in reverse order, joined with ``,``."""
        return ",".join(
            rdn.rfc4514_string(attr_name_overrides) for rdn in reversed(self._attributes)
        )

    def get_attributes_for_oid(self, oid: ObjectIdentifier) -> list[NameAttribute[str | bytes]]:
        return [attr for attr in self if attr.oid == oid]

    @property
    def rdns(self) -> list[RelativeDistinguishedName]:
        return list(self._attributes)

    def public_bytes(self, backend: typing.Any = None) -> bytes:
        """The DER encoding of the name."""
        # DER encoding lives in the Rust extension with the rest of the X.509 encoder.
        from oxicrypt._rust import x509 as rust_x509

        return rust_x509.encode_name(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Name):
            return NotImplemented
        return self._attributes == other._attributes

    def __hash__(self) -> int:
        return hash(tuple(self._attributes))

    def __iter__(self) -> Iterator[NameAttribute[str | bytes]]:
        for rdn in self._attributes:
            yield from rdn

    def __len__(self) -> int:
        return sum(len(rdn) for rdn in self._attributes)

    def __repr__(self) -> str:
        return f"<Name({self.rfc4514_string()})>"


# RFC 4514 section 3: characters allowed unescaped in a value. Every character from U+0080
# up is allowed; below it, NUL and the characters of _ALWAYS_ESCAPED never are, a space
# may not start or end a value and '#' may not start one.
_SPECIAL_AFTER_BACKSLASH = '\\ #="+,;<>'


def _plain_char_allowed(c: str, *, first: bool) -> bool:
    if c >= "\x80":
        return True
    if c == "\0" or c in _ALWAYS_ESCAPED:
        return False
    return not (first and c in " #")


def _is_hex_pair_char(c: str) -> bool:
    # Decimal digits of any script are taken here and then refused by the hex decoder
    # (ValueError), as the reference does; ASCII letters likewise.
    return c.isdecimal() or ("a" <= c <= "z") or ("A" <= c <= "Z")


def _is_keychar(c: str) -> bool:
    return ("a" <= c <= "z") or ("A" <= c <= "Z") or c.isdecimal() or c == "-"


def _decode_hex_run(pairs: list[str]) -> str:
    # unhexlify refuses anything but ASCII hex digits (binascii.Error, or ValueError for
    # non-ASCII text); the bytes must then be UTF-8.
    return binascii.unhexlify("".join(pairs)).decode("utf-8")


class _RFC4514Parser:
    """A recursive-descent reader of the RFC 4514 grammar (section 3)."""

    def __init__(self, data: str, attr_name_overrides: _NameOidMap | None) -> None:
        self._data = data
        self._pos = 0
        self._names = dict(_OIDS_BY_SHORT_NAME)
        if attr_name_overrides:
            self._names.update(attr_name_overrides)

    def _error(self, what: str) -> ValueError:
        return ValueError(f"invalid RFC 4514 name: {what} at offset {self._pos}")

    def _peek(self) -> str:
        return self._data[self._pos] if self._pos < len(self._data) else ""

    def parse(self) -> Name:
        if not self._data:
            return Name([])
        rdns = []
        while True:
            attributes = [self._attribute()]
            while self._peek() == "+":
                self._pos += 1
                attributes.append(self._attribute())
            rdns.append(RelativeDistinguishedName(attributes))
            separator = self._peek()
            if not separator:
                break
            if separator != ",":
                raise self._error(f"unexpected {separator!r}")
            self._pos += 1
        # RFC 4514 writes the last RDN of the sequence first.
        return Name(reversed(rdns))

    def _attribute(self) -> NameAttribute[str]:
        oid = self._attribute_type()
        if self._peek() != "=":
            raise self._error("expected '='")
        self._pos += 1
        value = self._hex_value() if self._peek() == "#" else self._string_value()
        return NameAttribute(oid, value)

    def _attribute_type(self) -> ObjectIdentifier:
        data, start = self._data, self._pos
        first = self._peek()
        if ("a" <= first <= "z") or ("A" <= first <= "Z"):
            end = start + 1
            while end < len(data) and _is_keychar(data[end]):
                end += 1
            self._pos = end
            name = data[start:end]
            oid = self._names.get(name)
            if oid is None:
                raise self._error(f"unknown attribute type {name!r}")
            return oid
        if "0" <= first <= "9":
            end = start
            while end < len(data) and (data[end] == "." or "0" <= data[end] <= "9"):
                end += 1
            dotted = data[start:end]
            arcs = dotted.split(".")
            # numericoid: two or more arcs, each without leading zeros.
            if len(arcs) < 2 or any(not a or (len(a) > 1 and a[0] == "0") for a in arcs):
                raise self._error(f"invalid numeric OID {dotted!r}")
            self._pos = end
            return ObjectIdentifier(dotted)
        raise self._error("expected an attribute type")

    def _hex_value(self) -> str:
        data = self._data
        pos = self._pos + 1
        pairs = []
        while (
            pos + 1 < len(data)
            and _is_hex_pair_char(data[pos])
            and _is_hex_pair_char(data[pos + 1])
        ):
            pairs.append(data[pos : pos + 2])
            pos += 2
        if not pairs:
            raise self._error("'#' must start a hex string")
        self._pos = pos
        # The encoded bytes are kept as text, as the reference does.
        return _decode_hex_run(pairs)

    def _string_value(self) -> str:
        data = self._data
        pos = self._pos
        # Pieces of the value: plain or escaped characters, and runs of hex escapes (one
        # list each), which together are UTF-8 bytes.
        pieces: list[str | list[str]] = []
        # The end of the value and piece count up to its last character that may end a
        # value (anything but an unescaped space).
        good_end, good_pieces = pos, 0
        while pos < len(data):
            c = data[pos]
            if c == "\\":
                nxt = data[pos + 1 : pos + 2]
                if nxt and nxt in _SPECIAL_AFTER_BACKSLASH:
                    pieces.append(nxt)
                    pos += 2
                elif (
                    pos + 2 < len(data)
                    and _is_hex_pair_char(data[pos + 1])
                    and _is_hex_pair_char(data[pos + 2])
                ):
                    pair = data[pos + 1 : pos + 3]
                    last = pieces[-1] if pieces else None
                    if isinstance(last, list):
                        last.append(pair)
                    else:
                        pieces.append([pair])
                    pos += 3
                else:
                    break
                good_end, good_pieces = pos, len(pieces)
            elif _plain_char_allowed(c, first=pos == self._pos):
                pieces.append(c)
                pos += 1
                if c != " ":
                    good_end, good_pieces = pos, len(pieces)
            else:
                break
        # Unescaped trailing spaces are not part of the value; the separator check that
        # follows then refuses them.
        self._pos = good_end
        return "".join(
            _decode_hex_run(piece) if isinstance(piece, list) else piece
            for piece in pieces[:good_pieces]
        )
