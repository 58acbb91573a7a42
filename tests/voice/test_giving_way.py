"""The agent goes on with a reply as the customer starts answering: the customer gives
way, and the reply is one turn — played headless, real speech, real recognition."""

from pathlib import Path

import numpy as np
import pytest

from simulator.voice.devices import Playback
from simulator.voice.giving_way import goes_on
from tests.voice.conftest import espeak
from tests.voice.test_spoken_session import MINIMAL, practice

FIRST = "I'm sorry Mrs Johnson, I understand how annoying that is."
THEN = "I will send a new kettle today and you will have it by Friday."


def replies(tmp_path: Path, offset: float) -> Path:
    """Two sentences, the second ``offset`` seconds after the customer's answer to the
    first was due to end (far below zero: as soon as the customer starts)."""
    folder = tmp_path / "replies"
    folder.mkdir()
    espeak(FIRST, folder / "01.wav", "en", 150)
    espeak(THEN, folder / "02.wav", "en", 150)
    (folder / "replies.yml").write_text(
        f"replies:\n  - {{file: 01.wav}}\n  - {{file: 02.wav, offset: {offset}}}\n"
    )
    return folder


def test_going_on_as_the_customer_starts_is_one_reply_and_no_interruption(tmp_path, whisper_model):
    session = practice(tmp_path, MINIMAL, replies(tmp_path, -60.0), model=whisper_model)
    turns = session["transcript"]["turns"]
    agent = [t for t in turns if t["speaker"] == "agent"]
    # the customer's answer to the first sentence alone is taken back
    assert [t["speaker"] for t in turns] == ["customer", "agent", "customer"]
    text = agent[0]["text"].lower()
    assert "sorry" in text and "friday" in text
    # and the customer answers the whole of it (the replies then run out)
    assert turns[2]["text"] == "Okay. So what happens now?"
    rules = {f["rule"] for f in session["scorecard"]["findings"]}
    assert not any(rule.startswith("interruptions.talk-over") for rule in rules)
    # its words are timed on the call, the second sentence after the first
    words = agent[0]["words"]
    assert words == sorted(words, key=lambda w: w["start"])
    assert agent[0]["end"] - agent[0]["start"] > 5
    assert agent[0]["measured"]["wpm"] is not None


def test_speaking_well_into_the_customers_answer_is_still_an_interruption(tmp_path, whisper_model):
    """The second sentence comes 0.3 s before the customer's answer ends, more than a
    second into it: no longer a start together, the agent cuts in."""
    session = practice(tmp_path, MINIMAL, replies(tmp_path, -0.3), model=whisper_model)
    turns = session["transcript"]["turns"]
    assert [t["speaker"] for t in turns][:4] == ["customer", "agent", "customer", "agent"]
    answer, then = turns[2], turns[3]
    assert then["start"] - answer["start"] > 1.0
    assert answer["stopped"] is not None and abs(answer["stopped"] - then["start"]) < 0.1


@pytest.mark.parametrize(
    ("ended_by", "moment", "gives_way"),
    [
        ("complete", 9.8, True),  # went on before the answer had started
        ("complete", 10.9, True),  # within its first second
        ("complete", 11.1, False),  # later: a barge-in
        ("unknown", 10.5, True),  # the fixed silence when no words could tell
        ("unfinished", 10.5, False),  # after the long wait of a phrase left hanging
        ("silence", 10.5, False),  # the fixed-silence mode
    ],
)
def test_who_gives_way(ended_by, moment, gives_way):
    answer = Playback(10.0, 3.0, np.zeros(48000, np.float32), 16000)
    assert goes_on(ended_by, answer, moment) is gives_way


def test_no_reply_to_go_on_with_no_answer_playing():
    answer = Playback(10.0, 3.0, np.zeros(48000, np.float32), 16000)
    assert not goes_on(None, answer, 10.2)
    assert not goes_on("complete", None, 10.2)
