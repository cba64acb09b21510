"""The ``asymmetric.padding`` module: PKCS1v15, PSS, OAEP, MGF1 and
``calculate_max_pss_salt_length``, compared with the reference: constructors' checks (class
and message), attributes, equality, and the maximal PSS salt for every key size and hash.
"""

from __future__ import annotations

from typing import Any

import pytest

from oxicrypt.hazmat.primitives import hashes, serialization
from oxicrypt.hazmat.primitives.asymmetric import padding, rsa
from tests.vectors import vector_path

from .test_rsa_support import (
    Failures,
    Outcome,
    Reference,
    both,
    module,
    outcome,
    parse_pkcs1_text,
    text_key,
)


def _padding(lib: str) -> Any:
    return module(lib, "hazmat.primitives.asymmetric.padding")


def _hashes(lib: str) -> Any:
    return module(lib, "hazmat.primitives.hashes")


def test_names_and_sentinels() -> None:
    assert padding.PKCS1v15.name == padding.PKCS1v15().name == "EMSA-PKCS1-v1_5"
    assert padding.PSS.name == "EMSA-PSS"
    assert padding.OAEP.name == "EME-OAEP"
    sentinels = (padding.PSS.MAX_LENGTH, padding.PSS.AUTO, padding.PSS.DIGEST_LENGTH)
    assert len({id(s) for s in sentinels}) == 3
    assert padding.PSS(padding.MGF1(hashes.SHA1()), 0).MAX_LENGTH is padding.PSS.MAX_LENGTH
    for cls in (padding.PKCS1v15, padding.PSS, padding.OAEP):
        assert issubclass(cls, padding.AsymmetricPadding)
    assert issubclass(padding.MGF1, padding.MGF)
    assert rsa.AsymmetricPadding is padding.AsymmetricPadding
    with pytest.raises(TypeError):
        padding.AsymmetricPadding()  # type: ignore[abstract]


def test_public_names_match_reference(reference: Reference) -> None:
    ref = reference("hazmat.primitives.asymmetric.padding")

    def names(m: Any) -> set[str]:
        return {
            n
            for n in dir(m)
            if not n.startswith("__") and not isinstance(getattr(m, n), type(padding))
        }

    assert names(padding) - {"annotations"} == names(ref) - {"annotations"}
    for cls in ("PKCS1v15", "PSS", "OAEP", "MGF1", "MGF", "AsymmetricPadding"):
        ours = {n for n in dir(getattr(padding, cls)) if not n.startswith("_")}
        assert ours == {n for n in dir(getattr(ref, cls)) if not n.startswith("_")}, cls


_SALTS = ["-1", "0", "1", "64", "True", "False", "1.5", "'1'", "None", "b''"]
_SENTINELS = ["MAX_LENGTH", "AUTO", "DIGEST_LENGTH"]


@pytest.mark.parametrize("salt", _SALTS + _SENTINELS + [f"other.{s}" for s in _SENTINELS])
def test_pss_salt_length_checks_match_reference(reference: Reference, salt: str) -> None:
    """Ints (bools among them) of zero or more and the three sentinels are accepted; a
    negative int is a ValueError, anything else (the other library's sentinels too) a
    TypeError, with the reference's messages."""
    reference("hazmat.primitives.asymmetric.padding")

    def make(lib: str) -> object:
        m = _padding(lib)
        other = _padding("cryptography" if lib == "oxicrypt" else "oxicrypt")
        if salt.startswith("other."):
            value = getattr(other.PSS, salt[6:])
        elif salt in _SENTINELS:
            value = getattr(m.PSS, salt)
        else:
            value = eval(salt)
        pss = m.PSS(m.MGF1(_hashes(lib).SHA256()), value)
        stored = pss._salt_length
        return stored if salt not in _SENTINELS else stored is getattr(m.PSS, salt)

    ours, theirs = both(make, messages=True)
    assert ours == theirs


def test_pss_keeps_any_mgf(reference: Reference) -> None:
    """PSS does not check its mgf argument (the operation does)."""
    reference("hazmat.primitives.asymmetric.padding")

    def make(lib: str) -> object:
        m = _padding(lib)
        mgf = m.MGF1(_hashes(lib).SHA384())
        return (
            m.PSS(None, 0).mgf,
            m.PSS(mgf, 0).mgf is mgf,
            type(m.PSS("mgf", 0).mgf).__name__,
            m.PSS(mgf, 0).mgf._algorithm.name,
        )

    ours, theirs = both(make, messages=True)
    assert ours == theirs == Outcome(value=(None, True, "str", "sha384"))


_ALGORITHMS = ["SHA256()", "SHA256", "'sha256'", "None", "Prehashed(SHA256())", "SHAKE128(16)"]


@pytest.mark.parametrize("algorithm", _ALGORITHMS)
def test_mgf1_and_oaep_hash_checks_match_reference(reference: Reference, algorithm: str) -> None:
    """MGF1 and OAEP take a HashAlgorithm instance (a SHAKE one too; the operation decides
    later): anything else is a TypeError with the reference's message."""
    reference("hazmat.primitives.asymmetric.padding")

    def value(lib: str) -> object:
        h = _hashes(lib)
        utils = module(lib, "hazmat.primitives.asymmetric.utils")
        return eval(
            algorithm, {"SHA256": h.SHA256, "SHAKE128": h.SHAKE128, "Prehashed": utils.Prehashed}
        )

    def mgf1(lib: str) -> object:
        return _padding(lib).MGF1(value(lib))._algorithm.name

    def oaep(lib: str) -> object:
        m = _padding(lib)
        made = m.OAEP(m.MGF1(_hashes(lib).SHA1()), value(lib), None)
        return (made.algorithm.name, made.mgf._algorithm.name, made._label)

    for scenario in (mgf1, oaep):
        ours, theirs = both(scenario, messages=True)
        assert ours == theirs, scenario.__name__


@pytest.mark.parametrize("label", ["None", "b''", "b'label'", "'text'", "bytearray(b'x')", "7"])
def test_oaep_keeps_its_label(reference: Reference, label: str) -> None:
    """OAEP stores the label as given; encryption decides what it accepts."""
    reference("hazmat.primitives.asymmetric.padding")

    def make(lib: str) -> object:
        m = _padding(lib)
        made = m.OAEP(m.MGF1(_hashes(lib).SHA1()), _hashes(lib).SHA1(), eval(label))
        return made._label

    ours, theirs = both(make, messages=True)
    assert ours == theirs


def _equality_scenarios(lib: str) -> list[tuple[str, object]]:
    m, h = _padding(lib), _hashes(lib)
    sha = h.SHA256()
    mgf = m.MGF1(sha)
    checks: list[tuple[str, object]] = [
        ("pkcs1 == pkcs1", m.PKCS1v15() == m.PKCS1v15()),
        ("pkcs1 != object", m.PKCS1v15() != object()),
        ("pkcs1.__eq__(object)", m.PKCS1v15().__eq__(object()) is NotImplemented),
        ("mgf1 same hash", m.MGF1(sha) == m.MGF1(sha)),
        ("mgf1 equal hashes", m.MGF1(h.SHA256()) == m.MGF1(h.SHA256())),
        ("mgf1 other hash", m.MGF1(h.SHA256()) == m.MGF1(h.SHA1())),
        ("pss equal", m.PSS(mgf, 20) == m.PSS(mgf, 20)),
        ("pss equal sentinel", m.PSS(mgf, m.PSS.AUTO) == m.PSS(mgf, m.PSS.AUTO)),
        ("pss other salt", m.PSS(mgf, 20) == m.PSS(mgf, 21)),
        ("pss other mgf", m.PSS(mgf, 20) == m.PSS(m.MGF1(h.SHA1()), 20)),
        ("pss vs pkcs1", m.PSS(mgf, 20) == m.PKCS1v15()),
        ("oaep equal", m.OAEP(mgf, sha, None) == m.OAEP(m.MGF1(sha), sha, None)),
        ("oaep other label", m.OAEP(mgf, sha, b"a") == m.OAEP(mgf, sha, None)),
        ("oaep other hash", m.OAEP(mgf, sha, None) == m.OAEP(mgf, h.SHA1(), None)),
    ]
    for name, make in (
        ("hash(pkcs1)", lambda: m.PKCS1v15()),
        ("hash(pss)", lambda: m.PSS(mgf, 0)),
        ("hash(oaep)", lambda: m.OAEP(mgf, sha, None)),
        ("hash(mgf1)", lambda: m.MGF1(sha)),
    ):
        checks.append((name, outcome(lambda make=make: hash(make()) is not None).error))
    return checks


def test_equality_matches_reference(reference: Reference) -> None:
    """Paddings compare by value (and, defining ``__eq__`` only, are unhashable), as in
    the reference."""
    reference("hazmat.primitives.asymmetric.padding")
    ours, theirs = _equality_scenarios("oxicrypt"), _equality_scenarios("cryptography")
    failures = Failures("padding equality")
    for (name, got), (_, expected) in zip(ours, theirs):
        failures.checked += 1
        if got != expected:
            failures.add(name, f"oxicrypt {got!r}, the reference {expected!r}")
    failures.assert_none()


# -- calculate_max_pss_salt_length ------------------------------------------------------------

_KEYS = [
    text_key(k, validate=False)
    for name in ("oaep-vect.txt", "pss-vect.txt")
    for k in parse_pkcs1_text(
        vector_path("asymmetric", "RSA", "pkcs-1v2-1d2-vec", name).read_text()
    )
]
_HASHES = [
    "MD5()",
    "SHA1()",
    "SHA224()",
    "SHA256()",
    "SHA384()",
    "SHA512()",
    "SHA512_224()",
    "SHA3_512()",
    "SHAKE128(16)",
    "SHAKE256(100)",
    "BLAKE2b(64)",
]


@pytest.mark.parametrize("algorithm", _HASHES)
def test_max_pss_salt_length(reference: Reference, algorithm: str) -> None:
    """emLen - hLen - 2 with emLen = ceil((modBits - 1) / 8), for keys of 1024 to 1031,
    1536 and 2048 bits (so both sides of each byte boundary), private and public; and the
    reference's value."""
    ref_ser = reference("hazmat.primitives.serialization")
    ref_padding = _padding("cryptography")
    ours_hash = eval(algorithm, vars(hashes))
    ref_hash = eval(algorithm, vars(_hashes("cryptography")))
    assert {k.key_size for k in _KEYS} >= {1024, 1025, 1026, 1027, 1028, 1029, 1030, 1031}
    for key in _KEYS:
        expected = (key.key_size - 1 + 7) // 8 - ours_hash.digest_size - 2
        assert padding.calculate_max_pss_salt_length(key, ours_hash) == expected
        assert padding.calculate_max_pss_salt_length(key.public_key(), ours_hash) == expected
        der = key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        theirs = ref_padding.calculate_max_pss_salt_length(
            ref_ser.load_der_public_key(der), ref_hash
        )
        assert theirs == expected


def test_max_pss_salt_length_is_what_max_length_signs_with() -> None:
    key = _KEYS[3]  # 1027 bits
    length = padding.calculate_max_pss_salt_length(key, hashes.SHA256())
    signature = key.sign(
        b"m", padding.PSS(padding.MGF1(hashes.SHA256()), padding.PSS.MAX_LENGTH), hashes.SHA256()
    )
    key.public_key().verify(
        signature, b"m", padding.PSS(padding.MGF1(hashes.SHA256()), length), hashes.SHA256()
    )


@pytest.mark.parametrize("what", ["ec-key", "None", "numbers", "hash-str", "hash-class"])
def test_max_pss_salt_length_errors_match_reference(reference: Reference, what: str) -> None:
    reference("hazmat.primitives.asymmetric.padding")
    der = (
        _KEYS[0]
        .public_key()
        .public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    )

    def call(lib: str) -> object:
        rsa_key = module(lib, "hazmat.primitives.serialization").load_der_public_key(der)
        ec_mod = module(lib, "hazmat.primitives.asymmetric.ec")
        key: object = {
            "ec-key": ec_mod.derive_private_key(7, ec_mod.SECP256R1()),
            "None": None,
            "numbers": rsa_key.public_numbers(),
        }.get(what, rsa_key)
        algorithm: object = {"hash-str": "sha256", "hash-class": _hashes(lib).SHA256}.get(
            what, _hashes(lib).SHA256()
        )
        return _padding(lib).calculate_max_pss_salt_length(key, algorithm)

    ours, theirs = both(call, messages=what not in ("hash-class",))
    assert ours == theirs


def test_max_pss_salt_length_for_a_key_too_small() -> None:
    """A 512-bit key has no room for a SHA-512 digest and PSS padding. The reference gets
    there through an ``assert`` (AssertionError, or a negative length under ``python -O``);
    oxicrypt raises ValueError: both refuse, the class differs deliberately."""
    public = rsa.RSAPublicNumbers(65537, (1 << 511) | 1).public_key()
    assert public.key_size == 512
    assert padding.calculate_max_pss_salt_length(public, hashes.SHA256()) == 64 - 32 - 2
    assert padding.calculate_max_pss_salt_length(public, hashes.SHA384()) == 64 - 48 - 2
    with pytest.raises(ValueError):
        padding.calculate_max_pss_salt_length(public, hashes.SHA512())
