"""The bundled scenarios teach: long enough to practise, varied, and not to be gamed.

- every good example takes at least six replies, resolves, and meets every objective;
- a formula pasted into every turn, or "Ok." every turn, never resolves a scenario and
  stays under 50 and 30;
- the opening, the objections and the endings have at least three wordings, and a seed
  makes a run repeatable.
"""

from __future__ import annotations

import pytest

from simulator.authoring.library import load_all
from simulator.authoring.packs import rules_for
from simulator.conversation.engine import AgentReply, Conversation
from simulator.conversation.session import score_conversation

SCENARIOS = load_all().scenarios
IDS = [s.id for s in SCENARIOS]

FORMULA = {
    "en": "I'm so sorry, {name}. I understand how frustrating this is. So what you're saying "
    "is… Let me take care of this. I'll call you back tomorrow.",
    "fr": "Je suis vraiment désolé, {name}. Je comprends à quel point c'est frustrant. Si je "
    "comprends bien… Je vais m'en occuper. Je vous rappelle demain.",
}
GOOD_REPLIES_AT_LEAST = 6


def play(scenario, replies, seed=0):
    talk = Conversation(scenario, "Sam", rules_for(scenario.locale), seed=seed)
    talk.start()
    for reply in replies:
        if talk.finished:
            break
        talk.reply(AgentReply(reply))
    talk.stop()
    return talk, score_conversation(talk)


def test_the_library_has_eight_scenarios_per_language_and_every_customer_type():
    for locale in ("fr", "en"):
        mine = [s for s in SCENARIOS if s.locale == locale]
        assert len(mine) == 8, locale
        assert {s.persona for s in mine} == {
            "active_hater",
            "extreme_critic",
            "loyal_irritated",
            "passionate_loyal",
        }


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_the_good_example_is_a_whole_call_that_resolves_and_meets_the_objectives(scenario):
    good = [e for e in scenario.examples if e.expect.outcome == "resolved"]
    assert good, "a scenario ships a good handling that resolves"
    example = good[0]
    assert len(example.replies) >= GOOD_REPLIES_AT_LEAST
    talk, card = play(scenario, example.replies, example.seed)
    assert talk.outcome == "resolved"
    replies = sum(1 for t in talk.transcript.turns if t.speaker == "agent")
    assert replies >= GOOD_REPLIES_AT_LEAST
    assert scenario.checked_objectives, "objectives are checked, not only read"
    assert all(o.met for o in card.objectives), [o.id for o in card.objectives if not o.met]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_a_pasted_formula_neither_resolves_nor_scores_above_50(scenario):
    formula = FORMULA[scenario.locale].format(name=scenario.customer_name)
    talk, card = play(scenario, [formula] * scenario.max_turns)
    assert talk.outcome != "resolved"
    assert card.overall is not None and card.overall <= 50, card.overall


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_ok_every_turn_neither_resolves_nor_scores_above_30(scenario):
    talk, card = play(scenario, ["Ok."] * scenario.max_turns)
    assert talk.outcome != "resolved"
    assert card.overall is not None and card.overall <= 30, card.overall


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_the_opening_objections_and_endings_have_three_wordings(scenario):
    start = scenario.nodes[scenario.start]
    assert all(len(line.text) >= 3 for line in start.customer), "opening"
    ends = [n for n in scenario.nodes.values() if n.end]
    for node in ends:
        assert all(len(line.text) >= 3 for line in node.customer if line.tag == "core")
    objections = [
        node
        for node in scenario.nodes.values()
        if any(len(line.text) >= 3 for line in node.customer)
    ]
    assert len(objections) >= 2 + len(ends)


@pytest.mark.parametrize("scenario", SCENARIOS[:4], ids=IDS[:4])
def test_a_seed_makes_the_customer_repeatable_and_no_seed_varies(scenario):
    replies = ["Hello, how can I help?", "I see.", "Right."]

    def heard(seed):
        talk, _ = play(scenario, replies, seed)
        return [t.text for t in talk.transcript.turns if t.speaker == "customer"]

    assert heard(7) == heard(7)
    assert len({tuple(heard(None)) for _ in range(6)}) > 1
