"""The silences before the agent's turns, and whose they were.

Silence on the line is dead air only when the agent owed the next word: after the
customer asked something, told them a problem or gave what they were asked for — or
after the agent's own bare "one second". It is the customer's when the agent has just
asked them something or answered, and nobody's fault during a hold the customer agreed
to or after "thank you, bye". Consecutive segments of one speaker are one turn: the
silence before a turn runs from the end of whoever spoke last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scoring.speech_acts import (
    answers,
    asks,
    asks_to_hold,
    is_backchannel,
    is_courtesy,
    is_minimal,
    keeps_floor,
    offers_more,
    waits,
)
from scoring.transcript import Run, Transcript


def _owed(customer: Run, agent_before: Run | None, locale: str) -> bool:
    """Did the customer's turn leave the agent owing an answer?"""
    text = customer.text
    if agent_before is not None and asks_to_hold(agent_before.text, locale):
        # the customer agreed to a hold unless they said no
        return bool(re.match(r"\s*(?:no|non|nope)\b", text, re.IGNORECASE))
    matter = not (is_minimal(text, locale) or is_courtesy(text, locale))
    if matter or agent_before is None:
        return True
    if keeps_floor(agent_before.text, locale):
        return True  # "one second" — "sure": the answer is still to come
    if asks(agent_before.text, locale) and not offers_more(agent_before.text, locale):
        return answers(text, locale)  # "is that right?" — "yes, thanks"
    return False


@dataclass(frozen=True)
class Silence:
    """The silence before one agent turn, and whose it was."""

    seconds: float
    since: float
    owed: bool  # the agent owed the next word: dead air when it runs long
    hesitant: bool  # after the agent's own "okay…": a pause in the middle of the answer


def silences(transcript: Transcript) -> dict[int, Silence]:
    """For each timed agent turn, the silence since whoever spoke last stopped."""
    locale = transcript.locale
    runs = transcript.runs()
    found: dict[int, Silence] = {}
    owing = False  # the agent owes an answer to the customer's last turn
    for position, run in enumerate(runs):
        if run.speaker == "customer":
            owing = _owed(run, runs[position - 1] if position else None, locale)
            continue
        # backchannels alone say "go on": the customer still has the floor
        go_on = all(is_backchannel(t.text, locale) for t in run.turns)
        for index in run.indices:
            turn = transcript.turns[index]
            before = [t for t in transcript.turns[:index] if t.end is not None]
            if turn.start is None or not before:
                continue
            last = max(before, key=lambda t: t.end or 0.0)
            since = last.end or 0.0
            if last.speaker == "customer":
                owed = owing and not go_on
                found[index] = Silence(turn.start - since, since, owed, hesitant=False)
                continue
            # After their own words the silence is the agent's only while they have not
            # answered yet ("one second…", "okay…"); after an answer, a question or an
            # announced hold it is the customer's turn to speak.
            held = keeps_floor(last.text, locale) and not asks_to_hold(last.text, locale)
            hesitant = held and not waits(last.text, locale)
            found[index] = Silence(turn.start - since, since, owing and held, hesitant)
        owing = False
    return found
