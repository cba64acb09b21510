"""RSA keys: generation, the numbers classes and their checks, the CRT and recovery
helpers, the key objects, and signing, verification, encryption and decryption, each
compared with the reference (pyca/cryptography, whose behaviour oxicrypt reproduces):
same results, and errors of the same class (and, where callers see them, message).
"""

from __future__ import annotations

import contextlib
import copy
import functools
import math
import pickle
import signal
from collections.abc import Iterator
from typing import Any, Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oxicrypt.exceptions import InvalidSignature
from oxicrypt.hazmat.primitives import hashes, serialization
from oxicrypt.hazmat.primitives.asymmetric import ec, padding, rsa, utils
from tests.vectors import vector_path

from .test_rsa_support import (
    Failures,
    Outcome,
    Reference,
    both,
    module,
    outcome,
    parse_pkcs1_text,
)

_KEYS = parse_pkcs1_text(
    vector_path("asymmetric", "RSA", "pkcs-1v2-1d2-vec", "oaep-vect.txt").read_text()
)


def _numbers(index: int) -> dict[str, int]:
    return {name: int(value, 16) for name, value in _KEYS[index].fields.items()}


N1024 = _numbers(0)  # a 1024-bit key
N2048 = _numbers(9)  # a 2048-bit key


def _private_numbers(lib: str, values: dict[str, int]) -> Any:
    m = module(lib, "hazmat.primitives.asymmetric.rsa")
    return m.RSAPrivateNumbers(
        values["p"],
        values["q"],
        values["d"],
        values["dmp1"],
        values["dmq1"],
        values["iqmp"],
        m.RSAPublicNumbers(values["e"], values["n"]),
    )


def _key(lib: str, values: dict[str, int] = N2048) -> Any:
    """The key with these numbers, made once per library (keys are immutable)."""
    return _cached_key(lib, tuple(sorted(values.items())))


@functools.cache
def _cached_key(lib: str, values: tuple[tuple[str, int], ...]) -> Any:
    return _private_numbers(lib, dict(values)).private_key()


KEY = _key("oxicrypt")
KEY_1024 = _key("oxicrypt", N1024)


# -- generation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("public_exponent", "key_size"),
    [
        (65537, 512),
        (65537, 1023),
        (65537, 0),
        (65537, -1),
        (65537, True),
        (65537, 2**70),
        (5, 2048),
        (1, 2048),
        (0, 2048),
        (-3, 2048),
        (65539, 2048),
        (2**70, 2048),
        (True, 2048),
        ("65537", 2048),
        (None, 2048),
        (65537, None),
        (65537, 2048.0),
        (65537.0, 2048),
        (5, 512),  # both wrong: which one is reported
    ],
    ids=repr,
)
def test_generation_errors_match_reference(
    reference: Reference, public_exponent: object, key_size: object
) -> None:
    """The same exception class and message as the reference."""
    reference("hazmat.primitives.asymmetric.rsa")

    def generate(lib: str) -> object:
        m = module(lib, "hazmat.primitives.asymmetric.rsa")
        return m.generate_private_key(public_exponent, key_size).key_size

    ours, theirs = both(generate, messages=True)
    assert ours == theirs


@pytest.mark.parametrize(
    ("public_exponent", "key_size"), [(65537, 1024), (3, 1030), (65537, 1536)]
)
def test_generated_keys(reference: Reference, public_exponent: int, key_size: int) -> None:
    key = rsa.generate_private_key(public_exponent=public_exponent, key_size=key_size)
    assert isinstance(key, rsa.RSAPrivateKey)
    assert key.key_size == key_size
    numbers = key.private_numbers()
    public = numbers.public_numbers
    assert public.e == public_exponent
    assert public.n.bit_length() == key_size
    p, q, d = numbers.p, numbers.q, numbers.d
    assert p * q == public.n and p != q
    assert d * public_exponent % math.lcm(p - 1, q - 1) == 1
    assert numbers.dmp1 == d % (p - 1) and numbers.dmq1 == d % (q - 1)
    assert numbers.iqmp * q % p == 1
    # The reference reads the key (running its full key check) as the same numbers.
    ref_ser = reference("hazmat.primitives.serialization")
    der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    theirs = ref_ser.load_der_private_key(der, None)
    assert theirs.private_numbers().d == d and theirs.private_numbers().p in (p, q)
    signature = theirs.sign(
        b"m",
        reference("hazmat.primitives.asymmetric.padding").PKCS1v15(),
        reference("hazmat.primitives.hashes").SHA256(),
    )
    key.public_key().verify(signature, b"m", padding.PKCS1v15(), hashes.SHA256())


def test_generated_keys_differ() -> None:
    moduli = {
        rsa.generate_private_key(65537, 1024, backend=None).public_key().public_numbers().n
        for _ in range(3)
    }
    assert len(moduli) == 3


# -- numbers -------------------------------------------------------------------------------


def test_numbers_round_trip() -> None:
    numbers = KEY.private_numbers()
    assert numbers == _private_numbers("oxicrypt", N2048)
    assert (numbers.p, numbers.q, numbers.d) == (N2048["p"], N2048["q"], N2048["d"])
    assert (numbers.dmp1, numbers.dmq1, numbers.iqmp) == (
        N2048["dmp1"],
        N2048["dmq1"],
        N2048["iqmp"],
    )
    assert numbers.public_numbers == rsa.RSAPublicNumbers(N2048["e"], N2048["n"])
    assert numbers.private_key().private_numbers() == numbers
    public = KEY.public_key().public_numbers()
    assert (public.e, public.n) == (N2048["e"], N2048["n"])
    assert public.public_key() == KEY.public_key()
    assert public.public_key().public_numbers() == public
    assert KEY.public_key().key_size == KEY.key_size == 2048


def test_numbers_value_semantics(reference: Reference) -> None:
    """Equality, hashing and repr as the reference has them."""
    reference("hazmat.primitives.asymmetric.rsa")

    def scenario(lib: str) -> object:
        m = module(lib, "hazmat.primitives.asymmetric.rsa")
        a, b = m.RSAPublicNumbers(3, 15), m.RSAPublicNumbers(3, 15)
        c = m.RSAPublicNumbers(5, 15)
        pa = m.RSAPrivateNumbers(1, 2, 3, 4, 5, 6, a)
        pb = m.RSAPrivateNumbers(1, 2, 3, 4, 5, 6, b)
        pc = m.RSAPrivateNumbers(1, 2, 3, 4, 5, 7, a)
        return (
            a == b,
            a != c,
            hash(a) == hash(b),
            repr(a),
            pa == pb,
            pa != pc,
            hash(pa) == hash(pb),
            a == (3, 15),
            pa == a,
            (pa.p, pa.q, pa.d, pa.dmp1, pa.dmq1, pa.iqmp, pa.public_numbers.e),
            (a.e, a.n),
        )

    ours, theirs = both(scenario, messages=True)
    assert ours == theirs


def test_numbers_eq_returns_not_implemented_for_other_types(reference: Reference) -> None:
    """Like the reference, ``__eq__`` with an unrelated object returns NotImplemented, so
    Python gives the other operand its turn."""
    reference("hazmat.primitives.asymmetric.rsa")

    def scenario(lib: str) -> object:
        m = module(lib, "hazmat.primitives.asymmetric.rsa")
        public = m.RSAPublicNumbers(3, 15)
        private = m.RSAPrivateNumbers(1, 2, 3, 4, 5, 6, public)
        return (public.__eq__(1) is NotImplemented, private.__eq__(1) is NotImplemented)

    ours, theirs = both(scenario)
    assert ours == theirs == Outcome(value=(True, True))


_MUTATIONS: list[tuple[str, Callable[[dict[str, int]], int]]] = [
    (name, change)
    for name in ("p", "q", "d", "dmp1", "dmq1", "iqmp", "e", "n")
    for change in (
        lambda v: 0,
        lambda v: 1,
        lambda v: 2,
        lambda v: 3,
        lambda v: -1,
        lambda v, name=name: v[name] + 1,  # type: ignore[misc]
        lambda v, name=name: v[name] + 2,  # type: ignore[misc]
        lambda v: v["n"] + 5,
        lambda v: v["n"] - 2,
    )
]


@pytest.mark.parametrize(
    ("name", "change"),
    _MUTATIONS,
    ids=[f"{name}-{i % 9}" for i, (name, _) in enumerate(_MUTATIONS)],
)
def test_private_numbers_checks_match_reference(
    reference: Reference, name: str, change: Callable[[dict[str, int]], int]
) -> None:
    """One number of a valid 1024-bit key replaced: the same verdict as the reference,
    with the same exception class and message."""
    reference("hazmat.primitives.asymmetric.rsa")
    values = dict(N1024)
    values[name] = change(values)
    ours, theirs = both(
        lambda lib: _private_numbers(lib, values).private_key().key_size, messages=True
    )
    assert ours == theirs


@pytest.mark.parametrize(
    ("e", "n"),
    [
        (65537, 2**1024 - 1),
        (65537, 2**1024),
        (65538, 2**1024 - 1),
        (1, 2**1024 - 1),
        (3, 3),
        (3, 5),
        (3, 15),
        (2**20 + 1, 2**16 + 1),
        (3, 0),
        (3, 2),
        (-3, 15),
        (3, -15),
        (2**2000 + 1, 2**4096 - 1),
        (3, 2**20000 + 1),
    ],
    ids=lambda v: str(v) if abs(v) < 2**64 else f"{v.bit_length()}bit",
)
def test_public_numbers_checks_match_reference(reference: Reference, e: int, n: int) -> None:
    reference("hazmat.primitives.asymmetric.rsa")

    def load(lib: str) -> object:
        m = module(lib, "hazmat.primitives.asymmetric.rsa")
        return m.RSAPublicNumbers(e, n).public_key().key_size

    ours, theirs = both(load, messages=True)
    assert ours == theirs


_BAD_ARGUMENTS = ["1", 1.0, None, b"\x01", [1]]


def test_private_numbers_argument_types_match_reference(reference: Reference) -> None:
    """A non-integer argument (or, last, a non-RSAPublicNumbers one), in every position:
    TypeError, with the reference's message."""
    reference("hazmat.primitives.asymmetric.rsa")
    failures = Failures("RSAPrivateNumbers arguments")
    for position in range(7):
        for value in _BAD_ARGUMENTS:

            def make(lib: str, position: int = position, value: object = value) -> object:
                m = module(lib, "hazmat.primitives.asymmetric.rsa")
                args: list[object] = [1, 2, 3, 4, 5, 6, m.RSAPublicNumbers(3, 15)]
                args[position] = value
                return type(m.RSAPrivateNumbers(*args)).__name__

            ours, theirs = both(make, messages=True)
            failures.checked += 1
            if ours != theirs or ours.error != "TypeError":
                failures.add(
                    f"argument {position} = {value!r}", f"oxicrypt {ours}, the reference {theirs}"
                )
    failures.assert_none()


def test_public_numbers_argument_types_match_reference(reference: Reference) -> None:
    reference("hazmat.primitives.asymmetric.rsa")
    failures = Failures("RSAPublicNumbers arguments")
    for position in range(2):
        for value in _BAD_ARGUMENTS:

            def make(lib: str, position: int = position, value: object = value) -> object:
                args: list[object] = [3, 15]
                args[position] = value
                m = module(lib, "hazmat.primitives.asymmetric.rsa")
                return type(m.RSAPublicNumbers(*args)).__name__

            ours, theirs = both(make, messages=True)
            failures.checked += 1
            if ours != theirs or ours.error != "TypeError":
                failures.add(
                    f"argument {position} = {value!r}", f"oxicrypt {ours}, the reference {theirs}"
                )
    failures.assert_none()


def test_unsafe_skip_rsa_key_validation() -> None:
    """Skipping the check accepts a wrong d (the key then computes garbage); the keyword
    is keyword-only and takes a bool."""
    values = dict(N1024, d=N1024["d"] + 2)
    numbers = _private_numbers("oxicrypt", values)
    with pytest.raises(ValueError):
        numbers.private_key()
    key = numbers.private_key(unsafe_skip_rsa_key_validation=True)
    assert key.key_size == 1024
    assert key.private_numbers().d == values["d"]
    with pytest.raises(TypeError):
        numbers.private_key(None, True)  # type: ignore[misc]
    good = _private_numbers("oxicrypt", N1024)
    assert good.private_key(backend=None).key_size == 1024
    assert good.private_key(unsafe_skip_rsa_key_validation=False).key_size == 1024


# -- CRT and recovery helpers -------------------------------------------------------------

_SMALL_PRIMES = [p for p in range(3, 2000) if all(p % d for d in range(2, int(p**0.5) + 1))]
_primes = st.sampled_from(_SMALL_PRIMES)


@given(p=_primes, q=_primes, d=st.integers(2, 2**64))
def test_crt_helpers_match_reference_on_primes(p: int, q: int, d: int) -> None:
    ref = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.rsa")
    if p != q:
        assert rsa.rsa_crt_iqmp(p, q) == ref.rsa_crt_iqmp(p, q) == pow(q, -1, p)
    assert rsa.rsa_crt_dmp1(d, p) == ref.rsa_crt_dmp1(d, p) == d % (p - 1)
    assert rsa.rsa_crt_dmq1(d, q) == ref.rsa_crt_dmq1(d, q) == d % (q - 1)


@given(e=st.integers(2, 2**20), p=_primes, q=_primes)
def test_recover_private_exponent_matches_reference(e: int, p: int, q: int) -> None:
    ref = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.rsa")
    lam = math.lcm(p - 1, q - 1)
    if math.gcd(e, lam) != 1:
        return  # no private exponent exists; the reference returns garbage then
    d = rsa.rsa_recover_private_exponent(e, p, q)
    assert d == ref.rsa_recover_private_exponent(e, p, q)
    assert 0 < d < lam and d * e % lam == 1


@given(p=st.integers(2, 2**128), q=st.integers(2, 2**128), d=st.integers(2, 2**130))
def test_crt_helpers_match_reference_on_coprime_integers(p: int, q: int, d: int) -> None:
    ref = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.rsa")
    if math.gcd(p, q) == 1:
        assert rsa.rsa_crt_iqmp(p, q) == ref.rsa_crt_iqmp(p, q)
    assert rsa.rsa_crt_dmp1(d, p) == ref.rsa_crt_dmp1(d, p)
    assert rsa.rsa_crt_dmq1(d, q) == ref.rsa_crt_dmq1(d, q)


@pytest.mark.parametrize(
    ("function", "args"),
    [
        ("rsa_crt_iqmp", (1, 5)),
        ("rsa_crt_iqmp", (7, 1)),
        ("rsa_crt_iqmp", (7, 0)),
        ("rsa_crt_iqmp", (-7, 5)),
        ("rsa_crt_dmp1", (1, 5)),
        ("rsa_crt_dmp1", (7, 1)),
        ("rsa_crt_dmp1", (0, 7)),
        ("rsa_crt_dmq1", (1, 5)),
        ("rsa_crt_dmq1", (7, 1)),
        ("rsa_crt_dmq1", (-5, 7)),
        ("rsa_recover_private_exponent", (1, 61, 53)),
        ("rsa_recover_private_exponent", (17, 1, 53)),
        ("rsa_recover_private_exponent", (17, 61, 0)),
        ("rsa_recover_prime_factors", (3233, 17, 1)),
        ("rsa_recover_prime_factors", (3233, 1, 2753)),
        ("rsa_recover_prime_factors", (3233, 17, 2754)),
        ("rsa_recover_prime_factors", (3233, 19, 2753)),
    ],
)
def test_helper_errors_match_reference(
    reference: Reference, function: str, args: tuple[int, ...]
) -> None:
    """Arguments of 1 or less, and n, e, d that do not belong together: ValueError with
    the reference's message (within a time limit: a helper that loops forever fails)."""
    ref = reference("hazmat.primitives.asymmetric.rsa")
    theirs = outcome(lambda: getattr(ref, function)(*args), messages=True)
    assert theirs.error == "ValueError"
    with _time_limit(2):
        ours = outcome(lambda: getattr(rsa, function)(*args), messages=True)
    assert ours == theirs


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupts a (pure Python) call running longer than ``seconds`` with TimeoutError;
    without SIGALRM (Windows) there is no limit."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_recover_prime_factors_terminates_on_a_prime_modulus() -> None:
    """n = 61 is prime and e*d = 1 mod (n - 1), so n, e, d pass every consistency check
    but there are no factors to find: the reference gives up with ValueError after a
    bounded number of attempts."""
    with _time_limit(2):
        got = outcome(lambda: rsa.rsa_recover_prime_factors(61, 7, 43), messages=True)
    assert got == Outcome(
        error="ValueError", message="Unable to compute factors p and q from exponent d."
    )


@settings(max_examples=20)
@given(index=st.integers(0, len(_KEYS) - 1))
def test_recover_prime_factors_of_vector_keys(index: int) -> None:
    values = _numbers(index)
    p, q = rsa.rsa_recover_prime_factors(values["n"], values["e"], values["d"])
    assert (p, q) == (max(values["p"], values["q"]), min(values["p"], values["q"]))
    assert rsa.rsa_recover_private_exponent(values["e"], p, q) <= values["d"]


# -- key objects ----------------------------------------------------------------------------


def test_key_classes() -> None:
    public = KEY.public_key()
    assert isinstance(KEY, rsa.RSAPrivateKey) and not isinstance(KEY, rsa.RSAPublicKey)
    assert isinstance(public, rsa.RSAPublicKey) and not isinstance(public, rsa.RSAPrivateKey)
    assert rsa.RSAPrivateKeyWithSerialization is rsa.RSAPrivateKey
    assert rsa.RSAPublicKeyWithSerialization is rsa.RSAPublicKey
    assert not isinstance(KEY, ec.EllipticCurvePrivateKey)
    for cls in (rsa.RSAPrivateKey, rsa.RSAPublicKey, type(KEY), type(public)):
        with pytest.raises(TypeError):
            cls()


def test_public_key_equality() -> None:
    public = KEY.public_key()
    same = [
        public,
        KEY.public_key(),
        rsa.RSAPublicNumbers(N2048["e"], N2048["n"]).public_key(),
        serialization.load_der_public_key(
            public.public_bytes(
                serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
            )
        ),
    ]
    for a in same:
        for b in same:
            assert a == b and not a != b
    other = [
        KEY_1024.public_key(),
        rsa.RSAPublicNumbers(3, N2048["n"]).public_key(),
        ec.generate_private_key(ec.SECP256R1()).public_key(),
        None,
        N2048["n"],
        KEY,
    ]
    for value in other:
        assert public != value and not public == value
    assert public.__eq__(object()) is NotImplemented
    with pytest.raises(TypeError):
        hash(public)


def test_key_object_behaviour_matches_reference(reference: Reference) -> None:
    """Private keys compare by identity and hash; copies; pickling and new attributes
    are refused; the public methods are the same."""
    reference("hazmat.primitives.asymmetric.rsa")

    def scenario(lib: str) -> object:
        key = _key(lib, N1024)
        twin = _private_numbers(lib, N1024).private_key()
        public = key.public_key()
        results: list[object] = [
            key == key,
            key == twin,
            key != twin,
            hash(key) == hash(key),
            copy.copy(key) is key,
            copy.deepcopy(key) is key,
            copy.deepcopy(public) == public,
            copy.copy(public) == public,
            sorted(a for a in dir(key) if not a.startswith("_")),
            sorted(a for a in dir(public) if not a.startswith("_")),
        ]
        for action in (
            lambda: pickle.dumps(key),
            lambda: pickle.dumps(public),
            lambda: setattr(key, "x", 1),
            lambda: setattr(public, "x", 1),
            lambda: hash(public),
        ):
            results.append(outcome(action).error)
        return results

    ours, theirs = both(scenario)
    assert ours == theirs


# -- signing, verifying, encrypting, decrypting ----------------------------------------------


def _pair(values: dict[str, int] = N2048) -> Callable[[str], Any]:
    keys = {lib: _key(lib, values) for lib in ("oxicrypt", "cryptography")}
    return keys.__getitem__


class _Api:
    """Shorthands for a scenario run against one library."""

    def __init__(self, lib: str, key: Any) -> None:
        self.lib = lib
        self.key = key
        self.public = key.public_key()
        self.padding = module(lib, "hazmat.primitives.asymmetric.padding")
        self.hashes = module(lib, "hazmat.primitives.hashes")
        self.utils = module(lib, "hazmat.primitives.asymmetric.utils")

    def h(self, name: str = "SHA256", *args: int) -> Any:
        return getattr(self.hashes, name)(*args)

    def pss(self, salt: object = None, mgf: Any = None) -> Any:
        salt = self.padding.PSS.MAX_LENGTH if salt is None else salt
        return self.padding.PSS(self.padding.MGF1(mgf or self.h()), salt)

    def oaep(self, algorithm: Any = None, mgf: Any = None, label: object = None) -> Any:
        return self.padding.OAEP(self.padding.MGF1(mgf or self.h()), algorithm or self.h(), label)

    def pkcs1(self) -> Any:
        return self.padding.PKCS1v15()


# (name, scenario, compare messages, compare returned value)
_SCENARIOS: list[tuple[str, Callable[[_Api], object], bool, bool]] = [
    ("sign-pkcs1", lambda a: a.key.sign(b"x", a.pkcs1(), a.h()), True, True),
    ("sign-pkcs1-md5", lambda a: a.key.sign(b"x", a.pkcs1(), a.h("MD5")), True, True),
    ("sign-pkcs1-sha1", lambda a: a.key.sign(b"x", a.pkcs1(), a.h("SHA1")), True, True),
    ("sign-pkcs1-sha3", lambda a: a.key.sign(b"x", a.pkcs1(), a.h("SHA3_384")), True, True),
    (
        "sign-pkcs1-sha512_224",
        lambda a: a.key.sign(b"x", a.pkcs1(), a.h("SHA512_224")),
        True,
        True,
    ),
    ("sign-pkcs1-sm3", lambda a: a.key.sign(b"x", a.pkcs1(), a.h("SM3")), True, True),
    ("sign-pkcs1-shake", lambda a: a.key.sign(b"x", a.pkcs1(), a.h("SHAKE128", 16)), False, True),
    ("sign-pkcs1-blake2b", lambda a: a.key.sign(b"x", a.pkcs1(), a.h("BLAKE2b", 64)), False, True),
    ("sign-pss-shake", lambda a: a.key.sign(b"x", a.pss(), a.h("SHAKE256", 32)), False, True),
    ("sign-pss-len", lambda a: len(a.key.sign(b"x", a.pss(), a.h())), True, True),
    ("sign-pss-salt-max", lambda a: len(a.key.sign(b"x", a.pss(222), a.h())), True, True),
    ("sign-pss-salt-too-long", lambda a: a.key.sign(b"x", a.pss(223), a.h()), True, True),
    ("sign-pss-auto", lambda a: a.key.sign(b"x", a.pss(a.padding.PSS.AUTO), a.h()), True, True),
    (
        "sign-pss-digest-length",
        lambda a: len(a.key.sign(b"x", a.pss(a.padding.PSS.DIGEST_LENGTH), a.h())),
        True,
        True,
    ),
    ("sign-pss-mgf-none", lambda a: a.key.sign(b"x", a.padding.PSS(None, 0), a.h()), False, True),
    (
        "sign-pss-mgf-other",
        lambda a: a.key.sign(b"x", a.padding.PSS(type("M", (a.padding.MGF,), {})(), 0), a.h()),
        False,
        True,
    ),
    ("sign-oaep", lambda a: a.key.sign(b"x", a.oaep(), a.h()), True, True),
    ("sign-padding-none", lambda a: a.key.sign(b"x", None, a.h()), True, True),
    ("sign-padding-object", lambda a: a.key.sign(b"x", object(), a.h()), True, True),
    (
        "sign-padding-custom",
        lambda a: a.key.sign(
            b"x", type("P", (a.padding.AsymmetricPadding,), {"name": "custom"})(), a.h()
        ),
        True,
        True,
    ),
    ("sign-hash-str", lambda a: a.key.sign(b"x", a.pkcs1(), "sha256"), True, True),
    ("sign-hash-class", lambda a: a.key.sign(b"x", a.pkcs1(), a.hashes.SHA256), True, True),
    ("sign-data-str", lambda a: a.key.sign("x", a.pkcs1(), a.h()), False, True),
    ("sign-data-int", lambda a: a.key.sign(1, a.pkcs1(), a.h()), False, True),
    (
        "sign-prehashed",
        lambda a: a.key.sign(b"\x01" * 32, a.pkcs1(), a.utils.Prehashed(a.h())),
        True,
        True,
    ),
    (
        "sign-prehashed-short",
        lambda a: a.key.sign(b"\x01" * 31, a.pkcs1(), a.utils.Prehashed(a.h())),
        True,
        True,
    ),
    (
        "sign-prehashed-pss",
        lambda a: len(a.key.sign(b"\x01" * 32, a.pss(), a.utils.Prehashed(a.h()))),
        True,
        True,
    ),
    (
        "sign-nodigestinfo",
        lambda a: a.key.sign(b"\x01" * 20, a.pkcs1(), a.utils.NoDigestInfo()),
        True,
        True,
    ),
    (
        "sign-nodigestinfo-empty",
        lambda a: a.key.sign(b"", a.pkcs1(), a.utils.NoDigestInfo()),
        True,
        True,
    ),
    (
        "sign-nodigestinfo-max",
        lambda a: a.key.sign(b"\x01" * 245, a.pkcs1(), a.utils.NoDigestInfo()),
        True,
        True,
    ),
    (
        "sign-nodigestinfo-too-long",
        lambda a: a.key.sign(b"\x01" * 246, a.pkcs1(), a.utils.NoDigestInfo()),
        True,
        True,
    ),
    (
        "sign-nodigestinfo-pss",
        lambda a: a.key.sign(b"\x01" * 32, a.pss(), a.utils.NoDigestInfo()),
        True,
        True,
    ),
    (
        "verify-ok",
        lambda a: a.public.verify(a.key.sign(b"x", a.pkcs1(), a.h()), b"x", a.pkcs1(), a.h()),
        True,
        True,
    ),
    ("verify-zero", lambda a: a.public.verify(b"\x00" * 256, b"x", a.pkcs1(), a.h()), True, True),
    ("verify-short", lambda a: a.public.verify(b"\x01" * 255, b"x", a.pkcs1(), a.h()), True, True),
    ("verify-long", lambda a: a.public.verify(b"\x01" * 257, b"x", a.pkcs1(), a.h()), True, True),
    (
        "verify-above-n",
        lambda a: a.public.verify(b"\xff" * 256, b"x", a.pkcs1(), a.h()),
        True,
        True,
    ),
    ("verify-empty", lambda a: a.public.verify(b"", b"x", a.pkcs1(), a.h()), True, True),
    ("verify-oaep", lambda a: a.public.verify(b"\x00" * 256, b"x", a.oaep(), a.h()), True, True),
    (
        "verify-nodigestinfo",
        lambda a: a.public.verify(
            a.key.sign(b"\x01" * 20, a.pkcs1(), a.utils.NoDigestInfo()),
            b"\x01" * 20,
            a.pkcs1(),
            a.utils.NoDigestInfo(),
        ),
        True,
        True,
    ),
    (
        "verify-nodigestinfo-wrong",
        lambda a: a.public.verify(
            a.key.sign(b"\x01" * 20, a.pkcs1(), a.utils.NoDigestInfo()),
            b"\x02" * 20,
            a.pkcs1(),
            a.utils.NoDigestInfo(),
        ),
        True,
        True,
    ),
    (
        "verify-prehashed",
        lambda a: a.public.verify(
            a.key.sign(b"x", a.pkcs1(), a.h()),
            a.h_digest if False else _sha256(b"x"),
            a.pkcs1(),
            a.utils.Prehashed(a.h()),
        ),
        True,
        True,
    ),
    (
        "verify-prehashed-short",
        lambda a: a.public.verify(
            b"\x00" * 256, b"\x01" * 31, a.pkcs1(), a.utils.Prehashed(a.h())
        ),
        True,
        True,
    ),
    (
        "verify-pss-auto",
        lambda a: a.public.verify(
            a.key.sign(b"x", a.pss(7), a.h()), b"x", a.pss(a.padding.PSS.AUTO), a.h()
        ),
        True,
        True,
    ),
    (
        "verify-pss-wrong-salt",
        lambda a: a.public.verify(a.key.sign(b"x", a.pss(7), a.h()), b"x", a.pss(8), a.h()),
        True,
        True,
    ),
    (
        "verify-pss-digest-length",
        lambda a: a.public.verify(
            a.key.sign(b"x", a.pss(32), a.h()), b"x", a.pss(a.padding.PSS.DIGEST_LENGTH), a.h()
        ),
        True,
        True,
    ),
    (
        "verify-pss-salt-too-long",
        lambda a: a.public.verify(b"\x00" * 256, b"x", a.pss(1000), a.h()),
        True,
        True,
    ),
    (
        "verify-pss-mgf-mismatch",
        lambda a: a.public.verify(
            a.key.sign(b"x", a.pss(0, a.h("SHA1")), a.h()), b"x", a.pss(0), a.h()
        ),
        True,
        True,
    ),
    ("verify-signature-str", lambda a: a.public.verify("x", b"x", a.pkcs1(), a.h()), False, True),
    (
        "verify-data-str",
        lambda a: a.public.verify(b"\x00" * 256, "x", a.pkcs1(), a.h()),
        False,
        True,
    ),
    (
        "recover-digest",
        lambda a: a.public.recover_data_from_signature(
            a.key.sign(b"x", a.pkcs1(), a.h()), a.pkcs1(), a.h()
        ),
        True,
        True,
    ),
    (
        "recover-none",
        lambda a: a.public.recover_data_from_signature(
            a.key.sign(b"x", a.pkcs1(), a.h()), a.pkcs1(), None
        ),
        True,
        True,
    ),
    (
        "recover-nodigestinfo",
        lambda a: a.public.recover_data_from_signature(
            a.key.sign(b"x", a.pkcs1(), a.h()), a.pkcs1(), a.utils.NoDigestInfo()
        ),
        True,
        True,
    ),
    (
        "recover-raw",
        lambda a: a.public.recover_data_from_signature(
            a.key.sign(b"abc", a.pkcs1(), a.utils.NoDigestInfo()), a.pkcs1(), None
        ),
        True,
        True,
    ),
    (
        "recover-wrong-hash",
        lambda a: a.public.recover_data_from_signature(
            a.key.sign(b"x", a.pkcs1(), a.h()), a.pkcs1(), a.h("SHA1")
        ),
        True,
        True,
    ),
    (
        "recover-digestinfo-as-raw",
        lambda a: a.public.recover_data_from_signature(
            a.key.sign(b"abc", a.pkcs1(), a.utils.NoDigestInfo()), a.pkcs1(), a.h()
        ),
        True,
        True,
    ),
    (
        "recover-pss",
        lambda a: a.public.recover_data_from_signature(b"\x01" * 256, a.pss(), a.h()),
        False,
        True,
    ),
    (
        "recover-oaep",
        lambda a: a.public.recover_data_from_signature(b"\x01" * 256, a.oaep(), a.h()),
        False,
        True,
    ),
    (
        "recover-prehashed",
        lambda a: a.public.recover_data_from_signature(
            b"\x01" * 256, a.pkcs1(), a.utils.Prehashed(a.h())
        ),
        True,
        True,
    ),
    (
        "recover-garbage",
        lambda a: a.public.recover_data_from_signature(b"\x01" * 256, a.pkcs1(), a.h()),
        True,
        True,
    ),
    (
        "recover-short",
        lambda a: a.public.recover_data_from_signature(b"\x01" * 12, a.pkcs1(), a.h()),
        True,
        True,
    ),
    ("encrypt-pkcs1-max", lambda a: len(a.public.encrypt(b"x" * 245, a.pkcs1())), True, True),
    ("encrypt-pkcs1-too-long", lambda a: a.public.encrypt(b"x" * 246, a.pkcs1()), True, True),
    ("encrypt-oaep-max", lambda a: len(a.public.encrypt(b"x" * 190, a.oaep())), True, True),
    ("encrypt-oaep-too-long", lambda a: a.public.encrypt(b"x" * 191, a.oaep()), True, True),
    (
        "encrypt-oaep-sha1-max",
        lambda a: len(a.public.encrypt(b"x" * 214, a.oaep(a.h("SHA1"), a.h("SHA1")))),
        True,
        True,
    ),
    (
        "encrypt-oaep-md5",
        lambda a: a.public.encrypt(b"x", a.oaep(a.h("MD5"), a.h("MD5"))),
        True,
        False,
    ),
    ("encrypt-oaep-sha3", lambda a: a.public.encrypt(b"x", a.oaep(a.h("SHA3_256"))), True, False),
    (
        "encrypt-oaep-sha512_256",
        lambda a: a.public.encrypt(b"x", a.oaep(a.h("SHA512_256"))),
        True,
        False,
    ),
    (
        "encrypt-oaep-shake",
        lambda a: a.public.encrypt(b"x", a.oaep(a.h("SHAKE128", 16))),
        True,
        False,
    ),
    (
        "encrypt-oaep-blake2b",
        lambda a: a.public.encrypt(b"x", a.oaep(a.h("BLAKE2b", 64))),
        True,
        False,
    ),
    (
        "encrypt-oaep-mgf-sha3",
        lambda a: a.public.encrypt(b"x", a.oaep(a.h(), a.h("SHA3_256"))),
        True,
        False,
    ),
    (
        "encrypt-oaep-mgf-none",
        lambda a: a.public.encrypt(b"x", a.padding.OAEP(None, a.h(), None)),
        False,
        False,
    ),
    (
        "encrypt-oaep-label-str",
        lambda a: a.public.encrypt(b"x", a.oaep(label="label")),
        False,
        False,
    ),
    ("encrypt-pss", lambda a: a.public.encrypt(b"x", a.pss()), True, False),
    ("encrypt-none", lambda a: a.public.encrypt(b"x", None), True, False),
    ("encrypt-str", lambda a: a.public.encrypt("x", a.pkcs1()), False, False),
    ("decrypt-wrong-length", lambda a: a.key.decrypt(b"\x00" * 255, a.pkcs1()), True, True),
    ("decrypt-long", lambda a: a.key.decrypt(b"\x00" * 257, a.oaep()), True, True),
    ("decrypt-oaep-garbage", lambda a: a.key.decrypt(b"\x01" * 256, a.oaep()), True, True),
    ("decrypt-above-n", lambda a: a.key.decrypt(b"\xff" * 256, a.oaep()), True, True),
    ("decrypt-pkcs1-garbage", lambda a: a.key.decrypt(b"\x01" * 256, a.pkcs1()), True, True),
    ("decrypt-pss", lambda a: a.key.decrypt(b"\x01" * 256, a.pss()), True, True),
    (
        "decrypt-oaep-md5",
        lambda a: a.key.decrypt(b"\x01" * 256, a.oaep(a.h("MD5"), a.h("MD5"))),
        True,
        True,
    ),
    (
        "decrypt-oaep-wrong-label",
        lambda a: a.key.decrypt(a.public.encrypt(b"x", a.oaep(label=b"a")), a.oaep(label=b"b")),
        True,
        True,
    ),
    (
        "decrypt-oaep-empty-label",
        lambda a: a.key.decrypt(a.public.encrypt(b"x", a.oaep(label=b"")), a.oaep(label=None)),
        True,
        True,
    ),
    (
        "decrypt-oaep-mgf-mismatch",
        lambda a: a.key.decrypt(a.public.encrypt(b"x", a.oaep(mgf=a.h("SHA1"))), a.oaep()),
        True,
        True,
    ),
    ("decrypt-str", lambda a: a.key.decrypt("x" * 256, a.pkcs1()), False, True),
]


def _sha256(data: bytes) -> bytes:
    h = hashes.Hash(hashes.SHA256())
    h.update(data)
    return h.finalize()


@pytest.mark.parametrize(
    ("scenario", "messages", "values"),
    [pytest.param(s, m, v, id=name) for name, s, m, v in _SCENARIOS],
)
def test_operations_match_reference(
    reference: Reference, scenario: Callable[[_Api], object], messages: bool, values: bool
) -> None:
    """Each call on the same 2048-bit key: the same return value (for deterministic
    operations; lengths for randomised ones) or an exception of the same class (and
    message where marked)."""
    reference("hazmat.primitives.asymmetric.rsa")
    key = _pair()
    ours, theirs = both(lambda lib: scenario(_Api(lib, key(lib))), messages=messages)
    if not values and ours.error is None and theirs.error is None:
        assert type(ours.value) is type(theirs.value)
    else:
        assert ours == theirs


_messages = st.binary(max_size=300)
_SIGNING_HASHES = ["SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "SHA3_256", "SHA512_256"]


@settings(max_examples=25)
@given(message=_messages, name=st.sampled_from(_SIGNING_HASHES))
def test_pkcs1v15_signatures_equal_the_reference(message: bytes, name: str) -> None:
    ref_hashes = pytest.importorskip("cryptography.hazmat.primitives.hashes")
    ref_padding = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.padding")
    key = _pair()
    ours = key("oxicrypt").sign(message, padding.PKCS1v15(), getattr(hashes, name)())
    theirs = key("cryptography").sign(message, ref_padding.PKCS1v15(), getattr(ref_hashes, name)())
    assert ours == theirs


@settings(max_examples=30)
@given(message=_messages, name=st.sampled_from(_SIGNING_HASHES), salt=st.integers(0, 64))
def test_pss_signatures_cross_verify(message: bytes, name: str, salt: int) -> None:
    ref_hashes = pytest.importorskip("cryptography.hazmat.primitives.hashes")
    ref_padding = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.padding")
    key = _pair()
    ours_pss = padding.PSS(padding.MGF1(getattr(hashes, name)()), salt)
    ref_pss = ref_padding.PSS(ref_padding.MGF1(getattr(ref_hashes, name)()), salt)
    ours = key("oxicrypt").sign(message, ours_pss, getattr(hashes, name)())
    theirs = key("cryptography").sign(message, ref_pss, getattr(ref_hashes, name)())
    key("cryptography").public_key().verify(ours, message, ref_pss, getattr(ref_hashes, name)())
    key("oxicrypt").public_key().verify(theirs, message, ours_pss, getattr(hashes, name)())
    auto = padding.PSS(padding.MGF1(getattr(hashes, name)()), padding.PSS.AUTO)
    key("oxicrypt").public_key().verify(theirs, message, auto, getattr(hashes, name)())


@settings(max_examples=30)
@given(
    message=st.binary(max_size=62),
    label=st.one_of(st.none(), st.binary(max_size=40)),
    names=st.tuples(
        st.sampled_from(["SHA1", "SHA224", "SHA256", "SHA384", "SHA512"]),
        st.sampled_from(["SHA1", "SHA256", "SHA512"]),
    ),
)
def test_oaep_cross_encryption(
    message: bytes, label: bytes | None, names: tuple[str, str]
) -> None:
    ref_hashes = pytest.importorskip("cryptography.hazmat.primitives.hashes")
    ref_padding = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.padding")
    key = _pair()
    algorithm, mgf = names
    ours_oaep = padding.OAEP(
        padding.MGF1(getattr(hashes, mgf)()), getattr(hashes, algorithm)(), label
    )
    ref_oaep = ref_padding.OAEP(
        ref_padding.MGF1(getattr(ref_hashes, mgf)()), getattr(ref_hashes, algorithm)(), label
    )
    ours = key("oxicrypt").public_key().encrypt(message, ours_oaep)
    assert key("cryptography").decrypt(ours, ref_oaep) == message
    theirs = key("cryptography").public_key().encrypt(message, ref_oaep)
    assert key("oxicrypt").decrypt(theirs, ours_oaep) == message


@settings(max_examples=30)
@given(message=st.binary(max_size=117))
def test_pkcs1v15_cross_encryption(message: bytes) -> None:
    ref_padding = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.padding")
    key = _pair(N1024)
    ours = key("oxicrypt").public_key().encrypt(message, padding.PKCS1v15())
    assert key("cryptography").decrypt(ours, ref_padding.PKCS1v15()) == message
    theirs = key("cryptography").public_key().encrypt(message, ref_padding.PKCS1v15())
    assert key("oxicrypt").decrypt(theirs, padding.PKCS1v15()) == message
    assert ours != theirs  # random padding


@settings(max_examples=30)
@given(ciphertext=st.binary(min_size=128, max_size=128))
def test_pkcs1v15_implicit_rejection_matches_reference(ciphertext: bytes) -> None:
    """Any 128-byte ciphertext: the same plaintext (real or synthetic, OpenSSL's implicit
    rejection) as the reference, or the same exception class."""
    ref_padding = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.padding")
    key = _pair(N1024)
    ours = outcome(lambda: key("oxicrypt").decrypt(ciphertext, padding.PKCS1v15()))
    theirs = outcome(lambda: key("cryptography").decrypt(ciphertext, ref_padding.PKCS1v15()))
    assert ours == theirs


def test_prehashed_and_nodigestinfo() -> None:
    message = b"prehashed message"
    digest = _sha256(message)
    whole = KEY.sign(message, padding.PKCS1v15(), hashes.SHA256())
    assert KEY.sign(digest, padding.PKCS1v15(), utils.Prehashed(hashes.SHA256())) == whole
    KEY.public_key().verify(whole, digest, padding.PKCS1v15(), utils.Prehashed(hashes.SHA256()))
    raw = KEY.sign(digest, padding.PKCS1v15(), utils.NoDigestInfo())
    assert raw != whole
    assert KEY.public_key().recover_data_from_signature(raw, padding.PKCS1v15(), None) == digest
    recovered = KEY.public_key().recover_data_from_signature(whole, padding.PKCS1v15(), None)
    assert recovered.endswith(digest) and len(recovered) == 19 + 32  # DigestInfo prefix
    pss = padding.PSS(padding.MGF1(hashes.SHA256()), 32)
    signature = KEY.sign(digest, pss, utils.Prehashed(hashes.SHA256()))
    KEY.public_key().verify(signature, message, pss, hashes.SHA256())
    with pytest.raises(InvalidSignature):
        KEY.public_key().verify(signature, message + b".", pss, hashes.SHA256())


@pytest.mark.parametrize("salt", ["MAX_LENGTH", "DIGEST_LENGTH", 0, 1, 222])
def test_pss_salt_lengths(salt: object) -> None:
    """What each salt setting signs with, seen by verifying with explicit lengths."""
    length = getattr(padding.PSS, salt) if isinstance(salt, str) else salt
    signature = KEY.sign(b"m", padding.PSS(padding.MGF1(hashes.SHA256()), length), hashes.SHA256())
    expected = {"MAX_LENGTH": 222, "DIGEST_LENGTH": 32}.get(salt, salt)  # type: ignore[call-overload]
    assert expected == (
        padding.calculate_max_pss_salt_length(KEY, hashes.SHA256())
        if salt == "MAX_LENGTH"
        else expected
    )
    public = KEY.public_key()
    public.verify(
        signature, b"m", padding.PSS(padding.MGF1(hashes.SHA256()), expected), hashes.SHA256()
    )
    public.verify(
        signature,
        b"m",
        padding.PSS(padding.MGF1(hashes.SHA256()), padding.PSS.AUTO),
        hashes.SHA256(),
    )
    wrong = 1 if expected != 1 else 2
    with pytest.raises(InvalidSignature):
        public.verify(
            signature, b"m", padding.PSS(padding.MGF1(hashes.SHA256()), wrong), hashes.SHA256()
        )
