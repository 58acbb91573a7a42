"""Spoken with no recogniser, the agent's speech is heard (when, how long) but not its
words. The customer tells that apart from silence: no silence penalty, no "are you
there?", no push-back; the call follows the scenario's main path, while an interruption
still counts. The scorecard then judges only what the audio measured."""

from __future__ import annotations

from itertools import pairwise

import pytest

from scoring.scorecard import DEFAULT_WEIGHTS, score_transcript, weighted_overall
from simulator.authoring.library import load_all
from simulator.authoring.packs import rules_for
from simulator.conversation.engine import AgentReply, Conversation, Timing
from simulator.conversation.session import score_conversation

LIBRARY = {s.id: s for s in load_all().scenarios}
SILENT_BRANCH = "en-switching-provider"  # its opening has a `silent: true` branch


def _talk(scenario_id: str) -> Conversation:
    scenario = LIBRARY[scenario_id]
    talk = Conversation(scenario, "Sam", rules_for(scenario.locale), seed=0)
    talk.start()
    return talk


def _spoken(talk: Conversation, text: str = "", after: float = 0.5) -> AgentReply:
    """A reply spoken ``after`` seconds after the customer's last turn ends (negative:
    cutting in), the customer's turn timed as it played."""
    start = max((t.end for t in talk.transcript.turns if t.end is not None), default=0.0) + 0.5
    customer = Timing(start, start + 6.0, ((start, start + 4.0), (start + 4.0, start + 6.0)))
    talk.customer_timing(customer)
    begins = customer.end + after
    return AgentReply(text, start=begins, end=begins + 4.0)


def test_speech_with_no_words_is_not_silence():
    talk = _talk(SILENT_BRANCH)
    before = talk.mood
    step = talk.reply(_spoken(talk))
    assert step.branch is not None and step.branch.when is not None
    assert step.branch.when.silent is None  # not the "dead air" branch
    assert step.next.node == "taken_for_granted"  # the model answer's next node
    assert not any("silence" in r for r in step.reasons)
    assert step.mood_after == before  # loyal_irritated: no drift, nothing heard to judge


def test_a_real_silence_still_takes_the_silent_branch():
    talk = _talk(SILENT_BRANCH)
    before = talk.mood
    step = talk.reply(AgentReply(""))  # nothing heard: no start time
    assert step.branch is not None and step.branch.when is not None
    assert step.branch.when.silent is True
    assert step.next.node == "still_there"
    assert step.mood_after < before and any("silence" in r for r in step.reasons)


def test_a_typed_empty_reply_is_silence():
    assert AgentReply("").silent and not AgentReply("").unheard
    assert AgentReply("", start=3.0, end=5.0).unheard
    assert not AgentReply("Hello.", start=3.0, end=5.0).unheard
    assert not AgentReply("Hello.").silent


def test_cutting_into_the_complaint_still_counts_without_words():
    talk = _talk(SILENT_BRANCH)
    step = talk.reply(_spoken(talk, after=-4.0))  # inside the complaint
    assert step.branch is not None and step.branch.when is not None
    assert step.branch.when.interrupted == "core"
    assert step.next.node == "switching"


@pytest.mark.parametrize("scenario_id", sorted(LIBRARY))
def test_without_words_the_customer_walks_the_model_answers_path(scenario_id):
    talk = _talk(scenario_id)
    visited = [talk.node]
    while not talk.finished:
        visited.append(talk.reply(_spoken(talk)).next.node)
    assert visited == LIBRARY[scenario_id].model_answer().expect.path
    assert talk.outcome == "resolved"


def test_words_nobody_heard_earn_no_push_back():
    """Two replies without words are not "said again", nor a question left unanswered."""
    from tests.unit.test_engine import _asking

    scenario = _asking("en").model_copy(update={"max_turns": 5})
    talk = Conversation(scenario, "Sam", rules_for("en"), seed=1)
    talk.start()
    step = talk.reply(_spoken(talk))
    assert step.next.node == "done"


def test_with_no_model_answer_the_nearest_way_to_a_resolved_ending(minimal_scenario, mini_rules):
    talk = Conversation(minimal_scenario, "Sam", rules=mini_rules)
    talk.start()
    # empathy is not held against the agent: the calmer way, then the next step
    assert talk.reply(_spoken(talk)).next.node == "calmer"
    assert talk.reply(_spoken(talk)).next.node == "done"
    assert talk.outcome == "resolved"


def test_a_model_answer_without_a_written_path_is_played_to_find_it():
    scenario = LIBRARY["fr-facture-contestee"].model_copy(deep=True)
    expected = list(scenario.model_answer().expect.path)
    scenario.model_answer().expect.path = None
    talk = Conversation(scenario, "Sam", rules_for("fr"), seed=3)
    assert talk.main_path().next == dict(pairwise(expected))


def _unheard_call(scenario_id: str) -> Conversation:
    """A call spoken to the end with no word recognised, each turn's pace measured."""
    from scoring.transcript import MeasuredPacing

    talk = _talk(scenario_id)
    while not talk.finished:
        talk.reply(_spoken(talk))
    for _, turn in talk.transcript.agent_turns():
        turn.measured = MeasuredPacing(wpm=150, words=10, words_source="syllables")
    return talk


@pytest.mark.parametrize("scenario_id", ["en-switching-provider", "fr-facture-contestee"])
def test_the_scorecard_judges_only_what_the_audio_measured(scenario_id):
    talk = _unheard_call(scenario_id)
    assert talk.outcome == "resolved"
    card = score_conversation(talk)
    assert card.words_unheard and card.to_dict()["words_unheard"] is True
    assert card.dimensions["empathy"].skipped == "no_words"
    assert card.dimensions["avoided_phrases"].skipped == "no_words"
    assert card.dimensions["pacing"].score is not None
    assert card.dimensions["interruptions"].score is not None
    # the outcome reached on the main path and the objectives are not counted
    assert card.objectives == [] and card.call_result is None
    scores = {name: result.score for name, result in card.dimensions.items()}
    weights = talk.scenario.weights.model_dump()
    assert card.overall == weighted_overall(scores, weights)
    assert card.overall == weighted_overall(
        {"pacing": scores["pacing"], "interruptions": scores["interruptions"]}, weights
    )


def test_a_call_with_words_still_counts_its_outcome():
    talk = _talk("en-switching-provider")
    for reply in LIBRARY["en-switching-provider"].model_answer().replies:
        if not talk.finished:
            talk.reply(AgentReply(reply))
    card = score_transcript(
        talk.transcript,
        talk.rules,
        DEFAULT_WEIGHTS,
        objectives=talk.scenario.checked_objectives,
        outcome=talk.outcome,
    )
    assert not card.words_unheard and card.call_result is not None and card.objectives


def _cut_in(length: float, at: float) -> object:
    """A customer's complaint then digression, and an agent who starts speaking at ``at``
    for ``length`` seconds, no word of it recognised."""
    from scoring.transcript import Transcript

    return Transcript.model_validate(
        {
            "locale": "en",
            "customer_name": "Mrs Lee",
            "turns": [
                {
                    "speaker": "customer",
                    "text": "You charged me twice. Anyway my cat is ill.",
                    "start": 0.0,
                    "end": 8.0,
                    "segments": [
                        {"text": "You charged me twice.", "tag": "core", "start": 0.0, "end": 4.0},
                        {
                            "text": "Anyway my cat is ill.",
                            "tag": "digression",
                            "start": 4.0,
                            "end": 8.0,
                        },
                    ],
                },
                {"speaker": "agent", "text": "", "start": at, "end": at + length},
            ],
        }
    )


@pytest.mark.parametrize(
    ("length", "at", "rules"),
    [
        (3.0, 1.5, ["interruptions.talk-over-core"]),  # talking over the complaint
        (0.5, 1.5, []),  # a short sound over it: a backchannel, as "mhm" is
        (3.0, 5.0, []),  # steering the digression back: the name cannot be heard
    ],
)
def test_interruptions_are_judged_from_timing_when_words_are_unknown(length, at, rules):
    from scoring.interruptions import score_interruptions

    result = score_interruptions(_cut_in(length, at))
    assert [f.rule for f in result.findings] == rules
    assert result.score == (75 if rules else 100)
