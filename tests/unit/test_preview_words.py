"""Preview writes a branch's conditions in words, in the reader's language, never as the
data the file holds."""

from __future__ import annotations

import pytest

from simulator.authoring.preview import describe_condition
from simulator.conversation.scenario import Condition
from simulator.i18n.catalogue import Text

CASES = [
    ({"empathy_min": 2}, "at least 2 signs of empathy", "au moins 2 signes d'empathie"),
    ({"empathy_min": 1}, "at least 1 sign of empathy", "au moins 1 signe d'empathie"),
    ({"avoided_phrase": True}, "a phrase to avoid was said", "une phrase à éviter a été dite"),
    (
        {"avoided_phrase": False},
        "no phrase to avoid was said",
        "aucune phrase à éviter n'a été dite",
    ),
    (
        {"interrupted": "digression"},
        "the agent interrupted a digression",
        "l'agent a interrompu une digression",
    ),
    (
        {"interrupted": "core"},
        "the agent interrupted the complaint",
        "l'agent a coupé la parole pendant la réclamation",
    ),
    (
        {"empathy": ["apologise", "next_step"]},
        "the reply showed an apology or a next step (what, when, who)",
        "la réponse montre des excuses ou une prochaine étape (quoi, quand, qui)",
    ),
    (
        {"says": ["par ecrit", "in writing"]},
        "the reply says 'par ecrit' or 'in writing'",
        "la réponse dit 'par ecrit' ou 'in writing'",
    ),
    ({"silent": True}, "the agent said nothing", "l'agent n'a rien dit"),
    ({"mood_below": 20}, "the mood is below 20", "l'humeur est sous 20"),
    ({"mood_at_least": 60}, "the mood is at least 60", "l'humeur est d'au moins 60"),
    (
        {"empathy_min": 2, "avoided_phrase": False},
        "no phrase to avoid was said and at least 2 signs of empathy",
        "aucune phrase à éviter n'a été dite et au moins 2 signes d'empathie",
    ),
    (
        {"objectives": ["amount", "refund"]},
        "the call has met 'amount' and 'refund'",
        "l'appel a atteint 'amount' et 'refund'",
    ),
]


@pytest.mark.parametrize(("when", "english", "french"), CASES)
def test_a_condition_in_words(when, english, french):
    condition = Condition.model_validate(when)
    assert describe_condition(condition, Text("en")) == english
    assert describe_condition(condition, Text("fr")) == french


def test_a_branch_without_condition_applies_otherwise():
    assert describe_condition(None, Text("en")) == "otherwise (no condition)"
    assert describe_condition(None, Text("fr")) == "sinon (aucune condition)"


def test_every_condition_has_its_words():
    """A condition added to the model needs its words here (else it reads 'key is value')."""
    worded = {key for when, _, _ in CASES for key in when}
    assert worded == set(Condition.model_fields)
