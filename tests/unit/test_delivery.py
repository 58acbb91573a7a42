"""Delivery evidence: filler words, talk ratio, longest monologue and questions, in
French and English, with and without timings."""

import pytest

from scoring.delivery import assess_delivery
from scoring.fillers import fillers
from scoring.pacing import score_pacing
from scoring.transcript import Transcript, Turn


@pytest.mark.parametrize(
    "locale,text,expected",
    [
        ("fr", "Euh, alors du coup, je regarde votre dossier.", ["Euh", "du coup"]),
        ("fr", "Le colis, voilà, il est parti hier. Donc voilà.", ["voilà", "voilà"]),
        ("fr", "Ben oui, c'est genre trois jours, bah c'est long.", ["Ben", "genre", "bah"]),
        ("fr", "heu je vais vérifier donc voila", ["heu", "voila"]),
        ("fr", "Voilà votre numéro de dossier. Ce genre de frais est rare.", []),
        ("fr", "Voilà, c'est fait. Et voilà. Le voilà. Voilà.", []),
        ("fr", "Ben Martin va vous rappeler, je transmets à Ben.", []),
        ("fr", "Il y a eu un coup de vent, tout à coup.", []),
        ("en", "Um, so I checked and uh it was, you know, broken.", ["Um", "uh", "you know"]),
        ("en", "It's, like, sort of broken. I mean, it takes like three days.", ["like", "sort of", "I mean", "like"]),
        ("en", "like which account would you like to check", ["like"]),
        ("en", "Would you like a refund? It looks like this one.", []),
        ("en", "Do you know your account number? What sort of card is it?", []),
        ("en", "I mean it. Uh-huh. Mm-hmm. Mm.", []),
    ],
)  # fmt: skip
def test_fillers_are_told_from_the_same_words_doing_work(locale, text, expected):
    assert fillers(text, locale) == expected


def timed(locale, *turns):
    """A call from (speaker, text, start, end) tuples."""
    return Transcript(
        locale=locale,
        turns=[Turn(speaker=s, text=t, start=a, end=b) for s, t, a, b in turns],
    )


def typed(locale, *turns):
    return Transcript(locale=locale, turns=[Turn(speaker=s, text=t) for s, t in turns])


def by_rule(delivery, rule):
    return next(f for f in delivery.findings if f.rule == rule)


def test_fillers_per_minute_out_of_band_are_a_suggestion_in_french():
    call = timed(
        "fr",
        ("customer", "Ma facture est fausse, c'est inadmissible.", 0, 3),
        ("agent", "Euh, alors, euh, du coup, je regarde, euh, voilà, ben, euh.", 3.5, 13.5),
    )
    delivery = assess_delivery(call)
    assert delivery.details["fillers"]["count"] == 7
    assert delivery.details["fillers"]["per_minute"] == 42.0
    finding = by_rule(delivery, "pacing.fillers")
    assert finding.severity == "suggestion" and finding.polarity == "negative"
    assert "euh ×4" in finding.message and "par minute" in finding.message
    assert finding.turn == 1 and "silence" in finding.suggestion


def test_a_filler_or_two_in_a_minute_is_in_band_in_english():
    call = timed(
        "en",
        ("customer", "My card was charged twice.", 0, 3),
        ("agent", "I see the two charges. Um, I am refunding the second one now.", 3.5, 63.5),
    )
    finding = by_rule(assess_delivery(call), "pacing.fillers")
    assert finding.severity == "info" and finding.polarity == "positive"
    assert "1.0 a minute" in finding.message


def test_a_typed_call_gets_fillers_per_reply_and_questions_only():
    call = typed(
        "en",
        ("customer", "My parcel never arrived and I am fed up."),
        ("agent", "Um, like, I'll check. You know, it's, like, with the courier."),
        ("customer", "When will it come?"),
        ("agent", "Tomorrow. Is there anything else?"),
    )
    delivery = assess_delivery(call)
    assert set(delivery.details) == {"fillers", "questions"}
    assert delivery.details["fillers"]["per_minute"] is None
    assert delivery.details["fillers"]["per_reply"] == 2.0
    finding = by_rule(delivery, "pacing.fillers")
    assert finding.severity == "suggestion" and "in 2 replies" in finding.message
    assert delivery.details["questions"] == {"count": 1, "turns": [3]}
    # pacing is not scored without timings, but the evidence is on the scorecard
    result = score_pacing(call)
    assert result.score is None and result.skipped == "no_timing"
    assert {f.rule for f in result.findings} == {"pacing.fillers", "pacing.questions"}
    assert result.details["delivery"]["questions"]["count"] == 1


def complaint_call(locale, agent_seconds, customer_text):
    return timed(
        locale,
        ("customer", customer_text, 0, 10),
        (
            "agent",
            "Je comprends." if locale == "fr" else "I understand.",
            10.5,
            10.5 + agent_seconds,
        ),
    )


def test_talking_most_of_a_complaint_call_is_a_suggestion():
    call = complaint_call("en", 25, "You charged me twice, this is unacceptable.")
    delivery = assess_delivery(call)
    assert delivery.details["talk_ratio"]["agent_share"] == pytest.approx(0.71, abs=0.01)
    finding = by_rule(delivery, "pacing.talk-ratio")
    assert finding.severity == "suggestion" and "71%" in finding.message
    assert "25 s" in finding.message and "10 s" in finding.message


def test_the_talk_ratio_band_is_for_complaints_only():
    call = complaint_call("fr", 25, "Bonjour, quels sont vos horaires d'ouverture samedi ?")
    delivery = assess_delivery(call)
    assert delivery.details["talk_ratio"]["complaint"] is False
    assert delivery.details["talk_ratio"]["band"] is None
    finding = by_rule(delivery, "pacing.talk-ratio")
    assert finding.severity == "info" and "71 %" in finding.message


def test_a_long_monologue_is_a_suggestion_and_a_backchannel_does_not_break_it():
    call = timed(
        "fr",
        ("customer", "Mon colis est perdu.", 0, 2),
        ("agent", "Je vous explique la procédure. " * 5, 3, 30),
        ("customer", "D'accord.", 30.2, 30.8),
        ("agent", "Ensuite le transporteur ouvre une enquête. " * 4, 31, 55),
        ("customer", "Et ça prend combien de temps ?", 56, 58),
        ("agent", "Dix jours.", 58.5, 59.5),
    )
    delivery = assess_delivery(call)
    assert delivery.details["longest_monologue"]["seconds"] == 52.0
    assert delivery.details["longest_monologue"]["turn"] == 1
    finding = by_rule(delivery, "pacing.monologue")
    assert finding.severity == "suggestion" and finding.turn == 1 and finding.time == 3
    assert "52 s" in finding.message and "45 s" in finding.message


def test_a_real_customer_turn_ends_the_monologue():
    call = timed(
        "en",
        ("customer", "My parcel is lost.", 0, 2),
        ("agent", "Let me explain what happens now. " * 4, 3, 30),
        ("customer", "Right, and who pays for the postage?", 30.2, 33),
        ("agent", "We do, and the carrier opens an investigation. " * 3, 33.5, 55),
    )
    delivery = assess_delivery(call)
    assert delivery.details["longest_monologue"]["seconds"] == 27.0
    assert by_rule(delivery, "pacing.monologue").severity == "info"


@pytest.mark.parametrize(
    "locale,replies,count,severity",
    [
        ("en", ["Hello, how can I help?", "Which order is it? Is it the blue one?", "Done."], 3, "info"),
        ("fr", ["Bonjour.", "Je regarde.", "C'est réglé."], 0, "suggestion"),
        ("en", ["i see", "what is your account number", "okay it is done"], 1, "info"),
        ("fr", ["Bonjour.", "C'est fait."], 0, "info"),
    ],
)  # fmt: skip
def test_questions_are_counted_sentence_by_sentence(locale, replies, count, severity):
    turns = []
    for reply in replies:
        turns += [("customer", "Bonjour." if locale == "fr" else "Hello."), ("agent", reply)]
    delivery = assess_delivery(typed(locale, *turns))
    assert delivery.details["questions"]["count"] == count
    finding = by_rule(delivery, "pacing.questions")
    assert finding.severity == severity
    if severity == "suggestion":
        assert "aucune question" in finding.message and "c'est bien ça" in finding.suggestion


def test_fillers_are_counted_on_the_raw_words():
    # the normal form drops "euh" before rules match; the count must still see it
    call = typed("fr", ("customer", "Bonjour."), ("agent", "Euh… euh, bonjour madame."))
    assert assess_delivery(call).details["fillers"]["count"] == 2


def test_a_call_without_an_agent_turn_has_no_delivery_findings():
    delivery = assess_delivery(typed("en", ("customer", "Hello?")))
    assert delivery.findings == []
    assert delivery.details["fillers"]["count"] == 0
