"""oxicrypt against the reference library (the test oracle) on random inputs: the same
ciphertexts and tags for every cipher, mode and AEAD class, the same answers to damaged
input, and the same exceptions and messages for misuse. Skipped when the reference is not
installed."""

from __future__ import annotations

import functools
import importlib
import re
import warnings
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hazmat.primitives.cipher_cases import CASES, CipherCase

pytest.importorskip("cryptography.hazmat.primitives.ciphers.aead")


def _aead(lib: str) -> Any:
    return importlib.import_module(f"{lib}.hazmat.primitives.ciphers.aead")


def _outcome(call: Callable[[], Any]) -> tuple[str, Any]:
    """What a call did: its value, or its exception's class name and message."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ("ok", call())
    except Exception as e:
        return (type(e).__name__, str(e))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
@settings(max_examples=15)
@given(
    key=st.binary(min_size=64, max_size=64),
    iv=st.binary(min_size=16, max_size=16),
    data=st.binary(max_size=200),
)
def test_ciphers_agree(case: CipherCase, key: bytes, iv: bytes, data: bytes) -> None:
    key, iv = key[: case.key_len], iv[: case.iv_len]
    if case.block_len > 1:
        data = data[: len(data) - len(data) % case.block_len]

    def run(lib: str, decrypt: bool) -> Any:
        cipher = case.build(lib, key, iv)
        ctx = cipher.decryptor() if decrypt else cipher.encryptor()
        return ctx.update(data) + ctx.finalize()

    for decrypt in (False, True):
        ours = _outcome(functools.partial(run, "oxicrypt", decrypt))
        theirs = _outcome(functools.partial(run, "cryptography", decrypt))
        assert ours == theirs


@settings(max_examples=60)
@given(
    key=st.sampled_from([16, 24, 32]).flatmap(lambda n: st.binary(min_size=n, max_size=n)),
    iv=st.binary(min_size=8, max_size=24),
    aad=st.binary(max_size=50),
    data=st.binary(max_size=200),
    tag_cut=st.integers(4, 16),
)
def test_gcm_contexts_agree(key: bytes, iv: bytes, aad: bytes, data: bytes, tag_cut: int) -> None:
    def run(lib: str) -> Any:
        base = importlib.import_module(f"{lib}.hazmat.primitives.ciphers")
        algorithms = importlib.import_module(f"{lib}.hazmat.primitives.ciphers.algorithms")
        modes = importlib.import_module(f"{lib}.hazmat.primitives.ciphers.modes")
        enc = base.Cipher(algorithms.AES(key), modes.GCM(iv)).encryptor()
        enc.authenticate_additional_data(aad)
        ct = enc.update(data) + enc.finalize()
        dec = base.Cipher(algorithms.AES(key), modes.GCM(iv, min_tag_length=tag_cut)).decryptor()
        dec.authenticate_additional_data(aad)
        pt = dec.update(ct) + dec.finalize_with_tag(enc.tag[:tag_cut])
        return ct, enc.tag, pt

    assert _outcome(lambda: run("oxicrypt")) == _outcome(lambda: run("cryptography"))


_NONCE_AEADS: list[tuple[str, list[int], list[int]]] = [
    ("AESGCM", [16, 24, 32], [8, 12, 16, 33]),
    ("ChaCha20Poly1305", [32], [12]),
    ("AESCCM", [16, 24, 32], [7, 10, 13]),
    ("AESOCB3", [16, 24, 32], [12, 13, 15]),
    ("AESGCMSIV", [16, 24, 32], [12]),
]


@pytest.mark.parametrize(
    ("name", "key_lens", "nonce_lens"), _NONCE_AEADS, ids=[a[0] for a in _NONCE_AEADS]
)
@settings(max_examples=40)
@given(
    data=st.data(),
    message=st.binary(max_size=300),
    aad=st.one_of(st.none(), st.binary(max_size=60)),
)
def test_aeads_agree(
    name: str,
    key_lens: list[int],
    nonce_lens: list[int],
    data: st.DataObject,
    message: bytes,
    aad: bytes | None,
) -> None:
    key_len = data.draw(st.sampled_from(key_lens))
    key = data.draw(st.binary(min_size=key_len, max_size=key_len))
    nonce = data.draw(
        st.sampled_from(nonce_lens).flatmap(lambda n: st.binary(min_size=n, max_size=n))
    )
    flip = data.draw(st.integers(0, 8 * (len(message) + 16) - 1))
    extra: tuple[int, ...] = (
        (data.draw(st.sampled_from([4, 8, 12, 16])),) if name == "AESCCM" else ()
    )

    def run(lib: str) -> Any:
        aead = getattr(_aead(lib), name)(key, *extra)
        sealed = aead.encrypt(nonce, message, aad)
        damaged = bytearray(sealed)
        damaged[flip // 8 % len(sealed)] ^= 1 << (flip % 8)
        return (
            sealed,
            aead.decrypt(nonce, sealed, aad),
            _outcome(lambda: aead.decrypt(nonce, bytes(damaged), aad)),
        )

    assert _outcome(lambda: run("oxicrypt")) == _outcome(lambda: run("cryptography"))


@settings(max_examples=40)
@given(
    key=st.sampled_from([32, 48, 64]).flatmap(lambda n: st.binary(min_size=n, max_size=n)),
    message=st.binary(max_size=200),
    aad=st.one_of(st.none(), st.lists(st.binary(max_size=30), max_size=4)),
)
def test_aes_siv_agrees(key: bytes, message: bytes, aad: list[bytes] | None) -> None:
    def run(lib: str) -> Any:
        siv = _aead(lib).AESSIV(key)
        sealed = siv.encrypt(message, aad)
        return sealed, siv.decrypt(sealed, aad), _outcome(lambda: siv.decrypt(sealed[1:], aad))

    assert _outcome(lambda: run("oxicrypt")) == _outcome(lambda: run("cryptography"))


# Misuse, as (description, call taking the package name). Messages must match, except for
# the wording of "not a buffer" TypeErrors, which is oxicrypt's own across the library.
def _cipher(lib: str, algorithm: str, key: bytes, mode: str | None, *mode_args: Any) -> Any:
    base = importlib.import_module(f"{lib}.hazmat.primitives.ciphers")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        algs = importlib.import_module(f"{lib}.hazmat.primitives.ciphers.algorithms")
        modes = importlib.import_module(f"{lib}.hazmat.primitives.ciphers.modes")
        alg = (
            getattr(algs, algorithm)(key)
            if algorithm != "ChaCha20"
            else algs.ChaCha20(key, bytes(16))
        )
        return base.Cipher(alg, getattr(modes, mode)(*mode_args) if mode else None)


def _update_then_finalize(ctx: Any, data: bytes) -> Any:
    ctx.update(data)
    return ctx.finalize()


def _finalized(ctx: Any) -> Any:
    ctx.finalize()
    return ctx


MISUSE: list[tuple[str, Callable[[str], Any]]] = [
    ("aes key 15", lambda lib: _cipher(lib, "AES", bytes(15), "ECB")),
    ("cbc iv 8", lambda lib: _cipher(lib, "AES", bytes(16), "CBC", bytes(8))),
    ("ctr nonce 8", lambda lib: _cipher(lib, "AES", bytes(16), "CTR", bytes(8))),
    ("xts short key", lambda lib: _cipher(lib, "AES", bytes(16), "XTS", bytes(16))),
    ("xts same halves", lambda lib: _cipher(lib, "AES", bytes(32), "XTS", bytes(16)).encryptor()),
    (
        "xts 15 bytes",
        lambda lib: (
            _cipher(lib, "AES", bytes(range(32)), "XTS", bytes(16)).encryptor().update(bytes(15))
        ),
    ),
    ("aes no mode", lambda lib: _cipher(lib, "AES", bytes(16), None).encryptor()),
    ("chacha cbc", lambda lib: _cipher(lib, "ChaCha20", bytes(32), "CBC", bytes(16))),
    (
        "camellia ctr",
        lambda lib: _cipher(lib, "Camellia", bytes(16), "CTR", bytes(16)).encryptor(),
    ),
    (
        "3des gcm",
        lambda lib: _cipher(lib, "TripleDES", bytes(range(24)), "GCM", bytes(12)).encryptor(),
    ),
    (
        "cbc partial",
        lambda lib: _update_then_finalize(
            _cipher(lib, "AES", bytes(16), "CBC", bytes(16)).encryptor(), b"x"
        ),
    ),
    (
        "update after finalize",
        lambda lib: _finalized(
            _cipher(lib, "AES", bytes(16), "CTR", bytes(16)).encryptor()
        ).update(b"x"),
    ),
    (
        "update_into small",
        lambda lib: (
            _cipher(lib, "AES", bytes(16), "CBC", bytes(16))
            .encryptor()
            .update_into(bytes(16), bytearray(30))
        ),
    ),
    (
        "update_into bytes",
        lambda lib: (
            _cipher(lib, "AES", bytes(16), "CTR", bytes(16))
            .encryptor()
            .update_into(bytes(16), bytes(16))
        ),
    ),
    (
        "gcm encrypt with tag",
        lambda lib: _cipher(lib, "AES", bytes(16), "GCM", bytes(12), bytes(16)).encryptor(),
    ),
    (
        "gcm no tag",
        lambda lib: _cipher(lib, "AES", bytes(16), "GCM", bytes(12)).decryptor().finalize(),
    ),
    (
        "gcm tag twice",
        lambda lib: (
            _cipher(lib, "AES", bytes(16), "GCM", bytes(12), bytes(16))
            .decryptor()
            .finalize_with_tag(bytes(16))
        ),
    ),
    (
        "gcm short tag",
        lambda lib: (
            _cipher(lib, "AES", bytes(16), "GCM", bytes(12))
            .decryptor()
            .finalize_with_tag(bytes(8))
        ),
    ),
    (
        "gcm long tag",
        lambda lib: (
            _cipher(lib, "AES", bytes(16), "GCM", bytes(12))
            .decryptor()
            .finalize_with_tag(bytes(17))
        ),
    ),
    (
        "gcm wrong tag",
        lambda lib: (
            _cipher(lib, "AES", bytes(16), "GCM", bytes(12))
            .decryptor()
            .finalize_with_tag(bytes(16))
        ),
    ),
    (
        "gcm tag early",
        lambda lib: _cipher(lib, "AES", bytes(16), "GCM", bytes(12)).encryptor().tag,
    ),
    (
        "cbc reset nonce",
        lambda lib: (
            _cipher(lib, "AES", bytes(16), "CBC", bytes(16)).encryptor().reset_nonce(bytes(16))
        ),
    ),
    (
        "ctr reset short",
        lambda lib: (
            _cipher(lib, "AES", bytes(16), "CTR", bytes(16)).encryptor().reset_nonce(bytes(8))
        ),
    ),
    ("aesgcm key", lambda lib: _aead(lib).AESGCM(bytes(20))),
    ("aesgcm nonce", lambda lib: _aead(lib).AESGCM(bytes(16)).encrypt(bytes(4), b"", None)),
    ("aesgcm short", lambda lib: _aead(lib).AESGCM(bytes(16)).decrypt(bytes(12), bytes(15), None)),
    (
        "aesgcm into",
        lambda lib: (
            _aead(lib).AESGCM(bytes(16)).encrypt_into(bytes(12), b"abc", None, bytearray(20))
        ),
    ),
    (
        "chacha nonce",
        lambda lib: _aead(lib).ChaCha20Poly1305(bytes(32)).encrypt(bytes(8), b"", None),
    ),
    ("ccm tag length", lambda lib: _aead(lib).AESCCM(bytes(16), 5)),
    ("ccm nonce", lambda lib: _aead(lib).AESCCM(bytes(16)).encrypt(bytes(14), b"", None)),
    ("ccm long", lambda lib: _aead(lib).AESCCM(bytes(16)).encrypt(bytes(13), bytes(70000), None)),
    ("ocb nonce", lambda lib: _aead(lib).AESOCB3(bytes(16)).encrypt(bytes(16), b"", None)),
    ("gcmsiv key", lambda lib: _aead(lib).AESGCMSIV(bytes(20))),
    ("siv key", lambda lib: _aead(lib).AESSIV(bytes(16))),
    ("siv ad tuple", lambda lib: _aead(lib).AESSIV(bytes(32)).encrypt(b"", (b"a",))),
    ("siv generate", lambda lib: _aead(lib).AESSIV.generate_key(128)),
    ("gcm generate", lambda lib: _aead(lib).AESGCM.generate_key(512)),
]


@pytest.mark.parametrize("call", [m[1] for m in MISUSE], ids=[m[0] for m in MISUSE])
def test_misuse_agrees(call: Callable[[str], Any]) -> None:
    ours, theirs = _outcome(lambda: call("oxicrypt")), _outcome(lambda: call("cryptography"))
    assert ours[0] != "ok" and theirs[0] != "ok"

    # Messages that name an object (its repr) differ only in package and address.
    def normal(message: str) -> str:
        return re.sub(r" at 0x[0-9a-f]+", "", message.replace("cryptography.", "oxicrypt."))

    assert (ours[0], normal(ours[1])) == (theirs[0], normal(theirs[1]))
