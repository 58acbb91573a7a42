"""The agent's replies are numbered 1, 2, 3 wherever a person reads them — the terminal
scorecard, the HTML and Markdown documents, their charts, findings.csv — and what is
about no one reply says "whole call"; the transcript's own index stays in the data."""

from __future__ import annotations

import csv
import re

import pytest

from simulator.analytics.team import team_figures
from simulator.reports.exports import FINDING_COLUMNS, write_csv
from simulator.reports.replies import place, reply_numbers
from simulator.reports.session import render_session, session_context
from simulator.reports.terminal import render_scorecard
from simulator.store.records import SessionRecord
from tests.reports.conftest import roleplay
from tests.reports.html_checks import Page, squash

CUSTOMER = ("My kettle never came.", "Is that all?", "And when exactly?", "Fine. Bye.")
AGENT = ("I dunno.", "I'm sorry Mrs Johnson, let me check.", "It comes on Friday by noon.")


def _finding(turn: int | None, **values: object) -> dict:
    return {"polarity": "negative", "severity": "warning", "turn": turn, **values}


def three_replies(locale: str = "en") -> SessionRecord:
    """A spoken call of three replies (transcript indices 1, 3 and 5), with a finding on
    each and one about the whole call."""
    turns = []
    for n, said in enumerate(CUSTOMER):
        turns.append({"speaker": "customer", "text": said, "start": 10.0 * n, "end": 10.0 * n + 4})
        if n < len(AGENT):
            start = 10.0 * n + 5
            turns.append({"speaker": "agent", "text": AGENT[n], "start": start, "end": start + 3})
    findings = [
        _finding(
            1,
            dimension="avoided_phrases",
            rule="avoided.i-dont-know",
            time=5.0,
            quote="I dunno",
            message="Say you will find out.",
            suggestion="Let me check.",
        ),
        _finding(
            3,
            dimension="empathy",
            rule="empathy.apologise",
            polarity="positive",
            severity="info",
            time=15.0,
            quote="I'm sorry",
            message="A real apology.",
        ),
        _finding(
            5,
            dimension="pacing",
            rule="pacing.too-fast",
            time=25.0,
            quote="It comes on Friday",
            message="Slow down.",
        ),
        _finding(
            None,
            dimension="empathy",
            rule="empathy.missing-reformulate",
            message="Say back what the problem is.",
        ),
    ]
    pacing = {
        "score": 80,
        "band": [110, 170],
        "per_turn": [
            {"turn": 1, "wpm": 150.0},
            {"turn": 3, "wpm": 160.0},
            {"turn": 5, "wpm": 190.0},
        ],
    }
    return SessionRecord.model_validate(
        {
            "id": "three-replies",
            "agent": "Sam",
            "scenario": "en-minimal",
            "title": "A parcel that never came",
            "locale": locale,
            "started_at": "2026-11-02T09:00:00+00:00",
            "status": "scored",
            "outcome": "resolved",
            "moods": [40, 30, 45, 55],
            "transcript": {"locale": locale, "customer_name": "Mrs Johnson", "turns": turns},
            "scorecard": {
                "overall": 60,
                "locale": locale,
                "dimensions": {"pacing": pacing, "empathy": {"score": 50}},
                "findings": findings,
                "objectives": [
                    {
                        "id": "when",
                        "text": "Say when it comes.",
                        "kind": "state",
                        "met": True,
                        "turn": 5,
                    },
                ],
            },
            "overall": 60,
            "scores": {"pacing": 80, "empathy": 50},
        }
    )


def test_each_agent_turn_is_numbered_among_the_replies():
    session = three_replies()
    assert reply_numbers(session.transcript) == {1: 1, 3: 2, 5: 3}
    assert reply_numbers(None) == {}


@pytest.mark.parametrize(
    ("locale", "second", "whole"),
    [("en", "reply 2", "whole call"), ("fr", "réponse 2", "tout l'appel")],
)
def test_a_place_is_a_reply_or_the_whole_call_in_each_language(locale, second, whole):
    from simulator.i18n.catalogue import Text

    numbers = reply_numbers(three_replies(locale).transcript)
    assert place(3, numbers, Text(locale)) == second
    assert place(None, numbers, Text(locale)) == whole


def test_the_terminal_scorecard_numbers_the_replies_1_2_3():
    session = three_replies()
    shown = render_scorecard(session.scorecard.model_dump(), "resolved", session.transcript)
    assert "[reply 1] Avoided phrases" in shown
    assert "+ [reply 2] A real apology." in shown
    assert "[reply 3] Pacing" in shown
    assert "[whole call] Empathy" in shown
    assert "✓ Say when it comes. (reply 3)" in shown
    assert "turn" not in shown.lower()


def test_the_score_command_numbers_the_replies_of_a_transcript(tmp_path):
    from tests.functional.test_cli import TRANSCRIPTS

    run = roleplay("score", str(TRANSCRIPTS / "fr-balagtas.json"), db=tmp_path / "db.json")
    assert run.code == 0, run.err
    assert re.search(r"\[réponse \d+\]", run.out)
    assert "[tour " not in run.out


def test_the_html_document_numbers_the_replies_1_2_3():
    text = squash(Page(render_session(three_replies(), "html")).text)
    for shown in ("Reply 1 · 0:05", "Reply 2 · 0:15", "Reply 3 · 0:25", "Whole call"):
        assert shown in text, shown
    # the call itself: the agent's replies numbered, the customer's turns by their time
    assert re.search(r"Reply 1 · 0:05 Sam ?: I dunno\.", text)
    assert re.search(r"[^·] 0:10 Mrs Johnson ?: Is that all\?", text)
    assert "Say when it comes. (reply 3)" in text
    assert "Turn" not in text and "Reply 4" not in text and "Reply 5" not in text


def test_the_markdown_document_numbers_the_replies_1_2_3():
    md = render_session(three_replies(), "md")
    assert "### 1. Avoided phrases — Reply 1 · 0:05" in md
    assert "### 2. Pacing — Reply 3 · 0:25" in md
    assert "### 3. Empathy — Whole call" in md
    assert "- **Reply 2 · 0:15** — A real apology." in md
    assert "Say when it comes. (reply 3)" in md
    assert "Turn" not in md


def _axis(svg: str) -> list[str]:
    return re.findall(r'<text class="axis"[^>]*>([^<]*)</text>', svg)


def test_the_mood_and_pace_charts_name_each_reply():
    charts = session_context(three_replies())["charts"]
    mood, pace = str(charts["mood"]), str(charts["pace"])
    assert [a for a in _axis(mood) if not a.isdigit()] == ["start", "reply 1", "reply 2", "reply 3"]
    assert "Start: 40; reply 1: 30; reply 2: 45; reply 3: 55." in mood
    assert [a for a in _axis(pace) if "reply" in a] == ["reply 1", "reply 2", "reply 3"]
    assert "Reply 1: 150; reply 2: 160; reply 3: 190." in pace


def test_in_french_the_charts_say_reponse():
    charts = session_context(three_replies("fr"))["charts"]
    assert "réponse 3" in _axis(str(charts["mood"]))
    assert "Réponse 1\u202f: 150" in str(charts["pace"])


def test_findings_csv_has_the_reply_beside_the_transcript_index(tmp_path):
    session = three_replies()
    _, findings, _ = write_csv([session], tmp_path, team_figures([session]))
    with findings.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(FINDING_COLUMNS)
    assert [(r["reply"], r["turn"]) for r in rows] == [("1", "1"), ("2", "3"), ("3", "5"), ("", "")]
