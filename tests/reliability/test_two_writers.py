"""Two roleplay processes on one database: a trainee practising while a lead imports and
reviews. Neither loses the other's writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from simulator.store.sessions import SessionStore, open_database
from tests.reliability.conftest import practise, roleplay_cli

COMMENTS = """
import sys
from simulator.store.sessions import SessionStore, open_database
store = SessionStore(open_database(sys.argv[1]))
for session_id in sys.argv[2:]:
    store.add_comment(session_id, 1, "Reformulate first.", "Dana")
"""


def test_practice_and_import_and_review_at_once(tmp_path, bundle):
    db = tmp_path / "roleplay.json"
    with zipfile.ZipFile(bundle) as archive:
        imported = [s["id"] for s in json.loads(archive.read("sessions.json"))]
    reviewed = imported[:60]
    alex = practise(db, 150, "Alex")
    jo = practise(db, 150, "Jo")
    lead = roleplay_cli("import", str(bundle), db=db)
    _, err = lead.communicate(timeout=120)
    assert lead.returncode == 0, err
    comments = subprocess.run(
        [sys.executable, "-c", COMMENTS, str(db), *reviewed], capture_output=True, text=True
    )
    assert comments.returncode == 0, comments.stderr
    for trainee in (alex, jo):
        out, _ = trainee.communicate(timeout=300)
        assert trainee.returncode == 0
        assert out.count("scored ") == 150

    store = SessionStore(open_database(db))
    sessions = store.history()
    by_agent = {a: [s for s in sessions if s.agent == a] for a in ("Alex", "Jo", "Sam")}
    assert {a: len(s) for a, s in by_agent.items()} == {"Alex": 150, "Jo": 150, "Sam": 300}
    assert len({s.id for s in sessions}) == 600
    for session in by_agent["Alex"] + by_agent["Jo"]:
        assert session.status == "scored" and session.agent_turns == 3
    for session_id in reviewed:
        assert [c.text for c in store.get(session_id).comments] == ["Reformulate first."]


ORG_PACK = """pack: team
locale: fr
dimension: avoided_phrases
rules:
  - id: bonjour
    type: substitution
    message: A rule every one of these calls triggers.
    swap:
      je: "je"
    examples:
      flag: ["Je vois."]
      pass: ["Bien sûr."]
"""


KEEP_COMMENTING = """
import itertools, json, os, sys
from collections import Counter
from simulator.store.sessions import SessionStore, open_database
store = SessionStore(open_database(sys.argv[1]))
stop, ids, said = sys.argv[2], sys.argv[3:], Counter()
print("started", flush=True)
for session_id in itertools.cycle(ids):
    if os.path.exists(stop):
        break
    store.add_comment(session_id, 1, "Reformulate first.", "Dana")
    said[session_id] += 1
print(json.dumps(said))
"""


def test_a_rescore_keeps_the_comments_written_while_it_runs(tmp_path):
    db = tmp_path / "roleplay.json"
    proc = practise(db, 300, "Alex")
    proc.communicate(timeout=120)
    ids = [s.id for s in SessionStore(open_database(db)).history()]
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "team.yml").write_text(ORG_PACK, encoding="utf-8")
    settings = tmp_path / "settings.yml"
    settings.write_text(f"rule_dirs: [{tmp_path / 'packs'}]\n")
    env = {**os.environ, "ROLEPLAY_SETTINGS": str(settings)}
    stop = tmp_path / "stop"
    reviewer = subprocess.Popen(
        [sys.executable, "-c", KEEP_COMMENTING, str(db), str(stop), *ids[::5]],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert reviewer.stdout.readline().strip() == "started"
    rescore = subprocess.run(
        [str(Path(sys.executable).parent / "roleplay"), "rescore", "--db", str(db)],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    stop.touch()
    said = json.loads(reviewer.communicate(timeout=60)[0])
    assert rescore.returncode == 0, rescore.stderr
    assert "Rescored 300 sessions" in rescore.stdout
    assert "300 scorecards changed" in rescore.stdout
    assert sum(said.values()) > 60  # the reviewer kept writing all through the rescore
    store = SessionStore(open_database(db))
    for session_id in ids:
        session = store.get(session_id)
        rules = {f.rule for f in session.scorecard.findings}
        assert "team.bonjour" in rules, session_id
        assert len(session.comments) == said.get(session_id, 0), session_id
