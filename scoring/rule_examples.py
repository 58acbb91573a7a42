"""Check that each rule does what its own examples say."""

from __future__ import annotations

from dataclasses import dataclass

from scoring.rules import CompiledRule, RulePack, TurnContext

# Example texts for rules that need the customer's side: the customer's words come
# first, then " || ", then the agent's reply. Name rules use these customer names.
EXAMPLE_NAMES = {"fr": "Monsieur Balagtas", "en": "Mr Balagtas"}
CUSTOMER_SEPARATOR = " || "


@dataclass(frozen=True)
class ExampleCheck:
    """One example of one rule, and whether the rule behaved as the example says."""

    pack: str
    rule: str
    kind: str  # "flag", "pass" or "suggestion"
    text: str
    passed: bool
    detail: str = ""


def split_example(text: str) -> tuple[str | None, str]:
    """``"customer words || agent words"`` → both parts; plain text is the agent's alone."""
    if CUSTOMER_SEPARATOR in text:
        customer, agent = text.split(CUSTOMER_SEPARATOR, 1)
        return customer.strip(), agent.strip()
    return None, text


def check_pack_examples(pack: RulePack) -> list[ExampleCheck]:
    """Run every example of every rule in ``pack``."""
    results: list[ExampleCheck] = []
    for rule in pack.rules:
        compiled = CompiledRule(rule, pack)

        def hits(text: str, compiled: CompiledRule = compiled):  # type: ignore[no-untyped-def]
            customer, agent = split_example(text)
            return compiled.hits(agent, TurnContext(EXAMPLE_NAMES[pack.locale], customer))

        for text in rule.examples.flag:
            found = hits(text)
            results.append(
                ExampleCheck(
                    pack.pack,
                    rule.id,
                    "flag",
                    text,
                    bool(found),
                    "" if found else "the rule did not fire",
                )
            )
        for text in rule.examples.pass_:
            found = hits(text)
            detail = f"the rule fired on {found[0].quote!r}" if found else ""
            results.append(ExampleCheck(pack.pack, rule.id, "pass", text, not found, detail))
        if rule.examples.suggestion is not None and rule.examples.flag:
            found = hits(rule.examples.flag[0])
            got = found[0].suggestion if found else None
            results.append(
                ExampleCheck(
                    pack.pack,
                    rule.id,
                    "suggestion",
                    rule.examples.flag[0],
                    got == rule.examples.suggestion,
                    "" if got == rule.examples.suggestion else f"suggested {got!r}",
                )
            )
    return results


def rules_without_examples(pack: RulePack) -> list[str]:
    """Rules that lack a should-flag or a should-pass example."""
    missing = []
    for rule in pack.rules:
        if not rule.examples.flag or not rule.examples.pass_:
            missing.append(rule.id)
    return missing
