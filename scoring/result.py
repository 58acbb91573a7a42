"""What a scorer returns: a 0–100 score (or None when it could not judge) and its findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scoring.findings import Dimension, Finding


@dataclass
class DimensionResult:
    """One dimension's score, the evidence behind it, and figures worth showing."""

    dimension: Dimension
    score: int | None
    findings: list[Finding] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    skipped: str | None = None


def clamp(value: float) -> int:
    return max(0, min(100, round(value)))
