"""Key-based key derivation in counter mode (NIST SP 800-108), with HMAC or CMAC as the
pseudorandom function, implemented in Rust on OpenSSL."""

from __future__ import annotations

from oxicrypt import utils
from oxicrypt.hazmat.primitives.kdf import KeyDerivationFunction

__all__ = ["KBKDFCMAC", "KBKDFHMAC", "CounterLocation", "KeyDerivationFunction", "Mode"]


class Mode(utils.Enum):
    """The SP 800-108 mode. Only counter mode is offered."""

    CounterMode = "ctr"


class CounterLocation(utils.Enum):
    """Where the counter goes in each PRF input, relative to the fixed input data."""

    BeforeFixed = "before_fixed"
    AfterFixed = "after_fixed"
    MiddleFixed = "middle_fixed"


# Imported after the enums: the Rust classes look them up in this module.
from oxicrypt._rust import kdf as _rust_kdf  # noqa: E402

KBKDFHMAC = _rust_kdf.KBKDFHMAC
KBKDFCMAC = _rust_kdf.KBKDFCMAC
KeyDerivationFunction.register(KBKDFHMAC)
KeyDerivationFunction.register(KBKDFCMAC)
