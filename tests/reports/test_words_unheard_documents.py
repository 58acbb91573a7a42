"""A call spoken with no word recognised: every scorecard a person reads says that the
outcome and the objectives were not judged, and why."""

from __future__ import annotations

import pytest

from simulator.reports.session import render_session
from simulator.reports.terminal import render_scorecard
from simulator.store.records import SessionRecord
from tests.reports.html_checks import Page, squash
from tests.reports.test_reply_numbers import three_replies


def unheard(locale: str = "en") -> SessionRecord:
    """The three-reply call as spoken with ``--asr none``: no words, scored on the audio."""
    session = three_replies(locale)
    for _, turn in session.transcript.agent_turns():
        turn.text = ""
    card = session.scorecard.model_dump()
    card |= {"words_unheard": True, "objectives": [], "call_result": None, "findings": []}
    card["dimensions"]["empathy"] = {"score": None, "skipped": "no_words"}
    session.apply_scorecard(card)
    return session


@pytest.mark.parametrize(
    ("locale", "outcome", "why"),
    [
        ("en", "resolved (outcome not judged)", "no words were recognised"),
        ("fr", "résolu (issue non jugée)", "aucun mot reconnu"),
    ],
)
def test_every_scorecard_says_the_outcome_was_not_judged(locale, outcome, why):
    session = unheard(locale)
    assert session.scorecard.words_unheard
    shown = render_scorecard(session.scorecard.model_dump(), "resolved", session.transcript)
    html = squash(Page(render_session(session, "html")).text)
    md = render_session(session, "md")
    for text in (shown, html, md):
        assert outcome in text and why in text


def test_a_call_with_words_says_nothing_of_the_kind():
    session = three_replies()
    html = Page(render_session(session, "html")).text
    assert "not judged" not in html and "no words were recognised" not in html
