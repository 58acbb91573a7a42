"""Words said are quoted in the marks of the language around them: “…” in English,
« … » in French, in every place a quote is shown."""

from __future__ import annotations

import pytest

from scoring.quoting import in_quotes
from simulator.reports.session import render_session
from simulator.reports.terminal import render_scorecard
from tests.reports.conftest import find


@pytest.mark.parametrize(
    ("locale", "shown"),
    [("en", "“Hold on”"), ("fr", "«\u00a0Hold on\u00a0»"), ("de", "“Hold on”")],
)
def test_each_language_has_its_marks(locale, shown):
    assert in_quotes("Hold on", locale) == shown


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_an_english_scorecard_quotes_in_english(team, fmt):
    session = find(team.sessions(team.sam), "Sam", "en-disputed-charge")
    quote = next(f.quote for f in session.scorecard.findings if f.quote)
    document = render_session(session, fmt)
    assert "“" in document and "«" not in document
    if fmt == "md":
        assert f"“{quote}”" in document


def test_the_terminal_scorecard_quotes_in_the_calls_language(team):
    english = find(team.sessions(team.sam), "Sam", "en-disputed-charge")
    card = english.scorecard.model_dump()
    shown = render_scorecard(card)
    assert "“" in shown and "«" not in shown
    french = find(team.sessions(team.sam), "Sam", "fr-sms-frais-bancaires")
    assert "«\u00a0" in render_scorecard(french.scorecard.model_dump())
