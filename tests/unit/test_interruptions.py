import pytest

from scoring.interruptions import is_backchannel, score_interruptions
from scoring.transcript import Segment, Transcript, Turn


def _call(agent_start: float, agent_text: str, locale: str = "fr") -> Transcript:
    return Transcript(
        locale=locale,
        customer_name="Monsieur Balagtas",
        turns=[
            Turn(
                speaker="customer",
                text="…",
                start=0.0,
                end=6.5,
                segments=[
                    Segment(text="Ma facture est fausse.", start=0.0, end=3.1, tag="core"),
                    Segment(text="Et mon voisin aussi…", start=3.1, end=6.5, tag="digression"),
                ],
            ),
            Turn(speaker="agent", text=agent_text, start=agent_start, end=agent_start + 3),
        ],
    )


def test_talking_over_the_complaint_is_negative():
    result = score_interruptions(_call(2.0, "Oui mais c'est votre faute"))
    assert [f.rule for f in result.findings] == ["interruptions.talk-over-core"]
    assert result.findings[0].polarity == "negative"
    assert result.findings[0].time == 2.0
    assert result.score == 75


def test_steering_a_digression_back_with_the_name_is_positive():
    result = score_interruptions(
        _call(4.0, "Monsieur Balagtas, nous devons d'abord régler la facture.")
    )
    finding = result.findings[0]
    assert finding.rule == "interruptions.steer-with-name"
    assert finding.polarity == "positive"
    assert finding.quote == "Monsieur Balagtas"
    assert result.score == 100


def test_steering_without_the_name_suggests_using_it():
    result = score_interruptions(_call(4.0, "Revenons à la facture, voulez-vous."))
    finding = result.findings[0]
    assert finding.rule == "interruptions.steer-without-name"
    assert "Monsieur Balagtas" in (finding.suggestion or "")


@pytest.mark.parametrize("text", ["mm", "d'accord", "Oui, oui.", "je vois"])
def test_backchannels_are_not_interruptions(text):
    result = score_interruptions(_call(2.0, text))
    assert result.findings == []
    assert result.details["events"][0]["kind"] == "backchannel"


@pytest.mark.parametrize("text,locale", [("I see", "en"), ("uh huh", "en"), ("right, right", "en")])
def test_english_backchannels(text, locale):
    assert is_backchannel(text, locale)


def test_a_real_reply_is_not_a_backchannel():
    assert not is_backchannel("d'accord, mais vous auriez dû appeler avant", "fr")


def test_starting_after_the_customer_is_not_an_interruption():
    result = score_interruptions(_call(7.0, "Je comprends votre agacement."))
    assert result.findings == [] and result.score == 100


def test_without_timing_it_is_skipped():
    transcript = Transcript(
        locale="en",
        turns=[
            Turn(speaker="customer", text="Hi"),
            Turn(speaker="agent", text="Hello"),
        ],
    )
    assert score_interruptions(transcript).score is None


def _overlap(
    customer: str,
    agent: str,
    before_end: float,
    locale: str = "en",
    customer_seconds: float = 5.0,
) -> Transcript:
    """An untagged customer turn, and an agent turn starting ``before_end`` s before its end."""
    return Transcript(
        locale=locale,
        customer_name="Mrs Johnson" if locale == "en" else "Monsieur Balagtas",
        turns=[
            Turn(speaker="customer", text=customer, start=0.0, end=customer_seconds),
            Turn(
                speaker="agent",
                text=agent,
                start=customer_seconds - before_end,
                end=customer_seconds - before_end + 3,
            ),
        ],
    )


@pytest.mark.parametrize(
    "customer,agent,locale",
    [
        (
            "I would like to transfer money between my accounts.",
            "Sure, what is the amount?",
            "en",
        ),
        ("Je voudrais faire un virement entre mes comptes.", "Bien sûr, quel montant ?", "fr"),
    ],
)
def test_starting_in_the_customers_last_second_takes_the_turn(customer, agent, locale):
    result = score_interruptions(_overlap(customer, agent, 0.7, locale))
    assert result.findings == [] and result.score == 100
    assert result.details["events"][0]["kind"] == "end_of_turn"


@pytest.mark.parametrize(
    "customer,agent,locale",
    [
        (
            "You've doubled my premium for nothing and you want me to—",
            "Pricing's not my department, sir.",
            "en",
        ),
        (
            "Vous avez inventé un chiffre, c'est—",
            "C'est pas ma faute, madame, c'est le système.",
            "fr",
        ),
    ],
)
def test_cutting_someone_off_is_talking_over_them_however_short_the_overlap(
    customer, agent, locale
):
    # A customer who is cut off stops talking: the overlap is short, the cut is not.
    result = score_interruptions(_overlap(customer, agent, 0.5, locale))
    assert [f.rule for f in result.findings] == ["interruptions.talk-over-core"]


@pytest.mark.parametrize(
    "first,second,agent,more,locale",
    [
        ("okay every day", "monday through", "is there anything else", "through saturday", "en"),
        ("d'accord tous les jours", "du lundi au", "autre chose ?", "au samedi c'est ça", "fr"),
    ],
)
def test_a_customer_who_keeps_talking_was_not_finished(first, second, agent, more, locale):
    # the agent starts 0.15 s before the end: turn-taking, had the customer finished
    transcript = Transcript(
        locale=locale,
        turns=[
            Turn(speaker="customer", text=first, start=0.0, end=1.0),
            Turn(speaker="customer", text=second, start=2.0, end=2.6),
            Turn(speaker="agent", text=agent, start=2.45, end=4.0),
            Turn(speaker="customer", text=more, start=3.2, end=4.6),
        ],
    )
    result = score_interruptions(transcript)
    assert [f.rule for f in result.findings] == ["interruptions.talk-over-core"]
    assert result.details["events"][0]["customer_turn"] == 1


@pytest.mark.parametrize(
    "customer,agent,locale",
    [
        (
            "No, that'll be all, thank you very much for your help today.",
            "Thank you for calling, have a great day.",
            "en",
        ),
        ("You too, bye bye!", "Bye now.", "en"),
        ("Non, ce sera tout, merci beaucoup, au revoir.", "Merci à vous, bonne journée.", "fr"),
        ("Merci, au revoir madame.", "Bonne journée, monsieur !", "fr"),
    ],
)
def test_a_goodbye_over_the_customers_goodbye_is_not_talking_over(customer, agent, locale):
    result = score_interruptions(_overlap(customer, agent, 1.8, locale))
    assert result.findings == []
    assert result.details["events"][0]["kind"] == "courtesy"


@pytest.mark.parametrize(
    "customer,locale",
    [
        ("Hi, how are you doing today? I'm fine, thanks.", "en"),
        ("Bonjour madame, comment allez-vous ?", "fr"),
    ],
)
def test_untagged_greetings_and_small_talk_are_not_the_complaint(customer, locale):
    result = score_interruptions(_overlap(customer, "Good, thank you. Now…", 2.0, locale))
    assert result.findings == []


@pytest.mark.parametrize(
    "customer,agent,locale",
    [
        (
            "My card was charged twice this month and nobody has called me back about it.",
            "Yes but that is the bank's fault.",
            "en",
        ),
        (
            "On m'a prélevé deux fois ce mois-ci et personne ne m'a rappelé depuis.",
            "Oui mais c'est la banque, ça.",
            "fr",
        ),
    ],
)
def test_untagged_complaint_is_core(customer, agent, locale):
    result = score_interruptions(_overlap(customer, agent, 2.5, locale))
    assert [f.rule for f in result.findings] == ["interruptions.talk-over-core"]


def test_the_part_talked_over_decides_not_the_whole_turn():
    # the agent cut into the thanks at the end, not into the problem at the start
    thanks = _overlap(
        "seventy one dollars okay perfect that's great okay thank you so much",
        "is there anything else i can help you with",
        1.2,
    )
    assert score_interruptions(thanks).findings == []
    problem = _overlap(
        "seventy one dollars okay perfect that's great okay thank you so much",
        "is there anything else i can help you with",
        4.0,
    )
    assert [f.rule for f in score_interruptions(problem).findings] == [
        "interruptions.talk-over-core"
    ]


@pytest.mark.parametrize(
    "customer,agent,locale",
    [
        ("my zip code is two one seven", "two one seven", "en"),
        ("c'est le zéro six douze", "zéro six douze", "fr"),
        ("my name is patricia miller", "[noise] oh", "en"),
    ],
)
def test_reading_back_what_is_dictated_is_listening(customer, agent, locale):
    result = score_interruptions(_overlap(customer, agent, 1.5, locale, customer_seconds=3.0))
    assert result.findings == []
    assert result.details["events"][0]["kind"] == "backchannel"
