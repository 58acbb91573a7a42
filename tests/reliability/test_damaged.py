"""Damaged data is survivable: detected on open, kept aside, and what can be read comes back."""

from __future__ import annotations

import json

from scoring.transcript import Transcript
from simulator.store.records import SessionRecord
from simulator.store.sessions import SessionStore, open_database
from tests.tui.conftest import seed_team


def _team(tmp_path) -> tuple[SessionStore, list[SessionRecord]]:
    store = SessionStore(open_database(tmp_path / "roleplay.json"))
    seed_team(store)
    store.remember("agent", "Alex")
    return store, list(store.details(store.history()))


def test_a_truncated_index_is_kept_aside_and_rebuilt_from_the_session_files(tmp_path):
    _, before = _team(tmp_path)
    index = tmp_path / "roleplay.json"
    damaged = index.read_bytes()[: index.stat().st_size // 2]
    index.write_bytes(damaged)
    index.chmod(0o644)  # edited by hand, say
    reopened = open_database(index)
    (notice,) = reopened.notices
    assert "damaged" in str(notice) and "6 sessions were recovered" in str(notice)
    assert "6 séances ont été récupérées" in notice.render("fr")
    (backup,) = tmp_path.glob("roleplay.json.damaged-*")
    assert backup.read_bytes() == damaged and backup.name in str(notice)
    assert backup.stat().st_mode & 0o777 == 0o600  # the same personal data: owner only
    after = SessionStore(reopened)
    assert list(after.details(after.history())) == before
    assert not open_database(index).notices  # repaired once, for good


def test_preferences_still_readable_in_a_damaged_index_are_kept(tmp_path):
    _team(tmp_path)
    index = tmp_path / "roleplay.json"
    index.write_bytes(index.read_bytes()[:-2])  # the last closing braces lost
    assert SessionStore(open_database(index)).preference("agent") == "Alex"


def test_garbage_in_place_of_the_index(tmp_path):
    _, before = _team(tmp_path)
    (tmp_path / "roleplay.json").write_bytes(b"\x00\xff\xfe garbage \x80" * 50)
    store = SessionStore(open_database(tmp_path / "roleplay.json"))
    assert {s.id for s in store.history()} == {s.id for s in before}


def test_sessions_only_in_a_damaged_index_are_salvaged(tmp_path):
    """Session files lost too: the whole records still readable in the damaged text return."""
    store, before = _team(tmp_path)
    lost = before[0].id
    store.database.session_file(lost).unlink()
    index = tmp_path / "roleplay.json"
    index.write_text(index.read_text(encoding="utf-8") + "{{{ oops", encoding="utf-8")
    store = SessionStore(open_database(index))
    assert lost in store.ids()
    assert store.get(lost).overall == before[0].overall  # the summary, at least


def test_an_unreadable_session_file_leaves_its_summary(tmp_path):
    store, before = _team(tmp_path)
    broken = before[0].id
    store.database.session_file(broken).write_text('{"id": "', encoding="utf-8")
    session = store.get(broken)
    assert session.agent == before[0].agent and session.overall == before[0].overall
    assert session.transcript is None
    assert len(store.history()) == len(before)
    store.add_comment(broken, None, "Fichier abîmé, à revoir.", "Dana")  # still reviewable
    (aside,) = store.database.sessions_dir.glob(f"{broken}.json.damaged-*")
    assert aside.read_text(encoding="utf-8") == '{"id": "'  # kept for whoever mends it
    assert store.get(broken).comments[0].text == "Fichier abîmé, à revoir."


def test_a_database_from_before_session_files_is_moved_to_them(tmp_path):
    whole = {
        "id": "a1b2c3d4e5f6",
        "agent": "Alex",
        "scenario": "fr-facture-contestee",
        "locale": "fr",
        "started_at": "2025-01-01T10:00:00+00:00",
        "status": "scored",
        "transcript": {"locale": "fr", "turns": [{"speaker": "agent", "text": "Bonjour"}]},
        "scorecard": {"overall": 70, "findings": [], "dimensions": {}},
        "overall": 70,
        "scores": {},
    }
    index = tmp_path / "roleplay.json"
    index.write_text(json.dumps({"sessions": {"1": whole}, "prefs": {}}), encoding="utf-8")
    store = SessionStore(open_database(index))
    assert store.get("a1b2c3d4e5f6").transcript == Transcript.model_validate(whole["transcript"])
    assert "transcript" not in json.loads(index.read_text())["sessions"]["1"]


def test_a_session_file_without_an_index_entry_is_taken_back(tmp_path):
    """A process killed between writing the session file and the index."""
    store, before = _team(tmp_path)
    orphan = {**before[0].stored(), "id": "0rphan000001"}
    store.database.session_file("0rphan000001").write_text(json.dumps(orphan))
    assert "0rphan000001" in SessionStore(open_database(tmp_path / "roleplay.json")).ids()
