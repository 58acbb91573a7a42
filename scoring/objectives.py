"""A scenario's objectives, checked against what the agent said.

A trainer writes what good handling achieves as data the scorecard can check:

- ``state``: facts the agent must state (an amount, a date, what was wrong), as
  patterns — any one of them, or every one with ``all: true``;
- ``ask``: a question the agent must ask, before committing to a fix (``before:
  next_step``) or at any time;
- ``avoid``: something the agent must not do — say what the brief forbids (patterns) or
  talk over the complaint (``interrupts: core``);
- ``recap``: the close — what will happen, when (and who): a next step with its time in
  one of the agent's last replies, with the facts of ``says`` when given.

Each objective is met or missed, with the turn that met it (or broke it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from scoring.behaviours import says_when, turn_evidence
from scoring.interruptions import overlap
from scoring.rules import CompiledRule, check_pattern, compile_pattern
from scoring.speech_acts import asks, is_minimal
from scoring.spoken import normalise
from scoring.transcript import Transcript

ObjectiveKind = Literal["state", "ask", "avoid", "recap"]
# A recap is one of the agent's last replies.
RECAP_WITHIN = 3


class Objective(BaseModel):
    """One thing good handling of this call achieves, checked on the transcript."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Short id, lowercase-with-dashes."
    )
    text: str = Field(min_length=1, description="What the trainee reads: the objective in words.")
    kind: ObjectiveKind = Field(
        "state",
        description="state: facts to say; ask: a question to ask; avoid: what not to do; "
        "recap: what, when and who at the close.",
    )
    says: list[str] = Field(
        default_factory=list,
        description="Patterns (as in rule packs) the agent's words must match (state, ask, "
        "recap) or must never match (avoid).",
    )
    all: bool = Field(False, description="state: every pattern must be said, not just one.")
    before: Literal["next_step"] | None = Field(
        None, description="ask: the question must come before the first next step."
    )
    interrupts: Literal["core"] | None = Field(
        None, description="avoid: the agent must not talk over the complaint."
    )

    @field_validator("says")
    @classmethod
    def _valid_patterns(cls, value: list[str]) -> list[str]:
        return [check_pattern(p) for p in value]


@dataclass(frozen=True)
class ObjectiveResult:
    """Whether one objective was met, and the turn that shows it."""

    id: str
    text: str
    kind: ObjectiveKind
    met: bool
    turn: int | None = None

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "text": self.text,
            "kind": self.kind,
            "met": self.met,
            "turn": self.turn,
        }


def _matches(patterns: Sequence[re.Pattern[str]], text: str, locale: str) -> list[int]:
    spoken = normalise(text, locale).text
    return [i for i, p in enumerate(patterns) if p.search(spoken)]


def _first_next_step(transcript: Transcript, rules: list[CompiledRule]) -> int | None:
    for index, _ in transcript.agent_turns():
        if any(f.category == "next_step" for f in turn_evidence(transcript, index, rules)):
            return index
    return None


def check(
    transcript: Transcript, objective: Objective, rules: list[CompiledRule]
) -> ObjectiveResult:
    """Was ``objective`` met in ``transcript``? ``rules`` are the empathy rules (for what
    counts as a next step)."""
    locale = transcript.locale
    patterns = [compile_pattern(p) for p in objective.says]
    agent = transcript.agent_turns()

    def result(met: bool, turn: int | None = None) -> ObjectiveResult:
        return ObjectiveResult(objective.id, objective.text, objective.kind, met, turn)

    if objective.kind == "avoid":
        for index, turn in agent:
            if patterns and _matches(patterns, turn.text, locale):
                return result(False, index)
            if objective.interrupts:
                event = overlap(transcript, index)
                if event and event["kind"] == objective.interrupts:
                    return result(False, index)
        # not doing something wrong is only worth it from an agent who did something
        return result(any(not is_minimal(turn.text, locale) for _, turn in agent))
    if objective.kind == "state":
        said: set[int] = set()
        for index, turn in agent:
            said.update(_matches(patterns, turn.text, locale))
            if said and (not objective.all or len(said) == len(patterns)):
                return result(True, index)
        return result(False)
    if objective.kind == "ask":
        limit = _first_next_step(transcript, rules) if objective.before else None
        for index, turn in agent:
            if limit is not None and index > limit:
                break
            if asks(turn.text, locale) and (not patterns or _matches(patterns, turn.text, locale)):
                return result(True, index)
        return result(False)
    # recap: a next step with its time, among the last replies, with the facts asked for
    steps = {
        index
        for index, _ in agent[-RECAP_WITHIN:]
        if any(f.category == "next_step" for f in turn_evidence(transcript, index, rules))
    }
    for index, turn in reversed(agent[-RECAP_WITHIN:]):
        if index in steps and says_when(turn.text, locale):
            facts = _matches(patterns, turn.text, locale)
            if not patterns or len(facts) == len(patterns):
                return result(True, index)
    return result(False)


def check_all(
    transcript: Transcript, objectives: Sequence[Objective], rules: list[CompiledRule]
) -> list[ObjectiveResult]:
    """Every objective, met or missed, in the scenario's order."""
    return [check(transcript, objective, rules) for objective in objectives]
