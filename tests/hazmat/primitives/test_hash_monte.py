"""The NIST Monte Carlo tests: long chains of digests, each fed from the ones before,
checked at the 100 checkpoints the CAVP files give."""

from __future__ import annotations

import pytest

from oxicrypt.hazmat.primitives import hashes
from tests.vectors import Record, load_records

_SHA2 = ("SHA224", "SHA256", "SHA384", "SHA512", "SHA512_224", "SHA512_256")
_SHA3 = ("SHA3_224", "SHA3_256", "SHA3_384", "SHA3_512")


def _seed_and_checkpoints(*path: str, seed_field: str) -> tuple[bytes, list[Record]]:
    records = load_records(*path)
    (seed_record,) = [r for r in records if seed_field in r]
    checkpoints = [r for r in records if "COUNT" in r]
    assert [int(r["COUNT"]) for r in checkpoints] == list(range(100))
    return seed_record.hex(seed_field), checkpoints


@pytest.mark.parametrize(
    ("path", "name"),
    [(("hashes", "SHA1", "SHA1Monte.rsp"), "SHA1")]
    + [(("hashes", "SHA2", f"{name}Monte.rsp"), name) for name in _SHA2],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_sha1_sha2_monte(path: tuple[str, ...], name: str) -> None:
    algorithm = getattr(hashes, name)()
    seed, checkpoints = _seed_and_checkpoints(*path, seed_field="Seed")
    for checkpoint in checkpoints:
        # Each digest hashes the concatenation of the three digests before it.
        window = [seed, seed, seed]
        for _ in range(1000):
            window = [window[1], window[2], hashes.Hash.hash(algorithm, b"".join(window))]
        seed = window[2]
        assert seed == checkpoint.hex("MD"), f"checkpoint {checkpoint['COUNT']}"


@pytest.mark.parametrize("name", _SHA3)
def test_sha3_monte(name: str) -> None:
    algorithm = getattr(hashes, name)()
    digest, checkpoints = _seed_and_checkpoints(
        "hashes", "SHA3", f"{name}Monte.rsp", seed_field="Seed"
    )
    for checkpoint in checkpoints:
        for _ in range(1000):
            digest = hashes.Hash.hash(algorithm, digest)
        assert digest == checkpoint.hex("MD"), f"checkpoint {checkpoint['COUNT']}"


@pytest.mark.parametrize("name", ["SHAKE128", "SHAKE256"])
def test_shake_monte(name: str) -> None:
    cls = getattr(hashes, name)
    output, checkpoints = _seed_and_checkpoints(
        "hashes", "SHAKE", f"{name}Monte.rsp", seed_field="Msg"
    )
    section = checkpoints[0].section
    min_len = int(section["Minimum Output Length (bits)"]) // 8
    max_len = int(section["Maximum Output Length (bits)"]) // 8
    length = max_len
    for checkpoint in checkpoints:
        for _ in range(1000):
            # The next message is the first 16 bytes of the previous output (zero padded);
            # the last two bytes of the output choose the next output length.
            msg = output[:16].ljust(16, b"\x00")
            output = hashes.Hash.hash(cls(length), msg)
            length = min_len + int.from_bytes(output[-2:], "big") % (max_len - min_len + 1)
        assert len(output) * 8 == int(checkpoint["Outputlen"])
        assert output == checkpoint.hex("Output"), f"checkpoint {checkpoint['COUNT']}"
