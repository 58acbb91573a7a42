"""The terminal UI's spoken call when the sound check hears the speakers in the
microphone: the trainee is told to use headphones, in the interface's language, and the
session keeps what the check found. Without a sound card: a rig whose check is given."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.authoring.library import load_all
from simulator.i18n.catalogue import text
from simulator.tui.app import make_app
from simulator.voice.echo import EchoPath
from simulator.voice.recorded import FileReplies, ReplyFile
from simulator.voice.rig import VoiceRig
from tests.settle import until
from tests.voice.conftest import espeak
from tests.voice.timeline_rig import start_spoken_call, timeline_rig


class CheckedRig(VoiceRig):
    """A rig on a timeline whose sound check finds ``path``."""

    path: EchoPath | None = None

    def sound_check(self) -> EchoPath | None:
        return self.path


def rig_factory(tmp_path: Path, path: EchoPath | None, reply: Path):  # type: ignore[no-untyped-def]
    def rig(conversation):  # type: ignore[no-untyped-def]
        source = FileReplies([ReplyFile(reply, 0.5)])
        built = timeline_rig(conversation, tmp_path / "cache", source, rig=CheckedRig)
        built.path = path
        return built

    return rig


async def spoken_call(store, tmp_path: Path, path: EchoPath | None, locale: str) -> list[str]:
    """One spoken call in the UI (one reply, then the call ends by itself); the notices."""
    reply = espeak("I'm sorry, I understand.", tmp_path / "01.wav", "en", 160)
    app = make_app(
        store,
        load_all().scenarios,
        audio_root=tmp_path / "audio",
        locale=locale,
        rig_factory=rig_factory(tmp_path, path, reply),
    )
    async with app.run_test(size=(130, 40), notifications=True) as pilot:
        start_spoken_call(app)
        # the call runs on a worker the practice screen starts once mounted: wait for
        # its end (the ending shown), not for the workers running when it was asked for
        await until(pilot, lambda: bool(app.screen.query("#ending")), "the call's ending")
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
