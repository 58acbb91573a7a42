"""A team's figures over a period: averages and trends per agent and per dimension,
who needs coaching on what, the avoided phrases used and by whom, the scenarios where
the team does worst, and who improved or slipped.

The one aggregation of stored sessions: the team report reads it from whole records,
the review screen from the index summaries (the same scores and the same avoided
phrases, without what only a whole record holds: suggestions, scenario titles).
Scores are the ones a reviewer left: an override takes the place of the scorer's.

Figures say what they rest on. Every average comes with the number of sessions that
scored it (a typed call scores no pacing), and advice waits for :data:`MIN_SESSIONS`:
who needs coaching on what, a scenario's weakest dimension, and who improved or slipped,
which compares an agent's earlier and later sessions of the same scenario only, so that
a harder scenario tried later does not read as slipping.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from statistics import fmean
from typing import TypeVar, get_args

from scoring.findings import DIMENSIONS
from simulator.analytics.phrases import TOP_PHRASES, PhraseFigures, PhraseTally
from simulator.conversation.scenario import Outcome
from simulator.store.agents import display_names
from simulator.store.names import fold
from simulator.store.records import SessionFields

S = TypeVar("S", bound=SessionFields)

# A change in average overall score, between an agent's earlier and later sessions of
# the same scenarios, that counts as improving or slipping (points out of 100).
CHANGE_POINTS = 5
MIN_SESSIONS = 3
"""The fewest sessions advice rests on: a dimension to coach (sessions scoring it), a
scenario's weakest dimension, a change (sessions of scenarios tried more than once)."""
# Periods of a trend: days over a short span, weeks (from Monday) beyond it.
DAILY_UP_TO_DAYS = 21
OUTCOMES = (*get_args(Outcome), "interrupted")
"""How calls end, in the order rates are shown: a scenario's endings, then a call a crash
cut short; one a newer roleplay wrote comes after."""


@dataclass(frozen=True)
class TeamFilters:
    """Which stored sessions a report covers."""

    since: date | None = None
    agents: tuple[str, ...] = ()
    scenarios: tuple[str, ...] = ()

    def keeps(self, session: SessionFields) -> bool:
        if session.status != "scored":
            return False
        if self.agents and fold(session.agent) not in {fold(a) for a in self.agents}:
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


def _scored(values: Sequence[float | None]) -> int:
    return sum(v is not None for v in values)


@dataclass(frozen=True)
class OutcomeRate:
    """How many calls ended one way, and their share of all the calls (0–100)."""

    outcome: str
    count: int
    percent: float


def _outcome(session: SessionFields) -> str:
    """How the call ended, as its scorecard shows it; a call spoken with no word
    recognised followed the scenario whatever was said: its ending was not judged."""
    if session.words_unheard:
        return "not_judged"
    return session.outcome or "stopped"


def outcome_rates(counts: Mapping[str, int], total: int) -> list[OutcomeRate]:
    """Every usual outcome (none is left out for being zero), then any other seen."""
    order = [*OUTCOMES, *sorted(o for o in counts if o not in OUTCOMES)]
    return [
        OutcomeRate(o, counts.get(o, 0), 100 * counts.get(o, 0) / total if total else 0.0)
        for o in order
        if o in counts or o != "interrupted"
    ]


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
    """The average of their earlier sessions of each scenario they did more than once
    (None when fewer than MIN_SESSIONS such sessions)."""
    second_half: float | None
    scored: dict[str, int] = field(default_factory=dict)
    """How many of their sessions scored each dimension."""
    outcomes: dict[str, int] = field(default_factory=dict)
    compared: int = 0
    """How many sessions the change rests on: those of scenarios done more than once."""
    weakest: str | None = None
    """The dimension where this agent is furthest below the team, among those scored in
    at least MIN_SESSIONS of their sessions: what to coach first."""

    @property
    def change(self) -> float | None:
        if self.first_half is None or self.second_half is None:
            return None
        return self.second_half - self.first_half

    @property
    def too_few_for_advice(self) -> bool:
        """No dimension scored often enough to say what to coach."""
        return max(self.scored.values(), default=0) < MIN_SESSIONS

    def outcome_rates(self) -> list[OutcomeRate]:
        return outcome_rates(self.outcomes, self.sessions)


@dataclass(frozen=True)
class ScenarioFigures:
    scenario: str
    title: str
    sessions: int
    overall: float | None
    weakest: str | None
    """Its lowest dimension on average, among those scored in MIN_SESSIONS sessions."""


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
    scored: dict[str, int] = field(default_factory=dict)
    """How many sessions scored each dimension: what each average rests on."""
    outcomes: dict[str, int] = field(default_factory=dict)
    agents: list[AgentFigures] = field(default_factory=list)
    periods: list[PeriodFigures] = field(default_factory=list)
    weekly: bool = False
    phrase_uses: list[PhraseFigures] = field(default_factory=list)
    """Every avoided phrase said, the most used first."""
    scenarios: list[ScenarioFigures] = field(default_factory=list)

    @property
    def phrases(self) -> list[PhraseFigures]:
        """The avoided phrases used most: the ones the report and the review screen list."""
        return self.phrase_uses[:TOP_PHRASES]

    @property
    def more_phrases(self) -> int:
        """How many other avoided phrases were used ("and N more")."""
        return max(0, len(self.phrase_uses) - TOP_PHRASES)

    def outcome_rates(self) -> list[OutcomeRate]:
        return outcome_rates(self.outcomes, self.sessions)

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
    outcome: str


def _coach_on(agent: AgentFigures, team: dict[str, float | None]) -> str | None:
    """The dimension where the agent's mean is furthest below the team's, among those
    scored often enough to tell; on a tie, the one with the lower score."""
    gaps = {
        d: mine - theirs
        for d in DIMENSIONS
        if agent.scored.get(d, 0) >= MIN_SESSIONS
        and (mine := agent.dimensions[d]) is not None
        and (theirs := team[d]) is not None
        and mine < theirs
    }
    if not gaps:
        return None
    return min(gaps, key=lambda d: (round(gaps[d], 1), agent.dimensions[d]))


def _like_with_like(rows: list[_Scored]) -> tuple[float | None, float | None, int]:
    """The averages of an agent's earlier and later sessions, scenario by scenario: each
    scenario done more than once is split in halves (an odd session in the middle belongs
    to neither), weighted by the sessions compared. Returns (earlier, later, how many
    sessions that rests on); no averages under MIN_SESSIONS sessions."""
    by_scenario: dict[str, list[float]] = defaultdict(list)
    for r in rows:
        if r.overall is not None:
            by_scenario[r.scenario].append(r.overall)
    earlier = later = weight = 0.0
    compared = 0
    for scores in by_scenario.values():
        half = len(scores) // 2
        if half:
            earlier += half * fmean(scores[:half])
            later += half * fmean(scores[-half:])
            weight += half
            compared += len(scores)
    if compared < MIN_SESSIONS:
        return None, None, compared
    return earlier / weight, later / weight, compared


def _agent_figures(name: str, rows: list[_Scored]) -> AgentFigures:
    overall = [r.overall for r in rows if r.overall is not None]
    earlier, later, compared = _like_with_like(rows)
    return AgentFigures(
        name=name,
        sessions=len(rows),
        overall=_mean(overall),
        dimensions={d: _mean([r.scores[d] for r in rows]) for d in DIMENSIONS},
        overall_series=overall,
        dimension_series={
            d: [r.scores[d] for r in rows if r.scores[d] is not None] for d in DIMENSIONS
        },
        first_half=earlier,
        second_half=later,
        scored={d: _scored([r.scores[d] for r in rows]) for d in DIMENSIONS},
        outcomes=dict(Counter(r.outcome for r in rows)),
        compared=compared,
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


def _scenario_figures(rows: list[_Scored]) -> list[ScenarioFigures]:
    groups: dict[str, list[_Scored]] = defaultdict(list)
    for r in rows:
        groups[r.scenario].append(r)
    figures = []
    for scenario, group in groups.items():
        scored = {
            d: mean
            for d in DIMENSIONS
            if _scored(values := [r.scores[d] for r in group]) >= MIN_SESSIONS
            and (mean := _mean(values)) is not None
        }
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


def team_figures(sessions: Iterable[SessionFields]) -> TeamFigures:
    """Aggregate scored sessions: whole records (the report) or index summaries (the
    review screen). Each agent's series run oldest first, whatever the order given; an
    agent whose name was typed in several ways ("Chloé", "chloe") is counted once."""
    rows: list[_Scored] = []
    phrases = PhraseTally()
    ordered = sorted(sessions, key=lambda s: s.started_at)
    names = display_names(ordered)
    for session in ordered:
        agent = names.get(fold(session.agent), session.agent) or "?"
        started = session.started
        rows.append(
            _Scored(
                agent=agent,
                scenario=session.scenario or "?",
                title=session.title or session.scenario or "?",
                day=started.astimezone().date() if started else None,
                overall=session.effective_overall,
                scores=session.effective_scores,
                outcome=_outcome(session),
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
    agents = [
        _agent_figures(name, by_agent[name])
        for name in sorted(by_agent, key=lambda n: (fold(n), n))
    ]
    return TeamFigures(
        sessions=len(rows),
        first=min(days) if days else None,
        last=max(days) if days else None,
        overall=_mean([r.overall for r in rows]),
        dimensions=team,
        scored={d: _scored([r.scores[d] for r in rows]) for d in DIMENSIONS},
        outcomes=dict(Counter(r.outcome for r in rows)),
        agents=[replace(a, weakest=_coach_on(a, team)) for a in agents],
        periods=periods,
        weekly=weekly,
        phrase_uses=phrases.figures(),
        scenarios=_scenario_figures(rows),
    )


def majority_locale(locales: Iterable[str | None]) -> str:
    """The language most sessions were held in (English on a tie or when none)."""
    counts = Counter(locale for locale in locales if locale in ("fr", "en"))
    return "fr" if counts["fr"] > counts["en"] else "en"
