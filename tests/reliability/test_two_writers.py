"""Two roleplay processes on one database: a trainee practising while a lead imports and
reviews. Neither loses the other's writes."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

from simulator.storage import SessionStore, open_database
from tests.reliability.conftest import practise, roleplay_cli

COMMENTS = """
import sys
from simulator.storage import SessionStore, open_database
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
    by_agent = {a: [s for s in sessions if s["agent"] == a] for a in ("Alex", "Jo", "Sam")}
    assert {a: len(s) for a, s in by_agent.items()} == {"Alex": 150, "Jo": 150, "Sam": 300}
    assert len({s["id"] for s in sessions}) == 600
    for session in by_agent["Alex"] + by_agent["Jo"]:
        assert session["status"] == "scored" and session["agent_turns"] == 3
    for session_id in reviewed:
        assert [c["text"] for c in store.get(session_id)["comments"]] == ["Reformulate first."]
