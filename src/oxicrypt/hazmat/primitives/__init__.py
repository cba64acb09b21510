"""Cryptographic primitives."""
