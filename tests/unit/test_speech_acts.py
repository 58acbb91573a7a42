"""What a stretch of speech does: the words behind the dead-air and interruption checks."""

import pytest

from scoring.speech_acts import (
    asks,
    asks_to_hold,
    cut_off,
    echoes,
    is_backchannel,
    is_courtesy,
    keeps_floor,
    offers_more,
    waits,
)
from scoring.transcript import Transcript, Turn


@pytest.mark.parametrize(
    "text,locale",
    [
        ("No, that'll be all, thank you very much.", "en"),
        ("no that was going to be it", "en"),
        ("uhm no i don't think so i think that's it you've been very helpful", "en"),
        ("Thank you for calling, have a great day.", "en"),
        ("Hi, how are you doing today?", "en"),
        ("you too bye bye", "en"),
        ("Non, ce sera tout, merci beaucoup, au revoir.", "fr"),
        ("Merci à vous, bonne journée.", "fr"),
        ("Bonjour, ça va ?", "fr"),
        ("Merci de votre appel, bonne journée !", "fr"),
    ],
)
def test_greetings_thanks_goodbyes_and_closings_are_courtesy(text, locale):
    assert is_courtesy(text, locale)


@pytest.mark.parametrize(
    "text,locale",
    [
        ("My card was charged twice and nobody called me back.", "en"),
        ("Thanks, but my card is still blocked.", "en"),
        ("hi my name is linda smith i need to check my account balance", "en"),
        ("Ma facture est fausse.", "fr"),
        ("Merci, mais vous m'avez encore facturé l'option.", "fr"),
    ],
)
def test_the_matter_of_the_call_is_not_courtesy(text, locale):
    assert not is_courtesy(text, locale)


@pytest.mark.parametrize(
    "text,locale,expected",
    [
        ("What is your account number?", "en", True),
        ("okay what is your phone number", "en", True),  # a transcript without punctuation
        ("so that is one two nine is that correct", "en", True),
        ("your savings account balance is ten dollars", "en", False),
        ("I'll send it today. Is that all right?", "en", True),
        ("Quel est votre numéro de client ?", "fr", True),
        ("pouvez vous me donner votre numéro", "fr", True),
        ("Je retire l'option aujourd'hui.", "fr", False),
    ],
)
def test_a_question_hands_over_the_floor(text, locale, expected):
    assert asks(text, locale) is expected


@pytest.mark.parametrize(
    "text,locale",
    [("is there anything else i can help you with", "en"), ("Autre chose pour vous ?", "fr")],
)
def test_the_closing_question(text, locale):
    assert offers_more(text, locale)


@pytest.mark.parametrize(
    "text,locale,hold,wait",
    [
        ("Can I put you on hold for two minutes?", "en", True, False),
        ("Est-ce que je peux vous mettre en attente deux minutes ?", "fr", True, False),
        ("One second.", "en", False, True),
        ("okay let's get in there just a moment", "en", False, True),
        ("Laissez-moi vérifier le dossier.", "fr", False, True),
        ("Attendez. Attendez.", "fr", False, True),
        # "in a minute" inside an answer is not a wait
        (
            "You will get a text in a minute, and the new card will arrive by Friday.",
            "en",
            False,
            False,
        ),
    ],
)
def test_an_announced_hold_is_not_a_bare_wait(text, locale, hold, wait):
    assert asks_to_hold(text, locale) is hold
    assert waits(text, locale) is wait


@pytest.mark.parametrize(
    "text,locale,expected",
    [
        ("okay", "en", True),  # took the floor without answering yet
        ("one second let me pull this up", "en", True),
        ("Un instant, je regarde.", "fr", True),
        ("your checking account balance is eighty one dollars", "en", False),
        ("Je vous envoie le remplacement aujourd'hui.", "fr", False),
    ],
)
def test_who_still_owes_the_answer(text, locale, expected):
    assert keeps_floor(text, locale) is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("and you want me to—", True),
        ("il pourrait—", True),
        ("which car~", True),
        ("I have my card.", False),
        ("Bien sûr - merci", False),
    ],
)
def test_cut_off_speech_ends_on_a_dash(text, expected):
    assert cut_off(text) is expected


@pytest.mark.parametrize(
    "said,heard,locale,expected",
    [
        ("two seventeen", "my address is two seventeen", "en", True),
        ("a hundred and one okay", "that's gonna be a hundred and one dollars", "en", True),
        ("zéro six douze", "c'est le zéro six douze", "fr", True),
        # a short reply that happens to reuse the customer's words is not a read-back
        ("I know why", "I want to know why you charged me", "en", False),
        ("Pas de souci", "J'ai un souci avec ma facture", "fr", False),
    ],
)
def test_a_read_back_echoes_what_was_just_said(said, heard, locale, expected):
    assert echoes(said, heard, locale) is expected


@pytest.mark.parametrize("text,locale", [("[noise] okay", "en"), ("[rire] d'accord", "fr")])
def test_transcription_marks_are_not_speech(text, locale):
    assert is_backchannel(text, locale)


def test_consecutive_segments_of_one_speaker_are_one_run():
    transcript = Transcript(
        locale="en",
        turns=[
            Turn(speaker="agent", text="hello this is the bank", start=0.0, end=2.0),
            Turn(speaker="agent", text="how can i help you today", start=2.5, end=4.0),
            Turn(speaker="customer", text="hi", start=5.0, end=5.3),
            Turn(speaker="customer", text="i lost my card", start=5.8, end=7.0),
            Turn(speaker="agent", text="which card", start=7.5, end=8.0),
        ],
    )
    runs = transcript.runs()
    assert [(r.speaker, r.indices) for r in runs] == [
        ("agent", (0, 1)),
        ("customer", (2, 3)),
        ("agent", (4,)),
    ]
    assert (runs[1].start, runs[1].end, runs[1].text) == (5.0, 7.0, "hi i lost my card")
