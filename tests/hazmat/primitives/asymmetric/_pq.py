"""What the tests of the ML-DSA (FIPS 204) and ML-KEM (FIPS 203) parameter sets share.

``ParamSet`` describes one parameter set (its oxicrypt classes, the reference's, its sizes
and DER encodings); ``PqKeyTests`` holds the tests every parameter set must pass. A test
module subclasses it as ``TestXxx`` with ``params`` set; the base class's name keeps
pytest from collecting it here.
"""

from __future__ import annotations

import copy
import dataclasses
import importlib
import pickle
from functools import partial
from types import ModuleType
from typing import Any, Callable, ClassVar
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oxicrypt.exceptions import UnsupportedAlgorithm, _Reasons
from oxicrypt.hazmat.backends.openssl.backend import backend
from oxicrypt.hazmat.primitives import serialization

from ._curves import NOT_BUFFERS, pem, seq, tlv

Reference = Callable[[str], ModuleType]

Enc = serialization.Encoding
PrivFmt = serialization.PrivateFormat
PubFmt = serialization.PublicFormat
# The members of the serialization enums, by name (the enums are not iterable).
ENCODINGS = ["PEM", "DER", "OpenSSH", "Raw", "X962", "SMIME"]
PRIVATE_FORMATS = ["PKCS8", "TraditionalOpenSSL", "Raw", "OpenSSH", "PKCS12"]
PUBLIC_FORMATS = [
    "SubjectPublicKeyInfo",
    "PKCS1",
    "OpenSSH",
    "Raw",
    "CompressedPoint",
    "UncompressedPoint",
]


@dataclasses.dataclass(frozen=True)
class ParamSet:
    class_prefix: str  # "MLDSA44": classes MLDSA44PrivateKey, MLDSA44PublicKey
    module_name: str  # "mldsa", in oxicrypt's and the reference's asymmetric package
    fips_name: str  # "ML-DSA-44", as error messages name it
    oid: str  # dotted OID of the key algorithm
    seed_size: int
    public_size: int
    output_size: int  # signature (ML-DSA) or ciphertext (ML-KEM) size

    def __str__(self) -> str:
        return self.fips_name

    @property
    def module(self) -> ModuleType:
        return importlib.import_module(f"oxicrypt.hazmat.primitives.asymmetric.{self.module_name}")

    @property
    def private_cls(self) -> Any:
        return getattr(self.module, f"{self.class_prefix}PrivateKey")

    @property
    def public_cls(self) -> Any:
        return getattr(self.module, f"{self.class_prefix}PublicKey")

    def reference_module(self, reference: Reference) -> ModuleType:
        return reference(f"hazmat.primitives.asymmetric.{self.module_name}")

    def reference_private_cls(self, reference: Reference) -> Any:
        return getattr(self.reference_module(reference), f"{self.class_prefix}PrivateKey")

    def reference_public_cls(self, reference: Reference) -> Any:
        return getattr(self.reference_module(reference), f"{self.class_prefix}PublicKey")

    @property
    def oid_der(self) -> bytes:
        """The DER OBJECT IDENTIFIER of the key algorithm."""
        return encode_oid(self.oid)

    def pkcs8(self, inner: bytes, *, params: bytes = b"", version: int = 0) -> bytes:
        """A PKCS#8 PrivateKeyInfo whose privateKey OCTET STRING holds ``inner``."""
        algorithm = seq(self.oid_der, params)
        return seq(tlv(0x02, bytes([version])), algorithm, tlv(0x04, inner))

    def seed_pkcs8(self, seed: bytes) -> bytes:
        """The seed form the LAMPS drafts define and the reference writes:
        ``seed [0] IMPLICIT OCTET STRING``."""
        return self.pkcs8(tlv(0x80, seed))

    def spki(self, raw: bytes, *, params: bytes = b"", unused_bits: int = 0) -> bytes:
        return seq(seq(self.oid_der, params), tlv(0x03, bytes([unused_bits]) + raw))

    def seeds(self) -> st.SearchStrategy[bytes]:
        return st.binary(min_size=self.seed_size, max_size=self.seed_size)


def encode_oid(dotted: str) -> bytes:
    arcs = [int(a) for a in dotted.split(".")]
    body = bytes([40 * arcs[0] + arcs[1]])
    for arc in arcs[2:]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        body += bytes(reversed(chunk))
    return tlv(0x06, body)


MLDSA44 = ParamSet("MLDSA44", "mldsa", "ML-DSA-44", "2.16.840.1.101.3.4.3.17", 32, 1312, 2420)
MLDSA65 = ParamSet("MLDSA65", "mldsa", "ML-DSA-65", "2.16.840.1.101.3.4.3.18", 32, 1952, 3309)
MLDSA87 = ParamSet("MLDSA87", "mldsa", "ML-DSA-87", "2.16.840.1.101.3.4.3.19", 32, 2592, 4627)
MLKEM768 = ParamSet("MLKEM768", "mlkem", "ML-KEM-768", "2.16.840.1.101.3.4.4.2", 64, 1184, 1088)
MLKEM1024 = ParamSet("MLKEM1024", "mlkem", "ML-KEM-1024", "2.16.840.1.101.3.4.4.3", 64, 1568, 1568)
PARAM_SETS = (MLDSA44, MLDSA65, MLDSA87, MLKEM768, MLKEM1024)
# Not implemented by oxicrypt nor by the reference.
ML_KEM_512_OID = "2.16.840.1.101.3.4.4.1"


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What a call did: returned ``value``, or raised ``error`` (the exception class name,
    since the reference has its own classes) with ``message``."""

    value: object = None
    error: str | None = None
    message: str | None = None


def outcome(call: Callable[[], object], *, messages: bool = True) -> Outcome:
    try:
        return Outcome(value=call())
    except Exception as e:
        return Outcome(error=type(e).__name__, message=str(e) if messages else None)


def _encryptions(lib: str) -> list[object]:
    ser = importlib.import_module(f"{lib}.hazmat.primitives.serialization")
    return [
        ser.NoEncryption(),
        ser.BestAvailableEncryption(b"password"),
        ser.PrivateFormat.PKCS12.encryption_builder().build(b"password"),
        ser.PrivateFormat.OpenSSH.encryption_builder().kdf_rounds(2).build(b"password"),
        "not an encryption",
    ]


class PqKeyTests:
    """Tests every ML-DSA and ML-KEM parameter set must pass."""

    params: ClassVar[ParamSet]

    def _key(self, fill: int = 7) -> Any:
        return self.params.private_cls.from_seed_bytes(bytes([fill]) * self.params.seed_size)

    def test_backend_reports_support(self) -> None:
        assert backend.mldsa_supported() is True
        assert backend.mlkem_supported() is True

    def test_generate(self) -> None:
        p = self.params
        key = p.private_cls.generate()
        assert isinstance(key, p.private_cls)
        assert not isinstance(key, p.public_cls)
        public = key.public_key()
        assert isinstance(public, p.public_cls)
        assert not isinstance(public, p.private_cls)
        assert len(key.private_bytes_raw()) == p.seed_size
        assert len(public.public_bytes_raw()) == p.public_size
        # The key is the one its seed gives.
        again = p.private_cls.from_seed_bytes(key.private_bytes_raw())
        assert again.public_key() == public
        others = {p.private_cls.generate().private_bytes_raw() for _ in range(4)}
        assert key.private_bytes_raw() not in others
        assert len(others) == 4

    def test_abcs_register_the_implementations(self) -> None:
        p = self.params
        key = self._key()
        assert issubclass(type(key), p.private_cls)
        assert issubclass(type(key.public_key()), p.public_cls)
        for other in PARAM_SETS:
            if other is not p:
                assert not isinstance(key, other.private_cls)
                assert not isinstance(key.public_key(), other.public_cls)

    def test_classes_cannot_be_instantiated(self) -> None:
        p = self.params
        key = self._key()
        for cls in (p.private_cls, p.public_cls, type(key), type(key.public_key())):
            with pytest.raises(TypeError):
                cls()

    def test_seed_round_trip(self) -> None:
        p = self.params

        @settings(max_examples=25)
        @given(seed=p.seeds())
        def check(seed: bytes) -> None:
            key = p.private_cls.from_seed_bytes(seed)
            assert key.private_bytes_raw() == seed
            assert key.private_bytes(Enc.Raw, PrivFmt.Raw, serialization.NoEncryption()) == seed
            for buffer in (bytearray(seed), memoryview(seed)):
                again = p.private_cls.from_seed_bytes(buffer)
                assert again.private_bytes_raw() == seed
                assert again.public_key() == key.public_key()

        check()

    def test_public_round_trip(self) -> None:
        p = self.params
        raw = self._key().public_key().public_bytes_raw()
        for data in (raw, bytearray(raw), memoryview(raw)):
            public = p.public_cls.from_public_bytes(data)
            assert public.public_bytes_raw() == raw
            assert public.public_bytes(Enc.Raw, PubFmt.Raw) == raw
            assert public == self._key().public_key()

    def test_public_key_matches_reference(self, reference: Reference) -> None:
        p = self.params
        ref_private = p.reference_private_cls(reference)

        @settings(max_examples=25)
        @given(seed=p.seeds())
        def check(seed: bytes) -> None:
            ours = p.private_cls.from_seed_bytes(seed).public_key().public_bytes_raw()
            assert ours == ref_private.from_seed_bytes(seed).public_key().public_bytes_raw()

        check()

    @pytest.mark.parametrize("size", ["empty", "one", "short", "long", "double"])
    def test_wrong_lengths(self, size: str, reference: Reference) -> None:
        p = self.params
        ref_private = p.reference_private_cls(reference)
        ref_public = p.reference_public_cls(reference)
        for n, ours, theirs in (
            (p.seed_size, p.private_cls.from_seed_bytes, ref_private.from_seed_bytes),
            (p.public_size, p.public_cls.from_public_bytes, ref_public.from_public_bytes),
        ):
            length = {"empty": 0, "one": 1, "short": n - 1, "long": n + 1, "double": 2 * n}[size]
            data = b"\x01" * length
            result = outcome(partial(ours, data))
            assert result.error == "ValueError"
            assert result == outcome(partial(theirs, data))

    @pytest.mark.parametrize("value", NOT_BUFFERS, ids=lambda v: type(v).__name__)
    def test_non_buffers(self, value: object) -> None:
        p = self.params
        with pytest.raises(TypeError):
            p.private_cls.from_seed_bytes(value)
        with pytest.raises(TypeError):
            p.public_cls.from_public_bytes(value)

    def test_public_key_equality(self) -> None:
        p = self.params
        key = self._key()
        raw = key.public_key().public_bytes_raw()
        spki = key.public_key().public_bytes(Enc.DER, PubFmt.SubjectPublicKeyInfo)
        same = [
            key.public_key(),
            key.public_key(),
            p.public_cls.from_public_bytes(raw),
            self._key().public_key(),
            serialization.load_der_public_key(spki),
        ]
        for a in same:
            for b in same:
                assert a == b
                assert not a != b
        different = self._key(8).public_key()
        assert same[0] != different
        other = next(o for o in PARAM_SETS if o is not p)
        unrelated = [raw, None, 0, key, other.private_cls.generate().public_key()]
        for value in unrelated:
            assert same[0] != value
            assert not same[0] == value
        assert key.public_key().__eq__(object()) is NotImplemented
        assert key.public_key() == mock.ANY

    def test_hashing_copying_pickling(self) -> None:
        key = self._key()
        twin = self._key()
        public = key.public_key()
        # Public keys compare by value, so they are unhashable; private keys have no
        # equality of their own and hash by identity.
        with pytest.raises(TypeError):
            hash(public)
        assert key == key
        assert key != twin
        assert len({key, twin, key}) == 2
        for obj in (key, public):
            assert copy.copy(obj) is obj
            assert copy.deepcopy(obj) is obj
            assert copy.deepcopy({"k": [obj]})["k"][0] is obj
            with pytest.raises(AttributeError):
                obj.extra = 1
            with pytest.raises(TypeError):
                pickle.dumps(obj)

    def test_serialization_matches_reference(self, reference: Reference) -> None:
        """PKCS#8 and SubjectPublicKeyInfo, PEM and DER: byte for byte the reference's,
        and each library reads the other's."""
        p = self.params
        ref_private = p.reference_private_cls(reference)
        ref_ser = reference("hazmat.primitives.serialization")

        @settings(max_examples=10)
        @given(seed=p.seeds())
        def check(seed: bytes) -> None:
            ours = p.private_cls.from_seed_bytes(seed)
            theirs = ref_private.from_seed_bytes(seed)
            for enc in ("DER", "PEM"):
                mine = ours.private_bytes(
                    getattr(Enc, enc), PrivFmt.PKCS8, serialization.NoEncryption()
                )
                other = theirs.private_bytes(
                    getattr(ref_ser.Encoding, enc),
                    ref_ser.PrivateFormat.PKCS8,
                    ref_ser.NoEncryption(),
                )
                assert mine == other
                mine_pub = ours.public_key().public_bytes(
                    getattr(Enc, enc), PubFmt.SubjectPublicKeyInfo
                )
                other_pub = theirs.public_key().public_bytes(
                    getattr(ref_ser.Encoding, enc), ref_ser.PublicFormat.SubjectPublicKeyInfo
                )
                assert mine_pub == other_pub
            der = ours.private_bytes(Enc.DER, PrivFmt.PKCS8, serialization.NoEncryption())
            assert der == p.seed_pkcs8(seed)
            spki = ours.public_key().public_bytes(Enc.DER, PubFmt.SubjectPublicKeyInfo)
            assert spki == p.spki(ours.public_key().public_bytes_raw())

        check()

    def test_loading(self) -> None:
        p = self.params
        key = self._key()
        der = key.private_bytes(Enc.DER, PrivFmt.PKCS8, serialization.NoEncryption())
        spki = key.public_key().public_bytes(Enc.DER, PubFmt.SubjectPublicKeyInfo)
        loaded = [
            serialization.load_der_private_key(der, None),
            serialization.load_pem_private_key(pem("PRIVATE KEY", der), None),
            serialization.load_der_private_key(bytearray(der), password=None),
        ]
        for private in loaded:
            assert isinstance(private, p.private_cls)
            assert private.private_bytes_raw() == key.private_bytes_raw()
        for public in (
            serialization.load_der_public_key(spki),
            serialization.load_pem_public_key(pem("PUBLIC KEY", spki)),
        ):
            assert isinstance(public, p.public_cls)
            assert public == key.public_key()
        with pytest.raises(TypeError):
            serialization.load_der_private_key(der, b"unneeded password")

    def test_encrypted_pkcs8(self, reference: Reference) -> None:
        p = self.params
        ref_ser = reference("hazmat.primitives.serialization")
        key = self._key()
        for enc, load, ref_load in (
            ("PEM", serialization.load_pem_private_key, ref_ser.load_pem_private_key),
            ("DER", serialization.load_der_private_key, ref_ser.load_der_private_key),
        ):
            data = key.private_bytes(
                getattr(Enc, enc), PrivFmt.PKCS8, serialization.BestAvailableEncryption(b"pw")
            )
            assert key.private_bytes_raw() not in data
            if enc == "PEM":
                assert data.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----\n")
            again = load(data, b"pw")
            assert isinstance(again, p.private_cls)
            assert again.private_bytes_raw() == key.private_bytes_raw()
            assert ref_load(data, b"pw").private_bytes_raw() == key.private_bytes_raw()
            with pytest.raises(TypeError):
                load(data, None)
            with pytest.raises(ValueError):
                load(data, b"wrong")
            ref_data = (
                p.reference_private_cls(reference)
                .from_seed_bytes(key.private_bytes_raw())
                .private_bytes(
                    getattr(ref_ser.Encoding, enc),
                    ref_ser.PrivateFormat.PKCS8,
                    ref_ser.BestAvailableEncryption(b"pw"),
                )
            )
            assert load(ref_data, b"pw").private_bytes_raw() == key.private_bytes_raw()

    def test_private_bytes_requests_match_reference(self, reference: Reference) -> None:
        """Every (encoding, format, encryption) request: the reference's bytes (for the
        deterministic ones) or its exception and message."""
        p = self.params
        ref_ser = reference("hazmat.primitives.serialization")
        seed = bytes(range(p.seed_size))
        ours = p.private_cls.from_seed_bytes(seed)
        theirs = p.reference_private_cls(reference).from_seed_bytes(seed)
        for enc in ENCODINGS:
            for fmt in PRIVATE_FORMATS:
                for i, (mine, other) in enumerate(
                    zip(_encryptions("oxicrypt"), _encryptions("cryptography"))
                ):
                    a = outcome(
                        partial(ours.private_bytes, getattr(Enc, enc), getattr(PrivFmt, fmt), mine)
                    )
                    b = outcome(
                        partial(
                            theirs.private_bytes,
                            getattr(ref_ser.Encoding, enc),
                            getattr(ref_ser.PrivateFormat, fmt),
                            other,
                        )
                    )
                    if i == 1 and a.error is None:  # encrypted output is random
                        assert b.error is None, (enc, fmt)
                        continue
                    assert a == b, (enc, fmt, i)

    def test_public_bytes_requests_match_reference(self, reference: Reference) -> None:
        p = self.params
        ref_ser = reference("hazmat.primitives.serialization")
        seed = bytes(range(p.seed_size))
        ours = p.private_cls.from_seed_bytes(seed).public_key()
        theirs = p.reference_private_cls(reference).from_seed_bytes(seed).public_key()
        for enc in ENCODINGS:
            for fmt in PUBLIC_FORMATS:
                a = outcome(partial(ours.public_bytes, getattr(Enc, enc), getattr(PubFmt, fmt)))
                b = outcome(
                    partial(
                        theirs.public_bytes,
                        getattr(ref_ser.Encoding, enc),
                        getattr(ref_ser.PublicFormat, fmt),
                    )
                )
                assert a == b, (enc, fmt)

    def _malformed_private(self) -> dict[str, bytes]:
        p = self.params
        seed = bytes(range(p.seed_size))
        other = next(o for o in PARAM_SETS if o.seed_size != p.seed_size)
        return {
            "expanded-key": p.pkcs8(tlv(0x04, b"\x00" * 2400)),
            "both": p.pkcs8(seq(tlv(0x04, seed), tlv(0x04, b"\x00" * 2400))),
            "bare-octet-string": p.pkcs8(tlv(0x04, seed)),
            "no-inner-encoding": p.pkcs8(seed),
            "short-seed": p.seed_pkcs8(seed[:-1]),
            "long-seed": p.seed_pkcs8(seed + b"\x00"),
            "other-family-seed": p.seed_pkcs8(bytes(other.seed_size)),
            "constructed-tag": p.pkcs8(tlv(0xA0, tlv(0x04, seed))),
            "trailing-data-inside": p.pkcs8(tlv(0x80, seed) + b"\x00"),
            "trailing-data-outside": p.seed_pkcs8(seed) + b"\x00",
            "null-params": p.pkcs8(tlv(0x80, seed), params=b"\x05\x00"),
            "version-2": p.pkcs8(tlv(0x80, seed), version=1),
            "ml-kem-512": ParamSet("x", "x", "x", ML_KEM_512_OID, 64, 0, 0).seed_pkcs8(bytes(64)),
        }

    def test_malformed_private_keys_match_reference(self, reference: Reference) -> None:
        ref_ser = reference("hazmat.primitives.serialization")
        for name, der in self._malformed_private().items():
            ours = outcome(partial(serialization.load_der_private_key, der, None))
            theirs = outcome(partial(ref_ser.load_der_private_key, der, None))
            assert ours.error is not None, name
            assert ours.error == theirs.error, name
            pem_ours = outcome(
                partial(serialization.load_pem_private_key, pem("PRIVATE KEY", der), None)
            )
            assert pem_ours.error == ours.error, name

    def test_ml_kem_512_is_unsupported(self) -> None:
        other = ParamSet("x", "x", "x", ML_KEM_512_OID, 64, 800, 0)
        with pytest.raises(UnsupportedAlgorithm):
            serialization.load_der_public_key(other.spki(bytes(800)))
        with pytest.raises(UnsupportedAlgorithm):
            serialization.load_der_private_key(other.seed_pkcs8(bytes(64)), None)

    def test_malformed_public_keys_match_reference(self, reference: Reference) -> None:
        p = self.params
        ref_ser = reference("hazmat.primitives.serialization")
        raw = self._key().public_key().public_bytes_raw()
        cases = {
            "short": p.spki(raw[:-1]),
            "long": p.spki(raw + b"\x00"),
            "null-params": p.spki(raw, params=b"\x05\x00"),
            "unused-bits": p.spki(raw, unused_bits=1),
            "trailing-data": p.spki(raw) + b"\x00",
            "empty": p.spki(b""),
        }
        for name, der in cases.items():
            ours = outcome(partial(serialization.load_der_public_key, der))
            theirs = outcome(partial(ref_ser.load_der_public_key, der))
            assert ours.error == "ValueError", name
            assert ours.error == theirs.error, name

    def test_unsupported_backend(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Where the linked OpenSSL lacks the algorithm, the constructors say so."""
        p = self.params
        name = "mldsa_supported" if p.module_name == "mldsa" else "mlkem_supported"
        monkeypatch.setattr(type(backend), name, lambda self: False)
        calls = [
            p.private_cls.generate,
            lambda: p.private_cls.from_seed_bytes(bytes(p.seed_size)),
            lambda: p.public_cls.from_public_bytes(bytes(p.public_size)),
        ]
        for call in calls:
            with pytest.raises(UnsupportedAlgorithm) as info:
                call()
            assert info.value._reason is _Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM
            assert str(info.value) == f"{p.fips_name} is not supported by this backend."
