"""X.509 benchmark cases: the same certificates loaded into each library."""

from __future__ import annotations

import datetime
import importlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

Case = Callable[[], object]


def sample_certificate() -> bytes:
    """A real web server certificate with eight extensions, from cryptography-vectors."""
    import cryptography_vectors

    root = Path(cryptography_vectors.__file__).parent
    return (root / "x509" / "cryptography.io.pem").read_bytes()


def certifi_bundle() -> bytes | None:
    """The Mozilla CA bundle as packaged by certifi, when it is installed."""
    try:
        import certifi
    except ImportError:
        return None
    return Path(certifi.where()).read_bytes()


def x509_cases(top: str, certificate: bytes, bundle: bytes | None) -> dict[str, Case]:
    x509 = importlib.import_module(f"{top}.x509")

    def load_and_read() -> object:
        cert = x509.load_pem_x509_certificate(certificate)
        return (
            cert.subject,
            cert.issuer,
            cert.serial_number,
            cert.not_valid_before_utc,
            cert.not_valid_after_utc,
            [e.value for e in cert.extensions],
        )

    cases: dict[str, Case] = {
        "load a certificate, read subject, issuer, serial, validity, extensions": load_and_read
    }
    ed25519 = importlib.import_module(f"{top}.hazmat.primitives.asymmetric.ed25519")
    key = ed25519.Ed25519PrivateKey.from_private_bytes(bytes(32))
    name = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "bench.example")])
    start = datetime.datetime(2025, 1, 1)

    def build_and_sign() -> object:
        return (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(1234567)
            .not_valid_before(start)
            .not_valid_after(start + datetime.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("bench.example")]), False)
            .add_extension(
                x509.KeyUsage(True, False, False, False, False, True, True, False, False), True
            )
            .sign(key, None)
        )

    loaded = x509.load_pem_x509_certificate(certificate)
    values = [e.value for e in loaded.extensions]
    cases["build and sign an Ed25519 certificate with three extensions"] = build_and_sign
    cases["public_bytes of the loaded certificate's extensions"] = lambda: [
        v.public_bytes() for v in values
    ]
    encoding = importlib.import_module(f"{top}.hazmat.primitives.serialization").Encoding
    cases["Certificate.public_bytes(DER) of a loaded certificate"] = lambda: loaded.public_bytes(
        encoding.DER
    )
    cases["Certificate.public_bytes(PEM) of a loaded certificate"] = lambda: loaded.public_bytes(
        encoding.PEM
    )
    if bundle is not None:
        cases["load_pem_x509_certificates(certifi bundle)"] = lambda: (
            x509.load_pem_x509_certificates(bundle)
        )
    return cases


_MEMORY_PROBE = """
import json, resource, sys
from importlib import import_module


def peak_kib():
    # VmHWM belongs to this process's own address space. ru_maxrss does not: Linux
    # carries the parent's peak across fork and exec, so a probe started from a large
    # parent (benchmarks/run.py) would see its growth hidden under the parent's peak.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


x509 = import_module(sys.argv[1] + ".x509")
pem = open(sys.argv[2], "rb").read()
count = int(sys.argv[3])
certs = x509.load_pem_x509_certificates(pem)
before = peak_kib()
kept = []
while len(kept) < count:
    kept.extend(x509.load_pem_x509_certificates(pem))
del kept[count:]
for c in kept:
    c.subject
after = peak_kib()
print(json.dumps({"kib": after - before, "count": len(kept)}))
"""


def peak_memory_kib(top: str, bundle_path: str, count: int) -> int:
    """Growth of the peak resident set (KiB) while holding ``count`` loaded certificates
    whose subjects were read, in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, top, bundle_path, str(count)],
        capture_output=True,
        check=True,
        text=True,
    )
    return int(json.loads(done.stdout)["kib"])
