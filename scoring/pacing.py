"""Pacing: words per minute per agent turn, pauses, dead air and speeding up."""

from __future__ import annotations

import itertools

from pydantic import BaseModel, ConfigDict, Field

from scoring.findings import Finding
from scoring.interruptions import is_backchannel
from scoring.messages import say
from scoring.result import DimensionResult, clamp
from scoring.spoken import words
from scoring.transcript import Transcript, Turn


class PacingBands(BaseModel):
    """What counts as a good pace and a good rhythm for one locale."""

    model_config = ConfigDict(extra="forbid")

    min_wpm: float = Field(description="Slower than this is flagged.")
    max_wpm: float = Field(description="Faster than this is flagged.")
    dead_air_seconds: float = Field(3.0, description="Silence before answering that is flagged.")
    long_pause_seconds: float = Field(2.0, description="A pause inside a turn that is flagged.")
    speed_up_ratio: float = Field(
        1.15, description="Late turns this much faster than early ones count as speeding up."
    )
    min_words: int = Field(4, description="Turns shorter than this are not rated for pace.")


DEFAULT_BANDS: dict[str, PacingBands] = {
    # Calm telephone speech: English trainers aim for about 130-160 wpm; French
    # words are shorter on average, so the band sits a little higher.
    "en": PacingBands(min_wpm=110, max_wpm=170),
    "fr": PacingBands(min_wpm=115, max_wpm=185),
}


def _speaking_seconds(turn: Turn) -> float | None:
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


def turn_wpm(turn: Turn, locale: str, bands: PacingBands) -> float | None:
    """The words per minute of one agent turn, as the scorecard counts them: the pace
    measured from the audio when there is one, else words over speaking time. None for a
    turn too short to judge (fewer than ``bands.min_words`` words, or a backchannel)."""
    if turn.measured is not None and turn.measured.wpm is not None:
        # Measured from the audio: syllable nuclei, or the recognised words where the
        # recogniser is trustworthy for this language.
        count = round(turn.measured.words or 0)
        return turn.measured.wpm if count >= bands.min_words else None
    seconds = _speaking_seconds(turn)
    if not seconds or seconds <= 0 or is_backchannel(turn.text, locale):
        return None
    count = len(words(turn.text))
    return count / seconds * 60 if count >= bands.min_words else None


def score_pacing(transcript: Transcript, bands: PacingBands | None = None) -> DimensionResult:
    """Score the agent's pace; None when no agent turn has timing."""
    locale = transcript.locale
    bands = bands or DEFAULT_BANDS[locale]
    findings: list[Finding] = []
    per_turn: list[dict] = []
    turn_scores: list[float] = []
    penalties = 0.0
    rates: list[float] = []

    for index, turn in transcript.agent_turns():
        count = len(words(turn.text))
        seconds = _speaking_seconds(turn)
        entry: dict = {"turn": index, "words": count, "seconds": seconds, "wpm": None}
        previous = transcript.previous_customer(index)
        if previous and previous[1].end is not None and turn.start is not None:
            latency = turn.start - previous[1].end
            entry["latency"] = round(latency, 2)
            if latency > bands.dead_air_seconds:
                penalties += 10
                findings.append(
                    Finding(
                        "pacing",
                        "pacing.dead-air",
                        "negative",
                        "warning",
                        say("dead_air", locale, seconds=latency),
                        index,
                        previous[1].end,
                        turn.text[:80],
                        say("dead_air.fix", locale),
                    )
                )
        pauses = _pauses(turn)
        entry["pauses"] = [{"start": a, "end": b} for a, b in pauses]
        for start, end in pauses:
            if end - start > bands.long_pause_seconds:
                penalties += 5
                findings.append(
                    Finding(
                        "pacing",
                        "pacing.long-pause",
                        "negative",
                        "suggestion",
                        say("long_pause", locale, seconds=end - start),
                        index,
                        start,
                        turn.text[:80],
                        say("long_pause.fix", locale),
                    )
                )
        if turn.measured is not None and turn.measured.wpm is not None:
            entry.update(words=round(turn.measured.words or 0), source=turn.measured.words_source)
        wpm = turn_wpm(turn, locale, bands)
        if wpm is not None:
            entry["wpm"] = round(wpm, 1)
            rates.append(wpm)
            low, high = bands.min_wpm, bands.max_wpm
            if wpm > high:
                turn_scores.append(100 - 1.5 * (wpm - high))
                findings.append(
                    Finding(
                        "pacing",
                        "pacing.too-fast",
                        "negative",
                        "warning",
                        say("too_fast", locale, wpm=wpm, low=low, high=high),
                        index,
                        turn.start,
                        turn.text[:80],
                        say("too_fast.fix", locale),
                    )
                )
            elif wpm < low:
                turn_scores.append(100 - 1.5 * (low - wpm))
                findings.append(
                    Finding(
                        "pacing",
                        "pacing.too-slow",
                        "negative",
                        "suggestion",
                        say("too_slow", locale, wpm=wpm, low=low, high=high),
                        index,
                        turn.start,
                        turn.text[:80],
                        say("too_slow.fix", locale),
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

    if len(rates) >= 3:
        third = max(1, len(rates) // 3)
        first = sum(rates[:third]) / third
        last = sum(rates[-third:]) / third
        if last > first * bands.speed_up_ratio:
            penalties += 10
            last_turn = [e for e in per_turn if e["wpm"] is not None][-1]
            findings.append(
                Finding(
                    "pacing",
                    "pacing.speeding-up",
                    "negative",
                    "warning",
                    say("speeding_up", locale, first=first, last=last),
                    last_turn["turn"],
                    None,
                    "",
                    say("speeding_up.fix", locale),
                )
            )

    details = {"band": [bands.min_wpm, bands.max_wpm], "per_turn": per_turn}
    has_latency = any("latency" in e for e in per_turn)
    if not turn_scores and not has_latency:
        return DimensionResult("pacing", None, [], details, skipped="no_timing")
    base = sum(turn_scores) / len(turn_scores) if turn_scores else 100
    return DimensionResult("pacing", clamp(base - penalties), findings, details)
