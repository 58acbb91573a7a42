"""Scored sessions made to order, for tests of what a team lead reads: who, which
scenario, when, how it ended, the scores, the avoided phrases said."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from scoring.findings import DIMENSIONS
from simulator.store.records import SessionRecord


def made_session(
    session_id: str,
    agent: str,
    day: int,
    scenario: str = "fr-facture-contestee",
    outcome: str = "resolved",
    scores: Mapping[str, int | None] | None = None,
    phrases: Sequence[tuple[str, str]] = (),
    title: str = "Une option facturée sans accord",
    objectives: Sequence[bool] = (),
) -> SessionRecord:
    """A scored typed session of ``agent`` on day ``day`` of November 2026; ``phrases``
    are (rule, quote) of the avoided phrases said in its one reply, ``objectives`` whether
    each of the scenario's checked objectives was met."""
    given = dict(scores or {"empathy": 50, "avoided_phrases": 80})
    values = {d: given.get(d) for d in DIMENSIONS}
    present = [v for v in values.values() if v is not None]
    overall = round(sum(present) / len(present)) if present else None
    findings = [
        {
            "dimension": "avoided_phrases",
            "rule": rule,
            "polarity": "negative",
            "severity": "warning",
            "message": "À éviter.",
            "turn": 1,
            "quote": quote,
            "suggestion": "Dites plutôt autre chose.",
        }
        for rule, quote in phrases
    ]
    return SessionRecord.model_validate(
        {
            "id": session_id,
            "agent": agent,
            "scenario": scenario,
            "title": title,
            "locale": "fr",
            "started_at": f"2026-11-{day:02d}T09:00:00+00:00",
            "ended_at": f"2026-11-{day:02d}T09:04:30+00:00",
            "status": "scored",
            "outcome": outcome,
            "transcript": {
                "locale": "fr",
                "turns": [
                    {"speaker": "customer", "text": "Allô ?"},
                    {"speaker": "agent", "text": " ".join(q for _, q in phrases) or "Bonjour."},
                ],
            },
            "scorecard": {
                "overall": overall,
                "locale": "fr",
                "dimensions": {d: {"score": v} for d, v in values.items()},
                "findings": findings,
                "objectives": [
                    {"id": f"objective-{n}", "text": f"Objective {n}", "met": met}
                    for n, met in enumerate(objectives, 1)
                ],
            },
            "overall": overall,
            "scores": values,
        }
    )
