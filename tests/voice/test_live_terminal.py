"""The terminal UI on live sound devices, in a real terminal (tmux): the customer is
heard whole, the reply recognised and kept; the sound server going away mid-call brings
the trainee home with a notice; Ctrl+Q ends the program at once, whatever is playing;
and nothing but the UI is ever drawn on the terminal."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from simulator.authoring.voices import load_voice
from simulator.store.sessions import SessionStore, open_database
from simulator.voice.audio_files import read_audio
from simulator.voice.tts import RenderCache
from tests.voice.conftest import espeak
from tests.voice.live import SoundServer, heard
from tests.voice.terminal import Terminal
from tests.voice.terminal import open_ui as terminal_ui

NOISE = ("ALSA", "PortAudio", "Expression '", "underrun", "Traceback", "Exception", "Audio saved")
LOST = "stopped working during the call"


def open_ui(server: SoundServer, tmp_path: Path, model: str) -> tuple[Terminal, Path]:
    """The UI on a fresh database, spoken practice on, the test scenario started."""
    return terminal_ui(server, tmp_path, f"asr_model: {model}\nseed: 1\n", voice=True)


def first_line_as_rendered(db: Path, mood: int) -> tuple[np.ndarray, int]:
    """The customer's opening lines as roleplay rendered them (its voice cache)."""
    voice = load_voice("loyal_irritated").settings("en", mood)
    cache = RenderCache(db.parent / "voice-cache")
    lines = [
        "My kettle was supposed to come on Monday and it's Thursday.",
        "And the weather's been awful, I've been stuck at home waiting.",
    ]
    clips = [read_audio(cache.get(line, voice)) for line in lines]
    return np.concatenate([c for c, _ in clips]), clips[0][1]


def noise(terminal: Terminal) -> list[str]:
    written = terminal.output()
    return [word for word in NOISE if word in written]


def test_a_call_in_the_terminal_ui_and_the_sound_server_going_away(
    sound_server, tmp_path, whisper_model
):
    answer = espeak("I'm sorry Mrs Johnson, I understand.", tmp_path / "01.wav", "en", 160)
    speakers = sound_server.speakers()
    terminal, db = open_ui(sound_server, tmp_path, whisper_model)
    try:
        first = speakers.wait_for_call(timeout=60)
        speakers.wait_for_quiet(after=first, timeout=20)
        spoke = speakers.at(sound_server.speak(answer))
        second = speakers.wait_for_sound(after=spoke + 1.5, timeout=20)
        time.sleep(max(0.0, speakers.started + second + 0.5 - time.monotonic()))
        killed = sound_server.kill()
        told = terminal.wait_for(LOST, "Team review", timeout=10) - killed
        print(f"the notice came {told:.2f} s after the sound server went away")
        terminal.keys("C-q")
        quit_at = time.monotonic()
        status = terminal.wait_for_exit(timeout=10)
        if terminal.ended is not None:
            print(f"the UI ended {terminal.ended - quit_at:.2f} s after Ctrl+Q")
    finally:
        screen = terminal.screen()
        terminal.close()
    recording = speakers.stop()
    assert status == 0, f"the UI did not end on Ctrl+Q; the screen was:\n{screen}"
    assert told < 2.0
    assert not noise(terminal), terminal.output()[-3000:]

    store = SessionStore(open_database(db))
    (summary,) = store.history()
    session = store.get(summary.id)
    assert session is not None
    assert (session.status, session.outcome) == ("scored", "stopped")
    assert "sorry" in session.transcript.turns[1].text.lower()
    assert session.transcript.turns[1].audio

    clip, rate = first_line_as_rendered(db, session.moods[0])
    got = heard(clip, rate, recording)
    print(f"first line: {got}")
    assert got.match > 0.8 and got.lost_start <= 0.01 and got.lost <= 0.03, got


def test_quitting_the_terminal_ui_while_the_customer_speaks(sound_server, tmp_path, whisper_model):
    speakers = sound_server.speakers()
    terminal, db = open_ui(sound_server, tmp_path, whisper_model)
    try:
        first = speakers.wait_for_call(timeout=60)
        time.sleep(max(0.0, speakers.started + first + 1.0 - time.monotonic()))
        terminal.keys("C-q")
        quit_at = time.monotonic()
        status = terminal.wait_for_exit(timeout=10)
        if terminal.ended is not None:
            print(f"the UI ended {terminal.ended - quit_at:.2f} s after Ctrl+Q")
    finally:
        screen = terminal.screen()
        terminal.close()
    speakers.stop()
    assert status == 0, f"the UI did not end on Ctrl+Q; the screen was:\n{screen}"
    assert terminal.ended is not None and terminal.ended - quit_at < 3.0
    assert not noise(terminal), terminal.output()[-3000:]
    store = SessionStore(open_database(db))
    assert not [s for s in store.history() if s.status == "in_progress"]
