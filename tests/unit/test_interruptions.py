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
