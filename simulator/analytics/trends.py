"""What a team lead looks for across stored sessions: trends and the phrases to avoid.

Plain functions over session records, kept out of the screens so they can be tested
and reused without a terminal.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from scoring.findings import DIMENSIONS
from simulator.store.records import effective_scores


@dataclass
class AgentTrend:
    agent: str
    sessions: int
    series: dict[str, list[float]] = field(default_factory=dict)

    def mean(self, dimension: str) -> float | None:
        values = self.series.get(dimension) or []
        return sum(values) / len(values) if values else None

    weakest: str | None = None
    """The dimension where this agent is furthest below the team: what to coach first."""


def _coach_on(trend: AgentTrend, team: dict[str, float]) -> str | None:
    gaps = {
        d: m - team[d]
        for d in DIMENSIONS
        if (m := trend.mean(d)) is not None and d in team and m < team[d]
    }
    if not gaps:
        return None
    # furthest below the team's mean; on a tie, the lower score
    return min(gaps, key=lambda d: (round(gaps[d], 1), trend.mean(d)))


def trends(sessions: list[dict[str, Any]]) -> list[AgentTrend]:
    """Each agent's scores per dimension, oldest first."""
    by_agent: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for session in sessions:
        if session.get("status") == "scored":
            by_agent[session["agent"]].append(session)
    result = []
    for agent, mine in sorted(by_agent.items()):
        mine.sort(key=lambda s: s["started_at"])
        trend = AgentTrend(agent, len(mine))
        for dimension in DIMENSIONS:
            trend.series[dimension] = [
                score for s in mine if (score := effective_scores(s)[dimension]) is not None
            ]
        result.append(trend)
    team = {}
    for dimension in DIMENSIONS:
        values = [v for t in result for v in t.series[dimension]]
        if values:
            team[dimension] = sum(values) / len(values)
    for trend in result:
        trend.weakest = _coach_on(trend, team)
    return result


@dataclass
class PhraseUse:
    rule: str
    count: int
    quotes: Counter
    agents: Counter


def _avoided(session: dict[str, Any]) -> list[tuple[str, str]]:
    """(rule, quote) of each avoided phrase: from the scorecard, or the index summary."""
    card = session.get("scorecard")
    if card:
        return [
            (f["rule"], f.get("quote", ""))
            for f in card.get("findings", [])
            if f["dimension"] == "avoided_phrases"
        ]
    return [(rule, quote) for rule, quote in session.get("avoided") or []]


def avoided_phrases(sessions: list[dict[str, Any]]) -> list[PhraseUse]:
    """The phrases to avoid the team used, most frequent first, with who used them."""
    uses: dict[str, PhraseUse] = {}
    for session in sessions:
        for rule, quote in _avoided(session):
            use = uses.setdefault(rule, PhraseUse(rule, 0, Counter(), Counter()))
            use.count += 1
            use.quotes[quote.lower()] += 1
            use.agents[session["agent"]] += 1
    return sorted(uses.values(), key=lambda u: (-u.count, u.rule))
