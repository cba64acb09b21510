"""Malformed and unsupported OpenSSH input, argument types, passwords and the optional
``bcrypt`` package: the same exception class as the reference, and a message that starts
with the reference's (oxicrypt adds where the fault is). Arbitrary damage to valid input
only ever raises those exceptions."""

from __future__ import annotations

import base64
import struct
import sys
from typing import Any, Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oxicrypt.exceptions import InvalidTag, UnsupportedAlgorithm
from oxicrypt.hazmat.primitives import serialization
from tests.hazmat.primitives.serialization._ssh import (
    OPENSSH,
    VECTOR_PASSWORD,
    KeyFile,
    Reference,
    assert_same,
    make_key,
    pem_blob,
    private_pem,
    public_line,
    run,
    ssh_mpint,
    ssh_string,
)

_ED_PUB = (OPENSSH / "ed25519-nopsw.key.pub").read_bytes()
_ED_BLOB = base64.b64decode(_ED_PUB.split()[1])
_S = ssh_string
_M = ssh_mpint


def _ec_line(curve: bytes, point: bytes, type_curve: bytes = b"nistp256") -> bytes:
    name = b"ecdsa-sha2-" + type_curve
    return public_line(name, _S(name) + _S(curve) + _S(point))


_PUBLIC_LINES: dict[str, bytes] = {
    "leading-space": b" " + _ED_PUB,
    "empty": b"",
    "type-only": b"ssh-ed25519",
    "type-and-space": b"ssh-ed25519 ",
    "newline-separator": _ED_PUB.replace(b" ", b"\n", 1),
    "tab-separator": _ED_PUB.replace(b" ", b"\t", 1),
    "no-comment": b" ".join(_ED_PUB.split()[:2]),
    "unknown-type": b"ssh-foo AAAA",
    "unknown-cert-type": b"ssh-foo-cert-v01@openssh.com AAAA",
    "bad-base64-length": b"ssh-ed25519 AAA",
    "type-mismatch": _ED_PUB.replace(b"ssh-ed25519", b"ssh-rsa", 1),
    "trailing-data": public_line(b"ssh-ed25519", _ED_BLOB + b"\0"),
    "truncated": public_line(b"ssh-ed25519", _ED_BLOB[:-1]),
    "ed25519-31-bytes": public_line(b"ssh-ed25519", _S(b"ssh-ed25519") + _S(b"\1" * 31)),
    "ec-short-point": _ec_line(b"nistp256", b"\4" + b"\1" * 63),
    "ec-off-curve": _ec_line(b"nistp256", b"\4" + b"\1" * 64),
    "ec-compressed": _ec_line(b"nistp256", b"\2" + b"\1" * 32),
    "ec-curve-mismatch": _ec_line(b"nistp384", b"\4" + b"\1" * 64),
    "ec-empty-point": _ec_line(b"nistp256", b""),
    "rsa-even-e": public_line(b"ssh-rsa", _S(b"ssh-rsa") + _M(65536) + _M(2**1023 + 1)),
    "rsa-small-e": public_line(b"ssh-rsa", _S(b"ssh-rsa") + _M(1) + _M(2**1023 + 1)),
    "rsa-small-n": public_line(b"ssh-rsa", _S(b"ssh-rsa") + _M(3) + _M(2)),
    "rsa-negative": public_line(b"ssh-rsa", _S(b"ssh-rsa") + _S(b"\x81") + _M(2**1023 + 1)),
    "rsa-tiny-but-valid": public_line(b"ssh-rsa", _S(b"ssh-rsa") + _M(3) + _M(15)),
    "sk-bad-application": public_line(
        b"sk-ssh-ed25519@openssh.com",
        _S(b"sk-ssh-ed25519@openssh.com") + _S(b"\1" * 32) + _S(b"foo"),
    ),
    "dsa-512": public_line(b"ssh-dss", _S(b"ssh-dss") + _M(2**511 + 1) + _M(3) + _M(2) + _M(2)),
    "cert-truncated": b"ssh-ed25519-cert-v01@openssh.com AAAA",
}


@pytest.mark.parametrize("name", sorted(_PUBLIC_LINES))
@pytest.mark.parametrize("loader", ["load_ssh_public_key", "load_ssh_public_identity"])
def test_public_line_errors(reference: Reference, name: str, loader: str) -> None:
    ref_ser = reference("hazmat.primitives.serialization")
    data = _PUBLIC_LINES[name]
    ours = run(lambda: getattr(serialization, loader)(data))
    ref = run(lambda: getattr(ref_ser, loader)(data))
    assert_same(ours, ref, ref_ser)


def _private(
    cipher: bytes = b"none",
    kdf: bytes = b"none",
    kdf_options: bytes = b"",
    public: bytes = _ED_BLOB,
    section: bytes = b"\0" * 32,
    tail: bytes = b"",
) -> bytes:
    return private_pem(KeyFile(cipher, kdf, kdf_options, public, section, tail).build())


def _pad(data: bytes, block: int) -> bytes:
    return data + bytes(range(1, 1 + (-len(data)) % block))


_BCRYPT_16 = _S(b"s" * 16) + struct.pack(">I", 1)
_SECTION = (
    struct.pack(">II", 5, 5)
    + _S(b"ssh-ed25519")
    + _S(_ED_BLOB[-32:])
    + _S(b"\2" * 32 + _ED_BLOB[-32:])
    + _S(b"comment")
)

_PRIVATE: dict[str, tuple[bytes, bytes | None]] = {
    "garbage": (b"garbage", None),
    "other-pem": (b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", None),
    "no-magic": (private_pem(b"\0\0\0"), None),
    "truncated-header": (private_pem(b"openssh-key-v1\0"), None),
    "valid": (_private(section=_pad(_SECTION, 8)), None),
    "valid-empty-password": (_private(section=_pad(_SECTION, 8)), b""),
    "password-not-needed": (_private(section=_pad(_SECTION, 8)), b"pw"),
    "extra-padding-block": (_private(section=_pad(_SECTION, 8) + bytes(range(1, 9))), None),
    "bad-padding": (
        _private(section=_SECTION + b"\1\2\4" + b"\0" * ((-len(_SECTION) - 3) % 8)),
        None,
    ),
    "unaligned": (_private(section=_SECTION), None),
    "checkint-mismatch": (_private(section=_pad(b"\0\0\0\1" + _SECTION[4:], 8)), None),
    "key-type-mismatch": (
        _private(section=_pad(_SECTION[:8] + _S(b"ssh-rsa") + _SECTION[23:], 8)),
        None,
    ),
    "ed25519-short-pair": (
        _private(
            section=_pad(
                _SECTION[:8] + _S(b"ssh-ed25519") + _S(_ED_BLOB[-32:]) + _S(b"\2" * 31) + _S(b""),
                8,
            )
        ),
        None,
    ),
    "ed25519-other-public": (
        _private(
            section=_pad(
                _SECTION[:8]
                + _S(b"ssh-ed25519")
                + _S(b"\3" * 32)
                + _S(b"\2" * 32 + b"\3" * 32)
                + _S(b""),
                8,
            )
        ),
        None,
    ),
    "two-keys": (
        private_pem(
            KeyFile(b"none", b"none", b"", _ED_BLOB, _pad(_SECTION, 8), b"")
            .build()
            .replace(b"\0\0\0\1\0\0\0\x33", b"\0\0\0\2\0\0\0\x33", 1)
        ),
        None,
    ),
    "unknown-key-type": (_private(public=_S(b"ssh-foo") + _S(b"\1" * 32)), None),
    "certificate-key-type": (
        _private(public=_S(b"ssh-ed25519-cert-v01@openssh.com") + _S(b"\1" * 32)),
        None,
    ),
    "unknown-cipher": (_private(b"3des-cbc", b"bcrypt", _BCRYPT_16), b"pw"),
    "unknown-kdf": (_private(b"aes256-ctr", b"scrypt", _BCRYPT_16), b"pw"),
    "cipher-none-kdf-bcrypt": (_private(b"none", b"bcrypt", _BCRYPT_16), b"pw"),
    "encrypted-no-password": (_private(b"aes256-ctr", b"bcrypt", _BCRYPT_16), None),
    "encrypted-empty-password": (_private(b"aes256-ctr", b"bcrypt", _BCRYPT_16), b""),
    "gcm-no-tag": (_private(b"aes256-gcm@openssh.com", b"bcrypt", _BCRYPT_16), b"pw"),
    "gcm-long-tag": (
        _private(b"aes256-gcm@openssh.com", b"bcrypt", _BCRYPT_16, tail=b"\0" * 17),
        b"pw",
    ),
    "ctr-trailing": (_private(b"aes256-ctr", b"bcrypt", _BCRYPT_16, tail=b"\0"), b"pw"),
    "ctr-unaligned": (_private(b"aes256-ctr", b"bcrypt", _BCRYPT_16, section=b"\0" * 24), b"pw"),
    "ctr-wrong-password": (_private(b"aes256-ctr", b"bcrypt", _BCRYPT_16), b"pw"),
    "cbc-wrong-password": (_private(b"aes256-cbc", b"bcrypt", _BCRYPT_16), b"pw"),
    "gcm-wrong-password": (
        _private(b"aes256-gcm@openssh.com", b"bcrypt", _BCRYPT_16, tail=b"\0" * 16),
        b"pw",
    ),
    "empty-salt": (_private(b"aes256-ctr", b"bcrypt", _S(b"") + struct.pack(">I", 16)), b"pw"),
    "zero-rounds": (_private(b"aes256-ctr", b"bcrypt", _S(b"s" * 16) + b"\0\0\0\0"), b"pw"),
    "sk-ed25519": ((OPENSSH / "sk-ed25519-nopsw.key").read_bytes(), None),
    "sk-ecdsa-encrypted": ((OPENSSH / "sk-ecdsa-psw.key").read_bytes(), VECTOR_PASSWORD),
}
_NEED_BCRYPT = {"ctr-wrong-password", "cbc-wrong-password", "gcm-wrong-password"}


@pytest.mark.parametrize("name", sorted(_PRIVATE))
def test_private_key_errors(reference: Reference, name: str) -> None:
    if name in _NEED_BCRYPT:
        pytest.importorskip("bcrypt")
    ref_ser = reference("hazmat.primitives.serialization")
    data, password = _PRIVATE[name]
    ours = run(lambda: serialization.load_ssh_private_key(data, password))
    ref = run(lambda: ref_ser.load_ssh_private_key(data, password))
    assert_same(ours, ref, ref_ser)


def test_oxicrypt_reads_more_ciphers_than_the_reference() -> None:
    """aes128-ctr (and the other OpenSSH ciphers) are read: a wrong password shows as a
    broken checksum, where the reference reports the cipher as unsupported."""
    pytest.importorskip("bcrypt")
    with pytest.raises(ValueError, match="broken checksum"):
        serialization.load_ssh_private_key(_private(b"aes128-ctr", b"bcrypt", _BCRYPT_16), b"pw")
    with pytest.raises(InvalidTag):
        serialization.load_ssh_private_key(
            _private(b"chacha20-poly1305@openssh.com", b"bcrypt", _BCRYPT_16, tail=b"\0" * 16),
            b"pw",
        )


# Called through Any: these are the wrong types on purpose.
_ser: Any = serialization


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: _ser.load_ssh_public_key(_ED_PUB.decode()), "data must be bytes-like"),
        (lambda: _ser.load_ssh_public_identity(5), "data must be bytes-like"),
        (lambda: _ser.load_ssh_private_key("text", None), "data must be bytes-like"),
        (
            lambda: _ser.load_ssh_private_key(_private(section=_pad(_SECTION, 8)), "pw"),
            "password must be bytes",
        ),
        (
            lambda: _ser.load_ssh_private_key(
                _private(section=_pad(_SECTION, 8)), bytearray(b"pw")
            ),
            "password must be bytes",
        ),
    ],
)
def test_argument_types(call: Callable[[], Any], message: str) -> None:
    with pytest.raises(TypeError, match=message):
        call()


@pytest.mark.parametrize("wrap", [bytes, bytearray, memoryview], ids=lambda w: w.__name__)
def test_buffers_are_accepted(wrap: Callable[[bytes], Any]) -> None:
    assert serialization.load_ssh_public_key(wrap(_ED_PUB)) is not None
    data = _private(section=_pad(_SECTION, 8))
    assert serialization.load_ssh_private_key(wrap(data), None) is not None


def test_without_bcrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Encrypted keys need the optional bcrypt package, for reading and for writing."""
    monkeypatch.setitem(sys.modules, "bcrypt", None)
    with pytest.raises(UnsupportedAlgorithm, match="Need bcrypt module"):
        serialization.load_ssh_private_key(
            (OPENSSH / "ed25519-psw.key").read_bytes(), VECTOR_PASSWORD
        )
    key = make_key("ed25519")
    with pytest.raises(UnsupportedAlgorithm, match="Need bcrypt module"):
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.OpenSSH,
            serialization.BestAvailableEncryption(b"pw"),
        )
    # Unencrypted keys do not need it.
    data = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.OpenSSH,
        serialization.NoEncryption(),
    )
    assert serialization.load_ssh_private_key(data, None) is not None


_EXPECTED = (ValueError, TypeError, UnsupportedAlgorithm, NotImplementedError, InvalidTag)
_VALID_PRIVATE = (OPENSSH / "rsa-nopsw.key").read_bytes()
_VALID_CERT = (OPENSSH / "certs" / "p256-rsa-sha256.pub").read_bytes()


def _damage(data: bytes, edits: list[tuple[int, int]], cut: int) -> bytes:
    out = bytearray(data)
    for pos, value in edits:
        out[pos % len(out)] = value
    return bytes(out[: max(1, len(out) - cut)])


_edits = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=4)


@given(edits=_edits, cut=st.integers(0, 40))
def test_damaged_private_keys_raise_only_expected_errors(
    edits: list[tuple[int, int]], cut: int
) -> None:
    blob = pem_blob(_VALID_PRIVATE)
    data = private_pem(_damage(blob, edits, cut))
    try:
        serialization.load_ssh_private_key(data, None, unsafe_skip_rsa_key_validation=True)
    except _EXPECTED:
        pass


@given(edits=_edits, cut=st.integers(0, 40))
def test_damaged_certificates_raise_only_expected_errors(
    edits: list[tuple[int, int]], cut: int
) -> None:
    type_name, body = _VALID_CERT.split()[:2]
    line = type_name + b" " + base64.b64encode(_damage(base64.b64decode(body), edits, cut))
    try:
        cert = serialization.load_ssh_public_identity(line)
        assert isinstance(cert, serialization.SSHCertificate)
        cert.verify_cert_signature()
    except (*_EXPECTED, reference_invalid_signature()):
        pass


def reference_invalid_signature() -> type[Exception]:
    from oxicrypt.exceptions import InvalidSignature

    return InvalidSignature
