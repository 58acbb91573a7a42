"""The model answer through live sound devices, in a real terminal: read aloud with
m, cut off with s, and never played twice over."""

from __future__ import annotations

import time
from pathlib import Path

from simulator.voice.audio_files import read_audio
from tests.voice.live import RATE, SoundServer, heard
from tests.voice.terminal import Terminal, open_ui

GOOD = [
    "I'm so sorry Mrs Johnson, I understand how annoying that is.",
    "I'll send a new kettle today and you'll have it tomorrow morning, I promise.",
]
EXAMPLES = f"""
examples:
  - name: good handling
    replies: ["{GOOD[0]}", "{GOOD[1]}"]
    expect: {{outcome: resolved}}
"""


def typed_call_to_the_scorecard(server: SoundServer, tmp_path: Path) -> Terminal:
    """The UI on a fresh database, typed practice of a scenario with a model answer,
    played to the end: the scorecard is on screen."""
    terminal, _db = open_ui(server, tmp_path, "seed: 1\n", voice=False, scenario_tail=EXAMPLES)
    terminal.wait_for("stuck at home")
    for reply, answer in zip(GOOD, ("what happens now", "Bye"), strict=True):
        terminal.keys("-l", reply)
        terminal.keys("Enter")
        terminal.wait_for(answer)
    terminal.wait_for("see the scorecard")
    terminal.keys("Enter")
    terminal.wait_for("Override a score")  # the scorecard's keys
    terminal.keys("4")
    terminal.wait_for("Press m to hear it")
    return terminal


def test_the_model_answer_plays_once_and_stops_on_s(sound_server, tmp_path):
    speakers = sound_server.speakers()
    terminal = typed_call_to_the_scorecard(sound_server, tmp_path)
    try:
        terminal.keys("m")
        began = speakers.wait_for_sound(timeout=60)
        time.sleep(max(0.0, speakers.started + began + 1.0 - time.monotonic()))
        terminal.keys("m")  # again: the answer starts over, not a second voice over it
        again = time.monotonic() - speakers.started
        time.sleep(2.5)
        terminal.keys("s")
        pressed = time.monotonic() - speakers.started
        # the sound that began with the first m, bridged over the start again
        quiet = speakers.wait_for_quiet(after=began, quiet=0.5, timeout=15)
    finally:
        screen = terminal.screen()
        terminal.close()
    recording = speakers.stop()
    (rendered,) = (tmp_path / "db" / "voice-cache").glob("*.wav")  # typed call: only the answer
    clip, rate = read_audio(rendered)
    print(f"the answer stopped {quiet - pressed:+.2f} s from when s was pressed")
    assert again + 1.0 < quiet < pressed + 0.6, screen
    assert quiet - began < len(clip) / rate, "the answer played to its end: s did not stop it"
    # After the second m, the speakers play the answer's start alone: a first reading
    # left playing under it would be a second voice, and the two would not match it.
    after = recording[round(again * RATE) : round(pressed * RATE)]
    start = clip[: round((pressed - again - 0.6) * rate)]
    got = heard(start, rate, after)
    print(f"after the second m: {got}")
    assert got.match > 0.85 and got.lost < 0.05, got
