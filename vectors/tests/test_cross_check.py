"""The generator refuses to emit a vector its C implementations disagree on."""

from __future__ import annotations

import pytest

from oxicrypt_vectors import generate, openssl_cli


@pytest.mark.parametrize("command", ["dgst", "hmac"])
def test_disagreement_aborts_generation(monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    if not openssl_cli.cli_available():
        pytest.skip("the `openssl` CLI is not on PATH")
    real = getattr(openssl_cli, command)

    def corrupted(*args: object, **kwargs: object) -> bytes:
        out: bytes = real(*args, **kwargs)
        return bytes([out[0] ^ 1]) + out[1:]

    monkeypatch.setattr(openssl_cli, command, corrupted)
    if command == "hmac":  # let the hash files through to reach the HMAC ones
        monkeypatch.setattr(generate, "_hash_file", lambda digest, log: "")
    with pytest.raises(generate.CrossCheckError, match="openssl CLI gave"):
        generate.build()


def _skip_to_ciphers_and_kdfs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generate, "_hash_file", lambda digest, log: "")
    monkeypatch.setattr(generate, "_hmac_file", lambda digest, log: "")


def test_kdf_disagreement_aborts_generation(monkeypatch: pytest.MonkeyPatch) -> None:
    if not openssl_cli.cli_available():
        pytest.skip("the `openssl` CLI is not on PATH")
    real = openssl_cli.kdf

    def corrupted(name: str, size: int, options: list[str]) -> bytes:
        out = real(name, size, options)
        return bytes([out[0] ^ 1]) + out[1:]

    _skip_to_ciphers_and_kdfs(monkeypatch)
    monkeypatch.setattr(generate, "cipher_files", lambda log, parallel: {})
    monkeypatch.setattr(openssl_cli, "kdf", corrupted)
    with pytest.raises(generate.CrossCheckError, match="openssl CLI gave"):
        generate.build()


def test_cipher_that_does_not_decrypt_aborts_generation(monkeypatch: pytest.MonkeyPatch) -> None:
    if not openssl_cli.cli_available():
        pytest.skip("the `openssl` CLI is not on PATH")
    real = openssl_cli.enc

    def corrupted(
        name: str, key: bytes, iv: bytes | None, data: bytes, decrypt: bool = False
    ) -> bytes:
        out = real(name, key, iv, data, decrypt)
        # Damage only the encryptions of non-empty messages in stream modes, where the
        # decryption succeeds and gives other bytes back.
        if decrypt or not data or name.endswith(("cbc", "ecb")):
            return out
        return bytes([out[0] ^ 1]) + out[1:]

    _skip_to_ciphers_and_kdfs(monkeypatch)
    monkeypatch.setattr(openssl_cli, "enc", corrupted)
    with pytest.raises(openssl_cli.OpenSSLCLIError, match="does not give MSG back"):
        generate.build()
