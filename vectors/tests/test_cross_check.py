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
