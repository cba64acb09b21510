"""ML-DSA (FIPS 204): the shared key tests, signing with contexts and from mu, the
``MLDSAMuHasher``, the ACVP-derived known answers of ``cryptography_vectors``
(asymmetric/MLDSA/kat_MLDSA_*_det_pure.rsp and its key files) and Wycheproof's ML-DSA
tests.

oxicrypt, like the reference, signs with FIPS 204's hedged (randomized) variant, so known
signatures are checked by verifying them, never by reproducing them.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oxicrypt.exceptions import AlreadyFinalized, InvalidSignature
from oxicrypt.hazmat.primitives import serialization
from oxicrypt.hazmat.primitives.asymmetric import ed25519, mldsa
from tests.vectors import load_records, vector_path
from tests.wycheproof import WycheproofCase

from ._curves import NOT_BUFFERS
from ._pq import MLDSA44, MLDSA65, MLDSA87, ParamSet, PqKeyTests, Reference, outcome

MLDSA_SETS = (MLDSA44, MLDSA65, MLDSA87)


class TestMLDSA44(PqKeyTests):
    params = MLDSA44


class TestMLDSA65(PqKeyTests):
    params = MLDSA65


class TestMLDSA87(PqKeyTests):
    params = MLDSA87


def _mu(public_raw: bytes, message: bytes, context: bytes = b"") -> bytes:
    """FIPS 204, algorithm 7, line 6, for pure ML-DSA: SHAKE256(tr || M', 64), with
    tr = SHAKE256(pk, 64) and M' = 0 || len(ctx) || ctx || M (algorithm 2, line 10)."""
    tr = hashlib.shake_256(public_raw).digest(64)
    prefix = bytes([0, len(context)]) + context
    return hashlib.shake_256(tr + prefix + message).digest(64)


def _key(params: ParamSet, fill: int = 3) -> Any:
    return params.private_cls.from_seed_bytes(bytes([fill]) * 32)


@pytest.mark.parametrize("params", MLDSA_SETS, ids=str)
class TestSigning:
    def test_sign_then_verify(self, params: ParamSet) -> None:
        key = _key(params)
        public = key.public_key()

        @settings(max_examples=20)
        @given(message=st.binary(max_size=1024), context=st.none() | st.binary(max_size=255))
        def check(message: bytes, context: bytes | None) -> None:
            signature = key.sign(message, context)
            assert len(signature) == params.output_size
            # Hedged signing: a second signature differs, and both verify.
            other = key.sign(message, context)
            assert other != signature
            assert public.verify(signature, message, context) is None
            public.verify(other, message, context)
            # Only the same context verifies; None is the empty context.
            if context:
                with pytest.raises(InvalidSignature):
                    public.verify(signature, message)
            else:
                public.verify(signature, message, b"")
                public.verify(signature, message, None)
            with pytest.raises(InvalidSignature):
                public.verify(signature, message, (context or b"") + b"x")

        check()

    def test_tampering_is_detected(self, params: ParamSet) -> None:
        key = _key(params)
        public = key.public_key()
        signature = key.sign(b"message", b"ctx")

        @settings(max_examples=30)
        @given(bit=st.integers(0, params.output_size * 8 - 1))
        def check(bit: int) -> None:
            forged = bytearray(signature)
            forged[bit // 8] ^= 1 << (bit % 8)
            with pytest.raises(InvalidSignature):
                public.verify(bytes(forged), b"message", b"ctx")

        check()
        with pytest.raises(InvalidSignature):
            public.verify(signature, b"messagf", b"ctx")

    def test_wrong_key_and_parameter_set(self, params: ParamSet) -> None:
        signature = _key(params, 1).sign(b"m")
        with pytest.raises(InvalidSignature):
            _key(params, 2).public_key().verify(signature, b"m")
        for other in MLDSA_SETS:
            if other is not params:
                with pytest.raises(InvalidSignature):
                    _key(other, 1).public_key().verify(signature, b"m")

    def test_malformed_signatures_are_invalid_not_errors(self, params: ParamSet) -> None:
        key = _key(params)
        signature = key.sign(b"m")
        for bad in (b"", signature[:-1], signature + b"\x00", signature * 2, b"\x00" * 10):
            with pytest.raises(InvalidSignature) as info:
                key.public_key().verify(bad, b"m")
            assert type(info.value) is InvalidSignature

    def test_context_length(self, params: ParamSet) -> None:
        key = _key(params)
        public = key.public_key()
        signature = key.sign(b"m", b"c" * 255)
        public.verify(signature, b"m", b"c" * 255)
        for call in (
            lambda: key.sign(b"m", b"c" * 256),
            lambda: public.verify(signature, b"m", b"c" * 256),
            lambda: mldsa.MLDSAMuHasher(public, b"c" * 256),
        ):
            with pytest.raises(ValueError, match="Context must be at most 255 bytes"):
                call()

    def test_buffers(self, params: ParamSet) -> None:
        key = _key(params)
        signature = key.sign(bytearray(b"buffer"), memoryview(b"ctx"))
        key.public_key().verify(memoryview(signature), bytearray(b"buffer"), bytearray(b"ctx"))
        mu = _mu(key.public_key().public_bytes_raw(), b"buffer")
        key.public_key().verify_mu(bytearray(key.sign_mu(memoryview(mu))), memoryview(mu))

    @pytest.mark.parametrize("value", NOT_BUFFERS[1:], ids=lambda v: type(v).__name__)
    def test_arguments_need_buffers(self, params: ParamSet, value: object) -> None:
        key = _key(params)
        public = key.public_key()
        signature = key.sign(b"m")
        calls = [
            lambda: key.sign(value),
            lambda: key.sign(b"m", value),
            lambda: key.sign_mu(value),
            lambda: public.verify(value, b"m"),
            lambda: public.verify(signature, value),
            lambda: public.verify(signature, b"m", value),
            lambda: public.verify_mu(value, bytes(64)),
            lambda: public.verify_mu(signature, value),
            lambda: mldsa.MLDSAMuHasher(public, value),
            lambda: mldsa.MLDSAMuHasher(public).update(value),
        ]
        for call in calls:
            with pytest.raises(TypeError):
                call()

    def test_long_message(self, params: ParamSet) -> None:
        key = _key(params)
        message = bytes(range(256)) * 4096  # 1 MiB
        signature = key.sign(message)
        key.public_key().verify(signature, message)
        with pytest.raises(InvalidSignature):
            key.public_key().verify(signature, message[:-1])

    def test_signatures_verify_across_libraries(
        self, params: ParamSet, reference: Reference
    ) -> None:
        ref_private = params.reference_private_cls(reference)

        @settings(max_examples=10)
        @given(
            seed=params.seeds(),
            message=st.binary(max_size=256),
            context=st.none() | st.binary(max_size=255),
        )
        def check(seed: bytes, message: bytes, context: bytes | None) -> None:
            ours = params.private_cls.from_seed_bytes(seed)
            theirs = ref_private.from_seed_bytes(seed)
            theirs.public_key().verify(ours.sign(message, context), message, context)
            ours.public_key().verify(theirs.sign(message, context), message, context)
            mu = _mu(ours.public_key().public_bytes_raw(), message, context or b"")
            theirs.public_key().verify_mu(ours.sign_mu(mu), mu)
            ours.public_key().verify_mu(theirs.sign_mu(mu), mu)

        check()


@pytest.mark.parametrize("params", MLDSA_SETS, ids=str)
class TestMu:
    def test_sign_mu_matches_sign(self, params: ParamSet) -> None:
        """A signature of mu is a signature of the message mu represents, and back."""
        key = _key(params)
        public = key.public_key()
        raw = public.public_bytes_raw()
        for message, context in ((b"", b""), (b"message", b""), (b"message", b"ctx")):
            mu = _mu(raw, message, context)
            public.verify(key.sign_mu(mu), message, context)
            public.verify_mu(key.sign(message, context), mu)
            with pytest.raises(InvalidSignature):
                public.verify_mu(key.sign(message, context + b"!"), mu)

    def test_mu_length(self, params: ParamSet) -> None:
        key = _key(params)
        signature = key.sign_mu(bytes(64))
        for size in (0, 32, 63, 65, 128):
            with pytest.raises(ValueError, match="mu must be 64 bytes"):
                key.sign_mu(bytes(size))
            with pytest.raises(ValueError, match="mu must be 64 bytes"):
                key.public_key().verify_mu(signature, bytes(size))
        with pytest.raises(InvalidSignature):
            key.public_key().verify_mu(signature, b"\x01" + bytes(63))

    def test_hasher_computes_mu(self, params: ParamSet) -> None:
        public = _key(params).public_key()
        raw = public.public_bytes_raw()

        @settings(max_examples=20)
        @given(
            chunks=st.lists(st.binary(max_size=300), max_size=5),
            context=st.none() | st.binary(max_size=255),
        )
        def check(chunks: list[bytes], context: bytes | None) -> None:
            hasher = mldsa.MLDSAMuHasher(public, context)
            for chunk in chunks:
                hasher.update(chunk)
            assert hasher.finalize() == _mu(raw, b"".join(chunks), context or b"")

        check()

    def test_hasher_copy_and_finalize(self, params: ParamSet) -> None:
        public = _key(params).public_key()
        raw = public.public_bytes_raw()
        hasher = mldsa.MLDSAMuHasher(public_key=public, context=b"ctx")
        hasher.update(b"abc")
        fork = hasher.copy()
        assert isinstance(fork, mldsa.MLDSAMuHasher)
        hasher.update(b"def")
        fork.update(b"xyz")
        assert hasher.finalize() == _mu(raw, b"abcdef", b"ctx")
        assert fork.finalize() == _mu(raw, b"abcxyz", b"ctx")
        for call in (hasher.finalize, hasher.copy, lambda: hasher.update(b"")):
            with pytest.raises(AlreadyFinalized):
                call()

    def test_hasher_large_update(self, params: ParamSet) -> None:
        public = _key(params).public_key()
        data = bytes(range(256)) * 8192  # 2 MiB, hashed without the GIL
        hasher = mldsa.MLDSAMuHasher(public)
        hasher.update(memoryview(data))
        assert hasher.finalize() == _mu(public.public_bytes_raw(), data)

    def test_hasher_needs_an_mldsa_public_key(
        self, params: ParamSet, reference: Reference
    ) -> None:
        key = _key(params)
        raw = key.public_key().public_bytes_raw()
        wrong = [
            None,
            raw,
            key,
            ed25519.Ed25519PrivateKey.generate().public_key(),
            params.reference_public_cls(reference).from_public_bytes(raw),
        ]
        for value in wrong:
            with pytest.raises(TypeError, match=r"public_key must be an ML-DSA public key\."):
                mldsa.MLDSAMuHasher(value)

    def test_hasher_matches_reference(self, params: ParamSet, reference: Reference) -> None:
        ref_mldsa = params.reference_module(reference)
        seed = bytes(range(32))
        ours = params.private_cls.from_seed_bytes(seed).public_key()
        theirs = params.reference_private_cls(reference).from_seed_bytes(seed).public_key()
        for context in (None, b"", b"context"):
            mine = mldsa.MLDSAMuHasher(ours, context)
            other = ref_mldsa.MLDSAMuHasher(theirs, context)
            for chunk in (b"", b"a", bytes(1000)):
                mine.update(chunk)
                other.update(chunk)
            assert mine.finalize() == other.finalize()


def test_hasher_is_not_picklable() -> None:
    import copy
    import pickle

    hasher = mldsa.MLDSAMuHasher(_key(MLDSA44).public_key())
    with pytest.raises(TypeError):
        pickle.dumps(hasher)
    with pytest.raises(TypeError):
        copy.copy(hasher)


# Known answers: FIPS 204 key generation and signatures from the ACVP-derived files.


@pytest.mark.parametrize("params", MLDSA_SETS, ids=str)
def test_kat_det_pure(params: ParamSet) -> None:
    """Each record: the key from ``xi`` has public key ``pk``; ``sm`` (signature then
    message) verifies with the context ``ctx``, and not with another context."""
    level = params.fips_name[-2:]
    records = load_records("asymmetric", "MLDSA", f"kat_MLDSA_{level}_det_pure.rsp")
    assert len(records) == 100
    for record in records:
        key = params.private_cls.from_seed_bytes(record.hex("xi"))
        public = key.public_key()
        assert public.public_bytes_raw() == record.hex("pk"), record.line
        message, signed = record.hex("msg"), record.hex("sm")
        assert int(record["smlen"]) == params.output_size + int(record["mlen"])
        signature = signed[: params.output_size]
        assert signed[params.output_size :] == message
        context = record.hex("ctx")
        public.verify(signature, message, context)
        with pytest.raises(InvalidSignature):
            public.verify(signature, message, context + b"\x00")
        hasher = mldsa.MLDSAMuHasher(public, context)
        hasher.update(message)
        public.verify_mu(signature, hasher.finalize())


def test_vector_key_files(reference: Reference) -> None:
    """asymmetric/MLDSA: the ML-DSA-44 key of seed 2a..2a as PKCS#8 and SPKI; and an
    ML-DSA-65 key with only its expanded form, which oxicrypt (like the reference)
    refuses."""
    private_der = vector_path("asymmetric", "MLDSA", "mldsa44_priv.der").read_bytes()
    public_der = vector_path("asymmetric", "MLDSA", "mldsa44_pub.der").read_bytes()
    key = serialization.load_der_private_key(private_der, None)
    assert isinstance(key, mldsa.MLDSA44PrivateKey)
    assert key.private_bytes_raw() == b"\x2a" * 32
    public = serialization.load_der_public_key(public_der)
    assert isinstance(public, mldsa.MLDSA44PublicKey)
    assert public == key.public_key()
    none = serialization.NoEncryption()
    assert (
        key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, none)
        == private_der
    )
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    assert public.public_bytes(serialization.Encoding.DER, spki) == public_der
    noseed = vector_path("asymmetric", "MLDSA", "mldsa65_noseed_priv.der").read_bytes()
    with pytest.raises(ValueError, match="seed"):
        serialization.load_der_private_key(noseed, None)
    ref_ser = reference("hazmat.primitives.serialization")
    assert outcome(lambda: ref_ser.load_der_private_key(noseed, None)).error == "ValueError"


# Wycheproof.

_SIGN_FILES = [f"mldsa_{n}_sign_seed_test" for n in (44, 65, 87)]
_NOSEED_FILES = [f"mldsa_{n}_sign_noseed_test" for n in (44, 65, 87)]
_VERIFY_FILES = [f"mldsa_{n}_verify_test" for n in (44, 65, 87)]


def _params_of(case: WycheproofCase) -> ParamSet:
    level = case.file.split("_")[1]
    return {"44": MLDSA44, "65": MLDSA65, "87": MLDSA87}[level]


def _check_signature_case(case: WycheproofCase, public: Any) -> None:
    """A case whose key is valid: its signature (of ``msg``, or of ``mu`` when the case
    gives only mu) verifies when valid; an oversized context is a ValueError."""
    test = case.test
    context = case.hex("ctx") if "ctx" in test else None
    signature = case.hex("sig")
    if context is not None and len(context) > 255:
        assert case.invalid
        with pytest.raises(ValueError):
            public.verify(signature, case.hex("msg"), context)
        return
    assert case.valid, case
    if "msg" in test:
        public.verify(signature, case.hex("msg"), context)
        hasher = mldsa.MLDSAMuHasher(public, context)
        hasher.update(case.hex("msg"))
        mu = hasher.finalize()
        if "mu" in test:
            assert mu == case.hex("mu"), case
    else:
        mu = case.hex("mu")
    public.verify_mu(signature, mu)


@pytest.mark.wycheproof(*_SIGN_FILES)
def test_wycheproof_sign_seed(wycheproof_case: WycheproofCase) -> None:
    """Keys from seeds: the public key and PKCS#8 encoding the file gives, the file's
    signatures verify, and fresh signatures of its messages verify too."""
    case = wycheproof_case
    params = _params_of(case)
    seed = bytes.fromhex(case.group["privateSeed"])
    if len(seed) != 32:
        assert case.invalid
        with pytest.raises(ValueError):
            params.private_cls.from_seed_bytes(seed)
        with pytest.raises(ValueError):
            serialization.load_der_private_key(params.seed_pkcs8(seed), None)
        return
    key = params.private_cls.from_seed_bytes(seed)
    public = key.public_key()
    assert public.public_bytes_raw().hex() == case.group["publicKey"]
    if "privateKeyPkcs8" in case.group:
        der = bytes.fromhex(case.group["privateKeyPkcs8"])
        fmt = serialization.PrivateFormat.PKCS8
        written = key.private_bytes(serialization.Encoding.DER, fmt, serialization.NoEncryption())
        assert written == der
        assert serialization.load_der_private_key(der, None).private_bytes_raw() == seed
    _check_signature_case(case, public)
    if case.valid and "msg" in case.test:
        context = case.hex("ctx") if "ctx" in case.test else None
        public.verify(key.sign(case.hex("msg"), context), case.hex("msg"), context)


@pytest.mark.wycheproof(*_NOSEED_FILES)
def test_wycheproof_sign_noseed(wycheproof_case: WycheproofCase) -> None:
    """Keys given only in expanded form cannot be loaded (no API takes them); their
    signatures still verify with the public key."""
    case = wycheproof_case
    params = _params_of(case)
    raw = case.group.get("publicKey")
    if not raw:
        assert case.invalid  # a private key of the wrong length
        return
    public = params.public_cls.from_public_bytes(bytes.fromhex(raw))
    if "InvalidPrivateKey" in case.test["flags"]:
        assert case.invalid and not case.test["sig"]  # nothing was signed
        return
    _check_signature_case(case, public)


@pytest.mark.wycheproof(*_VERIFY_FILES)
def test_wycheproof_verify(wycheproof_case: WycheproofCase) -> None:
    case = wycheproof_case
    params = _params_of(case)
    raw = bytes.fromhex(case.group["publicKey"])
    if len(raw) != params.public_size:
        assert case.invalid
        with pytest.raises(ValueError):
            params.public_cls.from_public_bytes(raw)
        with pytest.raises(ValueError):
            serialization.load_der_public_key(bytes.fromhex(case.group["publicKeyDer"]))
        return
    public = params.public_cls.from_public_bytes(raw)
    spki = public.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert spki.hex() == case.group["publicKeyDer"]
    assert serialization.load_der_public_key(spki) == public
    context = case.hex("ctx") if "ctx" in case.test else None
    signature, message = case.hex("sig"), case.hex("msg")
    if case.valid:
        public.verify(signature, message, context)
    elif context is not None and len(context) > 255:
        with pytest.raises(ValueError):
            public.verify(signature, message, context)
    else:
        with pytest.raises(InvalidSignature):
            public.verify(signature, message, context)
