import typing

from oxicrypt.hazmat.primitives import _serialization, hashes
from oxicrypt.hazmat.primitives.asymmetric import rsa as _abc
from oxicrypt.hazmat.primitives.asymmetric import utils as asym_utils
from oxicrypt.hazmat.primitives.asymmetric.padding import AsymmetricPadding
from oxicrypt.utils import Buffer

class RSAPrivateKey:
    @property
    def key_size(self) -> int: ...
    def public_key(self) -> RSAPublicKey: ...
    def sign(
        self,
        data: Buffer,
        padding: AsymmetricPadding,
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm | asym_utils.NoDigestInfo,
    ) -> bytes: ...
    def decrypt(self, ciphertext: Buffer, padding: AsymmetricPadding) -> bytes: ...
    def private_numbers(self) -> RSAPrivateNumbers: ...
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes: ...

class RSAPublicKey:
    @property
    def key_size(self) -> int: ...
    def verify(
        self,
        signature: Buffer,
        data: Buffer,
        padding: AsymmetricPadding,
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm,
    ) -> None: ...
    def recover_data_from_signature(
        self,
        signature: Buffer,
        padding: AsymmetricPadding,
        algorithm: hashes.HashAlgorithm | asym_utils.NoDigestInfo | None,
    ) -> bytes: ...
    def encrypt(self, plaintext: Buffer, padding: AsymmetricPadding) -> bytes: ...
    def public_numbers(self) -> RSAPublicNumbers: ...
    def public_bytes(
        self, encoding: _serialization.Encoding, format: _serialization.PublicFormat
    ) -> bytes: ...

class RSAPublicNumbers:
    def __init__(self, e: int, n: int) -> None: ...
    @property
    def e(self) -> int: ...
    @property
    def n(self) -> int: ...
    def public_key(self, backend: typing.Any = None) -> _abc.RSAPublicKey: ...

class RSAPrivateNumbers:
    def __init__(
        self,
        p: int,
        q: int,
        d: int,
        dmp1: int,
        dmq1: int,
        iqmp: int,
        public_numbers: RSAPublicNumbers,
    ) -> None: ...
    @property
    def p(self) -> int: ...
    @property
    def q(self) -> int: ...
    @property
    def d(self) -> int: ...
    @property
    def dmp1(self) -> int: ...
    @property
    def dmq1(self) -> int: ...
    @property
    def iqmp(self) -> int: ...
    @property
    def public_numbers(self) -> RSAPublicNumbers: ...
    def private_key(
        self, backend: typing.Any = None, *, unsafe_skip_rsa_key_validation: bool = False
    ) -> _abc.RSAPrivateKey: ...

def generate_private_key(public_exponent: int, key_size: int) -> _abc.RSAPrivateKey: ...
