"""``Cipher`` and its contexts: argument checks, the finalization rules, ``update_into``,
GCM's tag handling and limits, XTS, ``reset_nonce`` and ChaCha20's counter limit. The
messages are the reference's."""

from __future__ import annotations

import array
import mmap

import pytest

from oxicrypt._rust import ciphers as rust_ciphers
from oxicrypt.exceptions import (
    AlreadyFinalized,
    AlreadyUpdated,
    InvalidTag,
    NotYetFinalized,
    UnsupportedAlgorithm,
    _Reasons,
)
from oxicrypt.hazmat.backends import default_backend
from oxicrypt.hazmat.decrepit.ciphers import algorithms as decrepit
from oxicrypt.hazmat.decrepit.ciphers import modes as decrepit_modes
from oxicrypt.hazmat.primitives import ciphers
from oxicrypt.hazmat.primitives.ciphers import (
    AEADDecryptionContext,
    AEADEncryptionContext,
    Cipher,
    CipherContext,
    algorithms,
    base,
    modes,
)

KEY = bytes(range(16))
IV = bytes(range(16, 32))


def aes_cbc() -> Cipher[modes.CBC]:
    return Cipher(algorithms.AES(KEY), modes.CBC(IV))


def aes_ctr() -> Cipher[modes.CTR]:
    return Cipher(algorithms.AES(KEY), modes.CTR(IV))


def aes_gcm(tag: bytes | None = None, min_tag_length: int = 16) -> Cipher[modes.GCM]:
    return Cipher(algorithms.AES(KEY), modes.GCM(IV[:12], tag, min_tag_length))


def test_fips197_appendix_c1() -> None:
    key = bytes.fromhex("000102030405060708090a0b0c0d0e0f")
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    out = enc.update(bytes.fromhex("00112233445566778899aabbccddeeff")) + enc.finalize()
    assert out.hex() == "69c4e0d86a7b0430d8cdb78070b4c55a"


class TestContextTypes:
    def test_plain_modes_give_cipher_contexts(self) -> None:
        for ctx in (aes_cbc().encryptor(), aes_cbc().decryptor()):
            assert isinstance(ctx, CipherContext)
            assert not isinstance(ctx, AEADEncryptionContext)
            assert not hasattr(ctx, "authenticate_additional_data")
        assert type(aes_cbc().encryptor()) is rust_ciphers.CipherContext

    def test_gcm_gives_aead_contexts(self) -> None:
        enc, dec = aes_gcm().encryptor(), aes_gcm().decryptor()
        assert isinstance(enc, AEADEncryptionContext)
        assert isinstance(enc, ciphers.AEADCipherContext)
        assert isinstance(dec, AEADDecryptionContext)
        assert not hasattr(dec, "tag")
        assert not hasattr(enc, "finalize_with_tag")

    def test_base_module_names(self) -> None:
        assert base.Cipher is Cipher
        assert base.CipherAlgorithm is ciphers.CipherAlgorithm


class TestConstruction:
    def test_algorithm_must_be_a_cipher_algorithm(self) -> None:
        with pytest.raises(TypeError, match="Expected interface of CipherAlgorithm"):
            Cipher(object(), modes.ECB())  # type: ignore[arg-type]

    def test_mode_must_be_a_mode(self) -> None:
        with pytest.raises(TypeError):
            Cipher(algorithms.AES(KEY), object())  # type: ignore[type-var]

    def test_backend_is_ignored(self) -> None:
        Cipher(algorithms.AES(KEY), modes.ECB(), backend=default_backend())

    @pytest.mark.parametrize("size", [0, 15, 17, 40])
    def test_aes_key_sizes(self, size: int) -> None:
        with pytest.raises(ValueError, match=rf"Invalid key size \({size * 8}\) for AES\."):
            algorithms.AES(b"\x00" * size)

    def test_fixed_size_aes_classes(self) -> None:
        assert algorithms.AES128(KEY).key_size == 128
        assert algorithms.AES256(KEY * 2).key_size == 256
        with pytest.raises(ValueError):
            algorithms.AES128(KEY * 2)
        with pytest.raises(ValueError):
            algorithms.AES256(KEY)

    def test_keys_may_be_any_buffer(self) -> None:
        for key in (bytearray(KEY), memoryview(KEY)):
            enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
            assert enc.update(b"\x00" * 16) == Cipher(
                algorithms.AES(KEY), modes.ECB()
            ).encryptor().update(b"\x00" * 16)

    def test_iv_length_must_be_one_block(self) -> None:
        with pytest.raises(ValueError, match=r"Invalid IV size \(15\) for CBC\."):
            Cipher(algorithms.AES(KEY), modes.CBC(IV[:15]))
        with pytest.raises(ValueError, match=r"Invalid nonce size \(15\) for CTR\."):
            Cipher(algorithms.AES(KEY), modes.CTR(IV[:15]))
        with pytest.raises(TypeError, match="initialization_vector must be bytes-like"):
            modes.CBC("x" * 16)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="nonce must be bytes-like"):
            modes.CTR(None)  # type: ignore[arg-type]

    def test_512_bit_aes_is_for_xts_only(self) -> None:
        with pytest.raises(ValueError, match="Only 128, 192, and 256 bit keys"):
            Cipher(algorithms.AES(KEY * 4), modes.CBC(IV))
        with pytest.raises(ValueError, match="Only 128, 192, and 256 bit keys"):
            Cipher(algorithms.AES(KEY * 4), modes.ECB())

    def test_stream_ciphers_refuse_block_modes(self) -> None:
        chacha = algorithms.ChaCha20(KEY * 2, IV)
        with pytest.raises(UnsupportedAlgorithm, match="CTR requires a block cipher") as info:
            Cipher(chacha, modes.CTR(IV))
        assert info.value._reason is _Reasons.UNSUPPORTED_CIPHER
        with pytest.raises(UnsupportedAlgorithm, match="GCM requires a block cipher"):
            Cipher(chacha, modes.GCM(IV))
        with pytest.raises(UnsupportedAlgorithm, match=r"CBC object at .* requires a block"):
            Cipher(chacha, modes.CBC(IV))

    def test_block_cipher_without_mode_is_unsupported(self) -> None:
        with pytest.raises(UnsupportedAlgorithm) as info:
            Cipher(algorithms.AES(KEY), None).encryptor()
        assert str(info.value) == "cipher AES in None mode is not supported "
        assert info.value._reason is _Reasons.UNSUPPORTED_CIPHER

    def test_subclasses_are_not_guessed_at(self) -> None:
        class MyAES(algorithms.AES):
            pass

        class MyCBC(modes.CBC):
            pass

        for cipher in (Cipher(MyAES(KEY), modes.CBC(IV)), Cipher(algorithms.AES(KEY), MyCBC(IV))):
            with pytest.raises(UnsupportedAlgorithm, match="cipher AES in CBC mode"):
                cipher.encryptor()
            assert not default_backend().cipher_supported(cipher.algorithm, cipher.mode)

    def test_chacha20_nonce(self) -> None:
        with pytest.raises(ValueError, match=r"nonce must be 128-bits \(16 bytes\)"):
            algorithms.ChaCha20(KEY * 2, IV[:12])
        with pytest.raises(TypeError, match="nonce must be bytes-like"):
            algorithms.ChaCha20(KEY * 2, "x" * 16)  # type: ignore[arg-type]
        assert algorithms.ChaCha20(KEY * 2, IV).nonce == IV


class TestFinalization:
    def test_use_after_finalize(self) -> None:
        for ctx in (aes_cbc().encryptor(), aes_ctr().decryptor(), aes_gcm().encryptor()):
            ctx.finalize()
            calls = [
                lambda c: c.update(b"x"),
                lambda c: c.update_into(b"x", bytearray(32)),
                lambda c: c.finalize(),
                lambda c: c.reset_nonce(IV),
            ]
            for call in calls:
                with pytest.raises(AlreadyFinalized, match="Context was already finalized"):
                    call(ctx)

    def test_partial_block_does_not_finalize(self) -> None:
        for ctx in (aes_cbc().encryptor(), aes_cbc().decryptor()):
            assert len(ctx.update(b"a" * 20)) == 16
            with pytest.raises(ValueError, match="not a multiple of the block length"):
                ctx.finalize()
            # Still usable: completing the block lets it finish.
            assert len(ctx.update(b"a" * 12)) == 16
            assert ctx.finalize() == b""

    def test_block_modes_hold_back_partial_blocks(self) -> None:
        data = bytes(range(64))
        enc = aes_cbc().encryptor()
        pieces = [enc.update(data[:5]), enc.update(data[5:16]), enc.update(data[16:49])]
        assert [len(p) for p in pieces] == [0, 16, 32]
        pieces += [enc.update(data[49:]), enc.finalize()]
        assert [len(p) for p in pieces[3:]] == [16, 0]
        assert b"".join(pieces) == aes_cbc().encryptor().update(data)

    def test_stream_modes_finalize_to_nothing(self) -> None:
        enc = aes_ctr().encryptor()
        assert len(enc.update(b"abc")) == 3
        assert enc.finalize() == b""


class TestUpdateInto:
    def test_writes_into_the_buffer(self) -> None:
        data = bytes(range(48))
        expected = aes_cbc().encryptor().update(data)
        buf = bytearray(48 + 15)
        assert aes_cbc().encryptor().update_into(data, buf) == 48
        assert bytes(buf[:48]) == expected

    def test_buffer_size_rule(self) -> None:
        # len(data) + block size - 1, whatever the context has buffered.
        with pytest.raises(ValueError, match="buffer must be at least 31 bytes for this payload"):
            aes_cbc().encryptor().update_into(b"x" * 16, bytearray(30))
        with pytest.raises(ValueError, match="buffer must be at least 16 bytes for this payload"):
            aes_ctr().encryptor().update_into(b"x" * 16, bytearray(15))
        with pytest.raises(ValueError, match="buffer must be at least 15 bytes"):
            aes_cbc().encryptor().update_into(b"", bytearray(0))
        assert aes_ctr().encryptor().update_into(b"x" * 16, bytearray(16)) == 16
        blowfish = Cipher(decrepit.Blowfish(KEY), modes.CBC(IV[:8])).encryptor()
        with pytest.raises(ValueError, match="at least 23 bytes"):
            blowfish.update_into(b"x" * 16, bytearray(22))

    def test_partial_blocks_across_calls(self) -> None:
        data = bytes(range(100))
        ctx = aes_cbc().encryptor()
        buf = bytearray(200)
        out = b""
        for piece in (data[:7], data[7:40], data[40:41], data[41:96]):
            n = ctx.update_into(piece, buf)
            out += bytes(buf[:n])
        assert out == aes_cbc().encryptor().update(data[:96])

    def test_buffer_types(self) -> None:
        ctx = aes_ctr().encryptor()
        view = memoryview(bytearray(40))
        assert ctx.update_into(b"a" * 16, view[10:26]) == 16
        with mmap.mmap(-1, 64) as region:
            assert aes_ctr().encryptor().update_into(b"a" * 16, region) == 16
            assert region[:16] == aes_ctr().encryptor().update(b"a" * 16)
        with pytest.raises(TypeError, match="Buffer is not writable"):
            aes_ctr().encryptor().update_into(b"a" * 16, bytes(16))
        with pytest.raises(TypeError, match="Buffer is not writable"):
            aes_ctr().encryptor().update_into(b"a" * 16, memoryview(bytes(16)))
        with pytest.raises(TypeError):
            aes_ctr().encryptor().update_into(b"a" * 16, "x" * 16)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            aes_ctr().encryptor().update_into(b"a" * 16, array.array("I", [0] * 8))
        with pytest.raises(BufferError):
            aes_ctr().encryptor().update_into(b"a" * 16, memoryview(bytearray(64))[::2])

    def test_in_place(self) -> None:
        data = bytes(range(64))
        buf = bytearray(data)
        assert aes_ctr().encryptor().update_into(buf, buf) == 64
        assert bytes(buf) == aes_ctr().encryptor().update(data)
        # Overlapping but shifted: the input is read as it was before the call.
        buf = bytearray(data) + bytearray(16)
        view = memoryview(buf)
        assert aes_cbc().encryptor().update_into(view[:64], view[1:]) == 64
        assert bytes(buf[1:65]) == aes_cbc().encryptor().update(data)


class TestGCM:
    def test_round_trip_with_aad(self) -> None:
        enc = aes_gcm().encryptor()
        enc.authenticate_additional_data(b"header")
        ct = enc.update(b"secret message") + enc.finalize()
        dec = aes_gcm(enc.tag).decryptor()
        dec.authenticate_additional_data(b"header")
        assert dec.update(ct) + dec.finalize() == b"secret message"
        late = aes_gcm().decryptor()
        late.authenticate_additional_data(b"header")
        assert late.update(ct) + late.finalize_with_tag(enc.tag) == b"secret message"

    def test_tag_only_after_finalize(self) -> None:
        enc = aes_gcm().encryptor()
        with pytest.raises(NotYetFinalized, match="You must finalize encryption"):
            enc.tag  # noqa: B018
        enc.finalize()
        assert len(enc.tag) == 16

    def test_encrypting_with_a_tag_is_refused(self) -> None:
        with pytest.raises(ValueError, match="Authentication tag must be None when encrypting"):
            aes_gcm(b"\x00" * 16).encryptor()

    def test_decrypt_needs_a_tag(self) -> None:
        dec = aes_gcm().decryptor()
        with pytest.raises(
            ValueError, match="Authentication tag must be provided when decrypting"
        ):
            dec.finalize()
        with pytest.raises(ValueError, match="Authentication tag must be provided only once"):
            aes_gcm(b"\x00" * 16).decryptor().finalize_with_tag(b"\x00" * 16)

    def test_finalize_with_tag_lengths(self) -> None:
        with pytest.raises(ValueError, match="Authentication tag must be 16 bytes or longer"):
            aes_gcm().decryptor().finalize_with_tag(b"\x00" * 15)
        with pytest.raises(ValueError, match="Authentication tag cannot be more than 16 bytes"):
            aes_gcm().decryptor().finalize_with_tag(b"\x00" * 17)
        with pytest.raises(TypeError):
            aes_gcm().decryptor().finalize_with_tag(bytearray(16))  # type: ignore[arg-type]

    def test_short_tags_with_min_tag_length(self) -> None:
        enc = aes_gcm().encryptor()
        ct = enc.update(b"data") + enc.finalize()
        for n in (4, 8, 12):
            dec = aes_gcm(min_tag_length=n).decryptor()
            assert dec.update(ct) + dec.finalize_with_tag(enc.tag[:n]) == b"data"
            dec = aes_gcm(enc.tag[:n], min_tag_length=n).decryptor()
            dec.update(ct)
            assert dec.finalize() == b""
            bad = bytes([enc.tag[0] ^ 1]) + enc.tag[1:n]
            with pytest.raises(InvalidTag):
                aes_gcm(min_tag_length=n).decryptor().finalize_with_tag(bad)

    def test_mode_arguments(self) -> None:
        with pytest.raises(ValueError, match="min_tag_length must be >= 4"):
            modes.GCM(IV[:12], min_tag_length=3)
        with pytest.raises(ValueError, match="Authentication tag must be 16 bytes or longer"):
            modes.GCM(IV[:12], b"\x00" * 4)
        with pytest.raises(TypeError, match="tag must be bytes"):
            modes.GCM(IV[:12], "x" * 16)  # type: ignore[arg-type]
        for size in (7, 129):
            with pytest.raises(ValueError, match="between 8 and 128 bytes"):
                modes.GCM(b"\x00" * size)
        with pytest.raises(ValueError, match="cannot be more than 16 bytes"):
            Cipher(algorithms.AES(KEY), modes.GCM(IV[:12], b"\x00" * 17))
        # IV lengths other than 12 are hashed into the counter.
        for size in (8, 16, 128):
            Cipher(algorithms.AES(KEY), modes.GCM(b"\x01" * size)).encryptor().update(b"a")

    def test_wrong_tag_leaves_the_context_open(self) -> None:
        # As in the reference: a failed check does not finalize the context.
        dec = aes_gcm().decryptor()
        dec.update(b"abc")
        with pytest.raises(InvalidTag):
            dec.finalize_with_tag(b"\x00" * 16)
        with pytest.raises(InvalidTag):
            dec.finalize_with_tag(b"\x00" * 16)

    def test_aad_order(self) -> None:
        enc = aes_gcm().encryptor()
        enc.update(b"a")
        with pytest.raises(AlreadyUpdated, match="Update has been called on this context"):
            enc.authenticate_additional_data(b"x")
        enc.finalize()
        with pytest.raises(AlreadyFinalized):
            enc.authenticate_additional_data(b"x")

    def test_data_limit(self) -> None:
        enc = aes_gcm().encryptor()
        rust_ciphers._advance(enc, modes.GCM._MAX_ENCRYPTED_BYTES - 1)
        assert len(enc.update(b"a")) == 1
        with pytest.raises(ValueError, match="Exceeded maximum encrypted byte limit"):
            enc.update(b"a")
        with pytest.raises(ValueError, match="Exceeded maximum encrypted byte limit"):
            enc.update_into(b"a", bytearray(1))
        dec = aes_gcm().decryptor()
        rust_ciphers._advance(dec, modes.GCM._MAX_ENCRYPTED_BYTES)
        with pytest.raises(ValueError, match="Exceeded maximum encrypted byte limit"):
            dec.update(b"a")

    def test_aad_limit(self) -> None:
        enc = aes_gcm().encryptor()
        rust_ciphers._advance_aad(enc, modes.GCM._MAX_AAD_BYTES - 1)
        enc.authenticate_additional_data(b"a")
        with pytest.raises(ValueError, match="Exceeded maximum AAD byte limit"):
            enc.authenticate_additional_data(b"a")
        with pytest.raises(TypeError):
            rust_ciphers._advance(aes_cbc().encryptor(), 1)  # type: ignore[arg-type]

    def test_gcm_needs_a_128_bit_block(self) -> None:
        with pytest.raises(UnsupportedAlgorithm, match="cipher 3DES in GCM mode"):
            Cipher(decrepit.TripleDES(b"\x01" * 24), modes.GCM(IV[:12])).encryptor()


class TestXTS:
    KEY = bytes(range(32))

    def test_keys_and_classes(self) -> None:
        with pytest.raises(ValueError, match="In XTS mode duplicated keys are not allowed"):
            Cipher(algorithms.AES(KEY * 2), modes.XTS(IV)).encryptor()
        with pytest.raises(ValueError, match="requires a 256-bit key for AES-128-XTS"):
            Cipher(algorithms.AES(KEY), modes.XTS(IV))
        with pytest.raises(TypeError, match="AES128 and AES256 classes do not support XTS"):
            Cipher(algorithms.AES256(self.KEY), modes.XTS(IV))
        with pytest.raises(ValueError, match=r"tweak must be 128-bits \(16 bytes\)"):
            modes.XTS(IV[:15])
        assert modes.XTS(IV).tweak == IV

    def test_each_update_is_one_data_unit_of_at_least_a_block(self) -> None:
        ctx = Cipher(algorithms.AES(self.KEY), modes.XTS(IV)).encryptor()
        with pytest.raises(ValueError, match="at least a full block in the first update call"):
            ctx.update(b"a" * 15)
        assert len(ctx.update(b"a" * 17)) == 17  # ciphertext stealing
        with pytest.raises(ValueError, match="at least a full block"):
            ctx.update(b"")
        assert ctx.finalize() == b""
        # update_into needs only len(data): XTS reports a block size of one byte.
        ctx = Cipher(algorithms.AES(self.KEY), modes.XTS(IV)).encryptor()
        assert ctx.update_into(b"a" * 16, bytearray(16)) == 16


class TestResetNonce:
    def test_ctr(self) -> None:
        ctx = aes_ctr().encryptor()
        first = ctx.update(b"a" * 40)
        ctx.reset_nonce(IV)
        assert ctx.update(b"a" * 40) == first
        ctx.reset_nonce(bytearray(16))
        assert ctx.update(b"a" * 5) == Cipher(
            algorithms.AES(KEY), modes.CTR(bytes(16))
        ).encryptor().update(b"a" * 5)
        with pytest.raises(ValueError, match="Nonce must be 16 bytes long"):
            ctx.reset_nonce(b"a")

    def test_chacha20(self) -> None:
        ctx = Cipher(algorithms.ChaCha20(KEY * 2, IV), None).decryptor()
        first = ctx.update(b"a" * 70)
        ctx.reset_nonce(IV)
        assert ctx.update(b"a" * 70) == first
        with pytest.raises(ValueError, match="Nonce must be 16 bytes long"):
            ctx.reset_nonce(IV[:12])

    def test_other_modes_refuse(self) -> None:
        for ctx in (aes_cbc().encryptor(), aes_gcm().encryptor(), aes_gcm().decryptor()):
            with pytest.raises(
                UnsupportedAlgorithm, match="does not support resetting the nonce"
            ) as info:
                ctx.reset_nonce(IV)
            assert info.value._reason is _Reasons.UNSUPPORTED_CIPHER


class TestChaCha20Counter:
    KEY = bytes(range(32))

    def _ctx(self, counter: int) -> CipherContext:
        nonce = counter.to_bytes(4, "little") + bytes(12)
        return Cipher(algorithms.ChaCha20(self.KEY, nonce), None).encryptor()

    def test_the_32_bit_counter_may_not_wrap(self) -> None:
        assert len(self._ctx(0xFFFFFFFF).update(b"a" * 64)) == 64
        for call in (
            lambda c: c.update(b"a" * 65),
            lambda c: c.update_into(b"a" * 65, bytearray(65)),
        ):
            with pytest.raises(
                ValueError, match="32-bit counter portion of the nonce would overflow"
            ):
                call(self._ctx(0xFFFFFFFF))
        ctx = self._ctx(0xFFFFFFFE)
        ctx.update(b"a" * 100)
        ctx.update(b"a" * 28)
        with pytest.raises(ValueError, match="would overflow"):
            ctx.update(b"a")
        # A new nonce starts a new budget.
        ctx.reset_nonce((0xFFFFFFFE).to_bytes(4, "little") + bytes(12))
        assert len(ctx.update(b"a" * 128)) == 128

    def test_rfc7539_keystream(self) -> None:
        # RFC 7539 section 2.4.2: counter 1.
        key = bytes(range(32))
        nonce = (1).to_bytes(4, "little") + bytes.fromhex("000000000000004a00000000")
        text = (
            b"Ladies and Gentlemen of the class of '99: If I could offer you only one "
            b"tip for the future, sunscreen would be it."
        )
        ct = Cipher(algorithms.ChaCha20(key, nonce), None).encryptor().update(text)
        assert ct[:16].hex() == "6e2e359a2568f98041ba0728dd0d6981"
        assert ct[-2:].hex() == "874d"


def test_backend_cipher_supported() -> None:
    backend = default_backend()
    assert backend.cipher_supported(algorithms.AES(KEY), modes.CBC(IV))
    assert backend.cipher_supported(algorithms.AES(KEY * 2), modes.XTS(IV))
    assert not backend.cipher_supported(algorithms.AES(KEY), modes.XTS(IV))
    assert not backend.cipher_supported(algorithms.AES(KEY), None)  # type: ignore[arg-type]
    assert backend.cipher_supported(algorithms.ChaCha20(KEY * 2, IV), None)  # type: ignore[arg-type]
    assert not backend.cipher_supported(decrepit.Camellia(KEY), modes.CTR(IV))
    assert backend.cipher_supported(decrepit.SEED(KEY), decrepit_modes.CFB(IV))


def test_names_the_ssh_module_reexports() -> None:
    from oxicrypt.hazmat.primitives.serialization import ssh

    assert ssh.Cipher is Cipher
    assert ssh.AEADDecryptionContext is AEADDecryptionContext


def test_contexts_in_threads_give_the_single_threaded_result() -> None:
    # Large updates run without the GIL; each thread has its own context.
    import threading

    data = bytes(range(256)) * 4096  # 1 MiB
    expected = aes_ctr().encryptor().update(data)
    results: list[bytes] = []

    def work() -> None:
        for _ in range(5):
            enc = aes_ctr().encryptor()
            out = bytearray(len(data))
            half = len(data) // 2
            n = enc.update_into(data[:half], out)
            n += enc.update_into(data[half:], memoryview(out)[n:])
            results.append(bytes(out[:n]))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 20
    assert all(r == expected for r in results)
