"""The committed vector files are exactly what the generator produces."""

from __future__ import annotations

import pytest

from oxicrypt_vectors import generate, openssl_cli


def test_committed_files_match_generator() -> None:
    if not openssl_cli.cli_available():
        pytest.skip("the `openssl` CLI is not on PATH")
    problems = generate.differing_files(generate.build())
    assert problems == [], (
        "vector files are stale; run `python -m oxicrypt_vectors.generate`: " + "; ".join(problems)
    )
