"""RSA against the known-answer files of ``cryptography_vectors`` (asymmetric/RSA):

* PKCS #1 v2.1 draft 2 vectors: RSAES-OAEP decryption (oaep-vect.txt), RSASSA-PSS
  verification (pss-vect.txt) and the intermediate-value files, whose BER encodings of
  the key are also what oxicrypt must write;
* the PKCS #1 v1.5 encryption and signature vectors (decryption; deterministic signatures
  byte for byte);
* OAEP with SHA-2 hashes and MGF1 hashes (oaep-custom/) and with a label (oaep-label.txt);
* NIST CAVP FIPS 186-2/186-3: PKCS #1 v1.5 and PSS SigGen (signatures verified, PKCS #1
  v1.5 ones reproduced byte for byte where the file gives d) and SigVer (every listed
  outcome), the EM format tests, X9.31 key generation (the recovery helpers) and the X9.31
  signature files (which oxicrypt, like the reference, does not implement: the keys are
  still checked, and an X9.31 signature is no PKCS #1 v1.5 signature).

Each vector file is one test (or one per key or section) that checks every vector of the
file and lists all failures; the 4096-bit parts of the largest CAVP files are sampled
(every third vector) to keep the suite fast.
"""

from __future__ import annotations

import re

import pytest

from oxicrypt.exceptions import InvalidSignature
from oxicrypt.hazmat.primitives import hashes, serialization
from oxicrypt.hazmat.primitives.asymmetric import padding, rsa
from tests.vectors import vector_path

from ._curves import seq, tlv
from .test_rsa_support import (
    Failures,
    TextKey,
    cavp_records,
    hash_for,
    hex_between,
    labelled_hex,
    parse_pkcs1_text,
    rsa_private_key,
    rsa_public_key,
    rsa_walk,
    text_key,
)

_VECTOR_DIR = ("asymmetric", "RSA")


def _text(*parts: str) -> str:
    return vector_path(*_VECTOR_DIR, *parts).read_text(encoding="ascii")


def _digest(algorithm: hashes.HashAlgorithm, data: bytes) -> bytes:
    h = hashes.Hash(algorithm)
    h.update(data)
    return h.finalize()


def _pss(salt_length: object, mgf_hash: hashes.HashAlgorithm | None = None) -> padding.PSS:
    return padding.PSS(padding.MGF1(mgf_hash or hashes.SHA1()), salt_length)  # type: ignore[arg-type]


def _expect_invalid(call: object) -> None:
    assert callable(call)
    try:
        call()
    except InvalidSignature:
        return
    raise AssertionError("no InvalidSignature")


# -- PKCS #1 v2.1 draft 2 ----------------------------------------------------------------

OAEP_VECT = parse_pkcs1_text(_text("pkcs-1v2-1d2-vec", "oaep-vect.txt"))
PSS_VECT = parse_pkcs1_text(_text("pkcs-1v2-1d2-vec", "pss-vect.txt"))
_SHA1_OAEP = padding.OAEP(padding.MGF1(hashes.SHA1()), hashes.SHA1(), None)


def _key_ids(keys: list[TextKey]) -> list[str]:
    return [f"key{i + 1}-{len(k.fields['n']) * 4}bit" for i, k in enumerate(keys)]


@pytest.mark.parametrize("key", OAEP_VECT, ids=_key_ids(OAEP_VECT))
def test_pkcs1v21_oaep_decryption(key: TextKey) -> None:
    """Every example decrypts to its message (SHA-1, MGF1-SHA-1, no label); the key sizes
    run from 1024 to 1031 bits and then 1536 and 2048."""
    private = text_key(key)
    assert private.key_size == key.int("n").bit_length()
    failures = Failures(key.title)
    for example in key.examples:

        def run(example=example) -> None:  # type: ignore[no-untyped-def]
            plain = private.decrypt(example.hex("ciphertext"), _SHA1_OAEP)
            assert plain == example.hex("message")

        failures.check(example, run)
    failures.assert_none(minimum=6)
    # Encryption is randomised (the vectors' seeds cannot be supplied): round trip instead.
    message = key.examples[0].hex("message")
    ciphertext = private.public_key().encrypt(message, _SHA1_OAEP)
    assert len(ciphertext) == (private.key_size + 7) // 8
    assert ciphertext != key.examples[0].hex("ciphertext")
    assert private.decrypt(ciphertext, _SHA1_OAEP) == message


@pytest.mark.parametrize("key", PSS_VECT, ids=_key_ids(PSS_VECT))
def test_pkcs1v21_pss_verification(key: TextKey) -> None:
    """Every example verifies with its salt's length and with AUTO; a signature checked
    with another salt length, or for another message, does not."""
    public = text_key(key).public_key()
    failures = Failures(key.title)
    for example in key.examples:

        def run(example=example) -> None:  # type: ignore[no-untyped-def]
            message, signature = example.hex("message"), example.hex("signature")
            salt_length = len(example.hex("salt"))
            assert salt_length == 20
            public.verify(signature, message, _pss(salt_length), hashes.SHA1())
            public.verify(signature, message, _pss(padding.PSS.AUTO), hashes.SHA1())
            _expect_invalid(lambda: public.verify(signature, message, _pss(19), hashes.SHA1()))
            _expect_invalid(
                lambda: public.verify(signature, message + b"\x00", _pss(20), hashes.SHA1())
            )

        failures.check(example, run)
    failures.assert_none(minimum=6)


def _int_file_key(values: dict[str, bytes], modulus: str = "Modulus") -> rsa.RSAPrivateKey:
    def number(name: str) -> int:
        return int.from_bytes(values[name], "big")

    exponent = "Private exponent" if "Private exponent" in values else "Exponent"
    return rsa.RSAPrivateNumbers(
        p=number("Prime 1"),
        q=number("Prime 2"),
        d=number(exponent),
        dmp1=number("Prime exponent 1"),
        dmq1=number("Prime exponent 2"),
        iqmp=number("Coefficient"),
        public_numbers=rsa.RSAPublicNumbers(number("Public exponent"), number(modulus)),
    ).private_key()


def test_pkcs1v21_oaep_intermediate_values() -> None:
    """oaep-int.txt: the ciphertext decrypts to the message, and the file's BER encodings
    of RSAPublicKey and RSAPrivateKey (which are DER) are exactly what oxicrypt writes as
    PKCS1 and TraditionalOpenSSL DER; the PKCS#8 form wraps the latter."""
    text = _text("pkcs-1v2-1d2-vec", "oaep-int.txt")
    values = labelled_hex(text)
    key = _int_file_key(values)
    ciphertext = values["Ciphertext, the RSA encryption of EM"]
    assert key.decrypt(ciphertext, _SHA1_OAEP) == values["Message to be encrypted"]
    public_der = hex_between(text, "RSAPublicKey", "RSAPrivateKey")
    private_der = hex_between(text, "RSAPrivateKey", "PrivateKeyInfo (PKCS #8)")
    assert (
        key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.PKCS1)
        == public_der
    )
    assert (
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
        == private_der
    )
    rsa_encryption = tlv(0x06, bytes.fromhex("2a864886f70d010101"))
    pkcs8 = seq(tlv(0x02, b"\x00"), seq(rsa_encryption, b"\x05\x00"), tlv(0x04, private_der))
    assert (
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        == pkcs8
    )
    # And the encodings read back as the same key.
    loaded = serialization.load_der_private_key(private_der, None)
    assert isinstance(loaded, rsa.RSAPrivateKey)
    assert loaded.private_numbers() == key.private_numbers()
    assert serialization.load_der_public_key(public_der) == key.public_key()


def test_pkcs1v21_pss_intermediate_values() -> None:
    values = labelled_hex(_text("pkcs-1v2-1d2-vec", "pss-int.txt"))
    key = _int_file_key(values)
    message, signature = (
        values["Message to be signed"],
        values["Signature, the RSA decryption of EM"],
    )
    assert _digest(hashes.SHA1(), message) == values["Message hash"]
    key.public_key().verify(signature, message, _pss(len(values["salt"])), hashes.SHA1())
    key.public_key().verify(signature, message, _pss(padding.PSS.AUTO), hashes.SHA1())
    # A fresh signature of ours verifies too (the salt is random, so it differs).
    ours = key.sign(message, _pss(20), hashes.SHA1())
    assert ours != signature
    key.public_key().verify(ours, message, _pss(20), hashes.SHA1())


# -- PKCS #1 v1.5 ----------------------------------------------------------------------------

PKCS1V15_CRYPT = parse_pkcs1_text(_text("pkcs1v15crypt-vectors.txt"))
PKCS1V15_SIGN = parse_pkcs1_text(_text("pkcs1v15sign-vectors.txt"))


@pytest.mark.parametrize("key", PKCS1V15_CRYPT, ids=_key_ids(PKCS1V15_CRYPT))
def test_pkcs1v15_decryption(key: TextKey) -> None:
    private = text_key(key)
    failures = Failures(key.title)
    for example in key.examples:

        def run(example=example) -> None:  # type: ignore[no-untyped-def]
            plain = private.decrypt(example.hex("ciphertext"), padding.PKCS1v15())
            assert plain == example.hex("message")

        failures.check(example, run)
    failures.assert_none(minimum=20)
    message = key.examples[-1].hex("message")
    ciphertext = private.public_key().encrypt(message, padding.PKCS1v15())
    assert private.decrypt(ciphertext, padding.PKCS1v15()) == message


@pytest.mark.parametrize("key", PKCS1V15_SIGN, ids=_key_ids(PKCS1V15_SIGN))
def test_pkcs1v15_signatures(key: TextKey) -> None:
    """PKCS #1 v1.5 signatures are deterministic: each example's signature is reproduced
    byte for byte, verifies, and gives back the DigestInfo's SHA-1 digest."""
    private = text_key(key)
    public = private.public_key()
    failures = Failures(key.title)
    for example in key.examples:

        def run(example=example) -> None:  # type: ignore[no-untyped-def]
            message, signature = example.hex("message"), example.hex("signature")
            assert private.sign(message, padding.PKCS1v15(), hashes.SHA1()) == signature
            public.verify(signature, message, padding.PKCS1v15(), hashes.SHA1())
            recovered = public.recover_data_from_signature(
                signature, padding.PKCS1v15(), hashes.SHA1()
            )
            assert recovered == _digest(hashes.SHA1(), message)

        failures.check(example, run)
    failures.assert_none(minimum=20)


# -- OAEP with other hashes and with a label -------------------------------------------------

OAEP_CUSTOM = sorted(
    p.name
    for p in vector_path(*_VECTOR_DIR, "oaep-label.txt").parent.joinpath("oaep-custom").iterdir()
)


def test_oaep_custom_files() -> None:
    """Every pair of SHA-1/SHA-2 hashes, for the OAEP hash and for MGF1."""
    names = ["sha1", "sha224", "sha256", "sha384", "sha512"]
    assert OAEP_CUSTOM == sorted(
        f"oaep-{a}-{b}.txt" for a in names for b in names if a != b or a != "sha1"
    )


@pytest.mark.parametrize("name", OAEP_CUSTOM)
def test_oaep_custom(name: str) -> None:
    """Each example decrypts, with the OAEP and MGF1 hashes its title names, to its
    message; and with the two hashes swapped (where they differ), it does not."""
    keys = parse_pkcs1_text(_text("oaep-custom", name))
    offset = OAEP_CUSTOM.index(name)
    failures = Failures(name)
    for k, key in enumerate(keys):
        # Key checks are slow (prime tests): one key of each file is checked.
        private = text_key(key, validate=k == offset % len(keys))
        for i, example in enumerate(key.examples):
            found = re.search(r"alg=(\w+) mgf1=(\w+)", example.title)
            assert found, example.title
            if (offset + k + i) % 3:
                continue  # a third of each file, a different third in each file
            algorithm, mgf = hash_for(found[1]), hash_for(found[2])

            def run(example=example, algorithm=algorithm, mgf=mgf, private=private) -> None:  # type: ignore[no-untyped-def]
                ciphertext = example.hex("ciphertext")
                oaep = padding.OAEP(padding.MGF1(mgf), algorithm, None)
                assert private.decrypt(ciphertext, oaep) == example.hex("message")
                if algorithm.name != mgf.name:
                    swapped = padding.OAEP(padding.MGF1(algorithm), mgf, None)
                    with pytest.raises(ValueError):
                        private.decrypt(ciphertext, swapped)

            failures.check(f"{key.title} / {example}", run)
    failures.assert_none(minimum=19)


def test_oaep_label() -> None:
    (record,) = cavp_records(*_VECTOR_DIR, "oaep-label.txt")
    assert (record["RSAPadding"], record["OAEPDigest"]) == ("OAEP", "SHA512")
    key = serialization.load_der_private_key(record.hex("KEY"), None)
    assert isinstance(key, rsa.RSAPrivateKey)
    label = record.hex("OAEPLabel")
    oaep = padding.OAEP(padding.MGF1(hashes.SHA512()), hashes.SHA512(), label)
    expected = record["Output"].strip('"').encode()
    assert expected == b"Hello World"
    assert key.decrypt(record.hex("Input"), oaep) == expected
    for other in (None, b"", label[:-1], label + b"\x00"):
        wrong = padding.OAEP(padding.MGF1(hashes.SHA512()), hashes.SHA512(), other)
        with pytest.raises(ValueError):
            key.decrypt(record.hex("Input"), wrong)
    again = key.public_key().encrypt(expected, oaep)
    assert key.decrypt(again, oaep) == expected


# -- NIST CAVP, FIPS 186-2 / 186-3 ------------------------------------------------------------

_FIPS = (*_VECTOR_DIR, "FIPS_186-2")


def _fips_vectors(name: str, sample_from: int = 4096) -> list[dict[str, str]]:
    """The file's vectors with their keys; of the ``sample_from``-bit and larger keys only
    every third vector (the choice is fixed, so runs are reproducible)."""
    vectors = rsa_walk(cavp_records(*_FIPS, name))
    return [v for i, v in enumerate(vectors) if int(v["mod"]) < sample_from or i % 3 == 0]


def _salt_length_header(name: str) -> int:
    found = re.search(r"^# Salt len: (\d+)", vector_path(*_FIPS, name).read_text(), re.M)
    assert found, name
    return int(found[1])


def _public(vector: dict[str, str]) -> rsa.RSAPublicKey:
    return rsa_public_key(int(vector["n"], 16), int(vector["e"], 16))


def _private(vector: dict[str, str]) -> rsa.RSAPrivateKey:
    return rsa_private_key(int(vector["n"], 16), int(vector["e"], 16), int(vector["d"], 16))


def _case(name: str, vector: dict[str, str]) -> str:
    return f"{name} line {vector['line']} (mod {vector['mod']}, {vector['SHAAlg']})"


def test_fips_siggen15_with_private_keys() -> None:
    """SigGen15_186-2.txt gives d: the key is rebuilt from n, e, d (recovering p and q),
    and each signature is reproduced byte for byte."""
    name = "SigGen15_186-2.txt"
    failures = Failures(name)
    for vector in _fips_vectors(name):

        def run(vector=vector) -> None:  # type: ignore[no-untyped-def]
            key = _private(vector)
            message, algorithm = bytes.fromhex(vector["Msg"]), hash_for(vector["SHAAlg"])
            signature = key.sign(message, padding.PKCS1v15(), algorithm)
            assert signature.hex() == vector["S"].lower()
            key.public_key().verify(signature, message, padding.PKCS1v15(), algorithm)

        failures.check(_case(name, vector), run)
    failures.assert_none(minimum=200)


@pytest.mark.parametrize("name", ["SigGen15_186-2.rsp", "SigGen15_186-3.rsp"])
def test_fips_siggen15_responses(name: str) -> None:
    """The response files give no d: each signature verifies and carries exactly the
    message's digest."""
    failures = Failures(name)
    for vector in _fips_vectors(name):

        def run(vector=vector) -> None:  # type: ignore[no-untyped-def]
            public = _public(vector)
            message, algorithm = bytes.fromhex(vector["Msg"]), hash_for(vector["SHAAlg"])
            signature = bytes.fromhex(vector["S"])
            public.verify(signature, message, padding.PKCS1v15(), algorithm)
            recovered = public.recover_data_from_signature(
                signature, padding.PKCS1v15(), algorithm
            )
            assert recovered == _digest(algorithm, message)
            _expect_invalid(
                lambda: public.verify(signature, message[1:], padding.PKCS1v15(), algorithm)
            )

        failures.check(_case(name, vector), run)
    failures.assert_none(minimum=200)


def test_fips_siggen_pss_with_private_keys() -> None:
    """SigGenPSS_186-2.txt gives d and the salt: the signature verifies with the salt's
    length and with AUTO, and a signature of ours (random salt) verifies too."""
    name = "SigGenPSS_186-2.txt"
    assert _salt_length_header(name) == 20
    failures = Failures(name)
    for i, vector in enumerate(_fips_vectors(name)):

        def run(vector=vector, i=i) -> None:  # type: ignore[no-untyped-def]
            message, algorithm = bytes.fromhex(vector["Msg"]), hash_for(vector["SHAAlg"])
            salt = bytes.fromhex(vector["SaltVal"])
            pss = padding.PSS(padding.MGF1(algorithm), len(salt))
            public = _public(vector)
            public.verify(bytes.fromhex(vector["S"]), message, pss, algorithm)
            auto = padding.PSS(padding.MGF1(algorithm), padding.PSS.AUTO)
            public.verify(bytes.fromhex(vector["S"]), message, auto, algorithm)
            if i % 5 == 0:  # signing with each key and hash, not with every message
                key = _private(vector)
                ours = key.sign(message, pss, algorithm)
                assert ours.hex() != vector["S"].lower()
                public.verify(ours, message, pss, algorithm)

        failures.check(_case(name, vector), run)
    failures.assert_none(minimum=200)


@pytest.mark.parametrize("name", ["SigGenPSS_186-2.rsp", "SigGenPSS_186-3.rsp"])
def test_fips_siggen_pss_responses(name: str) -> None:
    salt_length = _salt_length_header(name)
    failures = Failures(name)
    for vector in _fips_vectors(name):

        def run(vector=vector) -> None:  # type: ignore[no-untyped-def]
            message, algorithm = bytes.fromhex(vector["Msg"]), hash_for(vector["SHAAlg"])
            signature = bytes.fromhex(vector["S"])
            public = _public(vector)
            for length in (salt_length, padding.PSS.AUTO):
                pss = padding.PSS(padding.MGF1(algorithm), length)  # type: ignore[arg-type]
                public.verify(signature, message, pss, algorithm)
            wrong = padding.PSS(padding.MGF1(algorithm), salt_length + 1)
            _expect_invalid(lambda: public.verify(signature, message, wrong, algorithm))

        failures.check(_case(name, vector), run)
    failures.assert_none(minimum=200)


@pytest.mark.parametrize(
    ("name", "scheme"),
    [
        ("SigVer15_186-3.rsp", "pkcs1v15"),
        ("SigVerPSS_186-3.rsp", "pss"),
    ],
)
def test_fips_sigver(name: str, scheme: str) -> None:
    """Every listed outcome: "P" verifies, "F" (message, e, signature or EM format
    changed) raises InvalidSignature."""
    salt_length = _salt_length_header(name) if scheme == "pss" else 0
    vectors = _fips_vectors(name)
    assert {v["Result"][0] for v in vectors} == {"P", "F"}
    failures = Failures(name)
    for vector in vectors:

        def run(vector=vector) -> None:  # type: ignore[no-untyped-def]
            message, algorithm = bytes.fromhex(vector["Msg"]), hash_for(vector["SHAAlg"])
            if scheme == "pss":
                pad: padding.AsymmetricPadding = padding.PSS(padding.MGF1(algorithm), salt_length)
            else:
                pad = padding.PKCS1v15()
            public = _public(vector)
            signature = bytes.fromhex(vector["S"])
            if vector["Result"].startswith("P"):
                public.verify(signature, message, pad, algorithm)
            else:
                _expect_invalid(lambda: public.verify(signature, message, pad, algorithm))

        failures.check(f"{_case(name, vector)} {vector['Result']}", run)
    failures.assert_none(minimum=300)


def test_fips_sigver_keys_are_consistent() -> None:
    """The SigVer files list p and q with each modulus: the keys build through
    RSAPrivateNumbers, and the recovery helpers find p, q and d again."""
    failures = Failures("SigVer15_186-3.rsp keys")
    seen = set()
    for vector in rsa_walk(cavp_records(*_FIPS, "SigVer15_186-3.rsp")):
        if not vector["Result"].startswith("P") or vector["n"] in seen:
            continue
        seen.add(vector["n"])

        def run(vector=vector) -> None:  # type: ignore[no-untyped-def]
            n, e, d = (int(vector[x], 16) for x in "ned")
            p, q = int(vector["p"], 16), int(vector["q"], 16)
            if n.bit_length() <= 2048:  # factoring in pure Python is slow beyond
                assert rsa.rsa_recover_prime_factors(n, e, d) == (max(p, q), min(p, q))
            key = rsa_private_key(n, e, d, p, q)
            assert key.private_numbers().p == p and key.private_numbers().d == d
            assert key.key_size == int(vector["mod"])

        failures.check(f"mod {vector['mod']}", run)
    failures.assert_none(minimum=5)


def test_sigver15_em_format_tests() -> None:
    """SigVer15EMTest.txt: signatures over encoded messages with the hash moved or the
    padding's final zero removed; none verifies."""
    vectors = rsa_walk(cavp_records(*_VECTOR_DIR, "SigVer15EMTest.txt"))
    assert len(vectors) == 150
    failures = Failures("SigVer15EMTest.txt")
    for vector in vectors:
        assert vector["Result"].startswith("F")

        def run(vector=vector) -> None:  # type: ignore[no-untyped-def]
            message, algorithm = bytes.fromhex(vector["Msg"]), hash_for(vector["SHAAlg"])
            public = _public(vector)
            signature = bytes.fromhex(vector["S"])
            _expect_invalid(
                lambda: public.verify(signature, message, padding.PKCS1v15(), algorithm)
            )
            _expect_invalid(
                lambda: public.recover_data_from_signature(
                    signature, padding.PKCS1v15(), algorithm
                )
            )

        failures.check(_case("SigVer15EMTest.txt", vector), run)
    failures.assert_none(minimum=150)


def test_fips_x931_key_generation() -> None:
    """KeyGenRSA.rsp (X9.31 key generation, e = 3, 17 and 65537): d is the smallest
    private exponent, which rsa_recover_private_exponent computes; the factors come back
    from rsa_recover_prime_factors (larger first); the numbers make a working key."""
    records = cavp_records(*_FIPS, "KeyGenRSA.rsp")
    assert len(records) == 30
    failures = Failures("KeyGenRSA.rsp")
    for i, record in enumerate(records):

        def run(record=record, i=i) -> None:  # type: ignore[no-untyped-def]
            e, p, q, n, d = (int(record[x], 16) for x in "epqnd")
            assert rsa.rsa_recover_private_exponent(e, p, q) == d
            # Factoring is slow in pure Python for the larger moduli: one key in three.
            if n.bit_length() <= 2048 or i % 3 == 0:
                assert rsa.rsa_recover_prime_factors(n, e, d) == (max(p, q), min(p, q))
            key = rsa_private_key(n, e, d, p, q)
            assert key.public_key().public_numbers() == rsa.RSAPublicNumbers(e, n)
            assert key.key_size == int(record.section["mod"])
            signature = key.sign(b"X9.31 key", padding.PKCS1v15(), hashes.SHA256())
            key.public_key().verify(signature, b"X9.31 key", padding.PKCS1v15(), hashes.SHA256())

        failures.check(f"line {record.line}", run)
    failures.assert_none(minimum=30)


@pytest.mark.parametrize(
    "name", ["SigGenRSA.rsp", "SigGenRSA_186-2.rsp", "SigGenRSA_186-2.txt", "SigVerRSA.rsp"]
)
def test_fips_x931_signature_files(name: str) -> None:
    """X9.31 signatures are not implemented (by the reference either). What the files
    still check: the public keys load, no X9.31 signature passes as PKCS #1 v1.5, and
    where the file gives d (and p, q) the private key rebuilds and signs."""
    vectors = _fips_vectors(name, sample_from=2048)
    failures = Failures(name)
    for i, vector in enumerate(vectors):
        if vector.get("Result", "P").startswith("F") and "e changed" in vector["Result"]:
            continue  # d does not belong to this e

        def run(vector=vector, i=i) -> None:  # type: ignore[no-untyped-def]
            message, algorithm = bytes.fromhex(vector["Msg"]), hash_for(vector["SHAAlg"])
            public = _public(vector)
            signature = bytes.fromhex(vector["S"])
            _expect_invalid(
                lambda: public.verify(signature, message, padding.PKCS1v15(), algorithm)
            )
            if "d" in vector and i % 10 == 0:
                p, q = int(vector.get("p", "0"), 16), int(vector.get("q", "0"), 16)
                key = rsa_private_key(
                    int(vector["n"], 16), int(vector["e"], 16), int(vector["d"], 16), p, q
                )
                ours = key.sign(message, padding.PKCS1v15(), algorithm)
                public.verify(ours, message, padding.PKCS1v15(), algorithm)

        failures.check(_case(name, vector), run)
    failures.assert_none(minimum=100)
