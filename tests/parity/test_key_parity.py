"""oxicrypt's key loaders decide like OpenSSL's C decoders on the key files of
``cryptography_vectors`` (every ``.pem``, ``.der``, ``.key`` and ``.pub`` file under
``asymmetric/``).

Each file is offered to OpenSSL (``oxicrypt._rust._parity``: ``PEM_read_bio_PrivateKey``
/ ``d2i_AutoPrivateKey`` and ``PEM_read_bio_PUBKEY`` / ``d2i_PUBKEY``, PEM or DER as the
content says) as a private key and as a public key, without a password. Then:

* where OpenSSL reads an RSA, EC, DSA, DH (PKCS #3 or X9.42), Ed25519, Ed448, X25519 or
  X448 key, oxicrypt reads the same key: the same type and the same SubjectPublicKeyInfo;
  and OpenSSL reads what oxicrypt writes back (PKCS #8) as the same key;
* where OpenSSL reads nothing, oxicrypt raises ValueError, TypeError or
  UnsupportedAlgorithm.

Files OpenSSL reads as ML-DSA and ML-KEM keys (``NOT_YET_COMPARED``) are compared
by ``test_pq_key_parity.py`` instead; every other file is part of this suite.
``DEVIATIONS`` lists the files where the reference
(pyca/cryptography, whose behaviour oxicrypt reproduces) deliberately decides otherwise
than OpenSSL, or writes another SubjectPublicKeyInfo for the key; they are checked against
the reference instead: the same key and SubjectPublicKeyInfo where the reference reads the
file, an exception of the same class where it does not. ``OXICRYPT_DIFFERENCES`` lists the
few of them where oxicrypt deliberately decides otherwise than the reference too (each
recorded in docs/parity.rst).
"""

from __future__ import annotations

import dataclasses
from types import ModuleType
from typing import Any, Callable

import pytest

from oxicrypt._rust import _parity
from oxicrypt.exceptions import UnsupportedAlgorithm
from oxicrypt.hazmat.primitives import serialization
from oxicrypt.hazmat.primitives.asymmetric import (
    dh,
    dsa,
    ec,
    ed448,
    ed25519,
    rsa,
    x448,
    x25519,
)
from tests.vectors import VECTORS_ROOT

ASYMMETRIC = VECTORS_ROOT / "asymmetric"
KEY_FILE_SUFFIXES = (".pem", ".der", ".key", ".pub")

# OpenSSL's type name -> oxicrypt's (private, public) key classes.
SUPPORTED_TYPES: dict[str, tuple[type[Any], type[Any]]] = {
    "RSA": (rsa.RSAPrivateKey, rsa.RSAPublicKey),
    "EC": (ec.EllipticCurvePrivateKey, ec.EllipticCurvePublicKey),
    "Ed25519": (ed25519.Ed25519PrivateKey, ed25519.Ed25519PublicKey),
    "Ed448": (ed448.Ed448PrivateKey, ed448.Ed448PublicKey),
    "X25519": (x25519.X25519PrivateKey, x25519.X25519PublicKey),
    "X448": (x448.X448PrivateKey, x448.X448PublicKey),
    "DSA": (dsa.DSAPrivateKey, dsa.DSAPublicKey),
    "DH": (dh.DHPrivateKey, dh.DHPublicKey),
    "DHX": (dh.DHPrivateKey, dh.DHPublicKey),
}

# Loading a DH key warns that finite-field Diffie-Hellman is deprecated, as in the reference.
pytestmark = pytest.mark.filterwarnings("ignore:Finite-field Diffie-Hellman")

# Corpus directories of key types the suite does not compare yet: ML-DSA and ML-KEM keys
# (which the `openssl` crate reports without a type name).
NOT_YET_COMPARED = ("MLDSA", "MLKEM")

REJECTIONS = (ValueError, TypeError, UnsupportedAlgorithm)

# Without a password OpenSSL's PEM reader calls its default passphrase callback, which
# prompts on the terminal for an encrypted file. A password no vector uses keeps it quiet
# (an unencrypted key ignores it), and an encrypted file then fails to decrypt: it is a
# file OpenSSL does not read without its password.
_NOT_THE_PASSWORD = b"oxicrypt parity: not the password of any vector file"

# (file, kind) -> (OpenSSL's type name or None, whether the reference reads it, why).
DEVIATIONS: dict[tuple[str, str], tuple[str | None, bool, str]] = {
    ("Ed25519/ed25519-pub-non-zero-unused-bits.der", "public"): (
        "Ed25519",
        False,
        "the key's BIT STRING declares unused bits: OpenSSL ignores them, the reference "
        "rejects the key",
    ),
    ("public/PKCS1/rsa.pub.der", "public"): (
        None,
        True,
        "a bare PKCS#1 RSAPublicKey: d2i_PUBKEY reads SubjectPublicKeyInfo only, the "
        "reference reads it as an RSA key",
    ),
    # RSA
    ("PEM_Serialization/rsa-bad-1025-q-is-2.pem", "private"): (
        "RSA",
        False,
        "q = 2: OpenSSL's decoder does not check the key, the reference runs OpenSSL's "
        "key check and refuses it",
    ),
    ("PKCS8/wrong-pem-delimiter-rsa.pem", "private"): (
        "RSA",
        False,
        "a PKCS#8 PrivateKeyInfo under an RSA PRIVATE KEY label: OpenSSL's decoders try "
        "every structure, the reference reads what the label names (PKCS#1) only",
    ),
    ("Traditional_OpenSSL_Serialization/rsa-wrong-version.pem", "private"): (
        "RSA",
        False,
        "RSAPrivateKey version 17 (only 0 and 1 exist): OpenSSL reads it, the reference "
        "refuses the version",
    ),
    **{
        (f"PKCS8/{name}", kind): (
            "RSA-PSS",
            True,
            "an RSASSA-PSS key: OpenSSL keeps the RSASSA-PSS AlgorithmIdentifier (with its "
            "parameters) in the SubjectPublicKeyInfo it writes, the reference reads the "
            "key as a plain RSA key and writes rsaEncryption",
        )
        for name, kind in (
            ("rsa_pss_2048.pem", "private"),
            ("rsa_pss_2048_hash.pem", "private"),
            ("rsa_pss_2048_hash_mask.pem", "private"),
            ("rsa_pss_2048_hash_mask_diff.pem", "private"),
            ("rsa_pss_2048_hash_mask_salt.pem", "private"),
            ("rsa_pss_2048_pub.der", "public"),
        )
    },
    # EC
    **{
        (f"EC/secp{bits}r1-{kind_part}explicit-{seed}.pem", kind): (
            "EC",
            True,
            "explicit curve parameters of a named curve: OpenSSL keeps the explicit "
            "parameters in the SubjectPublicKeyInfo it writes, the reference recognises the "
            "named curve and writes its OID",
        )
        for bits in (256, 384, 521)
        for kind_part, kind in (("", "private"), ("pub-", "public"))
        for seed in ("seed", "no-seed")
    },
    ("EC/secp256k1-explicit-no-seed.pem", "private"): (
        "EC",
        False,
        "explicit parameters of secp256k1 (no seed): OpenSSL reads them, the reference "
        "accepts explicit parameters of the NIST prime curves only",
    ),
    ("EC/secp256k1-pub-explicit-no-seed.pem", "public"): (
        "EC",
        False,
        "explicit parameters of secp256k1 (no seed): OpenSSL reads them, the reference "
        "accepts explicit parameters of the NIST prime curves only",
    ),
    **{
        (name, "private"): (
            "EC",
            False,
            "explicit parameters of a curve that is none of the reference's named curves: "
            "OpenSSL reads them, the reference does not support the curve",
        )
        for name in (
            "EC/explicit_parameters_wap_wsg_idm_ecid_wtls11_private_key.pem",
            "PKCS8/ec_oid_not_in_reg_private_2.pkcs8.pem",
            "PKCS8/nodompar_private.pkcs8.pem",
            "PKCS8/private.pem",
        )
    },
    ("EC/secp128r1_private_key.pem", "private"): (
        "EC",
        False,
        "secp128r1: OpenSSL has the curve, the reference does not",
    ),
    **{
        (f"EC/{name}-spki.pem", "public"): (
            "EC",
            False,
            "a binary curve: OpenSSL has it, the reference has no binary curves",
        )
        for name in ("sect163k1", "sect163r2", "sect233k1", "sect233r1")
    },
    ("EC/ec_private_key_non_zero_unused_bits.der", "private"): (
        "EC",
        False,
        "the public key's BIT STRING declares unused bits: OpenSSL ignores them, the "
        "reference rejects the key",
    ),
    ("EC/truncated-private-key.der", "private"): (
        "EC",
        False,
        "the private key OCTET STRING is shorter than the group order: OpenSSL reads the "
        "number, the reference rejects the encoding",
    ),
    ("PKCS8/ec-inconsistent-curve2.pem", "private"): (
        "EC",
        False,
        "the PKCS#8 AlgorithmIdentifier and the inner ECPrivateKey name different curves: "
        "OpenSSL uses one of them, the reference rejects the key",
    ),
    ("PKCS8/ec-invalid-private-scalar.pem", "private"): (
        "EC",
        False,
        "a private key OCTET STRING of 115 0xff bytes, a number far above the group "
        "order: OpenSSL's decoder takes it, the reference refuses the encoding",
    ),
    ("PKCS8/ec-invalid-version.pem", "private"): (
        "EC",
        False,
        "ECPrivateKey with a version other than 1: OpenSSL reads it, the reference "
        "refuses the version",
    ),
    ("PKCS8/invalid-version.der", "private"): (
        "EC",
        False,
        "PrivateKeyInfo version 2 (OneAsymmetricKey with extra fields): OpenSSL reads it, "
        "the reference reads version 1 only",
    ),
    # DSA
    ("DER_Serialization/dsa_public_key_invalid_bit_string.der", "public"): (
        "DSA",
        False,
        "the key's BIT STRING declares 2 unused bits, and they are not zero: OpenSSL "
        "ignores the count, the reference rejects the key",
    ),
    ("Traditional_OpenSSL_Serialization/dsa-wrong-version.pem", "private"): (
        "DSA",
        False,
        "DSAPrivateKey version 17 (only 0 exists): OpenSSL reads it, the reference refuses "
        "the version",
    ),
    ("public/PKCS1/dsa.pub.pem", "public"): (
        "DSA",
        False,
        "a bare DSA public key (y, p, q, g) under a DSA PUBLIC KEY label, OpenSSL's own "
        "legacy format: OpenSSL's PEM reader takes it, the reference reads "
        "SubjectPublicKeyInfo and PKCS#1 RSA public keys only",
    ),
}

# Private key files whose stored public value is not the one their private value gives.
# PKCS#8 has no place for a DSA public value: whoever reads it back computes g^x mod p, as
# OpenSSL, the reference and oxicrypt all do. The round trip of these files goes through
# the traditional format, which keeps the stored value. (file -> why the values differ)
INCONSISTENT_KEYS: dict[str, str] = {
    "DSA/custom/nilpotent.pem": "p = 3g and 3 divides g, so g^x mod p = 0 for every x > 1; "
    "the file stores y = 1",
}


# Deviating files where oxicrypt deliberately differs from the reference too, as
# docs/parity.rst ("Deliberate differences") records: (file, kind) -> (the exception class
# oxicrypt raises, why).
OXICRYPT_DIFFERENCES: dict[tuple[str, str], tuple[type[Exception], str]] = {
    (f"EC/secp{bits}r1-{kind_part}explicit-{seed}.pem", kind): (
        UnsupportedAlgorithm,
        "docs/parity.rst, 'EC keys with explicit curve parameters are refused': oxicrypt "
        "refuses explicit parameters even where they are those of P-256, P-384 or P-521",
    )
    for bits in (256, 384, 521)
    for kind_part, kind in (("", "private"), ("pub-", "public"))
    for seed in ("seed", "no-seed")
}


@dataclasses.dataclass(frozen=True)
class KeyFile:
    path: str  # relative to asymmetric/
    kind: str  # "private" or "public"
    pem: bool
    openssl_type: str | None  # None: OpenSSL's decoder rejects the file
    openssl_spki: bytes | None

    @property
    def id(self) -> str:
        return f"{self.path}:{self.kind}"

    def data(self) -> bytes:
        return (ASYMMETRIC / self.path).read_bytes()


def _openssl(data: bytes, kind: str, pem: bool) -> tuple[str, bytes] | None:
    if kind == "private":
        password = _NOT_THE_PASSWORD if pem else None
        return _parity.openssl_load_private_key(data, pem, password)
    return _parity.openssl_load_public_key(data, pem)


def _survey() -> list[KeyFile]:
    files = []
    for path in sorted(ASYMMETRIC.rglob("*")):
        if not path.is_file() or path.suffix not in KEY_FILE_SUFFIXES:
            continue
        data = path.read_bytes()
        pem = b"-----BEGIN " in data
        for kind in ("private", "public"):
            decoded = _openssl(data, kind, pem)
            files.append(
                KeyFile(
                    path.relative_to(ASYMMETRIC).as_posix(),
                    kind,
                    pem,
                    None if decoded is None else decoded[0],
                    None if decoded is None else decoded[1],
                )
            )
    return files


FILES = _survey()
READ_FILES = [
    f for f in FILES if f.openssl_type in SUPPORTED_TYPES and (f.path, f.kind) not in DEVIATIONS
]
REJECTED_FILES = [
    f for f in FILES if f.openssl_type is None and (f.path, f.kind) not in DEVIATIONS
]
DEVIATING_FILES = [f for f in FILES if (f.path, f.kind) in DEVIATIONS]


def _load(file: KeyFile, password: bytes | None = None) -> Any:
    """oxicrypt's loader for the file's kind and encoding."""
    encoding = "pem" if file.pem else "der"
    if file.kind == "private":
        return getattr(serialization, f"load_{encoding}_private_key")(file.data(), password)
    return getattr(serialization, f"load_{encoding}_public_key")(file.data())


def _spki(public_key: Any) -> bytes:
    data: bytes = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return data


def test_survey() -> None:
    """The walk found the files: every supported type as PKCS#8 and as SPKI, in PEM and
    DER, plus plenty OpenSSL rejects; and every deviation names a file that exists."""
    found = {(f.openssl_type, f.kind, f.pem) for f in READ_FILES}
    for name in SUPPORTED_TYPES:
        for kind in ("private", "public"):
            for pem in (True, False):
                assert (name, kind, pem) in found
    assert len(REJECTED_FILES) > 100
    assert {(f.path, f.kind) for f in DEVIATING_FILES} == set(DEVIATIONS)
    assert set(OXICRYPT_DIFFERENCES) <= set(DEVIATIONS)


@pytest.mark.parametrize("file", READ_FILES, ids=lambda f: f.id)
def test_files_openssl_reads(file: KeyFile) -> None:
    assert file.openssl_type is not None and file.openssl_spki is not None
    private_cls, public_cls = SUPPORTED_TYPES[file.openssl_type]
    key = _load(file)
    if file.kind == "private":
        assert isinstance(key, private_cls)
        assert _spki(key.public_key()) == file.openssl_spki
        # What oxicrypt writes back, OpenSSL reads as the same key, and so does oxicrypt.
        der = key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        again = _parity.openssl_load_private_key(der, False)
        assert again is not None and again[0] == file.openssl_type
        assert _spki(serialization.load_der_private_key(der, None).public_key()) == again[1]
        if file.path in INCONSISTENT_KEYS:
            _check_inconsistent(file, key, der)
        else:
            assert again[1] == file.openssl_spki
    else:
        assert isinstance(key, public_cls)
        assert _spki(key) == file.openssl_spki
        assert _parity.openssl_load_public_key(_spki(key), False) == (
            file.openssl_type,
            file.openssl_spki,
        )


def _check_inconsistent(file: KeyFile, key: Any, pkcs8: bytes) -> None:
    """An INCONSISTENT_KEYS file: its public value really is not the computed one, the
    PKCS#8 round trip computes it, and the traditional format keeps the stored one."""
    why = INCONSISTENT_KEYS[file.path]
    assert isinstance(key, dsa.DSAPrivateKey), why
    numbers = key.private_numbers()
    params = numbers.public_numbers.parameter_numbers
    computed = pow(params.g, numbers.x, params.p)
    assert computed != numbers.public_numbers.y, why
    # (The test's caller checked that OpenSSL and oxicrypt read back the same key.)
    read_back = serialization.load_der_private_key(pkcs8, None)
    assert read_back.public_key().public_numbers().y == computed, why
    traditional = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    assert _parity.openssl_load_private_key(traditional, False) == (
        file.openssl_type,
        file.openssl_spki,
    )


@pytest.mark.parametrize("file", REJECTED_FILES, ids=lambda f: f.id)
def test_files_openssl_rejects(file: KeyFile) -> None:
    with pytest.raises(REJECTIONS):
        _load(file)


@pytest.mark.parametrize("file", DEVIATING_FILES, ids=lambda f: f.id)
def test_deviations_from_openssl(file: KeyFile, reference: Callable[[str], ModuleType]) -> None:
    """Where the reference decides otherwise than OpenSSL (or writes another
    SubjectPublicKeyInfo): OpenSSL still decides as recorded (so the entry is still
    needed), the reference as recorded, and oxicrypt like the reference: the same key type
    and SubjectPublicKeyInfo where it reads the file, an exception of the same class where
    it does not."""
    openssl_type, reference_reads, why = DEVIATIONS[(file.path, file.kind)]
    assert file.openssl_type == openssl_type, why
    ref_ser = reference("hazmat.primitives.serialization")
    encoding = "pem" if file.pem else "der"
    args: tuple[None, ...] = (None,) if file.kind == "private" else ()
    loader = getattr(ref_ser, f"load_{encoding}_{file.kind}_key")
    try:
        theirs = loader(file.data(), *args)
    except Exception as e:
        assert not reference_reads, f"{why}: the reference now raises {e!r}"
        with pytest.raises(REJECTIONS) as info:
            _load(file)
        assert type(info.value).__name__ == type(e).__name__, why
        return
    assert reference_reads, f"{why}: the reference now reads the file"
    if (file.path, file.kind) in OXICRYPT_DIFFERENCES:
        error, reason = OXICRYPT_DIFFERENCES[(file.path, file.kind)]
        with pytest.raises(error):
            _load(file)
        assert "docs/parity.rst" in reason
        return
    their_public = theirs.public_key() if file.kind == "private" else theirs
    their_spki = their_public.public_bytes(
        ref_ser.Encoding.DER, ref_ser.PublicFormat.SubjectPublicKeyInfo
    )
    if file.openssl_spki is not None:
        # Both read the file: the entry is needed while their SubjectPublicKeyInfos differ.
        assert their_spki != file.openssl_spki, f"{why}: the reference now agrees with OpenSSL"
    ours = _load(file)
    assert type(ours).__name__ == type(theirs).__name__, why
    our_public = ours.public_key() if file.kind == "private" else ours
    assert _spki(our_public) == their_spki, why


def test_walk_covers_every_key_file_name() -> None:
    """The suffixes above name every key container of the tree: what is left are vector
    text files."""
    leftovers = {
        p.suffix
        for p in ASYMMETRIC.rglob("*")
        if p.is_file() and p.suffix not in KEY_FILE_SUFFIXES
    }
    assert leftovers <= {".txt", ".rsp", ".fax", ".sh", ".input"}, leftovers


def test_every_file_is_classified() -> None:
    """Every file and kind is compared: read by OpenSSL as a key type of the suite, rejected
    by OpenSSL, or a recorded deviation; the only exceptions are the key types of
    NOT_YET_COMPARED, whose files are there and hold nothing else."""
    classified = {f.id for f in READ_FILES + REJECTED_FILES + DEVIATING_FILES}
    unclassified = [f for f in FILES if f.id not in classified]
    assert {f.path.split("/")[0] for f in unclassified} == set(NOT_YET_COMPARED)
    assert all(f.openssl_type is not None for f in unclassified)
    assert not {f.openssl_type for f in unclassified} & set(SUPPORTED_TYPES)
