"""The serialization enums (``Encoding``, ``PrivateFormat``, ``PublicFormat``,
``ParameterFormat``), the encryption choices (``NoEncryption``, ``BestAvailableEncryption``)
and ``PrivateFormat.encryption_builder()``: members, values, equality, and the argument
checks, with exception types and messages compared with the reference."""

from __future__ import annotations

import dataclasses
import importlib
import itertools
from types import ModuleType
from typing import Any, Callable

import pytest

from oxicrypt.hazmat.primitives import _serialization, serialization

Reference = Callable[[str], ModuleType]

_ENUMS: dict[str, dict[str, int]] = {
    "Encoding": {"PEM": 0, "DER": 1, "OpenSSH": 2, "Raw": 3, "X962": 4, "SMIME": 5},
    "PrivateFormat": {
        "PKCS8": 0,
        "TraditionalOpenSSL": 1,
        "Raw": 2,
        "OpenSSH": 3,
        "PKCS12": 4,
    },
    "PublicFormat": {
        "SubjectPublicKeyInfo": 0,
        "PKCS1": 1,
        "OpenSSH": 2,
        "Raw": 3,
        "CompressedPoint": 4,
        "UncompressedPoint": 5,
    },
    "ParameterFormat": {"PKCS3": 0},
}

# Every (enum name, member name).
_ALL_MEMBERS = [(enum, name) for enum, members in _ENUMS.items() for name in members]


def _members(cls: type) -> dict[str, Any]:
    return {name: value for name, value in vars(cls).items() if isinstance(value, cls)}


def _member(enum: str, name: str) -> Any:
    return getattr(getattr(serialization, enum), name)


@pytest.mark.parametrize("enum", _ENUMS)
def test_members_and_values(enum: str) -> None:
    cls = getattr(serialization, enum)
    members = _members(cls)
    assert list(members) == list(_ENUMS[enum])
    for name, value in _ENUMS[enum].items():
        member = getattr(cls, name)
        assert type(member) is cls
        assert int(member) == value


@pytest.mark.parametrize("enum", _ENUMS)
def test_members_match_reference(reference: Reference, enum: str) -> None:
    theirs = getattr(reference("hazmat.primitives.serialization"), enum)
    ours = getattr(serialization, enum)
    assert {n: int(m) for n, m in _members(ours).items()} == {
        n: int(m) for n, m in _members(theirs).items()
    }


@pytest.mark.parametrize(("enum", "name"), _ALL_MEMBERS)
def test_repr_and_str(enum: str, name: str) -> None:
    member = _member(enum, name)
    assert repr(member) == f"{enum}.{name}"
    assert str(member) == f"{enum}.{name}"


def test_classes_live_in_the_private_module() -> None:
    for enum in _ENUMS:
        cls = getattr(serialization, enum)
        assert cls is getattr(_serialization, enum)
        assert cls.__name__ == cls.__qualname__ == enum
        assert cls.__module__ == "oxicrypt.hazmat.primitives._serialization"


def test_equality_and_identity() -> None:
    members = [_member(e, n) for e, n in _ALL_MEMBERS]
    for (i, a), (j, b) in itertools.product(enumerate(members), repeat=2):
        assert (a == b) is (i == j), (a, b)
        assert (a != b) is (i != j), (a, b)
    for enum, name in _ALL_MEMBERS:
        assert _member(enum, name) is _member(enum, name)
    # Same value, different enums.
    assert serialization.Encoding.PEM != serialization.PrivateFormat.PKCS8
    assert serialization.PublicFormat.Raw != serialization.Encoding.Raw


def test_members_are_not_equal_to_their_values() -> None:
    """As in the reference, a member has an ``int()`` but does not compare equal to it
    (nor to its name)."""
    equal = []
    for enum, name in _ALL_MEMBERS:
        member, value = _member(enum, name), _ENUMS[enum][name]
        if member == value or value == member or not member != value or member == name:
            equal.append(f"{enum}.{name}")
    assert equal == []


def test_members_are_not_equal_to_the_reference_members(reference: Reference) -> None:
    theirs = reference("hazmat.primitives.serialization")
    for enum, name in _ALL_MEMBERS:
        assert _member(enum, name) != getattr(getattr(theirs, enum), name)


def test_hashing() -> None:
    table = {_member(e, n): (e, n) for e, n in _ALL_MEMBERS}
    assert len(table) == len(_ALL_MEMBERS)
    for enum, name in _ALL_MEMBERS:
        assert table[_member(enum, name)] == (enum, name)
        assert hash(_member(enum, name)) == hash(_member(enum, name))


@pytest.mark.parametrize("enum", _ENUMS)
def test_cannot_instantiate(enum: str) -> None:
    cls = getattr(serialization, enum)
    with pytest.raises(TypeError):
        cls()
    with pytest.raises(TypeError):
        cls(0)


def test_not_ordered_and_read_only() -> None:
    with pytest.raises(TypeError):
        serialization.Encoding.PEM < serialization.Encoding.DER  # noqa: B015
    with pytest.raises(AttributeError):
        serialization.Encoding.PEM.extra = 1  # type: ignore[attr-defined]


# -- PrivateFormat.encryption_builder() and the encryption objects ----------------------


@pytest.mark.parametrize("name", _ENUMS["PrivateFormat"])
def test_encryption_builder_formats(name: str) -> None:
    fmt = getattr(serialization.PrivateFormat, name)
    if name in ("OpenSSH", "PKCS12"):
        builder = fmt.encryption_builder()
        assert type(builder) is _serialization.KeySerializationEncryptionBuilder
        built = builder.build(b"password")
        assert isinstance(built, serialization.KeySerializationEncryption)
        assert built.password == b"password"
        assert built._format is fmt
    else:
        with pytest.raises(ValueError) as info:
            fmt.encryption_builder()
        assert str(info.value) == (
            "encryption_builder only supported with PrivateFormat.OpenSSH and PrivateFormat.PKCS12"
        )


@dataclasses.dataclass(frozen=True)
class _Lib:
    """One library's modules, so a script runs the same calls on oxicrypt and on the
    reference."""

    ser: ModuleType
    private_ser: ModuleType
    hashes: ModuleType


def _lib(package: str) -> _Lib:
    return _Lib(
        importlib.import_module(f"{package}.hazmat.primitives.serialization"),
        importlib.import_module(f"{package}.hazmat.primitives._serialization"),
        importlib.import_module(f"{package}.hazmat.primitives.hashes"),
    )


def _summary(enc: Any) -> tuple[object, ...]:
    """The parameters an encryption object carries, comparable across libraries."""
    return (
        type(enc).__name__,
        enc.password,
        repr(enc._format),
        enc._kdf_rounds,
        None if enc._hmac_hash is None else enc._hmac_hash.name,
        None if enc._key_cert_algorithm is None else enc._key_cert_algorithm.value,
    )


def _ssh(lib: _Lib) -> Any:
    return lib.ser.PrivateFormat.OpenSSH.encryption_builder()


def _p12(lib: _Lib) -> Any:
    return lib.ser.PrivateFormat.PKCS12.encryption_builder()


_PBES2 = "PBESv2SHA256AndAES256CBC"

# name -> (script, expected): the expected outcome is the summary the script returns, or
# (exception class, message) for the exception it raises.
_SCRIPTS: dict[str, tuple[Callable[[_Lib], object], object]] = {
    "openssh-default": (
        lambda lib: _summary(_ssh(lib).build(b"pw")),
        ("_KeySerializationEncryption", b"pw", "PrivateFormat.OpenSSH", None, None, None),
    ),
    "openssh-rounds": (
        lambda lib: _summary(_ssh(lib).kdf_rounds(12).build(b"pw")),
        ("_KeySerializationEncryption", b"pw", "PrivateFormat.OpenSSH", 12, None, None),
    ),
    "pkcs12-everything": (
        lambda lib: _summary(
            _p12(lib)
            .kdf_rounds(5000)
            .hmac_hash(lib.hashes.SHA256())
            .key_cert_algorithm(getattr(lib.private_ser.PBES, _PBES2))
            .build(b"pw")
        ),
        (
            "_KeySerializationEncryption",
            b"pw",
            "PrivateFormat.PKCS12",
            5000,
            "sha256",
            "PBESv2 using SHA256 PBKDF2 and AES256 CBC",
        ),
    ),
    "builder-is-immutable": (
        lambda lib: [
            _summary(b.build(b"x"))
            for base in [_ssh(lib)]
            for b in (base, base.kdf_rounds(3), base.kdf_rounds(4))
        ],
        [
            ("_KeySerializationEncryption", b"x", "PrivateFormat.OpenSSH", rounds, None, None)
            for rounds in (None, 3, 4)
        ],
    ),
    "rounds-zero": (
        lambda lib: _ssh(lib).kdf_rounds(0),
        (ValueError, "kdf_rounds must be a positive integer"),
    ),
    "rounds-negative": (
        lambda lib: _p12(lib).kdf_rounds(-5),
        (ValueError, "kdf_rounds must be a positive integer"),
    ),
    "rounds-float": (
        lambda lib: _ssh(lib).kdf_rounds(1.5),
        (TypeError, "kdf_rounds must be an integer"),
    ),
    "rounds-str": (
        lambda lib: _ssh(lib).kdf_rounds("16"),
        (TypeError, "kdf_rounds must be an integer"),
    ),
    "rounds-twice": (
        lambda lib: _ssh(lib).kdf_rounds(16).kdf_rounds(16),
        (ValueError, "kdf_rounds already set"),
    ),
    "rounds-twice-before-type-check": (
        lambda lib: _ssh(lib).kdf_rounds(16).kdf_rounds("x"),
        (ValueError, "kdf_rounds already set"),
    ),
    "hmac-hash-openssh": (
        lambda lib: _ssh(lib).hmac_hash(lib.hashes.SHA256()),
        (TypeError, "hmac_hash only supported with PrivateFormat.PKCS12"),
    ),
    "hmac-hash-twice": (
        lambda lib: _p12(lib).hmac_hash(lib.hashes.SHA1()).hmac_hash(lib.hashes.SHA1()),
        (ValueError, "hmac_hash already set"),
    ),
    "key-cert-algorithm-openssh": (
        lambda lib: _ssh(lib).key_cert_algorithm(getattr(lib.private_ser.PBES, _PBES2)),
        (TypeError, "key_cert_algorithm only supported with PrivateFormat.PKCS12"),
    ),
    "key-cert-algorithm-twice": (
        lambda lib: (
            _p12(lib)
            .key_cert_algorithm(getattr(lib.private_ser.PBES, _PBES2))
            .key_cert_algorithm(getattr(lib.private_ser.PBES, _PBES2))
        ),
        (ValueError, "key_cert_algorithm already set"),
    ),
    "build-empty": (
        lambda lib: _ssh(lib).build(b""),
        (ValueError, "Password must be 1 or more bytes."),
    ),
    "build-str": (
        lambda lib: _p12(lib).build("password"),
        (ValueError, "Password must be 1 or more bytes."),
    ),
    "build-bytearray": (
        lambda lib: _ssh(lib).build(bytearray(b"password")),
        (ValueError, "Password must be 1 or more bytes."),
    ),
    "build-none": (
        lambda lib: _p12(lib).build(None),
        (ValueError, "Password must be 1 or more bytes."),
    ),
    "best-available": (
        lambda lib: (
            lib.ser.BestAvailableEncryption(b"secret").password,
            isinstance(lib.ser.BestAvailableEncryption(b"s"), lib.ser.KeySerializationEncryption),
            isinstance(lib.ser.NoEncryption(), lib.ser.KeySerializationEncryption),
        ),
        (b"secret", True, True),
    ),
    "best-available-empty": (
        lambda lib: lib.ser.BestAvailableEncryption(b""),
        (ValueError, "Password must be 1 or more bytes."),
    ),
    "best-available-str": (
        lambda lib: lib.ser.BestAvailableEncryption("secret"),
        (ValueError, "Password must be 1 or more bytes."),
    ),
    "best-available-bytearray": (
        lambda lib: lib.ser.BestAvailableEncryption(bytearray(b"secret")),
        (ValueError, "Password must be 1 or more bytes."),
    ),
    "best-available-memoryview": (
        lambda lib: lib.ser.BestAvailableEncryption(memoryview(b"secret")),
        (ValueError, "Password must be 1 or more bytes."),
    ),
    "best-available-none": (
        lambda lib: lib.ser.BestAvailableEncryption(None),
        (ValueError, "Password must be 1 or more bytes."),
    ),
    "no-encryption-takes-nothing": (
        lambda lib: lib.ser.NoEncryption(b"x"),
        (TypeError, "NoEncryption() takes no arguments"),
    ),
}


def _run(script: Callable[[_Lib], object], lib: _Lib) -> object:
    try:
        return script(lib)
    except Exception as e:
        return (type(e), str(e))


@pytest.mark.parametrize("name", _SCRIPTS)
def test_encryption_choices(name: str) -> None:
    script, expected = _SCRIPTS[name]
    assert _run(script, _lib("oxicrypt")) == expected


@pytest.mark.parametrize("name", _SCRIPTS)
def test_encryption_choices_match_reference(reference: Reference, name: str) -> None:
    reference("hazmat.primitives.serialization")  # skips without the reference
    script, expected = _SCRIPTS[name]
    assert _run(script, _lib("cryptography")) == expected
    assert _run(script, _lib("oxicrypt")) == _run(script, _lib("cryptography"))


def test_pbes_members_match_reference(reference: Reference) -> None:
    theirs = reference("hazmat.primitives._serialization").PBES
    assert [(m.name, m.value) for m in _serialization.PBES] == [(m.name, m.value) for m in theirs]


def test_encryption_classes_are_exported() -> None:
    for name in ("BestAvailableEncryption", "NoEncryption", "KeySerializationEncryption"):
        assert getattr(serialization, name) is getattr(_serialization, name)
    assert issubclass(
        serialization.BestAvailableEncryption, serialization.KeySerializationEncryption
    )
    assert issubclass(serialization.NoEncryption, serialization.KeySerializationEncryption)
