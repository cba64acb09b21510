"""``oxicrypt csr``, ``oxicrypt selfsign`` and ``oxicrypt sign``: requests and
certificates with the extensions a TLS deployment needs, without a configuration file.

The module imports only the standard library at load time; oxicrypt.x509 is imported when
a command runs (``oxicrypt hash`` should not pay for it).
"""

from __future__ import annotations

import argparse
import datetime
import ipaddress
import itertools
import re
import typing

from oxicrypt._cli_common import (
    PUBLIC_MODE,
    CliError,
    add_output_options,
    add_passphrase_options,
    check_files,
    guarded,
    load_private_key,
    passphrase,
    read_file,
    write_output,
)

if typing.TYPE_CHECKING:
    from oxicrypt import x509
    from oxicrypt.hazmat.primitives import hashes
    from oxicrypt.hazmat.primitives.asymmetric.types import (
        CertificateIssuerPrivateKeyTypes,
        CertificatePublicKeyTypes,
        PrivateKeyTypes,
    )

# notBefore lies this far in the past, so that a client whose clock is somewhat behind
# does not reject a certificate issued a moment ago as "not yet valid".
BACKDATE = datetime.timedelta(hours=1)
# Default lifetimes in days. 365 keeps leaves under the 398 days browsers accept.
LEAF_DAYS = 365
INTERMEDIATE_DAYS = 5 * 365
ROOT_DAYS = 10 * 365
# About 270 years: far beyond any sensible certificate, well within datetime's range.
MAX_DAYS = 100_000

_HASHES = ("sha256", "sha384", "sha512")
_PROFILES = ("server", "client", "intermediate")

# Attribute type names accepted in --subject besides the RFC 4514 ones, as OpenSSL
# spells them (SN is the surname, as in OpenSSL, not the serial number).
_EXTRA_ATTRIBUTES = {
    "emailAddress": "EMAIL_ADDRESS",
    "serialNumber": "SERIAL_NUMBER",
    "SN": "SURNAME",
    "GN": "GIVEN_NAME",
    "title": "TITLE",
    "postalCode": "POSTAL_CODE",
}
_RFC4514_ATTRIBUTES = {
    "CN": "COMMON_NAME",
    "C": "COUNTRY_NAME",
    "L": "LOCALITY_NAME",
    "ST": "STATE_OR_PROVINCE_NAME",
    "O": "ORGANIZATION_NAME",
    "OU": "ORGANIZATIONAL_UNIT_NAME",
    "STREET": "STREET_ADDRESS",
    "DC": "DOMAIN_COMPONENT",
    "UID": "USER_ID",
}
# A host name as found in a CN: letters, digits and hyphens in dot-separated labels, with
# an optional leading wildcard label.
_HOSTNAME = re.compile(
    r"(\*\.)?[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
)


# --- subjects and subject alternative names -------------------------------------------


def _attribute_names() -> dict[str, typing.Any]:
    """Attribute type names, matched without regard to case (RFC 4514 says types are
    case-insensitive; people write ``cn=``)."""
    from oxicrypt.x509.oid import NameOID

    names: dict[str, typing.Any] = {}
    for short, attr in _RFC4514_ATTRIBUTES.items():
        # Every upper/lower spelling: at most 2**6 of them, for STREET.
        for letters in itertools.product(*((c.lower(), c.upper()) for c in short)):
            names["".join(letters)] = getattr(NameOID, attr)
    for name, attr in _EXTRA_ATTRIBUTES.items():
        for spelling in (name, name.lower(), name.upper()):
            names[spelling] = getattr(NameOID, attr)
    return names


def parse_subject(text: str) -> x509.Name:
    """The Name written as RFC 4514 text, most specific attribute first:
    ``CN=example.com,O=Example,C=NL``."""
    from oxicrypt import x509

    if text.startswith("/"):
        # The `openssl req -subj` form; its order is the reverse of RFC 4514's, so a
        # silent conversion would be easy to get wrong: ask for the other form instead.
        raise CliError(
            f"--subject {text!r}: write it as RFC 4514, most specific first, e.g. "
            "'CN=example.com,O=Example,C=NL' (not OpenSSL's '/C=NL/O=Example/CN=...')"
        )
    try:
        name = x509.Name.from_rfc4514_string(text, _attribute_names())
    except ValueError as exc:
        hint = " (no spaces after the commas)" if ", " in text else ""
        raise CliError(f"--subject {text!r}: {exc}{hint}") from None
    if not list(name):
        raise CliError("--subject must name at least one attribute, e.g. 'CN=example.com'")
    return name


def parse_san(text: str) -> x509.GeneralName:
    """One subject alternative name: ``DNS:host``, ``IP:address``, ``email:address`` or
    ``URI:uri`` (the type is case-insensitive)."""
    from oxicrypt import x509

    kind, sep, value = text.partition(":")
    kind = kind.upper()
    if not sep or not value:
        raise CliError(f"--san {text!r}: expected TYPE:VALUE with TYPE DNS, IP, email or URI")
    if kind == "DNS":
        if not value.isascii():
            raise CliError(f"--san {text!r}: write international names as A-labels (xn--...)")
        if _is_ip(value):
            raise CliError(f"--san {text!r}: an address goes in IP:{value}")
        if not _HOSTNAME.fullmatch(value):
            raise CliError(f"--san {text!r}: not a host name")
        return typing.cast("x509.GeneralName", x509.DNSName(value))
    if kind == "IP":
        try:
            return typing.cast("x509.GeneralName", x509.IPAddress(ipaddress.ip_address(value)))
        except ValueError:
            raise CliError(f"--san {text!r}: not an IPv4 or IPv6 address") from None
    if kind == "EMAIL":
        if "@" not in value or not value.isascii():
            raise CliError(f"--san {text!r}: not an e-mail address")
        return x509.RFC822Name(value)
    if kind == "URI":
        if ":" not in value or not value.isascii():
            raise CliError(f"--san {text!r}: not an absolute URI")
        return typing.cast("x509.GeneralName", x509.UniformResourceIdentifier(value))
    raise CliError(f"--san {text!r}: unknown type {kind!r}; use DNS, IP, email or URI")


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _names_from_cn(subject: x509.Name) -> list[x509.GeneralName]:
    """The subject's common names that are host names or addresses, as SAN entries: what
    a server certificate needs when no --san was given (TLS clients ignore the CN)."""
    from oxicrypt import x509
    from oxicrypt.x509.oid import NameOID

    names: list[x509.GeneralName] = []
    for attribute in subject.get_attributes_for_oid(NameOID.COMMON_NAME):
        value = attribute.value
        assert isinstance(value, str)
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(value)))
        except ValueError:
            if _HOSTNAME.fullmatch(value) and value.isascii():
                names.append(x509.DNSName(value))
    return names


# --- keys and signing -------------------------------------------------------------------


def _signing_key(name: str, key: PrivateKeyTypes) -> CertificateIssuerPrivateKeyTypes:
    from oxicrypt.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, mldsa, rsa

    signing = (
        rsa.RSAPrivateKey,
        ec.EllipticCurvePrivateKey,
        ed25519.Ed25519PrivateKey,
        ed448.Ed448PrivateKey,
        dsa.DSAPrivateKey,
        mldsa.MLDSA44PrivateKey,
        mldsa.MLDSA65PrivateKey,
        mldsa.MLDSA87PrivateKey,
    )
    if not isinstance(key, signing):
        raise CliError(
            f"{name}: this key type cannot sign; use an rsa, ec, ed25519, ed448 or ml-dsa key"
        )
    return key


def _hash_for(
    key: CertificateIssuerPrivateKeyTypes, choice: str | None
) -> hashes.HashAlgorithm | None:
    """The digest to sign with: the one asked for, or one as strong as the key (SHA-384
    for P-384, SHA-512 for P-521 and larger, SHA-256 otherwise); None for the schemes that
    hash internally (Ed25519, Ed448, ML-DSA)."""
    from oxicrypt.hazmat.primitives import hashes
    from oxicrypt.hazmat.primitives.asymmetric import dsa, ec, rsa

    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey, dsa.DSAPrivateKey)):
        if choice is not None:
            from oxicrypt.x509.builder import _key_kind

            raise CliError(
                f"--hash does not apply to {_key_kind(key)} keys, which hash internally"
            )
        return None
    if choice is None:
        size = key.curve.key_size if isinstance(key, ec.EllipticCurvePrivateKey) else 256
        choice = "sha512" if size > 384 else "sha384" if size > 256 else "sha256"
    algorithm: hashes.HashAlgorithm = {
        "sha256": hashes.SHA256(),
        "sha384": hashes.SHA384(),
        "sha512": hashes.SHA512(),
    }[choice]
    return algorithm


def _key_usage(*, leaf_of: CertificatePublicKeyTypes | None) -> x509.KeyUsage:
    """keyCertSign and cRLSign for a CA (``leaf_of`` None); digitalSignature for a leaf,
    plus keyEncipherment for RSA keys (TLS 1.2 RSA key transport)."""
    from oxicrypt import x509
    from oxicrypt.hazmat.primitives.asymmetric import rsa

    ca = leaf_of is None
    return x509.KeyUsage(
        digital_signature=not ca,
        content_commitment=False,
        key_encipherment=isinstance(leaf_of, rsa.RSAPublicKey),
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)


def _days(value: str) -> int:
    try:
        days = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid number of days: {value!r}") from None
    if not 1 <= days <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"must be from 1 to {MAX_DAYS} days, not {days}")
    return days


def _path_length(value: str) -> int:
    try:
        length = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid path length: {value!r}") from None
    if length < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {length}")
    return length


def _check_files(args: argparse.Namespace, inputs: list[tuple[str, str]]) -> None:
    """The checks of :func:`check_files` on the one output and the inputs of ``csr``,
    ``selfsign`` or ``sign``, before a passphrase is asked for or a key is read."""
    check_files(
        args.force,
        [("--out", args.out)],
        [*inputs, ("--passphrase-file", args.passphrase_file)],
    )


def _read_signing_key(args: argparse.Namespace, name: str) -> CertificateIssuerPrivateKeyTypes:
    return _signing_key(name, load_private_key(name, passphrase(args)))


def _pem(obj: x509.Certificate | x509.CertificateSigningRequest) -> bytes:
    from oxicrypt.hazmat.primitives import serialization

    return obj.public_bytes(serialization.Encoding.PEM)


def _san_extension(
    builder: typing.Any, names: list[x509.GeneralName], subject: x509.Name
) -> typing.Any:
    from oxicrypt import x509

    if not names:
        return builder
    # RFC 5280, 4.2.1.6: critical exactly when the subject is empty.
    return builder.add_extension(x509.SubjectAlternativeName(names), critical=not list(subject))


# --- csr ------------------------------------------------------------------------------


def _csr(args: argparse.Namespace) -> int:
    from oxicrypt import x509

    _check_files(args, [("--key", args.key)])
    subject = parse_subject(args.subject)
    sans = [parse_san(s) for s in args.san]
    key = _read_signing_key(args, args.key)
    algorithm = _hash_for(key, args.hash)
    builder = _san_extension(
        x509.CertificateSigningRequestBuilder().subject_name(subject), sans, subject
    )
    request = builder.sign(key, algorithm)
    write_output(args.out, _pem(request), PUBLIC_MODE, args.force)
    return 0


# --- selfsign and sign ------------------------------------------------------------------


def _certificate(
    *,
    subject: x509.Name,
    issuer: x509.Name,
    public_key: CertificatePublicKeyTypes,
    not_before: datetime.datetime,
    not_after: datetime.datetime,
    ca_path_length: int | None,
    profile: str,
    sans: list[x509.GeneralName],
    authority_key_id: x509.AuthorityKeyIdentifier | None,
) -> typing.Any:
    """A CertificateBuilder with every field and the extensions of ``profile`` (server,
    client, or a CA for "root"/"intermediate" with ``ca_path_length``)."""
    from oxicrypt import x509
    from oxicrypt.x509.oid import ExtendedKeyUsageOID

    ca = profile in ("root", "intermediate")
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(
            x509.BasicConstraints(ca=ca, path_length=ca_path_length if ca else None),
            critical=True,
        )
        .add_extension(_key_usage(leaf_of=None if ca else public_key), critical=True)
    )
    if not ca:
        usage = (
            ExtendedKeyUsageOID.SERVER_AUTH
            if profile == "server"
            else ExtendedKeyUsageOID.CLIENT_AUTH
        )
        builder = builder.add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
    builder = builder.add_extension(
        x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False
    )
    if authority_key_id is not None:
        builder = builder.add_extension(authority_key_id, critical=False)
    return _san_extension(builder, sans, subject)


def _server_sans(
    sans: list[x509.GeneralName], subject: x509.Name, what: str
) -> list[x509.GeneralName]:
    if sans:
        return sans
    from_cn = _names_from_cn(subject)
    if not from_cn:
        raise CliError(
            f"{what} has no subject alternative name and its CN is not a host name; "
            "TLS clients only look at the SANs: give --san DNS:NAME"
        )
    return from_cn


def _selfsign(args: argparse.Namespace) -> int:
    _check_files(args, [("--key", args.key)])
    if args.path_length is not None and not args.ca:
        raise CliError("--path-length applies to CA certificates (--ca) only")
    subject = parse_subject(args.subject)
    sans = [parse_san(s) for s in args.san]
    if not args.ca:
        sans = _server_sans(sans, subject, "the certificate")
    key = _read_signing_key(args, args.key)
    algorithm = _hash_for(key, args.hash)
    now = _now()
    days = args.days if args.days is not None else ROOT_DAYS if args.ca else LEAF_DAYS
    builder = _certificate(
        subject=subject,
        issuer=subject,
        public_key=key.public_key(),
        not_before=now - BACKDATE,
        not_after=now + datetime.timedelta(days=days),
        ca_path_length=args.path_length,
        profile="root" if args.ca else "server",
        sans=sans,
        authority_key_id=None,  # optional for self-signed certificates (RFC 5280, 4.2.1.1)
    )
    write_output(args.out, _pem(builder.sign(key, algorithm)), PUBLIC_MODE, args.force)
    return 0


def _load_certificate(name: str) -> x509.Certificate:
    from oxicrypt import x509

    data = read_file(name)
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as exc:
        raise CliError(f"{name}: not a certificate ({exc})") from None


def _load_request(name: str) -> x509.CertificateSigningRequest:
    from oxicrypt import x509

    data = read_file(name)
    try:
        if b"-----BEGIN" in data:
            request = x509.load_pem_x509_csr(data)
        else:
            request = x509.load_der_x509_csr(data)
        valid = request.is_signature_valid
    except ValueError as exc:
        raise CliError(f"{name}: not a certificate signing request ({exc})") from None
    if not valid:
        raise CliError(f"{name}: the request's signature does not verify (altered or damaged)")
    return request


def _check_issuer(
    name: str, ca_cert: x509.Certificate, ca_key: CertificateIssuerPrivateKeyTypes
) -> int | None:
    """Refuses a CA certificate that may not issue certificates, or a key that is not its
    key. Returns the CA's path length constraint."""
    from oxicrypt import x509
    from oxicrypt.hazmat.primitives import serialization

    try:
        constraints = ca_cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        raise CliError(f"{name}: not a CA certificate (it has no basicConstraints)") from None
    if not constraints.ca:
        raise CliError(f"{name}: not a CA certificate (basicConstraints says CA:FALSE)")
    try:
        usage = ca_cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        pass
    else:
        if not usage.key_cert_sign:
            raise CliError(f"{name}: its keyUsage does not allow signing certificates")

    def spki(key: CertificatePublicKeyTypes) -> bytes:
        return key.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    if spki(ca_key.public_key()) != spki(ca_cert.public_key()):
        raise CliError(f"--ca-key does not belong to {name}: their public keys differ")
    return constraints.path_length


def _authority_key_id(ca_cert: x509.Certificate) -> x509.AuthorityKeyIdentifier:
    """The AKI of certificates issued by ``ca_cert``: its SKI when it has one, so that
    path builders match them, otherwise one derived from its public key."""
    from oxicrypt import x509

    try:
        ski = ca_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    except x509.ExtensionNotFound:
        return x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_cert.public_key())
    return x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski)


def _sign(args: argparse.Namespace) -> int:
    from oxicrypt import x509

    _check_files(
        args, [("--ca-cert", args.ca_cert), ("--ca-key", args.ca_key), ("--csr", args.csr)]
    )
    profile = args.profile
    if args.path_length is not None and profile != "intermediate":
        raise CliError("--path-length applies to --profile intermediate only")
    ca_cert = _load_certificate(args.ca_cert)
    ca_key = _read_signing_key(args, args.ca_key)
    ca_path_length = _check_issuer(args.ca_cert, ca_cert, ca_key)
    algorithm = _hash_for(ca_key, args.hash)
    request = _load_request(args.csr)

    path_length = None
    if profile == "intermediate":
        # An intermediate that may issue only leaves, unless asked otherwise; the CA's own
        # constraint caps it (RFC 5280, 4.2.1.9).
        path_length = 0 if args.path_length is None else args.path_length
        if ca_path_length is not None and path_length >= ca_path_length:
            if ca_path_length == 0:
                raise CliError(
                    f"{args.ca_cert}: its path length constraint is 0, so it may issue "
                    "leaf certificates only"
                )
            raise CliError(
                f"--path-length must be below the CA's path length constraint "
                f"{ca_path_length}, so at most {ca_path_length - 1}"
            )

    try:
        sans = list(request.extensions.get_extension_for_class(x509.SubjectAlternativeName).value)
    except x509.ExtensionNotFound:
        sans = []
    if profile == "server":
        sans = _server_sans(sans, request.subject, args.csr)

    now = _now()
    days = args.days
    if days is None:
        days = INTERMEDIATE_DAYS if profile == "intermediate" else LEAF_DAYS
    not_after = now + datetime.timedelta(days=days)
    ca_not_after = ca_cert.not_valid_after_utc
    if ca_not_after <= now:
        raise CliError(
            f"{args.ca_cert}: the CA certificate expired on {ca_not_after:%Y-%m-%d %H:%M:%S} UTC"
        )
    if not_after > ca_not_after:
        # Refused, not shortened: a certificate should last as long as asked or fail.
        most = (ca_not_after - now).days
        hint = f"--days {most} at most" if most >= 1 else "renew the CA certificate first"
        raise CliError(
            f"a certificate valid for {days} days would outlive its CA certificate "
            f"(valid until {ca_not_after:%Y-%m-%d %H:%M:%S} UTC); {hint}"
        )
    # Never earlier than the CA itself: that span would be outside the CA's validity.
    not_before = max(now - BACKDATE, ca_cert.not_valid_before_utc)

    builder = _certificate(
        subject=request.subject,
        issuer=ca_cert.subject,
        public_key=request.public_key(),
        not_before=not_before,
        not_after=not_after,
        ca_path_length=path_length,
        profile=profile,
        sans=sans,
        authority_key_id=_authority_key_id(ca_cert),
    )
    write_output(args.out, _pem(builder.sign(ca_key, algorithm)), PUBLIC_MODE, args.force)
    return 0


# --- registration ---------------------------------------------------------------------


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--hash",
        choices=_HASHES,
        help="digest for RSA, ECDSA and DSA signatures (default: sha256, or sha384/sha512 "
        "for P-384/P-521 keys); Ed25519, Ed448 and ML-DSA take none",
    )
    add_output_options(parser)


def _add_key_and_subject(parser: argparse.ArgumentParser) -> None:
    """The signing key and the names of ``csr`` and ``selfsign``."""
    parser.add_argument(
        "-k", "--key", required=True, metavar="KEY", help="the private key (PEM or DER)"
    )
    add_passphrase_options(parser, "of KEY")
    parser.add_argument(
        "-s",
        "--subject",
        required=True,
        help="the subject in RFC 4514 form, most specific first: 'CN=example.com,O=Example'",
    )
    parser.add_argument(
        "--san",
        action="append",
        default=[],
        metavar="TYPE:VALUE",
        help="a subject alternative name: DNS:NAME, IP:ADDRESS, email:ADDRESS or URI:URI "
        "(repeatable)",
    )


def register(commands: typing.Any) -> None:
    """Adds ``csr``, ``selfsign`` and ``sign`` to the subcommands of the ``oxicrypt``
    parser."""

    c = commands.add_parser(
        "csr",
        help="create a certificate signing request",
        description="Creates a certificate signing request (PKCS #10) signed by KEY.",
    )
    _add_key_and_subject(c)
    _add_common(c)
    c.set_defaults(run=guarded(_csr))

    s = commands.add_parser(
        "selfsign",
        help="create a self-signed certificate (a root CA with --ca)",
        description="Creates a self-signed certificate: a TLS server certificate, or with "
        "--ca the certificate of a root CA.",
    )
    _add_key_and_subject(s)
    s.add_argument(
        "--days",
        type=_days,
        help=f"validity in days (default: {LEAF_DAYS}, with --ca {ROOT_DAYS})",
    )
    s.add_argument("--ca", action="store_true", help="make a CA certificate")
    s.add_argument(
        "--path-length",
        type=_path_length,
        metavar="N",
        help="with --ca: how many intermediate CAs may follow (default: no limit)",
    )
    _add_common(s)
    s.set_defaults(run=guarded(_selfsign))

    g = commands.add_parser(
        "sign",
        help="issue a certificate from a request, with a CA's key",
        description="Issues a certificate for the subject, key and subject alternative "
        "names of a certificate signing request, signed by a CA.",
    )
    g.add_argument("--ca-cert", required=True, metavar="CERT", help="the CA's certificate")
    g.add_argument("--ca-key", required=True, metavar="KEY", help="the CA's private key")
    add_passphrase_options(g, "of the CA key")
    g.add_argument(
        "--csr", required=True, metavar="REQUEST", help="the certificate signing request"
    )
    g.add_argument(
        "-p",
        "--profile",
        choices=_PROFILES,
        default="server",
        help="what the certificate is for (default: server)",
    )
    g.add_argument(
        "--days",
        type=_days,
        help=f"validity in days (default: {LEAF_DAYS}, intermediate {INTERMEDIATE_DAYS})",
    )
    g.add_argument(
        "--path-length",
        type=_path_length,
        metavar="N",
        help="for an intermediate: how many CAs may follow it (default: 0)",
    )
    _add_common(g)
    g.set_defaults(run=guarded(_sign))
