"""Team figures from real sessions: averages, trends, the phrases used most and by whom,
the hardest scenarios, who improved or slipped."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta

import pytest

from simulator.analytics.team import (
    CHANGE_POINTS,
    MIN_SESSIONS,
    TeamFilters,
    majority_locale,
    select_sessions,
    team_figures,
)
from simulator.i18n.catalogue import text as catalogue_text
from simulator.reports.team_document import render_team
from simulator.store.records import SessionRecord
from simulator.store.sessions import SessionStore, open_database
from tests.reports.html_checks import Page


def _all(team) -> list[SessionRecord]:  # type: ignore[no-untyped-def]
    return team.sessions(team.alex) + team.sessions(team.sam)


def _dated(session: SessionRecord, day: date) -> SessionRecord:
    stamp = datetime(day.year, day.month, day.day, 10, tzinfo=UTC).isoformat()
    return session.model_copy(update={"started_at": stamp})


def test_the_phrases_used_most_and_who_used_them(team):
    figures = team_figures(select_sessions(_all(team), TeamFilters()))
    by_rule = {p.rule: p for p in figures.phrases}
    known = by_rule["avoided.je-ne-sais-pas"]
    assert known.count == 2 and dict(known.agents) == {"Alex": 1, "Sam": 1}
    assert known.quotes[0][0] == "Je sais pas"
    assert known.suggestion
    hold_on = by_rule["avoided.hurry-up-wait"]
    assert dict(hold_on.agents) == {"Alex": 1, "Sam": 1}
    assert [p.count for p in figures.phrases] == sorted(
        (p.count for p in figures.phrases), reverse=True
    )
    assert {"avoided.je-m-en-fiche", "avoided.depechez-attendez"} <= set(by_rule)


def test_agents_who_improved_or_slipped(team):
    poor, better = sorted(
        (s for s in _all(team) if s.agent == "Alex" and s.scenario == "fr-facture-contestee"),
        key=lambda s: s.overall or 0,
    )
    alex = [poor, poor.model_copy(update={"id": "again"}), better]
    start = date(2026, 3, 2)
    # Worst call first, best last: Alex improved. The other way round: Alex slipped.
    rising = [_dated(s, start + timedelta(weeks=2 * i)) for i, s in enumerate(alex)]
    falling = [_dated(s, start + timedelta(weeks=2 * i)) for i, s in enumerate(reversed(alex))]
    up = team_figures(select_sessions(rising, TeamFilters()))
    down = team_figures(select_sessions(falling, TeamFilters()))
    assert [a.name for a in up.improved] == ["Alex"] and up.slipped == []
    assert [a.name for a in down.slipped] == ["Alex"] and down.improved == []
    change = up.agents[0].change
    assert change is not None and change >= CHANGE_POINTS
    assert change == pytest.approx(better.overall - poor.overall)
    assert up.agents[0].compared == 3
    # four weeks from first to last: the trend is by week (from Monday)
    assert up.weekly and [p.start for p in up.periods] == [
        start + timedelta(weeks=2 * i) for i in range(3)
    ]


def test_reviewer_overrides_count_in_the_averages(team):
    store = SessionStore(open_database(team.sam))
    sessions = store.history()
    for session in sessions:
        store.override_score(session.id, "empathy", 90, "Heard in the recording.", "Dana")
    figures = team_figures(store.details(select_sessions(store.history(), TeamFilters())))
    assert figures.agents[0].dimensions["empathy"] == 90
    assert figures.dimensions["empathy"] == 90


def test_filters_keep_only_what_was_asked(team):
    sessions = _all(team)
    store = SessionStore(open_database(team.sam))
    store.start("Sam", "fr-facture-contestee", "fr")  # still in progress: not reported
    sessions = _all(team)
    assert len(select_sessions(sessions, TeamFilters())) == 6
    assert {s.agent for s in select_sessions(sessions, TeamFilters(agents=("Sam",)))} == {"Sam"}
    chosen = select_sessions(sessions, TeamFilters(scenarios=("en-disputed-charge",)))
    assert len(chosen) == 2
    tomorrow = datetime.now(UTC).date() + timedelta(days=2)
    assert select_sessions(sessions, TeamFilters(since=tomorrow)) == []


def test_the_scenarios_where_the_team_does_worst_come_first(team):
    figures = team_figures(select_sessions(_all(team), TeamFilters()))
    overall = [s.overall for s in figures.scenarios]
    assert overall == sorted(overall)
    assert {s.scenario for s in figures.scenarios} == {
        "fr-facture-contestee",
        "en-disputed-charge",
        "fr-sms-frais-bancaires",
    }
    # advice waits for enough sessions: a scenario done fewer than three times has none,
    # nor one whose dimensions were scored fewer than three times (a French call spoken
    # with no recogniser has no empathy score)
    for s in figures.scenarios:
        if s.sessions < MIN_SESSIONS:
            assert s.weakest is None, s.scenario


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_both_documents_name_agents_and_phrases(team, locale):
    sessions = select_sessions(_all(team), TeamFilters())
    figures = team_figures(sessions)
    html = render_team(figures, TeamFilters(), locale, "html")
    md = render_team(figures, TeamFilters(), locale, "md")
    text = Page(html).text
    for document in (text, md):
        assert "Alex (1), Sam (1)" in document
        assert "Je sais pas" in document
    assert ("Rapport d'équipe" if locale == "fr" else "Team report") in text
    per_agent = md.split(f"## {catalogue_text('report.per_agent', locale)}")[1].split("\n## ")[0]
    assert per_agent.count("| Alex |") == 1 and per_agent.count("| Sam |") == 1


def test_majority_locale():
    assert majority_locale(["fr", "fr", "en"]) == "fr"
    assert majority_locale(["fr", "en"]) == "en"
    assert majority_locale(["fr", None, "de"]) == "fr"
    assert majority_locale([]) == "en"


def test_thousands_of_sessions_in_seconds(team):
    """A year of a large team: 3,000 sessions copied from the real ones, spread over days."""
    real = _all(team)
    many = []
    for i in range(3000):
        session = real[i % len(real)].model_copy(
            update={"id": f"copy{i:05d}", "agent": f"Agent {i % 40:02d}"}
        )
        many.append(_dated(session, date(2026, 1, 1) + timedelta(days=i % 300)))
    began = time.perf_counter()
    figures = team_figures(select_sessions(many, TeamFilters()))
    html = render_team(figures, TeamFilters(), "en", "html")
    elapsed = time.perf_counter() - began
    assert figures.sessions == 3000 and len(figures.agents) == 40 and figures.weekly
    assert "Agent 39" in html
    assert elapsed < 10, elapsed
