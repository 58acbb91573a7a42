"""What a trainee meets first: the name field, the title, help, and text that fits."""

import sys

import pytest
from textual.widgets import DataTable, Input, Switch

from simulator.tui.help import keys_of
from simulator.tui.home import HomeScreen
from simulator.tui.practice import PracticeScreen
from simulator.tui.recover_dialog import RecoverDialog
from simulator.tui.scorecard import ScorecardScreen

SIZE = (130, 40)


async def test_a_new_trainee_types_their_name_first(store, app_factory):
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Priya v")  # the r and the v are letters of a name here
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#agent", Input).value == "Priya v"
        assert app.screen.query_one("#voice", Switch).value is False
        assert app.agent_name == "Priya v"


async def test_a_known_trainee_starts_on_the_list(store, app_factory):
    store.remember("agent", "Priya")
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused is app.screen.query_one("#scenarios", DataTable)


async def test_home_shows_its_own_title_after_a_call(store, app_factory):
    store.remember("agent", "Alex")
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        await pilot.press(*"Bonjour.")
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press("ctrl+e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen) and app.sub_title
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert (app.title, app.sub_title) == (app.text("ui.app_title"), "")


@pytest.mark.parametrize(
    ("locale", "ctrl_c", "next_field"),
    [
        ("en", "End the call, save it and quit", "Next field"),
        ("fr", "Terminer l'appel, l'enregistrer et quitter", "Champ suivant"),
    ],
)
async def test_help_says_what_ctrl_c_does_while_practising(
    store, app_factory, locale, ctrl_c, next_field
):
    store.remember("agent", "Alex")
    app = app_factory(store, locale=locale)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        keys = dict(keys_of(app.screen))
        assert keys["ctrl+c"] == ctrl_c
        assert keys["tab"] == next_field
        if sys.platform != "darwin":
            assert not [k for k in keys if "super" in k]


async def test_the_recovery_offer_wraps_whole(store, app_factory):
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(RecoverDialog(3))
        await pilot.pause()
        offer = app.screen.query_one("#offer")
        box = offer.parent.content_region
        assert offer.size.height >= 2 and offer.region.right <= box.right


@pytest.mark.parametrize("locale", ["en", "fr"])
@pytest.mark.parametrize("width", [160, 130])
async def test_every_column_of_the_list_fits(store, app_factory, locale, width):
    app = app_factory(store, locale=locale)
    async with app.run_test(size=(width, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#scenarios", DataTable)
        columns = list(table.columns.values())
        used = sum(c.get_render_width(table) for c in columns)
        assert used <= table.scrollable_content_region.width
        difficulty = columns[-1]
        longest = max(len(app.text(f"difficulty.{d}")) for d in ("easy", "medium", "hard"))
        assert difficulty.get_render_width(table) - 2 >= longest


async def test_after_pause_and_replay_typing_goes_on_in_the_reply_box(store, app_factory):
    store.remember("agent", "Alex")
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, PracticeScreen)
        reply = app.screen.query_one("#reply", Input)
        for key in ("f2", "f2", "f3"):  # pause, resume, replay
            await pilot.press(key)
            await pilot.pause()
        await pilot.press(*"Hello")
        await pilot.pause()
        assert app.focused is reply and reply.value == "Hello"


async def test_a_typed_call_shows_no_voice_only_controls(store, app_factory):
    store.remember("agent", "Alex")
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, PracticeScreen) and screen.rig is None
        assert not screen.query_one("#level").display
        # a binding whose action is refused outright is neither shown nor run
        shown = {active.binding.action for active in screen.active_bindings.values()}
        assert "reply" in {w.id for w in screen.query("Input")} and "end" in shown
        assert not {"talk_mode", "talk"} & shown


async def test_the_pace_chart_shows_each_rate_and_its_band(store, app_factory):
    from tests.made_sessions import made_session

    record = made_session("pace-1", "Alex", 3)
    card = record.scorecard.model_dump()
    card["dimensions"]["pacing"] = {
        "score": 90,
        "band": [115, 185],
        "per_turn": [{"turn": 1, "wpm": 142.4}, {"turn": 3, "wpm": 196.0}],
    }
    record.apply_scorecard(card)
    turns = record.transcript.model_dump()["turns"]
    turns += [{"speaker": "customer", "text": "Et alors ?"}, {"speaker": "agent", "text": "Bien."}]
    record.transcript = record.transcript.model_validate({"locale": "fr", "turns": turns})
    store.put(record)
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_scorecard("pace-1")
        await pilot.pause()
        shown = str(app.screen.query_one("#pace-values").render())
        # each rate after the number of its reply (transcript turns 1 and 3: replies 1, 2)
        assert "1: 142 · 2: 196" in shown and "115–185" in shown
