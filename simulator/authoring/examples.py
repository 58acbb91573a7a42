"""Example runs: play a scenario's sample replies and compare with what its author expects."""

from __future__ import annotations

from dataclasses import dataclass, field

from scoring.ruleset import RuleSet
from simulator.authoring.packs import rules_for
from simulator.conversation.engine import AgentReply, Conversation
from simulator.conversation.scenario import ExampleRun, Scenario
from simulator.conversation.session import score_conversation


@dataclass
class ExampleResult:
    """One example run: what happened, and every way it differed from the expectation."""

    scenario: str
    name: str
    path: list[str]
    outcome: str | None
    overall: int | None
    rules: list[str]
    differences: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.differences


def run_example(
    scenario: Scenario, example: ExampleRun, rules: RuleSet | None = None
) -> ExampleResult:
    """Play ``example`` through ``scenario`` and check it (with the bundled rules unless
    ``rules`` are given: an example documents the scenario as shipped)."""
    rules = rules or rules_for(scenario.locale)
    # a fixed seed: the customer's wording is the same at every run of the example
    conversation = Conversation(scenario, "example", rules, seed=example.seed)
    path = [conversation.start().node]
    for text in example.replies:
        if conversation.finished:
            break
        step = conversation.reply(AgentReply(text=text))
        path.append(step.next.node)
    conversation.stop()
    card = score_conversation(conversation)
    rules = sorted({f.rule for f in card.findings})
    result = ExampleResult(
        scenario.id, example.name, path, conversation.outcome, card.overall, rules
    )
    expect = example.expect
    diff = result.differences
    if expect.path is not None and expect.path != path:
        diff.append(f"path: expected {' → '.join(expect.path)}, got {' → '.join(path)}")
    if expect.outcome is not None and expect.outcome != conversation.outcome:
        diff.append(f"outcome: expected {expect.outcome}, got {conversation.outcome}")
    met = {o.id for o in card.objectives if o.met}
    for objective in expect.objectives_met:
        if objective not in met:
            diff.append(f"objective {objective} was not met")
    for rule in expect.findings:
        if rule not in rules:
            diff.append(f"expected a finding from {rule}; found: {', '.join(rules) or 'none'}")
    for rule in expect.no_findings:
        if rule in rules:
            diff.append(f"expected no finding from {rule}, but there is one")
    if expect.min_overall is not None and (card.overall or 0) < expect.min_overall:
        diff.append(f"overall: expected at least {expect.min_overall}, got {card.overall}")
    if expect.max_overall is not None and (card.overall or 0) > expect.max_overall:
        diff.append(f"overall: expected at most {expect.max_overall}, got {card.overall}")
    if len(example.replies) > len(path) - 1:
        diff.append(
            f"the call ended after {len(path) - 1} replies; "
            f"{len(example.replies) - len(path) + 1} were not used"
        )
    return result


def run_examples(scenario: Scenario, rules: RuleSet | None = None) -> list[ExampleResult]:
    return [run_example(scenario, example, rules) for example in scenario.examples]
