"""One trainee's own progress over every scenario they practised: each dimension's
scores session by session and their average, the objectives met in each session, and
the scenarios they find hardest.

The averages and the hardest scenarios are the team figures
(:func:`simulator.analytics.team.team_figures`) of the agent's sessions alone, so the
trainee reads the numbers their team lead reads. The agent is found as everywhere else
(:func:`simulator.store.names.fold`: "chloe" is Chloé), and scores are the reviewed
ones: an override takes the place of the scorer's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from scoring.findings import DIMENSIONS
from simulator.analytics.team import (
    ScenarioFigures,
    TeamFilters,
    select_sessions,
    team_figures,
)
from simulator.store.records import SessionRecord
from simulator.store.sessions import SessionStore


@dataclass(frozen=True)
class SessionPoint:
    """One scored session of the agent's."""

    id: str
    day: date | None
    """The day it started, in local time."""
    scenario: str
    title: str
    overall: float | None
    scores: dict[str, float | None]
    objectives_met: int | None
    """How many of the scenario's checked objectives the call met (None: none checked)."""
    objectives_total: int | None


@dataclass(frozen=True)
class Trend:
    """One figure over the agent's sessions: ``series`` holds the scores of the sessions
    that scored it, oldest first; ``scored`` says how many of ``sessions`` those are."""

    key: str
    """``overall`` or a dimension."""
    series: list[int]
    average: float | None
    scored: int
    sessions: int

    @property
    def first(self) -> float | None:
        return self.series[0] if self.series else None

    @property
    def last(self) -> float | None:
        return self.series[-1] if self.series else None


@dataclass(frozen=True)
class MyProgress:
    """An agent's progress; empty (no sessions) when none of theirs is scored yet."""

    agent: str
    sessions: list[SessionPoint]
    """Oldest first."""
    overall: Trend
    dimensions: list[Trend]
    """In the scorecard's order of dimensions."""
    hardest: list[ScenarioFigures]
    """Every scenario they practised, the lowest average overall first, each with the
    number of sessions it rests on."""

    @property
    def first(self) -> date | None:
        return next((s.day for s in self.sessions if s.day), None)

    @property
    def last(self) -> date | None:
        return next((s.day for s in reversed(self.sessions) if s.day), None)


def _objectives(session: SessionRecord) -> tuple[int | None, int | None]:
    card = session.scorecard
    if card is None or not card.objectives:
        return None, None
    return sum(o.met for o in card.objectives), len(card.objectives)


def _point(session: SessionRecord) -> SessionPoint:
    met, total = _objectives(session)
    started = session.started
    return SessionPoint(
        id=session.id,
        day=started.astimezone().date() if started else None,
        scenario=session.scenario or "?",
        title=session.title or session.scenario or "?",
        overall=session.effective_overall,
        scores=session.effective_scores,
        objectives_met=met,
        objectives_total=total,
    )


def agent_progress(sessions: Iterable[SessionRecord], agent: str) -> MyProgress:
    """The progress of ``agent`` (any case or accents) from whole session records: the
    other agents' sessions and the unscored ones are left out."""
    mine = select_sessions(sessions, TeamFilters(agents=(agent,)))
    figures = team_figures(mine)
    if not figures.agents:
        empty = Trend("overall", [], None, 0, 0)
        return MyProgress(
            " ".join(agent.split()),
            [],
            empty,
            [Trend(d, [], None, 0, 0) for d in DIMENSIONS],
            [],
        )
    (found,) = figures.agents  # one person, however the name was typed
    count = found.sessions
    return MyProgress(
        agent=found.name,
        sessions=[_point(s) for s in mine],
        overall=Trend(
            "overall", found.overall_series, found.overall, len(found.overall_series), count
        ),
        dimensions=[
            Trend(d, found.dimension_series[d], found.dimensions[d], found.scored[d], count)
            for d in DIMENSIONS
        ],
        hardest=figures.scenarios,
    )


def my_progress(store: SessionStore, agent: str) -> MyProgress:
    """The progress of ``agent`` from the store: their sessions read whole, for the
    objectives each met."""
    summaries = select_sessions(store.history(agent), TeamFilters(agents=(agent,)))
    return agent_progress(store.details(summaries), agent)
