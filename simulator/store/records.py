"""Stored sessions as typed records: a whole session (its own file) and its index summary.

Records come from this machine's files, from databases written by older versions of
roleplay and from other people's bundles. A key an older version did not write takes
its default, so old data loads; a value of the wrong type is refused, so a bad bundle
is turned away before anything is stored instead of breaking a report later. Keys this
version does not know are kept in a session's file (a newer roleplay may have written
them) but not in the index.

Records are written back with only the keys they were read or built with
(``exclude_unset``): a session file keeps its shape. Change a record by assigning its
fields (they are checked on assignment), never by mutating a default list in place.

A reviewer's overrides change what every view shows: :attr:`~SessionFields.effective_scores`
and :attr:`~SessionFields.effective_overall` are the one place that applies them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Annotated, Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, field_validator

from scoring.findings import DIMENSIONS
from scoring.scorecard import DEFAULT_WEIGHTS, weighted_overall
from scoring.transcript import Transcript

Number = Annotated[StrictInt | StrictFloat, Field(union_mode="left_to_right")]
"""A JSON number as written: an int stays an int; text and true/false are refused."""

Scores = dict[str, Number | None]


def timestamp(text: str | None) -> datetime | None:
    """A stored ISO timestamp (naive ones are UTC), or None when missing or unreadable."""
    if not text:
        return None
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


class _Part(BaseModel):
    """A part of a session record: unknown keys are kept, assignments are checked."""

    model_config = ConfigDict(extra="allow", validate_assignment=True)


class Owner(_Part):
    """The process running a session (see :mod:`simulator.store.owner`)."""

    pid: StrictInt | None = None
    host: str | None = None
    since: StrictInt | None = None


class Comment(_Part):
    """A reviewer's comment, pinned to a turn (None: the whole call); merged by ``id``."""

    id: str
    turn: StrictInt | None = None
    text: str = ""
    author: str = ""
    at: str | None = None


class Override(_Part):
    """A reviewer's score for one dimension, with the scorer's own score kept beside it."""

    score: Number
    reason: str = ""
    author: str = ""
    at: str | None = None
    original: Number | None = None


class FindingRecord(_Part):
    """A stored finding (:meth:`scoring.findings.Finding.to_dict`)."""

    dimension: str
    rule: str = ""
    polarity: str = "negative"
    severity: str = "info"
    message: str = ""
    turn: StrictInt | None = None
    time: Number | None = None
    quote: str = ""
    suggestion: str | None = None
    category: str | None = None


class ObjectiveRecord(_Part):
    """One of the scenario's objectives, met or missed (:class:`scoring.objectives.ObjectiveResult`)."""

    id: str
    text: str = ""
    kind: str = "state"
    met: bool = False
    turn: StrictInt | None = None


class DimensionRecord(_Part):
    """One dimension of a stored scorecard; its figures (``per_turn``, ``band``…) are extras."""

    score: Number | None = None
    skipped: str | None = None

    def detail(self, key: str) -> Any:
        """One of the figures the dimension's scorer kept (None when it kept none)."""
        return (self.model_extra or {}).get(key)


class ScorecardRecord(_Part):
    """A stored scorecard (:meth:`scoring.scorecard.Scorecard.to_dict`)."""

    overall: Number | None = None
    locale: str | None = None
    weights: dict[str, Number] | None = None
    dimensions: dict[str, DimensionRecord] = Field(default_factory=dict)
    findings: list[FindingRecord] = Field(default_factory=list)
    outcome: str | None = None
    objectives: list[ObjectiveRecord] = Field(default_factory=list)
    call_result: Number | None = None
    """What the call achieved (outcome and objectives), blended into the overall."""
    words_unheard: bool = False
    """Spoken with no word recognised: objectives and outcome were not judged."""


class AvoidedPhrase(NamedTuple):
    """One avoided phrase said in a session: the rule, the words, what to say instead."""

    rule: str
    quote: str
    suggestion: str | None = None


class SessionFields(BaseModel):
    """What a whole record and its index summary both hold, and the scores they show."""

    id: str
    agent: str
    started_at: str
    scenario: str | None = None
    title: str | None = None
    """The scenario's title when the session was held (kept in the index for tables)."""
    locale: str | None = None
    ended_at: str | None = None
    status: str | None = None
    outcome: str | None = None
    overall: Number | None = None
    scores: Scores = Field(default_factory=dict)
    call_result: Number | None = None
    """What the call achieved, blended into the overall (None: not a practice call)."""
    words_unheard: bool = False
    """Spoken with no word recognised: the ending and the objectives were not judged."""
    overrides: dict[str, Override] = Field(default_factory=dict)
    owner: Owner | None = None
    audio_removed: str | None = None
    """Why the recordings were erased (the retention setting), when they were."""

    @field_validator("scores", "overrides", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return {} if value is None else value

    @property
    def score_weights(self) -> Mapping[str, float]:
        """The weights the overall score is computed with."""
        return DEFAULT_WEIGHTS

    @property
    def effective_scores(self) -> dict[str, int | float | None]:
        """Each dimension's score, a reviewer's override taking the place of the scorer's."""
        scores = {d: self.scores.get(d) for d in DIMENSIONS}
        for dimension, override in self.overrides.items():
            if dimension in scores:
                scores[dimension] = override.score
        return scores

    @property
    def effective_overall(self) -> int | float | None:
        """The overall score as the reviewer left it: recomputed from the effective scores
        with the scorer's formula when a dimension was overridden, else the scorer's own."""
        if not self.overrides:
            return self.overall
        return weighted_overall(self.effective_scores, self.score_weights, self.call_result)

    @property
    def started(self) -> datetime | None:
        """When the session started (None if the stored time cannot be read)."""
        return timestamp(self.started_at)

    def avoided_phrases(self) -> list[AvoidedPhrase]:
        """Each avoided phrase said in the session, in the order said."""
        return []


class SessionSummary(SessionFields):
    """A session's entry in the index: enough for tables, trends and phrase counts.

    Read-only: a summary is always computed again from its whole record.
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    weights: dict[str, Number] | None = None
    """Kept only when a dimension is overridden: the overall is then recomputed."""
    avoided: list[tuple[str, str]] = Field(default_factory=list)
    """(rule, quote) of each avoided phrase said."""
    agent_turns: int = 0
    comment_count: int = 0

    @property
    def score_weights(self) -> Mapping[str, float]:
        return self.weights or DEFAULT_WEIGHTS

    def avoided_phrases(self) -> list[AvoidedPhrase]:
        return [AvoidedPhrase(rule, quote) for rule, quote in self.avoided]

    def entry(self) -> dict[str, Any]:
        """The summary as the index stores it."""
        return self.model_dump(mode="json", exclude_unset=True)


SUMMARY_ONLY = ("avoided", "agent_turns", "comment_count")
"""What only the index keeps: counted from the whole record when it is written."""


class SessionRecord(SessionFields):
    """A whole stored session: transcript, scorecard, mood curve, comments…"""

    model_config = ConfigDict(extra="allow", validate_assignment=True)

    persona: str | None = None
    transcript: Transcript | None = None
    scorecard: ScorecardRecord | None = None
    moods: list[Number] = Field(default_factory=list)
    comments: list[Comment] = Field(default_factory=list)
    weights: dict[str, Number] | None = None
    """The weights from the index, for a record rebuilt from its summary alone (its own
    file was lost): its scorecard, which normally holds them, is gone."""

    @field_validator("moods", "comments", mode="before")
    @classmethod
    def _none_is_no_list(cls, value: Any) -> Any:
        return [] if value is None else value

    @property
    def score_weights(self) -> Mapping[str, float]:
        card = self.scorecard.weights if self.scorecard else None
        return card or self.weights or DEFAULT_WEIGHTS

    def update(self, **changes: Any) -> None:
        """Assign several fields, each checked as it is assigned."""
        for key, value in changes.items():
            setattr(self, key, value)

    def apply_scorecard(self, card: Mapping[str, Any] | ScorecardRecord) -> None:
        """Set the scorecard and what it decides on the session: the overall and each score."""
        self.scorecard = ScorecardRecord.model_validate(card)
        self.overall = self.scorecard.overall
        self.scores = {n: d.score for n, d in self.scorecard.dimensions.items()}
        self.call_result = self.scorecard.call_result
        self.words_unheard = self.scorecard.words_unheard

    def agent_turn_count(self) -> int:
        return len(self.transcript.agent_turns()) if self.transcript else 0

    @property
    def duration(self) -> float | None:
        """How long the call lasted, in seconds: up to the end of its last timed turn
        when the turns are timed (a spoken call), else from its start to its end."""
        turns = self.transcript.turns if self.transcript else []
        ends = [t.end for t in turns if t.end is not None]
        if ends:
            return max(ends)
        started, ended = self.started, timestamp(self.ended_at)
        if started is None or ended is None:
            return None
        return max(0.0, (ended - started).total_seconds())

    def avoided_phrases(self) -> list[AvoidedPhrase]:
        if self.scorecard is None:
            return []
        return [
            AvoidedPhrase(f.rule, f.quote, f.suggestion)
            for f in self.scorecard.findings
            if f.dimension == "avoided_phrases"
        ]

    def stored(self) -> dict[str, Any]:
        """The record as JSON data, with the keys it was read or built with."""
        return self.model_dump(mode="json", exclude_unset=True)

    def to_json(self) -> bytes:
        """The record's file content."""
        return self.model_dump_json(exclude_unset=True).encode()

    def summary(self) -> SessionSummary:
        """What the index keeps of this session."""
        lean = self.model_dump(
            mode="json",
            exclude_unset=True,
            include=set(SessionFields.model_fields),
        )
        if self.owner is None:
            lean.pop("owner", None)
        if self.overrides:  # the overall score is then recomputed with them
            lean["weights"] = dict(self.score_weights)
        lean["avoided"] = [[p.rule, p.quote] for p in self.avoided_phrases()]
        lean["agent_turns"] = self.agent_turn_count()
        lean["comment_count"] = len(self.comments)
        return SessionSummary.model_validate(lean)

    @classmethod
    def from_summary(cls, summary: SessionSummary) -> SessionRecord:
        """What is known of a session whose own file is missing or unreadable."""
        known = summary.model_dump(mode="json", exclude_unset=True, exclude=set(SUMMARY_ONLY))
        return cls.model_validate(known)
