"""Writing and reading Ed25519, Ed448, X25519 and X448 keys: ``private_bytes`` and
``public_bytes`` for every encoding, format and encryption choice, against the reference
and against the RFC 8410 encodings; ``load_{pem,der}_{private,public}_key`` for PKCS#8 and
SubjectPublicKeyInfo, their errors, and robustness against arbitrary input.

The OpenSSH encoding and formats are covered by the test_ssh_*.py files (their private
output embeds a random check integer, so it is compared after parsing, not byte for byte);
encrypted output and input by the RSA/EC and SSH tests."""

from __future__ import annotations

import base64
from types import ModuleType
from typing import Any, Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.hazmat.primitives import serialization
from tests.hazmat.primitives.asymmetric._curves import (
    CURVES,
    NOT_BUFFERS,
    REJECTIONS,
    Curve,
    Outcome,
    outcome,
    pem,
    seq,
    tlv,
)
from tests.vectors import vector_path

Reference = Callable[[str], ModuleType]

_ENCODINGS = ["PEM", "DER", "Raw", "X962", "SMIME"]
_PRIVATE_FORMATS = ["PKCS8", "TraditionalOpenSSL", "Raw", "PKCS12"]
_PUBLIC_FORMATS = ["SubjectPublicKeyInfo", "PKCS1", "Raw", "CompressedPoint", "UncompressedPoint"]
_ENCRYPTIONS = ["NoEncryption", "not-an-encryption", "None", "unknown-subclass"]
_ELSEWHERE = {"OpenSSH"}  # members covered by test_ssh_roundtrip.py

_LOADERS = {
    "pem-private": lambda data: serialization.load_pem_private_key(data, None),
    "der-private": lambda data: serialization.load_der_private_key(data, None),
    "pem-public": serialization.load_pem_public_key,
    "der-public": serialization.load_der_public_key,
}

_curve_param = pytest.mark.parametrize("curve", CURVES, ids=str)


def _raw(curve: Curve) -> bytes:
    return bytes(range(1, curve.key_size + 1))


def _key(curve: Curve, raw: bytes | None = None) -> Any:
    return curve.private_cls.from_private_bytes(_raw(curve) if raw is None else raw)


def _private(curve: Curve, encoding: str, raw: bytes | None = None) -> bytes:
    enc = getattr(serialization.Encoding, encoding)
    fmt = serialization.PrivateFormat.PKCS8
    data: bytes = _key(curve, raw).private_bytes(enc, fmt, serialization.NoEncryption())
    return data


def _public(curve: Curve, encoding: str, raw: bytes | None = None) -> bytes:
    enc = getattr(serialization.Encoding, encoding)
    fmt = serialization.PublicFormat.SubjectPublicKeyInfo
    data: bytes = _key(curve, raw).public_key().public_bytes(enc, fmt)
    return data


# -- private_bytes / public_bytes against the reference ---------------------------------


def test_combinations_cover_every_member() -> None:
    def names(cls: type) -> set[str]:
        return {n for n, v in vars(cls).items() if isinstance(v, cls)}

    assert names(serialization.Encoding) == {*_ENCODINGS, *_ELSEWHERE}
    assert names(serialization.PrivateFormat) == {*_PRIVATE_FORMATS, *_ELSEWHERE}
    assert names(serialization.PublicFormat) == {*_PUBLIC_FORMATS, *_ELSEWHERE}


def _encryption(ser: ModuleType, name: str) -> object:
    if name == "NoEncryption":
        return ser.NoEncryption()
    if name == "not-an-encryption":
        return object()
    if name == "None":
        return None
    assert name == "unknown-subclass"
    return type("Unknown", (ser.KeySerializationEncryption,), {})()


@_curve_param
@pytest.mark.parametrize("encoding", _ENCODINGS)
@pytest.mark.parametrize("fmt", _PRIVATE_FORMATS)
@pytest.mark.parametrize("encryption", _ENCRYPTIONS)
def test_private_bytes_matches_reference(
    reference: Reference, curve: Curve, encoding: str, fmt: str, encryption: str
) -> None:
    """The same bytes as the reference for the same key, or the same exception type."""
    ref_ser = reference("hazmat.primitives.serialization")
    raw = _raw(curve)

    def call(ser: ModuleType, key: Any) -> bytes:
        data: bytes = key.private_bytes(
            getattr(ser.Encoding, encoding),
            getattr(ser.PrivateFormat, fmt),
            _encryption(ser, encryption),
        )
        return data

    ours = outcome(lambda: call(serialization, curve.private_cls.from_private_bytes(raw)))
    ref_key = curve.reference_private_cls(reference).from_private_bytes(raw)
    assert ours == outcome(lambda: call(ref_ser, ref_key))


@_curve_param
@pytest.mark.parametrize("encoding", _ENCODINGS)
@pytest.mark.parametrize("fmt", _PUBLIC_FORMATS)
def test_public_bytes_matches_reference(
    reference: Reference, curve: Curve, encoding: str, fmt: str
) -> None:
    ref_ser = reference("hazmat.primitives.serialization")
    raw = _raw(curve)

    def call(ser: ModuleType, key: Any) -> bytes:
        data: bytes = key.public_key().public_bytes(
            getattr(ser.Encoding, encoding), getattr(ser.PublicFormat, fmt)
        )
        return data

    ours = outcome(lambda: call(serialization, curve.private_cls.from_private_bytes(raw)))
    ref_key = curve.reference_private_cls(reference).from_private_bytes(raw)
    assert ours == outcome(lambda: call(ref_ser, ref_key))


@_curve_param
@pytest.mark.parametrize("value", ["PEM", 0, None], ids=["str", "int", "None"])
def test_arguments_must_be_the_enums(curve: Curve, value: object) -> None:
    key = _key(curve)
    no = serialization.NoEncryption()
    calls = [
        lambda: key.private_bytes(value, serialization.PrivateFormat.PKCS8, no),
        lambda: key.private_bytes(serialization.Encoding.PEM, value, no),
        lambda: key.public_key().public_bytes(value, serialization.PublicFormat.Raw),
        lambda: key.public_key().public_bytes(serialization.Encoding.Raw, value),
        # An encoding where a format is expected, and the other way round.
        lambda: key.private_bytes(
            serialization.PrivateFormat.PKCS8, serialization.Encoding.PEM, no
        ),
        lambda: key.public_key().public_bytes(
            serialization.PublicFormat.Raw, serialization.Encoding.Raw
        ),
    ]
    for call in calls:
        with pytest.raises(TypeError):
            call()


@_curve_param
def test_reference_enums_are_not_accepted(reference: Reference, curve: Curve) -> None:
    ref_ser = reference("hazmat.primitives.serialization")
    key = _key(curve)
    with pytest.raises(TypeError):
        key.private_bytes(
            ref_ser.Encoding.DER, ref_ser.PrivateFormat.PKCS8, ref_ser.NoEncryption()
        )
    with pytest.raises(TypeError):
        key.public_key().public_bytes(ref_ser.Encoding.Raw, ref_ser.PublicFormat.Raw)


# -- the encodings themselves ------------------------------------------------------------


@_curve_param
@given(data=st.data())
def test_rfc8410_encodings(curve: Curve, data: st.DataObject) -> None:
    raw = data.draw(curve.raw_keys(), label="raw")
    key = _key(curve, raw)
    public_raw = key.public_key().public_bytes_raw()
    assert _private(curve, "DER", raw) == curve.pkcs8(raw)
    assert _private(curve, "PEM", raw) == pem("PRIVATE KEY", curve.pkcs8(raw))
    assert _public(curve, "DER", raw) == curve.spki(public_raw)
    assert _public(curve, "PEM", raw) == pem("PUBLIC KEY", curve.spki(public_raw))


def test_rfc8410_example_structures() -> None:
    """RFC 8410, section 10: the Ed25519 examples, written byte for byte."""
    (ed25519,) = [c for c in CURVES if c.name == "Ed25519"]
    seed = bytes.fromhex("d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842")
    assert _private(ed25519, "PEM", seed) == (
        b"-----BEGIN PRIVATE KEY-----\n"
        b"MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n"
        b"-----END PRIVATE KEY-----\n"
    )
    public = bytes.fromhex("19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1")
    assert _key(ed25519, seed).public_key().public_bytes_raw() == public  # the same key pair
    key = ed25519.public_cls.from_public_bytes(public)
    spki = key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert spki == (
        b"-----BEGIN PUBLIC KEY-----\n"
        b"MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
        b"-----END PUBLIC KEY-----\n"
    )


_VECTOR_FILES = {"Ed25519": "ed25519", "Ed448": "ed448", "X25519": "x25519", "X448": "x448"}


@_curve_param
@pytest.mark.parametrize("encoding", ["PEM", "DER"])
def test_vector_files_are_rewritten_byte_for_byte(curve: Curve, encoding: str) -> None:
    stem = _VECTOR_FILES[curve.name]
    private_file = vector_path("asymmetric", curve.name, f"{stem}-pkcs8.{encoding.lower()}")
    public_file = vector_path("asymmetric", curve.name, f"{stem}-pub.{encoding.lower()}")
    load_private = getattr(serialization, f"load_{encoding.lower()}_private_key")
    load_public = getattr(serialization, f"load_{encoding.lower()}_public_key")
    enc = getattr(serialization.Encoding, encoding)

    key = load_private(private_file.read_bytes(), None)
    assert isinstance(key, curve.private_cls)
    written = key.private_bytes(
        enc, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    assert written == private_file.read_bytes()

    public = load_public(public_file.read_bytes())
    assert isinstance(public, curve.public_cls)
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    assert public.public_bytes(enc, spki) == public_file.read_bytes()


# -- round trips ------------------------------------------------------------------------


@_curve_param
@given(data=st.data())
def test_round_trips(curve: Curve, data: st.DataObject) -> None:
    raw = data.draw(curve.raw_keys(), label="raw")
    key = _key(curve, raw)
    for encoding in ("PEM", "DER"):
        blob = _private(curve, encoding, raw)
        load = getattr(serialization, f"load_{encoding.lower()}_private_key")
        for buffer in (blob, bytearray(blob), memoryview(blob)):
            loaded = load(buffer, None)
            assert isinstance(loaded, curve.private_cls)
            assert loaded.private_bytes_raw() == raw
        blob = _public(curve, encoding, raw)
        load = getattr(serialization, f"load_{encoding.lower()}_public_key")
        for buffer in (blob, bytearray(blob), memoryview(blob)):
            loaded = load(buffer)
            assert isinstance(loaded, curve.public_cls)
            assert loaded == key.public_key()


@_curve_param
def test_loaded_keys_work(curve: Curve) -> None:
    key = serialization.load_pem_private_key(_private(curve, "PEM"), None)
    public = serialization.load_der_public_key(_public(curve, "DER"))
    if curve.signature_size:
        public.verify(key.sign(b"message"), b"message")
    else:
        assert key.exchange(public) == _key(curve).exchange(_key(curve).public_key())


@_curve_param
def test_loader_keyword_arguments(curve: Curve) -> None:
    pem_private, der_private = _private(curve, "PEM"), _private(curve, "DER")
    pem_public, der_public = _public(curve, "PEM"), _public(curve, "DER")
    loaded = [
        serialization.load_pem_private_key(pem_private, None, None),
        serialization.load_pem_private_key(data=pem_private, password=None, backend=None),
        serialization.load_der_private_key(der_private, None, unsafe_skip_rsa_key_validation=True),
        serialization.load_pem_private_key(
            pem_private, None, unsafe_skip_rsa_key_validation=False
        ),
    ]
    for key in loaded:
        assert key.private_bytes_raw() == _raw(curve)
    publics = [
        serialization.load_pem_public_key(pem_public, None),
        serialization.load_der_public_key(data=der_public, backend=None),
    ]
    for public in publics:
        assert public == _key(curve).public_key()


# -- loading errors ---------------------------------------------------------------------


_GARBAGE = [
    b"",
    b"\x00",
    b"garbage",
    b"\x30",
    b"\x30\x00",
    b"\x30\x80\x00\x00",
    b"\x04\x01\x00",
    b"-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n",
    b"-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n",
    b"-----BEGIN PRIVATE KEY-----\nMC4CAQAw\n",
]


@pytest.mark.parametrize("loader", _LOADERS)
@pytest.mark.parametrize("data", _GARBAGE)
def test_garbage_is_rejected(loader: str, data: bytes) -> None:
    with pytest.raises(ValueError):
        _LOADERS[loader](data)


@_curve_param
def test_every_truncation_is_rejected(curve: Curve) -> None:
    private, public = _private(curve, "DER"), _public(curve, "DER")
    for blob, load in (
        (private, _LOADERS["der-private"]),
        (public, _LOADERS["der-public"]),
    ):
        for end in range(len(blob)):
            with pytest.raises(ValueError):
                load(blob[:end])


@_curve_param
@pytest.mark.parametrize(
    "suffix", [b"\x00", b"\x00\x00", b"\x30\x00", b"\x05\x00", b"x" * 100], ids=repr
)
def test_trailing_data_is_rejected(curve: Curve, suffix: bytes) -> None:
    with pytest.raises(ValueError):
        _LOADERS["der-private"](_private(curve, "DER") + suffix)
    with pytest.raises(ValueError):
        _LOADERS["der-public"](_public(curve, "DER") + suffix)
    with pytest.raises(ValueError):
        _LOADERS["der-private"](_private(curve, "DER") * 2)
    with pytest.raises(ValueError):
        _LOADERS["der-public"](_public(curve, "DER") * 2)


@_curve_param
def test_private_and_public_are_not_interchangeable(curve: Curve) -> None:
    with pytest.raises(ValueError):
        _LOADERS["pem-private"](_public(curve, "PEM"))
    with pytest.raises(ValueError):
        _LOADERS["der-private"](_public(curve, "DER"))
    with pytest.raises(ValueError):
        _LOADERS["pem-public"](_private(curve, "PEM"))
    with pytest.raises(ValueError):
        _LOADERS["der-public"](_private(curve, "DER"))


@_curve_param
@pytest.mark.parametrize(
    "label",
    ["CERTIFICATE", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "X509 CRL", "KEY"],
)
def test_private_key_under_the_wrong_label(curve: Curve, label: str) -> None:
    with pytest.raises(ValueError):
        _LOADERS["pem-private"](pem(label, _private(curve, "DER")))


@_curve_param
@pytest.mark.parametrize("label", ["CERTIFICATE", "RSA PUBLIC KEY", "PRIVATE KEY", "KEY"])
def test_public_key_under_the_wrong_label(curve: Curve, label: str) -> None:
    with pytest.raises(ValueError):
        _LOADERS["pem-public"](pem(label, _public(curve, "DER")))


@_curve_param
@pytest.mark.parametrize("encoding", ["PEM", "DER"])
@pytest.mark.parametrize(
    "password", [b"password", bytearray(b"password"), b""], ids=["bytes", "bytearray", "empty"]
)
def test_password_for_an_unencrypted_key(curve: Curve, encoding: str, password: object) -> None:
    """A password with an unencrypted key is a TypeError; so is an empty one, as in the
    reference (which treats b"" as a password here)."""
    load = getattr(serialization, f"load_{encoding.lower()}_private_key")
    with pytest.raises(TypeError) as info:
        load(_private(curve, encoding), password)
    assert str(info.value) == "Password was given but private key is not encrypted."


@_curve_param
@pytest.mark.parametrize("encoding", ["PEM", "DER"])
@pytest.mark.parametrize("password", ["password", 5, 1.5, object()], ids=repr)
def test_password_must_be_bytes(curve: Curve, encoding: str, password: object) -> None:
    load = getattr(serialization, f"load_{encoding.lower()}_private_key")
    with pytest.raises(TypeError):
        load(_private(curve, encoding), password)


@pytest.mark.parametrize("loader", _LOADERS)
@pytest.mark.parametrize("value", NOT_BUFFERS, ids=lambda v: type(v).__name__)
def test_data_must_be_a_buffer(loader: str, value: object) -> None:
    with pytest.raises(TypeError):
        _LOADERS[loader](value)


def test_data_str_is_a_type_error() -> None:
    """A PEM key given as ``str`` (a common mistake) is a TypeError, not a ValueError."""
    text = _private(CURVES[0], "PEM").decode()
    with pytest.raises(TypeError):
        serialization.load_pem_private_key(text, None)
    with pytest.raises(TypeError):
        serialization.load_pem_public_key(_public(CURVES[0], "PEM").decode())


# -- PEM framing ------------------------------------------------------------------------


def _pem_variants(curve: Curve, kind: str) -> dict[str, tuple[bytes, bool]]:
    """Variations on the PEM block of the ``kind`` ("private" or "public") key, with
    whether the reference reads them."""
    block = _private(curve, "PEM") if kind == "private" else _public(curve, "PEM")
    other = _public(curve, "PEM") if kind == "private" else _private(curve, "PEM")
    begin, rest = block.split(b"\n", 1)
    body, end = rest.rsplit(b"-----END", 1)
    end = b"-----END" + end
    oneline = base64.b64encode(base64.b64decode(body))
    return {
        "as-written": (block, True),
        "crlf": (block.replace(b"\n", b"\r\n"), True),
        "cr": (block.replace(b"\n", b"\r"), True),
        "no-final-newline": (block.rstrip(b"\n"), True),
        "text-around": (b"Key follows:\n" + block + b"\nThat was the key.\n", True),
        "binary-around": (b"\x00\xff\xfe" + block + b"\x00", True),
        "indented": (b"   " + block, True),
        "other-block-after": (block + other, True),
        "certificate-after": (block + pem("CERTIFICATE", b"\x30\x00"), True),
        # The reference's private key loader skips blocks with other labels; its public
        # key loader reads the first block only.
        "other-block-first": (other + block, kind == "private"),
        "certificate-first": (pem("CERTIFICATE", b"\x30\x00") + block, kind == "private"),
        "one-base64-line": (begin + b"\n" + oneline + b"\n" + end, True),
        "short-base64-lines": (
            begin + b"\n" + oneline[:10] + b"\n" + oneline[10:] + b"\n" + end,
            True,
        ),
        "blank-line-in-body": (begin + b"\n\n" + body + end, True),
        "padding-removed": (block.replace(b"=", b""), b"=" not in block),
        "no-end-line": (begin + b"\n" + body, False),
        "mismatched-end": (block.replace(b"-----END ", b"-----END X"), False),
        "lowercase-label": (block.replace(begin, begin.lower()).replace(end, end.lower()), False),
        "six-dashes": (block.replace(b"-----BEGIN", b"------BEGIN"), False),
        "bad-base64": (begin + b"\n!" + body[1:] + end, False),
        "empty-body": (begin + b"\n" + end, False),
        "body-truncated": (begin + b"\n" + oneline[:-8] + b"\n" + end, False),
        # Likewise the private key loader parses every block, the public key loader
        # only the first.
        "broken-block-after": (
            block + b"-----BEGIN X-----\n!!!!\n-----END X-----\n",
            kind == "public",
        ),
    }


_VARIANT_NAMES = list(_pem_variants(CURVES[0], "private"))


def _load_pem(ser: ModuleType, kind: str, data: bytes) -> Outcome:
    if kind == "private":
        return outcome(lambda: ser.load_pem_private_key(data, None))
    return outcome(lambda: ser.load_pem_public_key(data))


@_curve_param
@pytest.mark.parametrize("kind", ["private", "public"])
@pytest.mark.parametrize("variant", _VARIANT_NAMES)
def test_pem_framing(curve: Curve, kind: str, variant: str) -> None:
    data, readable = _pem_variants(curve, kind)[variant]
    result = _load_pem(serialization, kind, data)
    if readable:
        assert result.error is None, result
        assert isinstance(
            result.value, curve.private_cls if kind == "private" else curve.public_cls
        )
    else:
        assert result.error == "ValueError", result


@_curve_param
@pytest.mark.parametrize("kind", ["private", "public"])
@pytest.mark.parametrize("variant", _VARIANT_NAMES)
def test_pem_framing_table_matches_reference(
    reference: Reference, curve: Curve, kind: str, variant: str
) -> None:
    """The table above says what the reference does."""
    data, readable = _pem_variants(curve, kind)[variant]
    result = _load_pem(reference("hazmat.primitives.serialization"), kind, data)
    assert (result.error is None) is readable, result


@_curve_param
@pytest.mark.parametrize("kind", ["private", "public"])
def test_pem_truncations_match_reference(reference: Reference, curve: Curve, kind: str) -> None:
    """Every prefix of the PEM text is read (or not) as the reference reads it."""
    ref_ser = reference("hazmat.primitives.serialization")
    blob = _private(curve, "PEM") if kind == "private" else _public(curve, "PEM")
    mismatches = []
    for end in range(len(blob) + 1):
        ours = _load_pem(serialization, kind, blob[:end])
        theirs = _load_pem(ref_ser, kind, blob[:end])
        if (ours.error is None) != (theirs.error is None):
            mismatches.append((end, ours.error, theirs.error))
        elif ours.error is not None:
            assert ours.error == "ValueError", (end, ours)
    assert mismatches == []


# -- hand-made structures ---------------------------------------------------------------


def _pkcs8(
    curve: Curve,
    raw: bytes,
    version: bytes = b"\x02\x01\x00",
    algorithm: bytes | None = None,
    inner: bytes | None = None,
    extra: bytes = b"",
) -> bytes:
    algorithm = curve.algorithm_identifier() if algorithm is None else algorithm
    inner = tlv(0x04, raw) if inner is None else inner
    return seq(version, algorithm, tlv(0x04, inner), extra)


def _bits(public: bytes) -> bytes:
    return tlv(0x81, b"\x00" + public)


def _structures(curve: Curve) -> dict[str, tuple[str, bytes, bool]]:
    """name -> (kind, DER, whether the reference reads it)."""
    raw = _raw(curve)
    public = _key(curve).public_key().public_bytes_raw()
    oid = curve.algorithm_identifier()
    v2 = b"\x02\x01\x01"
    attributes = tlv(0xA0, seq(tlv(0x06, b"\x2a\x03\x04"), tlv(0x31, tlv(0x0C, b"x"))))
    spki_bits = tlv(0x03, b"\x00" + public)
    return {
        # PKCS#8: the reference reads version 0 (v1) PrivateKeyInfo only.
        "pkcs8": ("private", _pkcs8(curve, raw), True),
        "pkcs8-attributes": ("private", _pkcs8(curve, raw, extra=attributes), True),
        "pkcs8-empty-attributes": ("private", _pkcs8(curve, raw, extra=tlv(0xA0, b"")), True),
        "pkcs8-v1-with-public-key": ("private", _pkcs8(curve, raw, extra=_bits(public)), False),
        "pkcs8-v2-with-public-key": (
            "private",
            _pkcs8(curve, raw, version=v2, extra=_bits(public)),
            False,
        ),
        "pkcs8-v2-without-public-key": ("private", _pkcs8(curve, raw, version=v2), False),
        "pkcs8-v2-wrong-public-key": (
            "private",
            _pkcs8(curve, raw, version=v2, extra=_bits(bytes(curve.key_size))),
            False,
        ),
        "pkcs8-v2-attributes-and-public-key": (
            "private",
            _pkcs8(curve, raw, version=v2, extra=attributes + _bits(public)),
            False,
        ),
        "pkcs8-version-2": ("private", _pkcs8(curve, raw, version=b"\x02\x01\x02"), False),
        "pkcs8-version-negative": ("private", _pkcs8(curve, raw, version=b"\x02\x01\xff"), False),
        "pkcs8-version-not-minimal": (
            "private",
            _pkcs8(curve, raw, version=b"\x02\x02\x00\x00"),
            False,
        ),
        "pkcs8-null-parameters": (
            "private",
            _pkcs8(curve, raw, algorithm=seq(tlv(0x06, curve.oid), b"\x05\x00")),
            False,
        ),
        "pkcs8-unknown-oid": (
            "private",
            _pkcs8(curve, raw, algorithm=seq(tlv(0x06, b"\x2a\x03\x04"))),
            False,
        ),
        "pkcs8-key-not-wrapped": ("private", _pkcs8(curve, raw, inner=raw), False),
        "pkcs8-key-short": ("private", _pkcs8(curve, raw[:-1]), False),
        "pkcs8-key-long": ("private", _pkcs8(curve, raw + b"\x00"), False),
        "pkcs8-key-trailing-data": (
            "private",
            _pkcs8(curve, raw, inner=tlv(0x04, raw) + b"\x00"),
            False,
        ),
        "pkcs8-key-wrapped-twice": (
            "private",
            _pkcs8(curve, raw, inner=tlv(0x04, tlv(0x04, raw))),
            False,
        ),
        "pkcs8-public-key-before-attributes": (
            "private",
            _pkcs8(curve, raw, version=v2, extra=_bits(public) + tlv(0xA0, b"")),
            False,
        ),
        "pkcs8-unknown-field": ("private", _pkcs8(curve, raw, extra=tlv(0x82, b"\x00")), False),
        "pkcs8-long-form-length": (
            "private",
            b"\x30\x81" + _pkcs8(curve, raw)[1:],
            False,
        ),
        "pkcs8-indefinite-length": (
            "private",
            b"\x30\x80" + _pkcs8(curve, raw)[2:] + b"\0\0",
            False,
        ),
        "pkcs8-not-a-sequence": ("private", b"\x31" + _pkcs8(curve, raw)[1:], False),
        # SubjectPublicKeyInfo.
        "spki": ("public", seq(oid, spki_bits), True),
        "spki-all-zero": ("public", seq(oid, tlv(0x03, bytes(curve.key_size + 1))), True),
        "spki-all-ones": ("public", seq(oid, tlv(0x03, b"\x00" + b"\xff" * curve.key_size)), True),
        "spki-null-parameters": (
            "public",
            seq(seq(tlv(0x06, curve.oid), b"\x05\x00"), spki_bits),
            False,
        ),
        "spki-unknown-oid": ("public", seq(seq(tlv(0x06, b"\x2a\x03\x04")), spki_bits), False),
        "spki-unused-bits": (
            "public",
            seq(oid, tlv(0x03, b"\x01" + public[:-1] + bytes([public[-1] & 0xFE]))),
            False,
        ),
        "spki-key-short": ("public", seq(oid, tlv(0x03, b"\x00" + public[:-1])), False),
        "spki-key-long": ("public", seq(oid, tlv(0x03, b"\x00" + public + b"\x00")), False),
        "spki-empty-bit-string": ("public", seq(oid, tlv(0x03, b"\x00")), False),
        "spki-octet-string": ("public", seq(oid, tlv(0x04, public)), False),
        "spki-constructed-bit-string": ("public", seq(oid, tlv(0x23, spki_bits)), False),
        "spki-long-form-length": ("public", b"\x30\x81" + seq(oid, spki_bits)[1:], False),
        "spki-extra-field": ("public", seq(oid, spki_bits, b"\x05\x00"), False),
    }


_STRUCTURE_NAMES = list(_structures(CURVES[0]))


@_curve_param
@pytest.mark.parametrize("name", _STRUCTURE_NAMES)
def test_hand_made_structures(curve: Curve, name: str) -> None:
    kind, der, readable = _structures(curve)[name]
    for data, loader in ((der, f"der-{kind}"), (pem(f"{kind.upper()} KEY", der), f"pem-{kind}")):
        if readable:
            key = _LOADERS[loader](data)
            cls = curve.private_cls if kind == "private" else curve.public_cls
            assert isinstance(key, cls)
            if kind == "private":
                assert key.private_bytes_raw() == _raw(curve)
        else:
            with pytest.raises(REJECTIONS):
                _LOADERS[loader](data)


@_curve_param
@pytest.mark.parametrize("name", _STRUCTURE_NAMES)
def test_hand_made_structures_match_reference(
    reference: Reference, curve: Curve, name: str
) -> None:
    """The table above says what the reference does."""
    ref_ser = reference("hazmat.primitives.serialization")
    kind, der, readable = _structures(curve)[name]
    if kind == "private":
        result = outcome(lambda: ref_ser.load_der_private_key(der, None))
    else:
        result = outcome(lambda: ref_ser.load_der_public_key(der))
    assert (result.error is None) is readable, result


def _mutations(blob: bytes) -> list[tuple[str, bytes]]:
    """Every single-byte change of ``blob``: each byte replaced by a few values, deleted,
    or preceded by a zero byte."""
    result = []
    for i, byte in enumerate(blob):
        for value in sorted({0x00, 0x01, 0x02, 0x7F, 0x80, 0x81, 0xFF, byte ^ 0x01, byte ^ 0x80}):
            if value != byte:
                result.append((f"[{i}]={value:02x}", blob[:i] + bytes([value]) + blob[i + 1 :]))
        result.append((f"del[{i}]", blob[:i] + blob[i + 1 :]))
        result.append((f"ins[{i}]", blob[:i] + b"\x00" + blob[i:]))
    return result


@_curve_param
@pytest.mark.parametrize("kind", ["private", "public"])
def test_single_byte_mutations_match_reference(
    reference: Reference, curve: Curve, kind: str
) -> None:
    """Every one-byte change of a DER key is read (or not) as the reference reads it, and
    when both read it they read the same key."""
    ref_ser = reference("hazmat.primitives.serialization")
    if kind == "private":
        blob = _private(curve, "DER")
        ours_load: Callable[[bytes], Any] = _LOADERS["der-private"]

        def ref_load(data: bytes) -> Any:
            return ref_ser.load_der_private_key(data, None)
    else:
        blob = _public(curve, "DER")
        ours_load = _LOADERS["der-public"]
        ref_load = ref_ser.load_der_public_key

    def summary(key: Any) -> tuple[str, bytes]:
        public = key.public_key() if hasattr(key, "public_key") else key
        return (type(key).__name__, public.public_bytes_raw())

    mismatches = []
    for label, data in _mutations(blob):
        ours = outcome(lambda data=data: summary(ours_load(data)))
        theirs = outcome(lambda data=data: summary(ref_load(data)))
        if (ours.error is None) != (theirs.error is None) or (
            ours.error is None and ours != theirs
        ):
            mismatches.append((label, data.hex(), ours, theirs))
        elif ours.error is not None:
            assert ours.error in ("ValueError", "UnsupportedAlgorithm"), (label, ours)
    assert mismatches == []


# -- robustness -------------------------------------------------------------------------


_ALLOWED = {"ValueError", "TypeError", "UnsupportedAlgorithm"}


def _load_anything(data: bytes) -> list[Outcome]:
    results = [outcome(lambda f=f: f(data)) for f in _LOADERS.values()]
    results.append(outcome(lambda: serialization.load_pem_private_key(data, b"password")))
    results.append(outcome(lambda: serialization.load_der_private_key(data, b"password")))
    return results


@given(data=st.binary(max_size=512))
def test_random_bytes(data: bytes) -> None:
    for result in _load_anything(data):
        assert result.error is None or result.error in _ALLOWED, result


_LABELS = ["PRIVATE KEY", "PUBLIC KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "X"]


@given(label=st.sampled_from(_LABELS), body=st.binary(max_size=300))
def test_random_pem_blocks(label: str, body: bytes) -> None:
    for result in _load_anything(pem(label, body)):
        assert result.error is None or result.error in _ALLOWED, result


@_curve_param
@given(data=st.data())
def test_random_mutations(curve: Curve, data: st.DataObject) -> None:
    """Several random changes to a valid key: any result but a crash or a stray exception."""
    blob = bytearray(
        data.draw(
            st.sampled_from(
                [_private(curve, "DER"), _public(curve, "DER"), _private(curve, "PEM")]
            ),
            label="start",
        )
    )
    for _ in range(data.draw(st.integers(1, 6), label="changes")):
        position = data.draw(st.integers(0, len(blob)), label="position")
        action = data.draw(st.sampled_from(["set", "insert", "delete"]), label="action")
        value = data.draw(st.integers(0, 255), label="value")
        if action == "insert" or position == len(blob):
            blob.insert(position, value)
        elif action == "set":
            blob[position] = value
        else:
            del blob[position]
    for result in _load_anything(bytes(blob)):
        assert result.error is None or result.error in _ALLOWED, result


def test_load_anything_reaches_every_loader() -> None:
    """A check of the helper above: a PEM private key is read by the one loader (and
    refused with a password) and rejected by the others."""
    results = _load_anything(_private(CURVES[0], "PEM"))
    assert [r.error for r in results] == [
        None,
        "ValueError",
        "ValueError",
        "ValueError",
        "TypeError",
        "ValueError",
    ]
