"""A scenario's objectives are checked on what the agent said, and the call's result
weighs in the overall: resolution with the facts right above a proper escalation, above
a transfer, above a hang-up; a dimension not measured never counts as perfect."""

from __future__ import annotations

import pytest

from scoring.objectives import Objective, check_all
from scoring.scorecard import OUTCOME_VALUE, call_result, score_transcript, weighted_overall
from scoring.transcript import Transcript
from simulator.authoring.packs import rules_for


def call(locale: str, *turns: str) -> Transcript:
    parsed = []
    for line in turns:
        speaker, text = line.split(": ", 1)
        parsed.append({"speaker": "customer" if speaker == "C" else "agent", "text": text})
    return Transcript.model_validate({"locale": locale, "turns": parsed})


def results(transcript: Transcript, *objectives: Objective) -> dict[str, tuple[bool, int | None]]:
    rules = rules_for(transcript.locale).for_dimension("empathy")
    return {r.id: (r.met, r.turn) for r in check_all(transcript, objectives, rules)}


FACTS = {
    "en": Objective(
        id="facts",
        text="State the refund: three months, £14.97",
        says=["14[.,]97|fourteen ninety seven", "three months|3 months"],
        all=True,
    ),
    "fr": Objective(
        id="facts",
        text="Annoncer le remboursement : trois mois, 14,97 €",
        says=["14[.,]97|quatorze euros quatre vingt dix sept", "trois mois|3 mois"],
        all=True,
    ),
}


@pytest.mark.parametrize(
    ("locale", "turns", "expected"),
    [
        (
            "en",
            (
                "C: You charged me for three months!",
                "A: I can see the charge.",
                "C: And?",
                "A: I'm refunding all three months, £14.97 in total.",
            ),
            (True, 3),
        ),
        ("en", ("C: You charged me!", "A: I'm refunding £14.97."), (False, None)),
        (
            "fr",
            (
                "C: Vous m'avez prélevé trois mois !",
                "A: Je vous rembourse les trois mois, soit 14,97 € au total.",
            ),
            (True, 1),
        ),
        ("fr", ("C: Vous m'avez prélevé !", "A: Je vous rembourse."), (False, None)),
    ],
)
def test_a_fact_objective_needs_every_fact_when_all_is_set(locale, turns, expected):
    assert results(call(locale, *turns), FACTS[locale])["facts"] == expected


@pytest.mark.parametrize(
    ("locale", "asked_first", "acted_first"),
    [
        (
            "en",
            (
                "C: My parcel never came.",
                "A: What's your order number?",
                "C: 4411.",
                "A: Thanks, I'll send a new one today.",
            ),
            (
                "C: My parcel never came.",
                "A: I'll send a new one today.",
                "C: Fine.",
                "A: What's your order number?",
            ),
        ),
        (
            "fr",
            (
                "C: Mon colis n'est jamais arrivé.",
                "A: Quel est votre numéro de commande ?",
                "C: 4411.",
                "A: Merci, je vous en renvoie un aujourd'hui.",
            ),
            (
                "C: Mon colis n'est jamais arrivé.",
                "A: Je vous en renvoie un aujourd'hui.",
                "C: Bon.",
                "A: Quel est votre numéro de commande ?",
            ),
        ),
    ],
)
def test_a_question_must_come_before_the_fix_when_the_objective_says_so(
    locale, asked_first, acted_first
):
    ask = Objective(
        id="ask",
        text="Ask for the order number first",
        kind="ask",
        says=["order number|numero de commande"],
        before="next_step",
    )
    assert results(call(locale, *asked_first), ask)["ask"] == (True, 1)
    assert results(call(locale, *acted_first), ask)["ask"][0] is False


@pytest.mark.parametrize(
    ("locale", "promise", "careful"),
    [
        ("en", "Don't worry, you'll get a full refund.", "I can offer a replacement today."),
        (
            "fr",
            "Ne vous inquiétez pas, remboursement intégral.",
            "Je peux vous proposer un échange.",
        ),
    ],
)
def test_an_avoid_objective_is_missed_on_the_turn_that_breaks_it(locale, promise, careful):
    avoid = Objective(
        id="no-refund",
        text="Do not promise a refund",
        kind="avoid",
        says=["full refund|remboursement integral"],
    )
    complaint = "C: It broke." if locale == "en" else "C: Il est cassé."
    assert results(call(locale, complaint, f"A: {promise}"), avoid)["no-refund"] == (False, 1)
    assert results(call(locale, complaint, f"A: {careful}"), avoid)["no-refund"] == (True, None)


@pytest.mark.parametrize(
    ("locale", "recap", "vague"),
    [
        (
            "en",
            "So to recap: the engineer comes Thursday between eight and twelve, and I'll call "
            "you at two.",
            "Right, that's everything, thanks for calling.",
        ),
        (
            "fr",
            "Je récapitule : le technicien passe jeudi entre huit heures et midi, et je vous "
            "rappelle à quatorze heures.",
            "Voilà, c'est tout, merci de votre appel.",
        ),
    ],
)
def test_a_recap_says_what_happens_and_when_at_the_close(locale, recap, vague):
    objective = Objective(id="recap", text="Recap what, when, who", kind="recap")
    opening = "C: The boiler is dead." if locale == "en" else "C: La chaudière est morte."
    assert results(call(locale, opening, f"A: {recap}"), objective)["recap"][0] is True
    assert results(call(locale, opening, f"A: {vague}"), objective)["recap"][0] is False


def test_outcomes_rank_as_a_trainer_ranks_them():
    facts_right = [_met(True)] * 2
    facts_wrong = [_met(False)] * 2
    resolved = call_result("resolved", facts_right)
    assert resolved == 100
    assert (
        resolved > call_result("escalated", facts_right) > call_result("transferred", facts_right)
    )
    assert call_result("transferred", facts_right) > call_result("hung_up", facts_right)
    # resolving with the facts wrong is worth less than a proper escalation
    assert call_result("resolved", facts_wrong) < call_result("escalated", facts_right)
    assert call_result(None, facts_right) is None
    assert set(OUTCOME_VALUE) == {"resolved", "escalated", "transferred", "stopped", "hung_up"}


def test_an_unmeasured_dimension_never_counts_as_perfect():
    weights = {"pacing": 15, "interruptions": 15, "empathy": 35, "avoided_phrases": 35}
    typed = {"pacing": None, "interruptions": None, "empathy": 40, "avoided_phrases": 100}
    assert weighted_overall(typed, weights) == 70
    # with a poor result (stopped, no objective met), the call cannot look good
    assert weighted_overall(typed, weights, call_result("stopped", [_met(False)])) < 50


def test_the_scorecard_shows_each_objective_with_the_turn_that_met_it():
    transcript = call(
        "en",
        "C: You charged me for three months!",
        "A: I'm so sorry. I'm refunding all three months, £14.97; you'll see it by Friday.",
    )
    card = score_transcript(
        transcript, rules_for("en"), objectives=[FACTS["en"]], outcome="resolved"
    )
    assert [(o.id, o.met, o.turn) for o in card.objectives] == [("facts", True, 1)]
    assert card.to_dict()["objectives"][0]["met"] is True
    assert card.call_result == 100


def _met(met: bool):
    from scoring.objectives import ObjectiveResult

    return ObjectiveResult("x", "x", "state", met)


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_without_recognised_words_the_dimensions_that_need_words_are_not_scored(locale):
    """Spoken with no recogniser: the pace was measured, nothing was heard as words."""
    transcript = Transcript.model_validate(
        {
            "locale": locale,
            "customer_name": "Mr Price",
            "turns": [
                {"speaker": "customer", "text": "It broke again!", "start": 0, "end": 2},
                {
                    "speaker": "agent",
                    "text": "",
                    "start": 2.5,
                    "end": 6.5,
                    "measured": {"wpm": 150, "words": 10, "words_source": "syllables"},
                },
            ],
        }
    )
    card = score_transcript(transcript, rules_for(locale))
    for name in ("empathy", "avoided_phrases"):
        assert card.dimensions[name].score is None
        assert card.dimensions[name].skipped == "no_words"
    assert not [f for f in card.findings if f.dimension == "empathy"]
