"""Every rule's own examples, run as tests.

Each rule in every pack under ``scoring/packs/`` documents itself with sentences
that must be flagged, sentences that must pass (look-alikes, good wording) and,
for substitutions, the suggestion expected for the first flagged sentence. This
module turns each of those sentences into one test, so a pattern cannot drift
away from what its pack says it does.

Conventions shared with the pack files and ``roleplay rules test``
(:mod:`scoring.rule_examples`):
- ``name`` rules are tested with the customer called "Monsieur Balagtas" (fr)
  or "Mr Balagtas" (en);
- an example may carry the customer's previous turn before the agent's words,
  separated by ``" || "`` (reformulation rules compare the two).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from scoring.rule_examples import EXAMPLE_NAMES, split_example
from scoring.rules import CompiledRule, Hit, RulePack, TurnContext
from simulator.authoring.packs import BUNDLED_PACKS, load_pack, pack_files


@dataclass(frozen=True)
class Example:
    path: Path
    pack: RulePack
    rule_id: str
    kind: str  # "flag", "pass" or "suggestion"
    number: int
    text: str
    expected: str | None = None

    @property
    def id(self) -> str:
        return f"{self.pack.locale}.{self.pack.pack}.{self.rule_id}-{self.kind}-{self.number}"


def _packs() -> list[tuple[Path, RulePack]]:
    return [(path, load_pack(path)) for path in pack_files([BUNDLED_PACKS])]


PACKS = _packs()
PACK_IDS = [f"{pack.locale}.{pack.pack}" for _, pack in PACKS]


def _examples() -> list[Example]:
    examples: list[Example] = []
    for path, pack in PACKS:
        for rule in pack.rules:
            ex = rule.examples
            for n, text in enumerate(ex.flag, 1):
                examples.append(Example(path, pack, rule.id, "flag", n, text))
            for n, text in enumerate(ex.pass_, 1):
                examples.append(Example(path, pack, rule.id, "pass", n, text))
            if ex.suggestion is not None and ex.flag:
                examples.append(
                    Example(path, pack, rule.id, "suggestion", 1, ex.flag[0], ex.suggestion)
                )
    return examples


EXAMPLES = _examples()


def _hits(example: Example) -> list[Hit]:
    rule = next(r for r in example.pack.rules if r.id == example.rule_id)
    previous, said = split_example(example.text)
    context = TurnContext(
        customer_name=EXAMPLE_NAMES[example.pack.locale],
        previous_customer_text=previous,
    )
    return CompiledRule(rule, example.pack).hits(said, context)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_rule_example(example: Example) -> None:
    hits = _hits(example)
    where = f"{example.path.name}: rule '{example.rule_id}'"
    if example.kind == "flag":
        assert hits, f"{where} should flag {example.text!r}"
    elif example.kind == "pass":
        quotes = [h.quote for h in hits]
        assert not hits, f"{where} should not flag {example.text!r} (it matched {quotes})"
    else:
        assert hits, f"{where} should flag {example.text!r}"
        assert hits[0].suggestion == example.expected, (
            f"{where}: the suggestion for {example.text!r} is {hits[0].suggestion!r}, "
            f"the examples say {example.expected!r}"
        )


def test_packs_are_bundled() -> None:
    locales = {(pack.locale, pack.dimension) for _, pack in PACKS}
    for locale in ("fr", "en"):
        assert (locale, "avoided_phrases") in locales
        assert (locale, "empathy") in locales


def _without_examples(pack: RulePack) -> list[str]:
    return [
        f"{rule.id} ({'no flag example' if not rule.examples.flag else 'no pass example'})"
        for rule in pack.rules
        if not rule.examples.flag or not rule.examples.pass_
    ]


@pytest.mark.parametrize(("path", "pack"), PACKS, ids=PACK_IDS)
def test_every_rule_has_examples(path: Path, pack: RulePack) -> None:
    missing = _without_examples(pack)
    assert not missing, f"{path.name}: every rule needs flag and pass examples: {missing}"


def test_a_rule_without_examples_is_caught() -> None:
    pack = RulePack.model_validate(
        {
            "pack": "demo",
            "locale": "en",
            "dimension": "avoided_phrases",
            "rules": [
                {
                    "id": "both",
                    "type": "existence",
                    "message": "m",
                    "tokens": ["x"],
                    "examples": {"flag": ["x"], "pass": ["y"]},
                },
                {
                    "id": "no-pass",
                    "type": "existence",
                    "message": "m",
                    "tokens": ["x"],
                    "examples": {"flag": ["x"]},
                },
                {"id": "none", "type": "existence", "message": "m", "tokens": ["x"]},
            ],
        }
    )
    assert _without_examples(pack) == ["no-pass (no pass example)", "none (no flag example)"]


@pytest.mark.parametrize(("path", "pack"), PACKS, ids=PACK_IDS)
def test_substitutions_state_their_suggestion(path: Path, pack: RulePack) -> None:
    missing = [
        rule.id
        for rule in pack.rules
        if rule.type == "substitution" and rule.examples.suggestion is None
    ]
    assert not missing, f"{path.name}: substitution rules without examples.suggestion: {missing}"


@pytest.mark.parametrize(("path", "pack"), PACKS, ids=PACK_IDS)
def test_rules_fit_their_dimension(path: Path, pack: RulePack) -> None:
    if pack.dimension == "avoided_phrases":
        wrong = [rule.id for rule in pack.rules if rule.type in ("reformulation", "name")]
        assert not wrong, f"{path.name}: these rule types only make sense for empathy: {wrong}"
        return
    missing = [rule.id for rule in pack.rules if rule.category is None]
    assert not missing, f"{path.name}: empathy rules without a category: {missing}"
