"""Recordings of people's voices are personal data: nothing leaves the machine, nothing is
kept longer than asked, a person can be erased, and only the owner can read the data."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from simulator.store.privacy import prune_audio
from simulator.store.sessions import SessionStore, open_database
from simulator.voice.audio_files import write_audio
from tests.tui.conftest import seed_team
from tests.voice.conftest import espeak

HERE = Path(__file__).parent
ROLEPLAY = str(Path(sys.executable).parent / "roleplay")
MINIMAL = HERE.parent / "data" / "scenarios" / "en-minimal.yml"


def _run(
    *args: str, env: dict[str, str], prefix: tuple[str, ...] = (), stdin: str = ""
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*prefix, ROLEPLAY, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _spoken_replies(folder: Path) -> Path:
    folder.mkdir()
    espeak("I'm sorry, I understand. I will refund it today.", folder / "01.wav", "en", 160)
    return folder


def _no_network() -> tuple[str, ...]:
    """A kernel-level cut when this machine allows it: a new network namespace."""
    if shutil.which("unshare"):
        probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
        if probe.returncode == 0:
            return ("unshare", "-rn")
    return ()


def test_a_spoken_session_runs_with_the_network_blocked(tmp_path, whisper_model):
    """Synthesis, recognition, scoring and storage: all offline, no connection tried."""
    log = tmp_path / "network.log"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(HERE / "no_network"), os.environ.get("PYTHONPATH", "")]),
        "NO_NETWORK_LOG": str(log),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "HF_HUB_OFFLINE": "",  # no offline hint: roleplay itself must not reach out
    }
    env.pop("ROLEPLAY_DB", None)
    replies = _spoken_replies(tmp_path / "replies")
    prefix = _no_network()
    run = _run(
        "practice", str(MINIMAL), "--agent", "Sam", "--input-audio", str(replies), "--fast",
        "--asr-model", whisper_model, env=env, prefix=prefix,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert not log.exists() or log.read_text() == "", log.read_text()
    # the guard is really in place: the same interpreter cannot reach out
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('192.0.2.1', 80), 1)"],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert probe.returncode != 0 and "blocked by the test" in probe.stderr
    log.unlink()
    # and the session is stored, with its recording, in the user's data folder
    data = tmp_path / "data" / "roleplay"
    store = SessionStore(open_database(data / "roleplay.json"))
    (session,) = store.details(store.history())
    said = [t.text.lower() for t in session.transcript.turns if t.speaker == "agent"]
    assert "sorry" in said[0]  # recognised, offline
    assert list((data / "audio").glob("*/*.ogg"))


def test_the_data_folder_is_readable_by_its_owner_only(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("ROLEPLAY_DB", None)
    run = _run(
        "practice", "fr-facture-contestee", "--agent", "Alex", "--text", env=env, stdin="Bonjour.\n"
    )
    assert run.returncode == 0, run.stderr
    data = tmp_path / "data" / "roleplay"
    assert list((data / "roleplay.sessions").iterdir())
    assert _mode(data) == 0o700
    assert _mode(data / "roleplay.sessions") == 0o700
    for path in [data / "roleplay.json", data / "roleplay.json.lock"]:
        assert _mode(path) == 0o600, path
    for path in (data / "roleplay.sessions").iterdir():
        assert _mode(path) == 0o600, path


def test_audio_retention_none_records_nothing(tmp_path):
    settings = tmp_path / "settings.yml"
    settings.write_text("audio_retention: none\n")
    env = {
        **os.environ,
        "ROLEPLAY_DB": str(tmp_path / "db.json"),
        "ROLEPLAY_SETTINGS": str(settings),
    }
    replies = _spoken_replies(tmp_path / "replies")
    run = _run(
        "practice", str(MINIMAL), "--agent", "Sam", "--input-audio", str(replies), "--fast",
        "--asr", "none", env=env,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert not list(tmp_path.glob("audio/**/*.ogg"))
    store = SessionStore(open_database(tmp_path / "db.json"))
    (session,) = store.details(store.history())
    agent = [t for t in session.transcript.turns if t.speaker == "agent"]
    assert agent and all(t.audio is None for t in agent)
    assert agent[0].measured.wpm  # paced from the audio all the same


def _with_recordings(store: SessionStore) -> None:
    noise = np.zeros(1600, dtype="float32")
    for session in store.history():
        write_audio(store.audio_root / session.id / "turn-01-agent.ogg", noise, 16000)


def test_recordings_older_than_the_retention_are_erased(tmp_path):
    store = SessionStore(open_database(tmp_path / "roleplay.json"))
    seed_team(store)  # six sessions, started 2026-11-01 … 2026-11-06
    _with_recordings(store)
    running = store.start("Jo", "fr-facture-contestee", "fr")
    (store.audio_root / running).mkdir()
    (store.audio_root / running / "turn-01-agent.ogg").write_bytes(b"x")
    erased = prune_audio(store, 30, today=datetime(2026, 12, 3, 12, tzinfo=UTC))
    assert erased == 3  # the sessions of Nov 1-3 are more than 30 days old
    kept = {p.parent.name for p in store.audio_root.glob("*/*.ogg")}
    assert kept == {"jo-0", "jo-1", "sam-1", running}
    assert store.get("alex-0").audio_removed == "30 day(s)"
    assert "audio_removed" not in store.get("jo-1").stored()
    assert prune_audio(store, 0) == 3  # 'none': every finished session's recordings go
    assert {p.parent.name for p in store.audio_root.glob("*/*.ogg")} == {running}


def test_forget_erases_an_agent_and_says_what_it_removed(tmp_path):
    db = tmp_path / "roleplay.json"
    store = SessionStore(open_database(db))
    seed_team(store)
    _with_recordings(store)
    aside = store.database.session_file("sam-0").with_name("sam-0.json.damaged-20260101T000000Z")
    aside.write_text("{ a damaged copy", encoding="utf-8")
    env = {**os.environ, "ROLEPLAY_DB": str(db)}
    exported = _run("export", "--format", "jsonl", "-o", str(tmp_path / "all.jsonl"), env=env)
    assert exported.returncode == 0, exported.stderr
    sams = _run("export", "--bundle", str(tmp_path / "sam.zip"), "--agent", "Sam", env=env)
    alexs = _run("export", "--bundle", str(tmp_path / "alex.zip"), "--agent", "Alex", env=env)
    assert sams.returncode == alexs.returncode == 0

    refused = _run("forget", "--agent", "Sam", env=env)  # not a terminal: needs --yes
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert len(store.history("Sam")) == 2

    run = _run("forget", "--agent", "Sam", "--yes", env=env)
    assert run.returncode == 0, run.stderr
    assert "Erased 2 sessions and 2 recordings of Sam." in run.stdout
    # Sam's bundle held nothing else: erased; the export of everyone: rewritten without Sam
    said = run.stdout.split("\n")
    erased = said.index("1 export file erased, as it held nothing else:")
    assert said[erased + 1].strip() == str(tmp_path / "sam.zip")
    rewritten = said.index("1 export file rewritten without them:")
    assert said[rewritten + 1].strip() == str(tmp_path / "all.jsonl")
    assert not (tmp_path / "sam.zip").exists()
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 and all('"Sam"' not in line for line in lines)
    assert (tmp_path / "alex.zip").exists()  # holds no session of Sam
    store = SessionStore(open_database(db))
    assert store.history("Sam") == [] and len(store.history()) == 4
    assert not (store.audio_root / "sam-0").exists()
    assert not store.database.session_file("sam-0").exists() and not aside.exists()
    assert "Sam" not in db.read_text()  # not even in the list of exports

    unknown = _run("forget", "--agent", "Samuel", "--yes", env=env)
    assert unknown.returncode == 2 and "agents here: Alex, Jo" in unknown.stderr
