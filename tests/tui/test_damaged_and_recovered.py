"""The terminal UI with damaged or interrupted data: it opens, says what happened, and
offers to finish what a crash stopped."""

from __future__ import annotations

import json

from textual.widgets import DataTable, Static

from simulator.store.recovery import interrupted
from simulator.tui.recover_dialog import RecoverDialog
from simulator.tui.scorecard import ScorecardScreen

SIZE = (120, 40)


def _give_turn_a_recording(store, session_id: str, name: str) -> int:
    """Point an agent turn at a recording that is not there (deleted, disk fault…)."""
    path = store.database.session_file(session_id)
    record = json.loads(path.read_text())
    turn = next(i for i, t in enumerate(record["transcript"]["turns"]) if t["speaker"] == "agent")
    record["transcript"]["turns"][turn]["audio"] = name
    path.write_text(json.dumps(record))
    return turn


async def test_a_missing_recording_does_not_stop_the_scorecard(team_store, app_factory):
    _give_turn_a_recording(team_store, "sam-1", "turn-01-agent.ogg")
    app = app_factory(team_store, player=lambda path: None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.open_scorecard("sam-1")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
        assert app.screen.query_one("#findings", DataTable).row_count > 0
        await pilot.press("p")
        await pilot.pause()
        assert any("No recording" in n.message for n in app._notifications)
        assert isinstance(app.screen, ScorecardScreen)


async def test_an_unreadable_session_file_still_opens_its_scores(team_store, app_factory):
    team_store.database.session_file("sam-1").write_text("{ not json")
    app = app_factory(team_store)
    async with app.run_test(size=SIZE) as pilot:
        app.open_scorecard("sam-1")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
        assert app.screen.query_one("#findings", DataTable).row_count == 0


async def test_the_charts_show_what_there_is(team_store, app_factory):
    """A typed call: a mood curve, and a dash for the pace it does not have."""
    app = app_factory(team_store)
    async with app.run_test(size=SIZE) as pilot:
        app.open_scorecard("sam-1")
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#mood-curve").display
        assert not screen.query_one("#mood-curve-none", Static).display
        assert not screen.query_one("#pace-chart").display
        assert screen.query_one("#pace-chart-none", Static).display


def _interrupt(store) -> str:
    """A session whose process died after one completed turn."""
    session_id = store.start("Alex", "fr-facture-contestee", "fr")
    store.save_transcript(
        session_id,
        {
            "locale": "fr",
            "turns": [
                {"speaker": "customer", "text": "Je ne vais pas payer pour cela."},
                {"speaker": "agent", "text": "Je sais pas, c'est pas mon problème."},
            ],
        },
    )
    record = store.get(session_id)
    record.owner = {"pid": 2**22 + 12345, "host": record.owner.host, "since": 1}
    store.replace(record)
    return session_id


async def test_the_app_offers_to_score_an_interrupted_session(store, app_factory):
    session_id = _interrupt(store)
    app = app_factory(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, RecoverDialog)
        assert "1 practice session(s)" in str(app.screen.query_one("#offer").render())
        await pilot.press("enter")  # "Score them" has the focus
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("1 interrupted session(s) scored" in n.message for n in app._notifications)
    session = store.get(session_id)
    assert session.status == "scored" and session.outcome == "interrupted"
    assert any(f.rule == "avoided.je-ne-sais-pas" for f in session.scorecard.findings)
    assert not interrupted(store)


async def test_later_leaves_the_interrupted_session_for_next_time(store, app_factory):
    session_id = _interrupt(store)
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, RecoverDialog)
    assert [s.id for s in interrupted(store)] == [session_id]
