"""Deleting a session takes it out of the files roleplay wrote from it: a CSV or JSON Lines
export is written again without it, a bundle without it and its audio, a scorecard
document about it is erased; forgetting an agent goes through the same code. What was
changed is said, file by file."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

from click.testing import CliRunner
from textual.widgets import DataTable

from simulator.cli.main import cli
from simulator.store.sessions import SessionStore, open_database
from simulator.tui.app import make_app
from simulator.tui.confirm_dialog import ConfirmDialog
from simulator.tui.review import ReviewScreen
from tests.made_sessions import made_session
from tests.tui.conftest import LIBRARY

PHRASE = [("avoided.je-ne-sais-pas", "je sais pas")]


def _roleplay(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _team(db: Path) -> SessionStore:
    """Sam's three sessions (the second with a poorer empathy score) and Alex's two, each
    with a recording."""
    store = SessionStore(open_database(db))
    for n, empathy in enumerate((60, 20, 60)):
        scores = {"empathy": empathy, "avoided_phrases": 80}
        store.put(made_session(f"sam-{n}", "Sam", n + 1, scores=scores, phrases=PHRASE))
    for n in range(2):
        store.put(made_session(f"alex-{n}", "Alex", n + 5))
    for session in store.history():
        folder = store.audio_root / session.id
        folder.mkdir(parents=True)
        (folder / "turn-01-agent.ogg").write_bytes(b"OggS" + session.id.encode())
    return store


def test_delete_takes_the_session_out_of_every_export(tmp_path, monkeypatch):
    db = tmp_path / "roleplay.json"
    _team(db)
    exports = tmp_path / "exports"
    _roleplay(db, "export", "--format", "csv", "-o", str(exports))
    _roleplay(db, "export", "--format", "jsonl", "-o", str(tmp_path / "all.jsonl"))
    _roleplay(db, "export", "--bundle", str(tmp_path / "sam.zip"), "--agent", "Sam")
    monkeypatch.chdir(tmp_path)
    _roleplay(db, "report", "session", "sam-1")  # sam-1.html, here
    _roleplay(db, "report", "session", "sam-2", "--format", "md", "-o", str(tmp_path / "s2.md"))
    sessions_before = _read(exports / "sessions.csv")
    alex_before = next(r for r in _read(exports / "agents.csv") if r["agent"] == "Alex")
    assert (tmp_path / "sam-1.html").exists()

    said = _roleplay(db, "delete", "sam-1", "--yes").splitlines()

    assert said[0] == "Deleted the session sam-1."
    rewritten = {
        str(p)
        for p in (
            tmp_path / "all.jsonl",
            tmp_path / "sam.zip",
            exports / "sessions.csv",
            exports / "findings.csv",
            exports / "agents.csv",
        )
    }
    assert said[1] == "5 export files rewritten without it:"
    assert {line.strip() for line in said[2:7]} == rewritten
    assert said[7:] == [
        "1 export file erased, as it held nothing else:",
        f"  {tmp_path / 'sam-1.html'}",
    ]
    # the CSV export: the other rows as they were, the agent's figures without the session
    rows = _read(exports / "sessions.csv")
    assert rows == [r for r in sessions_before if r["id"] != "sam-1"]
    findings = _read(exports / "findings.csv")
    assert findings and {r["session_id"] for r in findings} == {"sam-0", "sam-2"}
    agents = {r["agent"]: r for r in _read(exports / "agents.csv")}
    assert agents["Alex"] == alex_before
    assert agents["Sam"]["sessions"] == "2" and float(agents["Sam"]["empathy"]) == 60
    # JSON Lines and the bundle
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["sam-0", "sam-2", "alex-0", "alex-1"]
    with zipfile.ZipFile(tmp_path / "sam.zip") as bundle:
        names = bundle.namelist()
        manifest = json.loads(bundle.read("manifest.json"))
        held = [s["id"] for s in json.loads(bundle.read("sessions.json"))]
    assert held == manifest["sessions"] == ["sam-0", "sam-2"]
    assert not [n for n in names if "sam-1" in n] and "audio/sam-0/turn-01-agent.ogg" in names
    assert manifest["audio"] == sorted(n for n in names if n.startswith("audio/"))
    # the document about it is gone; the one about another session stays
    assert not (tmp_path / "sam-1.html").exists() and (tmp_path / "s2.md").exists()
    # the bundle still imports, without the session
    lead = tmp_path / "lead.json"
    assert "2 new sessions" in _roleplay(lead, "import", str(tmp_path / "sam.zip"))
    assert "sam-1" not in (tmp_path / "roleplay.json").read_text(encoding="utf-8")


def test_an_export_that_never_held_the_session_is_left_alone(tmp_path):
    db = tmp_path / "roleplay.json"
    store = _team(db)
    exports = tmp_path / "exports"
    _roleplay(db, "export", "--format", "csv", "-o", str(exports), "--agent", "Sam")
    _roleplay(
        db, "export", "--format", "jsonl", "-o", str(tmp_path / "sam.jsonl"), "--agent", "Sam"
    )
    store.put(made_session("sam-9", "Sam", 9, phrases=PHRASE))  # practised after the exports
    files = [tmp_path / "sam.jsonl", *exports.iterdir()]
    before = {p: p.read_bytes() for p in files}
    assert _roleplay(db, "delete", "sam-9", "--yes") == "Deleted the session sam-9.\n"
    assert {p: p.read_bytes() for p in files} == before


def test_forget_rewrites_a_shared_csv_export_without_the_agent(tmp_path):
    db = tmp_path / "roleplay.json"
    _team(db)
    exports = tmp_path / "exports"
    _roleplay(db, "export", "--format", "csv", "-o", str(exports))
    alex = [r for r in _read(exports / "sessions.csv") if r["agent"] == "Alex"]
    said = _roleplay(db, "forget", "--agent", "sam", "--yes")
    assert "Erased 3 sessions and 3 recordings of Sam." in said
    assert "3 export files rewritten without them:" in said
    assert _read(exports / "sessions.csv") == alex
    assert _read(exports / "findings.csv") == []  # Alex said nothing to avoid
    assert [r["agent"] for r in _read(exports / "agents.csv")] == ["Alex"]
    assert "Sam" not in db.read_text(encoding="utf-8")


def test_an_export_moved_away_is_struck_off_the_list(tmp_path):
    db = tmp_path / "roleplay.json"
    _team(db)
    _roleplay(db, "export", "--format", "jsonl", "-o", str(tmp_path / "all.jsonl"))
    (tmp_path / "all.jsonl").rename(tmp_path / "moved.jsonl")
    assert _roleplay(db, "delete", "sam-0", "--yes") == "Deleted the session sam-0.\n"
    assert "all.jsonl" not in db.read_text(encoding="utf-8")


async def test_deleting_in_the_terminal_ui_takes_it_out_of_the_exports_too(tmp_path):
    db = tmp_path / "roleplay.json"
    store = _team(db)
    _roleplay(db, "export", "--format", "jsonl", "-o", str(tmp_path / "all.jsonl"))
    app = make_app(store, LIBRARY, audio_root=store.audio_root, locale="en")
    async with app.run_test(size=(130, 40), notifications=True) as pilot:
        app.open_review()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        table = app.screen.query_one("#sessions", DataTable)
        table.focus()
        table.move_cursor(row=table.get_row_index("alex-1"))
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await pilot.pause()
        said = [n.message for n in app._notifications]
    assert "It was also taken out of 1 export file." in said
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert "alex-1" not in {json.loads(line)["id"] for line in lines} and len(lines) == 4
