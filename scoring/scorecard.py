"""Score a whole conversation on the four dimensions and combine them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from scoring.empathy import score_empathy
from scoring.findings import Dimension, Finding
from scoring.interruptions import score_interruptions
from scoring.objectives import Objective, ObjectiveResult, check_all
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
# How a practice call ended, worth this much before its objectives are weighed: helping
# the customer with the facts right ranks above a proper escalation (the request goes in
# writing), above a transfer to a manager, above a call stopped early or hung up on.
OUTCOME_VALUE: dict[str, int] = {
    "resolved": 100,
    "escalated": 70,
    "transferred": 50,
    "stopped": 20,
    "hung_up": 0,
}
# The share of the overall that the call's result carries when the call has one.
CALL_RESULT_WEIGHT = 0.6
# With no objective met, an outcome keeps this share of its value.
UNMET_SHARE = 0.25
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
    outcome: str | None = None
    objectives: list[ObjectiveResult] = field(default_factory=list)
    call_result: int | None = None
    words_unheard: bool = False
    """Spoken with no word recognised (:func:`words_unheard`): the dimensions that need
    words, the objectives and the outcome were not judged."""

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
            "outcome": self.outcome,
            "objectives": [o.to_dict() for o in self.objectives],
            "call_result": self.call_result,
            "words_unheard": self.words_unheard,
        }


def words_unheard(transcript: Transcript) -> bool:
    """The agent spoke (their turns were measured from the audio) but no word of it was
    recognised: a spoken call with no recogniser."""
    agent = [turn for _, turn in transcript.agent_turns()]
    return (
        bool(agent)
        and all(not t.text.strip() for t in agent)
        and any(t.measured is not None for t in agent)
    )


def call_result(outcome: str | None, objectives: Sequence[ObjectiveResult]) -> int | None:
    """What the call achieved, 0–100: its outcome's value (:data:`OUTCOME_VALUE`), scaled
    by the share of objectives met (from :data:`UNMET_SHARE` with none met to all of it).
    None for a call without a scenario's ending (an imported transcript)."""
    value = OUTCOME_VALUE.get(outcome or "")
    if value is None:
        return None
    share = sum(o.met for o in objectives) / len(objectives) if objectives else 1.0
    return clamp(value * (UNMET_SHARE + (1 - UNMET_SHARE) * share))


def weighted_overall(
    scores: Mapping[str, float | None],
    weights: Mapping[str, float],
    result: float | None = None,
) -> int | None:
    """The overall score: the weighted mean of the scores that are not None (dimensions
    that could be scored), blended with the call's result when it has one
    (:data:`CALL_RESULT_WEIGHT` of the overall). A dimension that was not measured never
    counts, as perfect or otherwise.

    The one overall-score formula: the scorer uses it, and so does every view that
    recomputes a stored session's overall after a reviewer overrides a dimension.
    """
    scored = [(weights.get(n, 0), s) for n, s in scores.items() if s is not None]
    total = sum(w for w, _ in scored)
    measured = sum(w * s for w, s in scored) / total if scored and total > 0 else None
    if result is None:
        return None if measured is None else clamp(measured)
    if measured is None:
        return clamp(result)
    return clamp((1 - CALL_RESULT_WEIGHT) * measured + CALL_RESULT_WEIGHT * result)


def combine(
    results: Mapping[Dimension, DimensionResult],
    weights: Mapping[str, float],
    result: float | None = None,
) -> int | None:
    """The overall of these dimension results (and the call's result, if any)."""
    return weighted_overall({n: r.score for n, r in results.items()}, weights, result)


def score_transcript(
    transcript: Transcript,
    rules: RuleSet,
    weights: Mapping[str, float] | None = None,
    bands: PacingBands | None = None,
    lines: Mapping[str, str] | None = None,
    objectives: Sequence[Objective] = (),
    outcome: str | None = None,
) -> Scorecard:
    """Score every dimension of ``transcript`` with ``rules`` (compiled by the caller);
    with a practice call's ``outcome`` and its scenario's ``objectives``, the overall
    also weighs what the call achieved."""
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
    unheard = words_unheard(transcript)
    if unheard:
        # spoken with no recogniser: what needs words was not heard, so it is not judged
        for name in ("empathy", "avoided_phrases"):
            results[name] = DimensionResult(name, None, [], {}, skipped="no_words")
    fit_results(results, transcript, lines, rules.for_dimension("avoided_phrases"))
    chosen = dict(DEFAULT_WEIGHTS if weights is None else weights)
    # Without words the objectives cannot be checked, and the customer followed the
    # scenario's main path whatever was said: the outcome was not earned either, so the
    # overall is what was measured from the audio alone.
    checked = [] if unheard else check_all(transcript, objectives, rules.for_dimension("empathy"))
    result = None if unheard else call_result(outcome, checked)
    overall = combine(results, chosen, result)
    return Scorecard(transcript.locale, overall, results, chosen, outcome, checked, result, unheard)
