"""Asymmetric (public-key) primitives."""
