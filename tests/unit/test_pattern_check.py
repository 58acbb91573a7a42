"""A pattern written the way people write ("don't worry", « je ne sais pas ») can never
match speech in its normal form: the check says so and gives the pattern to write; a
pattern with one alternative in the normal form, or regular-expression syntax, is left
alone."""

from __future__ import annotations

import pytest

from scoring.rules import compile_pattern
from scoring.spoken import normalise
from simulator.authoring.pattern_check import never_matches, spoken_pattern

DEAD = [
    ("en", "don't worry", "do not worry", "Don't worry, I'll look."),
    ("en", "I can't (?:help|do that)", "I can not (?:help|do that)", "I can't help you."),
    ("en", "(?:can't|won't) help", "(?:can not|will not) help", "That won't help."),
    ("en", "I’m sorry", "I am sorry", "I'm sorry."),
    ("en", "e-mail", "e mail", "I'll e-mail you."),
    ("en", "yes, sir", "yes sir", "Yes, sir."),
    ("fr", "je ne sais pas", "je sais pas", "Je ne sais pas."),
    ("fr", "je ne (?:sais|peux) pas", "je (?:sais|peux) pas", "Je ne peux pas."),
    ("fr", "je n'ai pas le temps", "j'ai pas le temps", "Je n'ai pas le temps."),
    ("fr", "attendez-vous", "attendez vous", "Attendez-vous à un appel."),
]
ALIVE = [
    ("en", "(?:don't|do not) worry"),
    ("en", "(?:I'm|I am) sorry"),
    ("en", "(?:you're )?welcome"),
    ("en", "wait(?:ing)?|hold on"),
    ("en", "(?=do not)do|(?!don't)x"),
    ("en", "[a-z]+ing{1,2}"),
    ("fr", "desole|désolé"),
    ("fr", "je sais pas"),
]


@pytest.mark.parametrize(("locale", "pattern", "spoken", "sentence"), DEAD)
def test_a_pattern_as_written_is_refused_and_rewritten(locale, pattern, spoken, sentence):
    assert never_matches(pattern, locale)
    assert spoken_pattern(pattern, locale) == spoken
    # what the agent said, as it is matched: the original misses it, the rewrite finds it
    heard = normalise(sentence, locale).text
    assert not compile_pattern(pattern).search(heard)
    assert compile_pattern(spoken).search(heard)


@pytest.mark.parametrize(("locale", "pattern"), ALIVE)
def test_a_pattern_that_can_match_is_left_alone(locale, pattern):
    assert not never_matches(pattern, locale)


def test_a_hesitation_alone_leaves_nothing():
    assert never_matches("euh", "fr") and spoken_pattern("euh", "fr") == ""
