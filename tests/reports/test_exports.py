"""Exports for spreadsheets and other tools: two CSV files, or one session per line."""

from __future__ import annotations

import csv
import json

import pytest

from scoring.findings import DIMENSIONS
from simulator.reports.exports import AGENT_COLUMNS, FINDING_COLUMNS, SESSION_COLUMNS
from simulator.store.sessions import SessionStore, open_database
from tests.reports.conftest import roleplay


def _read_csv(path) -> list[dict]:  # type: ignore[no-untyped-def]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_is_one_row_per_session_and_one_per_finding(team, tmp_path):
    store = SessionStore(open_database(team.alex))
    reviewed = store.history()[0]
    store.override_score(reviewed.id, "empathy", 77, "Warm.", "Dana")
    out = tmp_path / "export"
    run = roleplay("export", "--format", "csv", "-o", str(out), db=team.alex)
    assert run.code == 0, run.err
    assert run.out.split() == [str(out / n) for n in ("sessions.csv", "findings.csv", "agents.csv")]
    assert (out / "sessions.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # for spreadsheets

    sessions = _read_csv(out / "sessions.csv")
    stored = team.sessions(team.alex)
    assert list(sessions[0]) == list(SESSION_COLUMNS)
    assert {r["id"] for r in sessions} == {s.id for s in stored}
    row = next(r for r in sessions if r["id"] == reviewed.id)
    assert row["empathy"] == "77" and row["overridden"] == "empathy"
    # the overall a reviewer's override leaves, as history shows it
    shown = {h["id"]: h for h in roleplay("history", "--json", db=team.alex).json()}
    assert row["overall"] == str(shown[reviewed.id]["overall"])
    for dimension in DIMENSIONS:
        assert dimension in row
    # what a spreadsheet needs to group and compare sessions without opening each one
    by_id = {s.id: s for s in stored}
    for r in sessions:
        session = by_id[r["id"]]
        assert r["title"] == session.title and r["title"]
        assert r["difficulty"] == "medium"  # from the scenario library
        assert int(r["agent_turns"]) == session.agent_turn_count() > 0
        assert float(r["duration_s"]) >= 0  # a piped typed call takes under a second
        assert r["outcome"] == session.outcome
    spoken = next(r for r in sessions if r["scenario"] == "en-disputed-charge")
    assert float(spoken["duration_s"]) == round(by_id[spoken["id"]].duration, 1) > 0

    findings = _read_csv(out / "findings.csv")
    assert list(findings[0]) == list(FINDING_COLUMNS)
    assert {r["agent"] for r in findings} == {"Alex"}
    assert len(findings) == sum(len(s.scorecard.findings) for s in stored)
    quotes = {r["quote"] for r in findings}
    assert "c'est pas mon problème" in quotes  # accents intact
    spoken = [r for r in findings if r["rule"] == "avoided.hurry-up-wait"]
    assert spoken and float(spoken[0]["time"]) > 0 and spoken[0]["suggestion"]

    (alex,) = _read_csv(out / "agents.csv")
    assert list(alex) == list(AGENT_COLUMNS)
    assert alex["agent"] == "Alex" and alex["sessions"] == "3"
    assert float(alex["empathy"]) > 0
    assert alex["pacing_sessions"] == "1"  # the spoken call only
    rates = {k: float(v) for k, v in alex.items() if k.endswith("_percent")}
    assert sum(rates.values()) == pytest.approx(100, abs=0.2)
    ended = [s.outcome for s in stored]
    assert rates["resolved_percent"] == pytest.approx(100 * ended.count("resolved") / 3, abs=0.1)


def test_a_cell_that_a_spreadsheet_would_run_stays_text(tmp_path):
    db = tmp_path / "db.json"
    run = roleplay(
        "practice",
        "fr-facture-contestee",
        "--agent",
        '=HYPERLINK("x")',
        "--text",
        db=db,
        stdin="Je sais pas.\n",
    )
    assert run.code == 0, run.err
    assert roleplay("export", "-o", str(tmp_path), db=db).code == 0
    assert _read_csv(tmp_path / "sessions.csv")[0]["agent"] == '\'=HYPERLINK("x")'


def test_json_lines_hold_whole_sessions(team, tmp_path):
    run = roleplay("export", "--format", "jsonl", db=team.sam)
    assert run.code == 0, run.err
    lines = [json.loads(line) for line in run.out.splitlines()]
    stored = {s.id: s for s in team.sessions(team.sam)}
    assert len(lines) == len(stored)
    for session in lines:
        assert session == stored[session["id"]].stored()
        file = SessionStore(open_database(team.sam)).database.session_file(session["id"])
        assert session == json.loads(file.read_text(encoding="utf-8"))  # as it is stored
    # oldest first, so a file grows at its end
    assert [s["started_at"] for s in lines] == sorted(s["started_at"] for s in lines)
    out = tmp_path / "sessions.jsonl"
    assert roleplay("export", "--format", "jsonl", "-o", str(out), db=team.sam).code == 0
    assert out.read_text(encoding="utf-8") == run.out
