"""An attempt against the previous one: the same agent, the same scenario, started before."""

from __future__ import annotations

from simulator.analytics.progress import compare, previous_attempt, progress
from simulator.store.records import ObjectiveRecord
from tests.made_sessions import made_session


def test_the_previous_attempt_is_the_same_agents_same_scenario_started_before(store):
    store.put_many(
        [
            made_session("a1", "Chloé", 1),
            made_session("a2", "Chloé", 3),
            made_session("other-scenario", "Chloé", 4, scenario="en-disputed-charge"),
            made_session("other-agent", "Sam", 5),
            made_session("later", "Chloé", 9),
            made_session("now", "chloe", 6),  # the same agent, typed another way
        ]
    )
    unscored = made_session("unscored", "Chloé", 5)
    unscored.status = "in_progress"
    store.put(unscored)
    now = store.get("now")
    assert previous_attempt(store, now).id == "a2"
    assert previous_attempt(store, store.get("a1")) is None
    assert progress(store, store.get("a1")) is None


def test_the_comparison_uses_the_reviewed_scores_and_counts_objectives(store):
    before = made_session("before", "Sam", 1, scores={"empathy": 40, "avoided_phrases": 80})
    after = made_session("after", "Sam", 2, scores={"empathy": 70, "avoided_phrases": 100})
    before.scorecard.objectives = [
        ObjectiveRecord(id="a", met=True),
        ObjectiveRecord(id="b", met=False),
    ]
    after.scorecard.objectives = [
        ObjectiveRecord(id="a", met=True),
        ObjectiveRecord(id="b", met=True),
    ]
    store.put_many([before, after])
    store.override_score("before", "empathy", 50, "Calme", "Dana")
    found = compare(store.get("before"), store.get("after"))
    assert found.previous.id == "before"
    assert (found.dimensions["empathy"].before, found.dimensions["empathy"].after) == (50, 70)
    assert found.dimensions["empathy"].delta == 20
    assert found.dimensions["pacing"].delta is None
    assert found.overall.before == store.get("before").effective_overall
    assert (found.objectives.before, found.objectives.after, found.objectives_total) == (1, 2, 2)
