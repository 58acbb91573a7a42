"""The terminal UI's spoken call when the sound check hears the speakers in the
microphone: the trainee is told to use headphones, in the interface's language, and the
session keeps what the check found. Without a sound card: a rig whose check is given."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from simulator.authoring.library import load_all
from simulator.authoring.voices import load_voice
from simulator.i18n.catalogue import text
from simulator.tui.app import make_app
from simulator.voice.clock import VirtualClock
from simulator.voice.devices import TimelineSpeaker
from simulator.voice.echo import EchoPath
from simulator.voice.recorded import FileReplies, ReplyFile
from simulator.voice.rig import VoiceRig
from simulator.voice.spoken import VoiceAgent, VoiceCustomer
from simulator.voice.tts import RenderCache
from tests.voice.conftest import espeak


class CheckedRig(VoiceRig):
    """A rig on a timeline whose sound check finds ``path``."""

    path: EchoPath | None = None

    def sound_check(self) -> EchoPath | None:
        return self.path


def rig_factory(tmp_path: Path, path: EchoPath | None, reply: Path):  # type: ignore[no-untyped-def]
    def rig(conversation):  # type: ignore[no-untyped-def]
        clock = VirtualClock()
        customer = VoiceCustomer(
            conversation,
            load_voice(conversation.scenario.persona),
            RenderCache(tmp_path / "cache"),
            TimelineSpeaker(),
            clock,
        )
        source = FileReplies([ReplyFile(reply, 0.5)])
        built = CheckedRig(customer, VoiceAgent(conversation, customer, source, None, clock))
        built.path = path
        return built

    return rig


async def spoken_call(store, tmp_path: Path, path: EchoPath | None, locale: str) -> list[str]:
    """One spoken call in the UI (one reply, then the call is ended); the notices."""
    reply = espeak("I'm sorry, I understand.", tmp_path / "01.wav", "en", 160)
    app = make_app(
        store,
        load_all().scenarios,
        audio_root=tmp_path / "audio",
        locale=locale,
        rig_factory=rig_factory(tmp_path, path, reply),
    )
    async with app.run_test(size=(130, 40), notifications=True) as pilot:
        app.agent_name = "Sam"
        app.screen.query_one("#voice").value = True
        table = app.screen.query_one("#scenarios", DataTable)
        table.move_cursor(row=table.get_row_index("en-disputed-charge"))
        app.screen.action_start()
        await app.workers.wait_for_complete()
        await pilot.pause()
        return [n.message for n in app._notifications]


@pytest.mark.parametrize("locale", ["en", "fr"])
async def test_speakers_heard_by_the_microphone_bring_the_headphones_notice(
    store, tmp_path, locale
):
    notices = await spoken_call(store, tmp_path, EchoPath(True, 0.06, 0.9), locale)
    assert text("call.use_headphones", locale) in notices
    (summary,) = store.history()
    session = store.get(summary.id)
    assert session is not None
    assert session.model_extra["sound_check"] == {"echo": True, "delay": 0.06, "level_db": -0.9}


@pytest.mark.parametrize("path", [EchoPath(False), EchoPath(None), None])
async def test_no_notice_when_the_speakers_are_not_heard(store, tmp_path, path):
    notices = await spoken_call(store, tmp_path, path, "en")
    assert text("call.use_headphones", "en") not in notices
