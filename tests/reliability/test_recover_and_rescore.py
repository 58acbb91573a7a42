"""After a crash, the next start offers to score what was saved; after a rule change,
every stored session can be scored again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from simulator.store.sessions import SessionStore, open_database
from tests.tui.conftest import seed_team

ROLEPLAY = str(Path(sys.executable).parent / "roleplay")


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "ROLEPLAY_DB": str(tmp_path / "roleplay.json"), **extra}


def _run(*args: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [ROLEPLAY, *args], input=stdin, capture_output=True, text=True, env=env, timeout=120
    )


def _wait_for(path: Path, test, seconds: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if test(path):
            return
        time.sleep(0.05)
    raise AssertionError(f"{path} never got there")


def _has_a_reply(db: Path) -> bool:
    for file in (db.parent / "roleplay.sessions").glob("*.json"):
        turns = (json.loads(file.read_text()).get("transcript") or {}).get("turns") or []
        if any(t["speaker"] == "agent" for t in turns):
            return True
    return False


def test_a_killed_practice_is_offered_and_scored_on_the_next_start(tmp_path):
    env = _env(tmp_path)
    db = tmp_path / "roleplay.json"
    practice = subprocess.Popen(
        [ROLEPLAY, "practice", "fr-facture-contestee", "--agent", "Alex", "--text"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    practice.stdin.write("Je sais pas trop, je regarde votre dossier.\n")  # he stays, angrier
    practice.stdin.flush()
    _wait_for(db, lambda _: _has_a_reply(db))
    practice.send_signal(signal.SIGKILL)  # the trainee's laptop dies mid-call
    practice.communicate()

    again = _run("practice", "fr-facture-contestee", "--agent", "Alex", "--text", env=env)
    assert again.returncode == 0
    assert "1 practice session stopped before being scored" in again.stderr
    assert "'roleplay recover'" in again.stderr

    recovered = _run("recover", env=env)
    assert recovered.returncode == 0, recovered.stderr
    assert "fr-facture-contestee by Alex" in recovered.stdout and "1 reply" in recovered.stdout
    history = json.loads(_run("history", "--json", env=env).stdout)
    cut = [s for s in history if s["outcome"] == "interrupted"]
    assert len(cut) == 1 and cut[0]["status"] == "scored"
    store = SessionStore(open_database(db))
    findings = store.get(cut[0]["id"]).scorecard.findings
    assert any(f.rule == "avoided.je-ne-sais-pas" for f in findings)
    assert "owner" not in next(s for s in store.history() if s.id == cut[0]["id"]).entry()
    assert _run("recover", env=env).stdout.startswith("No interrupted session")


def test_recover_refuses_a_session_that_is_not_interrupted(tmp_path):
    run = _run("recover", "nosuchsession", env=_env(tmp_path))
    assert run.returncode == 2 and "not an interrupted session: nosuchsession" in run.stderr
    assert "Traceback" not in run.stderr


ORG_PACK = """pack: team-words
locale: fr
dimension: avoided_phrases
rules:
  - id: pas-mon-probleme
    type: substitution
    message: Never tell a customer their problem is not yours.
    swap:
      pas mon probleme: "Je m'en occupe."
    examples:
      flag: ["C'est pas mon problème."]
      pass: ["Je m'en occupe."]
"""


def test_rescore_after_a_rule_pack_is_added(tmp_path):
    store = SessionStore(open_database(tmp_path / "roleplay.json"))
    seed_team(store)  # Sam said "c'est pas mon problème" twice
    store.add_comment("sam-1", 1, "À revoir.", "Dana")
    store.override_score("sam-1", "empathy", 50, "Ton calme", "Dana")
    env = _env(tmp_path)
    same = _run("rescore", "--jobs", "2", env=env)
    assert same.returncode == 0, same.stderr
    assert "Rescored 6 sessions" in same.stdout and "0 scorecards changed" in same.stdout

    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "team.yml").write_text(ORG_PACK, encoding="utf-8")
    (tmp_path / "settings.yml").write_text(f"rule_dirs: [{tmp_path / 'packs'}]\n")
    env["ROLEPLAY_SETTINGS"] = str(tmp_path / "settings.yml")
    run = _run("rescore", "--jobs", "2", env=env)
    assert run.returncode == 0, run.stderr
    assert "Rescored 6 sessions" in run.stdout and "2 scorecards changed" in run.stdout
    assert "2 processes" in run.stdout and "per second" in run.stdout
    store = SessionStore(open_database(tmp_path / "roleplay.json"))
    session = store.get("sam-1")
    assert any(f.rule == "team-words.pas-mon-probleme" for f in session.scorecard.findings)
    assert [c.text for c in session.comments] == ["À revoir."]
    assert session.overrides["empathy"].score == 50
    summary = next(s for s in store.history() if s.id == "sam-1")
    assert summary.scores == session.scores and summary.overall == session.overall
