"""``ExtensionType.public_bytes()``: the DER of extension values.

Three angles: every extension of the X.509 corpus re-encodes to the reference's bytes (and
to the bytes in the file where the reference reproduces them); values built with
hypothesis encode like the reference's and decode back to themselves when placed in a
certificate or CRL; and a few exact encodings and errors.
"""

from __future__ import annotations

import datetime
import ipaddress
import warnings
from types import ModuleType
from typing import Any, Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import oxicrypt.x509 as ox
from tests.x509 import _corpus
from tests.x509._differential import reference

LOADERS = {
    "certificate": "load_der_x509_certificate",
    "csr": "load_der_x509_csr",
    "crl": "load_der_x509_crl",
}


# --- DER reading and writing, enough to reach extensions and to wrap them ---------------


def _tlv(tag: int, content: bytes) -> bytes:
    n = len(content)
    if n < 0x80:
        length = bytes([n])
    else:
        raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(raw)]) + raw
    return bytes([tag]) + length + content


def _elements(data: bytes) -> list[tuple[int, bytes]]:
    """The (tag, content) of each element of ``data``, one-byte tags only."""
    out = []
    i = 0
    while i < len(data):
        tag, n = data[i], data[i + 1]
        i += 2
        if n & 0x80:
            k = n & 0x7F
            n = int.from_bytes(data[i : i + k], "big")
            i += k
        out.append((tag, data[i : i + n]))
        i += n
    return out


def _raw_extensions(tbs_certificate: bytes) -> list[bytes]:
    """The extnValue contents of a TBSCertificate's extensions, in order."""
    ((_, tbs),) = _elements(tbs_certificate)
    for tag, content in _elements(tbs):
        if tag == 0xA3:
            ((_, extensions),) = _elements(content)
            return [_elements(ext)[-1][1] for _, ext in _elements(extensions)]
    return []


# --- The corpus ---------------------------------------------------------------------------


def _documents() -> list[tuple[str, str, bytes]]:
    out = []
    for name in _corpus.corpus_files():
        data = _corpus.read(name)
        if _corpus.is_pem(data):
            out.extend((name, kind, der) for kind, der in _corpus.pem_blocks(data))
        else:
            out.extend((name, kind, data) for kind in _corpus.KINDS)
    return out


def _extension_pairs(ours: Any, ref: Any, kind: str) -> list[tuple[Any, Any]]:
    pairs = list(zip(ours.extensions, ref.extensions))
    if kind == "crl":
        for our_entry, ref_entry in zip(ours, ref):
            try:
                pairs.extend(zip(our_entry.extensions, ref_entry.extensions))
            except Exception:
                continue
    return pairs


def _outcome(value: Any) -> bytes | str:
    try:
        out: bytes = value.public_bytes()
        return out
    except Exception as e:
        return f"{type(e).__name__}: {e}"


def test_corpus_extensions_encode_like_the_reference() -> None:
    rx = reference()
    compared = 0
    as_in_file = 0
    seen: set[str] = set()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, kind, der in _documents():
            try:
                ours = getattr(ox, LOADERS[kind])(der)
                ref = getattr(rx, LOADERS[kind])(der)
                pairs = _extension_pairs(ours, ref, kind)
            except Exception:
                continue
            for our_ext, ref_ext in pairs:
                expected = _outcome(ref_ext.value)
                assert _outcome(our_ext.value) == expected, (name, our_ext)
                compared += 1
                seen.add(type(our_ext.value).__name__)
            if kind == "certificate":
                raw = _raw_extensions(ours.tbs_certificate_bytes)
                for (our_ext, ref_ext), value in zip(pairs, raw):
                    if _outcome(ref_ext.value) == value:
                        assert our_ext.value.public_bytes() == value
                        as_in_file += 1
    # The corpus covers most extension types; a loader change that lost them shows here.
    assert compared > 2500
    assert as_in_file > 1500
    assert len(seen) >= 29


# --- Constructed values: the same recipe through both libraries -------------------------

Recipe = Callable[[ModuleType], Any]

_oids = st.sampled_from(["1.2.3", "2.5.29.99", "1.3.6.1.4.1.11129.2.4.9", "2.999.1"])
_ascii = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=20)
_dns = st.from_regex(r"\A[a-z][a-z0-9]{0,8}(\.[a-z][a-z0-9]{0,8}){0,2}\Z")
_text = st.text(
    st.characters(blacklist_categories=("Cs",), min_codepoint=0x20), min_size=1, max_size=12
)


def _name(x: ModuleType, cn: str) -> Any:
    return x.Name(
        [
            x.NameAttribute(x.NameOID.COUNTRY_NAME, "DE"),
            x.NameAttribute(x.NameOID.COMMON_NAME, cn),
        ]
    )


@st.composite
def _general_name(draw: st.DrawFn, network: bool = False) -> Recipe:
    kind = draw(st.sampled_from(["dns", "email", "uri", "dir", "rid", "ip", "other"]))
    if kind == "dns":
        value = draw(_dns)
        return lambda x: x.DNSName(value)
    if kind == "email":
        local = draw(_dns)
        return lambda x: x.RFC822Name(f"{local}@example.com")
    if kind == "uri":
        path = draw(_dns)
        return lambda x: x.UniformResourceIdentifier(f"https://{path}/x")
    if kind == "dir":
        cn = draw(_text)
        return lambda x: x.DirectoryName(_name(x, cn))
    if kind == "rid":
        oid = draw(_oids)
        return lambda x: x.RegisteredID(x.ObjectIdentifier(oid))
    if kind == "ip":
        v6 = draw(st.booleans())
        if network:
            prefix = draw(st.integers(0, 128 if v6 else 32))
            base = "2001:db8::" if v6 else "10.0.0.0"
            net = ipaddress.ip_network(f"{base}/{prefix}", strict=False)
            return lambda x: x.IPAddress(net)
        addr = draw(st.ip_addresses(v=6 if v6 else 4))
        return lambda x: x.IPAddress(addr)
    oid = draw(_oids)
    payload = draw(st.binary(max_size=8))
    return lambda x: x.OtherName(x.ObjectIdentifier(oid), _tlv(0x04, payload))


def _many(recipes: list[Recipe]) -> Callable[[ModuleType], list[Any]]:
    return lambda x: [r(x) for r in recipes]


_reasons = st.frozensets(
    st.sampled_from(
        [
            "key_compromise",
            "ca_compromise",
            "affiliation_changed",
            "superseded",
            "cessation_of_operation",
            "certificate_hold",
            "privilege_withdrawn",
            "aa_compromise",
        ]
    ),
    min_size=1,
)


@st.composite
def _distribution_point(draw: st.DrawFn) -> Recipe:
    form = draw(st.sampled_from(["full", "relative", "none"]))
    full = _many(draw(st.lists(_general_name(), min_size=1, max_size=2)))
    cn = draw(_text)
    reasons = draw(st.none() | _reasons)
    issuer = draw(st.none() | st.lists(_general_name(), min_size=1, max_size=2))
    if form == "none" and issuer is None:
        issuer = [lambda x: x.DNSName("crl.example")]

    def build(x: ModuleType) -> Any:
        return x.DistributionPoint(
            full(x) if form == "full" else None,
            x.RelativeDistinguishedName(
                [
                    x.NameAttribute(x.NameOID.COMMON_NAME, cn),
                    x.NameAttribute(x.NameOID.ORGANIZATION_NAME, "o"),
                ]
            )
            if form == "relative"
            else None,
            None if reasons is None else frozenset(getattr(x.ReasonFlags, r) for r in reasons),
            None if issuer is None else _many(issuer)(x),
        )

    return build


@st.composite
def _policy(draw: st.DrawFn) -> Recipe:
    oid = draw(_oids)
    qualifiers = draw(
        st.none()
        | st.lists(
            st.one_of(
                _ascii.map(lambda s: ("cps", s)),
                st.tuples(
                    st.just("notice"),
                    st.none() | st.tuples(_text, st.lists(st.integers(0, 2**70), max_size=3)),
                    st.none() | _text,
                ),
            ),
            min_size=1,
            max_size=3,
        )
    )

    def qualifier(x: ModuleType, q: Any) -> Any:
        if q[0] == "cps":
            return q[1]
        ref = None if q[1] is None else x.NoticeReference(q[1][0], q[1][1])
        return x.UserNotice(ref, q[2])

    return lambda x: x.PolicyInformation(
        x.ObjectIdentifier(oid),
        None if qualifiers is None else [qualifier(x, q) for q in qualifiers],
    )


def _key_usage(draw: st.DrawFn) -> Recipe:
    flags = draw(st.lists(st.booleans(), min_size=9, max_size=9))
    if not flags[4]:
        flags[7] = flags[8] = False
    return lambda x: x.KeyUsage(*flags)


@st.composite
def _certificate_extension(draw: st.DrawFn) -> Recipe:
    kind = draw(st.integers(0, 17))
    if kind == 0:
        ca = draw(st.booleans())
        path = draw(st.none() | st.integers(0, 2**40)) if ca else None
        return lambda x: x.BasicConstraints(ca, path)
    if kind == 1:
        return _key_usage(draw)
    if kind == 2:
        names = _many(draw(st.lists(_general_name(), min_size=1, max_size=4)))
        return lambda x: x.SubjectAlternativeName(names(x))
    if kind == 3:
        digest = draw(st.binary(min_size=1, max_size=32))
        return lambda x: x.SubjectKeyIdentifier(digest)
    if kind == 4:
        key_id = draw(st.none() | st.binary(min_size=1, max_size=20))
        with_issuer = draw(st.booleans())
        issuer = _many(draw(st.lists(_general_name(), min_size=1, max_size=2)))
        serial = draw(st.integers(0, 2**159))
        return lambda x: x.AuthorityKeyIdentifier(
            key_id, issuer(x) if with_issuer else None, serial if with_issuer else None
        )
    if kind == 5:
        usages = draw(st.lists(_oids, min_size=1, max_size=4))
        return lambda x: x.ExtendedKeyUsage([x.ObjectIdentifier(o) for o in usages])
    if kind == 6:
        points = draw(st.lists(_distribution_point(), min_size=1, max_size=3))
        cls = draw(st.sampled_from(["CRLDistributionPoints", "FreshestCRL"]))
        return lambda x: getattr(x, cls)([p(x) for p in points])
    if kind == 7:
        policies = draw(st.lists(_policy(), min_size=1, max_size=3))
        return lambda x: x.CertificatePolicies([p(x) for p in policies])
    if kind == 8:
        permitted = draw(st.none() | st.lists(_general_name(True), min_size=1, max_size=3))
        excluded = draw(st.lists(_general_name(True), min_size=1, max_size=3))
        if permitted is not None and draw(st.booleans()):
            excluded_or_none = None
        else:
            excluded_or_none = excluded
        return lambda x: x.NameConstraints(
            None if permitted is None else _many(permitted)(x),
            None if excluded_or_none is None else _many(excluded_or_none)(x),
        )
    if kind == 9:
        methods = draw(st.lists(st.tuples(st.booleans(), _general_name()), min_size=1))
        cls = draw(st.sampled_from(["AuthorityInformationAccess", "SubjectInformationAccess"]))
        return lambda x: getattr(x, cls)(
            [
                x.AccessDescription(
                    x.AuthorityInformationAccessOID.OCSP
                    if ocsp
                    else x.AuthorityInformationAccessOID.CA_ISSUERS,
                    name(x),
                )
                for ocsp, name in methods
            ]
        )
    if kind == 10:
        explicit = draw(st.none() | st.integers(0, 1000))
        mapping = draw(st.none() | st.integers(0, 1000))
        if explicit is None and mapping is None:
            mapping = 3
        return lambda x: x.PolicyConstraints(explicit, mapping)
    if kind == 11:
        skip = draw(st.integers(0, 2**31))
        return lambda x: x.InhibitAnyPolicy(skip)
    if kind == 12:
        features = draw(
            st.lists(st.sampled_from(["status_request", "status_request_v2"]), min_size=1)
        )
        return lambda x: x.TLSFeature([getattr(x.TLSFeatureType, f) for f in features])
    if kind == 13:
        template = draw(_oids)
        major = draw(st.none() | st.integers(0, 2**32 - 1))
        # Both versions are INTEGER OPTIONAL: a minor version alone would read as a major.
        minor = draw(st.none() | st.integers(0, 2**32 - 1)) if major is not None else None
        return lambda x: x.MSCertificateTemplate(x.ObjectIdentifier(template), major, minor)
    if kind == 14:
        return _admissions(draw)
    if kind == 15:
        # Whole seconds: GeneralizedTime here carries no fraction.
        moment = st.datetimes(datetime.datetime(1, 1, 1)).map(lambda d: d.replace(microsecond=0))
        first, second = draw(
            st.tuples(st.none() | moment, st.none() | moment).filter(lambda t: t != (None, None))
        )
        if first is not None and second is not None and first > second:
            first, second = second, first
        moments = (first, second)
        return lambda x: x.PrivateKeyUsagePeriod(*moments)
    if kind == 16:
        return draw(st.sampled_from([lambda x: x.OCSPNoCheck(), lambda x: x.PrecertPoison()]))
    oid = draw(_oids)
    value = draw(st.binary(max_size=16))
    return lambda x: x.UnrecognizedExtension(x.ObjectIdentifier(oid), value)


def _admissions(draw: st.DrawFn) -> Recipe:
    def naming_authority() -> Recipe | None:
        parts = draw(st.none() | st.tuples(st.none() | _oids, st.none() | _dns, st.none() | _text))
        if parts is None:
            return None
        oid, url, text = parts
        return lambda x: x.NamingAuthority(
            None if oid is None else x.ObjectIdentifier(oid),
            None if url is None else f"https://{url}/",
            text,
        )

    def profession_info() -> Recipe:
        authority = naming_authority()
        items = draw(st.lists(_text, max_size=2))
        oids = draw(st.none() | st.lists(_oids, min_size=len(items), max_size=len(items)))
        number = draw(st.none() | st.from_regex(r"\A[A-Za-z0-9 ]{1,8}\Z"))
        extra = draw(st.none() | st.binary(max_size=4))
        return lambda x: x.ProfessionInfo(
            None if authority is None else authority(x),
            items,
            None if oids is None else [x.ObjectIdentifier(o) for o in oids],
            number,
            extra,
        )

    def admission() -> Recipe:
        authority = draw(st.none() | _general_name())
        naming = naming_authority()
        infos = [profession_info() for _ in range(draw(st.integers(0, 2)))]
        return lambda x: x.Admission(
            None if authority is None else authority(x),
            None if naming is None else naming(x),
            [i(x) for i in infos],
        )

    authority = draw(st.none() | _general_name())
    admissions = [admission() for _ in range(draw(st.integers(0, 2)))]
    return lambda x: x.Admissions(
        None if authority is None else authority(x), [a(x) for a in admissions]
    )


@st.composite
def _crl_extension(draw: st.DrawFn) -> Recipe:
    kind = draw(st.integers(0, 2))
    if kind == 0:
        number = draw(st.integers(0, 2**159))
        cls = draw(st.sampled_from(["CRLNumber", "DeltaCRLIndicator"]))
        return lambda x: getattr(x, cls)(number)
    if kind == 1:
        return _issuing_distribution_point(draw)
    names = _many(draw(st.lists(_general_name(), min_size=1, max_size=3)))
    return lambda x: x.IssuerAlternativeName(names(x))


def _issuing_distribution_point(draw: st.DrawFn) -> Recipe:
    form = draw(st.sampled_from(["full", "relative", "none"]))
    full = _many(draw(st.lists(_general_name(), min_size=1, max_size=2)))
    scope = draw(st.sampled_from(["user", "ca", "attribute", None]))
    reasons = draw(st.none() | _reasons)
    indirect = draw(st.booleans())
    if form == "none" and scope is None and reasons is None:
        indirect = True

    return lambda x: x.IssuingDistributionPoint(
        full(x) if form == "full" else None,
        x.RelativeDistinguishedName([x.NameAttribute(x.NameOID.COMMON_NAME, "crl")])
        if form == "relative"
        else None,
        scope == "user",
        scope == "ca",
        None if reasons is None else frozenset(getattr(x.ReasonFlags, r) for r in reasons),
        indirect,
        scope == "attribute",
    )


@st.composite
def _entry_extension(draw: st.DrawFn) -> Recipe:
    kind = draw(st.integers(0, 4))
    if kind == 3:
        nonce = draw(st.binary(min_size=1, max_size=32))
        return lambda x: x.OCSPNonce(nonce)
    if kind == 4:
        responses = draw(st.lists(_oids, max_size=3))
        return lambda x: x.OCSPAcceptableResponses([x.ObjectIdentifier(o) for o in responses])
    if kind == 0:
        reason = draw(st.sampled_from([r.name for r in ox.ReasonFlags]))
        return lambda x: x.CRLReason(getattr(x.ReasonFlags, reason))
    if kind == 1:
        moment = draw(st.datetimes(datetime.datetime(1, 1, 1)))
        return lambda x: x.InvalidityDate(moment.replace(microsecond=0))
    names = _many(draw(st.lists(_general_name(), min_size=1, max_size=3)))
    return lambda x: x.CertificateIssuer(names(x))


# --- Placing an extension in a certificate or CRL, so that the loaders decode it ----------

_ED25519_SPKI = bytes.fromhex("302a300506032b6570032100") + bytes(32)
_ALGORITHM = bytes.fromhex("300506032b6570")
_NAME = ox.Name([ox.NameAttribute(ox.NameOID.COMMON_NAME, "x")]).public_bytes()
_TIME = _tlv(0x17, b"250101000000Z")


def _oid_der(dotted: str) -> bytes:
    arcs = [int(a) for a in dotted.split(".")]
    content = b""
    for arc in [arcs[0] * 40 + arcs[1], *arcs[2:]]:
        chunk = [arc & 0x7F]
        while arc > 0x7F:
            arc >>= 7
            chunk.insert(0, 0x80 | (arc & 0x7F))
        content += bytes(chunk)
    return _tlv(0x06, content)


def _extensions(oid: Any, value: bytes) -> bytes:
    return _tlv(0x30, _tlv(0x30, _oid_der(oid.dotted_string) + _tlv(0x04, value)))


def _signed(tbs: bytes) -> bytes:
    return _tlv(0x30, tbs + _ALGORITHM + _tlv(0x03, b"\x00" + bytes(64)))


def _certificate_with(ext: Any) -> Any:
    tbs = _tlv(
        0x30,
        _tlv(0xA0, _tlv(0x02, b"\x02"))
        + _tlv(0x02, b"\x01")
        + _ALGORITHM
        + _NAME
        + _tlv(0x30, _TIME + _TIME)
        + _NAME
        + _ED25519_SPKI
        + _tlv(0xA3, _extensions(ext.oid, ext.public_bytes())),
    )
    return ox.load_der_x509_certificate(_signed(tbs)).extensions[0].value


def _crl_with(ext: Any, entry: bool) -> Any:
    extensions = _extensions(ext.oid, ext.public_bytes())
    revoked = _tlv(0x30, _tlv(0x30, _tlv(0x02, b"\x05") + _TIME + extensions)) if entry else b""
    crl_exts = b"" if entry else _tlv(0xA0, extensions)
    tbs = _tlv(0x30, _tlv(0x02, b"\x01") + _ALGORITHM + _NAME + _TIME + revoked + crl_exts)
    crl = ox.load_der_x509_crl(_signed(tbs))
    return next(iter(crl)).extensions[0].value if entry else crl.extensions[0].value


def _check(recipe: Recipe, place: Callable[[Any], Any]) -> None:
    ours = recipe(ox)
    ref = recipe(reference())
    assert ours.public_bytes() == ref.public_bytes()
    assert place(ours) == ours


@settings(max_examples=400, deadline=None)
@given(_certificate_extension())
def test_certificate_extensions_round_trip(recipe: Recipe) -> None:
    _check(recipe, _certificate_with)


@settings(max_examples=100, deadline=None)
@given(_crl_extension())
def test_crl_extensions_round_trip(recipe: Recipe) -> None:
    _check(recipe, lambda ext: _crl_with(ext, entry=False))


@settings(max_examples=100, deadline=None)
@given(_entry_extension())
def test_crl_entry_extensions_round_trip(recipe: Recipe) -> None:
    _check(recipe, lambda ext: _crl_with(ext, entry=True))


# --- Exact encodings and errors -----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "der"),
    [
        (ox.BasicConstraints(ca=False, path_length=None), "3000"),
        (ox.BasicConstraints(ca=True, path_length=0), "30060101ff020100"),
        (ox.KeyUsage(True, False, False, False, False, False, False, False, False), "03020780"),
        (ox.KeyUsage(False, False, False, False, False, False, False, False, False), "030100"),
        # keyAgreement, encipherOnly, decipherOnly: bits 4, 7 and 8, seven unused bits.
        (ox.KeyUsage(False, False, False, False, True, False, False, True, True), "0303070980"),
        (ox.CRLReason(ox.ReasonFlags.remove_from_crl), "0a0108"),
        (ox.CRLNumber(128), "02020080"),
        (ox.OCSPNoCheck(), "0500"),
        (ox.OCSPNonce(b"\x01\x02"), "04020102"),
        (ox.InhibitAnyPolicy(0), "020100"),
        (
            ox.InvalidityDate(datetime.datetime(2020, 1, 1, 1, 1, 1, 500)),
            "180f32303230303130313031303130315a",
        ),
        (
            ox.NameConstraints([ox.IPAddress(ipaddress.ip_network("10.0.0.0/8"))], None),
            "300ea00c300a87080a000000ff000000",
        ),
    ],
)
def test_known_encodings(value: ox.ExtensionType, der: str) -> None:
    assert value.public_bytes().hex() == der


def test_empty_qualifier_list_is_left_out() -> None:
    policy = ox.PolicyInformation(ox.ObjectIdentifier("1.2.3"), [])
    assert ox.CertificatePolicies([policy]).public_bytes().hex() == "300630040602" + "2a03"


def test_unrecognized_extension_returns_its_value() -> None:
    value = ox.UnrecognizedExtension(ox.ObjectIdentifier("1.2.3"), b"\x01\x02")
    assert value.public_bytes() == b"\x01\x02"


def test_aware_datetimes_are_converted_to_utc() -> None:
    tz = datetime.timezone(datetime.timedelta(hours=2))
    aware = ox.InvalidityDate(datetime.datetime(2020, 1, 1, 2, 0, 0, tzinfo=tz))
    naive = ox.InvalidityDate(datetime.datetime(2020, 1, 1, 0, 0, 0))
    assert aware.public_bytes() == naive.public_bytes()


@pytest.mark.parametrize("lib", ["oxicrypt", "cryptography"])
def test_non_ascii_cps_uri_is_refused(lib: str) -> None:
    x = ox if lib == "oxicrypt" else reference()
    policies = x.CertificatePolicies([x.PolicyInformation(x.ObjectIdentifier("1.2.3"), ["é"])])
    with pytest.raises(ValueError, match="Qualifier must be an ASCII-string"):
        policies.public_bytes()


_OUT_OF_RANGE: dict[str, Callable[[ModuleType], Any]] = {
    "template major 2**32": lambda x: x.MSCertificateTemplate(
        x.ObjectIdentifier("1.2"), 2**32, None
    ),
    "template minor negative": lambda x: x.MSCertificateTemplate(x.ObjectIdentifier("1.2"), 1, -1),
    "policy constraint 2**64": lambda x: x.PolicyConstraints(2**64, None),
    "policy constraint negative": lambda x: x.PolicyConstraints(None, -1),
    "crl number negative": lambda x: x.CRLNumber(-1),
    "delta crl negative": lambda x: x.DeltaCRLIndicator(-5),
    "aki serial negative": lambda x: x.AuthorityKeyIdentifier(None, [x.DNSName("a")], -1),
    "notice number negative": lambda x: x.CertificatePolicies(
        [
            x.PolicyInformation(
                x.ObjectIdentifier("1.2"), [x.UserNotice(x.NoticeReference("o", [-1]), None)]
            )
        ]
    ),
    "notice without organization": lambda x: x.CertificatePolicies(
        [
            x.PolicyInformation(
                x.ObjectIdentifier("1.2"), [x.UserNotice(x.NoticeReference(None, [1]), None)]
            )
        ]
    ),
    "inhibit any policy 2**70": lambda x: x.InhibitAnyPolicy(2**70),
    "path length 2**64": lambda x: x.BasicConstraints(True, 2**64),
}


@pytest.mark.parametrize("case", sorted(_OUT_OF_RANGE))
def test_out_of_range_values_like_reference(case: str) -> None:
    build = _OUT_OF_RANGE[case]
    assert _outcome(build(ox)) == _outcome(build(reference()))


def test_custom_extension_type_is_not_implemented() -> None:
    class Custom(ox.ExtensionType):
        oid = ox.ObjectIdentifier("1.2.3.4")

    with pytest.raises(NotImplementedError, match="public_bytes is not implemented"):
        Custom().public_bytes()


def test_sct_lists_re_encode_as_in_the_file() -> None:
    cert = ox.load_pem_x509_certificate(_corpus.read("cryptography-scts.pem"))
    ext = cert.extensions.get_extension_for_class(ox.PrecertificateSignedCertificateTimestamps)
    raw = _raw_extensions(cert.tbs_certificate_bytes)
    assert ext.value.public_bytes() in raw
