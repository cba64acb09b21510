"""Argon2d, Argon2i and Argon2id: RFC 9106 vectors, PHC strings, parameter checks."""

from __future__ import annotations

import pytest

from oxicrypt.exceptions import AlreadyFinalized, InvalidKey
from oxicrypt.hazmat.primitives.kdf.argon2 import Argon2d, Argon2i, Argon2id
from tests.hazmat.primitives.kdf_helpers import hex_or_empty
from tests.vectors import load_records

_CLASSES = {"argon2d": Argon2d, "argon2i": Argon2i, "argon2id": Argon2id}


@pytest.mark.parametrize("name", sorted(_CLASSES))
def test_vectors(name: str) -> None:
    records = load_records("KDF", f"{name}.txt")
    assert records
    for r in records:
        kdf = _CLASSES[name](
            salt=r.hex("salt"),
            length=int(r["length"]),
            iterations=int(r["iter"]),
            lanes=int(r["lanes"]),
            memory_cost=int(r["memcost"]),
            ad=hex_or_empty(r, "ad") or None,
            secret=hex_or_empty(r, "secret") or None,
        )
        assert kdf.derive(hex_or_empty(r, "pass")) == r.hex("output"), r.line


def _small(cls: type[Argon2id] = Argon2id, **kwargs: object) -> Argon2id:
    arguments: dict[str, object] = {
        "salt": b"s" * 8,
        "length": 32,
        "iterations": 1,
        "lanes": 1,
        "memory_cost": 8,
    }
    arguments.update(kwargs)
    return cls(**arguments)  # type: ignore[arg-type]


@pytest.mark.parametrize("cls", [Argon2d, Argon2i, Argon2id])
def test_phc_round_trip(cls: type[Argon2id]) -> None:
    encoded = _small(cls, salt=b"saltsalt").derive_phc_encoded(b"password")
    prefix = f"${cls.__name__.lower()}$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$"
    assert encoded.startswith(prefix)
    assert _small(cls, salt=b"saltsalt").derive(b"password").hex() in [
        __import__("base64").b64decode(encoded[len(prefix) :] + "=").hex()
    ]
    cls.verify_phc_encoded(b"password", encoded)
    with pytest.raises(InvalidKey, match="Keys do not match"):
        cls.verify_phc_encoded(b"wrong", encoded)


def test_phc_secret_is_not_in_the_string() -> None:
    encoded = _small(secret=b"pepper").derive_phc_encoded(b"pw")
    Argon2id.verify_phc_encoded(b"pw", encoded, secret=b"pepper")
    with pytest.raises(InvalidKey):
        Argon2id.verify_phc_encoded(b"pw", encoded)


_GOOD = "$argon2id$v=19$m=8,t=1,p=1$c3Nzc3Nzc3M$VXIoLcbefG5kFXf/c8O8PQQaX8/UfU82i/HidsUzEZ4"


@pytest.mark.parametrize(
    ("phc", "error", "message"),
    [
        ("garbage", InvalidKey, "Invalid PHC string format"),
        (_GOOD.replace("argon2id", "argon2i"), InvalidKey, "did you mean to use Argon2i?"),
        (_GOOD.replace("v=19", "v=16"), InvalidKey, "Invalid version in PHC string"),
        (_GOOD.replace("m=8,t=1", "t=1,m=8"), InvalidKey, "Parameters must be in order"),
        (_GOOD.replace("p=1", "p=1,x=2"), InvalidKey, "Invalid parameters in PHC string"),
        (_GOOD.replace("m=8", "m=-8"), InvalidKey, "Invalid memory cost in PHC string"),
        (_GOOD.replace("t=1", "t=x"), InvalidKey, "Invalid iterations in PHC string"),
        (_GOOD.replace("p=1", "p="), InvalidKey, "Invalid parallelism in PHC string"),
        (_GOOD.replace("c3Nzc3Nzc3M", "c3Nzc3Nzc3N"), InvalidKey, "Invalid base64 salt"),
        (_GOOD + "=", InvalidKey, "Invalid base64 hash"),
        (_GOOD.replace("t=1", "t=0"), ValueError, "iterations must be greater than"),
        (_GOOD.replace("c3Nzc3Nzc3M", "c3Nz"), ValueError, "salt must be at least 8 bytes"),
    ],
)
def test_phc_errors(phc: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        Argon2id.verify_phc_encoded(b"p", phc)


def test_good_phc_string() -> None:
    Argon2id.verify_phc_encoded(b"p", _GOOD)
    with pytest.raises(TypeError):
        Argon2id.verify_phc_encoded(b"p", _GOOD.encode())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"salt": b"s" * 7}, "salt must be at least 8 bytes"),
        ({"length": 3}, "length must be greater than or equal to 4"),
        ({"iterations": 0}, "iterations must be greater than or equal to 1"),
        ({"lanes": 0}, "lanes must be greater than or equal to 1"),
        ({"lanes": 2, "memory_cost": 15}, r"memory_cost must be an integer >= 8 \* lanes"),
    ],
)
def test_parameter_checks(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        _small(**kwargs)


def test_phc_output_uses_up_the_instance() -> None:
    kdf = _small()
    kdf.derive_phc_encoded(b"p")
    with pytest.raises(AlreadyFinalized):
        kdf.derive(b"p")
