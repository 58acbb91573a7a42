"""The bundled scenario library: coverage, and every example run plays as its author expects."""

from collections import Counter

import pytest

from simulator.authoring.examples import run_example
from simulator.authoring.library import load_all

REPORT = load_all()
SCENARIOS = REPORT.scenarios
RUNS = [(s, e) for s in SCENARIOS for e in s.examples]


def test_the_library_loads_without_problems():
    assert REPORT.problems == []


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_each_language_covers_every_customer_type(locale):
    ours = [s for s in SCENARIOS if s.locale == locale]
    assert len(ours) >= 8
    assert {s.persona for s in ours} == {
        "active_hater",
        "extreme_critic",
        "loyal_irritated",
        "passionate_loyal",
    }
    assert {s.difficulty for s in ours} == {"easy", "medium", "hard"}
    assert len({s.channel for s in ours}) >= 4


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_every_scenario_has_a_digression_and_good_and_poor_runs(scenario):
    tags = Counter(line.tag for node in scenario.nodes.values() for line in node.customer)
    assert tags["digression"] >= 1
    outcomes = {e.expect.outcome for e in scenario.examples}
    assert len(scenario.examples) >= 2
    assert "resolved" in outcomes and outcomes & {"hung_up", "escalated"}


@pytest.mark.parametrize(
    "scenario,example", RUNS, ids=lambda x: getattr(x, "id", getattr(x, "name", ""))
)
def test_example_run(scenario, example):
    result = run_example(scenario, example)
    assert result.passed, "\n".join(result.differences)
