"""ECDSA, RSA and DSA keys copy one prepared OpenSSL context per signature or verification;
threads using one key at once (the GIL is released meanwhile), with different settings
each, must get exactly the single-threaded results."""

from __future__ import annotations

import threading
from typing import Callable

from oxicrypt.exceptions import InvalidSignature
from oxicrypt.hazmat.primitives import hashes
from oxicrypt.hazmat.primitives.asymmetric import dsa, ec, padding, rsa

ROUNDS = 40


def _run(workers: list[Callable[[], None]]) -> None:
    errors: list[BaseException] = []

    def guarded(work: Callable[[], None]) -> None:
        try:
            for _ in range(ROUNDS):
                work()
        except BaseException as exc:  # reported to the main thread below
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_ecdsa_from_threads() -> None:
    key = ec.derive_private_key(123456789, ec.SECP256R1())
    public = key.public_key()
    deterministic = ec.ECDSA(hashes.SHA256(), deterministic_signing=True)
    expected = key.sign(b"fixed", deterministic)

    def deterministic_signer() -> None:
        # A context configured for RFC 6979 nonces by another thread must not matter.
        assert key.sign(b"fixed", deterministic) == expected

    def random_signer() -> None:
        signature = key.sign(b"random", ec.ECDSA(hashes.SHA384()))
        assert signature != key.sign(b"random", ec.ECDSA(hashes.SHA384()))
        public.verify(signature, b"random", ec.ECDSA(hashes.SHA384()))

    def verifier() -> None:
        public.verify(expected, b"fixed", deterministic)
        try:
            public.verify(expected, b"other", deterministic)
        except InvalidSignature:
            return
        raise AssertionError("a signature of another message verified")

    _run([deterministic_signer, random_signer, verifier, deterministic_signer])


def test_rsa_from_threads() -> None:
    key = rsa.generate_private_key(65537, 2048)
    public = key.public_key()
    pkcs1 = padding.PKCS1v15()
    pss = padding.PSS(padding.MGF1(hashes.SHA256()), padding.PSS.MAX_LENGTH)
    expected = key.sign(b"fixed", pkcs1, hashes.SHA256())

    def pkcs1_signer() -> None:
        # PKCS #1 v1.5 is deterministic: PSS settings of other threads must not leak in.
        assert key.sign(b"fixed", pkcs1, hashes.SHA256()) == expected

    def pss_signer() -> None:
        signature = key.sign(b"pss", pss, hashes.SHA512())
        public.verify(signature, b"pss", pss, hashes.SHA512())
        try:
            public.verify(signature, b"pss", pkcs1, hashes.SHA512())
        except InvalidSignature:
            return
        raise AssertionError("a PSS signature verified as PKCS #1 v1.5")

    def verifier() -> None:
        public.verify(expected, b"fixed", pkcs1, hashes.SHA256())
        try:
            public.verify(expected, b"fixed", pkcs1, hashes.SHA384())
        except InvalidSignature:
            return
        raise AssertionError("a signature verified under another hash")

    _run([pkcs1_signer, pss_signer, verifier, pss_signer])


def test_dsa_from_threads() -> None:
    key = dsa.generate_private_key(2048)
    public = key.public_key()
    signatures = [key.sign(b"fixed", hashes.SHA256()) for _ in range(2)]
    # Each signature draws its own nonce, including from a copied context.
    assert signatures[0] != signatures[1]

    def signer() -> None:
        public.verify(key.sign(b"mine", hashes.SHA384()), b"mine", hashes.SHA384())

    def verifier() -> None:
        public.verify(signatures[0], b"fixed", hashes.SHA256())
        try:
            public.verify(signatures[0], b"fixed", hashes.SHA224())
        except InvalidSignature:
            return
        raise AssertionError("a signature verified under another hash")

    _run([signer, verifier, signer, verifier])
