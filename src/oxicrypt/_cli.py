"""The ``oxicrypt`` command line tool.

``oxicrypt inspect [--json] FILE...`` describes certificates, CSRs, CRLs and keys;
``oxicrypt hash [-a ALGORITHM] FILE...`` prints one ``HEXDIGEST  FILE`` line per file, like
``sha256sum``. ``-`` reads standard input. ``keygen``, ``csr``, ``selfsign`` and ``sign``
make keys, requests and certificates (modules _cli_keys and _cli_x509).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from collections.abc import Sequence
from typing import BinaryIO

from oxicrypt import _cli_keys, _cli_x509
from oxicrypt._cli_common import CliError
from oxicrypt.hazmat.primitives import hashes

# Fixed-size digests by their command-line names; SHAKE needs --length.
_FIXED: dict[str, hashes.HashAlgorithm] = {
    "md5": hashes.MD5(),
    "sha1": hashes.SHA1(),
    "sha224": hashes.SHA224(),
    "sha256": hashes.SHA256(),
    "sha384": hashes.SHA384(),
    "sha512": hashes.SHA512(),
    "sha512-224": hashes.SHA512_224(),
    "sha512-256": hashes.SHA512_256(),
    "sha3-224": hashes.SHA3_224(),
    "sha3-256": hashes.SHA3_256(),
    "sha3-384": hashes.SHA3_384(),
    "sha3-512": hashes.SHA3_512(),
    "blake2b": hashes.BLAKE2b(64),
    "blake2s": hashes.BLAKE2s(32),
    "sm3": hashes.SM3(),
}
_XOF = {"shake128": (hashes.SHAKE128, 32), "shake256": (hashes.SHAKE256, 64)}
_CHUNK = 1 << 20


def _algorithm(name: str, length: int | None) -> hashes.HashAlgorithm:
    if name in _XOF:
        cls, default = _XOF[name]
        return cls(length if length is not None else default)
    if length is not None:
        raise SystemExit(f"oxicrypt hash: --length applies to shake128/shake256, not {name}")
    return _FIXED[name]


def _digest_stream(algorithm: hashes.HashAlgorithm, stream: BinaryIO) -> bytes:
    h = hashes.Hash(algorithm)
    while chunk := stream.read(_CHUNK):
        h.update(chunk)
    return h.finalize()


def _hash(args: argparse.Namespace) -> int:
    algorithm = _algorithm(args.algorithm, args.length)
    status = 0
    for name in args.files:
        try:
            if name == "-":
                digest = _digest_stream(algorithm, sys.stdin.buffer)
            else:
                with open(name, "rb") as f:
                    digest = _digest_stream(algorithm, f)
        except OSError as exc:
            print(f"oxicrypt hash: {name}: {exc.strerror}", file=sys.stderr)
            status = 1
            continue
        print(f"{digest.hex()}  {name}")
    return status


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    with open(name, "rb") as f:
        return f.read()


def _inspect(args: argparse.Namespace) -> int:
    # Imported here: `oxicrypt hash` should not pay for loading the X.509 modules.
    from oxicrypt import _inspect
    from oxicrypt.exceptions import UnsupportedAlgorithm

    now = datetime.datetime.now(datetime.timezone.utc)
    status = 0
    reports = []
    for name in args.files:
        shown = "<stdin>" if name == "-" else name
        try:
            descriptions = _inspect.describe_data(_read(name), now)
        except OSError as exc:
            print(f"oxicrypt inspect: {shown}: {exc.strerror}", file=sys.stderr)
            status = 1
            continue
        except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
            print(f"oxicrypt inspect: {shown}: {exc}", file=sys.stderr)
            status = 1
            continue
        if args.json:
            reports.append(_inspect.as_json(shown, descriptions))
        else:
            print(_inspect.render_text(shown, descriptions))
    if args.json:
        print(json.dumps(reports, indent=2))
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="oxicrypt", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    i = commands.add_parser(
        "inspect", help="describe certificates, CSRs, CRLs and keys (PEM or DER)"
    )
    i.add_argument("--json", action="store_true", help="print JSON for machines")
    i.add_argument("files", nargs="+", metavar="FILE", help="files to read ('-' for stdin)")
    i.set_defaults(run=_inspect)
    h = commands.add_parser("hash", help="print the digest of files, like sha256sum")
    h.add_argument(
        "-a",
        "--algorithm",
        default="sha256",
        choices=sorted([*_FIXED, *_XOF]),
        help="digest algorithm (default: sha256)",
    )
    h.add_argument("-l", "--length", type=int, help="output length in bytes for shake128/shake256")
    h.add_argument("files", nargs="+", metavar="FILE", help="files to hash ('-' for stdin)")
    h.set_defaults(run=_hash)
    _cli_keys.register(commands)
    _cli_x509.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args)
        sys.stdout.flush()
    except CliError as exc:
        # Bad input to keygen/csr/selfsign/sign: one line, no traceback.
        print(f"oxicrypt {args.command}: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"oxicrypt {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # Files are written atomically, so an interrupted command leaves nothing half
        # written; say so in one line instead of a traceback.
        print(f"oxicrypt {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`oxicrypt inspect ... | head`). Python would try to flush
        # stdout again at exit and complain; point it at /dev/null so that it stays quiet.
        _silence_stdout()
        return 1
    return status


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        # stdout without a file descriptor (replaced by the caller): nothing to silence.
        pass


if __name__ == "__main__":
    sys.exit(main())
