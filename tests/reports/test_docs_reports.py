"""Every command in docs/reports.md works as written, in the order a team lead runs them."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from simulator.store.sessions import SessionStore, open_database
from tests.reports.conftest import roleplay

PAGE = Path(__file__).resolve().parents[2] / "docs" / "reports.md"
EXAMPLE_ID = "3f2a9c41b7d0"


def commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", PAGE.read_text(), re.S)
    return [line for block in blocks for line in block.strip().splitlines()]


def test_the_page_names_a_session_id_and_runs_only_roleplay():
    found = commands()
    assert found and all(c.startswith("roleplay ") for c in found)
    assert any(EXAMPLE_ID in c for c in found)


def test_every_command_on_the_page(team, tmp_path):
    lead = tmp_path / "lead" / "roleplay.json"
    # The lead already has Sam's sessions; the page shows Alex's arriving.
    assert roleplay("export", "--bundle", str(tmp_path / "sam.zip"), db=team.sam).code == 0
    assert roleplay("import", str(tmp_path / "sam.zip"), db=lead).code == 0
    session_id = team.sessions(team.sam)[0].id
    # The lead has already gone over one of Alex's calls, from an earlier bundle.
    assert roleplay("export", "--bundle", str(tmp_path / "early.zip"), db=team.alex).code == 0
    assert roleplay("import", str(tmp_path / "early.zip"), db=lead).code == 0
    reviewed = team.sessions(team.alex)[0].id
    lead_store = SessionStore(open_database(lead))
    lead_store.add_comment(reviewed, 1, "Say sorry first.", "Dana")
    lead_store.override_score(reviewed, "empathy", 70, "Warm all along.", "Dana")
    on_alex = (["export", "--bundle"], ["import", "alex-review.zip"])
    for command in commands():
        args = shlex.split(command.replace(EXAMPLE_ID, session_id))[1:]
        db = team.alex if args[:2] in on_alex else lead
        run = roleplay(*args, db=db, cwd=tmp_path)
        assert run.code == 0, (command, run.err)
    assert [c.text for c in SessionStore(open_database(team.alex)).get(reviewed).comments] == [
        "Say sorry first."
    ]
    for made in (
        f"{session_id}.html",
        "scorecard.md",
        "alex.zip",
        "alex-review.zip",
        "team.html",
        "team.md",
        "exports/sessions.csv",
        "exports/findings.csv",
        "sessions.jsonl",
    ):
        assert (tmp_path / made).stat().st_size > 0, made
    team_md = (tmp_path / "team.md").read_text()
    assert "Alex" in team_md and "Sam" in team_md and "Team report" in team_md
