"""Known answers for ``Cipher``: NIST CAVP AES (KAT and MMT for ECB, CBC, OFB, CFB128,
CFB8), RFC 3686 AES-CTR, IEEE 1619 XTS, NIST TDES, Camellia (NTT and RFC 3713 modes),
SM4 (draft-ribose-cfrg-sm4) and RFC 7539 ChaCha20, all from ``cryptography_vectors``.
Every record is checked in both directions."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from oxicrypt.hazmat.decrepit.ciphers import algorithms as decrepit
from oxicrypt.hazmat.decrepit.ciphers import modes as decrepit_modes
from oxicrypt.hazmat.primitives.ciphers import Cipher, CipherAlgorithm, algorithms, modes
from oxicrypt.hazmat.primitives.ciphers.modes import Mode
from tests import cipher_vectors
from tests.cipher_vectors import CipherRecord, hexbytes
from tests.vectors import VECTORS_ROOT

ModeFactory = Callable[[bytes], Mode]


def _round_trip(algorithm: CipherAlgorithm, mode: Mode | None, pt: bytes, ct: bytes) -> str | None:
    """None if ``pt`` encrypts to ``ct`` and back, else what went wrong."""
    enc = Cipher(algorithm, mode).encryptor()
    got = enc.update(pt) + enc.finalize()
    if got != ct:
        return f"encrypt gave {got.hex()}, expected {ct.hex()}"
    dec = Cipher(algorithm, mode).decryptor()
    back = dec.update(ct) + dec.finalize()
    if back != pt:
        return f"decrypt gave {back.hex()}, expected {pt.hex()}"
    return None


def _files(*parts: str, prefix: str = "") -> list[str]:
    folder = VECTORS_ROOT.joinpath("ciphers", *parts)
    return sorted(p.name for p in Path(folder).iterdir() if p.name.startswith(prefix))


def _check_file(
    parts: tuple[str, ...],
    make_algorithm: Callable[[bytes], CipherAlgorithm],
    make_mode: Callable[[CipherRecord], Mode | None],
    key: Callable[[CipherRecord], bytes] = lambda r: hexbytes(r, "key"),
) -> int:
    records = cipher_vectors.load(*parts)
    assert records, parts
    failures = []
    for record in records:
        pt = hexbytes(record, "plaintext", "pt")
        ct = hexbytes(record, "ciphertext", "ct")
        problem = _round_trip(make_algorithm(key(record)), make_mode(record), pt, ct)
        if problem:
            failures.append((record.get("count"), problem))
    assert failures == []
    return len(records)


def _iv_mode(mode: Callable[[bytes], Mode]) -> Callable[[CipherRecord], Mode]:
    return lambda record: mode(hexbytes(record, "iv"))


_AES_MODES: dict[str, tuple[str, Callable[[CipherRecord], Mode]]] = {
    "ECB": ("ECB", lambda record: modes.ECB()),
    "CBC": ("CBC", _iv_mode(modes.CBC)),
    "OFB": ("OFB", _iv_mode(decrepit_modes.OFB)),
    "CFB128": ("CFB", _iv_mode(decrepit_modes.CFB)),
    "CFB8": ("CFB", _iv_mode(decrepit_modes.CFB8)),
}

_AES_FILES = [
    (folder, name, prefix)
    for prefix, (folder, _) in _AES_MODES.items()
    for name in _files("AES", folder, prefix=prefix)
]


@pytest.mark.parametrize(
    ("folder", "filename", "prefix"), _AES_FILES, ids=[f[1] for f in _AES_FILES]
)
def test_aes_cavp(folder: str, filename: str, prefix: str) -> None:
    _check_file(("AES", folder, filename), algorithms.AES, _AES_MODES[prefix][1])


def test_aes_cavp_covers_every_mode_and_key_size() -> None:
    # 5 modes x 5 test kinds (GFSbox, KeySbox, VarKey, VarTxt, MMT) x 3 key sizes.
    assert len(_AES_FILES) == 75


@pytest.mark.parametrize("filename", ["aes-128-ctr.txt", "aes-192-ctr.txt", "aes-256-ctr.txt"])
def test_aes_ctr_rfc3686(filename: str) -> None:
    assert _check_file(("AES", "CTR", filename), algorithms.AES, _iv_mode(modes.CTR)) >= 3


def _xts_tweak(record: CipherRecord) -> bytes:
    if "i" in record:
        return bytes.fromhex(record["i"])
    return int(record["dataunitseqnumber"]).to_bytes(16, "little")


@pytest.mark.parametrize(
    "parts",
    [
        ("tweak-128hexstr", "XTSGenAES128.rsp"),
        ("tweak-128hexstr", "XTSGenAES256.rsp"),
        ("tweak-dataunitseqno", "XTSGenAES128.rsp"),
        ("tweak-dataunitseqno", "XTSGenAES256.rsp"),
    ],
    ids="-".join,
)
def test_aes_xts(parts: tuple[str, str]) -> None:
    records = cipher_vectors.load("AES", "XTS", *parts)
    checked = 0
    for record in records:
        if int(record["dataunitlen"]) % 8:
            continue  # units that end inside a byte: not expressible in this API
        key = hexbytes(record, "key")
        pt, ct = hexbytes(record, "pt"), hexbytes(record, "ct")
        problem = _round_trip(algorithms.AES(key), modes.XTS(_xts_tweak(record)), pt, ct)
        assert problem is None, (record["count"], problem)
        checked += 1
    assert checked >= 400


def _tdes_key(record: CipherRecord) -> bytes:
    if "keys" in record:
        return bytes.fromhex(record["keys"]) * 3
    return b"".join(bytes.fromhex(record[f"key{i}"]) for i in (1, 2, 3))


_TDES_MODES: dict[str, Callable[[CipherRecord], Mode]] = {
    "TECB": lambda record: modes.ECB(),
    "TCBC": _iv_mode(modes.CBC),
    "TOFB": _iv_mode(decrepit_modes.OFB),
    "TCFB64": _iv_mode(decrepit_modes.CFB),
    "TCFB8": _iv_mode(decrepit_modes.CFB8),
}


def _tdes_files() -> list[tuple[str, str, str]]:
    out = []
    for folder in ("ECB", "CBC", "OFB", "CFB"):
        for name in _files("3DES", folder):
            # The interleaved (TCBCI, TOFBI) and pipelined (TCFBP) variants and 1-bit CFB
            # are other constructions.
            prefix = next((p for p in _TDES_MODES if name.startswith(p)), None)
            if prefix is None or name.startswith(("TCBCI", "TOFBI")):
                continue
            out.append((folder, name, prefix))
    return out


_TDES_FILES = _tdes_files()


@pytest.mark.parametrize(
    ("folder", "filename", "prefix"), _TDES_FILES, ids=[f[1] for f in _TDES_FILES]
)
def test_tdes_cavp(folder: str, filename: str, prefix: str) -> None:
    _check_file(("3DES", folder, filename), decrepit.TripleDES, _TDES_MODES[prefix], key=_tdes_key)


def test_tdes_files_cover_every_mode() -> None:
    assert {p for _, _, p in _TDES_FILES} == set(_TDES_MODES)


@pytest.mark.parametrize("bits", [128, 192, 256])
def test_camellia_ecb_ntt(bits: int) -> None:
    triples = cipher_vectors.load_camellia_ecb("Camellia", f"camellia-{bits}-ecb.txt")
    assert len(triples) > 100
    for key, pt, ct in triples:
        assert len(key) * 8 == bits
        assert _round_trip(decrepit.Camellia(key), modes.ECB(), pt, ct) is None, key.hex()


@pytest.mark.parametrize(
    ("filename", "make_mode"),
    [
        ("camellia-cbc.txt", _iv_mode(modes.CBC)),
        ("camellia-ofb.txt", _iv_mode(decrepit_modes.OFB)),
        ("camellia-cfb.txt", _iv_mode(decrepit_modes.CFB)),
    ],
)
def test_camellia_modes(filename: str, make_mode: Callable[[CipherRecord], Mode]) -> None:
    _check_file(("Camellia", filename), decrepit.Camellia, make_mode)


@pytest.mark.parametrize(
    ("mode_name", "make_mode"),
    [
        ("ecb", lambda record: modes.ECB()),
        ("cbc", _iv_mode(modes.CBC)),
        ("ofb", _iv_mode(decrepit_modes.OFB)),
        ("cfb", _iv_mode(decrepit_modes.CFB)),
        ("ctr", _iv_mode(modes.CTR)),
    ],
)
def test_sm4_modes(mode_name: str, make_mode: Callable[[CipherRecord], Mode]) -> None:
    _check_file(("SM4", f"draft-ribose-cfrg-sm4-10-{mode_name}.txt"), algorithms.SM4, make_mode)


def test_sm4_gcm_rfc8998() -> None:
    records = cipher_vectors.load("SM4", "rfc8998.txt")
    gcm = [r for r in records if "tag" in r]
    assert gcm
    for record in gcm:
        key, iv = hexbytes(record, "key"), hexbytes(record, "iv")
        aad, tag = hexbytes(record, "aad"), hexbytes(record, "tag")
        pt, ct = hexbytes(record, "plaintext"), hexbytes(record, "ciphertext")
        enc = Cipher(algorithms.SM4(key), modes.GCM(iv)).encryptor()
        enc.authenticate_additional_data(aad)
        assert enc.update(pt) + enc.finalize() == ct
        assert enc.tag == tag
        dec = Cipher(algorithms.SM4(key), modes.GCM(iv, tag)).decryptor()
        dec.authenticate_additional_data(aad)
        assert dec.update(ct) + dec.finalize() == pt


def test_chacha20_rfc7539() -> None:
    records = cipher_vectors.load("ChaCha20", "rfc7539.txt")
    assert len(records) >= 3
    for record in records:
        # OpenSSL's 16-byte nonce: little-endian block counter, then the 96-bit nonce.
        counter = int(record["initial_block_counter"]).to_bytes(4, "little")
        nonce = counter + hexbytes(record, "nonce")
        algorithm = algorithms.ChaCha20(hexbytes(record, "key"), nonce)
        pt, ct = hexbytes(record, "plaintext"), hexbytes(record, "ciphertext")
        assert _round_trip(algorithm, None, pt, ct) is None, record["count"]


def test_decrepit_names_from_the_primitives_module_are_the_same_classes() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert algorithms.TripleDES is decrepit.TripleDES
        assert algorithms.Camellia is decrepit.Camellia
