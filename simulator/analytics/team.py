"""A team's figures over a period: averages and trends per agent and per dimension,
who needs coaching on what, the avoided phrases used and by whom, the scenarios where
the team does worst, and who improved or slipped.

The one aggregation of stored sessions: the team report reads it from whole records,
the review screen from the index summaries (the same scores and the same avoided
phrases, without what only a whole record holds: suggestions, scenario titles).
Scores are the ones a reviewer left: an override takes the place of the scorer's.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from statistics import fmean
from typing import TypeVar

from scoring.findings import DIMENSIONS
from simulator.store.records import AvoidedPhrase, SessionFields, SessionRecord

S = TypeVar("S", bound=SessionFields)

# A change in average overall score, between the first and the second half of an
# agent's sessions, that counts as improving or slipping (points out of 100).
CHANGE_POINTS = 5
# Periods of a trend: days over a short span, weeks (from Monday) beyond it.
DAILY_UP_TO_DAYS = 21
TOP_PHRASES = 10


@dataclass(frozen=True)
class TeamFilters:
    """Which stored sessions a report covers."""

    since: date | None = None
    agents: tuple[str, ...] = ()
    scenarios: tuple[str, ...] = ()

    def keeps(self, session: SessionFields) -> bool:
        if session.status != "scored":
            return False
        if self.agents and session.agent not in self.agents:
            return False
        if self.scenarios and session.scenario not in self.scenarios:
            return False
        if self.since is not None:
            started = session.started
            if started is None or started.date() < self.since:
                return False
        return True


def select_sessions(sessions: Iterable[S], filters: TeamFilters) -> list[S]:
    """The scored sessions the filters keep, oldest first."""
    kept = [s for s in sessions if filters.keeps(s)]
    return sorted(kept, key=lambda s: s.started_at)


def _mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return fmean(present) if present else None


@dataclass(frozen=True)
class AgentFigures:
    """One agent over the period; series are per session, oldest first."""

    name: str
    sessions: int
    overall: float | None
    dimensions: dict[str, float | None]
    overall_series: list[int]
    dimension_series: dict[str, list[int]]
    first_half: float | None
    second_half: float | None
    weakest: str | None = None
    """The dimension where this agent is furthest below the team: what to coach first."""

    @property
    def change(self) -> float | None:
        if self.first_half is None or self.second_half is None:
            return None
        return self.second_half - self.first_half


@dataclass(frozen=True)
class PhraseFigures:
    """One avoided-phrase rule: how often it was said, by whom, in which words."""

    rule: str
    count: int
    agents: list[tuple[str, int]]
    quotes: list[tuple[str, int]]
    suggestion: str


@dataclass(frozen=True)
class ScenarioFigures:
    scenario: str
    title: str
    sessions: int
    overall: float | None
    weakest: str | None


@dataclass(frozen=True)
class PeriodFigures:
    """Averages over one day or week of the trend."""

    start: date
    sessions: int
    overall: float | None
    dimensions: dict[str, float | None]


@dataclass
class TeamFigures:
    """What the team report shows, and the review screen's trends and phrase table."""

    sessions: int = 0
    first: date | None = None
    last: date | None = None
    overall: float | None = None
    dimensions: dict[str, float | None] = field(default_factory=dict)
    agents: list[AgentFigures] = field(default_factory=list)
    periods: list[PeriodFigures] = field(default_factory=list)
    weekly: bool = False
    phrase_uses: list[PhraseFigures] = field(default_factory=list)
    """Every avoided phrase said, the most used first (the review screen lists them all)."""
    scenarios: list[ScenarioFigures] = field(default_factory=list)

    @property
    def phrases(self) -> list[PhraseFigures]:
        """The avoided phrases used most: the ones the report lists."""
        return self.phrase_uses[:TOP_PHRASES]

    @property
    def improved(self) -> list[AgentFigures]:
        moved = [a for a in self.agents if a.change is not None and a.change >= CHANGE_POINTS]
        return sorted(moved, key=lambda a: -(a.change or 0))

    @property
    def slipped(self) -> list[AgentFigures]:
        moved = [a for a in self.agents if a.change is not None and a.change <= -CHANGE_POINTS]
        return sorted(moved, key=lambda a: a.change or 0)


@dataclass
class _Scored:
    """One session reduced to what the report needs."""

    agent: str
    scenario: str
    title: str
    day: date | None
    overall: float | None
    scores: dict[str, float | None]


def _coach_on(agent: dict[str, float | None], team: dict[str, float | None]) -> str | None:
    """The dimension where the agent's mean is furthest below the team's; on a tie, the
    one with the lower score."""
    gaps = {
        d: mine - theirs
        for d in DIMENSIONS
        if (mine := agent[d]) is not None and (theirs := team[d]) is not None and mine < theirs
    }
    if not gaps:
        return None
    return min(gaps, key=lambda d: (round(gaps[d], 1), agent[d]))


def _agent_figures(name: str, rows: list[_Scored]) -> AgentFigures:
    overall = [r.overall for r in rows if r.overall is not None]
    half = len(overall) // 2
    return AgentFigures(
        name=name,
        sessions=len(rows),
        overall=_mean(overall),
        dimensions={d: _mean([r.scores[d] for r in rows]) for d in DIMENSIONS},
        overall_series=overall,
        dimension_series={
            d: [r.scores[d] for r in rows if r.scores[d] is not None] for d in DIMENSIONS
        },
        # An odd session in the middle belongs to neither half.
        first_half=_mean(overall[:half]) if half else None,
        second_half=_mean(overall[-half:]) if half else None,
    )


def _periods(rows: list[_Scored]) -> tuple[list[PeriodFigures], bool]:
    days = [r.day for r in rows if r.day is not None]
    if not days:
        return [], False
    weekly = (max(days) - min(days)).days > DAILY_UP_TO_DAYS
    buckets: dict[date, list[_Scored]] = defaultdict(list)
    for r in rows:
        if r.day is not None:
            start = r.day - timedelta(days=r.day.weekday()) if weekly else r.day
            buckets[start].append(r)
    periods = [
        PeriodFigures(
            start=start,
            sessions=len(group),
            overall=_mean([r.overall for r in group]),
            dimensions={d: _mean([r.scores[d] for r in group]) for d in DIMENSIONS},
        )
        for start, group in sorted(buckets.items())
    ]
    return periods, weekly


class _PhraseTally:
    def __init__(self) -> None:
        self.count: Counter[str] = Counter()
        self.agents: dict[str, Counter[str]] = defaultdict(Counter)
        self.quotes: dict[str, Counter[str]] = defaultdict(Counter)
        self.spelling: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.suggestion: dict[str, str] = {}

    def add(self, agent: str, phrase: AvoidedPhrase) -> None:
        """Count one use; quotes are grouped whatever their case and spacing, and shown
        in their most common spelling."""
        rule = phrase.rule or "?"
        quote = " ".join(phrase.quote.split())
        self.count[rule] += 1
        self.agents[rule][agent] += 1
        if quote:
            self.quotes[rule][quote.casefold()] += 1
            self.spelling[(rule, quote.casefold())][quote] += 1
        if phrase.suggestion and rule not in self.suggestion:
            self.suggestion[rule] = phrase.suggestion

    def figures(self) -> list[PhraseFigures]:
        ranked = sorted(self.count.items(), key=lambda item: (-item[1], item[0]))
        return [
            PhraseFigures(
                rule=rule,
                count=count,
                agents=sorted(self.agents[rule].items(), key=lambda a: (-a[1], a[0])),
                quotes=[
                    (self.spelling[(rule, folded)].most_common(1)[0][0], n)
                    for folded, n in self.quotes[rule].most_common(3)
                ],
                suggestion=self.suggestion.get(rule, ""),
            )
            for rule, count in ranked
        ]


def _scenario_figures(rows: list[_Scored]) -> list[ScenarioFigures]:
    groups: dict[str, list[_Scored]] = defaultdict(list)
    for r in rows:
        groups[r.scenario].append(r)
    figures = []
    for scenario, group in groups.items():
        averages = {d: _mean([r.scores[d] for r in group]) for d in DIMENSIONS}
        scored = {d: v for d, v in averages.items() if v is not None}
        figures.append(
            ScenarioFigures(
                scenario=scenario,
                title=group[-1].title,
                sessions=len(group),
                overall=_mean([r.overall for r in group]),
                weakest=min(scored, key=lambda d: scored[d]) if scored else None,
            )
        )
    # Worst first; scenarios never scored overall go last.
    return sorted(figures, key=lambda s: (s.overall is None, s.overall or 0, s.scenario))


def _title(session: SessionFields) -> str:
    title = session.title if isinstance(session, SessionRecord) else None
    return title or session.scenario or "?"


def team_figures(sessions: Iterable[SessionFields]) -> TeamFigures:
    """Aggregate scored sessions: whole records (the report) or index summaries (the
    review screen). Each agent's series run oldest first, whatever the order given."""
    rows: list[_Scored] = []
    phrases = _PhraseTally()
    for session in sorted(sessions, key=lambda s: s.started_at):
        agent = session.agent or "?"
        started = session.started
        rows.append(
            _Scored(
                agent=agent,
                scenario=session.scenario or "?",
                title=_title(session),
                day=started.astimezone().date() if started else None,
                overall=session.effective_overall,
                scores=session.effective_scores,
            )
        )
        for phrase in session.avoided_phrases():
            phrases.add(agent, phrase)
    by_agent: dict[str, list[_Scored]] = defaultdict(list)
    for r in rows:
        by_agent[r.agent].append(r)
    periods, weekly = _periods(rows)
    days = [r.day for r in rows if r.day is not None]
    team = {d: _mean([r.scores[d] for r in rows]) for d in DIMENSIONS}
    agents = [_agent_figures(name, group) for name, group in sorted(by_agent.items())]
    return TeamFigures(
        sessions=len(rows),
        first=min(days) if days else None,
        last=max(days) if days else None,
        overall=_mean([r.overall for r in rows]),
        dimensions=team,
        agents=[replace(a, weakest=_coach_on(a.dimensions, team)) for a in agents],
        periods=periods,
        weekly=weekly,
        phrase_uses=phrases.figures(),
        scenarios=_scenario_figures(rows),
    )


def majority_locale(locales: Iterable[str | None]) -> str:
    """The language most sessions were held in (English on a tie or when none)."""
    counts = Counter(locale for locale in locales if locale in ("fr", "en"))
    return "fr" if counts["fr"] > counts["en"] else "en"
