"""Cross-checks with CPython's C implementations.

Two independent routes where available: CPython's own C hash modules (``_md5``, ``_sha1``,
``_sha256``/``_sha512`` or ``_sha2``, ``_sha3``, ``_blake2``), which share no code with
OpenSSL, and ``_hashlib``, CPython's C binding of OpenSSL's libcrypto.  HMAC is checked
with ``_hashlib.hmac_digest`` (OpenSSL's HMAC) and with the :mod:`hmac` module's RFC 2104
construction over the built-in C hash.
"""

from __future__ import annotations

import hmac
import importlib
from typing import Callable

from oxicrypt_vectors.algorithms import Digest

__all__ = ["DigestCheck", "HMACCheck", "digest_checks", "hmac_checks"]

# (label, function(message, output length) -> digest)
DigestCheck = tuple[str, Callable[[bytes, int], bytes]]
# (label, function(key, message) -> mac)
HMACCheck = tuple[str, Callable[[bytes, bytes], bytes]]


def _builtin(digest: Digest) -> tuple[str, Callable[..., object]] | None:
    if digest.builtin is None:
        return None
    modules, attr = digest.builtin
    for module_name in modules:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        constructor = getattr(module, attr, None)
        if constructor is not None:
            return f"{module_name}.{attr}", constructor
    return None


def _openssl_hashlib(digest: Digest) -> Callable[..., object] | None:
    try:
        import _hashlib
    except ImportError:
        return None
    try:
        _hashlib.new(digest.hashlib, b"")
    except ValueError:  # unsupported by this libcrypto (or disabled, e.g. FIPS mode)
        return None
    return lambda data=b"": _hashlib.new(digest.hashlib, data)


def _finish(obj: object, xof: bool, size: int) -> bytes:
    return obj.digest(size) if xof else obj.digest()  # type: ignore[attr-defined,no-any-return]


def digest_checks(digest: Digest) -> list[DigestCheck]:
    """The available CPython C implementations of ``digest``."""
    checks: list[DigestCheck] = []
    builtin = _builtin(digest)
    if builtin is not None:
        label, ctor = builtin
        checks.append((f"CPython {label}", lambda m, n: _finish(ctor(m), digest.xof, n)))
    via_openssl = _openssl_hashlib(digest)
    if via_openssl is not None:
        checks.append(
            (
                f"CPython _hashlib {digest.hashlib}",
                lambda m, n: _finish(via_openssl(m), digest.xof, n),
            )
        )
    return checks


def hmac_checks(digest: Digest) -> list[HMACCheck]:
    """The available CPython HMAC routes for ``digest`` (never for an XOF)."""
    checks: list[HMACCheck] = []
    if digest.xof:
        return checks
    builtin = _builtin(digest)
    if builtin is not None:
        label, ctor = builtin
        checks.append((f"CPython hmac over {label}", lambda k, m: hmac.new(k, m, ctor).digest()))
    if _openssl_hashlib(digest) is not None:
        import _hashlib

        checks.append(
            (
                f"CPython _hashlib.hmac_digest {digest.hashlib}",
                lambda k, m: _hashlib.hmac_digest(k, m, digest.hashlib),
            )
        )
    return checks
