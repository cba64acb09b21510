"""Key derivation functions: the interface every KDF class of the submodules follows."""

from __future__ import annotations

import abc

from oxicrypt.utils import Buffer

__all__ = ["Buffer", "KeyDerivationFunction"]


class KeyDerivationFunction(metaclass=abc.ABCMeta):
    """A key derivation function. Each instance derives once: calling ``derive``,
    ``derive_into`` or ``verify`` a second time raises
    :class:`~oxicrypt.exceptions.AlreadyFinalized`."""

    @abc.abstractmethod
    def derive(self, key_material: bytes) -> bytes:
        """Derives a key from ``key_material`` and returns it."""

    @abc.abstractmethod
    def derive_into(self, key_material: bytes, buffer: Buffer) -> None:
        """Derives a key from ``key_material`` into ``buffer``, which must be writable and
        exactly as long as the key."""

    @abc.abstractmethod
    def verify(self, key_material: bytes, expected_key: bytes) -> None:
        """Derives a key from ``key_material`` and compares it with ``expected_key`` in
        constant time, raising :class:`~oxicrypt.exceptions.InvalidKey` if they differ."""
