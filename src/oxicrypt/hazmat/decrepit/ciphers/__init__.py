"""Decrepit ciphers and modes (see :mod:`oxicrypt.hazmat.decrepit`)."""
