"""ML-KEM (FIPS 203): the shared key tests, encapsulation and decapsulation, the known
answers of ``cryptography_vectors`` (asymmetric/MLKEM/kat_MLKEM_*.rsp and its key files)
and Wycheproof's ML-KEM tests.

Encapsulation draws its own randomness, so known ciphertexts are checked by decapsulating
them. Wycheproof's ``*_semi_expanded_decaps_test`` files give decapsulation keys only in
expanded form, which no API takes (the reference has none either), so they are not run.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oxicrypt.hazmat.primitives import serialization
from oxicrypt.hazmat.primitives.asymmetric import mlkem
from tests.vectors import load_records, vector_path
from tests.wycheproof import WycheproofCase

from ._curves import NOT_BUFFERS
from ._pq import MLKEM768, MLKEM1024, ParamSet, PqKeyTests, Reference, outcome

MLKEM_SETS = (MLKEM768, MLKEM1024)


class TestMLKEM768(PqKeyTests):
    params = MLKEM768


class TestMLKEM1024(PqKeyTests):
    params = MLKEM1024


def _key(params: ParamSet, fill: int = 5) -> Any:
    return params.private_cls.from_seed_bytes(bytes([fill]) * 64)


@pytest.mark.parametrize("params", MLKEM_SETS, ids=str)
class TestEncapsulation:
    def test_round_trip(self, params: ParamSet) -> None:
        key = _key(params)
        public = key.public_key()
        secrets = set()
        for _ in range(8):
            secret, ciphertext = public.encapsulate()
            assert len(secret) == 32
            assert len(ciphertext) == params.output_size
            assert key.decapsulate(ciphertext) == secret
            assert key.decapsulate(bytearray(ciphertext)) == secret
            assert key.decapsulate(memoryview(ciphertext)) == secret
            secrets.add(secret)
        assert len(secrets) == 8

    def test_other_key_gets_another_secret(self, params: ParamSet) -> None:
        secret, ciphertext = _key(params, 1).public_key().encapsulate()
        assert _key(params, 2).decapsulate(ciphertext) != secret

    def test_implicit_rejection(self, params: ParamSet) -> None:
        """A tampered ciphertext decapsulates to a secret unrelated to the real one, the
        same every time (FIPS 203, algorithm 18: the rejection secret J(z || c))."""
        key = _key(params)
        secret, ciphertext = key.public_key().encapsulate()

        @settings(max_examples=20)
        @given(bit=st.integers(0, params.output_size * 8 - 1))
        def check(bit: int) -> None:
            tampered = bytearray(ciphertext)
            tampered[bit // 8] ^= 1 << (bit % 8)
            rejected = key.decapsulate(bytes(tampered))
            assert len(rejected) == 32
            assert rejected != secret
            assert key.decapsulate(bytes(tampered)) == rejected

        check()

    def test_ciphertext_length(self, params: ParamSet, reference: Reference) -> None:
        key = _key(params)
        theirs = params.reference_private_cls(reference).from_seed_bytes(bytes([5]) * 64)
        _, ciphertext = key.public_key().encapsulate()
        for bad in (b"", ciphertext[:-1], ciphertext + b"\x00", ciphertext * 2):
            ours = outcome(partial(key.decapsulate, bad))
            assert ours.error == "ValueError"
            assert ours.message == f"Invalid {params.fips_name} ciphertext"
            assert ours == outcome(partial(theirs.decapsulate, bad))

    @pytest.mark.parametrize("value", NOT_BUFFERS, ids=lambda v: type(v).__name__)
    def test_decapsulate_needs_a_buffer(self, params: ParamSet, value: object) -> None:
        with pytest.raises(TypeError):
            _key(params).decapsulate(value)

    def test_no_signatures_or_exchange(self, params: ParamSet) -> None:
        key = _key(params)
        for name in ("sign", "exchange", "sign_mu"):
            assert not hasattr(key, name)
        assert not hasattr(key.public_key(), "verify")

    def test_across_libraries(self, params: ParamSet, reference: Reference) -> None:
        """Keys from the same seed: each library decapsulates what the other
        encapsulated, and both reject a tampered ciphertext with the same secret."""
        ref_private = params.reference_private_cls(reference)

        @settings(max_examples=10)
        @given(seed=params.seeds(), bit=st.integers(0, params.output_size * 8 - 1))
        def check(seed: bytes, bit: int) -> None:
            ours = params.private_cls.from_seed_bytes(seed)
            theirs = ref_private.from_seed_bytes(seed)
            secret, ciphertext = ours.public_key().encapsulate()
            assert theirs.decapsulate(ciphertext) == secret
            secret, ciphertext = theirs.public_key().encapsulate()
            assert ours.decapsulate(ciphertext) == secret
            tampered = bytearray(ciphertext)
            tampered[bit // 8] ^= 1 << (bit % 8)
            assert ours.decapsulate(bytes(tampered)) == theirs.decapsulate(bytes(tampered))

        check()


def test_invalid_encapsulation_key_matches_reference(reference: Reference) -> None:
    """FIPS 203, section 7.2: an encapsulation key with a coefficient not reduced modulo q
    is refused."""
    for params in MLKEM_SETS:
        raw = bytearray(_key(params).public_key().public_bytes_raw())
        raw[0:2] = b"\xff\xff"  # the first 12-bit coefficient becomes 4095 >= q = 3329
        ours = outcome(partial(params.public_cls.from_public_bytes, bytes(raw)))
        assert ours.error == "ValueError"
        ref = params.reference_public_cls(reference)
        assert ours == outcome(partial(ref.from_public_bytes, bytes(raw)))
        with pytest.raises(ValueError):
            serialization.load_der_public_key(params.spki(bytes(raw)))


# Known answers.


@pytest.mark.parametrize("params", MLKEM_SETS, ids=str)
def test_kat(params: ParamSet) -> None:
    """Each record: the key from ``d || z`` has encapsulation key ``pk``; ``ct``
    decapsulates to ``ss``, and the invalid ``ct_n`` to the rejection secret ``ss_n``."""
    level = params.fips_name.rsplit("-", 1)[1]
    records = load_records("asymmetric", "MLKEM", f"kat_MLKEM_{level}.rsp")
    assert len(records) == 1000
    for record in records:
        key = params.private_cls.from_seed_bytes(record.hex("d") + record.hex("z"))
        assert key.public_key().public_bytes_raw() == record.hex("pk"), record.line
        assert key.decapsulate(record.hex("ct")) == record.hex("ss"), record.line
        assert key.decapsulate(record.hex("ct_n")) == record.hex("ss_n"), record.line


def test_vector_key_files() -> None:
    """asymmetric/MLKEM/mlkem768.der and .pem: the seed-form PKCS#8 key of the first KAT
    record, which oxicrypt writes back byte for byte."""
    der = vector_path("asymmetric", "MLKEM", "mlkem768.der").read_bytes()
    pem = vector_path("asymmetric", "MLKEM", "mlkem768.pem").read_bytes()
    record = load_records("asymmetric", "MLKEM", "kat_MLKEM_768.rsp")[0]
    for key in (
        serialization.load_der_private_key(der, None),
        serialization.load_pem_private_key(pem, None),
    ):
        assert isinstance(key, mlkem.MLKEM768PrivateKey)
        assert key.private_bytes_raw() == record.hex("d") + record.hex("z")
        assert key.public_key().public_bytes_raw() == record.hex("pk")
        none = serialization.NoEncryption()
        pkcs8 = serialization.PrivateFormat.PKCS8
        assert key.private_bytes(serialization.Encoding.DER, pkcs8, none) == der
        assert key.private_bytes(serialization.Encoding.PEM, pkcs8, none) == pem


# Wycheproof.


def _params_of(case: WycheproofCase) -> ParamSet | None:
    """The parameter set of a case; None for ML-KEM-512, which oxicrypt lacks."""
    name = case.group["parameterSet"]
    return {"ML-KEM-768": MLKEM768, "ML-KEM-1024": MLKEM1024}.get(name)


_FILES = [f"mlkem_{n}_test" for n in (768, 1024)]
_KEYGEN_FILES = [f"mlkem_{n}_keygen_seed_test" for n in (768, 1024)]
_ENCAPS_FILES = [f"mlkem_{n}_encaps_test" for n in (768, 1024)]


@pytest.mark.wycheproof(*_FILES)
def test_wycheproof_decapsulation(wycheproof_case: WycheproofCase) -> None:
    """Valid cases: the seed's key has encapsulation key ``ek`` and ``c`` decapsulates to
    ``K``. Invalid ones have a seed or a ciphertext of the wrong length."""
    case = wycheproof_case
    params = _params_of(case)
    assert params is not None
    seed = case.hex("seed")
    if len(seed) != 64:
        assert case.invalid
        with pytest.raises(ValueError):
            params.private_cls.from_seed_bytes(seed)
        return
    key = params.private_cls.from_seed_bytes(seed)
    assert key.public_key().public_bytes_raw() == case.hex("ek")
    if case.valid:
        assert key.decapsulate(case.hex("c")) == case.hex("K")
    else:
        with pytest.raises(ValueError):
            key.decapsulate(case.hex("c"))


@pytest.mark.wycheproof(*_KEYGEN_FILES)
def test_wycheproof_keygen(wycheproof_case: WycheproofCase) -> None:
    case = wycheproof_case
    params = _params_of(case)
    assert params is not None and case.valid
    key = params.private_cls.from_seed_bytes(case.hex("seed"))
    assert key.public_key().public_bytes_raw() == case.hex("ek")


@pytest.mark.wycheproof(*_ENCAPS_FILES)
def test_wycheproof_encapsulation_keys(wycheproof_case: WycheproofCase) -> None:
    """Valid encapsulation keys load and work; invalid ones (coefficients not reduced
    modulo q) are refused."""
    case = wycheproof_case
    params = _params_of(case)
    assert params is not None
    ek = case.hex("ek")
    if case.valid:
        public = params.public_cls.from_public_bytes(ek)
        assert public.public_bytes_raw() == ek
        secret, ciphertext = public.encapsulate()
        assert len(secret) == 32 and len(ciphertext) == params.output_size
    else:
        with pytest.raises(ValueError):
            params.public_cls.from_public_bytes(ek)


def test_type_unions_match_reference(reference: Reference) -> None:
    """``asymmetric.types`` lists the ML-DSA and ML-KEM keys where the reference does."""
    import typing

    from oxicrypt.hazmat.primitives.asymmetric import types

    ref_types = reference("hazmat.primitives.asymmetric.types")
    for name in types.__all__:
        ours = [cls.__name__ for cls in typing.get_args(getattr(types, name))]
        theirs = [cls.__name__ for cls in typing.get_args(getattr(ref_types, name))]
        assert ours == theirs, name
    assert mlkem.MLKEM768PublicKey in typing.get_args(types.PublicKeyTypes)
