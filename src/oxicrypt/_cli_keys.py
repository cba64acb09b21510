"""``oxicrypt keygen``: a new private key as a PKCS #8 PEM file, encrypted on request."""

from __future__ import annotations

import argparse
import typing

from oxicrypt._cli_common import (
    PUBLIC_MODE,
    SECRET_MODE,
    CliError,
    add_output_options,
    add_passphrase_options,
    check_files,
    guarded,
    passphrase,
    remove_output,
    write_output,
)

if typing.TYPE_CHECKING:
    from oxicrypt.hazmat.primitives.asymmetric.types import PrivateKeyTypes

TYPES = ("ec", "rsa", "ed25519", "ed448", "ml-dsa-44", "ml-dsa-65", "ml-dsa-87")
DEFAULT_TYPE = "ec"
DEFAULT_CURVE = "P-256"
# 3072 bits matches the 128-bit security of P-256 (NIST SP 800-57 part 1, table 2);
# below 2048 bits is refused, beyond 16384 generation takes minutes for no real gain.
DEFAULT_BITS = 3072
MIN_BITS = 2048
MAX_BITS = 16384

# Curve names as people write them, upper-cased and without "-" or "_", to the canonical
# name the help and the errors show and the class attribute of `ec` that implements it.
_CURVES = {
    "P-256": "SECP256R1",
    "P-384": "SECP384R1",
    "P-521": "SECP521R1",
    "secp256k1": "SECP256K1",
    "brainpoolP256r1": "BrainpoolP256R1",
    "brainpoolP384r1": "BrainpoolP384R1",
    "brainpoolP512r1": "BrainpoolP512R1",
}
_CURVE_ALIASES = {
    "P256": "P-256",
    "SECP256R1": "P-256",
    "PRIME256V1": "P-256",
    "P384": "P-384",
    "SECP384R1": "P-384",
    "P521": "P-521",
    "SECP521R1": "P-521",
    "SECP256K1": "secp256k1",
    "BRAINPOOLP256R1": "brainpoolP256r1",
    "BRAINPOOLP384R1": "brainpoolP384r1",
    "BRAINPOOLP512R1": "brainpoolP512r1",
}


def curve_name(text: str) -> str:
    """The canonical name of the curve ``text`` names (``p256``, ``prime256v1``, ...)."""
    canonical = _CURVE_ALIASES.get(text.upper().replace("-", "").replace("_", ""))
    if canonical is None:
        raise CliError(f"unsupported curve {text!r}; choose one of {', '.join(_CURVES)}")
    return canonical


def generate(key_type: str, bits: int | None, curve: str | None) -> PrivateKeyTypes:
    """A new key; ``bits`` only for RSA and ``curve`` only for EC."""
    from oxicrypt.exceptions import UnsupportedAlgorithm
    from oxicrypt.hazmat.primitives.asymmetric import ec, ed448, ed25519, mldsa, rsa

    if bits is not None and key_type != "rsa":
        raise CliError(f"--bits applies to rsa keys, not {key_type}")
    if curve is not None and key_type != "ec":
        raise CliError(f"--curve applies to ec keys, not {key_type}")
    try:
        if key_type == "rsa":
            size = DEFAULT_BITS if bits is None else bits
            if not MIN_BITS <= size <= MAX_BITS:
                raise CliError(f"--bits must be from {MIN_BITS} to {MAX_BITS}, not {size}")
            return rsa.generate_private_key(65537, size)
        if key_type == "ec":
            name = curve_name(DEFAULT_CURVE if curve is None else curve)
            curve_class: type[ec.EllipticCurve] = getattr(ec, _CURVES[name])
            key: PrivateKeyTypes = ec.generate_private_key(curve_class())  # type: ignore[no-untyped-call]
            return key
        if key_type == "ed25519":
            return ed25519.Ed25519PrivateKey.generate()
        if key_type == "ed448":
            return ed448.Ed448PrivateKey.generate()
        if key_type == "ml-dsa-44":
            return mldsa.MLDSA44PrivateKey.generate()
        if key_type == "ml-dsa-65":
            return mldsa.MLDSA65PrivateKey.generate()
        if key_type == "ml-dsa-87":
            return mldsa.MLDSA87PrivateKey.generate()
    except UnsupportedAlgorithm as exc:
        raise CliError(f"{key_type} keys are not available here: {exc}") from None
    raise CliError(f"unknown key type {key_type!r}")


def _keygen(args: argparse.Namespace) -> int:
    from oxicrypt.hazmat.primitives import serialization

    # Every refusal comes before the passphrase prompt and the (possibly slow) generation,
    # and before any file is written, so that a mistake never leaves a key without its
    # public half or vice versa.
    check_files(
        args.force,
        [("--out", args.out), ("--pubout", args.pubout)],
        [("--passphrase-file", args.passphrase_file)],
    )
    password = passphrase(args, confirm=True)
    key = generate(args.type, args.bits, args.curve)
    encryption: serialization.KeySerializationEncryption = (
        serialization.NoEncryption()
        if password is None
        else serialization.BestAvailableEncryption(password)
    )
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    if args.pubout is None:
        write_output(args.out, pem, SECRET_MODE, args.force)
        return 0
    # A write can still fail after the checks (disk full, no write permission, Ctrl-C).
    # The public key goes first, and is removed if the private key then cannot be
    # written: a new public key without its private key is useless, and nothing is lost
    # by removing it, since the old private key (if any) is still there, unchanged, and
    # its public half can be derived from it again. The other order would be worse with
    # --force: the old private key would already be replaced when the public key fails,
    # so the new private key would have to be kept without its public half (removing it
    # too would lose both keys).
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    write_output(args.pubout, public, PUBLIC_MODE, args.force)
    try:
        write_output(args.out, pem, SECRET_MODE, args.force)
    except BaseException:
        remove_output(args.pubout)
        raise
    return 0


def register(commands: typing.Any) -> None:
    """Adds ``keygen`` to the subcommands of the ``oxicrypt`` parser."""
    k = commands.add_parser(
        "keygen",
        help="generate a private key (PKCS #8 PEM, optionally encrypted)",
        description="Generates a private key and writes it as PKCS #8 PEM, readable by its "
        "owner only. With a passphrase option the key is encrypted.",
    )
    k.add_argument(
        "-t",
        "--type",
        choices=TYPES,
        default=DEFAULT_TYPE,
        help=f"key type (default: {DEFAULT_TYPE})",
    )
    k.add_argument(
        "--bits",
        type=int,
        help=f"RSA modulus size, {MIN_BITS} to {MAX_BITS} (default: {DEFAULT_BITS})",
    )
    k.add_argument(
        "--curve",
        help=f"EC curve: {', '.join(_CURVES)} (default: {DEFAULT_CURVE})",
    )
    add_output_options(k, required=True)
    k.add_argument("--pubout", metavar="FILE", help="also write the public key (SPKI PEM)")
    add_passphrase_options(k, "to encrypt the key with")
    k.set_defaults(run=guarded(_keygen))
