"""The rules that apply to one call: rule packs merged and compiled, ready for matching.

Packs are data (``scoring/packs/<locale>/*.yml``, and an organisation's own folders);
reading them from disk is the caller's business (:mod:`simulator.authoring.packs`).
The scorer is handed a :class:`RuleSet` and never touches a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scoring.rules import CompiledRule, RulePack

BUNDLED_PACKS = Path(__file__).resolve().parent / "packs"
"""Where the bundled rule packs lie (data files; nothing here reads them)."""


@dataclass
class RuleSet:
    """The compiled rules that apply to one locale."""

    locale: str
    rules: list[CompiledRule] = field(default_factory=list)

    def for_dimension(self, dimension: str) -> list[CompiledRule]:
        return [r for r in self.rules if r.pack.dimension == dimension]


def merge(packs: Sequence[RulePack]) -> list[CompiledRule]:
    """Later packs override earlier ones rule by rule (same pack name and rule id)."""
    merged: dict[tuple[str, str], CompiledRule] = {}
    disabled = {tuple(d.split(".", 1)) for p in packs for d in p.disable if "." in d}
    for pack in packs:
        for rule in pack.rules:
            key = (pack.pack, rule.id)
            if not rule.enabled:
                merged.pop(key, None)
                continue
            merged[key] = CompiledRule(rule, pack)
    return [rule for key, rule in merged.items() if key not in disabled]


def compile_rules(locale: str, packs: Sequence[RulePack]) -> RuleSet:
    """The rules of ``packs`` written for ``locale``, merged in order and compiled."""
    return RuleSet(locale, merge([p for p in packs if p.locale == locale]))
