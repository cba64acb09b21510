"""What every KDF class shares: use-once semantics, derive_into, verify, buffers, the
KeyDerivationFunction interface, and agreement with the reference."""

from __future__ import annotations

import threading
from types import ModuleType
from typing import Any, Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.exceptions import AlreadyFinalized, InvalidKey
from oxicrypt.hazmat.primitives import hashes
from oxicrypt.hazmat.primitives.kdf import KeyDerivationFunction
from oxicrypt.hazmat.primitives.kdf.argon2 import Argon2d, Argon2i, Argon2id
from oxicrypt.hazmat.primitives.kdf.concatkdf import ConcatKDFHash, ConcatKDFHMAC
from oxicrypt.hazmat.primitives.kdf.hkdf import HKDF, HKDFExpand
from oxicrypt.hazmat.primitives.kdf.kbkdf import KBKDFHMAC, CounterLocation, Mode
from oxicrypt.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from oxicrypt.hazmat.primitives.kdf.scrypt import Scrypt
from oxicrypt.hazmat.primitives.kdf.x963kdf import X963KDF

# Each entry builds a 32-byte KDF from a module that has the classes (oxicrypt's or the
# reference's) and the hashes module that goes with it.
_FACTORIES: dict[str, Callable[[Any, Any], Any]] = {
    "PBKDF2HMAC": lambda m, h: m.PBKDF2HMAC(h.SHA256(), 32, b"salt", 10),
    "Scrypt": lambda m, h: m.Scrypt(b"salt", 32, 16, 2, 1),
    "HKDF": lambda m, h: m.HKDF(h.SHA256(), 32, b"salt", b"info"),
    "HKDFExpand": lambda m, h: m.HKDFExpand(h.SHA256(), 32, b"info"),
    "X963KDF": lambda m, h: m.X963KDF(h.SHA256(), 32, b"shared"),
    "ConcatKDFHash": lambda m, h: m.ConcatKDFHash(h.SHA256(), 32, b"other"),
    "ConcatKDFHMAC": lambda m, h: m.ConcatKDFHMAC(h.SHA256(), 32, b"salt", b"other"),
    "KBKDFHMAC": lambda m, h: m.KBKDFHMAC(
        h.SHA256(),
        m.Mode.CounterMode,
        32,
        4,
        4,
        m.CounterLocation.BeforeFixed,
        b"label",
        b"context",
        None,
    ),
    "Argon2d": lambda m, h: m.Argon2d(
        salt=b"saltsalt", length=32, iterations=1, lanes=1, memory_cost=8
    ),
    "Argon2i": lambda m, h: m.Argon2i(
        salt=b"saltsalt", length=32, iterations=1, lanes=1, memory_cost=8
    ),
    "Argon2id": lambda m, h: m.Argon2id(
        salt=b"saltsalt", length=32, iterations=1, lanes=1, memory_cost=8
    ),
}

_OURS = ModuleType("ours")
for _cls in (
    PBKDF2HMAC,
    Scrypt,
    HKDF,
    HKDFExpand,
    X963KDF,
    ConcatKDFHash,
    ConcatKDFHMAC,
    KBKDFHMAC,
    Argon2d,
    Argon2i,
    Argon2id,
):
    setattr(_OURS, _cls.__name__, _cls)
_OURS.Mode = Mode  # type: ignore[attr-defined]
_OURS.CounterLocation = CounterLocation  # type: ignore[attr-defined]


def _ours(name: str) -> Any:
    return _FACTORIES[name](_OURS, hashes)


def _reference_module(reference: Callable[[str], ModuleType]) -> ModuleType:
    module = ModuleType("ref")
    for sub in ("pbkdf2", "scrypt", "hkdf", "x963kdf", "concatkdf", "kbkdf", "argon2"):
        for name, value in vars(reference(f"hazmat.primitives.kdf.{sub}")).items():
            setattr(module, name, value)
    return module


NAMES = sorted(_FACTORIES)


@pytest.mark.parametrize("name", NAMES)
def test_is_a_key_derivation_function(name: str) -> None:
    assert isinstance(_ours(name), KeyDerivationFunction)


@pytest.mark.parametrize("name", NAMES)
def test_derive_once(name: str) -> None:
    kdf = _ours(name)
    key = kdf.derive(b"input key material")
    assert len(key) == 32
    for again in (
        lambda: kdf.derive(b"x"),
        lambda: kdf.derive_into(b"x", bytearray(32)),
        lambda: kdf.verify(b"x", key),
    ):
        with pytest.raises(AlreadyFinalized, match="Context was already finalized"):
            again()


@pytest.mark.parametrize("name", NAMES)
def test_derive_into_and_verify_agree_with_derive(name: str) -> None:
    expected = _ours(name).derive(b"ikm")
    out = bytearray(32)
    assert _ours(name).derive_into(b"ikm", out) == 32
    assert bytes(out) == expected
    view = memoryview(bytearray(40))[4:36]
    assert _ours(name).derive_into(bytearray(b"ikm"), view) == 32
    assert bytes(view) == expected
    _ours(name).verify(memoryview(b"ikm"), expected)
    with pytest.raises(InvalidKey, match="Keys do not match"):
        _ours(name).verify(b"ikm", expected[:-1] + bytes([expected[-1] ^ 1]))
    with pytest.raises(InvalidKey):
        _ours(name).verify(b"ikm", expected[:16])


@pytest.mark.parametrize("name", NAMES)
def test_derive_into_the_key_material_itself(name: str) -> None:
    material = bytearray(range(32))
    expected = _ours(name).derive(bytes(material))
    _ours(name).derive_into(material, material)
    assert material == expected
    shifted = bytearray(range(40))
    expected = _ours(name).derive(bytes(shifted[:32]))
    _ours(name).derive_into(memoryview(shifted)[:32], memoryview(shifted)[8:])
    assert shifted[8:] == expected


@pytest.mark.parametrize("name", NAMES)
def test_derive_into_checks_the_buffer(name: str) -> None:
    for size in (31, 33):
        kdf = _ours(name)
        with pytest.raises(ValueError, match="buffer must be 32 bytes"):
            kdf.derive_into(b"ikm", bytearray(size))
        # The failed call still used the instance up, as in the reference.
        with pytest.raises(AlreadyFinalized):
            kdf.derive(b"ikm")
    with pytest.raises(TypeError, match="Buffer is not writable"):
        _ours(name).derive_into(b"ikm", bytes(32))
    with pytest.raises(TypeError):
        _ours(name).derive_into(b"ikm", "x" * 32)


@pytest.mark.parametrize("name", NAMES)
def test_key_material_must_be_a_buffer(name: str) -> None:
    with pytest.raises(TypeError):
        _ours(name).derive("text")


@pytest.mark.parametrize("name", NAMES)
def test_threads_derive_the_same_key(name: str) -> None:
    expected = _ours(name).derive(b"ikm")
    results: list[bytes] = []

    def work() -> None:
        for _ in range(5):
            results.append(_ours(name).derive(b"ikm"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 20


@pytest.mark.parametrize("name", NAMES)
@given(key_material=st.binary(max_size=64))
def test_matches_the_reference(
    name: str, key_material: bytes, reference: Callable[[str], ModuleType]
) -> None:
    ref = _reference_module(reference)
    ref_hashes = reference("hazmat.primitives.hashes")
    expected = _FACTORIES[name](ref, ref_hashes).derive(key_material)
    assert _ours(name).derive(key_material) == expected


_HASH_NAMES = ["SHA1", "SHA224", "SHA256", "SHA512", "SHA3_256", "SHA512_256", "SM3", "MD5"]


@given(
    hash_name=st.sampled_from(_HASH_NAMES),
    length=st.integers(0, 300),
    salt=st.none() | st.binary(max_size=70),
    info=st.none() | st.binary(max_size=40),
    key_material=st.binary(max_size=70),
)
def test_hash_kdfs_match_the_reference_across_parameters(
    hash_name: str,
    length: int,
    salt: bytes | None,
    info: bytes | None,
    key_material: bytes,
    reference: Callable[[str], ModuleType],
) -> None:
    ref = _reference_module(reference)
    ref_hashes = reference("hazmat.primitives.hashes")

    def both(build: Callable[[Any, Any], Any]) -> None:
        outcomes = []
        for module, hash_module in ((ref, ref_hashes), (_OURS, hashes)):
            try:
                outcomes.append(
                    build(module, getattr(hash_module, hash_name)()).derive(key_material)
                )
            except (ValueError, TypeError) as e:
                outcomes.append(type(e))
        assert outcomes[0] == outcomes[1]

    both(lambda m, h: m.HKDF(h, length, salt, info))
    both(lambda m, h: m.X963KDF(h, length, info))
    both(lambda m, h: m.ConcatKDFHash(h, length, info))
    both(lambda m, h: m.ConcatKDFHMAC(h, length, salt, info))
    both(lambda m, h: m.PBKDF2HMAC(h, length, salt or b"", 2))


@given(
    length=st.integers(0, 100),
    rlen=st.integers(1, 4),
    llen=st.none() | st.integers(1, 6),
    location=st.sampled_from(["BeforeFixed", "AfterFixed", "MiddleFixed"]),
    break_location=st.none() | st.integers(0, 30),
    label=st.none() | st.binary(max_size=10),
    context=st.none() | st.binary(max_size=10),
    fixed=st.none() | st.binary(max_size=20),
    key_material=st.binary(max_size=40),
)
def test_kbkdf_matches_the_reference_across_parameters(
    length: int,
    rlen: int,
    llen: int | None,
    location: str,
    break_location: int | None,
    label: bytes | None,
    context: bytes | None,
    fixed: bytes | None,
    key_material: bytes,
    reference: Callable[[str], ModuleType],
) -> None:
    outcomes = []
    for module, hash_module in (
        (reference("hazmat.primitives.kdf.kbkdf"), reference("hazmat.primitives.hashes")),
        (_OURS, hashes),
    ):
        try:
            kdf = module.KBKDFHMAC(
                hash_module.SHA256(),
                module.Mode.CounterMode,
                length,
                rlen,
                llen,
                getattr(module.CounterLocation, location),
                label,
                context,
                fixed,
                break_location=break_location,
            )
            outcomes.append(kdf.derive(key_material))
        except (ValueError, TypeError, OverflowError) as e:
            outcomes.append((type(e), str(e)))
    assert outcomes[0] == outcomes[1]
