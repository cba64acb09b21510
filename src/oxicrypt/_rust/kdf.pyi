from typing import Any

from oxicrypt.hazmat.primitives.hashes import HashAlgorithm
from oxicrypt.hazmat.primitives.kdf.kbkdf import CounterLocation, Mode
from oxicrypt.utils import Buffer

class _Kdf:
    def derive(self, key_material: Buffer) -> bytes: ...
    def derive_into(self, key_material: Buffer, buf: Buffer) -> int: ...
    def verify(self, key_material: Buffer, expected_key: Buffer) -> None: ...

class PBKDF2HMAC(_Kdf):
    def __init__(
        self,
        algorithm: HashAlgorithm,
        length: int,
        salt: bytes,
        iterations: int,
        backend: Any = None,
    ) -> None: ...

class Scrypt(_Kdf):
    def __init__(
        self, salt: bytes, length: int, n: int, r: int, p: int, backend: Any = None
    ) -> None: ...

class HKDF(_Kdf):
    def __init__(
        self,
        algorithm: HashAlgorithm,
        length: int,
        salt: bytes | None,
        info: bytes | None,
        backend: Any = None,
    ) -> None: ...
    @staticmethod
    def extract(algorithm: HashAlgorithm, salt: bytes | None, key_material: Buffer) -> bytes: ...

class HKDFExpand(_Kdf):
    def __init__(
        self, algorithm: HashAlgorithm, length: int, info: bytes | None, backend: Any = None
    ) -> None: ...

class X963KDF(_Kdf):
    def __init__(
        self,
        algorithm: HashAlgorithm,
        length: int,
        sharedinfo: bytes | None,
        backend: Any = None,
    ) -> None: ...

class ConcatKDFHash(_Kdf):
    def __init__(
        self,
        algorithm: HashAlgorithm,
        length: int,
        otherinfo: bytes | None,
        backend: Any = None,
    ) -> None: ...

class ConcatKDFHMAC(_Kdf):
    def __init__(
        self,
        algorithm: HashAlgorithm,
        length: int,
        salt: bytes | None,
        otherinfo: bytes | None,
        backend: Any = None,
    ) -> None: ...

class KBKDFHMAC(_Kdf):
    def __init__(
        self,
        algorithm: HashAlgorithm,
        mode: Mode,
        length: int,
        rlen: int,
        llen: int | None,
        location: CounterLocation,
        label: bytes | None,
        context: bytes | None,
        fixed: bytes | None,
        backend: Any = None,
        *,
        break_location: int | None = None,
    ) -> None: ...

class KBKDFCMAC(_Kdf):
    def __init__(
        self,
        algorithm: Any,
        mode: Mode,
        length: int,
        rlen: int,
        llen: int | None,
        location: CounterLocation,
        label: bytes | None,
        context: bytes | None,
        fixed: bytes | None,
        backend: Any = None,
        *,
        break_location: int | None = None,
    ) -> None: ...

class _Argon2(_Kdf):
    def __init__(
        self,
        salt: bytes,
        length: int,
        iterations: int,
        lanes: int,
        memory_cost: int,
        ad: bytes | None = None,
        secret: bytes | None = None,
    ) -> None: ...
    def derive_phc_encoded(self, key_material: Buffer) -> str: ...
    @classmethod
    def verify_phc_encoded(
        cls, key_material: Buffer, phc_encoded: str, secret: bytes | None = None
    ) -> None: ...

class Argon2d(_Argon2): ...
class Argon2i(_Argon2): ...
class Argon2id(_Argon2): ...
