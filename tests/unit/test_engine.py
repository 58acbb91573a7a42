import pytest

from simulator.authoring.packs import rules_for
from simulator.conversation.engine import (
    IGNORED_LINES,
    REPEATED_LINES,
    AgentReply,
    Conversation,
    Timing,
)
from simulator.conversation.scenario import Branch, Condition


def test_empathy_takes_the_calmer_path_and_next_step_resolves(minimal_scenario, mini_rules):
    talk = Conversation(minimal_scenario, "Sam", rules=mini_rules)
    opening = talk.start()
    assert opening.node == "opening"
    assert opening.lines[0].text == "My kettle was supposed to come on Monday and it's Thursday."
    assert [line.tag for line in opening.lines] == ["core", "digression"]
    step = talk.reply(AgentReply("I'm sorry Mrs Johnson, I understand."))
    assert step.next.node == "calmer"
    assert step.mood_after > step.mood_before
    assert {f.category for f in step.findings} >= {"apologise", "acknowledge", "name"}
    step = talk.reply(AgentReply("You'll have it by Friday."))
    assert step.next.node == "done" and talk.outcome == "resolved"
    assert talk.finished


def test_an_avoided_phrase_takes_the_angrier_path(minimal_scenario, mini_rules):
    talk = Conversation(minimal_scenario, "Sam", rules=mini_rules)
    talk.start()
    step = talk.reply(AgentReply("I dunno."))
    assert step.next.node == "annoyed"
    assert step.mood_after < step.mood_before
    assert any("avoided phrase" in r for r in step.reasons)
    assert [f.quote for f in step.findings] == ["I dunno"]


def test_mood_below_the_persona_threshold_hangs_up(minimal_scenario, mini_rules):
    scenario = minimal_scenario.model_copy(update={"mood": 5})
    talk = Conversation(scenario, "Sam", rules=mini_rules)
    talk.start()
    step = talk.reply(AgentReply("I don't know. I do not know."))
    assert step.next.node == "gone"
    assert talk.outcome == "hung_up"


def test_the_transcript_records_both_sides(minimal_scenario, mini_rules):
    talk = Conversation(minimal_scenario, "Sam", rules=mini_rules)
    talk.start()
    talk.reply(AgentReply("Hello."))
    speakers = [t.speaker for t in talk.transcript.turns]
    assert speakers == ["customer", "agent", "customer"]
    assert talk.transcript.turns[0].segments[1].tag == "digression"


def test_interrupting_the_complaint_is_detected_from_timing(minimal_scenario, mini_rules):
    talk = Conversation(minimal_scenario, "Sam", rules=mini_rules)
    talk.start()
    talk.customer_timing(Timing(0.0, 8.0, ((0.0, 4.0), (4.0, 8.0))))
    assert talk.interrupted(AgentReply("Yes but", start=2.0, end=3.0)) == "core"
    assert talk.interrupted(AgentReply("Mrs Johnson, first", start=5.0, end=6.0)) == "digression"
    assert talk.interrupted(AgentReply("mm", start=2.0, end=2.3)) is None
    assert talk.interrupted(AgentReply("Right so", start=8.1, end=9.0)) is None


def test_max_turns_stops_the_call(minimal_scenario, mini_rules):
    scenario = minimal_scenario.model_copy(update={"max_turns": 1})
    talk = Conversation(scenario, "Sam", rules=mini_rules)
    talk.start()
    step = talk.reply(AgentReply("Hello."))
    assert talk.outcome == "stopped" and step.next.lines == ()


def test_replying_after_the_end_is_a_bug(minimal_scenario, mini_rules):
    talk = Conversation(
        minimal_scenario.model_copy(update={"max_turns": 1}), "Sam", rules=mini_rules
    )
    talk.start()
    talk.reply(AgentReply("Hello."))
    with pytest.raises(RuntimeError):
        talk.reply(AgentReply("Hello again."))


def test_every_customer_type_of_the_scenario_model_has_its_reactions():
    from simulator.conversation.personas import PERSONAS
    from simulator.conversation.scenario import PERSONA_TYPES

    assert set(PERSONAS) == set(PERSONA_TYPES)


def test_the_customer_reads_a_repeated_reply_as_the_scorecard_does(minimal_scenario, mini_rules):
    """A formula said again earns no empathy from the live customer either: the engine
    reads each reply with the scorer's reader (scoring.behaviours.turn_evidence)."""
    scenario = minimal_scenario.model_copy(update={"max_turns": 5})
    talk = Conversation(scenario, "Sam", rules=mini_rules)
    talk.start()
    formula = "I'm sorry Mrs Johnson, I understand how annoying this is."
    first = talk.reply(AgentReply(formula))
    assert {"apologise", "acknowledge"} <= {f.category for f in first.findings}
    if talk.finished:
        pytest.skip("the minimal scenario ended after one reply")
    again = talk.reply(AgentReply(formula))
    assert not [f for f in again.findings if f.dimension == "empathy"]


def _asking(locale: str):
    from simulator.conversation.scenario import Scenario

    question = {
        "en": "So when do I get my money back?",
        "fr": "Alors, je suis remboursée quand ?",
    }[locale]
    return Scenario.model_validate(
        {
            "id": f"{locale}-asking",
            "title": "Asking",
            "locale": locale,
            "persona": "loyal_irritated",
            "customer_name": "Mrs Lee",
            "channel": "phone",
            "brief": "b",
            "objectives": ["o"],
            "start": "ask",
            "nodes": {
                "ask": {"customer": question, "next": [{"goto": "done"}]},
                "done": {"customer": "Fine.", "end": "resolved"},
            },
        }
    )


@pytest.mark.parametrize(
    ("locale", "dodge", "answer"),
    [
        (
            "en",
            "I'm so sorry, I understand how upsetting this is.",
            "The refund reaches you Friday.",
        ),
        (
            "fr",
            "Je suis désolé, je comprends que ce soit pénible.",
            "Le remboursement arrive vendredi.",
        ),
    ],
)
def test_a_reply_that_leaves_the_question_unanswered_is_pushed_back(locale, dodge, answer):
    rules = rules_for(locale)
    talk = Conversation(_asking(locale), "Sam", rules=rules, seed=1)
    talk.start()
    step = talk.reply(AgentReply(dodge))
    assert step.next.node == "ask" and step.next.text in IGNORED_LINES[locale]
    assert step.mood_after < step.mood_before + 10
    step = talk.reply(AgentReply(answer))
    assert step.next.node == "done"


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_a_reply_said_again_is_pushed_back_and_the_call_stays_put(locale):
    scenario = _asking(locale).model_copy(update={"max_turns": 5})
    scenario.nodes["ask"].next = [
        Branch(when=Condition(says=["vendredi|friday"]), goto="done"),
        Branch(goto="ask"),
    ]
    talk = Conversation(scenario, "Sam", rules=rules_for(locale), seed=1)
    talk.start()
    said = "Let me check your file." if locale == "en" else "Je regarde votre dossier."
    talk.reply(AgentReply(said))
    step = talk.reply(AgentReply(said))
    assert step.next.text in REPEATED_LINES[locale]
    assert any("said again" in r for r in step.reasons)


def test_a_seed_makes_the_wording_repeatable():
    from simulator.conversation.scenario import Scenario

    scenario = Scenario.model_validate(
        {
            "id": "en-vary",
            "title": "Vary",
            "locale": "en",
            "persona": "loyal_irritated",
            "customer_name": "Mrs Lee",
            "channel": "phone",
            "brief": "b",
            "objectives": ["o"],
            "start": "a",
            "nodes": {
                "a": {"customer": [{"text": [f"Line {i}." for i in range(9)]}], "end": "resolved"}
            },
        }
    )
    rules = rules_for("en")

    def opening(seed):
        return Conversation(scenario, "Sam", rules=rules, seed=seed).start().text

    assert opening(7) == opening(7)
    assert len({opening(None) for _ in range(8)}) > 1


def test_a_reply_taken_back_leaves_the_call_as_it_was(minimal_scenario, mini_rules):
    """The agent went on with a reply as the customer answered: the reply and the
    answer are undone, and the reply gone on with is met as if it came first."""

    def replied(*replies: AgentReply, take_back: bool = False):
        talk = Conversation(minimal_scenario, "Sam", rules=mini_rules, seed=3)
        talk.start()
        if take_back:
            talk.reply(AgentReply("I dunno."))  # the angrier path, and a mood drop
            talk.take_back()
        steps = [talk.reply(reply) for reply in replies]
        return talk, steps

    said = AgentReply("I'm sorry Mrs Johnson, I understand. You'll have it by Friday.")
    plain, plain_steps = replied(said)
    undone, undone_steps = replied(said, take_back=True)
    assert undone.transcript == plain.transcript
    assert (undone.mood, undone.moods, undone.node) == (plain.mood, plain.moods, plain.node)
    assert undone.outcome == plain.outcome and undone.steps == plain_steps == undone_steps


def test_only_the_last_reply_can_be_taken_back(minimal_scenario, mini_rules):
    talk = Conversation(minimal_scenario, "Sam", rules=mini_rules)
    talk.start()
    with pytest.raises(RuntimeError):
        talk.take_back()
    talk.reply(AgentReply("Hello."))
    talk.take_back()
    with pytest.raises(RuntimeError):
        talk.take_back()
