"""A thinking pause on live sound devices (tests/voice/live.py): the agent says "I will
check your account and," then thinks for 1.5 s before "send you the refund today." The
smart end of turn hears one turn and the customer waits; the fixed 0.8 s silence ends
the turn at the pause, and the customer answers into it."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.voice.test_live_cli import MINIMAL, stored_session
from tests.voice.turn_taking import Call, practise, reply_file


@pytest.mark.parametrize("turn_end", ["smart", "silence"])
def test_a_thinking_pause_after_and(sound_server, tmp_path: Path, whisper_model, turn_end):
    reply = reply_file(
        tmp_path,
        "thinking",
        "en",
        "I will check your account and,",
        1.5,
        "send you the refund today.",
    )
    settings = f"asr_model: {whisper_model}\nseed: 1\nturn_end: {turn_end}\nend_of_turn: 0.8\n"
    run = practise(sound_server, tmp_path, MINIMAL, settings)
    call = Call(sound_server, run, "en")
    try:
        call.first_line()
        said = call.answer(reply, wait=8.0)
        run.process.send_signal(signal.SIGINT)
        run.wait(timeout=20)
    finally:
        run.kill()
        call.stop()
        print(run.stdout, run.stderr, sep="\n")  # shown when the test fails
    print(f"{turn_end}: {said}")

    turns = stored_session(tmp_path)["transcript"]["turns"]
    agent = [t["text"].lower() for t in turns if t["speaker"] == "agent" and t["text"]]
    print(agent)
    assert said.answered is not None, "the customer never answered the reply"
    # tiny.en hears the second half's "refund" variously, its "today" always
    if turn_end == "smart":
        assert said.cut_in is None, "the customer cut into the thinking pause"
        assert "account" in agent[0] and "today" in agent[0]  # one turn
    else:
        # the turn ended at the pause: the customer answered into it (or, recognition
        # being slow on a busy machine, as the agent went on: a barge-in, a second turn)
        assert "account" in agent[0] and "today" not in agent[0]
