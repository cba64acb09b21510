"""Loading keys from PEM and DER. The containers are parsed by oxicrypt's Rust code."""

from __future__ import annotations

from oxicrypt._rust import serialization as _rust_serialization

__all__ = [
    "load_der_parameters",
    "load_der_private_key",
    "load_der_public_key",
    "load_pem_parameters",
    "load_pem_private_key",
    "load_pem_public_key",
]

load_pem_private_key = _rust_serialization.load_pem_private_key
load_der_private_key = _rust_serialization.load_der_private_key
load_pem_public_key = _rust_serialization.load_pem_public_key
load_der_public_key = _rust_serialization.load_der_public_key
load_pem_parameters = _rust_serialization.load_pem_parameters
load_der_parameters = _rust_serialization.load_der_parameters
