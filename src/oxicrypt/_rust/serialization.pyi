import typing

from oxicrypt.hazmat.primitives import _serialization as _ser
from oxicrypt.utils import Buffer

class Encoding:
    PEM: typing.ClassVar[Encoding]
    DER: typing.ClassVar[Encoding]
    OpenSSH: typing.ClassVar[Encoding]
    Raw: typing.ClassVar[Encoding]
    X962: typing.ClassVar[Encoding]
    SMIME: typing.ClassVar[Encoding]

class PrivateFormat:
    PKCS8: typing.ClassVar[PrivateFormat]
    TraditionalOpenSSL: typing.ClassVar[PrivateFormat]
    Raw: typing.ClassVar[PrivateFormat]
    OpenSSH: typing.ClassVar[PrivateFormat]
    PKCS12: typing.ClassVar[PrivateFormat]
    def encryption_builder(self) -> _ser.KeySerializationEncryptionBuilder: ...

class PublicFormat:
    SubjectPublicKeyInfo: typing.ClassVar[PublicFormat]
    PKCS1: typing.ClassVar[PublicFormat]
    OpenSSH: typing.ClassVar[PublicFormat]
    Raw: typing.ClassVar[PublicFormat]
    CompressedPoint: typing.ClassVar[PublicFormat]
    UncompressedPoint: typing.ClassVar[PublicFormat]

class ParameterFormat:
    PKCS3: typing.ClassVar[ParameterFormat]

def load_pem_private_key(
    data: Buffer,
    password: Buffer | None,
    backend: typing.Any = None,
    *,
    unsafe_skip_rsa_key_validation: bool = False,
) -> typing.Any: ...
def load_der_private_key(
    data: Buffer,
    password: Buffer | None,
    backend: typing.Any = None,
    *,
    unsafe_skip_rsa_key_validation: bool = False,
) -> typing.Any: ...
def load_pem_public_key(data: Buffer, backend: typing.Any = None) -> typing.Any: ...
def load_der_public_key(data: Buffer, backend: typing.Any = None) -> typing.Any: ...
def load_pem_parameters(data: Buffer, backend: typing.Any = None) -> typing.Any: ...
def load_der_parameters(data: Buffer, backend: typing.Any = None) -> typing.Any: ...
