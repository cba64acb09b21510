"""``CertificateRevocationListBuilder`` and ``RevokedCertificateBuilder``: byte equality
with the reference for deterministic signatures, OpenSSL decoding and verification, the
checks and their messages."""

from __future__ import annotations

import datetime
from types import ModuleType
from typing import Any, Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import oxicrypt.x509 as ox
from oxicrypt._rust import _parity
from tests.parity import _x509_compare
from tests.x509.test_builder import (
    DER,
    DETERMINISTIC,
    RANDOMISED,
    Signing,
    _certificate,
    _ids,
    _key,
    _lib,
    _name,
    _outcome,
    _sign_args,
)
from tests.x509.test_extension_encoding import Recipe, _crl_extension, _entry_extension

_NOW = datetime.datetime(2024, 1, 1)


def _crl(
    lib: dict[str, ModuleType],
    signing: Signing,
    *,
    entries: list[tuple[int, datetime.datetime, list[Recipe]]] | None = None,
    extensions: list[Recipe] | None = None,
    next_update: datetime.datetime = datetime.datetime(2024, 2, 1),
) -> Any:
    x509 = lib["x509"]
    key, algorithm, kwargs = _sign_args(lib, signing)
    if entries is None:
        entries = [
            (5, _NOW, [lambda x: x.CRLReason(x.ReasonFlags.key_compromise)]),
            (1 << 100, datetime.datetime(2060, 5, 6, 7, 8, 9), []),
        ]
    if extensions is None:
        extensions = [lambda x: x.CRLNumber(42)]
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(_name(x509, "Test CA"))
        .last_update(_NOW)
        .next_update(next_update)
    )
    for recipe in extensions:
        builder = builder.add_extension(recipe(x509), critical=False)
    for serial, date, entry_extensions in entries:
        entry = x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(date)
        for i, recipe in enumerate(entry_extensions):
            entry = entry.add_extension(recipe(x509), critical=i == 1)
        builder = builder.add_revoked_certificate(entry.build())
    return builder.sign(key, algorithm, **kwargs)


@pytest.mark.parametrize("signing", DETERMINISTIC, ids=_ids)
def test_same_bytes_as_reference(signing: Signing) -> None:
    ref = _lib("cryptography")
    ours = _crl(_lib("oxicrypt"), signing).public_bytes(DER)
    assert ours == _crl(ref, signing).public_bytes(ref["serialization"].Encoding.DER)


@pytest.mark.parametrize("signing", RANDOMISED, ids=_ids)
def test_same_signed_part_as_reference(signing: Signing) -> None:
    ours = _crl(_lib("oxicrypt"), signing)
    assert ours.tbs_certlist_bytes == _crl(_lib("cryptography"), signing).tbs_certlist_bytes


@pytest.mark.parametrize("signing", DETERMINISTIC + RANDOMISED, ids=_ids)
def test_signature_verifies_here_and_in_openssl(signing: Signing) -> None:
    lib = _lib("oxicrypt")
    crl = _crl(lib, signing)
    issuer = _certificate(lib, signing, cn="Test CA")
    assert crl.is_signature_valid(issuer.public_key())
    der = crl.public_bytes(DER)
    assert _parity.openssl_verify_crl(der, issuer.public_bytes(DER))
    openssl = _parity.openssl_load_crl(der)
    assert openssl is not None
    assert _x509_compare.compare_crl(crl, openssl) == {}


def test_wrong_issuer_fails_openssl_verification() -> None:
    lib = _lib("oxicrypt")
    crl = _crl(lib, DETERMINISTIC[0])
    other = _certificate(lib, DETERMINISTIC[1], cn="Test CA")
    assert not _parity.openssl_verify_crl(crl.public_bytes(DER), other.public_bytes(DER))
    assert not crl.is_signature_valid(other.public_key())


def test_fields_load_back() -> None:
    crl = _crl(_lib("oxicrypt"), DETERMINISTIC[0])
    assert crl.issuer == _name(ox, "Test CA")
    assert crl.last_update_utc == _NOW.replace(tzinfo=datetime.timezone.utc)
    assert crl.extensions.get_extension_for_class(ox.CRLNumber).value == ox.CRLNumber(42)
    assert [r.serial_number for r in crl] == [5, 1 << 100]
    first = crl.get_revoked_certificate_by_serial_number(5)
    assert first is not None
    assert first.extensions[0].value == ox.CRLReason(ox.ReasonFlags.key_compromise)
    assert crl[1].revocation_date_utc.year == 2060
    # 2060 is written as GeneralizedTime (RFC 5280, 5.1.2.6).
    assert b"\x18\x0f20600506070809Z" in crl.tbs_certlist_bytes


def test_empty_crl_matches_reference() -> None:
    ref = _lib("cryptography")
    signing = DETERMINISTIC[0]
    ours = _crl(_lib("oxicrypt"), signing, entries=[], extensions=[])
    theirs = _crl(ref, signing, entries=[], extensions=[])
    assert ours.public_bytes(DER) == theirs.public_bytes(ref["serialization"].Encoding.DER)
    assert len(ours) == 0


def test_built_entry_is_a_revoked_certificate() -> None:
    entry = (
        ox.RevokedCertificateBuilder()
        .serial_number(77)
        .revocation_date(datetime.datetime(2024, 3, 4, 5, 6, 7))
        .add_extension(ox.InvalidityDate(datetime.datetime(2024, 3, 1)), False)
        .build()
    )
    assert isinstance(entry, ox.RevokedCertificate)
    assert entry.serial_number == 77
    assert entry.revocation_date_utc == datetime.datetime(
        2024, 3, 4, 5, 6, 7, tzinfo=datetime.timezone.utc
    )
    assert entry.extensions[0].value == ox.InvalidityDate(datetime.datetime(2024, 3, 1))


def _unique(recipes: list[Recipe]) -> list[Recipe]:
    seen: set[str] = set()
    out = []
    for recipe in recipes:
        oid = recipe(ox).oid.dotted_string
        if oid not in seen:
            seen.add(oid)
            out.append(recipe)
    return out


_dates = st.datetimes(datetime.datetime(1950, 1, 1), datetime.datetime(9999, 1, 1)).map(
    lambda d: d.replace(microsecond=0)
)


@settings(max_examples=100, deadline=None)
@given(
    entries=st.lists(
        st.tuples(
            st.integers(1, (1 << 159) - 1),
            _dates,
            st.lists(_entry_extension(), max_size=3).map(_unique),
        ),
        max_size=4,
    ),
    extensions=st.lists(_crl_extension(), max_size=3).map(_unique),
    signing=st.sampled_from(DETERMINISTIC),
)
def test_built_crls_match_reference(
    entries: list[tuple[int, datetime.datetime, list[Recipe]]],
    extensions: list[Recipe],
    signing: Signing,
) -> None:
    ref = _lib("cryptography")
    ours = _crl(_lib("oxicrypt"), signing, entries=entries, extensions=extensions)
    theirs = _crl(ref, signing, entries=entries, extensions=extensions)
    assert ours.public_bytes(DER) == theirs.public_bytes(ref["serialization"].Encoding.DER)
    assert [e.value for e in ours.extensions] == [r(ox) for r in extensions]


Probe = Callable[[dict[str, ModuleType]], Any]


def _r(m: dict[str, ModuleType]) -> Any:
    return m["x509"].RevokedCertificateBuilder()


def _l(m: dict[str, ModuleType]) -> Any:
    return m["x509"].CertificateRevocationListBuilder()


PROBES: dict[str, Probe] = {
    "entry no serial": lambda m: _r(m).build(),
    "entry no date": lambda m: _r(m).serial_number(1).build(),
    "entry serial zero": lambda m: _r(m).serial_number(0),
    "entry serial negative": lambda m: _r(m).serial_number(-1),
    "entry serial 160 bits": lambda m: _r(m).serial_number(1 << 159),
    "entry serial str": lambda m: _r(m).serial_number("1"),
    "entry serial twice": lambda m: _r(m).serial_number(1).serial_number(1),
    "entry date 1949": lambda m: _r(m).revocation_date(datetime.datetime(1949, 1, 1)),
    "entry date int": lambda m: _r(m).revocation_date(1),
    "entry date twice": lambda m: _r(m).revocation_date(_NOW).revocation_date(_NOW),
    "entry extension str": lambda m: _r(m).add_extension("x", False),
    "entry extension twice": lambda m: (
        _r(m)
        .add_extension(m["x509"].CRLReason(m["x509"].ReasonFlags.superseded), False)
        .add_extension(m["x509"].CRLReason(m["x509"].ReasonFlags.superseded), False)
    ),
    "crl no issuer": lambda m: _l(m).sign(_key(m, "ed25519"), None),
    "crl no last update": lambda m: (
        _l(m).issuer_name(_name(m["x509"], "x")).sign(_key(m, "ed25519"), None)
    ),
    "crl no next update": lambda m: (
        _l(m).issuer_name(_name(m["x509"], "x")).last_update(_NOW).sign(_key(m, "ed25519"), None)
    ),
    "crl issuer twice": lambda m: (
        _l(m).issuer_name(_name(m["x509"], "x")).issuer_name(_name(m["x509"], "x"))
    ),
    "crl issuer str": lambda m: _l(m).issuer_name("x"),
    "crl last 1949": lambda m: _l(m).last_update(datetime.datetime(1949, 1, 1)),
    "crl next 1949": lambda m: _l(m).next_update(datetime.datetime(1949, 1, 1)),
    "crl last int": lambda m: _l(m).last_update(1),
    "crl next int": lambda m: _l(m).next_update(1),
    "crl last twice": lambda m: _l(m).last_update(_NOW).last_update(_NOW),
    "crl next twice": lambda m: _l(m).next_update(_NOW).next_update(_NOW),
    "crl last after next": lambda m: (
        _l(m).next_update(_NOW).last_update(datetime.datetime(2025, 1, 1))
    ),
    "crl next before last": lambda m: (
        _l(m).last_update(_NOW).next_update(datetime.datetime(2023, 1, 1))
    ),
    "crl extension str": lambda m: _l(m).add_extension("x", False),
    "crl extension twice": lambda m: (
        _l(m)
        .add_extension(m["x509"].CRLNumber(1), False)
        .add_extension(m["x509"].CRLNumber(2), False)
    ),
    "crl revoked str": lambda m: _l(m).add_revoked_certificate("x"),
    "crl ed25519 with hash": lambda m: (
        _l(m)
        .issuer_name(_name(m["x509"], "x"))
        .last_update(_NOW)
        .next_update(_NOW)
        .sign(_key(m, "ed25519"), m["hashes"].SHA256())
    ),
}


@pytest.mark.parametrize("probe", sorted(PROBES))
def test_checks_match_reference(probe: str) -> None:
    ours = _outcome(PROBES[probe], _lib("oxicrypt"))
    assert ours == _outcome(PROBES[probe], _lib("cryptography"))
