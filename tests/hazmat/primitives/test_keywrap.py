"""AES key wrap (RFC 3394) and key wrap with padding (RFC 5649): NIST, RFC and
Wycheproof vectors, length rules."""

from __future__ import annotations

from types import ModuleType
from typing import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.hazmat.primitives import keywrap
from tests.vectors import Record, parse_records, vector_path
from tests.wycheproof import WycheproofCase


def _load(*parts: str) -> list[Record]:
    # "FAIL" stands alone on its line in the NIST files.
    text = vector_path("keywrap", *parts).read_text(encoding="ascii")
    return parse_records(text.replace("\nFAIL\n", "\nFAIL = 1\n"))


@pytest.mark.parametrize("bits", [128, 192, 256])
@pytest.mark.parametrize("padded", [False, True])
def test_nist_vectors(bits: int, padded: bool) -> None:
    prefix = "KWP" if padded else "KW"
    wrap = keywrap.aes_key_wrap_with_padding if padded else keywrap.aes_key_wrap
    unwrap = keywrap.aes_key_unwrap_with_padding if padded else keywrap.aes_key_unwrap
    encrypt = _load("kwtestvectors", f"{prefix}_AE_{bits}.txt")
    decrypt = _load("kwtestvectors", f"{prefix}_AD_{bits}.txt")
    assert encrypt and decrypt
    for r in encrypt:
        assert wrap(r.hex("K"), r.hex("P")) == r.hex("C"), r.line
    failures = 0
    for r in decrypt:
        if "FAIL" in r:
            failures += 1
            with pytest.raises(keywrap.InvalidUnwrap):
                unwrap(r.hex("K"), r.hex("C"))
        else:
            assert unwrap(r.hex("K"), r.hex("C")) == r.hex("P"), r.line
    assert failures > 0


def test_botan_kwp_vectors() -> None:
    records = _load("kwp_botan.txt")
    assert records
    for r in records:
        assert keywrap.aes_key_wrap_with_padding(r.hex("Key"), r.hex("Input")) == r.hex("Output")
        assert keywrap.aes_key_unwrap_with_padding(r.hex("Key"), r.hex("Output")) == r.hex("Input")


@pytest.mark.wycheproof("aes_wrap_test")
def test_wycheproof_kw(wycheproof_case: WycheproofCase) -> None:
    case = wycheproof_case
    key, msg, ct = case.hex("key"), case.hex("msg"), case.hex("ct")
    if case.valid or case.result == "acceptable":
        if len(msg) >= 16:
            assert keywrap.aes_key_wrap(key, msg) == ct, case
            assert keywrap.aes_key_unwrap(key, ct) == msg, case
        return
    with pytest.raises((keywrap.InvalidUnwrap, ValueError)):
        keywrap.aes_key_unwrap(key, ct)


@pytest.mark.wycheproof("aes_kwp_test")
def test_wycheproof_kwp(wycheproof_case: WycheproofCase) -> None:
    case = wycheproof_case
    key, msg, ct = case.hex("key"), case.hex("msg"), case.hex("ct")
    if case.valid:
        assert keywrap.aes_key_wrap_with_padding(key, msg) == ct, case
        assert keywrap.aes_key_unwrap_with_padding(key, ct) == msg, case
        return
    with pytest.raises((keywrap.InvalidUnwrap, ValueError)):
        keywrap.aes_key_unwrap_with_padding(key, ct)


def test_length_rules() -> None:
    kek = bytes(16)
    with pytest.raises(ValueError, match="The wrapping key must be a valid AES key length"):
        keywrap.aes_key_wrap(bytes(15), bytes(16))
    with pytest.raises(ValueError, match="The key to wrap must be at least 16 bytes"):
        keywrap.aes_key_wrap(kek, bytes(8))
    with pytest.raises(ValueError, match="The key to wrap must be a multiple of 8 bytes"):
        keywrap.aes_key_wrap(kek, bytes(17))
    with pytest.raises(keywrap.InvalidUnwrap, match="Must be at least 24 bytes"):
        keywrap.aes_key_unwrap(kek, bytes(16))
    with pytest.raises(keywrap.InvalidUnwrap, match="must be a multiple of 8 bytes"):
        keywrap.aes_key_unwrap(kek, bytes(25))
    with pytest.raises(ValueError, match="valid AES key length"):
        keywrap.aes_key_unwrap(bytes(17), bytes(24))
    with pytest.raises(ValueError, match="key_to_wrap must be between 1 and 2\\^32 bytes"):
        keywrap.aes_key_wrap_with_padding(kek, b"")
    with pytest.raises(keywrap.InvalidUnwrap, match="Must be at least 16 bytes"):
        keywrap.aes_key_unwrap_with_padding(kek, bytes(8))
    with pytest.raises(keywrap.InvalidUnwrap, match="must be a multiple of 8 bytes"):
        keywrap.aes_key_unwrap_with_padding(kek, bytes(17))
    with pytest.raises(keywrap.InvalidUnwrap):
        keywrap.aes_key_unwrap(kek, bytes(24))
    with pytest.raises(TypeError):
        keywrap.aes_key_wrap(kek, "x" * 16)  # type: ignore[arg-type]


@given(
    kek=st.sampled_from([bytes(range(16)), bytes(range(24)), bytes(range(32))]),
    key=st.binary(min_size=1, max_size=100),
)
def test_round_trips_match_the_reference(
    kek: bytes, key: bytes, reference: Callable[[str], ModuleType]
) -> None:
    ref = reference("hazmat.primitives.keywrap")
    wrapped = keywrap.aes_key_wrap_with_padding(kek, key)
    assert wrapped == ref.aes_key_wrap_with_padding(kek, key)
    assert keywrap.aes_key_unwrap_with_padding(bytearray(kek), wrapped) == key
    if len(key) >= 16 and len(key) % 8 == 0:
        wrapped = keywrap.aes_key_wrap(kek, key)
        assert wrapped == ref.aes_key_wrap(kek, key)
        assert keywrap.aes_key_unwrap(kek, memoryview(wrapped)) == key
