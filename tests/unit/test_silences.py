"""Dead air: timed from whoever spoke last, and only where the agent owed the answer."""

import pytest

from scoring.pacing import score_pacing
from scoring.silences import silences
from scoring.transcript import Transcript, Turn


def _call(*turns: tuple[str, str, float, float], locale: str = "en") -> Transcript:
    return Transcript(
        locale=locale,
        turns=[
            Turn(speaker=who, text=text, start=start, end=end) for who, text, start, end in turns
        ],
    )


def _dead_air(transcript: Transcript) -> list[tuple[int, str]]:
    return [
        (f.turn, f.message)
        for f in score_pacing(transcript).findings
        if f.rule == "pacing.dead-air" and f.turn is not None
    ]


@pytest.mark.parametrize(
    "customer,locale",
    [
        ("Why was I charged twice this month?", "en"),  # asks
        ("My card was charged twice.", "en"),  # states a problem
        ("Pourquoi ai-je été facturé deux fois ?", "fr"),
        ("On m'a prélevé deux fois ce mois-ci.", "fr"),
    ],
)
def test_silence_after_the_customer_asks_or_complains_is_dead_air(customer, locale):
    call = _call(
        ("customer", customer, 0.0, 3.0),
        ("agent", "I am sorry about that.", 7.5, 9.0),
        locale=locale,
    )
    assert [turn for turn, _ in _dead_air(call)] == [1]
    assert "4.5" in _dead_air(call)[0][1]


def test_silence_after_requested_information_is_dead_air():
    call = _call(
        ("agent", "what is your phone number", 0.0, 1.5),
        ("customer", "five five five one two", 3.0, 5.0),
        ("agent", "your reset link has been sent", 14.0, 16.0),
    )
    assert _dead_air(call) == [(2, "9.0 s of silence before you answered.")]


@pytest.mark.parametrize(
    "question,answer,more,locale",
    [
        (
            "What is my balance?",
            "Your balance is one hundred and twenty dollars.",
            "Is there anything else I can help you with?",
            "en",
        ),
        (
            "Quel est mon solde ?",
            "Votre solde est de cent vingt euros.",
            "Puis-je faire autre chose pour vous ?",
            "fr",
        ),
    ],
)
def test_consecutive_agent_segments_are_timed_from_the_agents_own_end(
    question, answer, more, locale
):
    # The customer stopped at 3.0; the second segment starts 5 s later, but only half a
    # second after the agent's first segment: no dead air.
    call = _call(
        ("customer", question, 0.0, 3.0),
        ("agent", answer, 3.5, 7.5),
        ("agent", more, 8.0, 10.0),
        locale=locale,
    )
    assert _dead_air(call) == []
    per_turn = score_pacing(call).details["per_turn"]
    assert [e["latency"] for e in per_turn] == [0.5, 0.5]


@pytest.mark.parametrize(
    "goodbye,reply,locale",
    [
        ("Thank you, bye!", "Goodbye, have a nice day.", "en"),
        ("no that'll be all thank you", "thank you for calling have a great day", "en"),
        ("Merci, au revoir.", "Au revoir madame, bonne journée.", "fr"),
        ("Non, ce sera tout, merci.", "Merci à vous, bonne journée.", "fr"),
    ],
)
def test_no_dead_air_after_the_customers_own_goodbye(goodbye, reply, locale):
    call = _call(
        ("agent", "Anything else?" if locale == "en" else "Autre chose ?", 0.0, 1.0),
        ("customer", goodbye, 2.0, 3.0),
        ("agent", reply, 9.0, 10.5),
        locale=locale,
    )
    assert _dead_air(call) == []


@pytest.mark.parametrize("locale,backchannel", [("en", "mm"), ("fr", "d'accord")])
def test_no_dead_air_after_a_backchannel(locale, backchannel):
    call = _call(
        ("customer", "I was charged twice.", 0.0, 2.0),
        ("agent", "I see the two payments on your account.", 2.5, 5.0),
        ("customer", backchannel, 5.2, 5.5),
        ("agent", "The second one will be refunded.", 10.0, 12.0),
        locale=locale,
    )
    assert _dead_air(call) == []


@pytest.mark.parametrize(
    "question,again,locale",
    [
        ("What is your account number?", "Are you still there?", "en"),
        ("Quel est votre numéro de client ?", "Vous êtes toujours là ?", "fr"),
    ],
)
def test_no_dead_air_when_the_agent_just_asked_and_the_customer_is_silent(question, again, locale):
    call = _call(
        ("customer", "I lost my card.", 0.0, 2.0),
        ("agent", question, 2.5, 4.0),
        ("agent", again, 11.0, 12.0),
        locale=locale,
    )
    assert _dead_air(call) == []
    assert silences(call)[2].owed is False


@pytest.mark.parametrize(
    "wait,locale",
    [("One second.", "en"), ("okay let me pull this up", "en"), ("Laissez-moi vérifier.", "fr")],
)
def test_a_bare_wait_does_not_explain_a_long_silence(wait, locale):
    # the silence runs from the end of the agent's "one second", and is still theirs
    call = _call(
        ("customer", "What are your opening hours?", 0.0, 2.0),
        ("agent", wait, 2.5, 3.5),
        ("agent", "We are open from nine to five.", 12.5, 14.5),
        locale=locale,
    )
    ((turn, message),) = _dead_air(call)
    assert turn == 2 and message.startswith("9.0 s")


@pytest.mark.parametrize(
    "ask,consent,back,locale",
    [
        (
            "Can I put you on hold for two minutes while I call the depot?",
            "Go on. Two minutes.",
            "Thanks for holding. The driver will come tomorrow at nine.",
            "en",
        ),
        (
            "Est-ce que je peux vous mettre en attente deux minutes ?",
            "Allez-y.",
            "Merci d'avoir patienté. Le technicien passera jeudi matin.",
            "fr",
        ),
    ],
)
def test_an_agreed_hold_is_not_dead_air(ask, consent, back, locale):
    call = _call(
        ("customer", "Nobody came yesterday.", 0.0, 2.0),
        ("agent", ask, 2.5, 5.5),
        ("customer", consent, 6.0, 7.0),
        ("agent", back, 100.0, 104.0),
        locale=locale,
    )
    assert _dead_air(call) == []


def test_a_refused_hold_leaves_the_agent_owing():
    call = _call(
        ("agent", "Can I put you on hold?", 0.0, 1.5),
        ("customer", "No, I have to leave in a minute.", 2.0, 4.0),
        ("agent", "Then I will call you back.", 10.0, 11.5),
    )
    assert [turn for turn, _ in _dead_air(call)] == [2]


@pytest.mark.parametrize(
    "question,answer,locale",
    [
        ("so that's one two nine, is that right?", "yes", "en"),
        ("Is that the right address?", "Yes, thank you.", "en"),
        ("C'est bien le 06 12 34 56 78 ?", "Oui.", "fr"),
        ("Vous êtes bien Madame Roussel ?", "Oui, bonjour.", "fr"),
    ],
)
def test_a_yes_to_the_agents_question_is_owed_an_answer(question, answer, locale):
    call = _call(
        ("agent", question, 0.0, 2.0),
        ("customer", answer, 2.5, 3.0),
        ("agent", "Okay, the link is on its way." if locale == "en" else "C'est envoyé.", 8.0, 9.0),
        locale=locale,
    )
    assert [turn for turn, _ in _dead_air(call)] == [2]


@pytest.mark.parametrize(
    "ask,part,go_on,rest,locale",
    [
        ("what is your address", "seven three four main street", "mhm", "harper valley", "en"),
        ("Quelle est votre adresse ?", "12 rue des Lilas", "mm", "à Villeurbanne", "fr"),
    ],
)
def test_a_go_on_backchannel_is_not_an_answer_to_time(ask, part, go_on, rest, locale):
    dictating = _call(
        ("agent", ask, 0.0, 1.5),
        ("customer", part, 3.0, 5.0),
        ("agent", go_on, 12.0, 12.4),  # "go on": the customer is still dictating
        ("customer", rest, 13.0, 14.0),
        locale=locale,
    )
    assert _dead_air(dictating) == []


@pytest.mark.parametrize(
    "ask,amount,okay,answer,locale",
    [
        (
            "what is the bill amount",
            "a hundred and seventeen dollars",
            "okay",
            "we will send your payment to smart electric",
            "en",
        ),
        (
            "Quel est le montant ?",
            "Cent dix-sept euros.",
            "D'accord.",
            "Le paiement part ce soir.",
            "fr",
        ),
    ],
)
def test_an_answer_that_starts_with_okay_after_a_long_silence_is_late(
    ask, amount, okay, answer, locale
):
    delayed = _call(
        ("agent", ask, 0.0, 1.5),
        ("customer", amount, 3.0, 5.0),
        ("agent", okay, 28.0, 28.4),  # the answer starts after 23 s
        ("agent", answer, 29.0, 31.0),
        locale=locale,
    )
    assert [turn for turn, _ in _dead_air(delayed)] == [2]


@pytest.mark.parametrize(
    "question,okay,answer,locale",
    [
        ("Where is my parcel?", "okay", "it left the depot this morning", "en"),
        ("Où est mon colis ?", "Alors…", "Il est parti du dépôt ce matin.", "fr"),
    ],
)
def test_a_hesitation_inside_the_answer_is_a_long_pause(question, okay, answer, locale):
    call = _call(
        ("customer", question, 0.0, 2.0),
        ("agent", okay, 2.5, 3.0),
        ("agent", answer, 5.5, 7.5),
        locale=locale,
    )
    rules = [f.rule for f in score_pacing(call).findings if f.rule.endswith(("air", "pause"))]
    assert rules == ["pacing.long-pause"]


@pytest.mark.parametrize(
    "greeting,hello,locale",
    [
        ("how can i help you today", "hi", "en"),
        ("Bonjour, que puis-je faire pour vous ?", "Bonjour.", "fr"),
    ],
)
def test_a_greeting_back_is_not_yet_the_request(greeting, hello, locale):
    # the customer has not said what they want: the silence is theirs
    call = _call(
        ("agent", greeting, 0.0, 1.5),
        ("customer", hello, 2.0, 2.4),
        ("agent", "hello?" if locale == "en" else "Allô ?", 8.0, 8.5),
        locale=locale,
    )
    assert _dead_air(call) == []
