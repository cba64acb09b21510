"""Reading Wycheproof test vector files (``<root>/testvectors_v1/<name>.json``)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

# Used by the skip of every Wycheproof test when no root is configured.
NO_ROOT_REASON = (
    "Wycheproof vectors not configured: pass --wycheproof-root or set OXICRYPT_WYCHEPROOF_ROOT"
)


@dataclasses.dataclass(frozen=True)
class WycheproofCase:
    """One test of a Wycheproof file, with the group it belongs to."""

    file: str
    algorithm: str
    group: dict[str, Any]
    test: dict[str, Any]

    @property
    def tc_id(self) -> int:
        return int(self.test["tcId"])

    @property
    def result(self) -> str:
        return str(self.test["result"])

    @property
    def valid(self) -> bool:
        return self.result == "valid"

    @property
    def invalid(self) -> bool:
        return self.result == "invalid"

    def hex(self, name: str) -> bytes:
        return bytes.fromhex(self.test[name])

    def __str__(self) -> str:
        return f"{self.file} tcId {self.tc_id} ({self.result}: {self.test.get('comment', '')})"


def load_file(root: str | Path, name: str) -> dict[str, Any]:
    """The parsed JSON of ``name`` (with or without ``.json``) under ``root``."""
    if not name.endswith(".json"):
        name += ".json"
    path = Path(root) / "testvectors_v1" / name
    with path.open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def load_cases(root: str | Path, name: str) -> list[WycheproofCase]:
    """Every test of the file ``name``, in file order."""
    data = load_file(root, name)
    cases = [
        WycheproofCase(name, data["algorithm"], group, test)
        for group in data["testGroups"]
        for test in group["tests"]
    ]
    if len(cases) != data.get("numberOfTests", len(cases)):
        raise ValueError(f"{name}: numberOfTests says {data['numberOfTests']}, read {len(cases)}")
    return cases
