"""What forget, rescore, import, recover, delete and export say when they are done: in the
interface language, each count with its own plural ("1 séance", "2 séances"; French
counts 0 as one, English does not), never "(s)"."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from simulator.cli.main import cli
from simulator.errors import SimulatorError
from simulator.i18n.catalogue import Plural
from simulator.store.records import Owner
from simulator.store.sessions import SessionStore, open_database
from tests.made_sessions import made_session


def _roleplay(db: Path, *args: str) -> str:
    """The command's whole output (standard output and error together)."""
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "(s)" not in result.output and "(es)" not in result.output, result.output
    return result.output


def _store(db: Path, sessions: dict[str, int]) -> SessionStore:
    """A database holding, for each agent, that many scored sessions."""
    store = SessionStore(open_database(db))
    day = 1
    for agent, count in sessions.items():
        for n in range(count):
            store.put(made_session(f"{agent.lower()}-{n}", agent, day))
            day += 1
    return store


@pytest.fixture
def french(monkeypatch):
    monkeypatch.setenv("ROLEPLAY_LANG", "fr")


def test_forget_counts_sessions_and_recordings_in_french(tmp_path, french):
    db = tmp_path / "roleplay.json"
    store = _store(db, {"Sam": 1, "Alex": 2})
    (store.audio_root / "alex-0").mkdir(parents=True)
    (store.audio_root / "alex-0" / "turn-01-agent.ogg").write_bytes(b"OggS")
    said = _roleplay(db, "forget", "--agent", "Sam", "--yes")
    assert "Effacés pour Sam : 1 séance et 0 enregistrement." in said
    said = _roleplay(db, "forget", "--agent", "Alex", "--yes")
    assert "Effacés pour Alex : 2 séances et 1 enregistrement." in said


def test_forget_without_yes_is_refused_with_the_count_in_french(tmp_path, french):
    db = tmp_path / "roleplay.json"
    _store(db, {"Sam": 2})
    result = CliRunner().invoke(cli, ["--db", str(db), "forget", "--agent", "Sam"])
    assert result.exit_code == 2
    assert "cela efface définitivement 2 séances de l'agent Sam" in result.output


def test_rescore_counts_in_french(tmp_path, french):
    db = tmp_path / "roleplay.json"
    _store(db, {"Sam": 1})
    said = _roleplay(db, "rescore", "--jobs", "1")
    assert said.startswith("Séances notées à nouveau : 1 séance en ")
    assert "1 processus" in said and ("1 bilan modifié" in said or "0 bilan modifié" in said)
    _store(db, {"Alex": 2})
    said = _roleplay(db, "rescore", "--jobs", "1")
    assert "Séances notées à nouveau : 3 séances en " in said


def test_import_counts_in_french(tmp_path, french):
    agent, lead = tmp_path / "agent.json", tmp_path / "lead.json"
    _store(agent, {"Sam": 1})
    one = tmp_path / "one.zip"
    assert "1 séance, 0 fichier audio." in _roleplay(agent, "export", "--bundle", str(one))
    said = _roleplay(lead, "import", str(one))
    assert "1 nouvelle séance, 0 mise à jour, 0 déjà présente" in said
    assert "0 fichier audio écrit" in said
    _store(agent, {"Alex": 1})
    two = tmp_path / "two.zip"
    assert "2 séances, 0 fichier audio." in _roleplay(agent, "export", "--bundle", str(two))
    said = _roleplay(lead, "import", str(two))
    assert "1 nouvelle séance, 0 mise à jour, 1 déjà présente" in said
    said = _roleplay(lead, "import", str(two))
    assert "0 nouvelle séance, 0 mise à jour, 2 déjà présentes" in said


def test_import_counts_in_english(tmp_path):
    agent, lead = tmp_path / "agent.json", tmp_path / "lead.json"
    _store(agent, {"Sam": 2})
    bundle = tmp_path / "sam.zip"
    assert "2 sessions, 0 audio files." in _roleplay(agent, "export", "--bundle", str(bundle))
    said = _roleplay(lead, "import", str(bundle))
    assert "2 new sessions, 0 updated, 0 already here (0 comments and 0 overrides added)" in said
    assert "0 audio files written" in said


def _interrupted(store: SessionStore, agent: str, replies: int) -> str:
    """A session a crash stopped after ``replies`` replies: its process is gone."""
    session_id = store.start(agent, "fr-facture-contestee", "fr")
    turns = [{"speaker": "customer", "text": "Allô ?"}]
    for n in range(replies):
        turns += [
            {"speaker": "agent", "text": f"Je regarde votre dossier ({n})."},
            {"speaker": "customer", "text": "Bon."},
        ]
    store.save_transcript(session_id, {"locale": "fr", "turns": turns})
    record = store.get(session_id)
    record.owner = Owner(pid=record.owner.pid, host=record.owner.host, since=-1)  # not it
    store.replace(record)
    return session_id


def test_recover_says_what_it_scored_in_french(tmp_path, french):
    db = tmp_path / "roleplay.json"
    store = SessionStore(open_database(db))
    one = _interrupted(store, "Sam", 1)
    two = _interrupted(store, "Alex", 2)
    said = _roleplay(db, "recover")
    lines = said.strip().splitlines()
    assert any(line.startswith(f"{one} : fr-facture-contestee par Sam") for line in lines)
    assert "1 réponse — note globale" in said and "2 réponses — note globale" in said
    assert two in said
    assert _roleplay(db, "recover").strip() == "Aucune séance interrompue : rien à récupérer."


def test_delete_says_what_it_took_out_of_the_exports_in_french(tmp_path, french):
    db = tmp_path / "roleplay.json"
    _store(db, {"Sam": 2})
    _roleplay(db, "export", "--format", "jsonl", "-o", str(tmp_path / "all.jsonl"))
    _roleplay(db, "export", "--bundle", str(tmp_path / "sam.zip"))
    said = _roleplay(db, "delete", "sam-0", "--yes")
    assert "Séance sam-0 supprimée." in said
    assert "2 fichiers d'export réécrits sans elle :" in said
    said = _roleplay(db, "forget", "--agent", "Sam", "--yes")
    assert "2 fichiers d'export effacés, qui ne contenaient rien d'autre :" in said


@pytest.mark.parametrize(
    ("count", "fr", "en"),
    [(0, "0 séance", "0 sessions"), (1, "1 séance", "1 session"), (2, "2 séances", "2 sessions")],
)
def test_a_count_in_an_error_is_worded_in_the_readers_language(count, fr, en):
    sessions = Plural(count, "cli.count.session.one", "cli.count.session.many")
    error = SimulatorError("error.forget_confirm", sessions=sessions, agent="Sam")
    assert f"efface définitivement {fr} de l'agent Sam" in error.render("fr")
    assert f"this erases {en} of Sam" in error.render("en")
