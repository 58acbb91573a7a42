"""Phrase rules over each agent turn: avoided phrases and empathy markers."""

from __future__ import annotations

from scoring.findings import Finding
from scoring.rules import CompiledRule, TurnContext
from scoring.transcript import Transcript


def turn_findings(
    rules: list[CompiledRule],
    text: str,
    turn: int | None,
    time: float | None = None,
    context: TurnContext | None = None,
) -> list[Finding]:
    """What the rules find on one agent turn: one finding per rule, quoting its first hit
    ("Attendez, attendez" is one hurried moment, not two)."""
    found: list[Finding] = []
    for rule in rules:
        hits = rule.hits(text, context)
        if hits:
            found.append(rule.finding(hits[0], turn, time))
    return found


def transcript_findings(rules: list[CompiledRule], transcript: Transcript) -> list[Finding]:
    """Every finding the rules make on the agent's turns."""
    found: list[Finding] = []
    for index, turn in transcript.agent_turns():
        previous = transcript.previous_customer(index)
        context = TurnContext(transcript.customer_name, previous[1].text if previous else None)
        found.extend(turn_findings(rules, turn.text, index, turn.start, context))
    return found
