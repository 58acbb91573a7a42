"""The app in a real terminal (tmux): open it, start a scenario, type a reply, quit."""

import shutil
import subprocess
import sys
import time

from simulator.store.sessions import SessionStore, open_database


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def _wait_for(session: str, text: str, seconds: float = 20) -> str:
    deadline = time.monotonic() + seconds
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


def _alive(session: str) -> bool:
    listed = subprocess.run(["tmux", "ls", "-F", "#S"], capture_output=True, text=True)
    return session in listed.stdout.split()


def test_open_practise_and_quit_in_a_real_terminal(tmp_path):
    assert shutil.which("tmux"), "tmux is not installed (apt-get install tmux)"
    db = tmp_path / "roleplay.json"
    SessionStore(open_database(db)).remember("agent", "Alex")  # a returning trainee
    session = f"roleplay-test-{time.monotonic_ns()}"
    command = f"ROLEPLAY_LANG=en {sys.executable} -m simulator --db {db}"
    _tmux("new-session", "-d", "-s", session, "-x", "130", "-y", "40", command)
    try:
        _wait_for(session, "Team review")
        _tmux("send-keys", "-t", session, "Enter")  # the first scenario in the list
        _wait_for(session, "Type your reply")
        _tmux("send-keys", "-t", session, "-l", "I'm sorry Mr Okafor, I understand.")
        _tmux("send-keys", "-t", session, "Enter")
        _wait_for(session, "You: I'm sorry Mr Okafor")
        _tmux("send-keys", "-t", session, "C-e")
        screen = _wait_for(session, "Overall")
        assert "Empathy" in screen
        _tmux("send-keys", "-t", session, "C-q")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and _alive(session):
            time.sleep(0.2)
        assert not _alive(session), "the app did not quit on Ctrl+Q"
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    store = SessionStore(open_database(db))
    stored = list(store.details(store.history()))
    assert len(stored) == 1 and stored[0].agent == "Alex"
    assert stored[0].transcript.turns[1].text == "I'm sorry Mr Okafor, I understand."
