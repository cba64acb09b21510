"""Extension value classes, Extension and Extensions: construction checks (including which
check fires first), properties, equality, hashing and repr, compared with the reference."""

from __future__ import annotations

import datetime
import ipaddress
import itertools
from types import ModuleType
from typing import Any, Callable

import pytest

from oxicrypt import x509
from oxicrypt.hazmat.primitives.asymmetric import ec, ed25519, rsa
from oxicrypt.hazmat.primitives.serialization import Encoding, PublicFormat
from oxicrypt.x509.oid import (
    AuthorityInformationAccessOID,
    CRLEntryExtensionOID,
    ExtendedKeyUsageOID,
    ExtensionOID,
    NameOID,
    ObjectIdentifier,
    OCSPExtensionOID,
)
from tests.x509._differential import assert_same, module, reference

Factory = Callable[[ModuleType], Any]

_DT = datetime.datetime(2020, 1, 1)
_LATER = datetime.datetime(2021, 1, 1)
_AWARE = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))


def _dns(x: ModuleType, value: str = "a") -> Any:
    return x.DNSName(value)


def _uri(x: ModuleType) -> Any:
    return x.UniformResourceIdentifier("http://x")


def _rdn(x: ModuleType) -> Any:
    return x.RelativeDistinguishedName([x.NameAttribute(x.NameOID.COMMON_NAME, "x")])


def _oid(x: ModuleType, dotted: str = "1.2.3") -> Any:
    return x.ObjectIdentifier(dotted)


def _reasons(x: ModuleType, *names: str) -> frozenset[object]:
    return frozenset(getattr(x.ReasonFlags, n) for n in names)


# Candidate values for arguments, by kind; each is a factory of the value for a library.
_BOOLS: dict[str, Factory] = {"T": lambda x: True, "F": lambda x: False, "1": lambda x: 1}
_OPT_INTS: dict[str, Factory] = {
    "None": lambda x: None,
    "0": lambda x: 0,
    "5": lambda x: 5,
    "-1": lambda x: -1,
    "True": lambda x: True,
    "'1'": lambda x: "1",
    "1.0": lambda x: 1.0,
}
_OPT_NAMES: dict[str, Factory] = {
    "None": lambda x: None,
    "[]": lambda x: [],
    "[dns]": lambda x: [_dns(x)],
    "[dns,dns2]": lambda x: [_dns(x), _dns(x, "b")],
    "tuple": lambda x: (_dns(x),),
    "iter": lambda x: iter([_uri(x)]),
    "['x']": lambda x: ["x"],
    "dns": lambda x: _dns(x),
}
_OPT_REASONS: dict[str, Factory] = {
    "None": lambda x: None,
    "empty": lambda x: frozenset(),
    "key": lambda x: _reasons(x, "key_compromise"),
    "two": lambda x: _reasons(x, "key_compromise", "ca_compromise"),
    "unspecified": lambda x: _reasons(x, "unspecified"),
    "remove": lambda x: _reasons(x, "remove_from_crl"),
    "set": lambda x: {x.ReasonFlags.key_compromise},
    "text": lambda x: frozenset(["x"]),
}
_OPT_RDN: dict[str, Factory] = {
    "None": lambda x: None,
    "rdn": _rdn,
    "'x'": lambda x: "x",
}
_OPT_DATES: dict[str, Factory] = {
    "None": lambda x: None,
    "dt": lambda x: _DT,
    "later": lambda x: _LATER,
    "aware": lambda x: _AWARE,
    "date": lambda x: datetime.date(2020, 1, 1),
    "'x'": lambda x: "x",
}
_OPT_OIDS: dict[str, Factory] = {
    "None": lambda x: None,
    "oid": _oid,
    "'1.2'": lambda x: "1.2",
}
_OPT_TEXT: dict[str, Factory] = {
    "None": lambda x: None,
    "'t'": lambda x: "t",
    "b't'": lambda x: b"t",
    "1": lambda x: 1,
}


def _combinations(cls: str, *args: dict[str, Factory]) -> list[object]:
    """A test case per combination of candidate arguments of ``cls``."""
    return [
        pytest.param(
            cls, [args[i][key] for i, key in enumerate(keys)], id=f"{cls}({','.join(keys)})"
        )
        for keys in itertools.product(*args)
    ]


_CONSTRUCTOR_CASES = [
    *_combinations("BasicConstraints", _BOOLS | {"None": lambda x: None}, _OPT_INTS),
    *_combinations("AuthorityKeyIdentifier", _OPT_TEXT, _OPT_NAMES, _OPT_INTS),
    *_combinations("DistributionPoint", _OPT_NAMES, _OPT_RDN, _OPT_REASONS, _OPT_NAMES),
    *_combinations("PolicyConstraints", _OPT_INTS, _OPT_INTS),
    *_combinations("PrivateKeyUsagePeriod", _OPT_DATES, _OPT_DATES),
    *_combinations(
        "NameConstraints",
        _OPT_NAMES
        | {
            "[v4]": lambda x: [x.IPAddress(ipaddress.ip_address("1.2.3.4"))],
            "[net]": lambda x: [x.IPAddress(ipaddress.ip_network("10.0.0.0/8"))],
            "[iface]": lambda x: [x.IPAddress(ipaddress.ip_interface("1.2.3.4/24"))],
        },
        _OPT_NAMES | {"[v4]": lambda x: [x.IPAddress(ipaddress.ip_address("1.2.3.4"))]},
    ),
    *_combinations(
        "IssuingDistributionPoint",
        {
            "None": lambda x: None,
            "[uri]": lambda x: [_uri(x)],
            "[]": lambda x: [],
            "['x']": lambda x: ["x"],
        },
        {"None": lambda x: None, "rdn": _rdn},
        _BOOLS,
        {"F": _BOOLS["F"], "T": _BOOLS["T"]},
        {
            "None": lambda x: None,
            "key": _OPT_REASONS["key"],
            "unspecified": _OPT_REASONS["unspecified"],
            "text": _OPT_REASONS["text"],
            "empty": _OPT_REASONS["empty"],
        },
        _BOOLS,
        {"F": _BOOLS["F"], "T": _BOOLS["T"]},
    ),
    *_combinations("MSCertificateTemplate", _OPT_OIDS, _OPT_INTS, _OPT_INTS),
    *_combinations("NamingAuthority", _OPT_OIDS, _OPT_TEXT, _OPT_TEXT),
    *_combinations(
        "ProfessionInfo",
        {
            "None": lambda x: None,
            "na": lambda x: x.NamingAuthority(None, None, None),
            "'x'": lambda x: "x",
        },
        {
            "[]": lambda x: [],
            "['a']": lambda x: ["a"],
            "['a',1]": lambda x: ["a", 1],
            "'ab'": lambda x: "ab",
            "iter": lambda x: iter(["a"]),
        },
        {
            "None": lambda x: None,
            "[]": lambda x: [],
            "[oid]": lambda x: [_oid(x)],
            "['1.2']": lambda x: ["1.2"],
        },
        _OPT_TEXT,
        _OPT_TEXT | {"bytearray": lambda x: bytearray(b"x")},
    ),
    *_combinations(
        "Admission",
        {"None": lambda x: None, "uri": _uri, "'x'": lambda x: "x"},
        {
            "None": lambda x: None,
            "na": lambda x: x.NamingAuthority(None, "u", "t"),
            "'x'": lambda x: "x",
        },
        {
            "[]": lambda x: [],
            "[pi]": lambda x: [x.ProfessionInfo(None, ["a"], None, None, None)],
            "['x']": lambda x: ["x"],
            "iter": lambda x: iter([]),
        },
    ),
    *_combinations(
        "Admissions",
        {"None": lambda x: None, "uri": _uri, "'x'": lambda x: "x"},
        {
            "[]": lambda x: [],
            "[ad]": lambda x: [x.Admission(None, None, [])],
            "['x']": lambda x: ["x"],
        },
    ),
    *_combinations(
        "AccessDescription",
        {"oid": _oid, "'1.2'": lambda x: "1.2"},
        {"uri": _uri, "'x'": lambda x: "x"},
    ),
    *_combinations(
        "PolicyInformation",
        {"oid": _oid, "'1.2'": lambda x: "1.2"},
        {
            "None": lambda x: None,
            "[]": lambda x: [],
            "mixed": lambda x: ["http://cps", x.UserNotice(None, "t")],
            "[1]": lambda x: [1],
            "[b'x']": lambda x: [b"x"],
            "'abc'": lambda x: "abc",
        },
    ),
    *_combinations(
        "UserNotice",
        {
            "None": lambda x: None,
            "ref": lambda x: x.NoticeReference("o", [1]),
            "'x'": lambda x: "x",
        },
        _OPT_TEXT,
    ),
    *_combinations(
        "NoticeReference",
        _OPT_TEXT,
        {
            "[1,2]": lambda x: [1, 2],
            "[]": lambda x: [],
            "['1']": lambda x: ["1"],
            "[True]": lambda x: [True],
            "(1,)": lambda x: (1,),
            "1": lambda x: 1,
        },
    ),
    *_combinations(
        "KeyUsage",
        *[{"F": _BOOLS["F"], "T": _BOOLS["T"]}] * 4,
        _BOOLS,
        {"F": _BOOLS["F"]},
        {"T": _BOOLS["T"]},
        _BOOLS | {"None": lambda x: None},
        _BOOLS | {"None": lambda x: None},
    ),
]

# Classes taking one argument, with the candidate values for it.
_SINGLE: dict[str, dict[str, Factory]] = {
    "CRLNumber": {
        "5": lambda x: 5,
        "-5": lambda x: -5,
        "'5'": lambda x: "5",
        "True": lambda x: True,
    },
    "DeltaCRLIndicator": {"5": lambda x: 5, "'5'": lambda x: "5", "None": lambda x: None},
    "InhibitAnyPolicy": {
        "0": lambda x: 0,
        "-1": lambda x: -1,
        "'1'": lambda x: "1",
        "True": lambda x: True,
        "1.0": lambda x: 1.0,
    },
    "SubjectKeyIdentifier": {
        "b": lambda x: b"\x01",
        "empty": lambda x: b"",
        "'x'": lambda x: "x",
        "bytearray": lambda x: bytearray(b"x"),
    },
    "OCSPNonce": {
        "b": lambda x: b"x",
        "'x'": lambda x: "x",
        "bytearray": lambda x: bytearray(b"x"),
    },
    "CRLReason": {
        "key": lambda x: x.ReasonFlags.key_compromise,
        "'keyCompromise'": lambda x: "keyCompromise",
    },
    "InvalidityDate": {
        "dt": lambda x: _DT,
        "aware": lambda x: _AWARE,
        "'x'": lambda x: "x",
        "date": lambda x: datetime.date(2020, 1, 1),
    },
    "ExtendedKeyUsage": {
        "two": lambda x: [
            x.oid.ExtendedKeyUsageOID.SERVER_AUTH,
            x.oid.ExtendedKeyUsageOID.CLIENT_AUTH,
        ],
        "[]": lambda x: [],
        "['1.2']": lambda x: ["1.2"],
        "dup": lambda x: [_oid(x), _oid(x)],
        "oid": lambda x: _oid(x),
        "None": lambda x: None,
        "iter": lambda x: iter([_oid(x)]),
    },
    "OCSPAcceptableResponses": {
        "[oid]": lambda x: [_oid(x)],
        "[]": lambda x: [],
        "['1.2']": lambda x: ["1.2"],
    },
    "TLSFeature": {
        "one": lambda x: [x.TLSFeatureType.status_request],
        "both": lambda x: [x.TLSFeatureType.status_request_v2, x.TLSFeatureType.status_request],
        "[]": lambda x: [],
        "[5]": lambda x: [5],
    },
    "CertificatePolicies": {
        "[pi]": lambda x: [x.PolicyInformation(_oid(x), None)],
        "[]": lambda x: [],
        "['x']": lambda x: ["x"],
    },
    "AuthorityInformationAccess": {
        "[ad]": lambda x: [x.AccessDescription(x.oid.AuthorityInformationAccessOID.OCSP, _uri(x))],
        "[]": lambda x: [],
        "['x']": lambda x: ["x"],
    },
    "SubjectInformationAccess": {
        "[ad]": lambda x: [
            x.AccessDescription(x.oid.SubjectInformationAccessOID.CA_REPOSITORY, _uri(x))
        ],
        "['x']": lambda x: ["x"],
    },
    "CRLDistributionPoints": {
        "[dp]": lambda x: [x.DistributionPoint([_uri(x)], None, None, None)],
        "[]": lambda x: [],
        "['x']": lambda x: ["x"],
    },
    "FreshestCRL": {
        "[dp]": lambda x: [x.DistributionPoint([_uri(x)], None, None, None)],
        "['x']": lambda x: ["x"],
    },
    "PrecertificateSignedCertificateTimestamps": {"[]": lambda x: [], "['x']": lambda x: ["x"]},
    "SignedCertificateTimestamps": {"[]": lambda x: [], "['x']": lambda x: ["x"]},
    **{
        cls: {
            "all": lambda x: [
                x.DNSName("a"),
                x.RFC822Name("b@c"),
                _uri(x),
                x.IPAddress(ipaddress.ip_address("1.2.3.4")),
                x.IPAddress(ipaddress.ip_network("10.0.0.0/8")),
                x.RegisteredID(x.NameOID.COMMON_NAME),
                x.DirectoryName(x.Name([x.NameAttribute(x.NameOID.COMMON_NAME, "x")])),
                x.OtherName(x.NameOID.COMMON_NAME, b"\x05\x00"),
            ],
            "[]": lambda x: [],
            "['a']": lambda x: ["a"],
            "dns": lambda x: _dns(x),
            "iter": lambda x: iter([_dns(x)]),
        }
        for cls in [
            "GeneralNames",
            "SubjectAlternativeName",
            "IssuerAlternativeName",
            "CertificateIssuer",
        ]
    },
}

_CONSTRUCTOR_CASES += [
    pytest.param(cls, [factory], id=f"{cls}({key})")
    for cls, candidates in _SINGLE.items()
    for key, factory in candidates.items()
]

_CONSTRUCTOR_CASES += [
    pytest.param("UnrecognizedExtension", [oid, value], id=f"UnrecognizedExtension({k1},{k2})")
    for k1, oid in {"oid": _oid, "'1.2'": lambda x: "1.2"}.items()
    for k2, value in {
        "b": lambda x: b"\x05\x00",
        "'x'": lambda x: "x",
        "bytearray": lambda x: bytearray(b"x"),
    }.items()
] + [
    pytest.param("OCSPNoCheck", [], id="OCSPNoCheck()"),
    pytest.param("PrecertPoison", [], id="PrecertPoison()"),
]


@pytest.mark.parametrize(("cls", "args"), _CONSTRUCTOR_CASES)
def test_construction_matches_reference(cls: str, args: list[Factory]) -> None:
    """The same value (compared by repr) or the same exception and message."""
    assert_same(lambda x: getattr(x, cls)(*[arg(x) for arg in args]))


def _public_attributes(value: object) -> dict[str, object]:
    attrs: dict[str, object] = {}
    for name in dir(type(value)):
        if name.startswith("_") or name in {"oid", "public_bytes"}:
            continue
        member = getattr(type(value), name)
        if isinstance(member, property):
            try:
                attrs[name] = repr(getattr(value, name))
            except ValueError as error:
                attrs[name] = f"ValueError: {error}"
        elif name == "get_values_for_type":
            attrs[name] = "method"
    return attrs


@pytest.mark.parametrize(("cls", "args"), _CONSTRUCTOR_CASES)
def test_properties_match_reference(cls: str, args: list[Factory]) -> None:
    """Every property of the constructed value, the length and items where it is a
    sequence, and the class OID."""

    def details(x: ModuleType) -> Any:
        value = getattr(x, cls)(*[arg(x) for arg in args])
        result: dict[str, object] = _public_attributes(value)
        if hasattr(value, "__len__"):
            result["len"] = len(value)
        if hasattr(value, "__iter__"):
            result["items"] = repr(list(value))
        if hasattr(value, "__getitem__") and hasattr(value, "__len__") and len(value):
            result["first"] = repr(value[0])
            result["slice"] = repr(value[0:1])
        if cls != "UnrecognizedExtension" and hasattr(type(value), "oid"):
            result["oid"] = repr(type(value).oid)
        return result

    assert_same(details)


@pytest.mark.parametrize(("cls", "args"), _CONSTRUCTOR_CASES)
def test_equality_and_hash_match_reference(cls: str, args: list[Factory]) -> None:
    def compare(x: ModuleType) -> Any:
        a = getattr(x, cls)(*[arg(x) for arg in args])
        b = getattr(x, cls)(*[arg(x) for arg in args])
        return a == b, a != b, hash(a) == hash(b), a.__eq__(object())

    assert_same(compare)


_GENERAL_NAME_TYPES = [
    "DNSName", "RFC822Name", "UniformResourceIdentifier", "IPAddress", "RegisteredID",
    "DirectoryName", "OtherName", "GeneralName",
]  # fmt: skip


@pytest.mark.parametrize("kind", _GENERAL_NAME_TYPES)
@pytest.mark.parametrize(
    "cls", ["GeneralNames", "SubjectAlternativeName", "IssuerAlternativeName", "CertificateIssuer"]
)
def test_get_values_for_type_matches_reference(cls: str, kind: str) -> None:
    assert_same(
        lambda x: getattr(x, cls)(_SINGLE[cls]["all"](x)).get_values_for_type(getattr(x, kind))
    )


_OTHER_CASES = {
    "ku-order-sensitive-none": lambda x: (
        x.KeyUsage(True, False, False, False, False, False, False, False, False)
        == x.KeyUsage(True, False, False, False, False, False, False, None, None)
    ),
    "ku-truthy-equal": lambda x: (
        x.KeyUsage(1, 0, 0, 0, 0, 0, 0, 0, 0)
        == x.KeyUsage(True, False, False, False, False, False, False, False, False)
    ),
    "gns-order": lambda x: (
        x.GeneralNames([_dns(x), _dns(x, "b")]) == x.GeneralNames([_dns(x, "b"), _dns(x)])
    ),
    "san-vs-gns": lambda x: x.SubjectAlternativeName([_dns(x)]).__eq__(x.GeneralNames([_dns(x)])),
    "san-vs-ian": lambda x: (
        x.SubjectAlternativeName([_dns(x)]) == x.IssuerAlternativeName([_dns(x)])
    ),
    "eku-order": lambda x: (
        x.ExtendedKeyUsage([_oid(x), _oid(x, "1.2.4")])
        == x.ExtendedKeyUsage([_oid(x, "1.2.4"), _oid(x)])
    ),
    "crlnumber-vs-delta": lambda x: x.CRLNumber(5) == x.DeltaCRLIndicator(5),
    "nocheck-vs-poison": lambda x: x.OCSPNoCheck() == x.PrecertPoison(),
    "nocheck-hash": lambda x: hash(x.OCSPNoCheck()) == hash(x.OCSPNoCheck()),
    "nc-order": lambda x: (
        x.NameConstraints([_dns(x), _dns(x, "b")], None)
        == x.NameConstraints([_dns(x, "b"), _dns(x)], None)
    ),
    "aki-from-ski": lambda x: x.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(
        x.SubjectKeyIdentifier(b"\x01\x02")
    ),
    "aki-from-bytes": lambda x: x.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(
        b"\x01"
    ),
    "invalidity-utc-naive": lambda x: x.InvalidityDate(_DT).invalidity_date_utc,
    "invalidity-utc-aware": lambda x: x.InvalidityDate(_AWARE).invalidity_date_utc,
    "pkup-naive-vs-aware": lambda x: x.PrivateKeyUsagePeriod(_AWARE, _LATER),
    "reason-flags": lambda x: list(x.ReasonFlags),
    "reason-str": lambda x: str(x.ReasonFlags.key_compromise),
    "tls-feature-types": lambda x: list(x.TLSFeatureType),
    "admissions-iteration": lambda x: list(x.Admissions(None, [x.Admission(None, None, [])])),
    "extension-type-instantiable": lambda x: type(x.ExtensionType()).__name__,
    "sct-list-index": lambda x: x.SignedCertificateTimestamps([])[0],
    "idp-unchecked-relative-name": lambda x: x.IssuingDistributionPoint(
        None, "x", False, False, None, True, False
    ),
}


@pytest.mark.parametrize("case", _OTHER_CASES)
def test_semantics_match_reference(case: str) -> None:
    assert_same(_OTHER_CASES[case])


def _bc(x: ModuleType) -> Any:
    return x.Extension(x.oid.ExtensionOID.BASIC_CONSTRAINTS, True, x.BasicConstraints(True, 1))


def _unrecognized(x: ModuleType) -> Any:
    oid = _oid(x)
    return x.Extension(oid, False, x.UnrecognizedExtension(oid, b"\x05\x00"))


_EXTENSION_CASES = {
    "extension": _bc,
    "oid-text": lambda x: x.Extension("2.5.29.19", True, x.BasicConstraints(True, 1)),
    "critical-int": lambda x: x.Extension(
        x.oid.ExtensionOID.BASIC_CONSTRAINTS, 1, x.BasicConstraints(True, 1)
    ),
    "any-value": lambda x: x.Extension(x.oid.ExtensionOID.BASIC_CONSTRAINTS, True, 5),
    "mismatched-oid": lambda x: x.Extension(
        x.oid.ExtensionOID.KEY_USAGE, True, x.BasicConstraints(True, 1)
    ),
    "properties": lambda x: (_bc(x).oid, _bc(x).critical, _bc(x).value),
    "equal": lambda x: (_bc(x) == _bc(x), hash(_bc(x)) == hash(_bc(x)), _bc(x).__eq__(1)),
    "critical-differs": lambda x: (
        _bc(x)
        == x.Extension(x.oid.ExtensionOID.BASIC_CONSTRAINTS, False, x.BasicConstraints(True, 1))
    ),
    "extensions": lambda x: x.Extensions([_bc(x), _unrecognized(x)]),
    "extensions-empty": lambda x: x.Extensions([]),
    "extensions-anything": lambda x: x.Extensions([1]),
    "extensions-len": lambda x: len(x.Extensions([_bc(x), _bc(x)])),
    "extensions-index": lambda x: x.Extensions([_bc(x)])[0],
    "extensions-slice": lambda x: x.Extensions([_bc(x), _unrecognized(x)])[1:],
    "extensions-iter": lambda x: list(x.Extensions([_bc(x)])),
    "extensions-no-equality": lambda x: x.Extensions([_bc(x)]) == x.Extensions([_bc(x)]),
    "for-oid": lambda x: x.Extensions([_bc(x)]).get_extension_for_oid(
        x.oid.ExtensionOID.BASIC_CONSTRAINTS
    ),
    "for-unrecognized-oid": lambda x: x.Extensions([_unrecognized(x)]).get_extension_for_oid(
        _oid(x)
    ),
    "for-missing-oid": lambda x: x.Extensions([_bc(x)]).get_extension_for_oid(
        x.oid.ExtensionOID.KEY_USAGE
    ),
    "for-class": lambda x: x.Extensions([_bc(x)]).get_extension_for_class(x.BasicConstraints),
    "for-class-by-value": lambda x: x.Extensions(
        [x.Extension(x.oid.ExtensionOID.KEY_USAGE, False, x.BasicConstraints(False, None))]
    ).get_extension_for_class(x.BasicConstraints),
    "for-missing-class": lambda x: x.Extensions([_bc(x)]).get_extension_for_class(x.KeyUsage),
    "for-unrecognized-class": lambda x: x.Extensions([_unrecognized(x)]).get_extension_for_class(
        x.UnrecognizedExtension
    ),
    "not-found": lambda x: x.ExtensionNotFound("m", x.oid.ExtensionOID.KEY_USAGE).oid,
    "duplicate": lambda x: x.DuplicateExtension("m", x.oid.ExtensionOID.KEY_USAGE).oid,
}


@pytest.mark.parametrize("case", _EXTENSION_CASES)
def test_extension_and_extensions_match_reference(case: str) -> None:
    assert_same(_EXTENSION_CASES[case])


def test_extensions_lookups() -> None:
    bc = x509.Extension(ExtensionOID.BASIC_CONSTRAINTS, True, x509.BasicConstraints(True, 0))
    extensions = x509.Extensions([bc])
    assert extensions.get_extension_for_oid(ExtensionOID.BASIC_CONSTRAINTS) is bc
    assert extensions.get_extension_for_class(x509.BasicConstraints) is bc
    with pytest.raises(x509.ExtensionNotFound) as info:
        extensions.get_extension_for_class(x509.KeyUsage)
    assert info.value.oid == ExtensionOID.KEY_USAGE
    with pytest.raises(TypeError):
        extensions.get_extension_for_class(x509.UnrecognizedExtension)


def test_key_usage_encipher_decipher() -> None:
    agreement = x509.KeyUsage(False, False, False, False, True, False, False, True, False)
    assert agreement.encipher_only is True
    assert agreement.decipher_only is False
    signing = x509.KeyUsage(True, False, False, False, False, False, False, False, False)
    with pytest.raises(ValueError, match="encipher_only is undefined"):
        signing.encipher_only  # noqa: B018
    with pytest.raises(ValueError, match="decipher_only is undefined"):
        signing.decipher_only  # noqa: B018
    with pytest.raises(ValueError):
        x509.KeyUsage(True, False, False, False, False, False, False, False, True)


def test_class_oids() -> None:
    assert x509.SubjectAlternativeName.oid == ExtensionOID.SUBJECT_ALTERNATIVE_NAME
    assert x509.CRLReason.oid == CRLEntryExtensionOID.CRL_REASON
    assert x509.CertificateIssuer.oid == CRLEntryExtensionOID.CERTIFICATE_ISSUER
    assert x509.OCSPNonce.oid == OCSPExtensionOID.NONCE
    assert x509.UnrecognizedExtension(ObjectIdentifier("1.2"), b"").oid == ObjectIdentifier("1.2")


def test_distribution_point_values() -> None:
    point = x509.DistributionPoint(
        iter([x509.UniformResourceIdentifier("http://crl")]),
        None,
        frozenset([x509.ReasonFlags.key_compromise]),
        None,
    )
    assert point.full_name == [x509.UniformResourceIdentifier("http://crl")]
    assert point.reasons == frozenset([x509.ReasonFlags.key_compromise])
    assert x509.CRLDistributionPoints([point])[0] is point
    access = x509.AccessDescription(
        AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier("http://ocsp")
    )
    aia = x509.AuthorityInformationAccess([access])
    assert list(aia) == [access]
    assert x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH])[0] is (
        ExtendedKeyUsageOID.SERVER_AUTH
    )
    assert x509.SubjectAlternativeName([x509.DNSName("a")]).get_values_for_type(x509.DNSName) == [
        "a"
    ]
    assert x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "a")]) in {
        x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "a")])
    }


def _public_keys() -> dict[str, Any]:
    return {
        "rsa": rsa.generate_private_key(65537, 1024).public_key(),
        "ec": ec.generate_private_key(ec.SECP256R1()).public_key(),
        "ed25519": ed25519.Ed25519PrivateKey.generate().public_key(),
    }


@pytest.mark.parametrize("kind", ["rsa", "ec", "ed25519"])
def test_key_identifier_from_public_key_matches_reference(kind: str) -> None:
    reference()
    key = _public_keys()[kind]
    spki = key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    serialization = module("cryptography", "hazmat.primitives.serialization")
    theirs_key = serialization.load_der_public_key(spki)
    ref_x509 = module("cryptography", "x509")
    expected = ref_x509.SubjectKeyIdentifier.from_public_key(theirs_key).digest
    assert x509.SubjectKeyIdentifier.from_public_key(key).digest == expected
    aki = x509.AuthorityKeyIdentifier.from_issuer_public_key(key)
    assert aki == x509.AuthorityKeyIdentifier(expected, None, None)


def test_key_identifier_is_sha1_of_key_bits() -> None:
    import hashlib

    key = ed25519.Ed25519PublicKey.from_public_bytes(bytes(range(32)))
    assert x509.SubjectKeyIdentifier.from_public_key(key).digest == (
        hashlib.sha1(bytes(range(32))).digest()
    )
    with pytest.raises(AttributeError):
        x509.SubjectKeyIdentifier.from_public_key("not a key")  # type: ignore[arg-type]
