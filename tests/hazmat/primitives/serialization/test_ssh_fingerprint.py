"""``ssh_key_fingerprint`` against the reference and against ``ssh-keygen -l``'s SHA-256
form, and the public API of the OpenSSH module against the reference's signatures."""

from __future__ import annotations

import base64
import hashlib
import inspect
import warnings

import pytest

from oxicrypt.hazmat.primitives import hashes, serialization
from oxicrypt.hazmat.primitives.serialization import ssh
from tests.hazmat.primitives.serialization._ssh import (
    OPENSSH,
    OTHER_KINDS,
    SSH_KINDS,
    Reference,
    assert_same_failure,
    make_key,
    reference_twin,
    run,
)

_HASHES = ["MD5", "SHA1", "SHA256"]


@pytest.mark.parametrize("kind", SSH_KINDS + OTHER_KINDS)
@pytest.mark.parametrize("hash_name", [*_HASHES, "SHA512"])
def test_fingerprint_matches_reference(reference: Reference, kind: str, hash_name: str) -> None:
    ref_ser = reference("hazmat.primitives.serialization")
    ref_hashes = reference("hazmat.primitives.hashes")
    key = make_key(kind).public_key()
    ref_key = reference_twin(reference, make_key(kind)).public_key()
    ours = run(lambda: serialization.ssh_key_fingerprint(key, getattr(hashes, hash_name)()))
    ref = run(lambda: ref_ser.ssh_key_fingerprint(ref_key, getattr(ref_hashes, hash_name)()))
    if ref.error is not None:
        assert_same_failure(ours, ref)
    else:
        assert ours == ref


@pytest.mark.parametrize("name", ["ed25519-nopsw.key.pub", "rsa-nopsw.key.pub"])
def test_fingerprint_is_the_hash_of_the_key_blob(name: str) -> None:
    line = (OPENSSH / name).read_bytes()
    blob = base64.b64decode(line.split()[1])
    key = serialization.load_ssh_public_key(line)
    for hash_name in _HASHES:
        digest = serialization.ssh_key_fingerprint(key, getattr(hashes, hash_name)())
        assert digest == hashlib.new(hash_name.lower(), blob).digest()


def test_fingerprint_argument_checks() -> None:
    key = make_key("ed25519").public_key()
    with pytest.raises(TypeError, match="hash_algorithm must be either MD5, SHA1, or SHA256"):
        serialization.ssh_key_fingerprint(key, "sha256")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Unsupported key type"):
        serialization.ssh_key_fingerprint(b"not a key", hashes.SHA256())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Unsupported key type"):
        serialization.ssh_key_fingerprint(make_key("ed25519"), hashes.SHA256())


def _public_names(module: object) -> list[str]:
    return sorted(n for n in dir(module) if not n.startswith("_") and n != "annotations")


def _signature(obj: object) -> str:
    try:
        return str(inspect.signature(obj))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""


# Names the reference's module has only because it imports them; oxicrypt does not use
# them (its ciphers run in Rust) and has no ciphers module yet.
_NOT_IMPORTED = {"AEADDecryptionContext", "Cipher"}


def test_ssh_module_names_and_signatures(reference: Reference) -> None:
    ref_ssh = reference("hazmat.primitives.serialization.ssh")

    def own(name: str) -> bool:
        value = getattr(ref_ssh, name)
        home = getattr(value, "__module__", "") or ""
        return name.startswith("SSH") or (
            not inspect.ismodule(value) and home.startswith("cryptography")
        )

    ref_names = {n for n in _public_names(ref_ssh) if own(n)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in sorted(ref_names - _NOT_IMPORTED):
            assert hasattr(ssh, name), name
            ours, theirs = getattr(ssh, name), getattr(ref_ssh, name)
            assert _signature(ours) == _signature(theirs), name
            if inspect.isclass(theirs):
                for member, value in vars(theirs).items():
                    if member.startswith("_") and member != "__init__":
                        continue
                    assert member in vars(ours), f"{name}.{member}"
                    assert _signature(value) == _signature(vars(ours)[member]), f"{name}.{member}"


def test_serialization_reexports(reference: Reference) -> None:
    ref_ser = reference("hazmat.primitives.serialization")
    for name in _public_names(ref_ser):
        if name.startswith(("SSH", "load_ssh", "ssh_")):
            assert getattr(serialization, name) is getattr(ssh, name)
            assert _signature(getattr(serialization, name)) == _signature(getattr(ref_ser, name))
