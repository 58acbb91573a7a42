"""A team lead's command line: agents found whatever the spelling, with a "did you mean"
when nobody is; their names put right; sessions listed with headings and titles, and
deleted one by one."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from simulator.store.sessions import SessionStore, open_database
from tests.made_sessions import made_session


@pytest.fixture
def team_db(tmp_path):
    """The database the ``roleplay`` fixture uses: six sessions, five names as typed."""
    store = SessionStore(open_database(tmp_path / "roleplay.json"))
    store.put_many(
        [
            made_session("c1", "Chloé", 1, outcome="resolved"),
            made_session("c2", "chloe", 2, outcome="hung_up"),
            made_session("p1", "Priya", 3),
            made_session("p2", "Priya Shah", 4, outcome="escalated"),
            made_session("p3", "Priya Shah", 5, scenario="en-disputed-charge", title="A fee"),
            made_session("c3", "Chloé", 6),
        ]
    )
    return store


def _french(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "ROLEPLAY_DB": str(tmp_path / "roleplay.json"), "ROLEPLAY_LANG": "fr"}
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args], capture_output=True, text=True, env=env
    )


def test_history_has_a_heading_row_titles_and_how_each_call_ended(roleplay, team_db):
    run = roleplay("history")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0].split() == ["Id", "Started", "Agent", "Scenario", "Overall", "Outcome"]
    assert lines[2].startswith("p3 ") and "A fee" in lines[2] and "en-disputed" not in lines[2]
    assert "Une option facturée sans accord" in lines[3] and "escalated" in lines[3]
    assert "the customer hung up" in run.out
    assert len(lines) == 7


def test_an_agent_is_found_whatever_the_case_and_accents(roleplay, team_db):
    rows = roleplay("history", "--agent", "priya shah", "--json").json()
    assert sorted(r["id"] for r in rows) == ["p2", "p3"]
    rows = roleplay("history", "--agent", "CHLOE", "--json").json()
    assert sorted(r["id"] for r in rows) == ["c1", "c2", "c3"]
    assert [r["id"] for r in roleplay("history", "--agent", "Priya", "--json").json()] == ["p1"]


def test_a_name_that_finds_nobody_says_which_names_are_near(roleplay, team_db, tmp_path):
    run = roleplay("history", "--agent", "Priya Sha")
    assert run.code == 2 and "Traceback" not in run.err
    assert "no sessions of 'Priya Sha'" in run.err and "did you mean 'Priya Shah'" in run.err
    for command in (["report", "team", "--agent", "Chole"], ["export", "--agent", "Chole"]):
        run = roleplay(*command)
        assert run.code == 2 and "did you mean 'Chloé'" in run.err, command
    french = _french(tmp_path, "forget", "--agent", "Priya Sha", "--yes")
    assert french.returncode == 2
    assert "vouliez-vous dire 'Priya Shah'" in french.stderr
    assert len(team_db.history()) == 6


def test_agents_are_listed_once_with_their_sessions_and_spellings(roleplay, team_db, tmp_path):
    run = roleplay("agents", "list")
    assert run.code == 0, run.err
    lines = [re.split(r"\s{2,}", line.strip()) for line in run.out.splitlines()]
    assert lines[0] == ["Agent", "Sessions", "Last session", "Also written"]
    by_name = {line[0]: line for line in lines[1:]}
    assert set(by_name) == {"Chloé", "Priya", "Priya Shah"}
    assert by_name["Chloé"][1:] == ["3", "2026-11-06", "chloe"]
    assert by_name["Priya Shah"][1] == "2"
    listed = roleplay("agents", "list", "--json").json()
    assert {a["name"]: a["sessions"] for a in listed} == {"Chloé": 3, "Priya": 1, "Priya Shah": 2}
    assert _french(tmp_path, "agents", "list").stdout.startswith("Agent")


def test_rename_and_merge_put_names_right(roleplay, team_db):
    run = roleplay("agents", "rename", "chloe", "Chloé Martin")
    assert run.code == 0, run.err
    assert run.out.strip() == "Chloé is now Chloé Martin: 3 sessions renamed."
    assert {s.agent for s in team_db.history("chloé martin")} == {"Chloé Martin"}

    taken = roleplay("agents", "rename", "Priya", "priya shah")
    assert taken.code == 2 and "roleplay agents merge" in taken.err

    asked = roleplay("agents", "merge", "priya", "Priya Shah")  # not a terminal: needs --yes
    assert asked.code == 2 and "--yes" in asked.err
    assert len(team_db.history("Priya")) == 1
    merged = roleplay("agents", "merge", "priya", "PRIYA SHAH", "--yes")
    assert merged.code == 0, merged.err
    assert merged.out.strip() == "Priya merged into Priya Shah: 1 session moved."
    assert {s.agent for s in team_db.history()} == {"Chloé Martin", "Priya Shah"}


def test_a_lead_deletes_one_session(roleplay, team_db):
    (team_db.audio_root / "p1").mkdir(parents=True)
    (team_db.audio_root / "p1" / "turn-01-agent.ogg").write_bytes(b"OggS")
    asked = roleplay("delete", "p1")  # not a terminal: needs --yes
    assert asked.code == 2 and "--yes" in asked.err and team_db.get("p1") is not None
    run = roleplay("delete", "p1", "--yes")
    assert run.code == 0, run.err
    assert run.out.strip() == "Deleted the session p1."
    assert team_db.get("p1") is None and not (team_db.audio_root / "p1").exists()
    assert not team_db.database.session_file("p1").exists()
    again = roleplay("delete", "p1", "--yes")
    assert again.code == 2 and "no session 'p1'" in again.err and "Traceback" not in again.err


def test_scenarios_list_has_a_heading_row(roleplay):
    run = roleplay("scenarios", "list")
    assert re.split(r"\s{2,}", run.out.splitlines()[0].strip()) == [
        "Id",
        "Language",
        "Customer type",
        "Channel",
        "Difficulty",
        "Title",
    ]
    assert "fr-facture-contestee" in run.out
