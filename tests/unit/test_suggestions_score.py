"""What the scorecard suggests saying must itself count as good when said."""

import re

import pytest

from scoring.messages import MESSAGES, say
from scoring.phrases import turn_findings
from scoring.rules import TurnContext
from simulator.authoring.packs import rules_for

CATEGORIES = ["acknowledge", "apologise", "reformulate", "offer_help", "next_step"]


@pytest.mark.parametrize("locale", ["fr", "en"])
@pytest.mark.parametrize("category", CATEGORIES)
def test_the_suggestion_for_a_missing_part_shows_that_part(locale, category):
    suggestion = MESSAGES[f"missing.{category}.fix"][locale]
    said = re.sub(r"[«»\"…]", "", suggestion).strip()
    found = turn_findings(rules_for(locale).for_dimension("empathy"), said, 0, None, TurnContext())
    assert category in {f.category for f in found}, said


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_suggested_wordings_use_no_avoided_phrase(locale):
    rules = rules_for(locale).for_dimension("avoided_phrases")
    for key, texts in MESSAGES.items():
        if key.endswith(".fix"):
            text = texts[locale].format(name="Monsieur Balagtas", wpm=150, low=1, high=2)
            assert turn_findings(rules, text, 0, None, TurnContext()) == [], (key, text)


FITTED = [
    (
        "en",
        "reformulate",
        "missing.reformulate.fix.restated",
        {"problem": "your parcel never arrived"},
    ),
    (
        "fr",
        "reformulate",
        "missing.reformulate.fix.restated",
        {"problem": "votre colis n'est jamais arrivé"},
    ),
    (
        "en",
        "next_step",
        "missing.next_step.fix.action",
        {"action": "I'll check with the warehouse"},
    ),
    (
        "fr",
        "next_step",
        "missing.next_step.fix.action",
        {"action": "Je vais vérifier votre dossier"},
    ),
]


@pytest.mark.parametrize(("locale", "category", "key", "values"), FITTED)
def test_a_suggestion_fitted_to_the_call_still_shows_its_part(locale, category, key, values):
    said = re.sub(r"[«»\"…]", "", say(key, locale, **values)).strip()
    found = turn_findings(rules_for(locale).for_dimension("empathy"), said, 0, None, TurnContext())
    assert category in {f.category for f in found}, said
