"""Empathy: acknowledging, apologising, reformulating, naming, offering help, next step."""

from __future__ import annotations

from scoring.findings import Finding
from scoring.messages import say
from scoring.phrases import transcript_findings
from scoring.result import DimensionResult
from scoring.rules import CompiledRule
from scoring.transcript import Transcript

# How much each part of empathy is worth in the dimension's score; they add up to 100.
WEIGHTS: dict[str, int] = {
    "acknowledge": 20,
    "apologise": 15,
    "reformulate": 20,
    "name": 10,
    "offer_help": 15,
    "next_step": 20,
}


def score_empathy(transcript: Transcript, rules: list[CompiledRule]) -> DimensionResult:
    """Score empathy by which of its parts the agent showed at least once."""
    found = transcript_findings(rules, transcript)
    agent_turns = transcript.agent_turns()
    per_turn = {index: set() for index, _ in agent_turns}
    for finding in found:
        if finding.turn is not None and finding.category:
            per_turn[finding.turn].add(finding.category)
    shown = set().union(*per_turn.values()) if per_turn else set()
    findings = list(found)
    if agent_turns:
        for category in WEIGHTS:
            if category in shown or (category == "name" and not transcript.customer_name):
                continue
            findings.append(
                Finding(
                    "empathy",
                    f"empathy.missing-{category.replace('_', '-')}",
                    "negative",
                    "warning" if WEIGHTS[category] >= 20 else "suggestion",
                    say(f"missing.{category}", transcript.locale),
                    None,
                    None,
                    "",
                    say(
                        f"missing.{category}.fix",
                        transcript.locale,
                        name=transcript.customer_name or "",
                    ),
                    category,
                )
            )
    possible = sum(w for c, w in WEIGHTS.items() if c != "name" or transcript.customer_name)
    earned = sum(WEIGHTS[c] for c in shown if c in WEIGHTS)
    if not agent_turns:
        return DimensionResult("empathy", None, [], {}, skipped="agent_silent")
    details = {
        "shown": sorted(shown),
        "per_turn": [{"turn": t, "categories": sorted(c)} for t, c in sorted(per_turn.items())],
    }
    return DimensionResult("empathy", round(100 * earned / possible), findings, details)
