"""SIGKILL at random moments: every completed turn and every finished import survives."""

from __future__ import annotations

import json
import os
import random
import select
import signal
import time
import zipfile
from pathlib import Path

from simulator.authoring.workspace import Workspace
from simulator.store.recovery import finish_interrupted, interrupted
from simulator.store.sessions import SessionStore, open_database
from simulator.voice.audio_files import read_audio
from tests.reliability.conftest import practise, roleplay_cli

KILLS = 50


def _read_for(proc, seconds: float) -> list[str]:
    """Lines the process printed within ``seconds``."""
    lines: list[str] = []
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([proc.stdout], [], [], left)
        if not ready:
            break
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.split())
    return lines


def _check_whole(db: Path) -> SessionStore:
    store = SessionStore(open_database(db))
    assert not store.database.notices, store.database.notices  # never needed a repair
    for file in store.database.sessions_dir.glob("*.json"):
        json.loads(file.read_text(encoding="utf-8"))  # every session file is whole JSON
    return store


def test_killing_a_practice_session_at_random_keeps_every_completed_turn(tmp_path):
    db = tmp_path / "roleplay.json"
    rng = random.Random(20261125)
    saved: dict[str, int] = {}
    scored: set[str] = set()
    for _ in range(KILLS):
        proc = practise(db)
        # from "still starting up" to "several sessions in"
        # start-up (interpreter, rule packs, scenario) takes about 0.7–1 s on 2 cores
        for words in _read_for(proc, rng.uniform(0.05, 2.0)):
            if words[0] == "saved":
                saved[words[1]] = max(saved.get(words[1], 0), int(words[2]))
            elif words[0] == "scored":
                scored.add(words[1])
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        store = _check_whole(db)
    assert len(saved) > KILLS // 2  # the kills landed in many different sessions
    for session_id, turns in saved.items():
        session = store.get(session_id)
        assert session is not None, f"{session_id} lost"
        agent_turns = [t for t in session.transcript.turns if t.speaker == "agent"]
        assert len(agent_turns) >= turns, f"{session_id}: turns lost"
    for session_id in scored:
        assert store.get(session_id).status == "scored"
    # the sessions the kills cut short are offered for scoring, and score
    cut = interrupted(store)
    assert cut and {s.id for s in cut} <= set(saved) | {s.id for s in store.history()}
    for session in cut:
        finish_interrupted(store, session.id, Workspace())
    assert not interrupted(store)
    assert all(s.status == "scored" for s in store.history())


def test_killing_an_import_at_random_never_damages_the_database(tmp_path, bundle):
    db = tmp_path / "lead" / "roleplay.json"
    with zipfile.ZipFile(bundle) as archive:
        expected = {s["id"] for s in json.loads(archive.read("sessions.json"))}
    rng = random.Random(7)
    SessionStore(open_database(db)).remember("agent", "Dana")  # something already there
    for _ in range(KILLS):
        proc = roleplay_cli("import", str(bundle), db=db)
        time.sleep(rng.uniform(0.05, 0.7))  # start-up takes ~0.1 s, the import ~0.5 s
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        store = _check_whole(db)
        for session in store.history():  # whatever is indexed is whole
            assert session.id in expected
            assert store.get(session.id).transcript.turns
        for audio in store.audio_root.glob("*/*.ogg"):  # and every recording plays
            assert read_audio(audio)[0].size > 0
    done = roleplay_cli("import", str(bundle), db=db)
    _, err = done.communicate(timeout=120)
    assert done.returncode == 0, err
    store = _check_whole(db)
    assert sorted(s.id for s in store.history()) == sorted(expected)  # each once
    assert store.preference("agent") == "Dana"
    assert len(list(store.audio_root.glob("*/*.ogg"))) == 100


def test_killing_a_spoken_session_keeps_each_saved_turn_with_its_recording(tmp_path):
    from simulator.voice.audio_files import find_recording
    from tests.voice.conftest import espeak

    replies = tmp_path / "replies"
    replies.mkdir()
    for n, text in enumerate(
        ["I'm so sorry, I understand.", "So you were charged twice.", "I will refund it today."],
        start=1,
    ):
        espeak(text, replies / f"{n:02d}.wav", "en", 170)
    db = tmp_path / "roleplay.json"
    minimal = Path(__file__).parent.parent / "data" / "scenarios" / "en-minimal.yml"
    rng = random.Random(3)
    checked = 0
    for _ in range(10):
        args = ["practice", str(minimal), "--agent", "Sam", "--input-audio", str(replies)]
        proc = roleplay_cli(*args, "--fast", "--asr", "none", db=db)
        time.sleep(rng.uniform(0.5, 3.0))  # start-up to the end of the call
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        store = _check_whole(db)
        for session in store.details(store.history()):
            for turn in session.transcript.turns if session.transcript else []:
                if turn.speaker == "agent" and turn.audio:
                    found = find_recording(store.audio_root / session.id, turn.audio)
                    assert found is not None, f"{session.id}: {turn.audio} lost"
                    assert read_audio(found)[0].size > 0
                    checked += 1
    assert checked  # the kills left saved turns to check
