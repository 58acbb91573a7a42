"""``roleplay progress --agent NAME``: a trainee's figures under heading rows, the agent
found whatever the spelling, a "did you mean" when nobody is; in English and French."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from simulator.store.sessions import SessionStore, open_database
from tests.made_sessions import made_session


@pytest.fixture
def chloe_db(tmp_path):
    """The database the ``roleplay`` fixture uses."""
    store = SessionStore(open_database(tmp_path / "roleplay.json"))
    store.put_many(
        [
            made_session(
                "c1",
                "Chloé",
                1,
                scores={"empathy": 40, "avoided_phrases": 60},
                objectives=[True, False],
            ),
            made_session(
                "c2",
                "chloe",
                2,
                scores={"empathy": 70, "avoided_phrases": 90},
                objectives=[True, True],
            ),
            made_session(
                "c3",
                "Chloé",
                3,
                scenario="en-disputed-charge",
                title="A fee",
                scores={"empathy": 30, "avoided_phrases": 50},
            ),
            made_session("p1", "Priya Shah", 4),
        ]
    )
    return store


def _cells(line: str) -> list[str]:
    return re.split(r"\s{2,}", line.strip())


def _section(out: str, title: str) -> list[list[str]]:
    """The rows under ``title``, its heading row first, up to the next blank line."""
    lines = out.splitlines()
    start = lines.index(title) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    return [_cells(line) for line in lines[start:end]]


def test_progress_prints_each_table_with_its_heading_row(roleplay, chloe_db):
    run = roleplay("progress", "--agent", "CHLOE")
    assert run.code == 0, run.err
    assert run.out.splitlines()[0].startswith("Progress of Chloé — 3 sessions, from 1 November")
    dimensions = _section(run.out, "Scores by dimension")
    assert dimensions[0] == ["Dimension", "Trend", "First → last", "Average", "Sessions scored"]
    assert ["Empathy", "▄▆▃", "40 → 30", "46.7", "3 of 3"] in dimensions
    assert ["Pacing", "–", "–", "–", "0 of 3"] in dimensions
    sessions = _section(run.out, "Session by session")
    assert sessions[0][0] == "Date" and sessions[0][-1] == "Objectives met"
    assert [(r[0], r[1], r[-1]) for r in sessions[1:]] == [
        ("2026-11-01", "Une option facturée sans accord", "1/2"),
        ("2026-11-02", "Une option facturée sans accord", "2/2"),
        ("2026-11-03", "A fee", "–"),
    ]
    hardest = _section(run.out, "Hardest scenarios (lowest average first)")
    assert hardest == [
        ["Scenario", "Average", "Sessions"],
        ["A fee", "40.0", "1"],
        ["Une option facturée sans accord", "65.0", "2"],
    ]
    assert "Priya" not in run.out


def test_progress_in_french(tmp_path, chloe_db):
    env = {**os.environ, "ROLEPLAY_DB": str(tmp_path / "roleplay.json"), "ROLEPLAY_LANG": "fr"}
    run = subprocess.run(
        [sys.executable, "-m", "simulator", "progress", "--agent", "chloé"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Progrès de Chloé — 3 séances, du 1er novembre 2026")
    dimensions = _section(run.stdout, "Notes par dimension")
    assert dimensions[0] == [
        "Dimension",
        "Tendance",
        "Première → dernière",
        "Moyenne",
        "Séances notées",
    ]
    assert ["Empathie", "▄▆▃", "40 → 30", "46,7", "3 sur 3"] in dimensions
    assert _section(run.stdout, "Séance par séance")[0][-1] == "Objectifs atteints"


def test_an_unknown_agent_is_offered_the_nearest_names(roleplay, chloe_db, tmp_path):
    run = roleplay("progress", "--agent", "Chole")
    assert run.code == 2 and "Traceback" not in run.err
    assert "no sessions of 'Chole'" in run.err and "did you mean 'Chloé'" in run.err
    env = {**os.environ, "ROLEPLAY_DB": str(tmp_path / "roleplay.json"), "ROLEPLAY_LANG": "fr"}
    french = subprocess.run(
        [sys.executable, "-m", "simulator", "progress", "--agent", "Priya Sha"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert french.returncode == 2 and "vouliez-vous dire 'Priya Shah'" in french.stderr


def test_an_agent_with_no_scored_session_is_told_so(roleplay, chloe_db):
    record = chloe_db.get("p1")
    record.status = "in_progress"
    chloe_db.replace(record)
    run = roleplay("progress", "--agent", "priya shah")
    assert run.code == 0, run.err
    assert run.out.strip() == (
        "No scored session of Priya Shah yet: the figures follow a first practice call."
    )
