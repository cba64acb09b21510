"""What the tests of the four RFC 8410 key types share.

``Curve`` describes one key type (its oxicrypt classes, the reference's module, its key and
signature sizes and its DER encodings); ``KeyTests`` holds the tests every key type must
pass, ``SignatureKeyTests`` and ``ExchangeKeyTests`` add those of signing (Ed25519, Ed448)
and key-agreement (X25519, X448) keys. A curve's test module subclasses one of them as
``TestXxxKeys`` with ``curve`` set; the base classes' names keep pytest from collecting
them here.
"""

from __future__ import annotations

import base64
import copy
import dataclasses
import importlib
import pickle
import threading
from types import ModuleType
from typing import Any, Callable, ClassVar
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.exceptions import InvalidSignature, UnsupportedAlgorithm
from oxicrypt.hazmat.primitives import serialization
from tests.wycheproof import WycheproofCase

Reference = Callable[[str], ModuleType]


def tlv(tag: int, body: bytes) -> bytes:
    """One DER element: ``tag``, the definite (minimal) length of ``body``, ``body``."""
    if len(body) < 0x80:
        length = bytes([len(body)])
    else:
        size = len(body).to_bytes((len(body).bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(size)]) + size
    return bytes([tag]) + length + body


def seq(*items: bytes) -> bytes:
    return tlv(0x30, b"".join(items))


def pem(label: str, der: bytes) -> bytes:
    """``der`` in a PEM block as OpenSSL writes one: 64-column base64, LF line ends."""
    text = base64.b64encode(der).decode()
    lines = [text[i : i + 64] for i in range(0, len(text), 64)]
    return "\n".join([f"-----BEGIN {label}-----", *lines, f"-----END {label}-----", ""]).encode()


@dataclasses.dataclass(frozen=True)
class Curve:
    name: str  # "Ed25519"
    module_name: str  # "ed25519", in oxicrypt's and the reference's asymmetric package
    key_size: int  # bytes of a raw private key, and of a raw public key
    oid: bytes  # the DER contents of the algorithm's OBJECT IDENTIFIER (RFC 8410)
    signature_size: int = 0  # 0: a key-agreement curve

    def __str__(self) -> str:
        return self.name

    @property
    def module(self) -> ModuleType:
        return importlib.import_module(f"oxicrypt.hazmat.primitives.asymmetric.{self.module_name}")

    @property
    def private_cls(self) -> Any:
        return getattr(self.module, f"{self.name}PrivateKey")

    @property
    def public_cls(self) -> Any:
        return getattr(self.module, f"{self.name}PublicKey")

    def reference_module(self, reference: Reference) -> ModuleType:
        return reference(f"hazmat.primitives.asymmetric.{self.module_name}")

    def reference_private_cls(self, reference: Reference) -> Any:
        return getattr(self.reference_module(reference), f"{self.name}PrivateKey")

    def reference_public_cls(self, reference: Reference) -> Any:
        return getattr(self.reference_module(reference), f"{self.name}PublicKey")

    def algorithm_identifier(self) -> bytes:
        return seq(tlv(0x06, self.oid))

    def pkcs8(self, raw: bytes) -> bytes:
        """RFC 8410, section 7: a PKCS#8 v1 PrivateKeyInfo holding ``raw``."""
        return seq(tlv(0x02, b"\x00"), self.algorithm_identifier(), tlv(0x04, tlv(0x04, raw)))

    def spki(self, raw: bytes) -> bytes:
        """RFC 8410, section 4: a SubjectPublicKeyInfo holding ``raw``."""
        return seq(self.algorithm_identifier(), tlv(0x03, b"\x00" + raw))

    def raw_keys(self) -> st.SearchStrategy[bytes]:
        return st.binary(min_size=self.key_size, max_size=self.key_size)


ED25519 = Curve("Ed25519", "ed25519", 32, bytes.fromhex("2b6570"), signature_size=64)
ED448 = Curve("Ed448", "ed448", 57, bytes.fromhex("2b6571"), signature_size=114)
X25519 = Curve("X25519", "x25519", 32, bytes.fromhex("2b656e"))
X448 = Curve("X448", "x448", 56, bytes.fromhex("2b656f"))
CURVES = (ED25519, ED448, X25519, X448)

# Objects that are not buffers, for the arguments that take bytes.
NOT_BUFFERS = [None, "text", 32, 1.5, [0] * 32, object()]


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What a call did: returned ``value``, or raised an exception of class ``error``
    (compared by name, since the reference has its own exception classes)."""

    value: object = None
    error: str | None = None


def outcome(call: Callable[[], object]) -> Outcome:
    try:
        return Outcome(value=call())
    except Exception as e:
        return Outcome(error=type(e).__name__)


class KeyTests:
    """Tests every one of the four key types must pass."""

    curve: ClassVar[Curve]

    def test_generate(self) -> None:
        c = self.curve
        key = c.private_cls.generate()
        assert isinstance(key, c.private_cls)
        assert not isinstance(key, c.public_cls)
        public = key.public_key()
        assert isinstance(public, c.public_cls)
        assert not isinstance(public, c.private_cls)
        assert len(key.private_bytes_raw()) == c.key_size
        assert len(public.public_bytes_raw()) == c.key_size
        others = {c.private_cls.generate().private_bytes_raw() for _ in range(8)}
        assert key.private_bytes_raw() not in others
        assert len(others) == 8

    def test_abcs_register_the_implementations(self) -> None:
        c = self.curve
        key = c.private_cls.from_private_bytes(bytes(range(c.key_size)))
        assert issubclass(type(key), c.private_cls)
        assert issubclass(type(key.public_key()), c.public_cls)
        for other in CURVES:
            if other is not c:
                assert not isinstance(key, other.private_cls)
                assert not isinstance(key.public_key(), other.public_cls)

    def test_classes_cannot_be_instantiated(self) -> None:
        c = self.curve
        key = c.private_cls.generate()
        for cls in (c.private_cls, c.public_cls, type(key), type(key.public_key())):
            with pytest.raises(TypeError):
                cls()

    # Property tests run an inner @given function, made afresh for each subclass, since
    # Hypothesis refuses one @given method run by instances of several classes.

    def test_raw_private_round_trip(self) -> None:
        c = self.curve

        @given(raw=c.raw_keys())
        def check(raw: bytes) -> None:
            key = c.private_cls.from_private_bytes(raw)
            assert key.private_bytes_raw() == raw
            enc, fmt = serialization.Encoding.Raw, serialization.PrivateFormat.Raw
            assert key.private_bytes(enc, fmt, serialization.NoEncryption()) == raw
            for buffer in (bytearray(raw), memoryview(raw)):
                again = c.private_cls.from_private_bytes(buffer)
                assert again.private_bytes_raw() == raw
                assert again.public_key() == key.public_key()

        check()

    def test_raw_public_round_trip(self) -> None:
        c = self.curve

        @given(raw=c.raw_keys())
        def check(raw: bytes) -> None:
            public = c.public_cls.from_public_bytes(raw)
            assert public.public_bytes_raw() == raw
            enc, fmt = serialization.Encoding.Raw, serialization.PublicFormat.Raw
            assert public.public_bytes(enc, fmt) == raw

        check()

    def test_public_key_matches_reference(self, reference: Reference) -> None:
        c = self.curve
        ref_private = c.reference_private_cls(reference)

        @given(raw=c.raw_keys())
        def check(raw: bytes) -> None:
            ours = c.private_cls.from_private_bytes(raw).public_key().public_bytes_raw()
            assert ours == ref_private.from_private_bytes(raw).public_key().public_bytes_raw()

        check()

    def test_generated_keys_match_reference(self, reference: Reference) -> None:
        c = self.curve
        for _ in range(10):
            key = c.private_cls.generate()
            theirs = c.reference_private_cls(reference).from_private_bytes(key.private_bytes_raw())
            assert theirs.public_key().public_bytes_raw() == key.public_key().public_bytes_raw()

    @pytest.mark.parametrize("length", ["empty", "one", "short", "long", "double"])
    def test_wrong_lengths(self, length: str) -> None:
        n = self.curve.key_size
        size = {"empty": 0, "one": 1, "short": n - 1, "long": n + 1, "double": 2 * n}[length]
        with pytest.raises(ValueError):
            self.curve.private_cls.from_private_bytes(b"\x01" * size)
        with pytest.raises(ValueError):
            self.curve.public_cls.from_public_bytes(b"\x01" * size)

    @pytest.mark.parametrize("value", NOT_BUFFERS, ids=lambda v: type(v).__name__)
    def test_non_buffers(self, value: object) -> None:
        c = self.curve
        with pytest.raises(TypeError):
            c.private_cls.from_private_bytes(value)
        with pytest.raises(TypeError):
            c.public_cls.from_public_bytes(value)

    def test_public_key_equality(self) -> None:
        c = self.curve
        key = c.private_cls.from_private_bytes(bytes(range(c.key_size)))
        raw = key.public_key().public_bytes_raw()
        spki = key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        same = [
            key.public_key(),
            key.public_key(),
            c.public_cls.from_public_bytes(raw),
            c.private_cls.from_private_bytes(bytes(range(c.key_size))).public_key(),
            serialization.load_der_public_key(spki),
        ]
        for a in same:
            for b in same:
                assert a == b
                assert not a != b
        different = c.public_cls.from_public_bytes(bytes([raw[0] ^ 1]) + raw[1:])
        assert same[0] != different
        assert not same[0] == different
        other_curve = next(o for o in CURVES if o is not c)
        unrelated = [raw, None, 0, key, other_curve.private_cls.generate().public_key()]
        for value in unrelated:
            assert same[0] != value
            assert not same[0] == value

    def test_public_key_eq_defers_to_other_types(self) -> None:
        """Like the reference, ``__eq__`` returns NotImplemented for objects that are not
        keys of its type, so Python asks the other operand (``mock.ANY`` equals anything)."""
        key = self.curve.private_cls.generate().public_key()
        assert key.__eq__(object()) is NotImplemented
        assert key == mock.ANY

    def test_public_keys_are_unhashable(self) -> None:
        public = self.curve.private_cls.generate().public_key()
        with pytest.raises(TypeError):
            hash(public)
        with pytest.raises(TypeError):
            {public}  # noqa: B018

    def test_private_keys_compare_by_identity(self) -> None:
        c = self.curve
        raw = bytes(range(c.key_size))
        key = c.private_cls.from_private_bytes(raw)
        twin = c.private_cls.from_private_bytes(raw)
        assert key == key
        assert key != twin
        assert len({key, twin, key}) == 2

    def test_copy_returns_the_same_object(self) -> None:
        key = self.curve.private_cls.generate()
        public = key.public_key()
        for obj in (key, public):
            assert copy.copy(obj) is obj
            assert copy.deepcopy(obj) is obj
            assert copy.deepcopy({"k": [obj]})["k"][0] is obj
            assert obj.__copy__() is obj
            assert obj.__deepcopy__({}) is obj

    def test_keys_are_immutable_and_unpicklable(self) -> None:
        key = self.curve.private_cls.generate()
        for obj in (key, key.public_key()):
            with pytest.raises(AttributeError):
                obj.extra = 1  # type: ignore[attr-defined]
            with pytest.raises(TypeError):
                pickle.dumps(obj)


class SignatureKeyTests(KeyTests):
    """Ed25519 and Ed448: deterministic signatures (RFC 8032)."""

    def _key(self, seed: int = 7) -> Any:
        return self.curve.private_cls.from_private_bytes(bytes([seed]) * self.curve.key_size)

    def test_sign_then_verify(self) -> None:
        key = self._key()

        @given(message=st.binary(max_size=2048))
        def check(message: bytes) -> None:
            signature = key.sign(message)
            assert len(signature) == self.curve.signature_size
            assert key.sign(message) == signature  # deterministic
            assert key.public_key().verify(signature, message) is None

        check()

    def test_signatures_match_reference(self, reference: Reference) -> None:
        c = self.curve
        ref_private = c.reference_private_cls(reference)

        @given(raw=c.raw_keys(), message=st.binary(max_size=512))
        def check(raw: bytes, message: bytes) -> None:
            ours = c.private_cls.from_private_bytes(raw)
            theirs = ref_private.from_private_bytes(raw)
            signature = ours.sign(message)
            assert signature == theirs.sign(message)
            theirs.public_key().verify(signature, message)
            ours.public_key().verify(theirs.sign(message), message)

        check()

    def test_tampering_is_detected(self) -> None:
        key = self._key()
        public = key.public_key()

        @given(message=st.binary(max_size=256), data=st.data())
        def check(message: bytes, data: st.DataObject) -> None:
            signature = key.sign(message)
            bit = data.draw(st.integers(0, len(signature) * 8 - 1), label="signature bit")
            forged = bytearray(signature)
            forged[bit // 8] ^= 1 << (bit % 8)
            with pytest.raises(InvalidSignature):
                public.verify(bytes(forged), message)
            with pytest.raises(InvalidSignature):
                public.verify(signature, message + b"\x00")
            if message:
                bit = data.draw(st.integers(0, len(message) * 8 - 1), label="message bit")
                changed = bytearray(message)
                changed[bit // 8] ^= 1 << (bit % 8)
                with pytest.raises(InvalidSignature):
                    public.verify(signature, bytes(changed))

        check()

    def test_wrong_key(self) -> None:
        signature = self._key(1).sign(b"message")
        with pytest.raises(InvalidSignature):
            self._key(2).public_key().verify(signature, b"message")

    def test_malformed_signatures_are_invalid_not_errors(self) -> None:
        key = self._key()
        signature = key.sign(b"m")
        for bad in (b"", signature[:-1], signature + b"\x00", signature * 2, b"\x00" * 10):
            with pytest.raises(InvalidSignature) as info:
                key.public_key().verify(bad, b"m")
            assert type(info.value) is InvalidSignature

    def test_buffers(self) -> None:
        key = self._key()
        message = b"buffer protocol"
        signature = key.sign(message)
        assert key.sign(bytearray(message)) == signature
        assert key.sign(memoryview(message)) == signature
        key.public_key().verify(bytearray(signature), memoryview(message))
        key.public_key().verify(memoryview(signature), bytearray(message))

    @pytest.mark.parametrize("value", NOT_BUFFERS, ids=lambda v: type(v).__name__)
    def test_sign_and_verify_need_buffers(self, value: object) -> None:
        key = self._key()
        signature = key.sign(b"m")
        with pytest.raises(TypeError):
            key.sign(value)
        with pytest.raises(TypeError):
            key.public_key().verify(value, b"m")
        with pytest.raises(TypeError):
            key.public_key().verify(signature, value)

    def test_long_message(self) -> None:
        key = self._key()
        message = bytes(range(256)) * 4096  # 1 MiB
        signature = key.sign(message)
        key.public_key().verify(signature, message)
        with pytest.raises(InvalidSignature):
            key.public_key().verify(signature, message[:-1])

    def test_no_exchange(self) -> None:
        key = self._key()
        assert not hasattr(key, "exchange")

    def test_sign_and_verify_from_threads(self) -> None:
        """Threads signing and verifying with one key at once (each key copies its one
        prepared OpenSSL context, with the GIL released) get the single-threaded answers."""
        key = self._key()
        public = key.public_key()
        messages = [bytes([i]) * (i * 7) for i in range(4)]
        expected = [key.sign(m) for m in messages]
        failures: list[str] = []

        def work(i: int) -> None:
            for _ in range(100):
                if key.sign(messages[i]) != expected[i]:
                    failures.append(f"thread {i}: wrong signature")
                public.verify(expected[i], messages[i])
                try:
                    public.verify(expected[i], messages[i] + b"x")
                    failures.append(f"thread {i}: forged message verified")
                except InvalidSignature:
                    pass

        threads = [threading.Thread(target=work, args=(i,)) for i in range(len(messages))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert failures == []

    def test_public_key_is_made_once(self) -> None:
        key = self._key()
        # Public keys are immutable; one object serves every call.
        assert key.public_key() is key.public_key()
        assert key.public_key() == self.curve.public_cls.from_public_bytes(
            key.public_key().public_bytes_raw()
        )


class ExchangeKeyTests(KeyTests):
    """X25519 and X448: Diffie-Hellman (RFC 7748)."""

    def test_exchange_is_symmetric(self) -> None:
        c = self.curve

        @given(a_raw=c.raw_keys(), b_raw=c.raw_keys())
        def check(a_raw: bytes, b_raw: bytes) -> None:
            a = c.private_cls.from_private_bytes(a_raw)
            b = c.private_cls.from_private_bytes(b_raw)
            shared = a.exchange(b.public_key())
            assert len(shared) == c.key_size
            assert shared == b.exchange(a.public_key())
            assert shared != bytes(c.key_size)

        check()

    def test_exchange_matches_reference(self, reference: Reference) -> None:
        """Any private key with any peer public key (valid or not): the same shared
        secret as the reference, or the same exception."""
        c = self.curve
        ref_private, ref_public = (
            c.reference_private_cls(reference),
            c.reference_public_cls(reference),
        )
        peers = st.one_of(c.raw_keys(), st.sampled_from(_special_peers(c.key_size)))

        @given(raw=c.raw_keys(), peer=peers)
        def check(raw: bytes, peer: bytes) -> None:
            ours = outcome(
                lambda: c.private_cls.from_private_bytes(raw).exchange(
                    c.public_cls.from_public_bytes(peer)
                )
            )
            theirs = outcome(
                lambda: ref_private.from_private_bytes(raw).exchange(
                    ref_public.from_public_bytes(peer)
                )
            )
            assert ours == theirs

        check()

    @pytest.mark.parametrize("u", [0, 1], ids=["zero", "one"])
    def test_low_order_peer_is_rejected(self, u: int) -> None:
        """The all-zero shared secret of a low-order peer point (RFC 7748, section 6) is
        an error."""
        c = self.curve
        peer = c.public_cls.from_public_bytes(u.to_bytes(c.key_size, "little"))
        with pytest.raises(ValueError):
            c.private_cls.generate().exchange(peer)

    def test_one_key_with_many_peers(self) -> None:
        """A key keeps its OpenSSL derive context between exchanges: each exchange still
        uses its own peer, also after an exchange that failed."""
        c = self.curve
        key = c.private_cls.generate()
        peers = [c.private_cls.generate() for _ in range(4)]
        low_order = c.public_cls.from_public_bytes(bytes(c.key_size))
        for peer in peers + peers[::-1]:
            with pytest.raises(ValueError):
                key.exchange(low_order)
            shared = key.exchange(peer.public_key())
            assert shared == peer.exchange(key.public_key())

    def test_exchange_from_threads(self) -> None:
        """Threads exchanging with one key at the same time (the GIL is released during
        the exchange) each get their own peer's shared secret."""
        c = self.curve
        key = c.private_cls.generate()
        peers = [c.private_cls.generate() for _ in range(4)]
        expected = [p.exchange(key.public_key()) for p in peers]
        results: list[list[bytes]] = [[] for _ in peers]

        def work(i: int) -> None:
            for _ in range(50):
                results[i].append(key.exchange(peers[i].public_key()))

        threads = [threading.Thread(target=work, args=(i,)) for i in range(len(peers))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert results == [[e] * 50 for e in expected]

    def test_exchange_with_own_public_key(self) -> None:
        key = self.curve.private_cls.from_private_bytes(bytes(range(self.curve.key_size)))
        assert key.exchange(key.public_key()) == key.exchange(key.public_key())

    def test_exchange_needs_a_public_key_of_the_curve(self, reference: Reference) -> None:
        c = self.curve
        key = c.private_cls.generate()
        raw = key.public_key().public_bytes_raw()
        other = next(o for o in CURVES if o.signature_size == 0 and o is not c)
        wrong = [
            None,
            raw,
            key,
            other.private_cls.generate().public_key(),
            ED25519.private_cls.generate().public_key(),
            c.reference_public_cls(reference).from_public_bytes(raw),
        ]
        for peer in wrong:
            with pytest.raises(TypeError):
                key.exchange(peer)

    def test_no_signatures(self) -> None:
        key = self.curve.private_cls.generate()
        assert not hasattr(key, "sign")
        assert not hasattr(key.public_key(), "verify")


def _special_peers(size: int) -> list[bytes]:
    """Peer u-coordinates at the edges: 0, 1, p - 1 and the like, all-ones, top bit set."""
    return [
        bytes(size),
        (1).to_bytes(size, "little"),
        (2).to_bytes(size, "little"),
        b"\xff" * size,
        b"\xff" * (size - 1) + b"\x7f",
        b"\xec" + b"\xff" * (size - 2) + b"\x7f",
        b"\x00" * (size - 1) + b"\x80",
    ]


# Exceptions an invalid key or input may raise while loading or using it.
REJECTIONS = (ValueError, TypeError, UnsupportedAlgorithm)


def check_eddsa_wycheproof(curve: Curve, case: WycheproofCase, reference: Reference) -> None:
    """One case of Wycheproof's EdDSA verification tests: valid signatures verify, invalid
    ones raise InvalidSignature, acceptable ones do what the reference does."""
    group = case.group
    public = curve.public_cls.from_public_bytes(bytes.fromhex(group["publicKey"]["pk"]))
    # The group's DER and PEM encodings hold the same key, and are the ones we write.
    spki = public.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert spki.hex() == group["publicKeyDer"]
    assert serialization.load_der_public_key(spki) == public
    assert serialization.load_pem_public_key(group["publicKeyPem"].encode()) == public
    signature, message = case.hex("sig"), case.hex("msg")
    if case.valid:
        public.verify(signature, message)
    elif case.invalid:
        with pytest.raises(InvalidSignature):
            public.verify(signature, message)
    else:
        ref_public = curve.reference_public_cls(reference).from_public_bytes(
            public.public_bytes_raw()
        )
        expected = outcome(lambda: ref_public.verify(signature, message))
        assert outcome(lambda: public.verify(signature, message)) == expected, case


def _xdh_keys(curve: Curve, case: WycheproofCase, lib: str) -> tuple[Any, Any]:
    """The private key and peer public key of an XDH case, loaded as its file encodes them
    (raw bytes, DER or PEM) by oxicrypt (``lib="oxicrypt"``) or the reference."""
    ser = importlib.import_module(f"{lib}.hazmat.primitives.serialization")
    kind = case.group["type"]
    if kind == "XdhComp":
        module = importlib.import_module(f"{lib}.hazmat.primitives.asymmetric.{curve.module_name}")
        private = getattr(module, f"{curve.name}PrivateKey").from_private_bytes(
            case.hex("private")
        )
        public = getattr(module, f"{curve.name}PublicKey").from_public_bytes(case.hex("public"))
    elif kind == "XdhAsnComp":
        private = ser.load_der_private_key(case.hex("private"), None)
        public = ser.load_der_public_key(case.hex("public"))
    elif kind == "XdhPemComp":
        private = ser.load_pem_private_key(case.test["private"].encode(), None)
        public = ser.load_pem_public_key(case.test["public"].encode())
    else:
        raise AssertionError(f"unexpected group type {kind}")
    return private, public


def check_xdh_wycheproof(curve: Curve, case: WycheproofCase, reference: Reference) -> None:
    """One case of Wycheproof's XDH tests: valid ones give the shared secret, invalid ones
    raise, acceptable ones (low-order and twist points, non-canonical encodings) do what
    the reference does."""
    if case.valid:
        private, public = _xdh_keys(curve, case, "oxicrypt")
        assert isinstance(private, curve.private_cls)
        assert isinstance(public, curve.public_cls)
        assert private.exchange(public) == case.hex("shared"), case
    elif case.invalid:
        with pytest.raises(REJECTIONS):
            private, public = _xdh_keys(curve, case, "oxicrypt")
            private.exchange(public)
    else:
        reference("hazmat.primitives.serialization")  # skips without the reference

        def run(lib: str) -> bytes:
            private, public = _xdh_keys(curve, case, lib)
            shared: bytes = private.exchange(public)
            return shared

        expected = outcome(lambda: run("cryptography"))
        assert outcome(lambda: run("oxicrypt")) == expected, case
        if expected.error is None:
            assert expected.value == case.hex("shared")
