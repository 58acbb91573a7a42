"""The valid files roleplay ships, read once: the starting points for mutations."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from simulator.authoring.library import BUNDLED_SCENARIOS
from simulator.authoring.packs import BUNDLED_PACKS
from simulator.authoring.voices import BUNDLED_VOICES

TRANSCRIPTS = Path(__file__).parent.parent / "data" / "transcripts"


@dataclass(frozen=True)
class Shipped:
    path: Path
    text: str = field(repr=False)
    data: Any = field(repr=False)

    @property
    def stem(self) -> str:
        return self.path.stem


def _read(paths: list[Path], parse: Any) -> list[Shipped]:
    shipped = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        shipped.append(Shipped(path, text, parse(text)))
    return shipped


SCENARIOS = _read(sorted(BUNDLED_SCENARIOS.glob("*.yml")), yaml.safe_load)
PACKS = _read(sorted(BUNDLED_PACKS.rglob("*.yml")), yaml.safe_load)
VOICES = _read(sorted(BUNDLED_VOICES.glob("*.yml")), yaml.safe_load)
GOOD_TRANSCRIPTS = _read(
    [
        TRANSCRIPTS / f"{name}.json"
        for name in ("en-good", "fr-balagtas", "fr-mauvais", "no-timing")
    ],
    json.loads,
)
