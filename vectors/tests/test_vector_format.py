"""The ``NAME = VALUE`` block format round-trips and rejects malformed input."""

from __future__ import annotations

import pytest

from oxicrypt_vectors import list_vector_files, load_vectors, vector_path
from oxicrypt_vectors.format import VectorFormatError, format_vectors, parse_vectors


def test_round_trip() -> None:
    blocks = [{"ALG": "x", "MSG": "", "MD": "00ff"}, {"ALG": "y", "MSG": "01", "MD": "02"}]
    text = format_vectors(["a comment"], blocks)
    assert text.startswith("# a comment\n\nALG = x\nMSG =\nMD = 00ff\n\n")
    vectors = parse_vectors(text, source="t")
    assert [v.fields for v in vectors] == blocks
    assert vectors[0].get_bytes("MSG") == b""
    assert vectors[1].location == "t:7"


@pytest.mark.parametrize("text", ["ALG=x\n", "alg = x\n", "ALG = x\nALG = y\n", "just words\n"])
def test_malformed(text: str) -> None:
    with pytest.raises(VectorFormatError):
        parse_vectors(text)


def test_package_files_parse() -> None:
    files = list_vector_files("hashes") + list_vector_files("hmac")
    assert files
    for path in files:
        for vector in load_vectors(path):
            assert len(vector.get_bytes("MSG")) == vector.get_int("LEN"), vector.location
    ciphers = list_vector_files("ciphers")
    assert ciphers
    for path in ciphers:
        for vector in load_vectors(path):
            assert len(vector.get_bytes("MSG")) == vector.get_int("LEN"), vector.location
            assert vector["SOURCE"] == "openssl enc", vector.location
    kdfs = list_vector_files("kdf")
    assert kdfs
    for path in kdfs:
        for vector in load_vectors(path):
            assert len(vector.get_bytes("OUT")) == vector.get_int("OUTLEN"), vector.location


def test_paths_stay_inside_package() -> None:
    with pytest.raises(ValueError):
        vector_path("../pyproject.toml")
