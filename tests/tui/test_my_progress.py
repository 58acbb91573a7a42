"""A trainee's own progress: opened from Home with the name typed there, each dimension
with a sparkline and its average, the objectives met session by session, the hardest
scenarios first; in English and in French."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Static

from simulator.analytics.my_progress import agent_progress
from simulator.tui.home import HomeScreen
from simulator.tui.progress import ProgressScreen
from tests.made_sessions import made_session

SIZE = (130, 40)


@pytest.fixture
def chloe(store):
    """Chloé's sessions, under two spellings, beside someone else's."""
    store.put_many(
        [
            made_session(
                "c1",
                "Chloé",
                1,
                scores={"empathy": 40, "avoided_phrases": 60},
                objectives=[True, False, False],
            ),
            made_session(
                "c2",
                "chloe",
                2,
                scores={"empathy": 70, "avoided_phrases": 90},
                objectives=[True, True, False],
            ),
            made_session(
                "c3",
                "Chloé",
                3,
                scenario="en-disputed-charge",
                title="A fee [billing]",
                scores={"empathy": 30, "avoided_phrases": 50},
                objectives=[False, True],
            ),
            made_session("p1", "Priya", 4, scores={"empathy": 100, "avoided_phrases": 100}),
        ]
    )
    return store


def _rows(screen, section: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    table = screen.query_one(f"#progress-{section}", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def _headings(screen, section: str) -> list[str]:  # type: ignore[no-untyped-def]
    table = screen.query_one(f"#progress-{section}", DataTable)
    return [str(c.label) for c in table.columns.values()]


def test_the_figures_are_the_agents_alone_oldest_first(chloe):
    found = agent_progress(chloe.details(chloe.history()), "CHLOE")
    assert found.agent == "Chloé"
    assert [s.id for s in found.sessions] == ["c1", "c2", "c3"]
    assert [(s.objectives_met, s.objectives_total) for s in found.sessions] == [
        (1, 3),
        (2, 3),
        (1, 2),
    ]
    empathy = next(d for d in found.dimensions if d.key == "empathy")
    assert empathy.series == [40, 70, 30]
    assert empathy.average == pytest.approx(140 / 3)
    assert (empathy.scored, empathy.sessions) == (3, 3)
    pacing = next(d for d in found.dimensions if d.key == "pacing")
    assert (pacing.series, pacing.average, pacing.scored) == ([], None, 0)
    # the lowest average first, with the sessions each rests on
    assert [(s.scenario, s.sessions) for s in found.hardest] == [
        ("en-disputed-charge", 1),
        ("fr-facture-contestee", 2),
    ]


async def test_m_opens_the_progress_of_the_name_on_home(chloe, app_factory):
    chloe.remember("agent", "chloe")
    app = app_factory(chloe)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        said = str(screen.query_one("#progress-heading", Static).render())
        dimensions = _rows(screen, "dimensions")
        sessions = _rows(screen, "sessions")
        scenarios = _rows(screen, "scenarios")
        session_headings = _headings(screen, "sessions")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert said.startswith("Progress of Chloé — 3 sessions, from 1 November 2026")
    by_name = {row[0]: row for row in dimensions}
    assert list(by_name) == ["Overall", "Pacing", "Interruptions", "Empathy", "Avoided phrases"]
    assert by_name["Empathy"][1:] == ["▄▆▃", "40 → 30", "46.7", "3 of 3"]
    assert by_name["Pacing"][1:] == ["–", "–", "–", "0 of 3"]
    assert session_headings[-1] == "Objectives met"
    assert [(row[0], row[-1]) for row in sessions] == [
        ("2026-11-01", "1/3"),
        ("2026-11-02", "2/3"),
        ("2026-11-03", "1/2"),
    ]
    assert sessions[2][1] == "A fee [billing]"  # a bracket is text, not markup
    assert [row[0] for row in scenarios] == ["A fee [billing]", "Une option facturée sans accord"]
    assert scenarios[1][1:] == ["65.0", "2"]


async def test_the_screen_speaks_french(chloe, app_factory):
    chloe.remember("agent", "Chloé")
    app = app_factory(chloe, locale="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        said = str(screen.query_one("#progress-heading", Static).render())
        dimensions = {row[0]: row for row in _rows(screen, "dimensions")}
        headings = _headings(screen, "sessions")
    assert said.startswith("Progrès de Chloé — 3 séances, du 1er novembre 2026")
    assert dimensions["Empathie"][3:] == ["46,7", "3 sur 3"]
    assert headings[-1] == "Objectifs atteints"


async def test_without_a_name_home_asks_for_one(chloe, app_factory):
    app = app_factory(chloe)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.screen.query_one("#scenarios").focus()  # off the empty name field
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.focused is app.screen.query_one("#agent", Input)
        messages = [n.message for n in app._notifications]
    assert any("Type your name first: your progress is found by it." in m for m in messages)


async def test_m_typed_in_the_name_is_a_letter(store, app_factory):
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Mam")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.agent_name == "Mam"


async def test_a_name_with_no_scored_session_says_so(chloe, app_factory):
    chloe.remember("agent", "Alex")
    app = app_factory(chloe)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        said = str(screen.query_one("#progress-heading", Static).render())
        shown = [t.display for t in screen.query(DataTable)]
    assert said.startswith("No scored session of Alex yet")
    assert shown == [False, False, False]
