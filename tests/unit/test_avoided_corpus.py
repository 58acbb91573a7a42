"""Phrases to avoid, on wording the packs' own examples do not hold.

``tests/data/avoided-corpus/{en,fr}.yml`` gathers, per family of the labelling
guide (dont-know, dont-care, not-my-job, cant-help, policy, hurry-wait,
calm-down, you-are-wrong, sarcasm, rude), agent turns a trainer would mark
(``flag``) and good-agent look-alikes that share their words (``pass``): phone,
chat and email wording, formal and casual, and recognised speech in lower case
without punctuation.

A flagged sentence is caught when any avoided rule fires on it (families and
rules do not map one to one: "not my problem" is both a brush-off and a refusal
of ownership); a look-alike is a false flag when any avoided rule fires. Each
family must reach ``MIN_RECALL`` with no false flag. ``report`` prints what was
missed (``pytest -s`` shows it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from scoring.phrases import turn_findings
from scoring.rules import TurnContext
from simulator.authoring.packs import rules_for

CORPUS = Path(__file__).resolve().parents[1] / "data" / "avoided-corpus"
LOCALES = ("en", "fr")
FAMILIES = (
    "dont-know",
    "dont-care",
    "not-my-job",
    "cant-help",
    "policy",
    "hurry-wait",
    "calm-down",
    "you-are-wrong",
    "sarcasm",
    "rude",
)
# The floor per family and language: share of the flagged sentences caught.
MIN_RECALL = 0.9
# Look-alikes flagged per family and language: none allowed.
MAX_FALSE_FLAGS = 0
# Minimum size of the corpus per family and language.
MIN_FLAG = 15
MIN_PASS = 10


@dataclass(frozen=True)
class FamilyResult:
    locale: str
    family: str
    caught: list[str]
    missed: list[str]
    false_flags: list[tuple[str, list[str]]]

    @property
    def recall(self) -> float:
        total = len(self.caught) + len(self.missed)
        return len(self.caught) / total if total else 1.0

    def line(self) -> str:
        return (
            f"{self.locale} {self.family:<14} caught {len(self.caught):>2}/"
            f"{len(self.caught) + len(self.missed):<2} recall {self.recall:.2f}  "
            f"false flags {len(self.false_flags)}"
        )


def _corpus(locale: str) -> dict[str, dict[str, list[str]]]:
    return yaml.safe_load((CORPUS / f"{locale}.yml").read_text(encoding="utf-8"))


def _rules_fired(locale: str, said: str) -> list[str]:
    rules = rules_for(locale).for_dimension("avoided_phrases")
    return [f.rule for f in turn_findings(rules, said, 0, None, TurnContext())]


def evaluate(locale: str, family: str) -> FamilyResult:
    entry = _corpus(locale)[family]
    caught, missed = [], []
    for said in entry["flag"]:
        (caught if _rules_fired(locale, said) else missed).append(said)
    false_flags = [(said, fired) for said in entry["pass"] if (fired := _rules_fired(locale, said))]
    return FamilyResult(locale, family, caught, missed, false_flags)


def report() -> str:
    """Per language and family: what the packs catch, miss and wrongly flag."""
    lines = []
    for locale in LOCALES:
        for family in FAMILIES:
            result = evaluate(locale, family)
            lines.append(result.line())
            lines += [f"    missed: {said}" for said in result.missed]
            lines += [f"    false flag: {said} {fired}" for said, fired in result.false_flags]
    return "\n".join(lines)


@pytest.mark.parametrize("locale", LOCALES)
def test_corpus_covers_every_family(locale: str) -> None:
    corpus = _corpus(locale)
    assert set(corpus) == set(FAMILIES)
    for family in FAMILIES:
        entry = corpus[family]
        assert set(entry) == {"flag", "pass"}, f"{locale} {family}: only flag and pass"
        assert len(entry["flag"]) >= MIN_FLAG, f"{locale} {family}: too few flag sentences"
        assert len(entry["pass"]) >= MIN_PASS, f"{locale} {family}: too few pass sentences"
        assert len(set(entry["flag"])) == len(entry["flag"]), f"{locale} {family}: duplicate"
        assert len(set(entry["pass"])) == len(entry["pass"]), f"{locale} {family}: duplicate"


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("locale", LOCALES)
def test_family_recall_and_precision(locale: str, family: str) -> None:
    result = evaluate(locale, family)
    print(result.line())
    assert result.recall >= MIN_RECALL, (
        f"{result.line()}: below the floor of {MIN_RECALL:.2f}; missed: {result.missed}"
    )
    assert len(result.false_flags) <= MAX_FALSE_FLAGS, (
        f"{result.line()}: look-alikes flagged: {result.false_flags}"
    )


if __name__ == "__main__":
    print(report())
