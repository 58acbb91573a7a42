"""The shape of what arrives in a bundle: a whole session record, or a session's reviews.

A bundle comes from someone else's machine; its sessions go into the lead's index and
feed history, scorecards and team reports, and the reviews a lead sends back go onto
the agent's own sessions. A record whose transcript or scorecard is not what roleplay
writes would break those later, far from the import that let it in, so each record is
checked against :class:`~simulator.store.records.SessionRecord` (or
:class:`SessionReviews`) before anything is stored, and the first problem is said in
words a person can act on.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from scoring.findings import DIMENSIONS
from simulator.errors import Phrase
from simulator.store.records import Comment, Override, SessionRecord

# What pydantic reports, as the bundle's sender would say it.
_SAID = {
    "missing": "error.bundle.record.missing",
    "string_type": "error.bundle.record.text",
    "int_type": "error.bundle.record.number",
    "float_type": "error.bundle.record.number",
    "list_type": "error.bundle.record.list",
    "dict_type": "error.bundle.record.mapping",
    "model_type": "error.bundle.record.shape",
    "model_attributes_type": "error.bundle.record.shape",
}
# Where a value could be of one of several kinds, pydantic names the kind it tried.
_KINDS = {"int", "float", "str", "constrained-str", "list", "dict"}


def _where(error: ErrorDetails) -> str:
    parts = [str(p) for p in error["loc"]]
    while len(parts) > 1 and parts[-1] in _KINDS:
        parts.pop()
    return ".".join(parts)


def _said(error: ErrorDetails) -> Phrase:
    key = _SAID.get(error["type"])
    if key is not None:
        return Phrase(key)
    return Phrase("error.bundle.record.other", detail=error["msg"].lower())  # a library's words


def check_record(
    session: dict[str, Any],
) -> tuple[SessionRecord | None, tuple[str, Phrase] | None]:
    """The incoming session as a record, or where it is wrong and why."""
    try:
        return SessionRecord.model_validate(session), None
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        return None, (_where(first), _said(first))


class SessionReviews(BaseModel):
    """What reviewers left on one session, as a reviews bundle carries it: the comments
    and the overrides, with who made them, when and why; the session itself stays on
    the machine it belongs to. ``agent``, ``scenario`` and ``started_at`` name the session
    for a person reading the bundle."""

    model_config = ConfigDict(extra="allow")

    id: str
    agent: str = ""
    scenario: str | None = None
    started_at: str | None = None
    comments: list[Comment] = Field(default_factory=list)
    overrides: dict[str, Override] = Field(default_factory=dict)

    @classmethod
    def of(cls, session: SessionRecord) -> SessionReviews:
        return cls(
            id=session.id,
            agent=session.agent,
            scenario=session.scenario,
            started_at=session.started_at,
            comments=session.comments,
            overrides=session.overrides,
        )

    @property
    def count(self) -> int:
        return len(self.comments) + len(self.overrides)


def check_reviews(
    session: dict[str, Any],
) -> tuple[SessionReviews | None, tuple[str, Phrase] | None]:
    """The incoming reviews of a session, or where they are wrong and why: an override
    must name a dimension roleplay scores and hold a score from 0 to 100."""
    try:
        reviews = SessionReviews.model_validate(session)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        return None, (_where(first), _said(first))
    for dimension, override in reviews.overrides.items():
        where = f"overrides.{dimension}"
        if dimension not in DIMENSIONS:
            return None, (
                where,
                Phrase("error.bundle.review.dimension", names=", ".join(DIMENSIONS)),
            )
        if not 0 <= override.score <= 100:
            return None, (f"{where}.score", Phrase("error.bundle.review.score"))
    return reviews, None
