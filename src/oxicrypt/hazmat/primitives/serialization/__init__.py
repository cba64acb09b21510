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

__all__ = [
    "BestAvailableEncryption",
    "Encoding",
    "KeySerializationEncryption",
    "NoEncryption",
    "ParameterFormat",
    "PrivateFormat",
    "PublicFormat",
    "_KeySerializationEncryption",
    "load_der_parameters",
    "load_der_private_key",
    "load_der_public_key",
    "load_pem_parameters",
    "load_pem_private_key",
    "load_pem_public_key",
]
