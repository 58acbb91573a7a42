"""Agents are found whatever the case, accents or spacing of their name; renaming and
merging go through the store, and a crash halfway loses nothing."""

from __future__ import annotations

import pytest

import simulator.store.sessions
from simulator.errors import SimulatorError
from simulator.store.agents import (
    agents_of,
    close_names,
    merge_agents,
    rename_agent,
    require_agent,
)
from simulator.store.names import fold
from simulator.store.practice import PracticeSink
from simulator.store.sessions import SessionStore, open_database
from tests.made_sessions import made_session


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("chloe", "Chloé"), ("  CHLOÉ ", "Chloé"), ("priya  shah", "Priya Shah"), ("Åsa", "asa")],
)
def test_one_name_however_it_is_typed(typed, stored):
    assert fold(typed) == fold(stored)


def test_two_names_stay_two_agents():
    assert fold("Priya") != fold("Priya Shah")


def test_the_store_finds_an_agent_whatever_the_case_and_accents(store):
    store.put_many(
        [
            made_session("a1", "Chloé", 1),
            made_session("a2", "Priya", 2),
            made_session("a3", "Priya Shah", 3),
        ]
    )
    assert [s.id for s in store.history("chloe")] == ["a1"]
    assert [s.id for s in store.history("priya shah")] == ["a3"]
    assert [s.id for s in store.history("PRIYA")] == ["a2"]


def test_a_name_that_finds_nobody_suggests_the_nearest(store):
    store.put_many([made_session("a1", "Priya Shah", 1), made_session("a2", "Sam", 2)])
    assert close_names("priya", ["Priya Shah", "Sam"]) == ["Priya Shah"]
    assert close_names("Sma", ["Priya Shah", "Sam"]) == ["Sam"]
    with pytest.raises(SimulatorError) as caught:
        require_agent(store, "Priya Sha", "db.json")
    assert caught.value.key == "error.unknown_agent_close"
    assert "did you mean 'Priya Shah'?" in caught.value.render("en")
    assert "vouliez-vous dire 'Priya Shah' ?" in caught.value.render("fr")
    with pytest.raises(SimulatorError) as nobody:
        require_agent(store, "Zoe", "db.json")
    assert nobody.value.key == "error.unknown_agent"


def test_the_agents_with_their_sessions_and_spellings(store):
    store.put_many(
        [
            made_session("a1", "Chloé", 1),
            made_session("a2", "chloe", 2),
            made_session("a3", "Chloé", 3),
            made_session("a4", "Sam", 4),
        ]
    )
    found = {a.name: a for a in agents_of(store.history())}
    assert set(found) == {"Chloé", "Sam"}
    assert found["Chloé"].sessions == 3 and found["Chloé"].spellings == ["Chloé", "chloe"]


def test_renaming_an_agent_renames_every_session_and_what_is_remembered(store):
    store.put_many([made_session("a1", "Priya", 1), made_session("a2", "priya", 2)])
    store.remember("agent", "Priya")
    done = rename_agent(store, "PRIYA", "Priya Shah", "db.json")
    assert done.sessions == 2
    assert {store.get(i).agent for i in ("a1", "a2")} == {"Priya Shah"}
    assert {s.agent for s in store.history()} == {"Priya Shah"}  # the index too
    assert store.preference("agent") == "Priya Shah"


def test_renaming_onto_another_agent_is_a_merge_and_is_refused(store):
    store.put_many([made_session("a1", "Priya", 1), made_session("a2", "Priya Shah", 2)])
    with pytest.raises(SimulatorError) as caught:
        rename_agent(store, "Priya", "priya shah", "db.json")
    assert caught.value.key == "error.agent_exists"
    done = merge_agents(store, "priya", "PRIYA SHAH", "db.json")
    assert (done.old, done.new, done.sessions) == ("Priya", "Priya Shah", 1)
    assert [a.name for a in agents_of(store.history())] == ["Priya Shah"]
    with pytest.raises(SimulatorError) as same:
        merge_agents(store, "Priya Shah", "priya shah", "db.json")
    assert same.value.key == "error.merge_same_agent"


def test_a_rename_killed_halfway_loses_nothing_and_finishes_when_run_again(tmp_path, monkeypatch):
    path = tmp_path / "db.json"
    store = SessionStore(open_database(path))
    store.put_many([made_session(f"a{n}", "Priya", n + 1) for n in range(4)])
    real = simulator.store.sessions.write_bytes
    written: list[str] = []

    def dies_on_the_third(target, data):  # type: ignore[no-untyped-def]
        if len(written) == 2:
            raise OSError("killed")
        written.append(str(target))
        return real(target, data)

    monkeypatch.setattr(simulator.store.sessions, "write_bytes", dies_on_the_third)
    with pytest.raises(OSError):
        rename_agent(store, "Priya", "Priya Shah", path)
    monkeypatch.setattr(simulator.store.sessions, "write_bytes", real)

    again = SessionStore(open_database(path))
    # every session is still there, whole; the index still names them all as before
    assert sorted(s.id for s in again.history()) == ["a0", "a1", "a2", "a3"]
    assert all(again.get(f"a{n}").transcript is not None for n in range(4))
    assert {s.agent for s in again.history()} == {"Priya"}
    rename_agent(again, "Priya", "Priya Shah", path)
    assert {again.get(f"a{n}").agent for n in range(4)} == {"Priya Shah"}
    assert {s.agent for s in again.history()} == {"Priya Shah"}


def test_deleting_a_session_removes_its_file_and_recordings(store):
    store.put_many([made_session("a1", "Sam", 1), made_session("a2", "Sam", 2)])
    (store.audio_root / "a1").mkdir(parents=True)
    (store.audio_root / "a1" / "turn-01-agent.ogg").write_bytes(b"OggS")
    assert store.delete(["a1"]) == ["a1"]
    assert [s.id for s in store.history()] == ["a2"]
    assert not store.database.session_file("a1").exists()
    assert not (store.audio_root / "a1").exists()


def test_a_delete_killed_before_the_files_go_leaves_the_session_whole(tmp_path, monkeypatch):
    """The index write is the deletion: killed before the files are removed, the
    session comes back whole on the next open, and deleting it again finishes."""
    from pathlib import Path

    path = tmp_path / "db.json"
    store = SessionStore(open_database(path))
    store.put_many([made_session("a1", "Sam", 1), made_session("a2", "Sam", 2)])

    def killed(self, missing_ok=False):  # type: ignore[no-untyped-def]
        raise OSError("killed")

    monkeypatch.setattr(Path, "unlink", killed)
    with pytest.raises(OSError):
        store.delete(["a1"])
    monkeypatch.undo()
    again = SessionStore(open_database(path))
    assert again.get("a1").transcript is not None  # whole, not half deleted
    again.delete(["a1"])
    assert [s.id for s in SessionStore(open_database(path)).history()] == ["a2"]


def test_a_practice_session_with_no_reply_is_not_kept(store):
    sink = PracticeSink(store)
    silent = sink.start("Sam", "fr-facture-contestee", "fr")
    sink.save_transcript(
        silent, {"locale": "fr", "turns": [{"speaker": "customer", "text": "Allô"}]}
    )
    sink.finish(silent, "stopped", {"overall": None, "dimensions": {}})
    spoken = sink.start("Sam", "fr-facture-contestee", "fr")
    turns = [{"speaker": "customer", "text": "Allô"}, {"speaker": "agent", "text": "Bonjour"}]
    sink.save_transcript(spoken, {"locale": "fr", "turns": turns})
    sink.finish(spoken, "stopped", {"overall": 40, "dimensions": {}})
    assert [s.id for s in store.history()] == [spoken]
    assert not store.database.session_file(silent).exists()
