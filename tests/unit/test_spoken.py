"""Normalising spoken text, and quoting the agent's own words back."""

from __future__ import annotations

import re

import pytest

from scoring.spoken import normalise, strip_accents, words


def _text(text: str, locale: str) -> str:
    return normalise(text, locale).text


def _quote(text: str, locale: str, pattern: str) -> str:
    """The original words behind the first match of ``pattern`` in the normal form."""
    norm = normalise(text, locale)
    match = re.search(pattern, norm.text, re.IGNORECASE)
    assert match, f"{pattern!r} not in {norm.text!r}"
    return norm.quote(match.start(), match.end())


# --- the normal form -------------------------------------------------------------------


def test_strip_accents() -> None:
    assert strip_accents("Désolé, ça a dû être pénible") == "Desole, ca a du etre penible"


@pytest.mark.parametrize(
    ("said", "normal"),
    [
        ("Je suis désolée", "Je suis desolee"),
        ("Êtes-vous prêt ?", "Etes vous pret ?"),
        # the negation's "ne" is dropped, as speakers drop it
        ("je ne sais pas", "je sais pas"),
        ("Je ne peux pas être dérangé", "Je peux pas etre derange"),
        ("Ne reviens pas", "reviens pas"),
        ("Vous n'y connaissez rien", "Vous y connaissez rien"),
        ("On n'aime pas ton genre ici", "On aime pas ton genre ici"),
        # ... and what is left elides, as it does in speech
        ("je n'ai pas le temps", "j'ai pas le temps"),
        ("Je n'en sais rien", "J'en sais rien"),
        ("ce n'est pas mon problème", "c'est pas mon probleme"),
        ("je n'y peux rien", "j'y peux rien"),
        # "j'" before a consonant is "je"; before a vowel it stays
        ("j'sais pas", "je sais pas"),
        ("j'ai raison", "j'ai raison"),
        # curly apostrophes are straightened
        ("je n’ai pas", "j'ai pas"),
        # hyphens and commas become spaces
        ("Attendez-vous à recevoir un e-mail", "Attendez vous a recevoir un e mail"),
        ("Oui, bien sûr", "Oui bien sur"),
        ("Je ne sais pas…", "Je sais pas"),
        # hesitations go, spaces collapse
        ("Euh, je, heu, vérifie   ça", "je verifie ca"),
        ("Bah je sais pas", "je sais pas"),
        # "ne" inside a word, and "une", are not the negation
        ("une personne neuve", "une personne neuve"),
    ],
)
def test_french_normal_form(said: str, normal: str) -> None:
    assert _text(said, "fr") == normal


@pytest.mark.parametrize(
    ("said", "normal"),
    [
        ("I don't know", "I do not know"),
        ("I can't be bothered", "I can not be bothered"),
        ("I cannot help", "I can not help"),
        ("You won't have to wait", "You will not have to wait"),
        ("It ain't right", "It is not right"),
        ("I'm sorry, you're right", "I am sorry you are right"),
        ("I'll call, we've checked", "I will call we have checked"),
        ("Dunno", "do not know"),
        # "'s" and "'d" are ambiguous and stay as they are
        ("That's our policy, I'd say", "That's our policy I'd say"),
        ("Um, hold on, uh, a sec", "hold on a sec"),
        ("a follow-up e-mail", "a follow up e mail"),
        ("I don’t know", "I do not know"),
    ],
)
def test_english_normal_form(said: str, normal: str) -> None:
    assert _text(said, "en") == normal


def test_french_rules_only_apply_to_french() -> None:
    assert _text("je ne sais pas", "en") == "je ne sais pas"
    assert _text("I don't know", "fr") == "I don't know"


@pytest.mark.parametrize(
    ("said", "locale"),
    [
        ("Euh, je ne sais pas, désolée… Attendez-vous à un e-mail.", "fr"),
        ("Ce n'est pas mon problème, je n'en sais rien", "fr"),
        ("Um, I don't know, I can't, I'm sorry, dunno", "en"),
        ("", "fr"),
    ],
)
def test_every_character_maps_back_in_order(said: str, locale: str) -> None:
    norm = normalise(said, locale)
    assert len(norm.index) == len(norm.text)
    assert all(0 <= i < len(said) for i in norm.index)
    assert list(norm.index) == sorted(norm.index)


# --- quotes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "pattern", "quote"),
    [
        ("Euh, je ne sais pas, désolé.", "je sais pas", "je ne sais pas"),
        ("Euh, je ne sais pas, désolé.", "desole", "désolé"),
        ("Dépêchez-vous !", "depechez vous", "Dépêchez-vous"),
        ("Bon, je n'ai pas le temps.", "j'ai pas le temps", "je n'ai pas le temps"),
        ("Ce n'est pas mon problème.", "c'est pas mon probleme", "Ce n'est pas mon problème"),
        ("Vous n'y connaissez rien.", "vous y connaissez rien", "Vous n'y connaissez rien"),
        # a dropped "ne" just before the quote belongs to it
        ("Ne reviens pas.", "reviens pas", "Ne reviens pas"),
        ("Une minute, ne bougez pas.", "bougez pas", "ne bougez pas"),
        ("Je n’ai pas le temps", "j'ai pas", "Je n’ai pas"),
        # never cut mid-word
        ("Je suis désolée", "desole", "désolée"),
        ("Monsieur Balagtas, nous devons d'abord…", "balagtas", "Balagtas"),
    ],
)
def test_french_quotes_are_the_agents_words(said: str, pattern: str, quote: str) -> None:
    assert _quote(said, "fr", pattern) == quote


@pytest.mark.parametrize(
    ("said", "pattern", "quote"),
    [
        ("Sorry, I don't know.", "i do not know", "I don't know"),
        ("Sorry, I don't know.", "do not", "don't"),
        ("I can't be bothered", "can not", "can't"),
        ("I can't be bothered", "not be bothered", "can't be bothered"),
        ("Well, I'm sorry", "am sorry", "I'm sorry"),
        ("Um, dunno", "do not know", "dunno"),
        ("You're wrong", "you are wrong", "You're wrong"),
        # "ne" that was never dropped is not pulled into a quote
        ("Ne Win called", "win", "Win"),
    ],
)
def test_english_quotes_are_the_agents_words(said: str, pattern: str, quote: str) -> None:
    assert _quote(said, "en", pattern) == quote


def test_an_empty_span_quotes_nothing() -> None:
    norm = normalise("je ne sais pas", "fr")
    assert norm.quote(3, 3) == ""
    assert normalise("", "fr").quote(0, 0) == ""


def test_words() -> None:
    assert words("J'ai 2 colis, aujourd'hui") == ["J'ai", "2", "colis", "aujourd'hui"]
    assert words("c'est bien ça ?") == ["c'est", "bien", "ça"]
