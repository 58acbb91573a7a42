"""The transcript interchange format: what every scorer reads.

Recorded or imported calls, typed practice sessions and spoken sessions all
become a :class:`Transcript`. Times are seconds from the start of the call and
may be missing; then timing-based checks are skipped, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Speaker = Literal["customer", "agent"]
Tag = Literal["core", "digression"]


class _Timed(BaseModel):
    # Times and measures are finite: NaN or Infinity (which JSON tools write) would
    # poison every sum and average they enter.
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    start: float | None = Field(None, ge=0, description="Seconds from the start of the call.")
    end: float | None = Field(None, ge=0, description="Seconds from the start of the call.")

    @model_validator(mode="after")
    def _ordered(self) -> _Timed:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Segment(_Timed):
    """Part of a customer turn: the complaint itself, or a digression from it."""

    text: str = Field(description="What the customer said in this part.")
    tag: Tag = Field(description="core: the complaint; digression: off-topic drift.")


class Word(_Timed):
    """One recognised word with its timing, when the recogniser gives it."""

    word: str


class Pause(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    start: float
    end: float


class MeasuredPacing(BaseModel):
    """Pace measured from the turn's audio (syllable nuclei and recognised words)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    wpm: float | None = Field(None, description="Words per minute over the speaking time.")
    articulation_wpm: float | None = Field(None, description="Words per minute while sounding.")
    syllables: int | None = Field(None, description="Syllable nuclei counted in the signal.")
    words: float | None = Field(None, description="Words, recognised or estimated.")
    words_source: Literal["recognised", "syllables"] | None = Field(
        None, description="Where the word count came from."
    )
    pauses: list[Pause] = Field(default_factory=list, description="Pauses, on the call's timeline.")


class Turn(_Timed):
    """One person speaking once."""

    speaker: Speaker = Field(description="Who speaks: customer or agent.")
    text: str = Field(description="What was said.")
    segments: list[Segment] | None = Field(
        None, description="Customer turns: core/digression parts."
    )
    words: list[Word] | None = Field(None, description="Word timings, when known.")
    audio: str | None = Field(None, description="The turn's recording, relative to the session.")
    stopped: float | None = Field(
        None, ge=0, description="Customer turns cut short: when the customer actually stopped."
    )
    measured: MeasuredPacing | None = Field(
        None, description="Agent turns spoken aloud: pace measured from the audio."
    )


class Transcript(BaseModel):
    """A whole conversation between an agent and a customer."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    locale: Literal["fr", "en"] = Field(description="Language of the call.")
    customer_name: str | None = Field(None, description="How the customer is addressed.")
    scenario: str | None = Field(None, description="The scenario id, when the call was practice.")
    turns: list[Turn] = Field(default_factory=list, description="The turns, in order.")

    def agent_turns(self) -> list[tuple[int, Turn]]:
        return [(i, t) for i, t in enumerate(self.turns) if t.speaker == "agent"]

    def previous_customer(self, index: int) -> tuple[int, Turn] | None:
        for j in range(index - 1, -1, -1):
            if self.turns[j].speaker == "customer":
                return j, self.turns[j]
        return None

    def runs(self) -> list[Run]:
        """The turns grouped into runs of one speaker: one turn for timing purposes."""
        runs: list[Run] = []
        for index, turn in enumerate(self.turns):
            if runs and runs[-1].speaker == turn.speaker:
                last = runs[-1]
                runs[-1] = Run(turn.speaker, (*last.indices, index), (*last.turns, turn))
            else:
                runs.append(Run(turn.speaker, (index,), (turn,)))
        return runs


@dataclass(frozen=True)
class Run:
    """Consecutive turns of one speaker. Transcribed calls often cut one person's speech
    into several segments; for timing they are one turn."""

    speaker: Speaker
    indices: tuple[int, ...]
    turns: tuple[Turn, ...]

    @property
    def start(self) -> float | None:
        return next((t.start for t in self.turns if t.start is not None), None)

    @property
    def end(self) -> float | None:
        ends = [t.end for t in self.turns if t.end is not None]
        return max(ends) if ends else None

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.turns)
