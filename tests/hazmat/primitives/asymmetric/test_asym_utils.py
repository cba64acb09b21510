"""``asymmetric.utils``: the DER form of (r, s) signatures (``encode_dss_signature`` and
``decode_dss_signature``), ``Prehashed`` and ``NoDigestInfo``; exact encodings, round trips
and, on valid and malformed input, the reference's results and exception classes.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.hazmat.primitives import hashes
from oxicrypt.hazmat.primitives.asymmetric import ec, padding, rsa, utils

from ._curves import seq, tlv
from .test_rsa_support import Reference, both, module, outcome


def _der_integer(value: int) -> bytes:
    """The minimal DER INTEGER of a non-negative value (a leading zero byte when the top
    bit is set)."""
    body = value.to_bytes(value.bit_length() // 8 + 1, "big")
    return tlv(0x02, body)


@pytest.mark.parametrize(
    ("r", "s", "der"),
    [
        (1, 2, "3006020101020102"),
        (0, 0, "3006020100020100"),
        (127, 128, "30070201 7f 0202 0080"),
        (255, 256, "30080202 00ff 0202 0100"),
        (2**63, 1, "300e0209 008000000000000000 020101"),
    ],
)
def test_encoding_known_answers(r: int, s: int, der: str) -> None:
    expected = bytes.fromhex(der.replace(" ", ""))
    assert utils.encode_dss_signature(r, s) == expected
    assert utils.decode_dss_signature(expected) == (r, s)


def test_long_form_lengths() -> None:
    r = 2**1000
    encoded = utils.encode_dss_signature(r, 1)
    assert encoded == seq(_der_integer(r), _der_integer(1))
    assert encoded[:3] == b"\x30\x81\x83"
    assert utils.decode_dss_signature(encoded) == (r, 1)


_values = st.one_of(st.integers(0, 2**70), st.integers(0, 2**1100))


@given(r=_values, s=_values)
def test_round_trip_and_structure(r: int, s: int) -> None:
    encoded = utils.encode_dss_signature(r, s)
    assert encoded == seq(_der_integer(r), _der_integer(s))
    assert utils.decode_dss_signature(encoded) == (r, s)


@given(r=_values, s=_values)
def test_encoding_matches_reference(r: int, s: int) -> None:
    ref = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.utils")
    encoded = utils.encode_dss_signature(r, s)
    assert encoded == ref.encode_dss_signature(r, s)
    assert ref.decode_dss_signature(encoded) == (r, s)


@pytest.mark.parametrize(
    "args",
    [(-1, 1), (1, -1), (True, 1), (1, False), (1.0, 2), ("1", 2), (None, 1), (1, b"\x01")],
    ids=repr,
)
def test_encoding_errors_match_reference(reference: Reference, args: tuple[Any, Any]) -> None:
    """Negative values are a ValueError (with the reference's message), non-integers a
    TypeError; bools are integers."""
    reference("hazmat.primitives.asymmetric.utils")
    negative = -1 in args and not any(isinstance(a, bool) for a in args)
    ours, theirs = both(
        lambda lib: module(lib, "hazmat.primitives.asymmetric.utils").encode_dss_signature(*args),
        messages=negative,
    )
    assert ours == theirs


_MALFORMED = {
    "empty": "",
    "tag-only": "30",
    "trailing-byte": "300602010102010200",
    "length-too-long": "3007020101020102",
    "length-too-short": "3005020101020102",
    "inner-length-too-long": "3006020101020202",
    "negative-r": "30060201ff020102",
    "negative-s": "300602017f020180",
    "non-minimal-r": "300702020001020102",
    "non-minimal-length": "300702810101020102",
    "indefinite-length": "30800201010201020000",
    "set-not-sequence": "3106020101020102",
    "three-integers": "3009020101020102020103",
    "one-integer": "3003020101",
    "octet-string-s": "3006020101040102",
    "empty-integer": "30050200020101",
    "truncated-s": "30060201010201",
    "bit-string-r": "3006030101020102",
    "constructed-integer": "3008220302010102 0102",
}


@pytest.mark.parametrize("name", _MALFORMED)
def test_malformed_der_is_rejected_like_the_reference(reference: Reference, name: str) -> None:
    """Every malformed input is a ValueError, as in the reference (the messages, which
    quote the DER parser's diagnostics, are not compared)."""
    reference("hazmat.primitives.asymmetric.utils")
    data = bytes.fromhex(_MALFORMED[name].replace(" ", ""))
    ours, theirs = both(
        lambda lib: module(lib, "hazmat.primitives.asymmetric.utils").decode_dss_signature(data)
    )
    assert ours == theirs
    assert ours.error == "ValueError"


@given(data=st.binary(max_size=40))
def test_arbitrary_bytes_decode_like_the_reference(data: bytes) -> None:
    ref = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.utils")
    assert outcome(lambda: utils.decode_dss_signature(data)) == outcome(
        lambda: ref.decode_dss_signature(data)
    )


@given(r=_values, s=_values, data=st.data())
def test_mutated_encodings_decode_like_the_reference(r: int, s: int, data: st.DataObject) -> None:
    ref = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.utils")
    encoded = bytearray(utils.encode_dss_signature(r, s))
    position = data.draw(st.integers(0, len(encoded) - 1), label="position")
    encoded[position] = data.draw(st.integers(0, 255), label="byte")
    mutated = bytes(encoded)
    assert outcome(lambda: utils.decode_dss_signature(mutated)) == outcome(
        lambda: ref.decode_dss_signature(mutated)
    )


@pytest.mark.parametrize(
    "value", ["3006020101020102", bytearray(b"0\x06\x02\x01\x01\x02\x01\x02"), None, 1]
)
def test_decode_takes_bytes_only(reference: Reference, value: object) -> None:
    reference("hazmat.primitives.asymmetric.utils")
    ours, theirs = both(
        lambda lib: module(lib, "hazmat.primitives.asymmetric.utils").decode_dss_signature(value)
    )
    assert ours == theirs
    assert ours.error == "TypeError"


def test_keyword_arguments_match_reference(reference: Reference) -> None:
    reference("hazmat.primitives.asymmetric.utils")
    der = bytes.fromhex("3006020101020102")

    def calls(lib: str) -> object:
        m = module(lib, "hazmat.primitives.asymmetric.utils")
        return (
            outcome(lambda: m.encode_dss_signature(r=1, s=2)),
            outcome(lambda: m.decode_dss_signature(signature=der)).error,
            outcome(lambda: m.decode_dss_signature(der)),
        )

    assert calls("oxicrypt") == calls("cryptography")


# -- Prehashed and NoDigestInfo --------------------------------------------------------------


@pytest.mark.parametrize("algorithm", ["SHA256()", "SHA512_224()", "SHAKE128(16)", "BLAKE2s(32)"])
def test_prehashed(reference: Reference, algorithm: str) -> None:
    reference("hazmat.primitives.asymmetric.utils")

    def make(lib: str) -> object:
        h = module(lib, "hazmat.primitives.hashes")
        prehashed = module(lib, "hazmat.primitives.asymmetric.utils").Prehashed(
            eval(algorithm, vars(h))
        )
        return (prehashed.digest_size, prehashed._algorithm.name)

    ours, theirs = both(make, messages=True)
    assert ours == theirs
    assert ours.error is None


@pytest.mark.parametrize("value", ["'sha256'", "SHA256", "None", "Prehashed(SHA256())"])
def test_prehashed_needs_a_hash_instance(reference: Reference, value: str) -> None:
    reference("hazmat.primitives.asymmetric.utils")

    def make(lib: str) -> object:
        h = module(lib, "hazmat.primitives.hashes")
        m = module(lib, "hazmat.primitives.asymmetric.utils")
        return m.Prehashed(eval(value, {"SHA256": h.SHA256, "Prehashed": m.Prehashed}))

    ours, theirs = both(make, messages=True)
    assert ours == theirs
    assert ours.error == "TypeError"


def test_prehashed_and_nodigestinfo_objects_match_reference(reference: Reference) -> None:
    reference("hazmat.primitives.asymmetric.utils")

    def scenario(lib: str) -> object:
        m = module(lib, "hazmat.primitives.asymmetric.utils")
        h = module(lib, "hazmat.primitives.hashes")
        a, b = m.Prehashed(h.SHA256()), m.Prehashed(h.SHA256())
        return (
            a == b,
            a == a,
            sorted(n for n in dir(a) if not n.startswith("_")),
            type(m.NoDigestInfo()).__name__,
            outcome(lambda: m.NoDigestInfo(1)).error,
            m.NoDigestInfo() == m.NoDigestInfo(),
            sorted(n for n in dir(m) if not n.startswith("_") and n[0].isupper()),
        )

    ours, theirs = both(scenario)
    assert ours == theirs


def test_prehashed_signatures() -> None:
    """Signing a digest with Prehashed equals signing the message (deterministic RSA and
    RFC 6979 ECDSA), for either key type."""
    message = b"the message"
    h = hashes.Hash(hashes.SHA384())
    h.update(message)
    digest = h.finalize()
    ec_key = ec.derive_private_key(123456789, ec.SECP384R1())
    deterministic = ec.ECDSA(utils.Prehashed(hashes.SHA384()), deterministic_signing=True)
    assert ec_key.sign(digest, deterministic) == ec_key.sign(
        message, ec.ECDSA(hashes.SHA384(), deterministic_signing=True)
    )
    ec_key.public_key().verify(
        ec_key.sign(message, ec.ECDSA(hashes.SHA384())),
        digest,
        ec.ECDSA(utils.Prehashed(hashes.SHA384())),
    )
    rsa_key = rsa.generate_private_key(65537, 1024)
    pkcs1 = padding.PKCS1v15()
    assert rsa_key.sign(digest, pkcs1, utils.Prehashed(hashes.SHA384())) == rsa_key.sign(
        message, pkcs1, hashes.SHA384()
    )
    with pytest.raises(ValueError):
        rsa_key.sign(digest[:-1], pkcs1, utils.Prehashed(hashes.SHA384()))
    with pytest.raises(ValueError):
        ec_key.sign(digest + b"\x00", ec.ECDSA(utils.Prehashed(hashes.SHA384())))
