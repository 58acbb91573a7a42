import json
import os
import signal
import subprocess
import sys
import time

import pytest

from simulator.errors import SimulatorError
from simulator.store.paths import database_path
from simulator.store.sessions import SessionStore, open_database


def test_a_session_is_created_updated_and_scored(store):
    sid = store.start("Alex", "fr-facture-contestee", "fr")
    assert store.get(sid).status == "in_progress"
    store.save_transcript(sid, {"locale": "fr", "turns": [{"speaker": "customer", "text": "Allô"}]})
    store.finish(sid, "resolved", {"overall": 80, "dimensions": {"empathy": {"score": 70}}})
    row = store.get(sid)
    assert row.status == "scored" and row.overall == 80
    assert row.scores == {"empathy": 70}
    assert row.transcript.turns[0].text == "Allô"


def test_history_is_newest_first_and_filters_by_agent(store):
    first = store.start("Alex", "a", "fr")
    second = store.start("Sam", "b", "en")
    third = store.start("Alex", "c", "en")
    assert [r.id for r in store.history()] == [third, second, first]
    assert [r.id for r in store.history("Alex")] == [third, first]


def test_data_survives_reopening(tmp_path):
    path = tmp_path / "db.json"
    sid = SessionStore(open_database(path)).start("Alex", "a", "fr")
    assert SessionStore(open_database(path)).get(sid).agent == "Alex"
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_database_path_precedence(tmp_path, monkeypatch):
    monkeypatch.setenv("ROLEPLAY_DB", str(tmp_path / "env.json"))
    assert database_path(tmp_path / "opt.json") == tmp_path / "opt.json"
    assert database_path(None) == tmp_path / "env.json"


WRITER = """
import sys
from simulator.store.sessions import SessionStore, open_database
store = SessionStore(open_database(sys.argv[1]))
i = 0
while True:
    sid = store.start("Alex", "s%d" % i, "fr")
    store.save_transcript(sid, {"locale": "fr", "turns": [{"speaker": "agent", "text": "x" * 2000}] * 20})
    print(sid, flush=True)
    i += 1
"""


def test_killing_a_writer_never_corrupts_the_file(tmp_path):
    path = tmp_path / "db.json"
    written: list[str] = []
    for kill in range(10):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
        )
        # let it write a few sessions, then kill it wherever it is
        for _ in range(2 + kill % 3):
            written.append(proc.stdout.readline().strip())
        time.sleep(0.001 * kill)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        data = json.loads(path.read_text())  # always whole JSON
        ids = {row["id"] for row in data["sessions"].values()}
        assert set(written) <= ids
        for sid in written:  # and each session's own file is whole
            assert json.loads((tmp_path / "db.sessions" / f"{sid}.json").read_text())["id"] == sid


def test_comments_are_pinned_to_turns(store):
    sid = store.start("Alex", "a", "fr")
    store.add_comment(sid, 3, "Bonne reformulation.", "Lead")
    store.add_comment(sid, None, "À revoir ensemble.", "Lead")
    comments = store.get(sid).comments
    assert [(c.turn, c.text) for c in comments] == [
        (3, "Bonne reformulation."),
        (None, "À revoir ensemble."),
    ]


def test_an_override_keeps_the_original_score(store):
    sid = store.start("Alex", "a", "fr")
    store.finish(
        sid,
        "resolved",
        {
            "overall": 50,
            "weights": {"empathy": 50, "pacing": 50},
            "dimensions": {"empathy": {"score": 40}, "pacing": {"score": 60}},
        },
    )
    store.override_score(sid, "empathy", 70, "The apology was sincere", "Lead")
    store.override_score(sid, "empathy", 80, "Second look", "Lead")
    session = store.get(sid)
    assert session.overrides["empathy"].original == 40
    assert session.overrides["empathy"].score == 80
    assert session.scores["empathy"] == 40
    assert session.effective_scores["empathy"] == 80
    assert session.effective_overall == 70
    (summary,) = store.history()  # the index shows the same scores as the whole record
    assert summary.effective_scores == session.effective_scores
    assert summary.effective_overall == 70


@pytest.mark.parametrize(
    "dimension,score,reason", [("tone", 50, "x"), ("empathy", 120, "x"), ("empathy", 50, " ")]
)
def test_bad_overrides_are_refused(store, dimension, score, reason):
    sid = store.start("Alex", "a", "fr")
    with pytest.raises(SimulatorError):
        store.override_score(sid, dimension, score, reason, "Lead")


def test_a_session_file_from_an_older_roleplay_loads_and_keeps_its_shape(store):
    """Keys an older version did not write take their defaults, and are not added back."""
    sid = store.start("Alex", "fr-facture-contestee", "fr")
    old = {
        "id": sid,
        "agent": "Alex",
        "started_at": "2025-01-01T10:00:00",
        "status": "scored",
        "transcript": {"locale": "fr", "turns": [{"speaker": "agent", "text": "Bonjour"}]},
        "scorecard": {
            "overall": 70,
            "dimensions": {"empathy": {"score": 70}},
            "findings": [{"dimension": "empathy", "rule": "r", "message": "m"}],
        },
        "overall": 70,
        "scores": {"empathy": 70},
    }
    path = store.database.session_file(sid)
    path.write_text(json.dumps(old))
    session = store.get(sid)
    assert session.transcript.turns[0].text == "Bonjour" and session.started.year == 2025
    assert session.comments == [] and session.overrides == {} and session.moods == []
    assert session.scorecard.findings[0].quote == "" and session.scorecard.weights is None
    store.override_score(sid, "empathy", 90, "Warm.", "Lead")
    assert store.get(sid).effective_overall == 90  # the only dimension scored
    written = json.loads(path.read_text())
    assert set(written) == {*old, "overrides"}
    assert written["scorecard"] == old["scorecard"]


def test_a_session_file_with_values_of_the_wrong_kind_is_handled_as_damaged(store):
    sid = store.start("Alex", "fr-facture-contestee", "fr")
    path = store.database.session_file(sid)
    path.write_text(json.dumps({**json.loads(path.read_text()), "overall": "high"}))
    assert store.load(sid) is None
    assert store.get(sid).agent == "Alex"  # its index summary, at least
    store.add_comment(sid, None, "À revoir.", "Lead")
    (aside,) = path.parent.glob(f"{path.name}.damaged-*")
    assert json.loads(aside.read_text())["overall"] == "high"  # kept for whoever mends it
    assert [c.text for c in store.get(sid).comments] == ["À revoir."]
