"""Writing keys in the OpenSSH formats (``private_bytes``/``public_bytes`` with
``PrivateFormat.OpenSSH``/``PublicFormat.OpenSSH``) and reading them back: the same output
as the reference (byte for byte where it is deterministic), readable by the reference,
and the same errors for every encoding, format and encryption."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from oxicrypt.hazmat.primitives import serialization
from oxicrypt.hazmat.primitives.serialization import ssh
from tests.hazmat.primitives.serialization._ssh import (
    OTHER_KINDS,
    SSH_KINDS,
    KeyFile,
    Reference,
    assert_same_failure,
    make_key,
    needs_bcrypt,
    pem_blob,
    pkcs8,
    private_pem,
    reference_twin,
    run,
)

E = serialization.Encoding
PF = serialization.PublicFormat
F = serialization.PrivateFormat


def _quiet(call: Any) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return call()


def _private_openssh(key: Any, encryption: Any = None) -> bytes:
    enc = serialization.NoEncryption() if encryption is None else encryption
    data: bytes = _quiet(lambda: key.private_bytes(E.PEM, F.OpenSSH, enc))
    return data


def _with_checkint(blob: bytes, checkint: bytes) -> bytes:
    parts = KeyFile.parse(blob)
    parts.section = checkint * 2 + parts.section[8:]
    return parts.build()


@pytest.mark.parametrize("kind", SSH_KINDS)
def test_unencrypted_private_key_equals_reference(reference: Reference, kind: str) -> None:
    """The same bytes as the reference's, once both use the same (random) check integer;
    the reference reads it back as the same key."""
    ref_ser = reference("hazmat.primitives.serialization")
    key = make_key(kind)
    ref_key = reference_twin(reference, key)
    ours = _private_openssh(key)
    theirs: bytes = _quiet(
        lambda: ref_key.private_bytes(
            ref_ser.Encoding.PEM, ref_ser.PrivateFormat.OpenSSH, ref_ser.NoEncryption()
        )
    )
    ours_blob, their_blob = pem_blob(ours), pem_blob(theirs)
    checkint = KeyFile.parse(their_blob).section[:4]
    assert _with_checkint(ours_blob, checkint) == their_blob
    assert private_pem(_with_checkint(ours_blob, checkint)) == theirs
    # The two check integers are equal, and random.
    section = KeyFile.parse(ours_blob).section
    assert section[:4] == section[4:8]
    others = {KeyFile.parse(pem_blob(_private_openssh(key))).section[:4] for _ in range(3)}
    assert len(others | {section[:4]}) > 1

    back = _quiet(lambda: serialization.load_ssh_private_key(ours, None))
    assert pkcs8(back) == pkcs8(key)
    ref_back = _quiet(lambda: ref_ser.load_ssh_private_key(ours, None))
    assert pkcs8(ref_back, ref_ser) == pkcs8(key)


@pytest.mark.parametrize("kind", SSH_KINDS)
@pytest.mark.parametrize("how", ["best", "rounds-3", "rounds-default"])
def test_encrypted_private_key(reference: Reference, kind: str, how: str) -> None:
    needs_bcrypt()
    ref_ser = reference("hazmat.primitives.serialization")
    key = make_key(kind)
    password = b"correct horse"
    encryption: serialization.KeySerializationEncryption
    rounds = 16
    if how == "best":
        encryption = serialization.BestAvailableEncryption(password)
    elif how == "rounds-3":
        encryption = F.OpenSSH.encryption_builder().kdf_rounds(3).build(password)
        rounds = 3
    else:
        encryption = F.OpenSSH.encryption_builder().build(password)
    data = _private_openssh(key, encryption)
    parts = KeyFile.parse(pem_blob(data))
    assert (parts.cipher, parts.kdf) == (b"aes256-ctr", b"bcrypt")
    salt_len = int.from_bytes(parts.kdf_options[:4], "big")
    assert salt_len == 16
    assert int.from_bytes(parts.kdf_options[4 + salt_len :], "big") == rounds
    assert len(parts.section) % 16 == 0 and parts.tail == b""

    back = _quiet(lambda: serialization.load_ssh_private_key(data, password))
    assert pkcs8(back) == pkcs8(key)
    ref_back = _quiet(lambda: ref_ser.load_ssh_private_key(data, password))
    assert pkcs8(ref_back, ref_ser) == pkcs8(key)
    with pytest.raises(ValueError, match="Corrupt data: broken checksum"):
        _quiet(lambda: serialization.load_ssh_private_key(data, b"wrong"))
    with pytest.raises(TypeError, match="password-protected"):
        _quiet(lambda: serialization.load_ssh_private_key(data, None))


@pytest.mark.parametrize("kind", ["ed25519", "p256"])
def test_reference_encrypted_keys_load(reference: Reference, kind: str) -> None:
    needs_bcrypt()
    ref_ser = reference("hazmat.primitives.serialization")
    ref_key = reference_twin(reference, make_key(kind))
    data = ref_key.private_bytes(
        ref_ser.Encoding.PEM,
        ref_ser.PrivateFormat.OpenSSH,
        ref_ser.PrivateFormat.OpenSSH.encryption_builder().kdf_rounds(5).build(b"pw"),
    )
    key = serialization.load_ssh_private_key(data, b"pw")
    assert pkcs8(key) == pkcs8(ref_key, ref_ser)


@pytest.mark.parametrize("kind", SSH_KINDS)
def test_public_key_equals_reference(reference: Reference, kind: str) -> None:
    ref_ser = reference("hazmat.primitives.serialization")
    key = make_key(kind)
    ref_key = reference_twin(reference, key)
    ours = _quiet(lambda: key.public_key().public_bytes(E.OpenSSH, PF.OpenSSH))
    theirs = _quiet(
        lambda: ref_key.public_key().public_bytes(
            ref_ser.Encoding.OpenSSH, ref_ser.PublicFormat.OpenSSH
        )
    )
    assert ours == theirs
    assert _quiet(lambda: ssh.serialize_ssh_public_key(key.public_key())) == ours
    back = _quiet(lambda: serialization.load_ssh_public_key(ours + b" a comment\n"))
    assert back == key.public_key()


@pytest.mark.parametrize("kind", ["dsa"])
def test_writing_dsa_warns(kind: str) -> None:
    from oxicrypt.utils import CryptographyDeprecationWarning

    key = make_key(kind)
    for call in [
        lambda: key.private_bytes(E.PEM, F.OpenSSH, serialization.NoEncryption()),
        lambda: key.public_key().public_bytes(E.OpenSSH, PF.OpenSSH),
        lambda: ssh.serialize_ssh_public_key(key.public_key()),
    ]:
        with pytest.warns(CryptographyDeprecationWarning, match="SSH DSA key support"):
            call()


_ENCODINGS = ["PEM", "DER", "OpenSSH", "Raw", "X962"]
# A known difference that is not about OpenSSH: oxicrypt applies the Raw pairing rule of
# the curve keys ("When using Raw both encoding and format must be Raw") to every key
# type; the reference has it for the curve keys only, so for RSA, EC and DSA keys it
# reports the other half of the request instead.
_ENCRYPTIONS = ["none", "best", "openssh-builder", "pkcs12-builder"]


def _encryption(ser: Any, name: str) -> Any:
    return {
        "none": lambda: ser.NoEncryption(),
        "best": lambda: ser.BestAvailableEncryption(b"pw"),
        "openssh-builder": lambda: (
            ser.PrivateFormat.OpenSSH.encryption_builder().kdf_rounds(1).build(b"pw")
        ),
        "pkcs12-builder": lambda: ser.PrivateFormat.PKCS12.encryption_builder().build(b"pw"),
    }[name]()


@pytest.mark.parametrize("kind", SSH_KINDS + OTHER_KINDS)
@pytest.mark.parametrize("encoding", _ENCODINGS)
@pytest.mark.parametrize("encryption", _ENCRYPTIONS)
def test_private_openssh_requests_match_reference(
    reference: Reference, kind: str, encoding: str, encryption: str
) -> None:
    """``private_bytes(<encoding>, PrivateFormat.OpenSSH, <encryption>)``: readable as the
    same key when the reference succeeds, the same failure otherwise."""
    if encryption in ("best", "openssh-builder"):
        needs_bcrypt()
    ref_ser = reference("hazmat.primitives.serialization")
    key = make_key(kind)
    ref_key = reference_twin(reference, key)
    ours = run(
        lambda: key.private_bytes(
            getattr(E, encoding), F.OpenSSH, _encryption(serialization, encryption)
        )
    )
    ref = run(
        lambda: ref_key.private_bytes(
            getattr(ref_ser.Encoding, encoding),
            ref_ser.PrivateFormat.OpenSSH,
            _encryption(ref_ser, encryption),
        )
    )
    if ref.error is not None:
        assert_same_failure(ours, ref)
        return
    assert ours.error is None, ours
    password = None if encryption == "none" else b"pw"
    back = _quiet(lambda: serialization.load_ssh_private_key(ours.value, password))
    assert pkcs8(back) == pkcs8(key)


_PUBLIC_REQUESTS = [
    (encoding, fmt)
    for encoding in _ENCODINGS
    for fmt in ["OpenSSH", "SubjectPublicKeyInfo", "Raw"]
    if "OpenSSH" in (encoding, fmt)
]


@pytest.mark.parametrize("kind", SSH_KINDS + OTHER_KINDS)
@pytest.mark.parametrize(("encoding", "fmt"), _PUBLIC_REQUESTS)
def test_public_openssh_requests_match_reference(
    reference: Reference, kind: str, encoding: str, fmt: str
) -> None:
    ref_ser = reference("hazmat.primitives.serialization")
    key = make_key(kind).public_key()
    ref_key = reference_twin(reference, make_key(kind)).public_key()
    ours = run(lambda: key.public_bytes(getattr(E, encoding), getattr(PF, fmt)))
    ref = run(
        lambda: ref_key.public_bytes(
            getattr(ref_ser.Encoding, encoding), getattr(ref_ser.PublicFormat, fmt)
        )
    )
    if ref.error is not None:
        assert_same_failure(ours, ref)
    else:
        assert ours == ref
