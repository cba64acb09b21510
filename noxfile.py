"""Developer sessions: ``nox -s tests lint docs bench``.

Every session installs what it needs into its own virtualenv, so a fresh machine with
Rust, a C compiler, perl and Python >= 3.9 runs them all.
"""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "venv"
nox.options.sessions = ["tests", "lint", "docs"]
nox.options.error_on_missing_interpreters = True


def _install_package(session: nox.Session, *extras: str) -> None:
    spec = f".[{','.join(extras)}]" if extras else "."
    session.install("--upgrade", "pip")
    # The build compiles the Rust extension (and, by default, OpenSSL) in target/.
    session.install(spec, "./vectors")


@nox.session
def tests(session: nox.Session) -> None:
    """pytest (with Wycheproof when OXICRYPT_WYCHEPROOF_ROOT is set) and cargo test."""
    _install_package(session, "test")
    args = session.posargs or []
    session.run("python", "-m", "pytest", "-p", "no:cacheprovider", *args)
    session.run(
        "cargo",
        "test",
        "--release",
        "--locked",
        "-p",
        "oxicrypt-openssl",
        "-p",
        "oxicrypt-keys",
        "-p",
        "oxicrypt-x509",
        external=True,
    )


@nox.session
def lint(session: nox.Session) -> None:
    """rustfmt, clippy -D warnings, ruff, mypy."""
    session.run("cargo", "fmt", "--all", "--", "--check", external=True)
    session.run(
        "cargo",
        "clippy",
        "--release",
        "--locked",
        "--all-targets",
        "--",
        "-D",
        "warnings",
        external=True,
    )
    _install_package(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")


@nox.session
def docs(session: nox.Session) -> None:
    """Sphinx HTML build and doctests, warnings as errors."""
    _install_package(session, "docs")
    session.run("python", "-m", "sphinx", "-W", "-b", "html", "docs", "docs/_build/html")
    session.run("python", "-m", "sphinx", "-W", "-b", "doctest", "docs", "docs/_build/doctest")


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks against the reference, installed side by side."""
    _install_package(session, "test")
    session.run("python", "benchmarks/run.py", *session.posargs)


FUZZ_TARGETS = [
    "pkcs8",
    "spki",
    "traditional",
    "encrypted_pkcs8",
    "pem",
    "ssh_public",
    "ssh_private",
    "dh_params",
    "dss_signature",
    "x509_certificate",
    "x509_csr",
    "x509_crl",
    "x509_sct",
    "x509_pem",
]


@nox.session(venv_backend="none")
def fuzz(session: nox.Session) -> None:
    """Coverage-guided fuzzing of every key-container and X.509 parser (cargo-fuzz, nightly Rust).

    ``nox -s fuzz -- 300`` fuzzes each target for 300 seconds (default 60)."""
    seconds = session.posargs[0] if session.posargs else "60"
    for target in FUZZ_TARGETS:
        session.run(
            "cargo",
            "+nightly",
            "fuzz",
            "run",
            target,
            "--",
            f"-max_total_time={seconds}",
            "-rss_limit_mb=2048",
            external=True,
        )
