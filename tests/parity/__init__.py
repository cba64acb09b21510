"""Parity tests: oxicrypt against vectors computed by the C implementations it replaces."""
