"""Phrase rules over each agent turn: avoided phrases and empathy markers."""

from __future__ import annotations

from scoring.findings import Finding
from scoring.rules import CompiledRule, Hit, TurnContext
from scoring.scope import Span, is_negated, is_quoted, quoted_spans
from scoring.spoken import normalise
from scoring.transcript import Transcript


def rule_hits(
    rule: CompiledRule,
    text: str,
    context: TurnContext | None = None,
    quoted: dict[str, list[Span]] | None = None,
) -> list[Hit]:
    """Where ``rule`` fires in one agent turn.

    A phrase to avoid (a rule of a negative pack) only counts when the agent says it in
    their own voice: not inside a quotation ("you said 'it's not my problem'"), not
    under a negation ("I'm not going to tell you to calm down"); see
    :mod:`scoring.scope`. ``quoted`` remembers the quoted spans per locale across the
    rules of one turn.
    """
    context = context or TurnContext()
    hits = rule.hits(text, context)
    if not hits or rule.pack.polarity != "negative":
        return hits
    norm = normalise(text, rule.locale)
    quoted = {} if quoted is None else quoted
    if rule.locale not in quoted:
        quoted[rule.locale] = quoted_spans(norm, context.previous_customer_text, rule.locale)
    spans = quoted[rule.locale]
    return [
        hit
        for hit in hits
        if not is_quoted(hit.start, hit.end, spans) and not is_negated(norm, hit.start, rule.locale)
    ]


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
    quoted: dict[str, list[Span]] = {}
    for rule in rules:
        hits = rule_hits(rule, text, context, quoted)
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
