"""Computing digests and HMACs with the ``openssl`` command-line tool (OpenSSL's C code)."""

from __future__ import annotations

import shutil
import subprocess

__all__ = [
    "DGST_SOURCE",
    "ENC_SOURCE",
    "KDF_SOURCE",
    "MAC_SOURCE",
    "OpenSSLCLIError",
    "cli_available",
    "cli_version",
    "dgst",
    "enc",
    "hmac",
    "kdf",
]

# The SOURCE field of vectors computed by each command.
DGST_SOURCE = "openssl dgst"
MAC_SOURCE = "openssl mac"
ENC_SOURCE = "openssl enc"
KDF_SOURCE = "openssl kdf"


class OpenSSLCLIError(RuntimeError):
    """The ``openssl`` command failed or gave output of the wrong size."""


def cli_available() -> bool:
    return shutil.which("openssl") is not None


def _run(args: list[str], data: bytes) -> bytes:
    result = subprocess.run(["openssl", *args], input=data, capture_output=True, check=False)
    if result.returncode != 0:
        stderr = result.stderr.decode(errors="replace").strip()
        raise OpenSSLCLIError(f"`openssl {' '.join(args)}` exited {result.returncode}: {stderr}")
    return result.stdout


def cli_version() -> str:
    return _run(["version"], b"").decode().strip()


def dgst(name: str, data: bytes, size: int, xoflen: bool = False) -> bytes:
    """``openssl dgst -NAME -binary [-xoflen SIZE]`` over ``data``; checks the size."""
    args = ["dgst", f"-{name}", "-binary"]
    if xoflen:
        args += ["-xoflen", str(size)]
    out = _run(args, data)
    if len(out) != size:
        raise OpenSSLCLIError(f"openssl dgst -{name} gave {len(out)} bytes, expected {size}")
    return out


def hmac(name: str, key: bytes, data: bytes, size: int) -> bytes:
    """``openssl mac -digest NAME -macopt hexkey:KEY -binary HMAC`` over ``data``.

    (``openssl dgst -mac HMAC`` rejects an empty key; ``openssl mac`` accepts it.)
    """
    args = ["mac", "-digest", name, "-macopt", f"hexkey:{key.hex()}", "-binary", "HMAC"]
    out = _run(args, data)
    if len(out) != size:
        raise OpenSSLCLIError(f"openssl mac -digest {name} gave {len(out)} bytes, expected {size}")
    return out


def enc(name: str, key: bytes, iv: bytes | None, data: bytes, decrypt: bool = False) -> bytes:
    """``openssl enc -NAME -e|-d -K KEY [-iv IV] -nosalt`` over ``data``.

    Block modes pad with PKCS #7 on encryption and strip it on decryption, as ``enc``
    always does; ``iv`` is ``None`` for ECB.
    """
    args = ["enc", f"-{name}", "-d" if decrypt else "-e", "-K", key.hex(), "-nosalt"]
    if iv is not None:
        args += ["-iv", iv.hex()]
    return _run(args, data)


def kdf(name: str, size: int, options: list[str]) -> bytes:
    """``openssl kdf -keylen SIZE -kdfopt OPTION... -binary NAME``; checks the size."""
    args = ["kdf", "-keylen", str(size)]
    for option in options:
        args += ["-kdfopt", option]
    out = _run([*args, "-binary", name], b"")
    if len(out) != size:
        raise OpenSSLCLIError(f"openssl kdf {name} gave {len(out)} bytes, expected {size}")
    return out
