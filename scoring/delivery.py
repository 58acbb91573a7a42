"""Delivery: what speech coaches count — filler words, who does the talking, the longest
monologue, the questions asked.

These are evidence for the pacing dimension, shown with their bands; they do not move
its score. Figures that need timings (per minute, talk ratio, monologue) are left out
for a call without them; a typed call still gets its fillers per reply and its
questions. The bands and why are in docs/scoring.md (Pacing).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from scoring.fillers import fillers
from scoring.findings import Finding, Severity
from scoring.messages import say
from scoring.needs import read_need
from scoring.speech_acts import asks, clean, is_backchannel, sentences
from scoring.spoken import words
from scoring.transcript import Run, Transcript, Turn

MAX_FILLERS_PER_MINUTE = 6.0
MAX_FILLERS_PER_REPLY = 1.0
MAX_TALK_SHARE = 0.65
"""On a call where the customer voiced a problem or a feeling."""
MAX_MONOLOGUE_SECONDS = 45.0
MIN_REPLIES_FOR_QUESTIONS = 3
"""An agent who answers this many times without one question never checked anything."""


@dataclass
class Delivery:
    """The figures (for the scorecard's details) and the findings that show them."""

    details: dict = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def seconds_spoken(turn: Turn) -> float | None:
    """How long a turn's speech lasted: measured from its audio, else its first word to
    its last, else its start to its end (or to where a customer cut short stopped)."""
    measured = turn.measured
    if measured is not None and measured.wpm and measured.words:
        return measured.words / measured.wpm * 60
    timed = [w for w in turn.words or [] if w.start is not None and w.end is not None]
    if timed:
        return timed[-1].end - timed[0].start  # type: ignore[operator]
    if turn.start is None or turn.end is None:
        return None
    end = min(turn.end, turn.stopped) if turn.stopped is not None else turn.end
    return max(0.0, end - turn.start)


def _total(turns: list[Turn]) -> float | None:
    times = [seconds_spoken(t) for t in turns]
    known = [s for s in times if s is not None]
    return sum(known) if known else None


def _clock(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


def _finding(
    rule: str,
    ok: bool,
    message: str,
    locale: str,
    fix: str,
    at: tuple[int | None, Turn | None] = (None, None),
) -> Finding:
    index, turn = at
    severity: Severity = "info" if ok else "suggestion"
    return Finding(
        "pacing",
        f"pacing.{rule}",
        "positive" if ok else "negative",
        severity,
        message,
        index,
        turn.start if turn is not None else None,
        turn.text[:80] if turn is not None else "",
        None if ok else say(fix, locale),
    )


def _fillers(transcript: Transcript, agent_seconds: float | None, out: Delivery) -> None:
    locale = transcript.locale
    agent = transcript.agent_turns()
    said = [(index, turn, fillers(turn.text, locale)) for index, turn in agent]
    count = sum(len(found) for _, _, found in said)
    which = ", ".join(
        f"{word} ×{n}" if n > 1 else word
        for word, n in Counter(f.lower() for _, _, found in said for f in found).most_common()
    )
    minutes = agent_seconds / 60 if agent_seconds else None
    per_minute = count / minutes if minutes else None
    per_reply = count / len(agent) if agent else 0.0
    out.details["fillers"] = {
        "count": count,
        "per_minute": None if per_minute is None else round(per_minute, 1),
        "per_reply": round(per_reply, 2),
        "band": MAX_FILLERS_PER_MINUTE if minutes else MAX_FILLERS_PER_REPLY,
        "turns": [{"turn": i, "fillers": found} for i, _, found in said if found],
    }
    if not agent:
        return
    worst = max(said, key=lambda s: len(s[2]))
    at = (worst[0], worst[1]) if worst[2] else (None, None)
    if count == 0:
        message, ok = say("fillers.none", locale), True
    elif per_minute is not None:
        ok = per_minute <= MAX_FILLERS_PER_MINUTE
        message = say(
            "fillers.per_minute" if ok else "fillers.per_minute.many", locale,
            count=count, which=which, rate=per_minute, band=MAX_FILLERS_PER_MINUTE,
        )  # fmt: skip
    else:
        ok = per_reply <= MAX_FILLERS_PER_REPLY
        message = say(
            "fillers.per_reply" if ok else "fillers.per_reply.many", locale,
            count=count, which=which, replies=len(agent),
        )  # fmt: skip
    out.findings.append(_finding("fillers", ok, message, locale, "fillers.fix", at))


def _talk_share(transcript: Transcript, agent_seconds: float | None, out: Delivery) -> None:
    locale = transcript.locale
    customer_seconds = _total([t for t in transcript.turns if t.speaker == "customer"])
    if agent_seconds is None or customer_seconds is None or agent_seconds + customer_seconds <= 0:
        return
    share = agent_seconds / (agent_seconds + customer_seconds)
    complaint = any(
        read_need(t.text, locale).trouble for t in transcript.turns if t.speaker == "customer"
    )
    band = MAX_TALK_SHARE if complaint else None
    out.details["talk_ratio"] = {
        "agent_seconds": round(agent_seconds, 1),
        "customer_seconds": round(customer_seconds, 1),
        "agent_share": round(share, 2),
        "complaint": complaint,
        "band": band,
    }
    ok = band is None or share <= band
    key = "talk_ratio" if ok else "talk_ratio.high"
    message = say(
        key, locale, percent=share * 100, band=MAX_TALK_SHARE * 100,
        agent=_clock(agent_seconds), customer=_clock(customer_seconds),
    )  # fmt: skip
    out.findings.append(_finding("talk-ratio", ok, message, locale, "talk_ratio.fix"))


def _stretches(transcript: Transcript) -> list[list[Run]]:
    """The agent's runs, a customer's lone backchannels ("mhm", « d'accord ») between
    two of them not breaking the stretch: the agent still holds the floor."""
    locale = transcript.locale
    stretches: list[list[Run]] = []
    current: list[Run] | None = None
    for run in transcript.runs():
        if run.speaker == "agent":
            if current is None:
                current = []
                stretches.append(current)
            current.append(run)
        elif current is not None and not all(is_backchannel(t.text, locale) for t in run.turns):
            current = None
    return stretches


def _monologue(transcript: Transcript, out: Delivery) -> None:
    locale = transcript.locale
    timed = []
    for stretch in _stretches(transcript):
        start, end = stretch[0].start, stretch[-1].end
        if start is not None and end is not None:
            said = sum(len(words(clean(run.text))) for run in stretch)
            timed.append((end - start, said, stretch[0].indices[0]))
    if not timed:
        return
    seconds, said, index = max(timed)
    out.details["longest_monologue"] = {
        "seconds": round(seconds, 1),
        "words": said,
        "turn": index,
        "band": MAX_MONOLOGUE_SECONDS,
    }
    ok = seconds <= MAX_MONOLOGUE_SECONDS
    key = "monologue" if ok else "monologue.long"
    message = say(key, locale, seconds=seconds, words=said, band=MAX_MONOLOGUE_SECONDS)
    at = (index, transcript.turns[index])
    out.findings.append(_finding("monologue", ok, message, locale, "monologue.fix", at))


def _questions(transcript: Transcript, out: Delivery) -> None:
    locale = transcript.locale
    agent = transcript.agent_turns()
    asked = [(i, sum(asks(s, locale) for s in sentences(t.text))) for i, t in agent]
    count = sum(n for _, n in asked)
    out.details["questions"] = {"count": count, "turns": [i for i, n in asked if n]}
    if not agent:
        return
    ok = count > 0 or len(agent) < MIN_REPLIES_FOR_QUESTIONS
    key = "questions" if ok else "questions.none"
    message = say(key, locale, count=count, replies=len(agent))
    out.findings.append(_finding("questions", ok, message, locale, "questions.fix"))


def assess_delivery(transcript: Transcript) -> Delivery:
    """Fillers, talk ratio, longest monologue and questions for the agent of ``transcript``."""
    out = Delivery()
    agent_seconds = _total([t for _, t in transcript.agent_turns()])
    _fillers(transcript, agent_seconds, out)
    _talk_share(transcript, agent_seconds, out)
    _monologue(transcript, out)
    _questions(transcript, out)
    return out
