"""Suggestions fit the call: the customer's address, their problem, the agent's own action,
the scenario's own lines; and a suggestion is never worse than what the agent said."""

from __future__ import annotations

import re

import pytest

from scoring.addressing import Address, address_of, fit_address, with_address
from scoring.findings import Finding
from scoring.messages import MESSAGES, say
from scoring.names import says_name
from scoring.restating import agent_action, customer_problem
from scoring.scorecard import score_transcript
from scoring.spoken import words
from scoring.suggestions import fit_suggestions, said_parts
from scoring.transcript import Transcript
from simulator.authoring.library import load_all, load_scenario
from simulator.authoring.packs import rules_for
from simulator.authoring.settings import Settings
from simulator.authoring.workspace import Workspace
from simulator.conversation.engine import AgentReply, Conversation
from simulator.conversation.scenario import RULE_ID
from simulator.conversation.session import score_conversation
from simulator.errors import InvalidFileError

LOCALES = ["en", "fr"]


def call(locale: str, *turns: str, name: str | None = None, scenario: str | None = None):
    """A transcript from alternating turns, the customer first."""
    speakers = ["customer", "agent"]
    return Transcript(
        locale=locale,
        customer_name=name,
        scenario=scenario,
        turns=[{"speaker": speakers[i % 2], "text": t} for i, t in enumerate(turns)],
    )


def avoided(locale: str) -> list:
    return rules_for(locale).for_dimension("avoided_phrases")


def flagged(locale: str, line: str) -> list[str]:
    text = line.replace("…", " ")
    return [r.id for r in avoided(locale) if r.hits(text)]


def finding(rule: str, suggestion: str | None, turn: int | None = None, category=None):
    dimension = "avoided_phrases" if rule.startswith("avoided.") else "empathy"
    return Finding(
        dimension, rule, "negative", "warning", "why", turn, None, "", suggestion, category
    )


def fit_one(transcript: Transcript, found: Finding, lines=None) -> str | None:
    fitted = fit_suggestions([found], transcript, lines, avoid=avoided(transcript.locale))
    return fitted[0].suggestion


# -- the customer's address -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "name", "customer_says", "expected"),
    [
        ("en", "Mr Okafor", "", "Mr Okafor"),
        ("en", "Mrs Patel", "", "Mrs Patel"),
        ("en", "Ms Patricia Brown", "", "Ms Brown"),
        ("en", "Dr Adeyemi", "", "Dr Adeyemi"),
        ("en", "Mr. O'Brien", "", "Mr O'Brien"),
        ("en", "Monsieur Dupont", "", "Mr Dupont"),
        ("fr", "Monsieur Balagtas", "", "Monsieur Balagtas"),
        ("fr", "Madame Martin", "", "Madame Martin"),
        ("fr", "Mme Martin", "", "Madame Martin"),
        ("fr", "M. Martin", "", "Monsieur Martin"),
        ("fr", "Dr Adeyemi", "", "Docteur Adeyemi"),
        ("fr", "Mr Okafor", "", "Monsieur Okafor"),
        ("fr", "Madame Anne Le Gall", "", "Madame Le Gall"),
        # no title: the full name, no gender guessed
        ("en", "Patricia Brown", "", "Patricia Brown"),
        ("fr", "Camille Martin", "", "Camille Martin"),
        # no title but the customer gives one
        ("en", "Brown", "Hello, it's Mrs Brown here.", "Mrs Brown"),
        ("en", "Patricia Brown", "This is Ms Brown speaking.", "Ms Brown"),
        ("fr", "Martin", "Oui, madame Martin à l'appareil.", "Madame Martin"),
        # a surname alone: no address (curt in English, wrong in French)
        ("en", "Brown", "", None),
        ("fr", "Martin", "", None),
        ("en", None, "", None),
        # a gender-neutral title with no French counterpart
        ("fr", "Mx Brown", "", None),
        ("fr", "Mx Patricia Brown", "", "Patricia Brown"),
        ("en", "Mx Patricia Brown", "", "Mx Brown"),
    ],
)
def test_the_customer_is_addressed_by_title_and_surname(locale, name, customer_says, expected):
    transcript = call(locale, customer_says or "Hello.", "Hello.", name=name)
    assert address_of(transcript).text == expected


def test_a_surname_alone_takes_the_title_the_agent_used():
    transcript = call("en", "Hello.", "Good morning, Ms Brown.", name="Brown")
    assert address_of(transcript).text == "Ms Brown"


@pytest.mark.parametrize(
    ("locale", "line", "address", "expected"),
    [
        (
            "en",
            "Madam, I'm afraid we can't.",
            Address("Mr Okafor"),
            "Mr Okafor, I'm afraid we can't.",
        ),
        (
            "en",
            "Sir, please give me two minutes.",
            Address("Ms Brown"),
            "Ms Brown, please give me two minutes.",
        ),
        ("en", "Madam, I'm afraid we can't.", Address(None), "I'm afraid we can't."),
        (
            "en",
            "You have a point, sir. However…",
            Address("Mrs Patel"),
            "You have a point, Mrs Patel. However…",
        ),
        ("en", "You have a point, sir. However…", Address(None), "You have a point. However…"),
        (
            "fr",
            "Monsieur, donnez-moi 2 minutes.",
            Address("Madame Martin", True),
            "Madame Martin, donnez-moi 2 minutes.",
        ),
        (
            "fr",
            "Vous avez un point, Monsieur. Cependant…",
            Address(None),
            "Vous avez un point. Cependant…",
        ),
        (
            "fr",
            "Madame, êtes-vous prêt à attendre ?",
            Address("Monsieur Balagtas", False),
            "Monsieur Balagtas, êtes-vous prêt à attendre ?",
        ),
        (
            "fr",
            "Madame, êtes-vous prêt à attendre ?",
            Address("Madame Martin", True),
            "Madame Martin, êtes-vous prête à attendre ?",
        ),
        # a name, not a generic address: left alone
        (
            "fr",
            "Merci, Madame Martin.",
            Address("Monsieur Balagtas", False),
            "Merci, Madame Martin.",
        ),
    ],
)
def test_a_generic_address_becomes_the_customers_or_goes(locale, line, address, expected):
    assert fit_address(line, address, locale) == expected


@pytest.mark.parametrize(
    ("locale", "name", "start"),
    [
        ("en", "Mr Okafor", "Mr Okafor, I'm really sorry"),
        ("en", "Ms Patricia Brown", "Ms Brown, I'm really sorry"),
        ("en", "Brown", "I'm really sorry"),
        ("fr", "Monsieur Balagtas", "Monsieur Balagtas, je suis vraiment désolé"),
        ("fr", "Mme Martin", "Madame Martin, je suis vraiment désolé"),
        ("fr", "Martin", "Je suis vraiment désolé"),
    ],
)
def test_a_pack_suggestion_to_madam_reaches_this_customer(locale, name, start):
    line = {"en": "Madam, I'm really sorry to rush you.", "fr": "Madame, je suis vraiment désolé."}
    transcript = call(locale, "Hello.", "Hello.", name=name)
    assert fit_one(transcript, finding("avoided.x", line[locale], 1)).startswith(start)


def test_the_scorecard_fits_the_hurry_up_suggestion_to_mr_okafor():
    transcript = call("en", "I was charged twice for the same room.", "Hold on.", name="Mr Okafor")
    card = score_transcript(transcript, rules_for("en"))
    rushed = [f for f in card.findings if f.rule == "avoided.hurry-up-wait"]
    assert rushed and rushed[0].suggestion
    assert not re.search(r"\b(?:madam|sir)\b", rushed[0].suggestion, re.IGNORECASE)
    assert rushed[0].suggestion.startswith("Mr Okafor, ")


@pytest.mark.parametrize(
    ("locale", "name", "expected"),
    [
        ("en", "Ms Patricia Brown", 'Use their name: "Ms Brown, …"'),
        # the form used on a call is a title and the surname, never the full name
        ("en", "Patricia Brown", say("missing.name.fix.titles", "en", surname="Brown")),
        ("fr", "Mme Martin", "Utilisez son nom : « Madame Martin, … »"),
        ("fr", "Claire Martin", say("missing.name.fix.titles", "fr", surname="Martin")),
        ("en", "Brown", say("missing.name.fix.titles", "en", surname="Brown")),
        ("fr", "Martin", say("missing.name.fix.titles", "fr", surname="Martin")),
    ],
)
def test_the_name_suggestion_uses_the_address(locale, name, expected):
    transcript = call(locale, "Hello.", "Hello.", name=name)
    generic = say("missing.name.fix", locale, name=name)
    found = finding("empathy.missing-name", generic, category="name")
    assert fit_one(transcript, found) == expected


@pytest.mark.parametrize(
    ("locale", "name", "expected"),
    [
        ("en", "Ms Patricia Brown", '"Ms Brown, first we need to…"'),
        ("en", "Patricia Brown", '"Patricia Brown, first we need to…"'),
        ("fr", "Mme Martin", "« Madame Martin, nous devons d'abord… »"),
        # a surname alone is no address: said to the customer, it goes
        ("fr", "Martin", "« Nous devons d'abord… »"),
    ],
)
def test_steering_back_uses_the_address(locale, name, expected):
    transcript = call(locale, "Hello.", "Okay.", name=name)
    generic = say("steer_without_name.fix", locale, name=name)
    found = Finding(
        "interruptions",
        "interruptions.steer-without-name",
        "positive",
        "info",
        "m",
        1,
        None,
        "",
        generic,
    )
    assert fit_one(transcript, found) == expected


# -- the customer's problem, in their own words ---------------------------------------------


@pytest.mark.parametrize(
    ("locale", "customer", "restated"),
    [
        ("en", "My parcel never arrived.", "your parcel never arrived"),
        (
            "en",
            "I was charged twice for the same hotel room. Twice!",
            "you were charged twice for the same hotel room",
        ),
        (
            "en",
            "Look, you charged me twice for the same order.",
            "we charged you twice for the same order",
        ),
        (
            "en",
            "I've been waiting three weeks for my refund, mate.",
            "you've been waiting three weeks for your refund",
        ),
        (
            "en",
            "I called you three times and nobody called me back.",
            "you called us three times and nobody called you back",
        ),
        ("en", "Your engineer didn't turn up on Monday.", "our engineer didn't turn up on Monday"),
        ("fr", "Mon colis n'est jamais arrivé.", "votre colis n'est jamais arrivé"),
        (
            "fr",
            "Bonjour. Ça fait trois semaines que j'attends mon colis.",
            "ça fait trois semaines que vous attendez votre colis",
        ),
        (
            "fr",
            "Vous m'avez facturé deux fois le même mois !",
            "nous vous avons facturé deux fois le même mois",
        ),
        (
            "fr",
            "Écoutez, je ne suis pas satisfait de votre service.",
            "vous n'êtes pas satisfait de notre service",
        ),
        ("fr", "On m'a coupé la ligne sans prévenir.", "on vous a coupé la ligne sans prévenir"),
        (
            "fr",
            "Nous avons attendu le technicien toute la journée.",
            "vous avez attendu le technicien toute la journée",
        ),
        # speech drops the « ne »; the agent's line keeps it
        ("fr", "Moi, j'ai rien reçu.", "vous n'avez rien reçu"),
    ],
)
def test_the_problem_is_restated_from_the_customers_words(locale, customer, restated):
    transcript = call(locale, customer, "Hello.")
    assert customer_problem(transcript) == restated
    generic = say("missing.reformulate.fix", locale)
    suggestion = fit_one(
        transcript, finding("empathy.missing-reformulate", generic, category="reformulate")
    )
    opening = {
        "en": f'"If I understand correctly, {restated}?"',
        "fr": f"« Si je comprends bien, {restated} ? »",
    }
    assert suggestion == opening[locale]


@pytest.mark.parametrize(
    ("locale", "customer"),
    [
        ("en", "Hi, I'd like to check my balance please."),
        ("en", "Broadband down since 6 last night. 2nd time this month."),
        ("en", "Can you tell me why my bill went up?"),
        ("fr", "Bonjour, je voudrais connaître le solde de mon compte."),
        # "je vous ai appelé": the participle would have to agree; not turned round
        ("fr", "Je vous ai appelé trois fois."),
        ("fr", "Tu m'as pas rappelé, hein."),
    ],
)
def test_without_a_problem_to_restate_the_suggestion_stays_generic(locale, customer):
    transcript = call(locale, customer, "Hello.")
    generic = say("missing.reformulate.fix", locale)
    found = finding("empathy.missing-reformulate", generic, category="reformulate")
    assert customer_problem(transcript) is None
    assert fit_one(transcript, found) == generic


@pytest.mark.parametrize(
    "customer",
    [
        "My parcel never arrived and nobody answers the phone.",
        "I was charged twice for the same hotel room.",
        "You charged me twice for the same order.",
    ],
)
def test_a_restatement_invents_nothing(customer):
    restated = customer_problem(call("en", customer))
    turned_round = {"you", "your", "we", "our", "us", "were", "are", "you've", "you're"}
    assert restated
    assert set(words(restated.lower())) - turned_round <= set(words(customer.lower()))


def test_the_generic_suggestions_invent_no_facts():
    for locale in LOCALES:
        for key in ("missing.reformulate.fix", "missing.next_step.fix"):
            text = MESSAGES[key][locale].lower()
            for fact in (
                "charged twice",
                "replacement",
                "refund",
                "facturé deux fois",
                "remplacement",
            ):
                assert fact not in text, (key, locale)


# -- the next step: no invented facts -------------------------------------------------------


def test_a_next_step_on_a_balance_check_invents_no_replacement():
    transcript = call("en", "Hi, I'd like to check my balance.", "Your balance is £40.")
    generic = say("missing.next_step.fix", "en")
    suggestion = fit_one(
        transcript, finding("empathy.missing-next-step", generic, category="next_step")
    )
    assert suggestion == generic
    assert "replacement" not in suggestion and "…" not in suggestion


@pytest.mark.parametrize(
    ("locale", "agent", "action"),
    [
        ("en", "Let me check that for you.", "I'll check that for you"),
        ("en", "OK. I'll look into it. Anything else?", "I'll look into it"),
        ("en", "I'm going to escalate this to my manager.", "I'll escalate this to my manager"),
        ("fr", "Je vais vérifier auprès de l'entrepôt.", "Je vais vérifier auprès de l'entrepôt"),
        ("fr", "Laissez-moi regarder votre dossier.", "Je vais regarder votre dossier"),
    ],
)
def test_a_next_step_is_built_on_what_the_agent_said_they_would_do(locale, agent, action):
    transcript = call(locale, "Hello.", agent)
    assert agent_action(transcript) == action
    generic = say("missing.next_step.fix", locale)
    suggestion = fit_one(
        transcript, finding("empathy.missing-next-step", generic, category="next_step")
    )
    assert suggestion == say("missing.next_step.fix.action", locale, action=action)


@pytest.mark.parametrize(
    ("locale", "agent"),
    [
        ("en", "I'll call you back."),
        ("en", "I won't be able to refund that."),
        ("en", "Will I need to send it back?"),
        ("fr", "Je vais vous rappeler."),
        ("fr", "Je vais pas pouvoir vous rembourser."),
    ],
)
def test_no_action_to_build_on_keeps_the_generic_next_step(locale, agent):
    assert agent_action(call(locale, "Hello.", agent)) is None


# -- the scenario's own lines ---------------------------------------------------------------


def test_a_scenario_line_replaces_the_line_inside_the_advice():
    transcript = call("en", "My line is down.", "We're aware of issues.", name="Mr Murphy")
    generic = say("missing.next_step.fix", "en")
    line = "Your line will be back by 4 pm today, and I'll call you at five to check."
    found = finding("empathy.missing-next-step", generic, category="next_step")
    suggestion = fit_one(transcript, found, {"empathy.missing-next-step": line})
    assert suggestion == f'Tell the customer what happens next, who does it and when: "{line}"'


def test_quotation_marks_in_a_scenario_line_nest_inside_the_advice():
    transcript = call("fr", "Mon colis n'est jamais arrivé.", "D'accord.")
    generic = say("missing.reformulate.fix", "fr")
    line = "Si je comprends bien, le colis est marqué « livré » mais vous ne l'avez pas reçu ?"
    found = finding("empathy.missing-reformulate", generic, category="reformulate")
    suggestion = fit_one(transcript, found, {"empathy.missing-reformulate": line})
    assert suggestion.endswith(
        "« Si je comprends bien, le colis est marqué “livré” mais vous ne l'avez pas reçu ? »"
    )
    assert said_parts(suggestion, "fr") == [line.replace("« ", "“").replace(" »", "”")]


def test_a_scenario_line_replaces_a_pack_suggestion_whole():
    transcript = call("en", "Where is my parcel?", "I don't know.")
    found = finding("avoided.i-dont-know", "Would you mind waiting a minute?", 1)
    line = "Let me find out where your parcel is right now."
    assert fit_one(transcript, found, {"avoided.i-dont-know": line}) == line
    assert fit_one(transcript, found, {"avoided.other-rule": line}) != line


def test_a_scenario_line_set_off_by_the_avoided_rules_is_passed_over():
    transcript = call("en", "Where is my parcel?", "I don't know.")
    found = finding("avoided.i-dont-know", "Would you mind waiting a minute?", 1)
    assert fit_one(transcript, found, {"avoided.i-dont-know": "Hold on, I'll check."}) == (
        "Would you mind waiting a minute?"
    )


SCENARIO = """\
id: en-lines
title: Lines
locale: en
persona: loyal_irritated
customer_name: Ms Patricia Brown
channel: phone
brief: b
objectives: [o]
variables:
  item: kettle
model_lines:
  avoided.i-dont-know: Let me find out where your {{ item }} is right now, {{ customer_name }}.
start: opening
nodes:
  opening:
    customer: My {{ item }} never arrived.
    next:
      - goto: done
  done:
    customer: Bye.
    end: resolved
"""


@pytest.fixture
def lines_scenario(tmp_path):
    path = tmp_path / "en-lines.yml"
    path.write_text(SCENARIO)
    return load_scenario(path)


def test_a_practice_session_is_scored_with_the_scenarios_lines(lines_scenario):
    talk = Conversation(lines_scenario, "Sam", rules_for("en"))
    talk.start()
    talk.reply(AgentReply("I don't know."))
    card = score_conversation(talk)
    [found] = [f for f in card.findings if f.rule == "avoided.i-dont-know"]
    # the variables filled in, and the customer's name said as they are addressed
    assert found.suggestion == "Let me find out where your kettle is right now, Ms Brown."


def test_the_workspace_scores_with_the_lines_of_the_transcripts_scenario(lines_scenario, tmp_path):
    space = Workspace(Settings(scenario_dirs=[tmp_path]))
    transcript = call("en", "My kettle never arrived.", "I don't know.", scenario="en-lines")
    [found] = [f for f in space.score(transcript).findings if f.rule == "avoided.i-dont-know"]
    assert found.suggestion.startswith("Let me find out where your kettle is")
    assert space.model_lines("no-such-scenario") == {} and space.model_lines(None) == {}
    # a scenario edited meanwhile is read again
    (tmp_path / "en-lines.yml").write_text(SCENARIO.replace("right now", "at once"))
    assert "at once" in space.model_lines("en-lines")["avoided.i-dont-know"]


def test_a_model_line_key_must_be_a_rule_id(tmp_path):
    path = tmp_path / "en-lines.yml"
    path.write_text(SCENARIO.replace("  avoided.i-dont-know:", "  I dont know:"))
    with pytest.raises(InvalidFileError) as caught:
        load_scenario(path)
    [problem] = caught.value.problems
    assert problem.line == 12 and problem.key == "model_lines.I dont know"
    assert "not a rule id" in str(problem)


def test_a_model_line_may_not_name_the_agent(tmp_path):
    path = tmp_path / "en-lines.yml"
    path.write_text(SCENARIO.replace("{{ customer_name }}", "{{ agent_name }}"))
    with pytest.raises(InvalidFileError, match="agent_name"):
        load_scenario(path)


BUNDLED = [s for s in load_all().scenarios if s.model_lines]


def test_some_bundled_scenarios_in_each_language_give_model_lines():
    assert {s.locale for s in BUNDLED} == set(LOCALES)


@pytest.mark.parametrize("scenario", BUNDLED, ids=lambda s: s.id)
def test_the_bundled_model_lines_name_real_rules_and_avoid_what_they_correct(scenario):
    rules = {f"{r.pack.pack}.{r.id}" for r in rules_for(scenario.locale).rules}
    missing = {
        "empathy.missing-" + c
        for c in ("acknowledge", "reformulate", "offer-help", "next-step", "name")
    }
    built_in = {
        "interruptions.steer-without-name",
        "interruptions.talk-over-core",
        "pacing.dead-air",
        "empathy.repeated",
    }
    for rule, line in scenario.suggested_lines().items():
        assert re.match(RULE_ID, rule) and rule in rules | missing | built_in, rule
        assert "{{" not in line and flagged(scenario.locale, line) == [], (rule, line)


# -- never worse than what the agent said ---------------------------------------------------

ADDRESSES = {
    "en": [Address(None), Address("Mr Okafor", False), Address("Ms Brown", True)],
    "fr": [Address(None), Address("Madame Martin", True), Address("Monsieur Balagtas", False)],
}
PROBLEMS = {
    "en": ["your parcel never arrived", "we charged you twice for the same order"],
    "fr": ["votre colis n'est jamais arrivé", "nous vous avons facturé deux fois"],
}
ACTIONS = {
    "en": ["I'll check that for you", "I'll look into it"],
    "fr": ["Je vais vérifier auprès de l'entrepôt", "Je vais regarder votre dossier"],
}


def every_suggestion(locale: str):
    """Every line the fitting can make from the packs' and the scorer's own wording."""
    pack_lines = {s for r in avoided(locale) for _, s in r.patterns if s}
    built = [MESSAGES[k][locale] for k in MESSAGES if k.endswith(".fix")]
    built += [say("missing.reformulate.fix.restated", locale, problem=p) for p in PROBLEMS[locale]]
    built += [say("missing.next_step.fix.action", locale, action=a) for a in ACTIONS[locale]]
    for address in [*ADDRESSES[locale], Address("Patricia Brown")]:
        for line in pack_lines:
            fitted = fit_address(line, address, locale)
            yield fitted
            if address.text and address.text not in fitted:
                yield with_address(fitted, address.text)
        for text in built:
            for said in said_parts(text.replace("{name}", address.text or "Okafor"), locale):
                yield fit_address(said, address, locale)


@pytest.mark.parametrize("locale", LOCALES)
def test_no_suggestion_the_fitting_makes_uses_an_avoided_phrase(locale):
    bad = {
        line: flagged(locale, line) for line in every_suggestion(locale) if flagged(locale, line)
    }
    assert bad == {}


@pytest.mark.parametrize(
    ("locale", "customer", "generic_key"),
    [
        (
            "en",
            "Your shop said rules are rules and nobody would refund me.",
            "missing.reformulate.fix",
        ),
        ("fr", "On m'a répondu que c'est la procédure, rien à faire.", "missing.reformulate.fix"),
    ],
)
def test_a_restatement_that_would_be_flagged_falls_back_to_the_generic(
    locale, customer, generic_key
):
    transcript = call(locale, customer, "Hello.")
    assert customer_problem(transcript) is not None
    generic = say(generic_key, locale)
    found = finding("empathy.missing-reformulate", generic, category="reformulate")
    assert fit_one(transcript, found) == generic


@pytest.mark.parametrize(
    ("locale", "name", "agent", "kept"),
    [
        ("en", "Mr Okafor", "Mr Okafor, hold on.", "Mr Okafor"),
        ("en", "Okafor", "Okafor, hold on.", "Okafor"),
        ("fr", "Monsieur Balagtas", "Attendez, monsieur Balagtas.", "Monsieur Balagtas"),
    ],
)
def test_the_customers_name_is_kept_when_the_agent_used_it(locale, name, agent, kept):
    transcript = call(locale, "My parcel never arrived.", agent, name=name)
    found = finding("avoided.x", "Would you mind waiting two minutes?", 1)
    from_pack = fit_one(transcript, found)
    from_scenario = fit_one(transcript, found, {"avoided.x": "I'll be with you in two minutes."})
    for suggestion in (from_pack, from_scenario):
        assert suggestion.startswith(f"{kept}, ") and says_name(suggestion, name, locale)


def test_a_scorecard_keeps_the_name_the_agent_used():
    transcript = call("en", "My parcel never arrived.", "Ms Brown, I don't know.", name="Brown")
    card = score_transcript(transcript, rules_for("en"))
    for found in card.findings:
        if found.turn == 1 and found.suggestion:
            for said in said_parts(found.suggestion, "en"):
                assert "Ms Brown" in said, found


def test_a_suggestion_is_never_the_agents_own_words():
    said = "I understand how frustrating this is."
    transcript = call("en", "My parcel never arrived.", said)
    generic = say("missing.acknowledge.fix", "en")
    found = finding("empathy.missing-acknowledge", generic, 1, "acknowledge")
    assert fit_one(transcript, found) is None
    other = "I'm so sorry, that must be maddening."
    lines = {"empathy.missing-acknowledge": said}
    assert fit_one(call("en", "Hi.", other), found, lines) == f'"{said}"'
    assert fit_one(call("en", "Hi.", said), found, {"empathy.missing-acknowledge": other}) == (
        f'"{other}"'
    )


def test_advice_without_a_line_to_say_is_left_alone():
    transcript = call("en", "Hello.", "Mr Okafor, right.", name="Mr Okafor")
    advice = say("too_fast.fix", "en")
    found = Finding("pacing", "pacing.too-fast", "negative", "warning", "m", 1, None, "", advice)
    assert fit_suggestions([found], transcript)[0] == found
