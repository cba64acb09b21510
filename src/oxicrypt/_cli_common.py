"""What the key and certificate commands share: passphrases, reading a private key,
writing outputs, and the error that becomes one ``oxicrypt CMD: ...`` line.

Only argparse and the standard library are imported at module level, so registering the
commands costs nothing for ``oxicrypt hash``; the key modules are imported on use.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import typing

from oxicrypt._atomic import write_atomic

if typing.TYPE_CHECKING:
    from oxicrypt.hazmat.primitives.asymmetric.types import PrivateKeyTypes

# Private keys are readable by their owner only; certificates and requests are public.
SECRET_MODE = 0o600
PUBLIC_MODE = 0o644


class CliError(Exception):
    """Bad input or a refused operation: reported as one line, exit status 1."""


def add_passphrase_options(parser: argparse.ArgumentParser, what: str) -> None:
    """``--passphrase-file``, ``--passphrase-env`` and ``--ask-passphrase``, mutually
    exclusive. There is deliberately no option taking the passphrase itself: command
    lines are visible to other users in ``ps`` and end up in shell histories."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=f"read the passphrase {what} from the first line of FILE",
    )
    group.add_argument(
        "--passphrase-env",
        metavar="VAR",
        help=f"take the passphrase {what} from environment variable VAR",
    )
    group.add_argument(
        "--ask-passphrase",
        action="store_true",
        help=f"prompt for the passphrase {what} on the terminal",
    )


def passphrase(args: argparse.Namespace, *, confirm: bool = False) -> bytes | None:
    """The passphrase given by the options of :func:`add_passphrase_options`, as UTF-8,
    or None when none was asked for. An empty passphrase is refused: it would encrypt
    (or pretend to protect) the key with nothing."""
    if args.passphrase_file is not None:
        data = read_file(args.passphrase_file)
        # The first line, as `openssl -passin file:` reads it; a final CR LF or LF is not
        # part of the passphrase.
        text = data.split(b"\n", 1)[0].removesuffix(b"\r")
        source = f"passphrase file {args.passphrase_file}"
    elif args.passphrase_env is not None:
        value = os.environ.get(args.passphrase_env)
        if value is None:
            raise CliError(f"environment variable {args.passphrase_env} is not set")
        text = os.fsencode(value)
        source = f"environment variable {args.passphrase_env}"
    elif args.ask_passphrase:
        text = _prompt(confirm)
        source = "the passphrase typed"
    else:
        return None
    if not text:
        raise CliError(f"{source} is empty")
    return text


def _prompt(confirm: bool) -> bytes:
    try:
        first = getpass.getpass("Passphrase: ")
        if confirm and getpass.getpass("Passphrase again: ") != first:
            raise CliError("the two passphrases typed differ")
    except (EOFError, KeyboardInterrupt):
        raise CliError("no passphrase typed") from None
    return first.encode("utf-8")


def read_file(name: str) -> bytes:
    """The content of ``name`` (``-``: standard input), or a CliError naming the file."""
    try:
        if name == "-":
            return sys.stdin.buffer.read()
        with open(name, "rb") as f:
            return f.read()
    except OSError as exc:
        raise CliError(f"{name}: {exc.strerror}") from None


def load_private_key(name: str, password: bytes | None) -> PrivateKeyTypes:
    """The private key in file ``name`` (PEM or DER, any format oxicrypt reads), with
    errors that say what to do instead of what failed inside."""
    from oxicrypt.exceptions import UnsupportedAlgorithm
    from oxicrypt.hazmat.primitives import serialization

    data = read_file(name)
    pem = b"-----BEGIN" in data
    load = serialization.load_pem_private_key if pem else serialization.load_der_private_key
    try:
        return typing.cast("PrivateKeyTypes", load(data, password))
    except TypeError as exc:
        # The loaders report a missing or unexpected password as TypeError.
        if "not given" in str(exc):
            raise CliError(
                f"{name}: the key is encrypted; give its passphrase with --passphrase-file, "
                "--passphrase-env or --ask-passphrase"
            ) from None
        if "not encrypted" in str(exc):
            raise CliError(
                f"{name}: the key is not encrypted; leave out the passphrase option"
            ) from None
        raise CliError(f"{name}: {exc}") from None
    except ValueError as exc:
        if "password" in str(exc).lower():
            raise CliError(f"{name}: wrong passphrase") from None
        raise CliError(f"{name}: not a private key ({exc})") from None
    except UnsupportedAlgorithm as exc:
        raise CliError(f"{name}: {exc}") from None


def add_output_options(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    parser.add_argument(
        "-o",
        "--out",
        metavar="FILE",
        required=required,
        default=None if required else "-",
        help="where to write the result ('-' for standard output"
        + ("" if required else ", the default")
        + ")",
    )
    parser.add_argument(
        "-f", "--force", action="store_true", help="replace output files that exist"
    )


def check_files(
    force: bool,
    outputs: typing.Sequence[tuple[str, str | None]],
    inputs: typing.Sequence[tuple[str, str | None]] = (),
) -> None:
    """Refuses early, before any key is generated, any passphrase asked for or anything
    signed, a command line that could only fail later or lose data. ``outputs`` and
    ``inputs`` are (option, file name) pairs; None is an option not given, ``-`` is
    standard output or input. Refused:

    * two inputs from standard input: the first read would consume all of it and the
      second would fail with a misleading message;
    * two outputs that are the same file, compared as files (``key.pem``, ``./key.pem``,
      a symbolic or hard link to it), so that one never overwrites the other;
    * an output whose directory does not exist, or that is itself a directory;
    * an output that replaces one of the command's own input files, ``--force`` or not
      (``csr -k key.pem -o key.pem`` would lose the key);
    * an output that exists, without ``--force``.
    """
    stdin = [option for option, name in inputs if name == "-"]
    if len(stdin) > 1:
        both = "both" if len(stdin) == 2 else "all"
        raise CliError(f"{_and(stdin)} {both} read standard input ('-'); only one of them can")
    given = [(option, name) for option, name in outputs if name is not None]
    for i, (option, name) in enumerate(given):
        for other_option, other in given[:i]:
            if _same_output(name, other):
                raise CliError(f"{other_option} and {option} name the same file")
    for _, name in given:
        _check_output(name, force, [n for _, n in inputs if n is not None and n != "-"])


def _and(options: list[str]) -> str:
    """``--a and --b``, ``--a, --b and --c``."""
    return ", ".join(options[:-1]) + " and " + options[-1]


def _same_output(a: str, b: str) -> bool:
    if a == "-" or b == "-":
        return a == b
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        # Two names of one file that realpath cannot see: hard links, bind mounts.
        return os.path.samefile(a, b)
    except OSError:
        return False


def _check_output(name: str, force: bool, inputs: list[str]) -> None:
    if name == "-":
        return
    directory = os.path.dirname(name) or os.curdir
    if not os.path.isdir(directory):
        if os.path.lexists(directory):
            raise CliError(f"{name}: {directory} is not a directory")
        raise CliError(f"{name}: directory {directory} does not exist")
    if os.path.isdir(name):
        raise CliError(f"{name} is a directory; give a file name")
    if not os.path.lexists(name):
        return
    for source in inputs:
        try:
            same = os.path.samefile(name, source)
        except OSError:
            continue
        if same:
            raise CliError(f"{name} is also an input of the command; write to another file")
    if not force:
        raise CliError(f"{name} exists; use --force to replace it")


def write_output(name: str, data: bytes, mode: int, force: bool) -> None:
    """Writes ``data`` to the file ``name`` atomically with permission bits ``mode``, or
    to standard output for ``-``."""
    if name == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        write_atomic(name, data, mode, overwrite=force)
    except (FileExistsError, IsADirectoryError):
        # Only if something appeared there since check_files looked.
        if os.path.isdir(name):
            raise CliError(f"{name} is a directory; give a file name") from None
        raise CliError(f"{name} exists; use --force to replace it") from None
    except OSError as exc:
        raise CliError(f"{name}: {exc.strerror}") from None


def remove_output(name: str) -> None:
    """Removes the file ``name`` that this command has just written, when a later step
    fails; best effort, since the error being reported matters more."""
    if name == "-":
        return
    try:
        os.unlink(name)
    except OSError:
        pass


def guarded(
    run: typing.Callable[[argparse.Namespace], int],
) -> typing.Callable[[argparse.Namespace], int]:
    """``run`` with the library's own input errors (a name attribute too long, a key the
    OpenSSL build cannot use, ...) turned into CliError, so that the user sees one line
    and not a traceback."""

    def wrapper(args: argparse.Namespace) -> int:
        from oxicrypt.exceptions import UnsupportedAlgorithm

        try:
            return run(args)
        except (ValueError, UnsupportedAlgorithm) as exc:
            raise CliError(str(exc)) from None

    return wrapper
