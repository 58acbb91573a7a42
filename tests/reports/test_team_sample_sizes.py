"""Team figures say what they rest on: how many sessions each average covers, advice only
from enough sessions, changes measured like with like, how the calls ended, and the
same phrases in the report as on screen."""

from __future__ import annotations

import pytest

from simulator.analytics.phrases import TOP_PHRASES
from simulator.analytics.team import MIN_SESSIONS, TeamFilters, select_sessions, team_figures
from simulator.reports.team_document import render_team
from tests.made_sessions import made_session
from tests.reports.html_checks import Page


def _figures(sessions):  # type: ignore[no-untyped-def]
    return team_figures(select_sessions(sessions, TeamFilters()))


def test_each_average_says_how_many_sessions_it_rests_on():
    spoken = {"pacing": 36, "empathy": 70, "avoided_phrases": 90}
    typed = {"empathy": 60, "avoided_phrases": 80}
    sessions = [made_session("s1", "Sam", 1, scores=spoken)]
    sessions += [made_session(f"t{n}", "Jo", 2 + n, scores=typed) for n in range(3)]
    figures = _figures(sessions)
    assert figures.sessions == 4
    assert figures.dimensions["pacing"] == 36 and figures.scored["pacing"] == 1
    assert figures.scored["empathy"] == 4
    md = render_team(figures, TeamFilters(), "en", "md")
    assert "| Pacing | 36 | 1 of 4 |" in md and "| Empathy | 62 | 4 of 4 |" in md
    fr = Page(render_team(figures, TeamFilters(), "fr", "html")).text
    assert "Rythme 36 1 sur 4" in fr


def test_no_coaching_advice_on_too_few_sessions():
    # Sam is far below the team on empathy, but in two sessions only.
    sessions = [made_session(f"j{n}", "Jo", 1 + n, scores={"empathy": 90}) for n in range(4)]
    sessions += [made_session(f"s{n}", "Sam", 5 + n, scores={"empathy": 10}) for n in range(2)]
    sam = next(a for a in _figures(sessions).agents if a.name == "Sam")
    assert sam.weakest is None and sam.too_few_for_advice
    md = render_team(_figures(sessions), TeamFilters(), "en", "md")
    assert f"too few sessions to tell (at least {MIN_SESSIONS})" in md
    sessions.append(made_session("s9", "Sam", 9, scores={"empathy": 10}))
    sam = next(a for a in _figures(sessions).agents if a.name == "Sam")
    assert sam.weakest == "empathy" and not sam.too_few_for_advice


def test_a_scenario_weakest_dimension_waits_for_enough_sessions():
    few = [made_session(f"a{n}", "Sam", 1 + n, scenario="rare") for n in range(2)]
    many = [made_session(f"b{n}", "Sam", 3 + n, scenario="common") for n in range(3)]
    by_id = {s.scenario: s for s in _figures(few + many).scenarios}
    assert by_id["rare"].weakest is None and by_id["common"].weakest == "empathy"


def test_improved_or_slipped_compares_like_with_like():
    """Sam does well on an easy scenario, then moves on to a hard one and scores lower
    there: not slipping. Jo does the same scenario three times and gets better."""
    easy, hard = {"empathy": 80}, {"empathy": 50}
    sam = [
        made_session("s1", "Sam", 1, scenario="easy", scores=easy),
        made_session("s2", "Sam", 2, scenario="easy", scores={"empathy": 82}),
        made_session("s3", "Sam", 3, scenario="hard", scores=hard),
        made_session("s4", "Sam", 4, scenario="hard", scores={"empathy": 52}),
    ]
    jo = [
        made_session(f"j{n}", "Jo", 5 + n, scenario="hard", scores={"empathy": v})
        for n, v in enumerate((40, 55, 70))
    ]
    figures = _figures(sam + jo)
    agents = {a.name: a for a in figures.agents}
    # first half against second half, whatever the scenario, would say −30
    assert agents["Sam"].change == pytest.approx(2) and agents["Sam"].compared == 4
    assert agents["Jo"].change == pytest.approx(30) and agents["Jo"].compared == 3
    assert [a.name for a in figures.improved] == ["Jo"] and figures.slipped == []
    # two sessions of a scenario are too few to call it a change
    two = _figures(jo[:2])
    assert two.agents[0].change is None and two.improved == []


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_the_report_says_how_the_calls_ended(locale):
    sessions = [
        made_session("a", "Sam", 1, outcome="resolved"),
        made_session("b", "Sam", 2, outcome="hung_up"),
        made_session("c", "Jo", 3, outcome="escalated"),
        made_session("d", "Jo", 4, outcome="stopped"),
    ]
    figures = _figures(sessions)
    rates = {r.outcome: (r.count, r.percent) for r in figures.outcome_rates()}
    assert rates == {
        "resolved": (1, 25.0),
        "escalated": (1, 25.0),
        "transferred": (0, 0.0),  # every way a scenario can end is shown, even at zero
        "hung_up": (1, 25.0),
        "stopped": (1, 25.0),
    }
    md = render_team(figures, TeamFilters(), locale, "md")
    html = Page(render_team(figures, TeamFilters(), locale, "html")).text
    if locale == "en":
        assert "## How the calls ended" in md
        assert "| Team | 4 | 25% (1) | 25% (1) | 0% (0) | 25% (1) | 25% (1) |" in md
        assert "| Sam | 2 | 50% (1) | 0% (0) | 0% (0) | 50% (1) | 0% (0) |" in md
        assert "How the calls ended" in html and "Resolved" in html
    else:
        assert "## Issue des appels" in md
        assert "| Équipe | 4 | 25\u202f% (1) |" in md
        assert "Le client a raccroché" in html


def test_the_report_lists_the_phrases_the_screen_lists_and_how_many_more():
    said = [(f"avoided.rule-{n:02d}", f"phrase {n}") for n in range(TOP_PHRASES + 3)]
    sessions = [made_session(f"s{n}", "Sam", 1 + n, phrases=said[: n + 1]) for n in range(13)]
    figures = _figures(sessions)
    assert len(figures.phrases) == TOP_PHRASES and figures.more_phrases == 3
    md = render_team(figures, TeamFilters(), "en", "md")
    assert md.count("(avoided.rule-") == TOP_PHRASES
    assert "And 3 more phrases to avoid." in md
    html = Page(render_team(figures, TeamFilters(), "fr", "html")).text
    assert "Et 3 autres phrases à éviter." in html
    assert "avoided.rule-00" in html  # the rule each phrase breaks


def test_a_name_typed_two_ways_is_one_agent():
    sessions = [made_session("a", "Chloé", 1), made_session("b", "chloe", 2)]
    sessions.append(made_session("c", "Chloé", 3))
    figures = team_figures(select_sessions(sessions, TeamFilters(agents=("CHLOE",))))
    assert [(a.name, a.sessions) for a in figures.agents] == [("Chloé", 3)]


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_a_call_spoken_with_no_word_recognised_is_not_counted_as_resolved(locale):
    # With no recogniser the customer follows the scenario whatever is said: its
    # "resolved" was not earned, and the team's rates say so instead of counting it.
    unheard = made_session("b", "Sam", 2, outcome="resolved", scores={"pacing": 70})
    unheard.apply_scorecard({**unheard.scorecard.model_dump(), "words_unheard": True})
    sessions = [made_session("a", "Sam", 1, outcome="resolved"), unheard]
    figures = _figures([s.summary() for s in sessions])
    rates = {r.outcome: r.count for r in figures.outcome_rates()}
    assert rates["resolved"] == 1 and rates["not_judged"] == 1
    md = render_team(figures, TeamFilters(), locale, "md").lower()
    assert (
        "not judged (no words heard)" if locale == "en" else "non jugé (aucun mot entendu)"
    ) in md
