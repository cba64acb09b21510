# Test support for tests/parity: OpenSSL's own C key decoders. Not public API.
# Each returns OpenSSL's name for the key type and the key's SubjectPublicKeyInfo (DER),
# or None when OpenSSL reads nothing.
def openssl_load_private_key(
    data: bytes, pem: bool, password: bytes | None = None
) -> tuple[str, bytes] | None: ...
def openssl_load_public_key(data: bytes, pem: bool) -> tuple[str, bytes] | None: ...
