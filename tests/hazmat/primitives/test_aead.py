"""The one-shot AEAD classes: keys, nonces, associated data, the ``*_into`` variants,
length limits and failures, with the reference's messages; and that one object can be
used over and over, from several threads, after failures."""

from __future__ import annotations

import mmap
import threading
from collections.abc import Callable
from typing import Any

import pytest

from oxicrypt.exceptions import InvalidTag
from oxicrypt.hazmat.primitives.ciphers.aead import (
    AESCCM,
    AESGCM,
    AESGCMSIV,
    AESOCB3,
    AESSIV,
    ChaCha20Poly1305,
)

# (class, a valid key, a valid nonce, key error message, nonce error message, bad nonces)
NONCE_CLASSES: list[tuple[Any, bytes, bytes, str, str, list[int]]] = [
    (AESGCM, bytes(16), bytes(12), "AESGCM key must be 128, 192, or 256 bits.",
     "Nonce must be between 8 and 128 bytes", [0, 7, 129]),
    (ChaCha20Poly1305, bytes(32), bytes(12), "ChaCha20Poly1305 key must be 32 bytes.",
     "Nonce must be 12 bytes", [0, 8, 11, 13, 16]),
    (AESCCM, bytes(16), bytes(12), "AESCCM key must be 128, 192, or 256 bits.",
     "Nonce must be between 7 and 13 bytes", [0, 6, 14, 16]),
    (AESOCB3, bytes(16), bytes(12), "AESOCB3 key must be 128, 192, or 256 bits.",
     "Nonce must be between 12 and 15 bytes", [0, 11, 16]),
    (AESGCMSIV, bytes(16), bytes(12), "AES-GCM-SIV key must be 128, 192 or 256 bits.",
     "Nonce must be 12 bytes long", [0, 11, 13]),
]  # fmt: skip

IDS = [c[0].__name__ for c in NONCE_CLASSES]


@pytest.mark.parametrize(
    ("cls", "key", "nonce", "key_msg", "nonce_msg", "bad"), NONCE_CLASSES, ids=IDS
)
class TestNonceClasses:
    def test_key_lengths(
        self, cls: Any, key: bytes, nonce: bytes, key_msg: str, nonce_msg: str, bad: list[int]
    ) -> None:
        for size in (0, 15, 33, 64):
            with pytest.raises(ValueError) as info:
                cls(bytes(size))
            assert str(info.value) == key_msg
        with pytest.raises(TypeError):
            cls("x" * len(key))
        cls(bytearray(key))
        cls(memoryview(key))

    def test_nonce_lengths(
        self, cls: Any, key: bytes, nonce: bytes, key_msg: str, nonce_msg: str, bad: list[int]
    ) -> None:
        aead = cls(key)
        ct = aead.encrypt(nonce, b"data", None)
        for size in bad:
            for call in (
                lambda n: aead.encrypt(n, b"data", None),
                lambda n: aead.decrypt(n, ct, None),
                lambda n: aead.encrypt_into(n, b"data", None, bytearray(20)),
                lambda n: aead.decrypt_into(n, ct, None, bytearray(4)),
            ):
                with pytest.raises(ValueError) as info:
                    call(bytes(size))
                assert str(info.value) == nonce_msg

    def test_round_trip_and_tampering(
        self, cls: Any, key: bytes, nonce: bytes, key_msg: str, nonce_msg: str, bad: list[int]
    ) -> None:
        aead = cls(key)
        ct = aead.encrypt(nonce, b"attack at dawn", b"header")
        assert len(ct) == 14 + 16
        assert aead.decrypt(nonce, ct, b"header") == b"attack at dawn"
        assert (
            aead.decrypt(memoryview(nonce), bytearray(ct), memoryview(b"header"))
            == b"attack at dawn"
        )
        for damaged in (
            ct[:-1] + bytes([ct[-1] ^ 1]),
            bytes([ct[0] ^ 1]) + ct[1:],
            ct[:-1],
            ct[:15],
            b"",
        ):
            with pytest.raises(InvalidTag):
                aead.decrypt(nonce, damaged, b"header")
        with pytest.raises(InvalidTag):
            aead.decrypt(nonce, ct, b"other header")
        with pytest.raises(InvalidTag):
            aead.decrypt(nonce, ct, None)

    def test_empty_and_missing_associated_data_agree(
        self, cls: Any, key: bytes, nonce: bytes, key_msg: str, nonce_msg: str, bad: list[int]
    ) -> None:
        aead = cls(key)
        assert aead.encrypt(nonce, b"", None) == aead.encrypt(nonce, b"", b"")
        assert len(aead.encrypt(nonce, b"", None)) == 16
        assert aead.decrypt(nonce, aead.encrypt(nonce, b"", None), b"") == b""

    def test_arguments(
        self, cls: Any, key: bytes, nonce: bytes, key_msg: str, nonce_msg: str, bad: list[int]
    ) -> None:
        aead = cls(key)
        assert aead.encrypt(nonce=nonce, data=b"a", associated_data=None) == aead.encrypt(
            nonce, b"a", None
        )
        with pytest.raises(TypeError):
            aead.encrypt(nonce, b"a")
        with pytest.raises(TypeError):
            aead.encrypt(nonce, "a", None)
        with pytest.raises(TypeError):
            aead.encrypt(nonce, b"a", [b"list"])

    def test_into(
        self, cls: Any, key: bytes, nonce: bytes, key_msg: str, nonce_msg: str, bad: list[int]
    ) -> None:
        aead = cls(key)
        expected = aead.encrypt(nonce, b"hello", b"ad")
        buf = bytearray(21)
        assert aead.encrypt_into(nonce, b"hello", b"ad", buf) == 21
        assert bytes(buf) == expected
        for size in (20, 22):
            with pytest.raises(ValueError) as info:
                aead.encrypt_into(nonce, b"hello", b"ad", bytearray(size))
            assert str(info.value) == "buffer must be 21 bytes"
        out = bytearray(5)
        assert aead.decrypt_into(nonce, expected, b"ad", out) == 5
        assert out == b"hello"
        for size in (4, 6):
            with pytest.raises(ValueError, match="buffer must be 5 bytes"):
                aead.decrypt_into(nonce, expected, b"ad", bytearray(size))
        with pytest.raises(TypeError, match="Buffer is not writable"):
            aead.encrypt_into(nonce, b"hello", b"ad", bytes(21))
        # Too short to hold a tag: InvalidTag before the buffer is looked at.
        with pytest.raises(InvalidTag):
            aead.decrypt_into(nonce, b"x", None, bytearray(0))

    def test_failed_decrypt_into_leaves_no_plaintext(
        self, cls: Any, key: bytes, nonce: bytes, key_msg: str, nonce_msg: str, bad: list[int]
    ) -> None:
        aead = cls(key)
        ct = aead.encrypt(nonce, b"secret plaintext", None)
        out = bytearray(b"x" * 16)
        with pytest.raises(InvalidTag):
            aead.decrypt_into(nonce, ct[:-1] + bytes([ct[-1] ^ 1]), None, out)
        assert out == bytes(16)

    def test_into_the_same_buffer(
        self, cls: Any, key: bytes, nonce: bytes, key_msg: str, nonce_msg: str, bad: list[int]
    ) -> None:
        aead = cls(key)
        data = bytes(range(40))
        buf = bytearray(data) + bytearray(16)
        view = memoryview(buf)
        assert aead.encrypt_into(nonce, view[:40], None, view) == 56
        assert bytes(buf) == aead.encrypt(nonce, data, None)
        assert aead.decrypt_into(nonce, bytes(buf), None, view[:40]) == 40
        assert bytes(buf[:40]) == data

    def test_length_limit(
        self, cls: Any, key: bytes, nonce: bytes, key_msg: str, nonce_msg: str, bad: list[int]
    ) -> None:
        aead = cls(key)
        # An anonymous mapping is not touched by the length check, so this is cheap.
        with mmap.mmap(-1, 2**31) as big:
            for call in (
                lambda: aead.encrypt(nonce, big, None),
                lambda: aead.encrypt(nonce, b"", big),
                lambda: aead.encrypt_into(nonce, big, None, bytearray(1)),
                # The length check comes before the nonce check.
                lambda: aead.encrypt(b"", big, None),
            ):
                with pytest.raises(OverflowError, match=r"Max 2\*\*31 - 1 bytes"):
                    call()

    def test_reused_object_after_failures(
        self, cls: Any, key: bytes, nonce: bytes, key_msg: str, nonce_msg: str, bad: list[int]
    ) -> None:
        aead = cls(key)
        fresh: Callable[[], Any] = lambda: cls(key)  # noqa: E731
        messages = [bytes([i]) * i for i in range(0, 70, 7)]
        for i, msg in enumerate(messages):
            ct = aead.encrypt(nonce, msg, bytes([i]))
            assert ct == fresh().encrypt(nonce, msg, bytes([i]))
            with pytest.raises(InvalidTag):
                aead.decrypt(nonce, ct, bytes([i + 1]))
            assert aead.decrypt(nonce, ct, bytes([i])) == msg

    def test_shared_between_threads(
        self, cls: Any, key: bytes, nonce: bytes, key_msg: str, nonce_msg: str, bad: list[int]
    ) -> None:
        aead = cls(key)
        expected = {n: aead.encrypt(nonce, bytes([n]) * 5000, None) for n in range(8)}
        errors: list[BaseException] = []

        def work(n: int) -> None:
            try:
                for _ in range(30):
                    ct = aead.encrypt(nonce, bytes([n]) * 5000, None)
                    assert ct == expected[n]
                    assert aead.decrypt(nonce, ct, None) == bytes([n]) * 5000
            except BaseException as e:
                errors.append(e)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []


@pytest.mark.parametrize(
    ("cls", "sizes"),
    [(AESGCM, (128, 192, 256)), (AESCCM, (128, 192, 256)), (AESOCB3, (128, 192, 256)),
     (AESGCMSIV, (128, 192, 256)), (AESSIV, (256, 384, 512))],
)  # fmt: skip
def test_generate_key(cls: Any, sizes: tuple[int, ...]) -> None:
    for bits in sizes:
        key = cls.generate_key(bits)
        assert isinstance(key, bytes)
        assert len(key) == bits // 8
        cls(key)
    assert cls.generate_key(sizes[0]) != cls.generate_key(sizes[0])
    with pytest.raises(ValueError, match="bit_length must be"):
        cls.generate_key(100)
    with pytest.raises(TypeError):
        cls.generate_key("128")


def test_chacha20poly1305_generate_key() -> None:
    key = ChaCha20Poly1305.generate_key()
    assert len(key) == 32
    assert key != ChaCha20Poly1305.generate_key()


class TestAESCCM:
    def test_tag_lengths(self) -> None:
        for tag_length in (4, 6, 8, 10, 12, 14, 16):
            ccm = AESCCM(bytes(16), tag_length)
            ct = ccm.encrypt(bytes(13), b"abc", None)
            assert len(ct) == 3 + tag_length
            assert ccm.decrypt(bytes(13), ct, None) == b"abc"
            with pytest.raises(InvalidTag):
                AESCCM(bytes(16), 16 if tag_length != 16 else 8).decrypt(bytes(13), ct, None)
        for bad in (0, 3, 5, 7, 17, 18):
            with pytest.raises(ValueError, match="Invalid tag_length"):
                AESCCM(bytes(16), bad)
        with pytest.raises(TypeError):
            AESCCM(bytes(16), "4")  # type: ignore[arg-type]

    def test_message_length_depends_on_the_nonce(self) -> None:
        ccm = AESCCM(bytes(16))
        # A 13-byte nonce leaves two bytes for the length: at most 65535 bytes.
        assert len(ccm.encrypt(bytes(13), bytes(65535), None)) == 65535 + 16
        with pytest.raises(ValueError, match="Data too long for nonce"):
            ccm.encrypt(bytes(13), bytes(65536), None)
        with pytest.raises(ValueError, match="Data too long for nonce"):
            ccm.encrypt_into(bytes(13), bytes(65536), None, bytearray(65536 + 16))
        assert len(ccm.encrypt(bytes(12), bytes(65536), None)) == 65536 + 16

    def test_nist_sp800_38c_example_1(self) -> None:
        # SP 800-38C appendix C.1: 4-byte tag, 7-byte nonce.
        ccm = AESCCM(bytes.fromhex("404142434445464748494a4b4c4d4e4f"), tag_length=4)
        ct = ccm.encrypt(
            bytes.fromhex("10111213141516"),
            bytes.fromhex("20212223"),
            bytes.fromhex("0001020304050607"),
        )
        assert ct.hex() == "7162015b4dac255d"


class TestAESSIV:
    KEY = bytes(range(32))

    def test_key_lengths(self) -> None:
        for size in (16, 24, 33):
            with pytest.raises(ValueError, match=r"AESSIV key must be 256, 384, or 512 bits\."):
                AESSIV(bytes(size))
        for size in (32, 48, 64):
            AESSIV(bytes(size))

    def test_associated_data_is_a_list_of_components(self) -> None:
        siv = AESSIV(self.KEY)
        assert siv.encrypt(b"a", None) == siv.encrypt(b"a", [])
        assert siv.encrypt(b"a", [b"x"]) != siv.encrypt(b"a", [b"x", b""])
        assert siv.encrypt(b"a", [b"xy"]) != siv.encrypt(b"a", [b"x", b"y"])
        assert siv.encrypt(b"a", [b"x", bytearray(b"y")]) == siv.encrypt(b"a", [b"x", b"y"])
        for bad in (b"x", (b"x",), "x"):
            with pytest.raises(TypeError, match="is not an instance of 'list'"):
                siv.encrypt(b"a", bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            siv.encrypt(b"a", ["text"])  # type: ignore[list-item]
        many = [bytes([i]) for i in range(200)]
        assert siv.decrypt(siv.encrypt(b"a", many), many) == b"a"

    def test_deterministic_and_empty_messages(self) -> None:
        siv = AESSIV(self.KEY)
        assert siv.encrypt(b"msg", [b"n"]) == siv.encrypt(b"msg", [b"n"])
        empty = siv.encrypt(b"", None)
        assert len(empty) == 16
        assert siv.decrypt(empty, None) == b""
        with pytest.raises(InvalidTag):
            siv.decrypt(b"\x00" * 15, None)
        with pytest.raises(InvalidTag):
            siv.decrypt(b"\x00" * 16, None)

    def test_into(self) -> None:
        siv = AESSIV(self.KEY)
        buf = bytearray(19)
        assert siv.encrypt_into(b"abc", [b"ad"], buf) == 19
        assert bytes(buf) == siv.encrypt(b"abc", [b"ad"])
        out = bytearray(3)
        assert siv.decrypt_into(bytes(buf), [b"ad"], out) == 3
        assert out == b"abc"
        with pytest.raises(ValueError, match="buffer must be 17 bytes"):
            siv.encrypt_into(b"a", None, bytearray(16))
        with pytest.raises(InvalidTag):
            siv.decrypt_into(b"a" * 10, None, bytearray(10))

    def test_length_limit(self) -> None:
        siv = AESSIV(self.KEY)
        with mmap.mmap(-1, 2**31) as big:
            with pytest.raises(OverflowError):
                siv.encrypt(big, None)
            with pytest.raises(OverflowError):
                siv.encrypt(b"", [b"ok", big])
