import pytest

from simulator.conversation.engine import AgentReply, Conversation, Timing


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
