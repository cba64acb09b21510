"""What the RSA and EC test modules share, and the tests of those helpers themselves.

* ``module(lib, name)``: a module of oxicrypt or of the reference, so one helper can run a
  scenario against both (``lib`` is ``"oxicrypt"`` or ``"cryptography"``).
* ``hash_for(name)``: a hash object for a name as vector files write it ("SHA-256",
  "SHA256", "sha3_256", "SHA-512/224", "SHAKE128" ...).
* ``Failures``: collects the cases of a whole vector file that went wrong and fails once,
  listing them; a file with hundreds of cases is one test, not hundreds.
* ``Outcome``/``outcome``: what a call did, comparable across the two libraries (the
  exception's class name and, where asked, its message).
* ``parse_pkcs1_text``: the "# Label:" followed by hex lines format of the PKCS #1 test
  vectors (pkcs-1v2-1d2-vec/*, pkcs1v15*-vectors.txt, oaep-custom/*).
* ``sections``: the bracketed section headers of CAVP files, one chunk of records each.
* ``rsa_private_key``: a private key from (n, e, d) or more, through the numbers classes.

The module's name starts with ``test_`` only because new files of this directory must; its
tests check that the helpers read the vector files completely.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import re
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

import pytest

from oxicrypt.hazmat.primitives import hashes
from oxicrypt.hazmat.primitives.asymmetric import rsa
from tests.vectors import Record, parse_records, vector_path

Reference = Callable[[str], ModuleType]
LIBS = ("oxicrypt", "cryptography")


def module(lib: str, name: str) -> ModuleType:
    """``module("oxicrypt", "hazmat.primitives.asymmetric.rsa")`` and the like."""
    return importlib.import_module(f"{lib}.{name}")


_HASH_NAMES = {
    "SHA1": "SHA1",
    "SHA224": "SHA224",
    "SHA256": "SHA256",
    "SHA384": "SHA384",
    "SHA512": "SHA512",
    "SHA512224": "SHA512_224",
    "SHA512256": "SHA512_256",
    "SHA3224": "SHA3_224",
    "SHA3256": "SHA3_256",
    "SHA3384": "SHA3_384",
    "SHA3512": "SHA3_512",
    "MD5": "MD5",
}
# Wycheproof's SHAKE tests (RFC 8702) use 32 and 64 bytes of output.
_XOF_SIZES = {"SHAKE128": 32, "SHAKE256": 64}


def hash_for(name: str, lib: str = "oxicrypt") -> Any:
    """A hash algorithm object of ``lib`` for a vector file's spelling of its name."""
    key = re.sub(r"[^A-Z0-9]", "", name.upper())
    hashes_module = module(lib, "hazmat.primitives.hashes")
    if key in _XOF_SIZES:
        return getattr(hashes_module, key)(_XOF_SIZES[key])
    return getattr(hashes_module, _HASH_NAMES[key])()


# -- outcomes -----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What a call did: returned ``value``, or raised ``error`` (a class name, since the
    reference has exception classes of its own) with ``message`` when it is compared."""

    value: object = None
    error: str | None = None
    message: str | None = None

    def __str__(self) -> str:
        if self.error is None:
            return f"returned {self.value!r:.120}"
        return f"raised {self.error}" + (f"({self.message!r})" if self.message else "")


def outcome(call: Callable[[], object], *, messages: bool = False) -> Outcome:
    try:
        return Outcome(value=call())
    except Exception as e:
        return Outcome(error=type(e).__name__, message=str(e) if messages else None)


def both(scenario: Callable[[str], object], *, messages: bool = False) -> tuple[Outcome, Outcome]:
    """The outcomes of ``scenario("oxicrypt")`` and ``scenario("cryptography")``."""
    return (
        outcome(lambda: scenario("oxicrypt"), messages=messages),
        outcome(lambda: scenario("cryptography"), messages=messages),
    )


class Failures:
    """The failed cases of one vector file. ``check`` runs one case and records what went
    wrong; ``assert_none`` fails the test with all of them (the first few in detail)."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.items: list[str] = []
        self.checked = 0

    def add(self, case: object, problem: str) -> None:
        self.items.append(f"{case}: {problem}")

    def check(self, case: object, run: Callable[[], None]) -> None:
        self.checked += 1
        try:
            run()
        except AssertionError as e:
            self.add(case, str(e) or "assertion failed")
        except Exception as e:
            self.add(case, f"unexpected {type(e).__name__}: {e}")

    def assert_none(self, minimum: int = 1) -> None:
        assert self.checked >= minimum, f"{self.what}: only {self.checked} cases checked"
        if self.items:
            shown = "\n  ".join(self.items[:25])
            more = f"\n  ... and {len(self.items) - 25} more" if len(self.items) > 25 else ""
            pytest.fail(
                f"{self.what}: {len(self.items)} of {self.checked} cases failed:\n  {shown}{more}",
                pytrace=False,
            )


# -- the PKCS #1 test vector text format ----------------------------------------------------

_FIELD_NAMES = {
    "modulus": "n",
    "public exponent": "e",
    "private exponent": "d",
    "prime 1": "p",
    "prime 2": "q",
    "prime exponent 1": "dmp1",
    "prime exponent 2": "dmq1",
    "coefficient": "iqmp",
    "message": "message",
    "message to be signed": "message",
    "message to be encrypted": "message",
    "seed": "seed",
    "salt": "salt",
    "encryption": "ciphertext",
    "signature": "signature",
}


@dataclasses.dataclass
class TextExample:
    title: str  # "OAEP Example 1.2", "OAEP Example 3 alg=sha224 mgf1=sha1"
    fields: dict[str, str]  # message, seed, salt, ciphertext, signature: hex

    def hex(self, name: str) -> bytes:
        return bytes.fromhex(self.fields[name])

    def __str__(self) -> str:
        return self.title


@dataclasses.dataclass
class TextKey:
    title: str  # "Example 1: A 1024-bit RSA key pair"
    fields: dict[str, str]  # n, e, d, p, q, dmp1, dmq1, iqmp: hex
    examples: list[TextExample]

    def int(self, name: str) -> int:
        return int(self.fields[name], 16)


def _pkcs1_text_lines(text: str) -> list[tuple[str, str]]:
    """The file as ("comment", text) and ("hex", digits) items; a comment ending in ":"
    is a label for the hex lines that follow it."""
    items = []
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#"):
            items.append(("comment", line.lstrip("#").strip()))
        elif line and re.fullmatch(r"[0-9a-fA-F ]+", line):
            items.append(("hex", line.replace(" ", "")))
        else:
            items.append(("other", line))
    return items


_EXAMPLE_FIELDS = {"message", "seed", "salt", "ciphertext", "signature"}


def parse_pkcs1_text(text: str) -> list[TextKey]:
    """The keys of a PKCS #1 style vector file, each with its examples. An example starts
    at a title line ("PSS Example 1.2") or, since pkcs1v15crypt-vectors.txt leaves out the
    title of each key's first example, at a field its current example already has."""
    keys: list[TextKey] = []
    section = ""
    label: str | None = None
    title: str | None = None
    for kind, value in _pkcs1_text_lines(text):
        if kind != "comment":
            if kind == "hex" and label is not None:
                fields = keys[-1].examples[-1].fields if label in _EXAMPLE_FIELDS else None
                (fields if fields is not None else keys[-1].fields)[label] += value
            else:
                label = None
            continue
        label = None
        if re.match(r"Example( \d+)?(:|$)", value):
            keys.append(TextKey(value, {}, []))
            section, title = "", None
        elif re.search(r"Example \d+", value) and keys:
            title = value
        elif value in ("Public key", "Private key"):
            section = value
        elif value.endswith(":") and keys:
            name = value[:-1].strip().lower()
            if name == "exponent":  # e in the public key, d in the private key
                name = "public exponent" if section == "Public key" else "private exponent"
            label = _FIELD_NAMES.get(name)
            if label in _EXAMPLE_FIELDS:
                key = keys[-1]
                if title is not None or not key.examples or label in key.examples[-1].fields:
                    number = len(key.examples) + 1
                    key.examples.append(TextExample(title or f"{key.title}, #{number}", {}))
                    title = None
                key.examples[-1].fields[label] = ""
            elif label is not None:
                keys[-1].fields[label] = ""
    return keys


def labelled_hex(text: str) -> dict[str, bytes]:
    """Every "# label:" of a file with the hex lines after it (first occurrence wins), for
    the one-key files with intermediate values (oaep-int.txt, pss-int.txt)."""
    values: dict[str, str] = {}
    label: str | None = None
    for kind, value in _pkcs1_text_lines(text):
        if kind == "comment":
            label = value[:-1].strip() if value.endswith(":") else None
            if label is not None and label in values:
                label = None
            elif label is not None:
                values[label] = ""
        elif kind == "hex" and label is not None:
            values[label] += value
        else:
            label = None
    return {name: bytes.fromhex(digits) for name, digits in values.items() if digits}


def hex_between(text: str, start: str, end: str) -> bytes:
    """The hex digits on the lines between the comment lines ``# start`` and ``# end``
    (the BER encodings at the end of oaep-int.txt, written with interleaved comments)."""
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip() == f"# {start}")
    last = next(i for i in range(first + 1, len(lines)) if lines[i].strip() == f"# {end}")
    digits = "".join(
        line.replace(" ", "").strip()
        for line in lines[first + 1 : last]
        if not line.strip().startswith("#")
    )
    return bytes.fromhex(digits)


# -- CAVP files -------------------------------------------------------------------------------


def cavp_text(*parts: str) -> str:
    """A CAVP file's text with two known typos of the shipped files repaired: a stray
    ``!!`` line (RSA/SigVer15EMTest.txt) and a section header missing its ``]``
    (ECDH/KASValidityTest_*_KDFConcat_*.fax)."""
    lines = []
    for line in vector_path(*parts).read_text(encoding="ascii").splitlines():
        stripped = line.strip()
        if stripped == "!!":
            continue
        if stripped.startswith("[") and not stripped.endswith("]"):
            line = stripped + "]"
        lines.append(line)
    return "\n".join(lines) + "\n"


def cavp_records(*parts: str) -> list[Record]:
    return parse_records(cavp_text(*parts))


def sections(text: str, header: str) -> list[tuple[re.Match[str], list[Record]]]:
    """Splits ``text`` at the section headers matching the regular expression ``header``
    (matched against the whole ``[...]`` line): each header's match with its records."""
    chunks: list[tuple[re.Match[str], list[str]]] = []
    for line in text.splitlines():
        match = re.fullmatch(header, line.strip())
        if match:
            chunks.append((match, []))
        elif chunks:
            chunks[-1][1].append(line)
    return [(match, parse_records("\n".join(body))) for match, body in chunks]


def rsa_walk(records: list[Record]) -> list[dict[str, str]]:
    """The records of an RSA CAVP file that hold a message, each with the key values
    (n, e, d, p, q) in force where it stands: a record with ``n`` starts a new key, and
    ``e``/``d``/``p``/``q`` apply until changed."""
    key: dict[str, str] = {}
    out = []
    for record in records:
        if "n" in record:
            key = {}
        for name in ("n", "e", "d", "p", "q"):
            if name in record:
                key[name] = record[name]
        if "Msg" in record:
            out.append(
                {**key, **record.fields, "mod": record.section["mod"], "line": str(record.line)}
            )
    return out


# -- keys -----------------------------------------------------------------------------------


# Checking a key (OpenSSL's RSA_check_key: primality of p and q, among others) takes a
# quarter of a second and more for 4096-bit keys; keys above this size are built without it
# (``unsafe_skip_rsa_key_validation``, which the reference has too), smaller ones with it.
VALIDATE_UP_TO = 2048


@functools.cache
def rsa_private_key(n: int, e: int, d: int, p: int = 0, q: int = 0) -> rsa.RSAPrivateKey:
    """The key with these numbers, made through ``rsa_recover_prime_factors`` (when p and q
    are not given), the CRT helpers and ``RSAPrivateNumbers``; cached, since vector files
    use each key many times."""
    if not p:
        p, q = rsa.rsa_recover_prime_factors(n, e, d)
    numbers = rsa.RSAPrivateNumbers(
        p=p,
        q=q,
        d=d,
        dmp1=rsa.rsa_crt_dmp1(d, p),
        dmq1=rsa.rsa_crt_dmq1(d, q),
        iqmp=rsa.rsa_crt_iqmp(p, q),
        public_numbers=rsa.RSAPublicNumbers(e, n),
    )
    skip = n.bit_length() > VALIDATE_UP_TO
    return numbers.private_key(unsafe_skip_rsa_key_validation=skip)


@functools.cache
def rsa_public_key(n: int, e: int) -> rsa.RSAPublicKey:
    return rsa.RSAPublicNumbers(e, n).public_key()


def text_key(key: TextKey, validate: bool = True) -> rsa.RSAPrivateKey:
    """The private key of a PKCS #1 text file, from all its given numbers; ``validate``
    False skips OpenSSL's key check (slow: prime tests)."""
    numbers = rsa.RSAPrivateNumbers(
        p=key.int("p"),
        q=key.int("q"),
        d=key.int("d"),
        dmp1=key.int("dmp1"),
        dmq1=key.int("dmq1"),
        iqmp=key.int("iqmp"),
        public_numbers=rsa.RSAPublicNumbers(key.int("e"), key.int("n")),
    )
    return numbers.private_key(unsafe_skip_rsa_key_validation=not validate)


# -- Wycheproof files, a whole file per test --------------------------------------------------


@dataclasses.dataclass(frozen=True)
class WycheproofFile:
    """How to run the cases of one Wycheproof file.

    ``action(lib, group, test)`` does the case's operation with ``lib`` ("oxicrypt" or
    "cryptography") and returns its result; ``expected(group, test)`` is what a valid case
    must return. An invalid case must raise one of ``rejections`` (class names), or do
    what ``invalid_ok`` accepts. Where the reference does not implement a file's algorithm
    at all, ``unsupported`` names the exception every case must raise (as the reference
    does; the reference test keeps that claim honest). ``documented(group, test)`` names
    the exception oxicrypt raises for a case where it deliberately differs from the
    reference (docs/parity.rst), or None.
    """

    action: Callable[[str, dict[str, Any], dict[str, Any]], object]
    expected: Callable[[dict[str, Any], dict[str, Any]], object]
    rejections: tuple[str, ...]
    invalid_ok: Callable[[Outcome, dict[str, Any]], bool] | None = None
    unsupported: str | None = None
    documented: Callable[[dict[str, Any], dict[str, Any]], str | None] | None = None

    def documented_error(self, group: dict[str, Any], test: dict[str, Any]) -> str | None:
        return None if self.documented is None else self.documented(group, test)


def _case_name(name: str, test: dict[str, Any]) -> str:
    flags = ",".join(test.get("flags", []))
    return f"{name} tcId {test['tcId']} ({test['result']}; {test.get('comment', '')}; {flags})"


def wycheproof_cases(data: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    cases = [(group, test) for group in data["testGroups"] for test in group["tests"]]
    assert len(cases) == data["numberOfTests"]
    return cases


def run_wycheproof_file(name: str, data: dict[str, Any], spec: WycheproofFile) -> None:
    """Every case of the file against the file's verdicts, with oxicrypt only: valid cases
    give the expected result, invalid ones are rejected; acceptable ones are left to
    ``compare_wycheproof_file``."""
    failures = Failures(name)
    for group, test in wycheproof_cases(data):
        got = outcome(lambda group=group, test=test: spec.action("oxicrypt", group, test))
        case = _case_name(name, test)
        failures.checked += 1
        documented = spec.documented_error(group, test)
        if documented is not None:
            if got.error != documented:
                failures.add(case, f"expected {documented} (docs/parity.rst), {got}")
        elif spec.unsupported is not None:
            # Malformed inputs may be turned down before the algorithm is looked at.
            allowed = (spec.unsupported,) + (spec.rejections if test["result"] != "valid" else ())
            if got.error not in allowed:
                failures.add(case, f"expected {' or '.join(allowed)} (as the reference), {got}")
        elif test["result"] == "valid":
            expected = spec.expected(group, test)
            if got != Outcome(value=expected):
                failures.add(case, f"expected to return {expected!r:.80}, {got}")
        elif test["result"] == "invalid":
            if got.error in spec.rejections:
                continue
            if spec.invalid_ok is not None and spec.invalid_ok(got, test):
                continue
            failures.add(case, f"expected one of {spec.rejections}, {got}")
    failures.assert_none(minimum=len(data["testGroups"]))


_KEY_REJECTIONS = {"ValueError", "UnsupportedAlgorithm"}


def _both_refuse_bad_asn1(test: dict[str, Any], ours: Any, theirs: Any) -> bool:
    """Damaged DER in a key (Wycheproof flags InvalidAsn, InvalidPem): both must refuse it, but
    which of ValueError and UnsupportedAlgorithm each picks follows its parser's internals
    (a mangled curve OID is an unknown curve to one and malformed data to the other). This
    is a deliberate difference, listed in docs/parity.rst."""
    return (
        bool({"InvalidAsn", "InvalidPem"} & set(test.get("flags", [])))
        and ours.error in _KEY_REJECTIONS
        and theirs.error in _KEY_REJECTIONS
    )


def compare_wycheproof_file(
    name: str, data: dict[str, Any], spec: WycheproofFile, *, valid_too: bool = False
) -> None:
    """The cases the file leaves open (acceptable) and the rejected ones (invalid, and all
    cases of an unsupported algorithm), run with both libraries: the same result, or an
    exception of the same class. ``valid_too`` adds the valid cases."""
    failures = Failures(f"{name} against the reference")
    for group, test in wycheproof_cases(data):
        if test["result"] == "valid" and not valid_too and spec.unsupported is None:
            continue
        if spec.documented_error(group, test) is not None:
            continue  # a deliberate difference, checked by run_wycheproof_file
        ours = outcome(lambda group=group, test=test: spec.action("oxicrypt", group, test))
        theirs = outcome(lambda group=group, test=test: spec.action("cryptography", group, test))
        failures.checked += 1
        if ours != theirs and not _both_refuse_bad_asn1(test, ours, theirs):
            failures.add(_case_name(name, test), f"oxicrypt {ours}, the reference {theirs}")
    if spec.unsupported is not None:
        # The claim behind ``unsupported``: the reference rejects the valid cases too.
        valid = [(g, t) for g, t in wycheproof_cases(data) if t["result"] == "valid"]
        group, test = valid[0]
        theirs = outcome(lambda: spec.action("cryptography", group, test))
        assert theirs.error == spec.unsupported, f"{name}: the reference now {theirs}"
    failures.assert_none(minimum=0)


# -- tests of the helpers ------------------------------------------------------------------


def _text(*parts: str) -> str:
    return vector_path("asymmetric", *parts).read_text(encoding="ascii")


@pytest.mark.parametrize(
    ("parts", "keys", "examples", "example_fields"),
    [
        (("RSA", "pkcs-1v2-1d2-vec", "oaep-vect.txt"), 10, 6, {"message", "seed", "ciphertext"}),
        (("RSA", "pkcs-1v2-1d2-vec", "pss-vect.txt"), 10, 6, {"message", "salt", "signature"}),
        (("RSA", "pkcs1v15crypt-vectors.txt"), 15, 20, {"message", "seed", "ciphertext"}),
        (("RSA", "pkcs1v15sign-vectors.txt"), 15, 20, {"message", "signature"}),
        (("RSA", "oaep-custom", "oaep-sha256-sha384.txt"), 10, 6, {"message", "ciphertext"}),
    ],
    ids=lambda v: "/".join(v) if isinstance(v, tuple) else None,
)
def test_pkcs1_text_files_are_read_completely(
    parts: tuple[str, ...], keys: int, examples: int, example_fields: set[str]
) -> None:
    parsed = parse_pkcs1_text(_text(*parts))
    assert len(parsed) == keys
    for key in parsed:
        assert set(key.fields) == {"n", "e", "d", "p", "q", "dmp1", "dmq1", "iqmp"}, key.title
        assert all(key.fields.values()), key.title
        assert len(key.examples) == examples, key.title
        for example in key.examples:
            assert set(example.fields) == example_fields, example.title
            assert all(len(v) % 2 == 0 for v in example.fields.values()), example.title
    # Each key's numbers hang together.
    for key in parsed:
        assert key.int("p") * key.int("q") == key.int("n"), key.title


def test_pkcs1_text_first_key_of_oaep_vect() -> None:
    key = parse_pkcs1_text(_text("RSA", "pkcs-1v2-1d2-vec", "oaep-vect.txt"))[0]
    assert key.title == "Example 1: A 1024-bit RSA key pair"
    assert key.int("n").bit_length() == 1024
    assert key.int("e") == 65537
    assert key.fields["n"].startswith("a8b3b284af8eb50b387034a860f146c4919f3187")
    assert key.examples[0].title == "OAEP Example 1.1"
    assert key.examples[0].fields["message"] == (
        "6628194e12073db03ba94cda9ef9532397d50dba79b987004afefe34"
    )


def test_labelled_hex_of_the_intermediate_value_files() -> None:
    oaep = labelled_hex(_text("RSA", "pkcs-1v2-1d2-vec", "oaep-int.txt"))
    assert oaep["Public exponent"] == b"\x11"
    assert len(oaep["Modulus"]) == 128
    assert len(oaep["Ciphertext, the RSA encryption of EM"]) == 128
    pss = labelled_hex(_text("RSA", "pkcs-1v2-1d2-vec", "pss-int.txt"))
    assert len(pss["Message to be signed"]) == 114
    assert len(pss["salt"]) == 20


def test_cavp_text_repairs() -> None:
    records = cavp_records("asymmetric", "RSA", "SigVer15EMTest.txt")
    assert sum("Msg" in r for r in records) == 150
    text = cavp_text(
        "asymmetric", "ECDH", "KASValidityTest_ECCStaticUnified_KDFConcat_NOKC_init.fax"
    )
    chunks = sections(text, r"\[(E[A-E]) - (SHA\d+)\]")
    assert sum(len(records) for _, records in chunks) == 300


def test_rsa_walk_carries_the_key() -> None:
    vectors = rsa_walk(cavp_records("asymmetric", "RSA", "FIPS_186-2", "SigVer15_186-3.rsp"))
    assert len(vectors) == 450
    assert all({"n", "e", "d", "p", "q", "S", "Result"} <= set(v) for v in vectors)
    assert {v["mod"] for v in vectors} == {"1024", "1536", "2048", "3072", "4096"}


@pytest.mark.parametrize(
    "name",
    ["SHA-1", "SHA1", "sha256", "SHA-512/224", "SHA-512/256", "SHA3-384", "sha3_512", "SHAKE128"],
)
def test_hash_for(name: str, reference: Reference) -> None:
    reference("hazmat.primitives.hashes")
    ours, theirs = hash_for(name), hash_for(name, "cryptography")
    assert isinstance(ours, hashes.HashAlgorithm)
    assert (ours.name, ours.digest_size) == (theirs.name, theirs.digest_size)


def test_private_key_from_n_e_d() -> None:
    key = rsa.generate_private_key(65537, 1024)
    numbers = key.private_numbers()
    again = rsa_private_key(numbers.public_numbers.n, 65537, numbers.d)
    assert again.private_numbers() == numbers


def test_vector_root_is_a_directory() -> None:
    assert Path(vector_path("asymmetric", "RSA", "oaep-label.txt")).is_file()
