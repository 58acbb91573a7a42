"""Empathy is owed where the call calls for it and credited where it is real.

Every case here is written for the pattern it tests, in both languages: a stock
greeting is not an offer of help, "sorry, but that's the procedure" is not an apology,
a next step may be said in any tense or by anyone, a formula pasted into every turn
does not score high, and a neutral enquiry owes no apology.
"""

from __future__ import annotations

import pytest

from scoring.behaviours import turn_evidence
from scoring.empathy import score_empathy
from scoring.transcript import Transcript
from simulator.authoring.packs import rules_for


def call(locale: str, *turns: str, name: str | None = None) -> Transcript:
    """A typed call: turns alternate customer, agent, customer… ("C: …" / "A: …")."""
    parsed = []
    for line in turns:
        speaker, text = line.split(": ", 1)
        parsed.append({"speaker": "customer" if speaker == "C" else "agent", "text": text})
    return Transcript.model_validate({"locale": locale, "customer_name": name, "turns": parsed})


def shown(transcript: Transcript, index: int) -> set[str]:
    rules = rules_for(transcript.locale).for_dimension("empathy")
    return {f.category for f in turn_evidence(transcript, index, rules) if f.category}


def empathy(transcript: Transcript):
    return score_empathy(transcript, rules_for(transcript.locale).for_dimension("empathy"))


# -- what is credited -------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "customer", "agent"),
    [
        (
            "en",
            "The heater broke again.",
            "Hello, you're through to Sam, how can I help you today?",
        ),
        ("en", "Thanks, that's all.", "Is there anything else I can help you with today?"),
        (
            "fr",
            "Le chauffe-eau est encore en panne.",
            "Bonjour, Léa à l'appareil, en quoi puis-je vous aider ?",
        ),
        ("fr", "Merci, c'est tout.", "Y a-t-il autre chose que je puisse faire pour vous ?"),
    ],
)
def test_the_scripted_greeting_and_closing_are_not_offers_of_help(locale, customer, agent):
    assert "offer_help" not in shown(call(locale, f"C: {customer}", f"A: {agent}"), 1)


@pytest.mark.parametrize(
    ("locale", "agent"),
    [
        ("en", "Let me pull up the booking and see what went wrong."),
        ("en", "we can do that for you right now"),
        ("en", "Can I put you on hold for a minute? I'd like to call the workshop directly."),
        ("fr", "Je regarde votre réservation tout de suite."),
        ("fr", "on va arranger ça ensemble"),
        ("fr", "Je vous propose un avoir du montant total."),
    ],
)
def test_committing_to_this_problem_is_an_offer_of_help(locale, agent):
    customer = "My booking was cancelled." if locale == "en" else "Ma réservation a été annulée."
    assert "offer_help" in shown(call(locale, f"C: {customer}", f"A: {agent}"), 1)


@pytest.mark.parametrize(
    ("locale", "agent", "category"),
    [
        ("en", "I'm sorry, but that's the procedure: we only refund within 14 days.", "apologise"),
        ("en", "I understand, but there's nothing I can do about it.", "acknowledge"),
        ("en", "i understand your frustration i'm afraid the rules are the rules", "acknowledge"),
        ("fr", "Je suis désolé, mais c'est la procédure, on ne rembourse pas.", "apologise"),
        ("fr", "Je comprends, mais je ne peux rien faire de plus.", "acknowledge"),
        ("fr", "désolée y a rien que je puisse faire", "apologise"),
    ],
)
def test_an_apology_or_acknowledgement_that_opens_a_refusal_earns_nothing(locale, agent, category):
    customer = (
        "The blender broke after a week."
        if locale == "en"
        else "Le mixeur a cassé au bout d'une semaine."
    )
    assert category not in shown(call(locale, f"C: {customer}", f"A: {agent}"), 1)


@pytest.mark.parametrize(
    ("locale", "agent"),
    [
        ("en", "Sorry, could you spell the street name?"),
        ("fr", "Pardon, vous pouvez répéter le nom de la rue ?"),
    ],
)
def test_sorry_as_a_filler_is_not_an_apology(locale, agent):
    customer = "It's 12 Mill Lane." if locale == "en" else "C'est au 12 rue du Moulin."
    assert "apologise" not in shown(call(locale, f"C: {customer}", f"A: {agent}"), 1)


@pytest.mark.parametrize(
    ("locale", "agent"),
    [
        ("en", "The new router should reach you by Thursday."),
        ("en", "your refund has been processed"),
        ("en", "I've booked the plumber for Monday morning."),
        ("en", "The courier collects the old one when he drops off the new one tomorrow."),
        ("en", "You're going to get a text with the time slot."),
        ("fr", "Le nouveau routeur devrait vous arriver jeudi."),
        ("fr", "votre remboursement a été effectué"),
        ("fr", "J'ai réservé le plombier pour lundi matin."),
        ("fr", "Le livreur reprendra l'ancien en déposant le nouveau."),
        ("fr", "Vous allez recevoir un SMS avec le créneau."),
    ],
)
def test_a_next_step_may_be_said_in_any_tense_or_by_anyone(locale, agent):
    customer = "My router is dead." if locale == "en" else "Mon routeur est mort."
    assert "next_step" in shown(call(locale, f"C: {customer}", f"A: {agent}"), 1)


@pytest.mark.parametrize(
    ("locale", "agent"),
    [
        ("en", "I'm not going to send another router."),
        ("en", "It won't be delivered before next month."),
        ("en", "We'll see."),
        ("fr", "Je ne vais pas vous renvoyer de routeur."),
        ("fr", "Ça ne sera pas livré avant le mois prochain."),
        ("fr", "On verra."),
    ],
)
def test_a_negated_or_vague_next_step_is_not_one(locale, agent):
    customer = "My router is dead." if locale == "en" else "Mon routeur est mort."
    assert "next_step" not in shown(call(locale, f"C: {customer}", f"A: {agent}"), 1)


@pytest.mark.parametrize(
    ("locale", "customer", "restated", "stock"),
    [
        (
            "en",
            "The invoice has my old address and the VAT number is wrong.",
            "So the invoice shows your old address and a wrong VAT number, is that right?",
            "If I understand correctly, you'd like to know our opening hours, is that right?",
        ),
        (
            "fr",
            "La facture porte mon ancienne adresse et le numéro de TVA est faux.",
            "Si je comprends bien, la facture a votre ancienne adresse et un numéro de TVA faux ?",
            "Si je comprends bien, vous voulez connaître nos horaires d'ouverture ?",
        ),
    ],
)
def test_a_reformulation_restates_what_the_customer_said(locale, customer, restated, stock):
    assert "reformulate" in shown(call(locale, f"C: {customer}", f"A: {restated}"), 1)
    assert "reformulate" not in shown(call(locale, f"C: {customer}", f"A: {stock}"), 1)


# -- what is owed -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "customer", "agent"),
    [
        (
            "en",
            "Hi, what time do you open on Saturday?",
            "Let me check for you: we open at nine on Saturday, Ms Lee.",
        ),
        (
            "fr",
            "Bonjour, vous ouvrez à quelle heure samedi ?",
            "Je regarde pour vous : nous ouvrons à neuf heures samedi, Madame Lee.",
        ),
    ],
)
def test_a_neutral_enquiry_owes_no_apology(locale, customer, agent):
    result = empathy(call(locale, f"C: {customer}", f"A: {agent}", name="Lee"))
    rules = {f.rule for f in result.findings}
    assert not {"empathy.missing-acknowledge", "empathy.missing-apologise"} & rules
    assert result.score == 100


@pytest.mark.parametrize(
    ("locale", "turns"),
    [
        ("en", ("C: Thank you so much, that's perfect.", "A: You're welcome, have a good day.")),
        ("fr", ("C: Merci beaucoup, c'est parfait.", "A: Avec plaisir, bonne journée.")),
    ],
)
def test_a_thank_you_owes_nothing(locale, turns):
    result = empathy(call(locale, *turns))
    assert result.score is None
    assert result.skipped == "nothing_owed"


@pytest.mark.parametrize(
    ("locale", "complaint", "reply"),
    [
        ("en", "My parcel never arrived and I'm furious.", "What's your order number?"),
        (
            "fr",
            "Mon colis n'est jamais arrivé, je suis furieux.",
            "Quel est votre numéro de commande ?",
        ),
    ],
)
def test_a_problem_left_unacknowledged_is_named_on_the_turn_that_answered_it(
    locale, complaint, reply
):
    result = empathy(call(locale, f"C: {complaint}", f"A: {reply}"))
    unanswered = [f for f in result.findings if f.rule == "empathy.missing-acknowledge"]
    assert [f.turn for f in unanswered] == [1]


FORMULA = {
    "en": "I'm so sorry, Mr Price. I understand how frustrating this is. So what you're "
    "saying is… Let me take care of this. I'll call you back tomorrow.",
    "fr": "Je suis vraiment désolé, Monsieur Price. Je comprends à quel point c'est agaçant. "
    "Si je comprends bien… Je vais m'en occuper. Je vous rappelle demain.",
}
COMPLAINTS = {
    "en": [
        "You charged me twice for the same repair and nobody answers my emails!",
        "That's it? That's all you've got? It's the third time I call about this!",
        "I want my money back, not another promise. This is ridiculous.",
    ],
    "fr": [
        "Vous m'avez facturé deux fois la même réparation et personne ne répond à mes mails !",
        "C'est tout ? C'est la troisième fois que j'appelle pour ça !",
        "Je veux être remboursé, pas une promesse de plus. C'est n'importe quoi.",
    ],
}


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_a_formula_pasted_into_every_turn_does_not_score_high(locale):
    turns = []
    for complaint in COMPLAINTS[locale]:
        turns += [f"C: {complaint}", f"A: {FORMULA[locale]}"]
    result = empathy(call(locale, *turns, name="Price"))
    assert result.score is not None and result.score <= 50
    assert sum(f.rule == "empathy.repeated" for f in result.findings) == 2


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_answering_each_complaint_in_its_own_words_scores_high(locale):
    replies = {
        "en": [
            "I'm sorry, Mr Price, being charged twice and ignored is maddening. So you were "
            "billed twice for the one repair, and your emails went unanswered?",
            "Third time calling, I completely understand you've had enough. Let me look at "
            "both charges now.",
            "You're right to want the money back. I've refunded the second charge; it will be "
            "on your card within three working days.",
        ],
        "fr": [
            "Je suis désolé, Monsieur Price, payer deux fois et rester sans réponse, c'est "
            "rageant. Si je comprends bien, la réparation vous a été facturée deux fois et vos "
            "mails sont restés sans réponse ?",
            "Trois appels, je comprends que vous en ayez assez. Je regarde les deux "
            "prélèvements tout de suite.",
            "Vous avez raison de vouloir être remboursé. J'ai remboursé le second prélèvement, "
            "il apparaîtra sur votre compte sous trois jours ouvrés.",
        ],
    }
    turns = []
    for complaint, reply in zip(COMPLAINTS[locale], replies[locale], strict=True):
        turns += [f"C: {complaint}", f"A: {reply}"]
    result = empathy(call(locale, *turns, name="Price"))
    assert result.score is not None and result.score >= 85, result.details


# -- a confirmation that carries the customer's specifics --------------------------

RECAP_CALLS = {
    "en": (
        "C: I'd like to book an appointment with an adviser.",
        "A: Of course. Which day suits you?",
        "C: Thursday, if you have it.",
        "A: And at what time?",
        "C: Around ten thirty in the morning.",
    ),
    "fr": (
        "C: Je voudrais prendre rendez-vous avec un conseiller.",
        "A: Bien sûr. Quel jour vous arrange ?",
        "C: Jeudi, si c'est possible.",
        "A: Et à quelle heure ?",
        "C: Vers dix heures trente le matin.",
    ),
}
RECAPS = {
    "en": (
        "Your appointment is booked for Thursday at ten thirty.",
        "Your appointment is booked, you will get a confirmation by email.",
        "Sorry, could you say the time again, ten thirty?",
        "Your appointment is booked for Friday at nine.",
    ),
    "fr": (
        "Votre rendez-vous est fixé à jeudi, dix heures trente.",
        "Votre rendez-vous est fixé, vous recevrez une confirmation par e-mail.",
        "Pardon, vous avez dit dix heures trente ?",
        "Votre rendez-vous est fixé à vendredi, neuf heures.",
    ),
}


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_a_confirmation_that_states_the_customers_specifics_back_counts_as_checking(locale):
    with_details, bare, asked_again, invented = (
        empathy(call(locale, *RECAP_CALLS[locale], f"A: {reply}")).score for reply in RECAPS[locale]
    )
    # "booked for Thursday at ten thirty" checks what was understood; "booked" alone,
    # asking for the time again, or a day the customer never gave does not.
    assert with_details > bare
    assert asked_again <= bare
    assert invented < with_details


@pytest.mark.parametrize(
    ("locale", "customer", "agent", "next_step"),
    [
        # what already happened to the problem is a fact, not what happens next
        ("en", "My card never arrived.", "We sent your card last week.", False),
        ("en", "My card never arrived.", "It was processed two days ago at our depot.", False),
        ("fr", "Ma carte n'est jamais arrivée.", "Elle a été envoyée la semaine dernière.", False),
        ("fr", "Mon colis n'est pas arrivé.", "Il a été expédié le 3 depuis l'entrepôt.", False),
        ("fr", "Je n'ai pas été remboursée.", "Le virement a été effectué hier.", False),
        # … while a past fact followed by what happens now still counts
        (
            "en",
            "My card never arrived.",
            "It was posted last Monday, and a new one has been ordered today.",
            True,
        ),
        (
            "en",
            "My card never arrived.",
            "I sent a new one this morning, you'll have it tomorrow.",
            True,
        ),
        ("fr", "Ma carte n'est jamais arrivée.", "Je viens de commander une nouvelle carte.", True),
        ("fr", "Ma carte n'est jamais arrivée.", "Votre nouvelle carte sera envoyée le 12.", True),
    ],
)
def test_a_dated_past_fact_is_not_a_next_step(locale, customer, agent, next_step):
    assert ("next_step" in shown(call(locale, f"C: {customer}", f"A: {agent}"), 1)) is next_step
