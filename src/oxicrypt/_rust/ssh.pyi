import typing

from oxicrypt.utils import Buffer

def load_public_identity(
    data: Buffer, legacy_dsa_allowed: bool
) -> typing.Any | tuple[typing.Any, ...]: ...
def serialize_public_key(public_key: typing.Any) -> bytes: ...
def public_key_blob(public_key: typing.Any) -> bytes: ...
def load_private_key(
    data: Buffer, password: Buffer | None, unsafe_skip_rsa_key_validation: bool
) -> typing.Any: ...
def signature_key(sig_type: Buffer, sig_key: Buffer) -> typing.Any: ...
def verify_cert_signature(
    sig_type: Buffer,
    sig_key: Buffer,
    inner_sig_type: Buffer,
    signature: Buffer,
    tbs: Buffer,
) -> None: ...
def sign_certificate(
    public_key: typing.Any,
    serial: int,
    cert_type: int,
    key_id: bytes,
    valid_principals: list[bytes],
    valid_after: int,
    valid_before: int,
    critical_options: list[tuple[bytes, bytes]],
    extensions: list[tuple[bytes, bytes]],
    private_key: typing.Any,
) -> bytes: ...
