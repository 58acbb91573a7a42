"""The avoided phrases a team used: how often each rule was broken, by whom, in which words.

One list for the team report and the review screen: both show the :data:`TOP_PHRASES`
used most and say how many more there are.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from simulator.store.records import AvoidedPhrase

TOP_PHRASES = 10
"""How many phrases the report and the review screen list, the most used first."""


@dataclass(frozen=True)
class PhraseFigures:
    """One avoided-phrase rule: how often it was said, by whom, in which words."""

    rule: str
    count: int
    agents: list[tuple[str, int]]
    quotes: list[tuple[str, int]]
    suggestion: str


class PhraseTally:
    """Counts the avoided phrases said, session after session."""

    def __init__(self) -> None:
        self.count: Counter[str] = Counter()
        self.agents: dict[str, Counter[str]] = defaultdict(Counter)
        self.quotes: dict[str, Counter[str]] = defaultdict(Counter)
        self.spelling: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.suggestion: dict[str, str] = {}

    def add(self, agent: str, phrase: AvoidedPhrase) -> None:
        """Count one use; quotes are grouped whatever their case and spacing, and shown
        in their most common spelling."""
        rule = phrase.rule or "?"
        quote = " ".join(phrase.quote.split())
        self.count[rule] += 1
        self.agents[rule][agent] += 1
        if quote:
            self.quotes[rule][quote.casefold()] += 1
            self.spelling[(rule, quote.casefold())][quote] += 1
        if phrase.suggestion and rule not in self.suggestion:
            self.suggestion[rule] = phrase.suggestion

    def figures(self) -> list[PhraseFigures]:
        """Every rule broken, the most used first."""
        ranked = sorted(self.count.items(), key=lambda item: (-item[1], item[0]))
        return [
            PhraseFigures(
                rule=rule,
                count=count,
                agents=sorted(self.agents[rule].items(), key=lambda a: (-a[1], a[0])),
                quotes=[
                    (self.spelling[(rule, folded)].most_common(1)[0][0], n)
                    for folded, n in self.quotes[rule].most_common(3)
                ],
                suggestion=self.suggestion.get(rule, ""),
            )
            for rule, count in ranked
        ]
