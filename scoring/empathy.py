"""Empathy: acknowledging, apologising, reformulating, naming, offering help, next step.

Empathy is scored on what the call called for, not on a checklist of phrases:

- the first time the customer voices a problem or a feeling, the agent's answer (that
  exchange or the next) should acknowledge it or apologise; each later time they voice
  a feeling, acknowledging it or committing to act on it will do — a neutral enquiry
  or a "thank you" owes neither;
- once a problem was stated, the agent should restate it in their own words;
- once the customer asked for something, the agent should commit to helping with it;
  when something must be done, say what happens next — fully credited when it says
  when (or that it is done), partly when it does not; a customer who only asked to be
  told something is owed an answer;
- when the customer's name is known, the agent should use it.

The score is the share of those expectations met, weighted by :data:`WEIGHTS`; a turn
that says an earlier one again earns nothing and costs :data:`REPEAT_COST`. A call that
called for nothing (no problem, feeling or request) has no empathy score.
"""

from __future__ import annotations

from scoring.behaviours import (
    Exchange,
    exchanges,
    is_statement,
    reads_back,
    recaps_details,
    repeats_earlier,
    says_when,
    turn_evidence,
)
from scoring.findings import Finding
from scoring.messages import say
from scoring.result import DimensionResult, clamp
from scoring.rules import CompiledRule
from scoring.transcript import Transcript

# How much each expectation is worth when the call calls for it.
WEIGHTS: dict[str, int] = {
    "acknowledge": 30,  # acknowledging or apologising where trouble was voiced
    "reformulate": 15,
    "offer_help": 15,
    "next_step": 30,
    "name": 10,
}
REPEAT_COST = 10
# Checking the details of a request (reading back an address, an amount) where no
# problem made a restatement owed: worth this much on top.
READ_BACK_BONUS = 10
# Later troubles owed an answer, after the first: a customer who voices a new feeling.
MAX_TROUBLES = 4
EMPATHY_WORDS = frozenset({"acknowledge", "apologise"})
COMMITMENTS = frozenset({"offer_help", "next_step"})
# A next step that says what and who but not when is worth this share of one that does.
NEXT_STEP_WITHOUT_WHEN = 0.6


def _trouble_turns(calls: list[Exchange]) -> list[int]:
    """The exchanges whose trouble the agent owed an acknowledgement: the first problem or
    feeling, and every later feeling."""
    owed: list[int] = []
    for position, exchange in enumerate(calls):
        if not exchange.need.trouble:
            continue
        if not owed or exchange.need.feeling:
            owed.append(position)
    return owed[:MAX_TROUBLES]


def _missing(category: str, transcript: Transcript, turn: int | None = None) -> Finding:
    key = "acknowledge" if category == "trouble" else category
    return Finding(
        "empathy",
        f"empathy.missing-{key.replace('_', '-')}",
        "negative",
        "warning" if WEIGHTS[key] >= 20 else "suggestion",
        say("unanswered.trouble" if category == "trouble" else f"missing.{key}", transcript.locale),
        turn,
        transcript.turns[turn].start if turn is not None else None,
        transcript.turns[turn].text[:80] if turn is not None else "",
        say(f"missing.{key}.fix", transcript.locale, name=transcript.customer_name or ""),
        key,
    )


def _next_step_share(
    transcript: Transcript, calls: list[Exchange], per_turn: dict[int, set[str]]
) -> float:
    """1 for a next step that says when (in its turn or the agent's next ones before the
    customer speaks again), :data:`NEXT_STEP_WITHOUT_WHEN` for one that does not, else 0."""
    best = 0.0
    for exchange in calls:
        for position, index in enumerate(exchange.agent):
            if "next_step" not in per_turn.get(index, set()):
                continue
            rest = exchange.agent[position:]
            timed = any(says_when(transcript.turns[i].text, transcript.locale) for i in rest)
            best = max(best, 1.0 if timed else NEXT_STEP_WITHOUT_WHEN)
    return best


def score_empathy(transcript: Transcript, rules: list[CompiledRule]) -> DimensionResult:
    """Score empathy by how well the moments that called for it got it."""
    agent_turns = transcript.agent_turns()
    if not agent_turns:
        return DimensionResult("empathy", None, [], {}, skipped="agent_silent")
    findings: list[Finding] = []
    per_turn: dict[int, set[str]] = {}
    repeats: list[int] = []
    for index, _ in agent_turns:
        found = [f for f in turn_evidence(transcript, index, rules) if f.dimension == "empathy"]
        findings.extend(found)
        per_turn[index] = {f.category for f in found if f.category}
        earlier = repeats_earlier(transcript, index)
        if earlier is not None:
            repeats.append(index)
            findings.append(
                Finding(
                    "empathy",
                    "empathy.repeated",
                    "negative",
                    "warning",
                    say("repeated", transcript.locale),
                    index,
                    transcript.turns[index].start,
                    transcript.turns[index].text[:80],
                    say("repeated.fix", transcript.locale),
                )
            )
    shown = set().union(*per_turn.values())

    calls = exchanges(transcript)
    expected: dict[str, float] = {}
    owed = _trouble_turns(calls)
    if owed:
        met = 0
        for number, position in enumerate(owed):
            answer = [i for e in calls[position : position + 2] for i in e.agent]
            # the first trouble is owed words; later ones may be answered by acting on it
            fits = EMPATHY_WORDS if number == 0 else EMPATHY_WORDS | COMMITMENTS
            if any(per_turn.get(i, set()) & fits for i in answer):
                met += 1
            else:
                findings.append(_missing("trouble", transcript, answer[0] if answer else None))
        expected["acknowledge"] = met / len(owed)
    checked = "reformulate" in shown or any(reads_back(transcript, i) for i in per_turn)
    recapped = checked or any(recaps_details(transcript, i) for i in per_turn)
    if any(e.need.problem for e in calls):
        # checking what was understood: restating the problem, or reading back the
        # details the customer gave (an address, an amount, a time)
        expected["reformulate"] = float(checked)
    if any(e.need.substantive for e in calls):
        expected["offer_help"] = float("offer_help" in shown)
    if any(e.need.action for e in calls):
        expected["next_step"] = _next_step_share(transcript, calls, per_turn)
    elif any(e.need.request for e in calls):
        first = next(p for p, e in enumerate(calls) if e.need.request)
        answers = [i for e in calls[first:] for i in e.agent]
        expected["next_step"] = float(
            any(is_statement(transcript.turns[i].text, transcript.locale) for i in answers)
        )
    if transcript.customer_name:
        expected["name"] = float("name" in shown)
    for category, share in expected.items():
        if category != "acknowledge" and not share:
            findings.append(_missing(category, transcript))

    details = {
        "shown": sorted(shown),
        "expected": {c: round(share, 2) for c, share in expected.items()},
        "repeated": repeats,
        "per_turn": [{"turn": t, "categories": sorted(c)} for t, c in sorted(per_turn.items())],
    }
    if not expected:
        return DimensionResult("empathy", None, findings, details, skipped="nothing_owed")
    possible = sum(WEIGHTS[c] for c in expected)
    earned = sum(WEIGHTS[c] * share for c, share in expected.items())
    bonus = READ_BACK_BONUS if recapped and "reformulate" not in expected else 0
    score = clamp(100 * earned / possible + bonus - REPEAT_COST * len(repeats))
    return DimensionResult("empathy", score, findings, details)
