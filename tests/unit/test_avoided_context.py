"""Phrases to avoid, in context: whose words they are, and whether they are said at all.

A phrase to avoid is a finding only when the agent says it in their own voice: not
when quoting the customer or someone else, not under a negation, not in an honest
"I don't know yet, but I'll find out", not in an "attendez" that makes nobody wait.
Each family of the avoided packs is checked here in French and English, written and
as a recogniser hears it (lower case, no punctuation).
"""

from __future__ import annotations

import pytest

from scoring.phrases import rule_hits, turn_findings
from scoring.rules import CompiledRule, RulePack, SubstitutionRule, TurnContext
from scoring.scope import is_negated, is_quoted, quoted_spans
from scoring.spoken import normalise
from simulator.authoring.packs import rules_for


def _avoided(locale: str) -> list[CompiledRule]:
    return rules_for(locale).for_dimension("avoided_phrases")


def flagged(locale: str, said: str, customer: str | None = None) -> set[str]:
    """The avoided rules (ids without the pack) that fire on one agent turn."""
    context = TurnContext(previous_customer_text=customer)
    return {
        f.rule.split(".", 1)[1] for f in turn_findings(_avoided(locale), said, 0, None, context)
    }


# --- quotation ---------------------------------------------------------------------------

QUOTED = [
    ("en", "You said 'it's not my problem', and you're right to be upset.", None),
    ("en", "You were told \"that's not our department\" twice. I'm sorry.", None),
    ("en", "When they told you it wasn't their department, they were wrong.", None),
    ("en", "you said it's not my problem and i understand why you feel that way", None),
    ("en", "Someone told you there's nothing we can do, and that was wrong.", None),
    ("en", "You think I don't care, but I do.", None),
    ("fr", "Vous me dites « c'est pas mon problème » : je comprends que vous soyez fâché.", None),
    ("fr", "On vous a dit que ce n'était pas notre service, et c'était faux.", None),
    ("fr", "vous me dites qu'on vous a répondu je m'en fiche c'est inadmissible", None),
    ("fr", "D'après vous, personne ne peut rien faire : je vais vous prouver le contraire.", None),
    # the customer's own words, repeated word for word
    (
        "en",
        "Of course I'm not. Your team said there is nothing we can do about it, really?",
        "Your team said there is nothing we can do about it, and hung up!",
    ),
    (
        "fr",
        "Pardon ? On vous a répondu c'est comme ça et puis c'est tout ?",
        "Votre collègue m'a dit c'est comme ça et puis c'est tout, et il a raccroché.",
    ),
]


@pytest.mark.parametrize(("locale", "said", "customer"), QUOTED, ids=[q[1][:40] for q in QUOTED])
def test_quoted_words_are_not_the_agents(locale: str, said: str, customer: str | None) -> None:
    assert flagged(locale, said, customer) == set()


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        # agreeing with the customer ("as you said") is speaking for oneself
        ("en", "As you said, there's nothing I can do."),
        ("fr", "Comme vous dites, c'est pas mon problème."),
        # the quotation ends with its clause; what follows is the agent's
        ("en", "You said the parcel was late. Not my problem."),
        ("en", "Whatever you say, there's nothing I can do."),
        ("fr", "Vous dites que le colis est en retard. Je m'en fiche."),
    ],
)
def test_only_the_quotation_is_spared(locale: str, said: str) -> None:
    assert flagged(locale, said)


def test_a_few_common_words_shared_with_the_customer_are_not_a_quotation() -> None:
    assert "i-dont-know" in flagged("en", "I don't know.", "I don't know what happened!")
    assert "je-ne-sais-pas" in flagged("fr", "Je sais pas.", "Je sais pas quoi faire !")


def test_quoted_spans_read_quote_marks_that_normalising_removes() -> None:
    norm = normalise("Vous dites « c'est pas mon problème » : d'accord.", "fr")
    spans = quoted_spans(norm, None, "fr")
    start = norm.text.index("c'est pas mon probleme")
    assert is_quoted(start, start + len("c'est pas mon probleme"), spans)
    assert not is_quoted(norm.text.index("d'accord"), len(norm.text), spans)


def test_an_apostrophe_is_not_a_quote_mark() -> None:
    norm = normalise("It's not my problem, that's the courier's.", "en")
    assert quoted_spans(norm, None, "en") == []


# --- negation ----------------------------------------------------------------------------

NEGATED = [
    ("en", "I'm not going to tell you to calm down; you've every reason to be angry."),
    ("en", "I won't tell you there's nothing I can do, because there is something."),
    ("en", "It's not that I don't care, it's that I need the order number."),
    ("en", "I'm not saying you're wrong."),
    ("en", "i would never tell a customer to calm down"),
    ("en", "I won't leave you without a solution."),
    ("fr", "Je ne vais pas vous dire de vous calmer : vous avez toutes les raisons d'être fâché."),
    ("fr", "Ce n'est pas que je m'en fiche, au contraire."),
    ("fr", "Je ne dis pas que vous avez tort."),
    ("fr", "je vais pas vous dire que c'est la procédure"),
    ("fr", "Je ne vais pas vous laisser sans solution."),
    ("fr", "Loin de moi l'idée de vous dire de vous calmer, vous avez raison."),
]


@pytest.mark.parametrize(("locale", "said"), NEGATED, ids=[n[1][:40] for n in NEGATED])
def test_negated_phrases_are_not_findings(locale: str, said: str) -> None:
    assert flagged(locale, said) == set()


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        # a negation that belongs to another statement does not reach the phrase
        ("en", "i don't know not my problem"),
        ("en", "I'm not the manager. Calm down."),
        ("fr", "je sais pas c'est pas mon problème"),
        ("fr", "C'est pas grave. Calmez-vous."),
    ],
)
def test_a_negation_only_governs_its_own_statement(locale: str, said: str) -> None:
    assert flagged(locale, said)


def test_is_negated_reads_words_of_saying_between() -> None:
    norm = normalise("I'm not going to ask you to calm down", "en")
    assert is_negated(norm, norm.text.index("calm"), "en")
    norm = normalise("I'm not happy you calm down", "en")
    assert not is_negated(norm, norm.text.index("calm"), "en")


# --- honest "I don't know yet" -----------------------------------------------------------

HONEST = [
    ("en", "I don't know yet, but I'll ring the depot and call you back by four."),
    ("en", "I don't know yet: the system is down. I'll check as soon as it's back and email you."),
    ("en", "i don't know yet but i'll find out and call you back this afternoon"),
    ("en", "No idea yet, so let me check with the warehouse."),
    ("fr", "Je ne sais pas encore, mais je me renseigne et je vous rappelle avant midi."),
    (
        "fr",
        "Je ne sais pas encore : l'atelier ne m'a pas répondu. Je les relance et je vous écris.",
    ),
    ("fr", "je sais pas encore mais je vais vérifier et je vous rappelle"),
    ("fr", "Je ne sais pas, mais je vais me renseigner tout de suite."),
]


@pytest.mark.parametrize(("locale", "said"), HONEST, ids=[h[1][:40] for h in HONEST])
def test_an_honest_dont_know_with_a_follow_up_is_not_a_finding(locale: str, said: str) -> None:
    assert flagged(locale, said) == set()


@pytest.mark.parametrize(
    ("locale", "said", "rule"),
    [
        ("en", "I don't know. It happens.", "i-dont-know"),
        ("en", "dunno mate", "i-dont-know"),
        ("en", "I don't know yet.", "i-dont-know"),
        ("fr", "Je sais pas, moi.", "je-ne-sais-pas"),
        ("fr", "chais pas madame", "je-ne-sais-pas"),
        ("fr", "Je ne sais pas encore.", "je-ne-sais-pas"),
    ],
)
def test_a_dont_know_that_closes_the_door_is_still_found(locale: str, said: str, rule: str) -> None:
    assert rule in flagged(locale, said)


# --- an "attendez" that makes nobody wait ------------------------------------------------

ENTHUSIASTIC = [
    ("fr", "Attendez, je vais vous arranger ça tout de suite !"),
    ("fr", "Alors… attendez… ah, ça y est, je la vois !"),
    ("fr", "attendez j'ai une meilleure idée"),
    ("fr", "Attendez, j'ai mieux : je vous l'envoie en express."),
    ("en", "Wait, I can do better than that."),
    ("en", "Hang on, oh, there it is, I can see your booking."),
    ("en", "wait yes here it is"),
    ("en", "Hold on, I've got an idea: I'll send it from the other depot."),
]


@pytest.mark.parametrize(("locale", "said"), ENTHUSIASTIC, ids=[e[1][:40] for e in ENTHUSIASTIC])
def test_an_enthusiastic_wait_is_not_a_hurry(locale: str, said: str) -> None:
    assert flagged(locale, said) == set()


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("fr", "Attendez."),
        ("fr", "attendez attendez"),
        ("fr", "Attendez, je cherche."),
        ("fr", "Veuillez patienter."),
        ("en", "Hold on."),
        ("en", "wait"),
        ("en", "One moment, please."),
    ],
)
def test_a_bare_wait_is_still_a_hurry(locale: str, said: str) -> None:
    assert flagged(locale, said) & {"depechez-attendez", "hurry-up-wait"}


# --- each family -------------------------------------------------------------------------

FAMILIES: dict[tuple[str, str], tuple[list[str], list[str]]] = {
    ("en", "calm-down"): (
        ["Okay, calm down.", "Madam, please relax.", "stop shouting at me", "no need to yell sir"],
        ["Things should calm down after the weekend.", "You can relax, it's all booked."],
    ),
    ("fr", "calmez-vous"): (
        ["Calmez-vous, monsieur.", "Ne vous énervez pas.", "baissez d'un ton", "du calme madame"],
        ["Le calme revient sur la ligne.", "Vous êtes en colère, et je le comprends."],
    ),
    ("en", "not-my-fault"): (
        ["Not my fault, sir.", "Blame the carrier.", "it's the bank's problem not ours"],
        ["It wasn't your fault at all.", "The bank will text you a code."],
    ),
    ("fr", "pas-ma-faute"): (
        ["C'est pas ma faute.", "C'est la faute du transporteur.", "c'est le système qui décide"],
        ["Ce n'est pas votre faute.", "Le transporteur passe demain matin."],
    ),
    ("en", "not-my-department"): (
        ["That isn't my department.", "that's handled by the claims team not us"],
        ["I'll pass it to the claims team myself and call you back."],
    ),
    ("fr", "pas-mon-service"): (
        ["Ce n'est pas mon rayon.", "c'est la comptabilité qui gère pas nous"],
        ["Je transmets moi-même au service sinistres et je vous rappelle."],
    ),
    ("en", "talking-down"): (
        ["You're not listening.", "With all due respect, no.", "per my last email madam"],
        ["I'm listening.", "With respect to your refund, it's done."],
    ),
    ("fr", "ton-condescendant"): (
        [
            "Vous ne m'écoutez pas.",
            "Avec tout le respect que je vous dois, non.",
            "écoutez moi bien",
        ],
        ["Je vous écoute.", "Laissez-moi regarder votre dossier."],
    ),
    ("en", "as-i-said"): (
        ["As I told you, it's closed.", "i already told you"],
        ["As I promised, here's the update."],
    ),
    ("fr", "comme-je-vous-ai-dit"): (
        ["Comme je vous l'ai dit, c'est fermé.", "je vous ai déjà expliqué"],
        ["Comme je vous l'ai promis, je vous rappelle."],
    ),
    ("en", "you-should-have"): (
        ["You should have called us sooner.", "you must have clicked the wrong box"],
        ["You should have had a text from us.", "You must have been worried sick."],
    ),
    ("fr", "vous-auriez-du"): (
        ["Il fallait nous prévenir.", "vous auriez dû lire le contrat"],
        ["Vous auriez dû être prévenu, c'est notre faute.", "Vous avez dû attendre longtemps."],
    ),
    ("en", "nothing-i-can-do"): (
        ["There's nothing I can do.", "nothing i can do about it"],
        ["There's nothing more I can do on the fee, but here's a voucher."],
    ),
    ("fr", "rien-a-faire"): (
        ["Je ne peux rien faire.", "y a rien que je puisse faire"],
        ["Je ne peux rien faire sur les frais, mais je vous propose un avoir."],
    ),
    ("en", "thats-just-how-it-is"): (
        ["That's just how it is.", "what do you want me to do about it"],
        ["That's how it works: you get a text, then the engineer calls."],
    ),
    ("fr", "fin-de-non-recevoir"): (
        ["C'est comme ça.", "qu'est ce que vous voulez que j'y fasse"],
        ["C'est comme ça qu'on va faire : je lance l'échange."],
    ),
    ("en", "thats-our-policy"): (
        ["That's company policy.", "rules are rules", "the system won't let me"],
        ["Our policy gives you 30 days, so you're fine."],
    ),
    ("fr", "c-est-la-politique"): (
        ["C'est la procédure.", "le système me permet pas", "c'est le règlement madame"],
        ["La procédure est simple : je vous envoie le lien."],
    ),
    ("en", "sarcasm"): (
        ["Good luck with that.", "Do you want a medal?", "well done you"],
        ["Good luck with the move!", "Well done for keeping the receipt."],
    ),
    ("fr", "sarcasme"): (
        ["Eh ben bravo.", "Vous voulez une médaille ?", "c'est bien la peine"],
        ["Bon courage pour la suite !", "Bien vu, merci."],
    ),
    ("en", "get-over-it"): (
        ["You'll have to get used to it.", "it's not the end of the world"],
        ["I'll deal with it today."],
    ),
    ("fr", "faut-vous-adapter"): (
        ["Faut vous adapter.", "y a pas mort d'homme"],
        ["Je vais m'adapter à vos horaires."],
    ),
}
FAMILY_CASES = [
    (locale, rule, said, kind)
    for (locale, rule), (flags, passes) in FAMILIES.items()
    for kind, texts in (("flag", flags), ("pass", passes))
    for said in texts
]


@pytest.mark.parametrize(
    ("locale", "rule", "said", "kind"),
    FAMILY_CASES,
    ids=[f"{c[0]}.{c[1]}.{c[3]}:{c[2][:30]}" for c in FAMILY_CASES],
)
def test_each_family(locale: str, rule: str, said: str, kind: str) -> None:
    found = flagged(locale, said)
    if kind == "flag":
        assert rule in found, f"{said!r} should be flagged by {rule}: {found}"
    else:
        assert not found, f"{said!r} should pass: {found}"


# --- suggestions and scope ---------------------------------------------------------------


def _suggestions(locale: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for rule in _avoided(locale):
        for _, suggestion in rule.patterns:
            if suggestion and (rule.id, suggestion) not in found:
                found.append((rule.id, suggestion))
    return found


SUGGESTIONS = [
    (locale, rule, text) for locale in ("en", "fr") for rule, text in _suggestions(locale)
]


@pytest.mark.parametrize(
    ("locale", "rule", "suggestion"), SUGGESTIONS, ids=[f"{s[0]}.{s[1]}" for s in SUGGESTIONS]
)
def test_no_suggestion_says_a_phrase_to_avoid(locale: str, rule: str, suggestion: str) -> None:
    said = suggestion.replace("…", "").strip()
    found = {
        f"{f.rule}: {f.quote}"
        for f in turn_findings(_avoided(locale), said, 0, None, TurnContext())
    }
    assert not found, f"the suggestion of {rule} is itself flagged: {found}"


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_every_flagged_example_is_said_in_the_agents_own_voice(locale: str) -> None:
    """The packs' own flagged examples are found in context too, not only by the rule."""
    for rule in _avoided(locale):
        for said in rule.rule.examples.flag:
            assert rule_hits(rule, said, TurnContext()), f"{rule.id}: {said!r}"


def test_scope_applies_to_phrases_to_avoid_only() -> None:
    pack = RulePack(pack="demo", locale="en", dimension="empathy", polarity="positive")
    rule = SubstitutionRule.model_validate(
        {"id": "sorry", "type": "substitution", "message": "m", "swap": {"i am sorry": "x"}}
    )
    compiled = CompiledRule(rule, pack)
    said = "You said 'I am sorry' is not enough."
    assert rule_hits(compiled, said, TurnContext())
    negative = CompiledRule(rule, pack.model_copy(update={"polarity": "negative"}))
    assert not rule_hits(negative, said, TurnContext())


@pytest.mark.parametrize(
    ("locale", "said", "rule"),
    [
        ("fr", "Je sais pas, c'est pas mon problème.", "pas mon probleme"),
        ("en", "I don't know, not my job.", "not my job"),
    ],
)
def test_a_phrase_that_is_itself_a_negation_is_not_undone_by_an_earlier_one(locale, said, rule):
    from scoring.scope import is_negated
    from scoring.spoken import normalise

    norm = normalise(said, locale)
    start = norm.text.lower().index(rule)
    assert not is_negated(norm, start, locale)
