"""A team lead's review goes back to the agent: the agent's sessions travel to the lead in
a bundle, the lead comments and overrides, 'export --reviews' writes the reviews, and
the agent's 'import' puts them on their own sessions — once, whatever the number of
imports — where every scorecard shows them."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Static

from simulator.cli.main import cli
from simulator.i18n.catalogue import Text
from simulator.reports.session import render_session
from simulator.store.sessions import SessionStore, open_database
from simulator.tui.app import make_app
from simulator.tui.feedback_page import feedback_page
from simulator.tui.scorecard import ScorecardScreen
from tests.made_sessions import made_session
from tests.tui.conftest import LIBRARY


def _roleplay(db: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result.output


def _store(db: Path) -> SessionStore:
    return SessionStore(open_database(db))


@pytest.fixture
def trip(tmp_path):
    """Sam's own database (three sessions), and the lead's, built by importing Sam's
    bundle; the lead then reviews two of the sessions and one Sam never sent."""
    agent, lead = tmp_path / "sam" / "roleplay.json", tmp_path / "lead" / "roleplay.json"
    sam = _store(agent)
    for n in range(3):
        sam.put(made_session(f"sam-{n}", "Sam", n + 1, scores={"empathy": 40, "pacing": 70}))
    sam.override_score("sam-1", "pacing", 90, "Calm pace, measured by ear.", "Sam")
    _roleplay(agent, "export", "--bundle", str(tmp_path / "sam.zip"), "--agent", "Sam")
    _roleplay(lead, "import", str(tmp_path / "sam.zip"))
    dana = _store(lead)
    dana.add_comment("sam-0", 1, "Say sorry before explaining.", "Dana")
    dana.add_comment("sam-1", None, "Much better opening.", "Dana")
    dana.add_comment("sam-1", 1, "Slow down here.", "Dana")
    dana.override_score("sam-1", "pacing", 55, "Rushed the refund part.", "Dana")
    dana.put(made_session("other-0", "Sam", 9))  # Sam's, but not on Sam's machine
    dana.add_comment("other-0", None, "Typed on the lead's machine.", "Dana")
    reviews = tmp_path / "reviews.zip"
    said = _roleplay(lead, "export", "--reviews", str(reviews), "--agent", "sam")
    assert said.strip() == f"{reviews}: 4 comments and 1 override on 3 sessions of Sam."
    return agent, lead, reviews


def test_the_reviews_bundle_holds_reviews_not_sessions(trip):
    _agent, _lead, reviews = trip
    with zipfile.ZipFile(reviews) as bundle:
        assert sorted(bundle.namelist()) == ["manifest.json", "reviews.json"]
        manifest = json.loads(bundle.read("manifest.json"))
        held = json.loads(bundle.read("reviews.json"))
    assert manifest["format"] == "roleplay-bundle" and manifest["version"] == 2
    assert manifest["kind"] == "reviews" and manifest["reviewers"] == ["Dana"]
    assert sorted(r["id"] for r in held) == ["other-0", "sam-0", "sam-1"]
    assert all("transcript" not in r and "scorecard" not in r for r in held)


def test_the_agent_imports_the_reviews_once(trip):
    agent, lead, reviews = trip
    said = _roleplay(agent, "import", str(reviews))
    assert f"{reviews}: 3 comments and 1 override from Dana on 2 sessions." in said
    assert "1 session of the bundle is not in this database: its reviews were left out." in said
    sam, dana = _store(agent), _store(lead)
    assert "other-0" not in sam.ids()  # a review never makes up a session
    for session_id in ("sam-0", "sam-1"):
        mine, theirs = sam.get(session_id), dana.get(session_id)
        assert sorted(c.id for c in mine.comments) == sorted(c.id for c in theirs.comments)
        assert mine.overrides == theirs.overrides
    # the lead's override replaced Sam's own on the same dimension, and the overall
    # follows it, in the index as in the session, as on the lead's machine
    session = sam.get("sam-1")
    assert session.overrides["pacing"].score == 55 and session.overrides["pacing"].author == "Dana"
    summary = next(s for s in sam.history() if s.id == "sam-1")
    assert summary.effective_overall == session.effective_overall
    assert session.effective_overall == dana.get("sam-1").effective_overall
    shown = {h["id"]: h for h in json.loads(_roleplay(agent, "history", "--json"))}
    assert shown["sam-1"]["overall"] == session.effective_overall
    assert shown["sam-1"]["scores"]["pacing"] == 55

    before = (
        agent.read_bytes(),
        {p.name: p.read_bytes() for p in sam.database.sessions_dir.iterdir()},
    )
    again = _roleplay(agent, "import", str(reviews))
    assert f"{reviews}: nothing new, these reviews were already here." in again
    after = (
        agent.read_bytes(),
        {p.name: p.read_bytes() for p in sam.database.sessions_dir.iterdir()},
    )
    assert after == before


def test_the_agents_scorecards_show_the_review(trip, tmp_path):
    agent, _lead, reviews = trip
    _roleplay(agent, "import", str(reviews))
    session = _store(agent).get("sam-1")
    for fmt in ("md", "html"):
        document = render_session(session, fmt)
        assert "Relu par Dana le " in document  # a French call's document is in French
        assert "Much better opening." in document and "Slow down here." in document
        assert "Modifiée par Dana le " in document and "Rushed the refund part." in document
    page = feedback_page(session, Text("en"))
    assert "Reviewed by Dana on " in page and "Changed by Dana on " in page
    assert "Pacing: 55" in page and "Rushed the refund part." in page
    assert "Much better opening." in page and "Whole call" in page
    out = tmp_path / "sam-1.md"
    _roleplay(agent, "report", "session", "sam-1", "--format", "md", "-o", str(out))
    assert "Relu par Dana le " in out.read_text(encoding="utf-8")


async def test_the_terminal_scorecard_has_a_feedback_tab(trip, tmp_path):
    agent, _lead, reviews = trip
    _roleplay(agent, "import", str(reviews))
    app = make_app(_store(agent), LIBRARY, audio_root=tmp_path / "audio", locale="en")
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        app.open_scorecard("sam-1")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
        await pilot.press("6")
        await pilot.pause()
        page = str(app.screen.query_one("#feedback-page", Static).render())
        assert "Reviewed by Dana on " in page and "Slow down here." in page
        assert "Changed by Dana on " in page


def test_reviews_are_refused_whole_when_they_name_no_dimension(trip, tmp_path):
    agent, _lead, reviews = trip
    with zipfile.ZipFile(reviews) as source:
        manifest, held = source.read("manifest.json"), json.loads(source.read("reviews.json"))
    sam1 = next(r for r in held if r["id"] == "sam-1")
    sam1["overrides"]["warmth"] = sam1["overrides"].pop("pacing")
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as out:
        out.writestr("manifest.json", manifest)
        out.writestr("reviews.json", json.dumps(held))
    before = agent.read_bytes()
    said = _roleplay(agent, "import", str(bad), code=2)
    assert "overrides.warmth names no dimension roleplay scores" in said
    assert agent.read_bytes() == before


def test_a_reviews_bundle_needs_an_agent_with_reviews(trip, tmp_path):
    _agent, lead, _reviews = trip
    out = tmp_path / "more.zip"
    said = _roleplay(lead, "export", "--reviews", str(out), code=2)
    assert "--reviews sends reviews back to one agent; name them with --agent" in said
    _store(lead).put(made_session("jo-0", "Jo", 3))
    said = _roleplay(lead, "export", "--reviews", str(out), "--agent", "Jo", code=2)
    assert "no comments or score overrides on the sessions of Jo" in said
    assert not out.exists()


def test_reviews_import_is_said_in_french(trip, monkeypatch):
    agent, _lead, reviews = trip
    monkeypatch.setenv("ROLEPLAY_LANG", "fr")
    said = _roleplay(agent, "import", str(reviews))
    assert "3 commentaires et 1 note corrigée par Dana sur 2 séances." in said
    assert "1 séance du lot n'est pas dans cette base" in said
