"""The decrepit ciphers and modes: known answers from ``cryptography_vectors`` (Blowfish,
CAST5, IDEA, SEED (RFC 4269, RFC 4196), ARC4 (RFC 6229), RC2) and their rules (key
sizes, TripleDES key expansion and warnings, the deprecated names in the primitives
modules)."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from oxicrypt import utils
from oxicrypt.exceptions import UnsupportedAlgorithm, _Reasons
from oxicrypt.hazmat.decrepit.ciphers import algorithms, modes
from oxicrypt.hazmat.primitives.ciphers import (
    BlockCipherAlgorithm,
    Cipher,
    CipherAlgorithm,
)
from oxicrypt.hazmat.primitives.ciphers import algorithms as primitive_algorithms
from oxicrypt.hazmat.primitives.ciphers import modes as primitive_modes
from oxicrypt.hazmat.primitives.ciphers.modes import Mode
from tests import cipher_vectors
from tests.cipher_vectors import CipherRecord, hexbytes
from tests.vectors import VECTORS_ROOT

ModeMaker = Callable[[CipherRecord], "Mode | None"]


def _ecb(record: CipherRecord) -> Mode:
    return primitive_modes.ECB()


def _iv(mode: Callable[[bytes], Mode]) -> ModeMaker:
    return lambda record: mode(hexbytes(record, "iv"))


def _check(
    parts: tuple[str, ...],
    make_algorithm: Callable[[bytes], CipherAlgorithm],
    make_mode: ModeMaker,
) -> None:
    records = cipher_vectors.load(*parts)
    assert records
    for record in records:
        algorithm = make_algorithm(hexbytes(record, "key"))
        mode = make_mode(record)
        pt, ct = hexbytes(record, "plaintext"), hexbytes(record, "ciphertext")
        enc = Cipher(algorithm, mode).encryptor()
        assert enc.update(pt) + enc.finalize() == ct, (parts, record["count"])
        dec = Cipher(algorithm, mode).decryptor()
        assert dec.update(ct) + dec.finalize() == pt, (parts, record["count"])


_CASES: list[tuple[tuple[str, ...], Callable[[bytes], CipherAlgorithm], ModeMaker]] = [
    (("Blowfish", "bf-ecb.txt"), algorithms.Blowfish, _ecb),
    (("Blowfish", "bf-cbc.txt"), algorithms.Blowfish, _iv(primitive_modes.CBC)),
    (("Blowfish", "bf-ofb.txt"), algorithms.Blowfish, _iv(modes.OFB)),
    (("Blowfish", "bf-cfb.txt"), algorithms.Blowfish, _iv(modes.CFB)),
    (("CAST5", "cast5-ecb.txt"), algorithms.CAST5, _ecb),
    (("CAST5", "cast5-cbc.txt"), algorithms.CAST5, _iv(primitive_modes.CBC)),
    (("CAST5", "cast5-ofb.txt"), algorithms.CAST5, _iv(modes.OFB)),
    (("CAST5", "cast5-cfb.txt"), algorithms.CAST5, _iv(modes.CFB)),
    (("IDEA", "idea-ecb.txt"), algorithms.IDEA, _ecb),
    (("IDEA", "idea-cbc.txt"), algorithms.IDEA, _iv(primitive_modes.CBC)),
    (("IDEA", "idea-ofb.txt"), algorithms.IDEA, _iv(modes.OFB)),
    (("IDEA", "idea-cfb.txt"), algorithms.IDEA, _iv(modes.CFB)),
    (("SEED", "rfc-4269.txt"), algorithms.SEED, _ecb),
    (("SEED", "rfc-4196.txt"), algorithms.SEED, _iv(primitive_modes.CBC)),
    (("SEED", "seed-ofb.txt"), algorithms.SEED, _iv(modes.OFB)),
    (("SEED", "seed-cfb.txt"), algorithms.SEED, _iv(modes.CFB)),
    (("RC2", "rc2-cbc.txt"), algorithms.RC2, _iv(primitive_modes.CBC)),
]


@pytest.mark.parametrize(
    ("parts", "make_algorithm", "make_mode"), _CASES, ids=[c[0][1] for c in _CASES]
)
def test_vectors(
    parts: tuple[str, ...],
    make_algorithm: Callable[[bytes], CipherAlgorithm],
    make_mode: ModeMaker,
) -> None:
    _check(parts, make_algorithm, make_mode)


_ARC4_FILES = sorted(p.name for p in Path(VECTORS_ROOT, "ciphers", "ARC4").iterdir())


@pytest.mark.parametrize("filename", _ARC4_FILES)
def test_arc4_keystream_at_offsets(filename: str) -> None:
    records = cipher_vectors.load("ARC4", filename)
    assert records
    for record in records:
        algorithm = algorithms.ARC4(hexbytes(record, "key"))
        offset = int(record["offset"])
        pt, ct = hexbytes(record, "plaintext"), hexbytes(record, "ciphertext")
        enc = Cipher(algorithm, None).encryptor()
        enc.update(bytes(offset))  # skip to the offset in the keystream
        assert enc.update(pt) == ct, (filename, record["count"])


def test_cast5_ctr_is_not_offered() -> None:
    cipher = Cipher(algorithms.CAST5(b"\x01" * 16), primitive_modes.CTR(b"\x00" * 8))
    with pytest.raises(UnsupportedAlgorithm) as info:
        cipher.encryptor()
    assert info.value._reason is _Reasons.UNSUPPORTED_CIPHER
    assert str(info.value) == "cipher CAST5 in CTR mode is not supported "


@pytest.mark.parametrize(
    ("cls", "good", "bad"),
    [
        (algorithms.Blowfish, [4, 16, 56], [3, 57]),
        (algorithms.CAST5, [5, 16], [4, 17]),
        (algorithms.IDEA, [16], [8, 24]),
        (algorithms.SEED, [16], [8, 32]),
        (algorithms.Camellia, [16, 24, 32], [8, 64]),
        (algorithms.RC2, [16], [8, 5]),
        (algorithms.ARC4, [5, 7, 8, 10, 16, 20, 24, 32], [4, 6, 33]),
        (algorithms.TripleDES, [24], [4, 32]),
    ],
)
def test_key_sizes(
    cls: Callable[[bytes], CipherAlgorithm], good: list[int], bad: list[int]
) -> None:
    for size in good:
        assert cls(b"\x01" * size).key_size == size * 8
    for size in bad:
        with pytest.raises(ValueError, match=r"Invalid key size \(\d+\) for "):
            cls(b"\x01" * size)
    with pytest.raises(TypeError, match="key must be bytes-like"):
        cls("a" * 16)  # type: ignore[arg-type]


def test_block_ciphers_are_block_cipher_algorithms() -> None:
    for cls, bits in [
        (algorithms.Blowfish, 64),
        (algorithms.CAST5, 64),
        (algorithms.IDEA, 64),
        (algorithms.RC2, 64),
        (algorithms.TripleDES, 64),
        (algorithms.SEED, 128),
        (algorithms.Camellia, 128),
    ]:
        assert issubclass(cls, BlockCipherAlgorithm)
        assert cls.block_size == bits
    assert not issubclass(algorithms.ARC4, BlockCipherAlgorithm)
    assert issubclass(algorithms.ARC4, CipherAlgorithm)


@pytest.mark.parametrize(
    ("key", "expanded", "message"),
    [
        (bytes(range(8)), bytes(range(8)) * 3, "Single-key TripleDES"),
        (bytes(range(16)), bytes(range(16)) + bytes(range(8)), "Two-key TripleDES"),
    ],
)
def test_short_tripledes_keys_warn_and_expand(key: bytes, expanded: bytes, message: str) -> None:
    with pytest.warns(utils.CryptographyDeprecationWarning, match=message):
        tdes = algorithms.TripleDES(key)
    assert tdes.key == expanded
    assert tdes.key_size == 192


def test_full_tripledes_key_does_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert algorithms.TripleDES(bytes(24)).key == bytes(24)
        with pytest.raises(TypeError):
            algorithms.TripleDES(8)  # type: ignore[arg-type]


def test_tripledes_keying_options_agree() -> None:
    # A two-key key is the three-key key K1 K2 K1.
    k1, k2 = bytes(range(8)), bytes(range(8, 16))
    with pytest.warns(utils.CryptographyDeprecationWarning):
        two = algorithms.TripleDES(k1 + k2)
    three = algorithms.TripleDES(k1 + k2 + k1)
    data = bytes(range(16))

    def ecb(alg: CipherAlgorithm) -> bytes:
        enc = Cipher(alg, primitive_modes.ECB()).encryptor()
        return enc.update(data) + enc.finalize()

    assert ecb(two) == ecb(three)


@pytest.mark.parametrize(
    ("module", "name", "target"),
    [
        (primitive_algorithms, "Camellia", algorithms.Camellia),
        (primitive_algorithms, "ARC4", algorithms.ARC4),
        (primitive_algorithms, "TripleDES", algorithms.TripleDES),
        (primitive_modes, "OFB", modes.OFB),
        (primitive_modes, "CFB", modes.CFB),
        (primitive_modes, "CFB8", modes.CFB8),
    ],
)
def test_moved_names_warn_and_are_the_decrepit_classes(
    module: object, name: str, target: type
) -> None:
    with pytest.warns(utils.CryptographyDeprecationWarning, match=f"{name} has been moved to"):
        value = getattr(module, name)
    assert value is target


@pytest.mark.parametrize("name", ["Blowfish", "CAST5", "IDEA", "SEED"])
def test_other_reexported_names_do_not_warn(name: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert getattr(primitive_algorithms, name) is getattr(algorithms, name)


def test_modes_check_the_iv_against_the_block() -> None:
    key = algorithms.Blowfish(b"\x01" * 16)
    for mode in (modes.OFB, modes.CFB, modes.CFB8):
        Cipher(key, mode(b"\x00" * 8))
        with pytest.raises(ValueError, match=rf"Invalid IV size \(16\) for {mode.name}\."):
            Cipher(key, mode(b"\x00" * 16))
        with pytest.raises(TypeError, match="initialization_vector must be bytes-like"):
            mode("x" * 8)  # type: ignore[arg-type]
        with pytest.raises(UnsupportedAlgorithm, match="requires a block cipher algorithm"):
            Cipher(algorithms.ARC4(b"\x01" * 16), mode(b"\x00" * 8))


def test_unsupported_combinations_say_so() -> None:
    # RC2 is offered in CBC mode only, as in the reference.
    with pytest.raises(UnsupportedAlgorithm, match="cipher RC2 in ECB mode is not supported"):
        Cipher(algorithms.RC2(b"\x01" * 16), primitive_modes.ECB()).encryptor()
    with pytest.raises(UnsupportedAlgorithm, match="cipher RC4 in ECB mode is not supported"):
        # ARC4 is a stream cipher: it takes no mode at all, and a mode is refused.
        Cipher(algorithms.ARC4(b"\x01" * 16), primitive_modes.ECB()).encryptor()
