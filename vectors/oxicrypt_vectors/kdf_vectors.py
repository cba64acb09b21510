"""Key derivation vectors: ``openssl kdf`` with every input given in hex.

One file per KDF and digest, ``kdf/<kdf>-<digest>.txt`` (``kdf/scrypt.txt``).  Each
output is checked against CPython before it is written: PBKDF2 and scrypt against
``_hashlib`` (CPython's C binding of libcrypto), HKDF (RFC 5869), the one-step KDF of
NIST SP 800-56C (OpenSSL's SSKDF, with a hash or with HMAC) and ANSI X9.63's KDF against
their definitions computed with CPython's :mod:`hashlib` and :mod:`hmac`.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Callable

from oxicrypt_vectors import openssl_cli as cli
from oxicrypt_vectors.errors import CrossCheckError
from oxicrypt_vectors.format import format_vectors
from oxicrypt_vectors.inputs import KDF_OUTPUT_LENGTHS, pseudo_random_bytes

__all__ = ["KDF_FILES", "kdf_files"]

# OpenSSL's digest name for each digest the KDF files use (the file names use the key).
_DIGESTS = {"sha1": "SHA1", "sha256": "SHA256", "sha512": "SHA512"}


@dataclass(frozen=True)
class _Job:
    """One vector: its fields (without COUNT, OUT, SOURCE) and how to compute it."""

    fields: dict[str, str]
    kdf: str  # `openssl kdf` algorithm name
    options: list[str]
    check: Callable[[], bytes]  # CPython's value

    @property
    def outlen(self) -> int:
        return int(self.fields["OUTLEN"])


def _rand(label: str, length: int) -> bytes:
    return pseudo_random_bytes(f"kdf:{label}", length)


def _hash(digest: str, data: bytes) -> bytes:
    return hashlib.new(digest, data).digest()


def _hkdf_expand(digest: str, prk: bytes, info: bytes, length: int) -> bytes:
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), digest).digest()
        out, counter = out + block, counter + 1
    return out[:length]


def _one_step(prf: Callable[[bytes], bytes], secret: bytes, info: bytes, length: int) -> bytes:
    # SP 800-56C one-step KDF: PRF(counter_32be || Z || OtherInfo), counter from 1.
    out, counter = b"", 1
    while len(out) < length:
        out, counter = out + prf(counter.to_bytes(4, "big") + secret + info), counter + 1
    return out[:length]


def _x963(digest: str, secret: bytes, info: bytes, length: int) -> bytes:
    # ANSI X9.63: Hash(Z || counter_32be || SharedInfo), counter from 1.
    out, counter = b"", 1
    while len(out) < length:
        block = hashlib.new(digest, secret + counter.to_bytes(4, "big") + info).digest()
        out, counter = out + block, counter + 1
    return out[:length]


def _pbkdf2(digest: str) -> Iterator[_Job]:
    for iterations in (1, 2, 1000):
        for outlen in KDF_OUTPUT_LENGTHS:
            tag = f"pbkdf2-{digest}:{iterations}:{outlen}"
            password, salt = _rand(f"{tag}:password", 1 + outlen % 13), _rand(f"{tag}:salt", 16)
            yield _Job(
                {
                    "ALG": "PBKDF2",
                    "DIGEST": digest,
                    "PASSWORD": password.hex(),
                    "SALT": salt.hex(),
                    "ITERATIONS": str(iterations),
                    "OUTLEN": str(outlen),
                },
                "PBKDF2",
                [
                    f"digest:{_DIGESTS[digest]}",
                    f"hexpass:{password.hex()}",
                    f"hexsalt:{salt.hex()}",
                    f"iter:{iterations}",
                ],
                partial(hashlib.pbkdf2_hmac, digest, password, salt, iterations, outlen),
            )


def _hkdf(digest: str) -> Iterator[_Job]:
    for mode in ("EXTRACT_AND_EXPAND", "EXPAND_ONLY"):
        for salt_len, info_len in ((0, 0), (13, 10), (80, 80)):
            for outlen in KDF_OUTPUT_LENGTHS:
                tag = f"hkdf-{digest}:{mode}:{salt_len}:{outlen}"
                key = _rand(f"{tag}:key", 22 if mode == "EXTRACT_AND_EXPAND" else 64)
                salt = _rand(f"{tag}:salt", salt_len) if mode == "EXTRACT_AND_EXPAND" else b""
                info = _rand(f"{tag}:info", info_len)

                def check(
                    key: bytes = key,
                    salt: bytes = salt,
                    info: bytes = info,
                    mode: str = mode,
                    outlen: int = outlen,
                ) -> bytes:
                    prk = key
                    if mode == "EXTRACT_AND_EXPAND":
                        size = hashlib.new(digest).digest_size
                        prk = hmac.new(salt or bytes(size), key, digest).digest()
                    return _hkdf_expand(digest, prk, info, outlen)

                options = [f"digest:{_DIGESTS[digest]}", f"mode:{mode}", f"hexkey:{key.hex()}"]
                if mode == "EXTRACT_AND_EXPAND":
                    options.append(f"hexsalt:{salt.hex()}")
                fields = {"ALG": "HKDF", "DIGEST": digest, "MODE": mode, "KEY": key.hex()}
                if mode == "EXTRACT_AND_EXPAND":
                    fields["SALT"] = salt.hex()
                fields |= {"INFO": info.hex(), "OUTLEN": str(outlen)}
                yield _Job(fields, "HKDF", [*options, f"hexinfo:{info.hex()}"], check)


def _sskdf(digest: str, with_hmac: bool) -> Iterator[_Job]:
    for secret_len, info_len in ((16, 0), (32, 20), (100, 64)):
        for outlen in KDF_OUTPUT_LENGTHS:
            tag = f"sskdf-{'hmac-' if with_hmac else ''}{digest}:{secret_len}:{outlen}"
            secret, info = _rand(f"{tag}:key", secret_len), _rand(f"{tag}:info", info_len)
            salt = _rand(f"{tag}:salt", 16 + secret_len % 7) if with_hmac else b""
            options = [f"digest:{_DIGESTS[digest]}", f"hexkey:{secret.hex()}"]
            fields = {"ALG": "SSKDF-HMAC" if with_hmac else "SSKDF", "DIGEST": digest}
            fields["KEY"] = secret.hex()
            prf: Callable[[bytes], bytes] = partial(_hash, digest)
            if with_hmac:
                options += ["mac:HMAC", f"hexsalt:{salt.hex()}"]
                fields["SALT"] = salt.hex()
                prf = partial(hmac.digest, salt, digest=digest)

            fields |= {"INFO": info.hex(), "OUTLEN": str(outlen)}
            yield _Job(
                fields,
                "SSKDF",
                [*options, f"hexinfo:{info.hex()}"],
                partial(_one_step, prf, secret, info, outlen),
            )


def _x963kdf(digest: str) -> Iterator[_Job]:
    for secret_len, info_len in ((16, 0), (32, 20), (66, 64)):
        for outlen in KDF_OUTPUT_LENGTHS:
            tag = f"x963kdf-{digest}:{secret_len}:{outlen}"
            secret, info = _rand(f"{tag}:key", secret_len), _rand(f"{tag}:info", info_len)
            yield _Job(
                {
                    "ALG": "X963KDF",
                    "DIGEST": digest,
                    "KEY": secret.hex(),
                    "INFO": info.hex(),
                    "OUTLEN": str(outlen),
                },
                "X963KDF",
                [f"digest:{_DIGESTS[digest]}", f"hexkey:{secret.hex()}", f"hexinfo:{info.hex()}"],
                partial(_x963, digest, secret, info, outlen),
            )


def _scrypt() -> Iterator[_Job]:
    for n, r, p in ((2, 1, 1), (16, 1, 1), (16, 8, 1), (1024, 8, 1), (256, 2, 3)):
        for outlen in (16, 64):
            tag = f"scrypt:{n}:{r}:{p}:{outlen}"
            password, salt = _rand(f"{tag}:password", 12), _rand(f"{tag}:salt", 16)
            yield _Job(
                {
                    "ALG": "SCRYPT",
                    "PASSWORD": password.hex(),
                    "SALT": salt.hex(),
                    "N": str(n),
                    "R": str(r),
                    "P": str(p),
                    "OUTLEN": str(outlen),
                },
                "SCRYPT",
                [
                    f"hexpass:{password.hex()}",
                    f"hexsalt:{salt.hex()}",
                    f"n:{n}",
                    f"r:{r}",
                    f"p:{p}",
                ],
                partial(hashlib.scrypt, password, salt=salt, n=n, r=r, p=p, dklen=outlen),
            )


# file name -> ("what, checked with what", "`openssl kdf` options NAME", the jobs)
KDF_FILES: dict[str, tuple[str, str, Callable[[], Iterator[_Job]]]] = {}
for _d in _DIGESTS:
    KDF_FILES[f"pbkdf2-{_d}"] = (
        f"PBKDF2-HMAC-{_d} (RFC 8018), checked with CPython's _hashlib.pbkdf2_hmac",
        f"-kdfopt digest:{_DIGESTS[_d]} -kdfopt hexpass:PASSWORD -kdfopt hexsalt:SALT"
        " -kdfopt iter:ITERATIONS PBKDF2",
        partial(_pbkdf2, _d),
    )
    KDF_FILES[f"hkdf-{_d}"] = (
        f"HKDF-{_d} (RFC 5869), checked with CPython's hmac module",
        f"-kdfopt digest:{_DIGESTS[_d]} -kdfopt mode:MODE -kdfopt hexkey:KEY"
        " [-kdfopt hexsalt:SALT] -kdfopt hexinfo:INFO HKDF",
        partial(_hkdf, _d),
    )
for _d in ("sha256", "sha512"):
    KDF_FILES[f"sskdf-{_d}"] = (
        f"SP 800-56C one-step KDF over {_d}, checked with CPython's hashlib",
        f"-kdfopt digest:{_DIGESTS[_d]} -kdfopt hexkey:KEY -kdfopt hexinfo:INFO SSKDF",
        partial(_sskdf, _d, with_hmac=False),
    )
    KDF_FILES[f"sskdf-hmac-{_d}"] = (
        f"SP 800-56C one-step KDF over HMAC-{_d}, checked with CPython's hmac module",
        f"-kdfopt digest:{_DIGESTS[_d]} -kdfopt hexkey:KEY -kdfopt mac:HMAC"
        " -kdfopt hexsalt:SALT -kdfopt hexinfo:INFO SSKDF",
        partial(_sskdf, _d, with_hmac=True),
    )
    KDF_FILES[f"x963kdf-{_d}"] = (
        f"ANSI X9.63 KDF over {_d}, checked with CPython's hashlib",
        f"-kdfopt digest:{_DIGESTS[_d]} -kdfopt hexkey:KEY -kdfopt hexinfo:INFO X963KDF",
        partial(_x963kdf, _d),
    )
KDF_FILES["scrypt"] = (
    "scrypt (RFC 7914), checked with CPython's _hashlib scrypt",
    "-kdfopt hexpass:PASSWORD -kdfopt hexsalt:SALT -kdfopt n:N -kdfopt r:R -kdfopt p:P SCRYPT",
    _scrypt,
)


def _kdf_file(
    name: str,
    log: list[str],
    parallel: Callable[[Callable[[_Job], bytes], list[_Job]], list[bytes]],
) -> str:
    description, command, make_jobs = KDF_FILES[name]
    title, checked = description.split(", ", 1)
    options, kdf_name = command.rsplit(" ", 1)
    jobs = list(make_jobs())
    outputs = parallel(lambda job: cli.kdf(job.kdf, job.outlen, job.options), jobs)
    blocks = []
    for count, (job, out) in enumerate(zip(jobs, outputs)):
        expected = job.check()
        if expected != out:
            raise CrossCheckError(
                f"kdf/{name}.txt COUNT={count}: openssl CLI gave {out.hex()},"
                f" CPython gave {expected.hex()}"
            )
        blocks.append(
            {"COUNT": str(count), **job.fields, "OUT": out.hex(), "SOURCE": cli.KDF_SOURCE}
        )
    log.append(f"kdf/{name}.txt: {len(blocks)} vectors; {checked}")
    header = [
        f"oxicrypt_vectors KDF vectors: {title}",
        "Generated by `python -m oxicrypt_vectors.generate`; do not edit by hand.",
        "Fields: COUNT, ALG, the inputs (hex byte strings, decimal numbers), OUTLEN (bytes in",
        "OUT), OUT (the derived key, hex), SOURCE.",
        f"SOURCE '{cli.KDF_SOURCE}': `openssl kdf -keylen OUTLEN {options}",
        f"-binary {kdf_name}`.",
    ]
    return format_vectors(header, blocks)


def kdf_files(
    log: list[str], parallel: Callable[[Callable[[_Job], bytes], list[_Job]], list[bytes]]
) -> dict[str, str]:
    """``kdf/<name>.txt`` for every entry of :data:`KDF_FILES`."""
    return {f"kdf/{name}.txt": _kdf_file(name, log, parallel) for name in KDF_FILES}
