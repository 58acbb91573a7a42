"""What a team lead does in the terminal UI: find an agent however the name was typed,
sign and check score changes, clear out empty or unwanted sessions, read how calls
ended and how many sessions each figure rests on, play a recording."""

from __future__ import annotations

import numpy as np
from textual.widgets import Button, DataTable, Input, Label

from simulator.errors import Phrase, SimulatorError
from simulator.tui.confirm_dialog import ConfirmDialog
from simulator.tui.home import HomeScreen
from simulator.tui.override_dialog import OverrideDialog
from simulator.tui.practice import PracticeScreen
from simulator.tui.review import ReviewScreen
from simulator.tui.reviewer_dialog import ReviewerDialog
from simulator.tui.scorecard import ScorecardScreen
from tests.made_sessions import made_session

SIZE = (130, 40)


def _messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]


async def _review(app, pilot) -> None:  # type: ignore[no-untyped-def]
    app.screen.query_one("#scenarios").focus()  # off the empty name field
    await pilot.press("r")
    await pilot.pause()
    assert isinstance(app.screen, ReviewScreen)


async def test_the_filter_finds_a_name_whatever_its_case_and_accents(store, app_factory):
    store.put_many(
        [
            made_session("a1", "Chloé", 1),
            made_session("a2", "chloe", 2),
            made_session("a3", "Priya Shah", 3),
            made_session("a4", "Chloé ", 4),
        ]
    )
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        await _review(app, pilot)
        table = app.screen.query_one("#sessions", DataTable)
        await pilot.press("slash", *"CHLOE")
        await pilot.pause()
        assert {str(table.get_row_at(i)[0]) for i in range(table.row_count)} == {
            "Chloé",
            "Chloé ",
            "chloe",
        }
        trends = [str(b.render()) for b in app.screen.query(".agent-trend")]
    # one agent, however the name was typed: the spelling most sessions carry
    assert [b.split(" — ")[0] for b in trends] == ["Chloé", "Priya Shah"]
    assert trends[0].split(" — ")[1].startswith("3 sessions")


async def test_counts_take_the_singular_in_both_languages(store, app_factory):
    store.put(made_session("a1", "Sam", 1))
    for locale, said in (("en", "Sam — 1 session ·"), ("fr", "Sam — 1 séance ·")):
        app = app_factory(store, locale=locale)
        async with app.run_test(size=SIZE) as pilot:
            await _review(app, pilot)
            (block,) = [str(b.render()) for b in app.screen.query(".agent-trend")]
        assert block.startswith(said)


async def test_sessions_show_how_each_call_ended_and_the_team_its_rates(store, app_factory):
    store.put_many(
        [
            made_session("a1", "Sam", 1, outcome="resolved"),
            made_session("a2", "Sam", 2, outcome="hung_up"),
            made_session("a3", "Jo", 3, outcome="hung_up"),
            made_session("a4", "Jo", 4, outcome="escalated"),
        ]
    )
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        await _review(app, pilot)
        table = app.screen.query_one("#sessions", DataTable)
        headings = [str(c.label) for c in table.columns.values()]
        rows = {table.get_row_at(i)[2][:10]: table.get_row_at(i) for i in range(table.row_count)}
        team = str(app.screen.query_one(".team-trend").render())
    assert headings[-1] == "Outcome"
    assert rows["2026-11-02"][-1] == "the customer hung up"
    assert rows["2026-11-04"][-1] == "escalated"
    assert "Resolved 25%" in team and "The customer hung up 50%" in team
    assert "Escalated 25%" in team and "Stopped before the end 0%" in team
    # the sample each average rests on: these typed calls score no pacing
    assert "Pacing – (0 of 4)" in team and "Empathy 50 (4 of 4)" in team


async def test_the_phrase_tab_lists_what_the_report_lists_and_says_how_many_more(
    store, app_factory
):
    from simulator.analytics.phrases import TOP_PHRASES

    said = [(f"avoided.rule-{n:02d}", f"phrase {n}") for n in range(TOP_PHRASES + 2)]
    store.put_many([made_session(f"s{n}", "Sam", 1 + n, phrases=said[: n + 1]) for n in range(12)])
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        await _review(app, pilot)
        table = app.screen.query_one("#phrases", DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
    assert len(rows) == TOP_PHRASES + 1
    assert [r[1] for r in rows[:3]] == ["avoided.rule-00", "avoided.rule-01", "avoided.rule-02"]
    assert str(rows[-1][0]) == "… and 2 more phrases to avoid"


async def test_a_reviewer_is_asked_their_name_once(team_store, app_factory):
    app = app_factory(team_store)
    app.agent_name = "Alex"  # the trainee's name on the home screen does not sign reviews
    async with app.run_test(size=SIZE) as pilot:
        app.open_scorecard("sam-1")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ReviewerDialog)
        await pilot.press("enter")  # no name: asked again, in the dialog
        await pilot.pause()
        assert isinstance(app.screen, ReviewerDialog)
        assert "Type your name" in str(app.screen.query_one("#problem", Label).render())
        await pilot.press(*"Dana", "enter")
        await pilot.pause()
        await pilot.press(*"Reformulez d'abord.", "enter")
        await pilot.pause()
        await pilot.press("c")  # the second time, straight to the comment
        await pilot.pause()
        assert not isinstance(app.screen, ReviewerDialog)
        await pilot.press(*"Et saluez le client.", "enter")
        await pilot.pause()
    assert [(c.author, c.text) for c in team_store.get("sam-1").comments] == [
        ("Dana", "Reformulez d'abord."),
        ("Dana", "Et saluez le client."),
    ]
    assert team_store.preference("reviewer") == "Dana"


async def test_the_override_dialog_says_what_is_wrong_and_keeps_what_was_typed(
    team_store, app_factory
):
    team_store.remember("reviewer", "Dana")
    app = app_factory(team_store)
    async with app.run_test(size=SIZE) as pilot:
        app.open_scorecard("sam-1")
        await pilot.pause()
        await pilot.press("o", *"150", "tab", *"Trop sévère", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, OverrideDialog)
        problem = dialog.query_one("#problem", Label)
        assert "between 0 and 100" in str(problem.render())
        assert dialog.query_one("#score", Input).value == "150"
        assert dialog.query_one("#reason", Input).value == "Trop sévère"
        assert app.focused is dialog.query_one("#score", Input)

        dialog.query_one("#score", Input).value = "60"
        dialog.query_one("#reason", Input).value = "   "
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        assert app.screen is dialog and "say why" in str(problem.render())
        assert app.focused is dialog.query_one("#reason", Input)
        assert team_store.get("sam-1").overrides == {}

        dialog.query_one("#reason", Input).value = "Ton calme"
        # A button ignores a second click while it still shows the first press (0.2 s).
        save = dialog.query_one("#save", Button)
        while save.has_class("-active"):
            await pilot.pause(0.05)
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen), str(problem.render())
    assert next(iter(team_store.get("sam-1").overrides.values())).score == 60


async def test_overriding_an_unscored_dimension_says_it_was_not_scored(team_store, app_factory):
    team_store.remember("reviewer", "Dana")
    app = app_factory(team_store)
    async with app.run_test(size=SIZE) as pilot:
        app.open_scorecard("sam-1")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#dimension").value = "pacing"  # typed calls score no pacing
        await pilot.pause()
        assert str(dialog.query_one("#current", Label).render()) == "Score now: not scored"
        await pilot.press(*"70", "tab", *"Rythme posé à l'écoute", "enter")
        await pilot.pause()
        scores = str(app.screen.query_one("#scores").render())
    assert "was not scored — Rythme posé à l'écoute" in scores and "None" not in scores


async def test_an_empty_session_is_not_kept(store, app_factory):
    app = app_factory(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.agent_name = "Alex"
        table = app.screen.query_one("#scenarios", DataTable)
        table.move_cursor(row=table.get_row_index("fr-facture-contestee"))
        app.screen.action_start()
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        await pilot.press("enter")  # an empty reply is ignored
        await pilot.press("ctrl+e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("the session was not saved" in m for m in _messages(app))
    assert store.history() == []
    assert not list(store.database.sessions_dir.glob("*.json"))


async def test_a_lead_deletes_a_session_after_saying_yes(team_store, app_factory):
    audio = team_store.audio_root / "jo-1"
    audio.mkdir(parents=True)
    (audio / "turn-01-agent.ogg").write_bytes(b"OggS")
    app = app_factory(team_store)
    async with app.run_test(size=SIZE) as pilot:
        await _review(app, pilot)
        table = app.screen.query_one("#sessions", DataTable)
        table.focus()
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == "jo-1"
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Jo" in str(app.screen.query_one("#question", Label).render())
        await pilot.press("enter")  # the focus is on Cancel: Enter alone deletes nothing
        await pilot.pause()
        assert team_store.get("jo-1") is not None and table.row_count == 6
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert table.row_count == 5
    assert team_store.get("jo-1") is None
    assert not team_store.database.session_file("jo-1").exists() and not audio.exists()


async def test_a_recording_that_cannot_play_says_so_and_why(team_store, app_factory, monkeypatch):
    import simulator.voice.rig
    from simulator.voice.audio_files import write_audio
    from simulator.voice.rig import play_recording

    session = team_store.get("alex-1")
    session.transcript.turns[1].audio = "turn-01-agent.wav"
    team_store.replace(session)
    app = app_factory(team_store, player=play_recording)
    write_audio(app.audio_root / "alex-1" / "turn-01-agent.wav", np.zeros(1600), 16000)
    # a machine with no sound card at all
    monkeypatch.setattr(
        simulator.voice.rig,
        "audio_devices",
        lambda: (False, False, Phrase("error.why.no_sound_device")),
    )
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.open_scorecard("alex-1")
        await pilot.pause()
        table = app.screen.query_one("#findings", DataTable)
        row = next(i for i, f in enumerate(app.screen.rows) if f.turn == 1)
        table.move_cursor(row=row)
        await pilot.press("p")
        await pilot.pause()

        def broken(path):  # type: ignore[no-untyped-def]
            raise SimulatorError("error.unreadable_audio", path=path, why="not audio")

        app.player = broken
        await pilot.press("p")
        await pilot.pause()
    first, second = _messages(app)[-2:]
    assert first == "Your recording of reply 1 cannot be played: no speakers found."
    assert "microphone" not in first
    assert second.startswith("Your recording of reply 1 cannot be played: ")
    assert "not audio" in second
