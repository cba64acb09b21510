"""Key serialization: encodings and formats, and loading keys from PEM and DER."""

from __future__ import annotations

from oxicrypt.hazmat.primitives._serialization import (
    BestAvailableEncryption,
    Encoding,
    KeySerializationEncryption,
    NoEncryption,
    ParameterFormat,
    PrivateFormat,
    PublicFormat,
    _KeySerializationEncryption,
)
from oxicrypt.hazmat.primitives.serialization.base import (
    load_der_parameters,
    load_der_private_key,
    load_der_public_key,
    load_pem_parameters,
    load_pem_private_key,
    load_pem_public_key,
)
from oxicrypt.hazmat.primitives.serialization.ssh import (
    SSHCertificate,
    SSHCertificateBuilder,
    SSHCertificateType,
    SSHCertPrivateKeyTypes,
    SSHCertPublicKeyTypes,
    SSHPrivateKeyTypes,
    SSHPublicKeyTypes,
    load_ssh_private_key,
    load_ssh_public_identity,
    load_ssh_public_key,
    ssh_key_fingerprint,
)

__all__ = [
    "BestAvailableEncryption",
    "Encoding",
    "KeySerializationEncryption",
    "NoEncryption",
    "ParameterFormat",
    "PrivateFormat",
    "PublicFormat",
    "SSHCertPrivateKeyTypes",
    "SSHCertPublicKeyTypes",
    "SSHCertificate",
    "SSHCertificateBuilder",
    "SSHCertificateType",
    "SSHPrivateKeyTypes",
    "SSHPublicKeyTypes",
    "_KeySerializationEncryption",
    "load_der_parameters",
    "load_der_private_key",
    "load_der_public_key",
    "load_pem_parameters",
    "load_pem_private_key",
    "load_pem_public_key",
    "load_ssh_private_key",
    "load_ssh_public_identity",
    "load_ssh_public_key",
    "ssh_key_fingerprint",
]
