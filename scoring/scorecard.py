"""Score a whole conversation on the four dimensions and combine them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scoring.empathy import score_empathy
from scoring.findings import Dimension, Finding
from scoring.interruptions import score_interruptions
from scoring.pacing import PacingBands, score_pacing
from scoring.phrases import transcript_findings
from scoring.result import DimensionResult, clamp
from scoring.ruleset import RuleSet
from scoring.suggestions import fit_results
from scoring.transcript import Transcript

# What a trainer weighs first: was the customer respected (avoided phrases) and cared for
# (empathy, the next step); pace and interruptions support them.
DEFAULT_WEIGHTS: dict[str, float] = {
    "pacing": 15.0,
    "interruptions": 15.0,
    "empathy": 35.0,
    "avoided_phrases": 35.0,
}
# What each avoided-phrase finding costs, by its level.
PHRASE_COST = {"error": 20, "warning": 10, "suggestion": 5, "info": 0}


def score_avoided_phrases(transcript: Transcript, rules: list) -> DimensionResult:
    findings = transcript_findings(rules, transcript)
    if not transcript.agent_turns():
        return DimensionResult("avoided_phrases", None, [], {}, skipped="agent_silent")
    cost = sum(PHRASE_COST[f.severity] for f in findings)
    return DimensionResult("avoided_phrases", clamp(100 - cost), findings, {"count": len(findings)})


@dataclass
class Scorecard:
    """Scores per dimension, the weighted overall score and every finding."""

    locale: str
    overall: int | None
    dimensions: dict[Dimension, DimensionResult]
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))

    @property
    def findings(self) -> list[Finding]:
        every = [f for d in self.dimensions.values() for f in d.findings]
        return sorted(every, key=lambda f: (f.turn is None, f.turn or 0, f.dimension))

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall,
            "locale": self.locale,
            "weights": self.weights,
            "dimensions": {
                name: {"score": d.score, "skipped": d.skipped, **d.details}
                for name, d in self.dimensions.items()
            },
            "findings": [f.to_dict() for f in self.findings],
        }


def weighted_overall(
    scores: Mapping[str, float | None], weights: Mapping[str, float]
) -> int | None:
    """Weighted mean of the scores that are not None (dimensions that could be scored).

    The one overall-score formula: the scorer uses it, and so does every view that
    recomputes a stored session's overall after a reviewer overrides a dimension.
    """
    scored = [(weights.get(n, 0), s) for n, s in scores.items() if s is not None]
    total = sum(w for w, _ in scored)
    if not scored or total <= 0:
        return None
    return clamp(sum(w * s for w, s in scored) / total)


def combine(
    results: Mapping[Dimension, DimensionResult], weights: Mapping[str, float]
) -> int | None:
    """Weighted mean of the dimensions that could be scored."""
    return weighted_overall({n: r.score for n, r in results.items()}, weights)


def score_transcript(
    transcript: Transcript,
    rules: RuleSet,
    weights: Mapping[str, float] | None = None,
    bands: PacingBands | None = None,
    lines: Mapping[str, str] | None = None,
) -> Scorecard:
    """Score every dimension of ``transcript`` with ``rules`` (compiled by the caller)."""
    if rules.locale != transcript.locale:
        raise ValueError(f"rules for {rules.locale!r} cannot score a {transcript.locale!r} call")
    results: dict[Dimension, DimensionResult] = {
        "pacing": score_pacing(transcript, bands),
        "interruptions": score_interruptions(transcript),
        "empathy": score_empathy(transcript, rules.for_dimension("empathy")),
        "avoided_phrases": score_avoided_phrases(
            transcript, rules.for_dimension("avoided_phrases")
        ),
    }
    fit_results(results, transcript, lines, rules.for_dimension("avoided_phrases"))
    chosen = dict(DEFAULT_WEIGHTS if weights is None else weights)
    return Scorecard(transcript.locale, combine(results, chosen), results, chosen)
