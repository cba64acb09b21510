"""Hazardous materials: low-level primitives that are easy to misuse."""
