"""Algorithms kept only for interoperability with old systems and data: they are weak,
slow or both. Nothing here should be used to protect new data."""
