"""The scorecard document of one session: what happened, what to say instead, in the
session's language, with the reviewer's comments and overrides."""

from __future__ import annotations

import re

import pytest

from simulator.reports.replies import reply_numbers
from simulator.reports.session import render_session
from simulator.store.records import FindingRecord, SessionRecord
from simulator.store.sessions import SessionStore, open_database
from tests.made_sessions import made_session
from tests.reports.conftest import find, roleplay
from tests.reports.html_checks import Page, squash


def _store(db) -> SessionStore:  # type: ignore[no-untyped-def]
    return SessionStore(open_database(db))


def _review(db, session_id: str) -> None:  # type: ignore[no-untyped-def]
    store = _store(db)
    store.add_comment(
        session_id, 1, "Three phrases to avoid in one breath: <script>x</script>", "Dana"
    )
    store.add_comment(session_id, None, "Let's replay the opening on Friday.", "Dana")
    store.override_score(session_id, "empathy", 45, "The apology at the end was sincere.", "Dana")


def _findings(session: SessionRecord) -> list[FindingRecord]:
    return session.scorecard.findings


def test_english_html_shows_each_finding_with_what_to_say_instead(team, tmp_path):
    session = find(team.sessions(team.alex), "Alex", "en-disputed-charge")
    out = tmp_path / "card.html"
    run = roleplay("report", "session", session.id, "-o", str(out), db=team.alex)
    assert run.code == 0, run.err
    assert run.out.strip() == str(out)
    page = Page(out.read_text())
    text = page.text
    phrases = [f for f in _findings(session) if f.dimension == "avoided_phrases"]
    assert {f.rule for f in phrases} >= {"avoided.hurry-up-wait", "avoided.i-dont-know"}
    for finding in _findings(session):
        assert squash(finding.message) in text
        if finding.quote:
            assert squash(finding.quote) in text
        if finding.suggestion and finding.polarity == "negative":
            assert squash(finding.suggestion) in text
    # the reply (numbered among the agent's replies) and time of the first avoided
    # phrase, as the person heard it
    first = phrases[0]
    minutes, seconds = divmod(round(first.time), 60)
    reply = reply_numbers(session.transcript)[first.turn]
    assert f"Reply {reply} · {minutes}:{seconds:02d}" in text
    assert "Why it matters:" in text and "Say instead:" in text
    assert [e.attrs["lang"] for e in page.elements if e.tag == "html"] == ["en"]


def test_french_html_is_in_french(team, tmp_path):
    session = find(team.sessions(team.alex), "Alex", "fr-facture-contestee", 0)
    out = tmp_path / "bilan.html"
    assert roleplay("report", "session", session.id, "-o", str(out), db=team.alex).code == 0
    page = Page(out.read_text())
    text = page.text
    assert [e.attrs["lang"] for e in page.elements if e.tag == "html"] == ["fr"]
    for heading in ("Bilan", "Notes", "À travailler", "L'appel", "Humeur au fil de l'appel"):
        assert heading in text, heading
    assert "Pourquoi c'est important\u202f:" in text and "Dites plutôt\u202f:" in text
    assert "« Je sais pas »" in text.replace("\xa0", " ")
    months = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    # the first of the month is written « 1er »
    assert re.search(rf"(1er|\d+) ({months.replace(' ', '|')}) \d{{4}} à \d\d:\d\d", text)
    assert "Whole call" not in text and "Why it matters" not in text


def test_overrides_and_comments_appear_in_both_documents(team):
    session = find(team.sessions(team.alex), "Alex", "en-disputed-charge")
    _review(team.alex, session.id)
    reviewed = _store(team.alex).get(session.id)
    original = reviewed.scores["empathy"]
    for fmt in ("html", "md"):
        document = render_session(reviewed, fmt)
        text = Page(document).text if fmt == "html" else document
        assert "The apology at the end was sincere." in text
        assert f"45 (original score: {original})" in squash(text).replace("*", "")
        assert "Let's replay the opening on Friday." in text
        assert "Dana" in text
    html = render_session(reviewed, "html")
    # reviewer text is shown, never run
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    md = render_session(reviewed, "md")
    assert "<script>" not in md and r"\<script\>" in md


def test_markdown_lists_findings_with_reply_time_quote_and_suggestion(team):
    session = find(team.sessions(team.sam), "Sam", "fr-sms-frais-bancaires")
    md = render_session(session, "md")
    replies = reply_numbers(session.transcript)
    assert md.startswith("# Bilan\u202f: ")
    assert "## À travailler" in md
    for finding in _findings(session):
        if finding.dimension == "avoided_phrases":
            assert f"« {finding.quote} »" in md.replace("\xa0", " ")
            assert f"Réponse {replies[finding.turn]}" in md
            assert finding.suggestion in md
    # headings are separated by blank lines, so they render as headings
    assert not re.search(r"[^\n]\n#", md)


def test_french_spoken_session_shows_pace_against_the_band(team, tmp_path):
    session = find(team.sessions(team.sam), "Sam", "fr-facture-contestee")
    pacing = session.scorecard.dimensions["pacing"]
    assert pacing.score is not None
    html = render_session(session, "html")
    page = Page(html)
    assert "Débit par réponse" in page.text
    low, high = (round(v) for v in pacing.detail("band"))
    assert f"{low}–{high} mots/min" in html
    replies = reply_numbers(session.transcript)
    for turn in pacing.detail("per_turn"):
        reply = replies[turn["turn"]]
        assert f"éponse {reply}\u202f: {round(turn['wpm'])}" in html.replace(",", ".")


def test_the_call_shows_when_each_timed_turn_began(store):
    session_id = store.start("Alex", "en-disputed-charge", "en")
    turns = [
        {"speaker": "customer", "text": "I was charged twice.", "start": 0.0, "end": 2.4},
        {"speaker": "agent", "text": "I'm sorry, let me look.", "start": 65.2, "end": 67.0},
        {"speaker": "customer", "text": "Thank you."},  # no timing: no time shown
    ]
    store.save_transcript(session_id, {"locale": "en", "turns": turns})
    text = Page(render_session(store.get(session_id), "html")).text
    # the customer's turns show when they began; the agent's replies are numbered too
    assert "0:00 Customer" in text and "Reply 1 · 1:05" in text
    assert "Turn" not in text and "Reply 2" not in text


def test_a_session_stopped_before_scoring_still_renders(store):
    session_id = store.start("Alex", "fr-facture-contestee", "fr")
    html = render_session(store.get(session_id), "html")
    assert "n'a pas été notée" in Page(html).text


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_markdown_or_html_by_default_places(team, tmp_path, fmt):
    session = team.sessions(team.sam)[0]
    here = tmp_path / "here"
    here.mkdir()
    run = roleplay("report", "session", session.id[:6], "--format", fmt, db=team.sam, cwd=here)
    assert run.code == 0, run.err
    if fmt == "html":
        assert run.out.strip() == f"{session.id}.html"
        assert (here / f"{session.id}.html").read_text().startswith("<!DOCTYPE html>")
    else:
        assert run.out.startswith("# ") and not list(here.iterdir())


def test_to_work_on_is_numbered_one_two_three_whatever_the_praise_between():
    """Praise is listed under "Well done", so it takes no number from "To work on"."""
    session = made_session("n1", "Alex", 1, phrases=[("avoided.a", "je sais pas")])
    praise = {"dimension": "empathy", "polarity": "positive", "severity": "info", "turn": 1}
    work = {"dimension": "empathy", "polarity": "negative", "severity": "warning", "turn": 1}
    session.scorecard.findings = [
        FindingRecord(**praise, message="Belle excuse."),
        *session.scorecard.findings,
        FindingRecord(**praise, message="Bonne reformulation."),
        FindingRecord(**work, message="Nommez le client."),
    ]
    md = render_session(session, "md")
    assert re.findall(r"^### (\d+)\.", md, re.M) == ["1", "2"]
    html = render_session(session, "html")
    assert re.findall(r'id="finding-(\d+)"', html) == ["1", "2"]
    assert re.findall(r'id="well-done-(\d+)"', html) == ["1", "2"]
    # each link from the call goes to the finding with that number
    assert re.findall(r'href="#((?:finding|well-done)-\d+)"', html) == [
        "well-done-1",
        "finding-1",
        "well-done-2",
        "finding-2",
    ]
    text = Page(html).text
    assert "1. Phrases à éviter" in text and "2. Empathie" in text


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_the_document_lists_each_objective_met_or_missed(team, fmt):
    session = find(team.sessions(team.alex), "Alex", "en-disputed-charge")
    objectives = session.scorecard.objectives
    assert objectives, "a practice session's scorecard checks the scenario's objectives"
    text = render_session(session, fmt)
    text = Page(text).text if fmt == "html" else text
    for objective in objectives:
        mark = "✓" if objective.met else "✗"
        assert re.search(rf"{mark}\s+{re.escape(objective.text)}", squash(text)), objective.text
    assert "Objectives" in text
