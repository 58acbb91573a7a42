"""The terminal UI tells a person's mistakes in its own language, not the call's."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Switch

from simulator.errors import Phrase, SimulatorError
from simulator.tui.practice import PracticeScreen

SIZE = (130, 40)
SAID = {
    "fr": "l'entraînement à voix haute demande un micro et des haut-parleurs : aucun micro trouvé",
    "en": "spoken practice needs a microphone and speakers: no microphone found",
}


@pytest.mark.parametrize("locale", ["fr", "en"])
async def test_voice_that_cannot_start_is_told_in_the_interface_language(
    store, app_factory, locale
):
    def no_devices(conversation):
        raise SimulatorError("error.no_audio_device", why=Phrase("error.why.no_microphone"))

    app = app_factory(store, locale=locale, rig_factory=no_devices)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.agent_name = "Alex"
        app.screen.query_one("#voice", Switch).value = True
        table = app.screen.query_one("#scenarios", DataTable)
        # An English call: the warning still follows the interface, not the scenario.
        table.move_cursor(row=table.get_row_index("en-disputed-charge"))
        app.screen.action_start()
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        messages = [n.message for n in app._notifications]
        assert SAID[locale] in messages, messages


async def test_a_failed_score_override_is_told_in_french(team_store, app_factory):
    team_store.remember("reviewer", "Dana")
    app = app_factory(team_store, locale="fr")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.open_scorecard("sam-1")
        await pilot.pause()
        screen = app.screen
        # What the dialog would hand back with an empty reason.
        screen.action_override()
        await pilot.pause()
        app.screen.dismiss(("empathy", 50, ""))
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "dites pourquoi la note est corrigée" in messages, messages
