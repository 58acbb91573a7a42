"""Findings: the immutable evidence every score is built from."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Dimension = Literal["pacing", "interruptions", "empathy", "avoided_phrases"]
Polarity = Literal["positive", "negative"]
Severity = Literal["error", "warning", "suggestion", "info"]

DIMENSIONS: tuple[Dimension, ...] = ("pacing", "interruptions", "empathy", "avoided_phrases")


@dataclass(frozen=True)
class Finding:
    """One observation about the agent, with the quote that proves it.

    ``turn`` indexes the transcript's turns; it is None for an observation about
    the whole call (for example "no next step was ever stated").
    """

    dimension: Dimension
    rule: str
    polarity: Polarity
    severity: Severity
    message: str
    turn: int | None = None
    time: float | None = None
    quote: str = ""
    suggestion: str | None = None
    category: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)
