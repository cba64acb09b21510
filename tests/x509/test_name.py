"""Names: attribute validation, RDN and Name semantics, and the RFC 4514 string forms, most
of it compared with the reference."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.x509 import Name, NameAttribute, ObjectIdentifier, RelativeDistinguishedName
from oxicrypt.x509.name import _ASN1Type
from oxicrypt.x509.oid import NameOID
from tests.x509._differential import Build, assert_same, module, outcome, reference


def _attr(x: ModuleType, oid: str, value: object, *args: object, **kwargs: object) -> Any:
    oid_obj = getattr(x.NameOID, oid) if oid.isupper() else x.ObjectIdentifier(oid)
    return x.NameAttribute(oid_obj, value, *args, **kwargs)


def _asn1(x: ModuleType, name: str) -> Any:
    return getattr(x.name._ASN1Type, name)


# (description, constructor) pairs; each runs against both libraries.
_ATTRIBUTE_CASES = {
    "cn": lambda x: _attr(x, "COMMON_NAME", "a"),
    "cn-64": lambda x: _attr(x, "COMMON_NAME", "a" * 64),
    "cn-65": lambda x: _attr(x, "COMMON_NAME", "a" * 65),
    "cn-65-unvalidated": lambda x: _attr(x, "COMMON_NAME", "a" * 65, _validate=False),
    "cn-empty": lambda x: _attr(x, "COMMON_NAME", ""),
    "cn-empty-unvalidated": lambda x: _attr(x, "COMMON_NAME", "", _validate=False),
    "cn-utf8-length": lambda x: _attr(x, "COMMON_NAME", "\U0001d54f" * 17),
    "country": lambda x: _attr(x, "COUNTRY_NAME", "US"),
    "country-3": lambda x: _attr(x, "COUNTRY_NAME", "USA"),
    "country-1-unvalidated": lambda x: _attr(x, "COUNTRY_NAME", "U", _validate=False),
    "country-utf8": lambda x: _attr(x, "COUNTRY_NAME", "\xe91"),
    "jurisdiction-country": lambda x: _attr(x, "JURISDICTION_COUNTRY_NAME", "USA"),
    "org-long": lambda x: _attr(x, "ORGANIZATION_NAME", "a" * 300),
    "org-empty": lambda x: _attr(x, "ORGANIZATION_NAME", ""),
    "oid-as-text": lambda x: x.NameAttribute("2.5.4.3", "a"),
    "bytes-value": lambda x: _attr(x, "COMMON_NAME", b"a"),
    "int-value": lambda x: _attr(x, "COMMON_NAME", 1),
    "int-value-and-bad-type": lambda x: _attr(x, "COMMON_NAME", 1, "x"),
    "bad-type": lambda x: _attr(x, "COMMON_NAME", "a", "x"),
    "bad-type-int": lambda x: _attr(x, "COMMON_NAME", "a", 12),
    "bad-type-after-length": lambda x: _attr(x, "COMMON_NAME", "", "x"),
    "bmp": lambda x: _attr(x, "COMMON_NAME", "a", _asn1(x, "BMPString")),
    "uid-bitstring": lambda x: _attr(
        x, "X500_UNIQUE_IDENTIFIER", b"\x00\xff", _asn1(x, "BitString")
    ),
    "uid-bitstring-empty": lambda x: _attr(
        x, "X500_UNIQUE_IDENTIFIER", b"", _asn1(x, "BitString")
    ),
    "uid-bitstring-text": lambda x: _attr(x, "X500_UNIQUE_IDENTIFIER", "a", _asn1(x, "BitString")),
    "uid-bitstring-bytearray": lambda x: _attr(
        x, "X500_UNIQUE_IDENTIFIER", bytearray(b"a"), _asn1(x, "BitString")
    ),
    "uid-bytes-without-type": lambda x: _attr(x, "X500_UNIQUE_IDENTIFIER", b"a"),
    "uid-text": lambda x: _attr(x, "X500_UNIQUE_IDENTIFIER", "a"),
    "cn-bitstring": lambda x: _attr(x, "COMMON_NAME", b"a", _asn1(x, "BitString")),
    "unknown-oid": lambda x: _attr(x, "1.2.3", "a"),
    "keywords": lambda x: x.NameAttribute(oid=x.NameOID.COMMON_NAME, value="a"),
}


@pytest.mark.parametrize("case", _ATTRIBUTE_CASES)
def test_name_attribute_construction_matches_reference(case: str) -> None:
    assert_same(_ATTRIBUTE_CASES[case])


def _attribute_details(attr: Any) -> tuple[object, ...]:
    return (
        repr(attr),
        attr.rfc4514_string(),
        attr.rfc4514_attribute_name,
        attr._type.name,
    )


@pytest.mark.parametrize(
    "oid", [name for name in vars(NameOID) if name.isupper() and name != "X500_UNIQUE_IDENTIFIER"]
)
def test_default_type_and_short_name_match_reference(oid: str) -> None:
    assert_same(lambda x: _attribute_details(_attr(x, oid, "ab")))


def test_default_types() -> None:
    assert NameAttribute(NameOID.COUNTRY_NAME, "US")._type is _ASN1Type.PrintableString
    assert NameAttribute(NameOID.EMAIL_ADDRESS, "a@b")._type is _ASN1Type.IA5String
    assert NameAttribute(NameOID.COMMON_NAME, "a")._type is _ASN1Type.UTF8String


def test_length_warning_points_at_caller() -> None:
    with pytest.warns(UserWarning, match="length must be >= 2 and <= 2, but it was 3") as w:
        NameAttribute(NameOID.COUNTRY_NAME, "USA", _validate=False)
    assert w[0].filename == __file__


def test_name_attribute_equality_ignores_type() -> None:
    a = NameAttribute(NameOID.COMMON_NAME, "a")
    b = NameAttribute(NameOID.COMMON_NAME, "a", _ASN1Type.BMPString)
    assert a == b
    assert hash(a) == hash(b)
    assert a != NameAttribute(NameOID.COMMON_NAME, "b")
    assert a != NameAttribute(NameOID.ORGANIZATION_NAME, "a")
    assert a.__eq__("a") is NotImplemented


_ESCAPE_VALUES = [
    "a",
    " ",
    "  ",
    "  a  ",
    "#",
    "##",
    "a#",
    "# ",
    " #",
    "\x00\x00",
    "\x01\x7f",
    "\r\n",
    "a=b",
    "\xe9",
    "\\",
    'a\\b"c+d,e;f<g>h',
    "\ud800",
]


@pytest.mark.parametrize("value", _ESCAPE_VALUES)
def test_rfc4514_escaping_matches_reference(value: str) -> None:
    assert_same(lambda x: _attr(x, "ORGANIZATION_NAME", value).rfc4514_string())


def test_rfc4514_escaping() -> None:
    def escaped(value: str) -> str:
        return NameAttribute(NameOID.COMMON_NAME, value).rfc4514_string()

    assert escaped('#a, b+c"d\\e<f>g;h=i\x00 ') == 'CN=\\#a\\, b\\+c\\"d\\\\e\\<f\\>g\\;h=i\\00\\ '
    assert escaped(" a ") == "CN=\\ a\\ "
    assert escaped(" ") == "CN=\\ "


def test_rfc4514_bytes_and_overrides() -> None:
    uid = NameAttribute(NameOID.X500_UNIQUE_IDENTIFIER, b"\x00\xff a", _ASN1Type.BitString)
    assert uid.rfc4514_string() == "2.5.4.45=#00ff2061"
    empty = NameAttribute(NameOID.X500_UNIQUE_IDENTIFIER, b"", _ASN1Type.BitString)
    assert empty.rfc4514_string({NameOID.X500_UNIQUE_IDENTIFIER: "UID"}) == "UID="
    email = NameAttribute(NameOID.EMAIL_ADDRESS, "a@b")
    assert email.rfc4514_attribute_name == "1.2.840.113549.1.9.1"
    assert email.rfc4514_string({NameOID.EMAIL_ADDRESS: "E"}) == "E=a@b"
    assert email.rfc4514_string({NameOID.COMMON_NAME: "X"}) == "1.2.840.113549.1.9.1=a@b"


def _cn(x: ModuleType, value: str = "a") -> Any:
    return _attr(x, "COMMON_NAME", value)


def _o(x: ModuleType, value: str = "b") -> Any:
    return _attr(x, "ORGANIZATION_NAME", value)


def _c(x: ModuleType) -> Any:
    return _attr(x, "COUNTRY_NAME", "US")


_RDN_CASES = {
    "two": lambda x: x.RelativeDistinguishedName([_cn(x), _o(x)]),
    "reordered-repr": lambda x: x.RelativeDistinguishedName([_o(x), _cn(x)]),
    "generator": lambda x: x.RelativeDistinguishedName(a for a in [_cn(x), _o(x)]),
    "empty": lambda x: x.RelativeDistinguishedName([]),
    "duplicate": lambda x: x.RelativeDistinguishedName([_cn(x), _cn(x)]),
    "duplicate-other-type": lambda x: x.RelativeDistinguishedName(
        [_cn(x), _attr(x, "COMMON_NAME", "a", _asn1(x, "BMPString"))]
    ),
    "not-attribute": lambda x: x.RelativeDistinguishedName([_cn(x), 1]),
    "only-not-attribute": lambda x: x.RelativeDistinguishedName(["a"]),
    "single-attribute": lambda x: x.RelativeDistinguishedName(_cn(x)),
    "list": lambda x: list(x.RelativeDistinguishedName([_o(x), _cn(x)])),
    "len": lambda x: len(x.RelativeDistinguishedName([_o(x), _cn(x)])),
    "for-oid": lambda x: x.RelativeDistinguishedName([_o(x), _cn(x)]).get_attributes_for_oid(
        x.NameOID.COMMON_NAME
    ),
    "rfc4514-overrides": lambda x: x.RelativeDistinguishedName([_o(x), _cn(x)]).rfc4514_string(
        {x.NameOID.ORGANIZATION_NAME: "ORG"}
    ),
    "set-equality": lambda x: (
        x.RelativeDistinguishedName([_o(x), _cn(x)])
        == x.RelativeDistinguishedName([_cn(x), _o(x)])
    ),
    "set-hash": lambda x: (
        hash(x.RelativeDistinguishedName([_o(x), _cn(x)]))
        == hash(x.RelativeDistinguishedName([_cn(x), _o(x)]))
    ),
    "subscript": lambda x: x.RelativeDistinguishedName([_cn(x)])[0],
}


@pytest.mark.parametrize("case", _RDN_CASES)
def test_rdn_matches_reference(case: str) -> None:
    assert_same(_RDN_CASES[case])


_NAME_CASES = {
    "attributes": lambda x: x.Name([_cn(x), _o(x), _c(x)]),
    "str": lambda x: str(x.Name([_cn(x), _o(x), _c(x)])),
    "rdns": lambda x: x.Name([_cn(x), _o(x), _c(x)]).rdns,
    "multi-valued": lambda x: x.Name(
        [x.RelativeDistinguishedName([_cn(x), _o(x)]), x.RelativeDistinguishedName([_c(x)])]
    ),
    "len": lambda x: len(
        x.Name(
            [x.RelativeDistinguishedName([_cn(x), _o(x)]), x.RelativeDistinguishedName([_c(x)])]
        )
    ),
    "iteration": lambda x: list(
        x.Name(
            [x.RelativeDistinguishedName([_cn(x), _o(x)]), x.RelativeDistinguishedName([_c(x)])]
        )
    ),
    "mixed": lambda x: x.Name([x.RelativeDistinguishedName([_cn(x)]), _c(x)]),
    "empty": lambda x: x.Name([]),
    "empty-string": lambda x: x.Name([]).rfc4514_string(),
    "not-attributes": lambda x: x.Name([1]),
    "text": lambda x: x.Name("abc"),
    "generator": lambda x: x.Name(a for a in [_cn(x)]),
    "attribute-vs-rdn": lambda x: (
        x.Name([_cn(x)]) == x.Name([x.RelativeDistinguishedName([_cn(x)])])
    ),
    "order-matters": lambda x: x.Name([_cn(x), _o(x)]) == x.Name([_o(x), _cn(x)]),
    "rdn-order-does-not": lambda x: (
        x.Name([x.RelativeDistinguishedName([_cn(x), _o(x)])])
        == x.Name([x.RelativeDistinguishedName([_o(x), _cn(x)])])
    ),
    "for-oid": lambda x: x.Name([_cn(x), _o(x), _cn(x, "z")]).get_attributes_for_oid(
        x.NameOID.COMMON_NAME
    ),
    "for-missing-oid": lambda x: x.Name([_cn(x)]).get_attributes_for_oid(x.NameOID.TITLE),
    "subscript": lambda x: x.Name([_cn(x)])[0],
    "overrides": lambda x: x.Name([_cn(x), _o(x), _c(x)]).rfc4514_string(
        {x.NameOID.COMMON_NAME: "NAME"}
    ),
    "dotted-types": lambda x: x.Name(
        [
            _attr(x, "EMAIL_ADDRESS", "x@y"),
            _attr(x, "USER_ID", "u"),
            _attr(x, "DOMAIN_COMPONENT", "dc"),
            _attr(x, "STREET_ADDRESS", "s"),
            _attr(x, "LOCALITY_NAME", "l"),
            _attr(x, "STATE_OR_PROVINCE_NAME", "st"),
            _attr(x, "ORGANIZATIONAL_UNIT_NAME", "ou"),
            _attr(x, "SERIAL_NUMBER", "sn"),
            _attr(x, "SURNAME", "sur"),
            _attr(x, "GIVEN_NAME", "gn"),
            _attr(x, "TITLE", "t"),
        ]
    ).rfc4514_string(),
    "bitstring": lambda x: x.Name(
        [_attr(x, "X500_UNIQUE_IDENTIFIER", b"\x00", _asn1(x, "BitString"))]
    ),
}


@pytest.mark.parametrize("case", _NAME_CASES)
def test_name_matches_reference(case: str) -> None:
    assert_same(_NAME_CASES[case])


def test_name_semantics() -> None:
    cn = NameAttribute(NameOID.COMMON_NAME, "a")
    o = NameAttribute(NameOID.ORGANIZATION_NAME, "b")
    name = Name([cn, o])
    assert list(name) == [cn, o]
    assert len(name) == 2
    assert name.rdns == [RelativeDistinguishedName([cn]), RelativeDistinguishedName([o])]
    assert name.rfc4514_string() == "O=b,CN=a"
    assert name == Name([RelativeDistinguishedName([cn]), RelativeDistinguishedName([o])])
    assert hash(name) == hash(Name([cn, o]))
    assert name != Name([o, cn])
    assert name.__eq__(1) is NotImplemented
    with pytest.raises(TypeError):
        Name([cn, RelativeDistinguishedName([o])])


def _parsed(data: str, overrides: dict[str, str] | None = None) -> Build:
    def build(x: ModuleType) -> Any:
        names = {k: x.ObjectIdentifier(v) for k, v in overrides.items()} if overrides else None
        name = x.Name.from_rfc4514_string(data, names)
        return repr(name), [(a.oid.dotted_string, a.value, a._type.name) for a in name]

    return build


_RFC4514_INPUTS = [
    "", "CN=a", "cn=a", "Cn=a", "CN=a,O=b", "CN=a+O=b,C=US", "O=a+L=b+ST=c", "CN=a;O=b",
    "E=x", "emailAddress=x", "UID=x", "DC=x", "STREET=x", "Street=x", "L=x", "ST=x", "OU=x",
    "C=US", "C=USA", "CN=", "O=", "1.2.3=x", "1.2=x", "1.0=x", "2.999=x", "1=x", "01.2.3=x",
    "1.02=x", "1.2.3.=x", ".1.2=x", "3.1=x", "1.40=x", "OID.2.5.4.3=a", "2.5.4.3=a",
    "1.2.3=#0403616263", "CN=#0c0161", "CN=#", "O=#", "O=#a", "O=#z", "O=#6", "CN=#zz",
    "O=#gg", "O=#zzz", "O=#0g", "O=#00zz", "O=#E9", "O=#c3a9", "O=#ababab", "O=#6162",
    "O=#6162,CN=x", "O=#6162x", "O=#6162 ", "O=#6162+CN=a", "O=#__", "O=#\xe9\xe9",
    "O=#\u0660\u0660", "2.5.4.45=#030200ff", "CN=a\\,b", "CN=a\\2cb", "CN=a\\2Cb", "CN=\\e9",
    "CN=\\c3\\a9", "O=\\C3\\A9", "O=\\c3x\\a9", "O=a\\c3\\a9b", "O=\\c3\\,\\a9", "O=\\41\\42",
    "CN=a\\", "CN=a\\zz", "O=\\2", "O=a\\2", "O=a\\2,CN=b", "O=\\g", "O=\\__",
    "O=\\\u0660\u0660", "O=\\\\", "O=\\#", "O=\\=", 'O=\\"', "O=\\;", "O=\\<\\>", "O=\\ ",
    "O=\\5c", "O=\\2b", "O=\\4", "O=a\\\\", "CN = a", " CN=a", "CN=a ", "CN=a\\ ", "CN=\\ a",
    "O= ", "CN= a", "O=a b", "O=a  b", "O=a \\ ", "CN=a,", ",CN=a", "CN=a,,O=b", "CN=a+",
    "O=a,,", "foo=a", "CN=a=b", "O==a", 'CN=a"b', 'CN="ab"', 'O="x"', 'O="', "CN=a<b",
    "CN=a#b", "CN=#a", "O=\\#a", "O=a\\#", "CN=\xe9", "CN=a\nb", "O=\x01", "O=\x1f",
    "O=\x7f", "O=\x80", "O=\x85", "O=\u3000", "O=a\u3000", "O=\ud800", "O=\x00", "O=a\x00b",
    "CN=a+CN=a", "CN=a\\00", "CN=\\00", "x500UniqueIdentifier=#0302", "GN=a", "SN=x",
    "givenName=x", "C-D=x", "A1=x", "1A=x", "O=x, CN=y", "O=x ,CN=y", "O=x,CN=y+L=z", "=x",
    "O", "O=x+", "1.2.3 =x",
]  # fmt: skip


# The two libraries word refusals of malformed OIDs differently.
_BAD_OIDS = {"3.1=x", "1.40=x"}


@pytest.mark.parametrize("data", _RFC4514_INPUTS)
def test_from_rfc4514_string_matches_reference(data: str) -> None:
    kind, _, _ = assert_same(_parsed(data), messages=data not in _BAD_OIDS)
    # Both refused or both accepted; a refusal is a ValueError (or a subclass of it).
    if kind != "ok":
        with pytest.raises(ValueError):
            Name.from_rfc4514_string(data)


@pytest.mark.parametrize(
    ("data", "overrides"),
    [
        ("FOO=a", {"FOO": "2.5.4.3"}),
        ("foo=a", {"FOO": "2.5.4.3"}),
        ("CN=a", {"CN": "2.5.4.10"}),
        ("CN=a", {"FOO": "2.5.4.10"}),
        ("1.2.3=x", {"1.2.3": "2.5.4.3"}),
        ("A-B=x", {"A-B": "2.5.4.3"}),
        ("a_b=x", {"a_b": "2.5.4.3"}),
        ("a b=x", {"a b": "2.5.4.3"}),
        ("1A=x", {"1A": "2.5.4.3"}),
        ("CN=x", {}),
    ],
)
def test_from_rfc4514_string_overrides_match_reference(
    data: str, overrides: dict[str, str]
) -> None:
    assert_same(_parsed(data, overrides))


def test_from_rfc4514_string() -> None:
    name = Name.from_rfc4514_string("CN=a\\,b+O=x,C=US")
    assert name == Name(
        [
            RelativeDistinguishedName([NameAttribute(NameOID.COUNTRY_NAME, "US")]),
            RelativeDistinguishedName(
                [
                    NameAttribute(NameOID.COMMON_NAME, "a,b"),
                    NameAttribute(NameOID.ORGANIZATION_NAME, "x"),
                ]
            ),
        ]
    )
    assert [a._type for a in name] == [
        _ASN1Type.PrintableString,
        _ASN1Type.UTF8String,
        _ASN1Type.UTF8String,
    ]
    assert Name.from_rfc4514_string("FOO=a", {"FOO": NameOID.TITLE}) == Name(
        [NameAttribute(NameOID.TITLE, "a")]
    )
    with pytest.raises(ValueError):
        Name.from_rfc4514_string("CN=a ")


# Text built mostly from the characters that matter to RFC 4514.
_RFC4514_TEXT = st.lists(
    st.one_of(
        st.sampled_from('\\ #="+,;<>0123456789abcdefABCDEFgzZ.-'),
        st.sampled_from(["CN", "O", "C", "OU", "1.2.3", "2.5.4.3", "\\c3", "\\a9", "\x00"]),
        st.characters(),
    ),
    max_size=16,
).map("".join)


@given(data=_RFC4514_TEXT)
def test_parsing_random_text_matches_reference(data: str) -> None:
    assert_same(_parsed(data), messages=False)


@given(data=_RFC4514_TEXT)
def test_parsing_random_attribute_values_matches_reference(data: str) -> None:
    assert_same(_parsed("O=" + data + ",CN=x"), messages=False)


_OIDS = [
    "COMMON_NAME",
    "ORGANIZATION_NAME",
    "ORGANIZATIONAL_UNIT_NAME",
    "LOCALITY_NAME",
    "STATE_OR_PROVINCE_NAME",
    "STREET_ADDRESS",
    "DOMAIN_COMPONENT",
    "USER_ID",
    "EMAIL_ADDRESS",
    "TITLE",
    "SERIAL_NUMBER",
]

_VALUES = st.text(
    alphabet=st.one_of(
        st.sampled_from('\\ #="+,;<>\x00'), st.characters(exclude_categories=["Cs"])
    ),
    min_size=1,
    max_size=12,
)

_RDNS = st.lists(
    st.lists(st.tuples(st.sampled_from(_OIDS), _VALUES), min_size=1, max_size=3, unique=True),
    max_size=4,
)


def _build_name(x: ModuleType, rdns: list[list[tuple[str, str]]]) -> Any:
    return x.Name(
        [x.RelativeDistinguishedName([_attr(x, oid, value) for oid, value in rdn]) for rdn in rdns]
    )


@given(rdns=_RDNS)
def test_rfc4514_round_trip(rdns: list[list[tuple[str, str]]]) -> None:
    x = module("oxicrypt", "x509")
    try:
        name = _build_name(x, rdns)
    except ValueError:
        return  # an RDN with equal attributes, or a common name too long
    text = name.rfc4514_string()
    assert Name.from_rfc4514_string(text) == name


@given(rdns=_RDNS)
def test_rfc4514_string_matches_reference(rdns: list[list[tuple[str, str]]]) -> None:
    reference()
    x = module("oxicrypt", "x509")
    ref = module("cryptography", "x509")
    ours = outcome(lambda m: _build_name(m, rdns).rfc4514_string(), x)
    assert ours == outcome(lambda m: _build_name(m, rdns).rfc4514_string(), ref)
    if ours[0] == "ok":
        parsed = outcome(lambda m: _parsed(_build_name(m, rdns).rfc4514_string())(m), x)
        assert parsed == outcome(
            lambda m: _parsed(_build_name(m, rdns).rfc4514_string())(m),
            ref,
        )


def test_unknown_oid_round_trip() -> None:
    name = Name([NameAttribute(ObjectIdentifier("1.2.3.4"), "x y")])
    assert name.rfc4514_string() == "1.2.3.4=x y"
    assert Name.from_rfc4514_string(name.rfc4514_string()) == name


def test_der_encoding_is_kept_and_stays_right() -> None:
    """A Name keeps its DER after the first encoding (names are immutable); the kept bytes
    are the encoding, survive copying, and are not shared between names."""
    import copy

    a = Name([NameAttribute(NameOID.COMMON_NAME, "a.example")])
    b = Name([NameAttribute(NameOID.COMMON_NAME, "b.example")])
    der_a = a.public_bytes()
    assert a.public_bytes() == der_a == Name.from_bytes(der_a).public_bytes()
    assert b.public_bytes() != der_a
    assert Name.from_bytes(der_a) == a
    for clone in (copy.copy(a), copy.deepcopy(a)):
        assert clone == a and clone.public_bytes() == der_a


def test_der_encoding_of_subclasses_is_not_kept() -> None:
    class Changing(Name):
        @property
        def rdns(self) -> list[RelativeDistinguishedName]:
            return [RelativeDistinguishedName([NameAttribute(NameOID.COMMON_NAME, self.cn)])]

    name = Changing([])
    name.cn = "first"  # type: ignore[attr-defined]
    first = name.public_bytes()
    name.cn = "second"  # type: ignore[attr-defined]
    assert name.public_bytes() != first
    assert Name.from_bytes(name.public_bytes()).rfc4514_string() == "CN=second"


def _der_name(*rdns: bytes) -> bytes:
    """A Name's DER from its RDNs' DER (short-form lengths only)."""
    body = b"".join(rdns)
    return b"\x30" + bytes([len(body)]) + body


def _der_rdn(*attributes: tuple[bytes, bytes]) -> bytes:
    """An RDN's DER from (OID content, UTF8String content) pairs."""
    body = b""
    for oid, value in attributes:
        atv = b"\x06" + bytes([len(oid)]) + oid + b"\x0c" + bytes([len(value)]) + value
        body += b"\x30" + bytes([len(atv)]) + atv
    return b"\x31" + bytes([len(body)]) + body


_CN = bytes([0x55, 0x04, 0x03])
_OU = bytes([0x55, 0x04, 0x0B])


def test_parsed_names_equal_and_hash_like_constructed_ones() -> None:
    """Parsed single-attribute RDNs build their attribute set only when compared: they
    still equal, hash and copy like RDNs made by the constructor."""
    import copy

    der = _der_name(_der_rdn((_CN, b"a.example")), _der_rdn((_CN, b"b"), (_OU, b"x")))
    parsed = Name.from_bytes(der)
    built = Name(
        [
            RelativeDistinguishedName([NameAttribute(NameOID.COMMON_NAME, "a.example")]),
            RelativeDistinguishedName(
                [
                    NameAttribute(NameOID.COMMON_NAME, "b"),
                    NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "x"),
                ]
            ),
        ]
    )
    assert parsed == built and hash(parsed) == hash(built)
    assert parsed.rdns[0] == built.rdns[0] and hash(parsed.rdns[0]) == hash(built.rdns[0])
    assert parsed.rdns[0] != RelativeDistinguishedName(
        [NameAttribute(NameOID.COMMON_NAME, "other")]
    )
    assert {parsed.rdns[0], built.rdns[0]} == {built.rdns[0]}
    assert copy.copy(parsed) == built and copy.deepcopy(parsed) == built


def test_parsed_rdn_with_a_repeated_attribute_is_refused() -> None:
    der = _der_name(_der_rdn((_CN, b"a"), (_CN, b"a")))
    with pytest.raises(ValueError, match="duplicate"):
        Name.from_bytes(der)
    assert assert_same(lambda x: x.Name.from_bytes(der), messages=False)[0] == "ValueError"


def test_kept_der_is_only_trusted_on_exact_names() -> None:
    class Tagged(Name):
        pass

    name = Tagged([NameAttribute(NameOID.COMMON_NAME, "a.example")])
    name._der = b"not this"  # type: ignore[attr-defined]
    assert Name.from_bytes(name.public_bytes()) == name
