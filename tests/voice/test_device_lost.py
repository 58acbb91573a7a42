"""A sound device lost mid-call in the terminal UI, without a sound card: a stand-in
microphone fails as the real one does. The trainee is back home with one plain notice,
and what was said is kept as a stopped session (the live tests do the same with a sound
server killed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np

from simulator.authoring.library import load_all
from simulator.errors import SimulatorError
from simulator.tui.app import make_app
from simulator.voice.clock import Clock
from simulator.voice.recorded import FileReplies, ReplyFile
from tests.settle import until
from tests.voice.conftest import espeak
from tests.voice.timeline_rig import start_spoken_call, timeline_rig

LOST = "the microphone or the speakers stopped working during the call"


class LostAfterFirstReply:
    """Hears the agent's first reply from a file, then the device is gone."""

    def __init__(self, reply: Path) -> None:
        self.replies = FileReplies([ReplyFile(reply, 0.5)])

    def frames(
        self, turn: int, customer_end: float, clock: Clock
    ) -> Iterator[tuple[float, np.ndarray]] | None:
        if turn == 0:
            return self.replies.frames(turn, customer_end, clock)
        raise SimulatorError("error.audio_device_lost")

    def close(self) -> None:
        return None


async def test_the_ui_goes_home_with_a_notice_and_keeps_the_call(store, tmp_path):
    reply = espeak("I'm sorry Mr Okafor, I understand.", tmp_path / "01.wav", "en", 160)

    def rig(conversation):  # type: ignore[no-untyped-def]
        return timeline_rig(conversation, tmp_path / "cache", LostAfterFirstReply(reply))

    app = make_app(
        store, load_all().scenarios, audio_root=tmp_path / "audio", locale="en", rig_factory=rig
    )
    async with app.run_test(size=(130, 40), notifications=True) as pilot:

        def notices() -> list[str]:
            return [n.message for n in app._notifications]

        start_spoken_call(app)
        # the call starts from the home screen: the notice first, then home again
        await until(pilot, lambda: any(LOST in m for m in notices()), "the notice")
        await until(pilot, lambda: type(app.screen).__name__ == "HomeScreen", "the home screen")
        assert len(notices()) == 1, notices()
        await app.workers.wait_for_complete()  # the call's worker, started by now
    (summary,) = store.history()
    session = store.get(summary.id)
    assert session is not None and (session.status, session.outcome) == ("scored", "stopped")
