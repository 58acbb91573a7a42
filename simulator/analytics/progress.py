"""One agent's progress on one scenario: the attempt before this one, and what changed.

A session's scorecard compares it with the same agent's previous attempt at the same
scenario (the newest scored session that started before it): the overall score, each
dimension and the number of objectives met. Scores are the ones a reviewer left: an
override takes the place of the scorer's, as everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from scoring.findings import DIMENSIONS
from simulator.store.records import ScorecardRecord, SessionRecord
from simulator.store.sessions import SessionStore


@dataclass(frozen=True)
class Change:
    """A figure then and now; ``delta`` is None when either is missing."""

    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class Progress:
    """This attempt against the previous one."""

    previous: SessionRecord
    overall: Change
    dimensions: dict[str, Change]
    objectives: Change
    """How many of the scenario's checked objectives were met (None: none were checked)."""
    objectives_total: int | None


def previous_attempt(store: SessionStore, session: SessionRecord) -> SessionRecord | None:
    """The same agent's newest scored session of the same scenario that started before
    ``session`` (the agent's name compared as the store compares names), or None."""
    started = session.started
    if started is None or not session.scenario:
        return None
    for summary in store.history(session.agent):  # newest first
        if summary.id == session.id or summary.scenario != session.scenario:
            continue
        if summary.status != "scored" or summary.started is None:
            continue
        if summary.started < started:
            return store.get(summary.id) or SessionRecord.from_summary(summary)
    return None


def _met(card: ScorecardRecord | None) -> int | None:
    if card is None or not card.objectives:
        return None
    return sum(o.met for o in card.objectives)


def compare(previous: SessionRecord, current: SessionRecord) -> Progress:
    """What changed from ``previous`` to ``current``."""
    before, after = previous.effective_scores, current.effective_scores
    total = len(current.scorecard.objectives) if current.scorecard else 0
    return Progress(
        previous,
        Change(previous.effective_overall, current.effective_overall),
        {d: Change(before.get(d), after.get(d)) for d in DIMENSIONS},
        Change(_met(previous.scorecard), _met(current.scorecard)),
        total or None,
    )


def progress(store: SessionStore, session: SessionRecord) -> Progress | None:
    """``session`` against the agent's previous attempt at its scenario, if there is one."""
    previous = previous_attempt(store, session)
    return None if previous is None else compare(previous, session)
