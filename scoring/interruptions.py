"""Interruptions: talking over a complaint versus steering a digression back.

An agent turn that starts before the customer's turn ended is an interruption.
Cutting into the complaint itself (a ``core`` segment) is negative; cutting
into a ``digression`` to bring the call back on track is a skill, best done
with the customer's name ("M. Balagtas, nous devons d'abord…"). Short
backchannels ("mm", "d'accord", "I see") show listening and are not
interruptions.
"""

from __future__ import annotations

import re

from scoring.findings import Finding
from scoring.messages import say
from scoring.names import says_name
from scoring.result import DimensionResult, clamp
from scoring.spoken import normalise, words
from scoring.transcript import Tag, Transcript, Turn

# An agent who starts within this many seconds of the customer's end is taking
# the turn, not talking over it (turn-taking overlaps by a fraction of a second).
OVERLAP_TOLERANCE = 0.25

_BACKCHANNELS = {
    "fr": r"(?:mm+|hm+|oui|ouais|d'accord|ok|okay|je vois|entendu|tout a fait|ah|oh|bien sur"
    r"|je comprends|exactement|voila|effectivement)",
    "en": r"(?:mm+|hm+|uh huh|huh|mhm|yes|yeah|yep|ok|okay|right|i see|sure|got it|of course"
    r"|i understand|exactly|absolutely)",
}
_BACKCHANNEL_PATTERNS = {
    locale: re.compile(rf"^(?:{p})(?:[ .!]+(?:{p}))*[ .!]*$", re.IGNORECASE)
    for locale, p in _BACKCHANNELS.items()
}

PENALTY_CORE = 25
PENALTY_DIGRESSION_NO_NAME = 5


def is_backchannel(text: str, locale: str) -> bool:
    """True for a short listening noise such as "mm", "d'accord", "I see"."""
    if len(words(text)) > 4:
        return False
    pattern = _BACKCHANNEL_PATTERNS.get(locale, _BACKCHANNEL_PATTERNS["en"])
    spoken = normalise(text, locale).text
    # Hesitation noises alone ("euh", "um") normalise to nothing: listening, not talking.
    return not spoken.strip(" .!?") or bool(pattern.match(spoken))


def segment_at(turn: Turn, time: float) -> Tag:
    """What the customer was saying at ``time``: the tag of that segment (core by default)."""
    for segment in turn.segments or []:
        if (
            segment.start is not None
            and segment.end is not None
            and (segment.start <= time < segment.end)
        ):
            return segment.tag
    return "core"


def score_interruptions(transcript: Transcript) -> DimensionResult:
    """Score how the agent used interruptions; None when no turn has timing."""
    locale = transcript.locale
    name = transcript.customer_name
    findings: list[Finding] = []
    events: list[dict] = []
    timed = False
    penalty = 0

    for index, turn in transcript.agent_turns():
        previous = transcript.previous_customer(index)
        if previous is None or turn.start is None or previous[1].end is None:
            continue
        timed = True
        customer_index, customer = previous
        if turn.start >= customer.end - OVERLAP_TOLERANCE:
            continue
        if is_backchannel(turn.text, locale):
            events.append({"turn": index, "time": turn.start, "kind": "backchannel"})
            continue
        tag = segment_at(customer, turn.start)
        events.append(
            {"turn": index, "time": turn.start, "kind": tag, "customer_turn": customer_index}
        )
        if tag == "core":
            penalty += PENALTY_CORE
            findings.append(
                Finding(
                    "interruptions",
                    "interruptions.talk-over-core",
                    "negative",
                    "error",
                    say("talk_over_core", locale),
                    index,
                    turn.start,
                    turn.text[:80],
                    say("talk_over_core.fix", locale),
                )
            )
            continue
        used = says_name(turn.text, name, locale)
        if used:
            findings.append(
                Finding(
                    "interruptions",
                    "interruptions.steer-with-name",
                    "positive",
                    "info",
                    say("steer_with_name", locale),
                    index,
                    turn.start,
                    used,
                )
            )
        else:
            penalty += PENALTY_DIGRESSION_NO_NAME
            findings.append(
                Finding(
                    "interruptions",
                    "interruptions.steer-without-name",
                    "positive",
                    "suggestion",
                    say("steer_without_name", locale),
                    index,
                    turn.start,
                    turn.text[:80],
                    say("steer_without_name.fix", locale, name=name or "…"),
                )
            )

    if not timed:
        return DimensionResult("interruptions", None, [], {"events": []}, skipped="no_timing")
    return DimensionResult("interruptions", clamp(100 - penalty), findings, {"events": events})
