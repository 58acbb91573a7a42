"""No headphones: the virtual speakers are looped into the virtual microphone
(tests/voice/live.py), so the microphone hears the customer as loud as the agent. The
sound check says so, and the customer's own voice is never taken for the agent's: no
barge-in, no words of theirs in the agent's turns. The agent talking over the customer
still barges in."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.voice.conftest import espeak
from tests.voice.live import Run, SoundServer, SpeakerRecording, sound_spans
from tests.voice.test_live_cli import MINIMAL, practise, stored_session

HEADPHONES = "The microphone hears the speakers: use headphones"
CUSTOMER_ONLY = {
    # words of the customer's lines (tests/data/scenarios/en-minimal.yml) that neither
    # the agent's replies nor their mishearings hold
    *["supposed", "monday", "thursday", "weather", "weather's", "awful", "stuck", "home"],
    *["waiting", "okay", "happens", "thanks", "manager"],
}


def first_line(run: Run, speakers: SpeakerRecording) -> float:
    """When the customer's first line started: the first sound after the sound check
    (whose tone reaches the speakers too)."""
    deadline = time.monotonic() + 60
    while not any(HEADPHONES in line for _, line in run.out):
        speakers._check_player()
        assert time.monotonic() < deadline, f"no sound check message:\n{run.stdout}"
        time.sleep(0.05)
    said = next(moment for moment, line in run.out if HEADPHONES in line)
    return speakers.wait_for_sound(after=speakers.at(said), timeout=20)


def call(server: SoundServer, tmp_path: Path, model: str, replies: list[Path], cut_in: bool):
    """A call on looped devices: the first reply either cuts into the customer's first
    line or waits for them to finish; every later reply waits."""
    # The customer's echo as loud as played, the worst case for taking it for the agent;
    # an agent talking over it speaks into the microphone, louder than the leak.
    server.loop_speakers_into_microphone(volume=70 if cut_in else 100)
    speakers = server.speakers()
    run = practise(server, tmp_path, MINIMAL, model)
    speakers.player = run
    spoke: list[float] = []
    try:
        line = first_line(run, speakers)
        for index, reply in enumerate(replies):
            if index == 0 and cut_in:  # into the complaint (3.3 s long)
                time.sleep(max(0.0, speakers.started + line + 1.2 - time.monotonic()))
            else:
                speakers.wait_for_quiet(after=line, timeout=20)
            spoke.append(speakers.at(server.speak(reply)))
            line = speakers.wait_for_sound(after=spoke[-1] + 1.5, timeout=20)
        status = run.wait(timeout=40)
    finally:
        run.kill()
        print(run.stdout, run.stderr, sep="\n")  # shown when the test fails
    recording = speakers.stop()
    if cut_in:
        cut = next(end for start, end in sound_spans(recording, gap=0.3) if start <= spoke[0] < end)
        print(f"the customer stopped {cut - spoke[0]:.2f} s after the agent started")
    return status, run


def agent_texts(session: dict) -> list[str]:
    return [t["text"].lower() for t in session["transcript"]["turns"] if t["speaker"] == "agent"]


def echoed(said: list[str]) -> set[str]:
    """The customer's words found in the agent's turns, and the first word of any turn
    that does not start as both replies do ("I'm sorry…", "I will…")."""
    words = [re.findall(r"[a-z']+", text) for text in said]
    first = {turn[0] for turn in words if turn and turn[0] not in ("i", "i'm")}
    return first | (CUSTOMER_ONLY & {word for turn in words for word in turn})


@pytest.fixture
def replies(tmp_path: Path) -> list[Path]:
    return [
        espeak("I'm sorry Mrs Johnson, I understand.", tmp_path / "01.wav", "en", 160),
        # "on Friday", not "by Friday": tiny.en hears eSpeak NG's "by Friday" as "I
        # Friday" or worse with any encoder window (docs/performance.md)
        espeak(
            "I will send a new kettle today, you will have it on Friday.",
            tmp_path / "02.wav",
            "en",
            160,
        ),
    ]


def test_without_headphones_the_customer_is_never_taken_for_the_agent(
    sound_server, tmp_path, whisper_model, replies
):
    status, run = call(sound_server, tmp_path, whisper_model, replies, cut_in=False)
    assert status == 0 and run.stderr == ""
    session = stored_session(tmp_path)
    turns = session["transcript"]["turns"]
    assert [t["speaker"] for t in turns] == ["customer", "agent"] * 2 + ["customer"]
    assert [t.get("stopped") for t in turns if t["speaker"] == "customer"] == [None] * 3
    assert session["scorecard"]["dimensions"]["interruptions"]["events"] == []
    said = agent_texts(session)
    assert "sorry mrs johnson" in said[0] and "have it on friday" in said[1]
    assert echoed(said) == set()
    assert session["outcome"] == "resolved"
    print(f"the sound check found {session['sound_check']}")
    assert session["sound_check"]["echo"] is True


def test_without_headphones_the_agent_talking_over_the_customer_still_barges_in(
    sound_server, tmp_path, whisper_model, replies
):
    status, run = call(sound_server, tmp_path, whisper_model, replies, cut_in=True)
    assert status == 0 and run.stderr == ""
    session = stored_session(tmp_path)
    turns = session["transcript"]["turns"]
    assert turns[0]["stopped"] is not None
    events = session["scorecard"]["dimensions"]["interruptions"]["events"]
    assert [(e["turn"], e["kind"]) for e in events] == [(1, "core")]
    said = agent_texts(session)
    # the reply's start is said over the customer's echo: tiny.en has heard "Mrs" there
    # as "this is" ("I'm sorry this is Johnson, I understand."); its other words are heard
    assert all(word in said[0] for word in ("sorry", "johnson", "understand"))
    assert "have it on friday" in said[1]
    assert echoed(said) == set()
