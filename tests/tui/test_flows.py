"""Every flow of the terminal UI, driven with Textual's Pilot."""

import re

from textual.widgets import DataTable, Input, Select, Switch

from scoring.findings import DIMENSIONS
from simulator.analytics.team import TeamFilters, select_sessions, team_figures
from simulator.reports.team_document import render_team
from simulator.tui.practice import PracticeScreen
from simulator.tui.review import ReviewScreen
from simulator.tui.scorecard import ScorecardScreen
from tests.tui.conftest import LIBRARY

SIZE = (130, 40)


async def _start_typed(pilot, app, scenario_id="fr-facture-contestee"):
    await pilot.click("#agent")
    await pilot.press(*"Alex")
    table = app.screen.query_one("#scenarios", DataTable)
    table.move_cursor(row=table.get_row_index(scenario_id))
    table.focus()
    await pilot.press("enter")
    await pilot.pause()


async def test_typed_session_from_start_to_scorecard(store, app_factory):
    from simulator.authoring.settings import Settings
    from simulator.authoring.workspace import Workspace

    scenario = next(s for s in LIBRARY if s.id == "fr-facture-contestee")
    good = scenario.model_answer()
    app = app_factory(store, workspace=Workspace(Settings(seed=good.seed)))
    async with app.run_test(size=SIZE) as pilot:
        await _start_typed(pilot, app)
        assert isinstance(app.screen, PracticeScreen)
        opening = app.screen.conversation.transcript.turns[0].segments[0].text
        assert opening in app.screen.query_one("#conversation").text
        for reply in good.replies:
            app.screen.query_one("#reply", Input).value = reply.strip()
            await pilot.press("enter")
            await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen) and app.screen.ended  # how it ended
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
        session = store.get(store.history()[0].id)
        assert session.agent == "Alex" and session.outcome == "resolved"
        findings = app.screen.query_one("#findings", DataTable)
        assert findings.row_count == len(session.scorecard.findings)
    # the agent's name is remembered for next time
    assert store.preference("agent") == "Alex"


async def test_the_mood_meter_moves_with_the_customer(store, app_factory):
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        await _start_typed(pilot, app)
        before = app.screen.query_one("#mood").mood
        await pilot.press(*"Je sais pas.")
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.screen.query_one("#mood").mood < before


async def test_ending_early_keeps_the_completed_turns(store, app_factory):
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        await _start_typed(pilot, app)
        await pilot.press(*"Bonjour Monsieur.")
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press("ctrl+e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
    session = store.get(store.history()[0].id)
    assert session.outcome == "stopped" and session.status == "scored"
    assert [t.speaker for t in session.transcript.turns][:2] == ["customer", "agent"]


async def test_ctrl_c_quits_and_keeps_every_turn(store, app_factory):
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        await _start_typed(pilot, app)
        await pilot.press(*"Je comprends votre agacement.")
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press("ctrl+c")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code in (0, None)
    session = store.get(store.history()[0].id)
    assert session.transcript.turns[1].text == "Je comprends votre agacement."
    assert session.status == "scored"


async def test_filters_narrow_the_library(store, app_factory):
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one("#scenarios", DataTable)
        everything = table.row_count
        app.screen.query_one("#f-locale", Select).value = "en"
        await pilot.pause()
        assert 0 < table.row_count < everything
        app.screen.query_one("#f-persona", Select).value = "active_hater"
        await pilot.pause()
        shown = [table.get_row_at(i)[1:3] for i in range(table.row_count)]
        assert shown and all(row == ["en", "Active hater"] for row in shown)


async def test_starting_without_a_name_asks_for_it(store, app_factory):
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#scenarios").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, PracticeScreen)
        assert app.focused is app.screen.query_one("#agent", Input)


async def test_voice_without_devices_falls_back_to_typing(store, app_factory):
    from simulator.errors import Phrase, SimulatorError

    def no_devices(conversation):
        raise SimulatorError("error.no_audio_device", why=Phrase("error.why.no_microphone"))

    app = app_factory(store, rig_factory=no_devices)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.screen.query_one("#voice", Switch).value = True
        await _start_typed(pilot, app)
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.rig is None
        assert not app.screen.query_one("#reply", Input).disabled


async def test_review_table_filters_sorts_and_opens_a_scorecard(team_store, app_factory):
    app = app_factory(team_store)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#scenarios").focus()  # off the empty name field
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count == 6
        await pilot.press("slash")
        await pilot.press(*"sam")
        await pilot.pause()
        assert table.row_count == 2
        assert {table.get_row_at(i)[0] for i in range(table.row_count)} == {"Sam"}
        app.screen.query_one("#filter", Input).value = ""
        await pilot.pause()
        app.screen.sort_column, app.screen.sort_reverse = "overall", False
        app.screen.fill_sessions()
        overall = [table.get_row_at(i)[3] for i in range(table.row_count)]
        assert overall == sorted(overall)
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)


def _one_more_each(store) -> None:
    """A third session for every agent of the seeded team: a copy of their second."""
    for agent in ("alex", "sam", "jo"):
        again = store.get(f"{agent}-1").model_copy(deep=True)
        again.update(id=f"{agent}-2", started_at=f"2026-11-1{len(agent)}T09:00:00+00:00")
        store.put(again)


async def _trends(app, pilot) -> dict[str, str]:
    app.screen.query_one("#scenarios").focus()  # off the empty name field
    await pilot.press("r")
    await pilot.pause()
    trends = [str(block.render()) for block in app.screen.query(".agent-trend")]
    assert all(len(block.splitlines()) == 6 for block in trends)  # outcomes, 4 dimensions
    return {block.split(" — ")[0]: block for block in trends}


async def test_review_names_who_needs_coaching_and_the_phrases(team_store, app_factory):
    app = app_factory(team_store)
    async with app.run_test(size=SIZE) as pilot:
        by_agent = await _trends(app, pilot)
        phrases = app.screen.query_one("#phrases", DataTable)
        top = phrases.get_row_at(0)
        assert top[1] == "avoided.je-ne-sais-pas" and "Sam" in top[3] and "Jo" in top[3]
    # Two sessions each: too few to say what to coach.
    assert all(
        "Needs coaching on: too few sessions" in b.splitlines()[0] for b in by_agent.values()
    )
    _one_more_each(team_store)
    app = app_factory(team_store)
    async with app.run_test(size=SIZE) as pilot:
        heads = {name: block.splitlines()[0] for name, block in (await _trends(app, pilot)).items()}
    # Three sessions each: the dimension each falls furthest behind the team on, as the
    # team report names it; "–" for whoever is at or above the team everywhere.
    figures = team_figures(select_sessions(team_store.history(), TeamFilters()))
    named = {"empathy": "Empathy", "avoided_phrases": "Avoided phrases", None: "–"}
    for agent in figures.agents:
        assert heads[agent.name].endswith(f"Needs coaching on: {named[agent.weakest]}")
    assert any(a.weakest for a in figures.agents)
    assert heads["Sam"].startswith("Sam — 3 sessions")


async def test_the_phrase_table_counts_what_the_team_report_counts(team_store, app_factory):
    """The review screen reads the index, the report whole records: the same phrases,
    counts, people and wording come out."""
    again = team_store.get("jo-1").model_copy(deep=True)
    again.update(id="jo-2", started_at="2026-11-07T09:00:00+00:00")
    said = next(f for f in again.scorecard.findings if f.rule == "avoided.je-ne-sais-pas")
    said.quote = "JE  sais PAS"  # another spelling of the same words
    team_store.put(again)
    sessions = select_sessions(team_store.history(), TeamFilters())
    report = render_team(team_figures(team_store.details(sessions)), TeamFilters(), "en", "md")
    section = report.split("## Avoided phrases used most")[1].split("\n## ")[0]
    in_report = {
        match["rule"]: (match["quote"], int(match["count"]), match["who"])
        for match in re.finditer(
            r"^\| “(?P<quote>[^”]*)”.*\((?P<rule>[^)]+)\) \| (?P<count>\d+) \| (?P<who>[^|]*) \|",
            section,
            re.M,
        )
    }
    app = app_factory(team_store)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#scenarios").focus()  # off the empty name field
        await pilot.press("r")
        await pilot.pause()
        phrases = app.screen.query_one("#phrases", DataTable)
        rows = [phrases.get_row_at(i) for i in range(phrases.row_count)]
    on_screen = {
        rule: (re.search(r"“(.*)”", phrase)[1], count, who) for phrase, rule, count, who in rows
    }
    assert on_screen["avoided.je-ne-sais-pas"] == ("Je sais pas", 4, "Jo (2), Sam (2)")
    assert on_screen == in_report


async def test_a_reviewer_comments_on_a_turn_and_overrides_a_score(team_store, app_factory):
    team_store.remember("reviewer", "Dana")
    app = app_factory(team_store)
    async with app.run_test(size=SIZE) as pilot:
        app.open_scorecard("sam-1")
        await pilot.pause()
        await pilot.press("c")
        await pilot.press(*"Reformulez avant de répondre.")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("o")
        await pilot.press(*"60")
        await pilot.press("tab")
        await pilot.press(*"Bon ton malgré tout")
        await pilot.press("enter")
        await pilot.pause()
        scores = str(app.screen.query_one("#scores").render())
    session = team_store.get("sam-1")
    assert session.comments[0].text == "Reformulez avant de répondre."
    override = next(iter(session.overrides.values()))
    assert override.score == 60 and override.reason == "Bon ton malgré tout"
    assert override.original is not None
    assert "60" in scores and "was" in scores
    # the overall the override leaves is the one history and the exports show
    (summary,) = [s for s in team_store.history() if s.id == "sam-1"]
    assert summary.effective_overall != summary.overall
    assert f": {summary.effective_overall}/100" in scores


async def test_help_lists_the_keys_of_the_screen(store, app_factory):
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#scenarios").focus()  # off the empty name field
        await pilot.press("question_mark")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        keys = [table.get_row_at(i) for i in range(table.row_count)]
        assert ["r", "Team review"] in keys and ["?", "Help"] in keys
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query("#scenarios")


async def test_the_interface_speaks_french(store, app_factory):
    app = app_factory(store, locale="fr")
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#scenarios").focus()  # off the empty name field
        await pilot.press("question_mark")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        keys = [table.get_row_at(i) for i in range(table.row_count)]
        assert ["r", "Revue d'équipe"] in keys


async def test_playing_a_turn_without_a_recording_says_so(team_store, app_factory):
    app = app_factory(team_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.open_scorecard("alex-1")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("No recording" in m for m in messages)


async def test_years_of_sessions_show_the_first_rows_and_say_so(team_store, app_factory):
    from simulator.tui.review import MAX_ROWS

    template = team_store.get("sam-1")
    team_store.put_many(
        [
            template.model_copy(
                update={"id": f"old-{n:04d}", "started_at": f"2024-01-01T09:{n % 60:02d}:00"}
            )
            for n in range(MAX_ROWS + 20)
        ]
    )
    app = app_factory(team_store)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#scenarios").focus()  # off the empty name field
        await pilot.press("r")
        await pilot.pause()
        table = app.screen.query_one("#sessions", DataTable)
        shown = app.screen.query_one("#shown")
        assert table.row_count == MAX_ROWS and shown.display
        assert f"Showing {MAX_ROWS} of {MAX_ROWS + 26} sessions" in str(shown.render())
        assert table.get_row_at(0)[2].startswith("2026-11")  # newest first, as sorted
        await pilot.press("slash")
        await pilot.press(*"alex")
        await pilot.pause()
        assert table.row_count == 2 and not shown.display
        # the trends still count every session, not only the rows shown
        assert app.screen.sessions and len(app.screen.sessions) == MAX_ROWS + 26


async def test_a_call_scored_zero_shows_zero_not_a_dash(store, app_factory):
    dimensions = {d: {"score": 0, "skipped": None} for d in DIMENSIONS}
    card = {"overall": 0, "locale": "en", "weights": {}, "dimensions": dimensions, "findings": []}
    transcript = {"locale": "en", "turns": [{"speaker": "agent", "text": "Whatever."}]}
    session_id = store.add_scored("Sam", "en-disputed-charge", "en", transcript, "hung_up", card)
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        app.open_scorecard(session_id)
        await pilot.pause()
        scores = str(app.screen.query_one("#scores").render())
    assert ": 0/100" in scores and "–/100" not in scores
