"""Pacing: words per minute per agent turn, pauses, dead air and speeding up.

A speaking rate needs enough speech to mean anything: a stock phrase of a second or
two ("thank you for calling") has none, and its rate would only measure where the
transcriber put the segment's edges. Silences are judged by who owed the next word:
the agent answering a customer's question, not the customer thinking about the
agent's (see :mod:`scoring.silences`).
"""

from __future__ import annotations

import itertools
import re
import statistics

from pydantic import BaseModel, ConfigDict, Field

from scoring.delivery import assess_delivery
from scoring.findings import Finding, Severity
from scoring.messages import say
from scoring.result import DimensionResult, clamp
from scoring.silences import silences
from scoring.speech_acts import is_backchannel
from scoring.spoken import words
from scoring.transcript import Transcript, Turn


class PacingBands(BaseModel):
    """What counts as a good pace and a good rhythm for one locale."""

    model_config = ConfigDict(extra="forbid")

    min_wpm: float = Field(description="Slower than this is flagged.")
    max_wpm: float = Field(description="Faster than this is flagged.")
    dead_air_seconds: float = Field(
        3.0, description="Silence before answering (or in the middle of an answer) that is flagged."
    )
    long_pause_seconds: float = Field(2.0, description="A pause inside a turn that is flagged.")
    speed_up_ratio: float = Field(
        1.15, description="Late turns this much faster than early ones count as speeding up."
    )
    min_words: int = Field(
        10,
        ge=1,
        description="Turns shorter than this have no speaking rate: at a calm 140 wpm ten words "
        "take four seconds, and shorter turns are mostly stock phrases said by rote.",
    )
    min_seconds: float = Field(
        3.0,
        ge=0,
        description="Turns with less speech than this (pauses included) have no speaking rate: "
        "a fifth of a second off at each edge of a segment changes a 1.5 s turn's rate by over "
        "a quarter, a 3 s turn's by about an eighth.",
    )
    speed_up_min_turns: int = Field(
        2, ge=1, description="Rated turns needed at each end of the call to compare their pace."
    )
    speed_up_length_ratio: float = Field(
        1.5,
        ge=1,
        description="Early and late turns are compared only when their average lengths in words "
        "are within this ratio: long turns are said faster than short ones.",
    )


DEFAULT_BANDS: dict[str, PacingBands] = {
    # Calm telephone speech: English trainers aim for about 130-160 wpm; French
    # words are shorter on average, so the band sits a little higher.
    "en": PacingBands(min_wpm=110, max_wpm=170),
    "fr": PacingBands(min_wpm=115, max_wpm=185),
}

# Transcription marks such as "[noise]" are not words that were said.
_MARKS = re.compile(r"\[[^\]]*\]")


def spoken_words(text: str) -> int:
    """The words said in ``text``, transcription marks left out."""
    return len(words(_MARKS.sub(" ", text)))


def _speaking_seconds(turn: Turn) -> float | None:
    """From the first word to the last, the pauses between them included."""
    if turn.words and turn.words[0].start is not None and turn.words[-1].end is not None:
        return turn.words[-1].end - turn.words[0].start
    if turn.start is not None and turn.end is not None:
        return turn.end - turn.start
    return None


def _pauses(turn: Turn) -> list[tuple[float, float]]:
    if turn.measured is not None:
        return [(p.start, p.end) for p in turn.measured.pauses]
    gaps = []
    timed = [w for w in turn.words or [] if w.start is not None and w.end is not None]
    for before, after in itertools.pairwise(timed):
        gaps.append((before.end, after.start))  # type: ignore[arg-type]
    return [(a, b) for a, b in gaps if b > a]


def _amount(turn: Turn) -> tuple[float, float | None]:
    """How many words the turn holds and over how many seconds of speech, as measured
    from the audio when there is a measure, else from the transcript."""
    measured = turn.measured
    if measured is not None and measured.wpm:
        count = measured.words or 0
        return count, count / measured.wpm * 60
    return spoken_words(turn.text), _speaking_seconds(turn)


def turn_wpm(turn: Turn, locale: str, bands: PacingBands) -> float | None:
    """The words per minute of one agent turn, as the scorecard counts them: the pace
    measured from the audio when there is one, else words over speaking time, pauses
    included. None for a turn too short to have a rate (fewer than ``bands.min_words``
    words or less than ``bands.min_seconds`` of speech) and for a backchannel."""
    count, seconds = _amount(turn)
    if not seconds or seconds < bands.min_seconds or round(count) < bands.min_words:
        return None
    if turn.measured is not None and turn.measured.wpm:
        return turn.measured.wpm
    if is_backchannel(turn.text, locale):
        return None
    return count / seconds * 60


def _negative(
    at: tuple[int, Turn], key: str, severity: Severity, time: float | None, locale: str, **values
) -> Finding:
    """A finding against the turn ``at``; ``key`` names its message, fix and rule."""
    index, turn = at
    rule = "pacing." + key.replace("_", "-")
    message, fix = say(key, locale, **values), say(f"{key}.fix", locale)
    return Finding("pacing", rule, "negative", severity, message, index, time, turn.text[:80], fix)


def _speeding_up(
    rated: list[tuple[int, float, float]], bands: PacingBands
) -> tuple[float, float, int] | None:
    """Early and late pace when the late turns are faster: (first, last, last turn).

    Only comparable turns are compared: at least ``speed_up_min_turns`` rated turns at
    each end (a third of the rated turns when there are more) and of similar length."""
    size = max(bands.speed_up_min_turns, len(rated) // 3)
    if len(rated) < 2 * size:
        return None
    early, late = rated[:size], rated[-size:]
    early_words = statistics.fmean(n for _, _, n in early)
    late_words = statistics.fmean(n for _, _, n in late)
    if max(early_words, late_words) > bands.speed_up_length_ratio * min(early_words, late_words):
        return None
    first = statistics.fmean(w for _, w, _ in early)
    last = statistics.fmean(w for _, w, _ in late)
    return (first, last, late[-1][0]) if last > first * bands.speed_up_ratio else None


def score_pacing(transcript: Transcript, bands: PacingBands | None = None) -> DimensionResult:
    """Score the agent's pace; None when no agent turn has timing."""
    locale = transcript.locale
    bands = bands or DEFAULT_BANDS[locale]
    findings: list[Finding] = []
    per_turn: list[dict] = []
    turn_scores: list[float] = []
    penalties = 0.0
    rated: list[tuple[int, float, float]] = []
    silence_before = silences(transcript)

    for index, turn in transcript.agent_turns():
        at = (index, turn)
        entry: dict = {
            "turn": index,
            "words": spoken_words(turn.text),
            "seconds": _speaking_seconds(turn),
            "wpm": None,
        }
        silence = silence_before.get(index)
        if silence is not None:
            entry.update(latency=round(silence.seconds, 2), owed=silence.owed)
            if silence.owed and silence.seconds > bands.dead_air_seconds:
                penalties += 10
                findings.append(
                    _negative(
                        at, "dead_air", "warning", silence.since, locale, seconds=silence.seconds
                    )
                )
            elif silence.hesitant and silence.seconds > bands.long_pause_seconds:
                penalties += 5
                findings.append(
                    _negative(
                        at,
                        "long_pause",
                        "suggestion",
                        silence.since,
                        locale,
                        seconds=silence.seconds,
                    )
                )
        pauses = _pauses(turn)
        entry["pauses"] = [{"start": a, "end": b} for a, b in pauses]
        for start, end in pauses:
            if end - start > bands.long_pause_seconds:
                penalties += 5
                findings.append(
                    _negative(at, "long_pause", "suggestion", start, locale, seconds=end - start)
                )
        if turn.measured is not None and turn.measured.wpm is not None:
            entry.update(words=round(turn.measured.words or 0), source=turn.measured.words_source)
        wpm = turn_wpm(turn, locale, bands)
        if wpm is None:
            per_turn.append(entry)
            continue
        entry["wpm"] = round(wpm, 1)
        rated.append((index, wpm, _amount(turn)[0]))
        low, high = bands.min_wpm, bands.max_wpm
        if wpm > high:
            turn_scores.append(max(50, 100 - (wpm - high)))
            findings.append(
                _negative(
                    at, "too_fast", "warning", turn.start, locale, wpm=wpm, low=low, high=high
                )
            )
        elif wpm < low:
            turn_scores.append(max(50, 100 - (low - wpm)))
            findings.append(
                _negative(
                    at, "too_slow", "suggestion", turn.start, locale, wpm=wpm, low=low, high=high
                )
            )
        else:
            turn_scores.append(100)
            findings.append(
                Finding(
                    "pacing",
                    "pacing.in-band",
                    "positive",
                    "info",
                    say("good_pace", locale, wpm=wpm),
                    index,
                    turn.start,
                    turn.text[:80],
                )
            )
        per_turn.append(entry)

    speeding = _speeding_up(rated, bands)
    if speeding is not None:
        first, last, where = speeding
        penalties += 10
        findings.append(
            Finding(
                "pacing",
                "pacing.speeding-up",
                "negative",
                "warning",
                say("speeding_up", locale, first=first, last=last),
                where,
                None,
                "",
                say("speeding_up.fix", locale),
            )
        )

    # Fillers, talk ratio, monologue and questions: evidence shown, not scored.
    delivery = assess_delivery(transcript)
    details = {"band": [bands.min_wpm, bands.max_wpm], "per_turn": per_turn}
    details["delivery"] = delivery.details
    findings += delivery.findings
    has_latency = any("latency" in e for e in per_turn)
    if not turn_scores and not has_latency:
        return DimensionResult("pacing", None, delivery.findings, details, skipped="no_timing")
    base = sum(turn_scores) / len(turn_scores) if turn_scores else 100
    return DimensionResult("pacing", clamp(base - penalties), findings, details)
