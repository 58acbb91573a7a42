"""Suggestions that fit the call: what to say instead, in this customer's case.

Rules and built-in checks suggest a line written for any call ("Madam, I'm really
sorry to rush you…", "If I understand correctly, …"). Once every finding is made,
:func:`fit_suggestions` makes each suggestion fit the call it is about:

- **the scenario's own line** for the finding's rule comes first, when the scenario
  gives one (``model_lines`` in the scenario file, passed in as ``lines``);
- **the customer's address** replaces a generic one ("Madam, …" becomes "Mr Okafor,
  …", or goes when no address is known; see :mod:`scoring.addressing`);
- **the customer's problem** is restated from their own words for a missing
  restatement ("If I understand correctly, your parcel never arrived?"), and **the
  agent's own stated action** is made a next step with a who and a when ("I'll check
  with the warehouse, and I'll call you back today…"); see :mod:`scoring.restating`.
  When the call gives nothing to build on, the suggestion stays generic and invents
  no fact.

A suggestion is never worse than what the agent said: no suggested line uses a phrase
the avoided-phrase rules flag, none drops the customer's name from a turn where the
agent used it, and none repeats the agent's own words back to them. A candidate that
fails is passed over for the next (scenario line, fitted line, generic line); when
none is left, the finding has no suggestion.

What is "said" in a suggestion: its quoted part ('Use their name: "Mr Okafor, …"'),
or, for a rule pack's suggestion, the whole of it. A built-in advice with no quote
("Slow down on purpose…") is advice, not a line, and is left as it is.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property

from scoring.addressing import Address, Name, address_of, capitalised, fit_address, with_address
from scoring.findings import Finding
from scoring.messages import MESSAGES, say
from scoring.names import says_name
from scoring.restating import agent_action, customer_problem
from scoring.result import DimensionResult
from scoring.rules import CompiledRule, TurnContext
from scoring.spoken import normalise, words
from scoring.transcript import Transcript

_QUOTED = {
    "en": re.compile(r'"([^"]+)"|“([^”]+)”'),
    "fr": re.compile(r"«\s*(.+?)\s*»|\"([^\"]+)\""),
}
_QUOTES = {"en": ('"', '"'), "fr": ("« ", " »")}
_SENTENCES = re.compile(r"(?<=[.!?…])\s+")


@cache
def _advice(locale: str) -> re.Pattern[str]:
    """Every built-in message of ``locale``, as a pattern its filled-in text matches."""
    shapes = []
    for texts in MESSAGES.values():
        parts = list(string.Formatter().parse(texts.get(locale, texts["en"])))
        if any(literal.strip() for literal, *_ in parts):
            shapes.append("".join(re.escape(lit) + (".*?" if f else "") for lit, f, _, _ in parts))
    return re.compile("|".join(f"(?:{s})" for s in shapes), re.DOTALL)


def _spans(text: str, locale: str) -> list[tuple[int, int]]:
    """Where the lines to say are in a suggestion (see the module's doc)."""
    quoted = [
        (m.start(1), m.end(1)) if m.group(1) is not None else (m.start(2), m.end(2))
        for m in _QUOTED[locale].finditer(text)
    ]
    if quoted:
        return quoted
    return [] if _advice(locale).fullmatch(text) else [(0, len(text))]


def said_parts(text: str, locale: str) -> list[str]:
    """The lines a suggestion proposes to say."""
    return [text[s:e] for s, e in _spans(text, locale)]


def _each_said(text: str, locale: str, change: Callable[[str], str]) -> str:
    for start, end in reversed(_spans(text, locale)):
        text = text[:start] + change(text[start:end]) + text[end:]
    return text


def _as_model(original: str | None, line: str, locale: str) -> str:
    """``line`` put where ``original`` has its line to say (or after its advice)."""
    if original is None:
        return line
    spans = _spans(original, locale)
    if len(spans) == 1 and spans[0] != (0, len(original)):
        start, end = spans[0]
        return original[:start] + _inner_quotes(line, locale) + original[end:]
    if len(spans) == 1:
        return line
    if spans:
        return line
    opening, closing = _QUOTES[locale]
    return f"{original} {opening}{line}{closing}"


def _inner_quotes(line: str, locale: str) -> str:
    """``line``'s own quotation marks, made the kind that nests inside a quotation."""
    if locale == "fr":
        return re.sub(r"\s*»", "”", re.sub(r"«\s*", "“", line))
    return re.sub(r'"([^"]*)"', r"‘\1’", line)


def _key(text: str, locale: str) -> str:
    return " ".join(w.lower() for w in words(normalise(text, locale).text))


@dataclass
class _Call:
    """What the call offers a suggestion: worked out once, when first needed."""

    transcript: Transcript
    avoid: Sequence[CompiledRule]

    @property
    def locale(self) -> str:
        return self.transcript.locale

    @cached_property
    def address(self) -> Address:
        return address_of(self.transcript)

    @cached_property
    def problem(self) -> str | None:
        return customer_problem(self.transcript)

    @cached_property
    def action(self) -> str | None:
        return agent_action(self.transcript)

    def agent_text(self, turn: int | None) -> str | None:
        if turn is None or not 0 <= turn < len(self.transcript.turns):
            return None
        said = self.transcript.turns[turn]
        return said.text if said.speaker == "agent" else None

    @cached_property
    def everything_said(self) -> set[str]:
        return {key for _, t in self.transcript.agent_turns() for key in self._keys(t.text)}

    def _keys(self, text: str) -> set[str]:
        return {_key(p, self.locale) for p in [text, *_SENTENCES.split(text)]} - {""}

    def repeats_agent(self, line: str, turn: int | None) -> bool:
        """Is ``line`` what the agent said (in the finding's turn, or anywhere)?"""
        own = self.agent_text(turn)
        said = self._keys(own) if own is not None else self.everything_said
        return _key(line, self.locale) in said

    def flagged(self, line: str) -> bool:
        """Would the avoided-phrase rules flag ``line`` if it were said?"""
        context = TurnContext(self.transcript.customer_name)
        text = line.replace("…", " ").strip()
        return any(rule.hits(text, context) for rule in self.avoid)


def _built(finding: Finding, call: _Call) -> str | None:
    """The suggestion built from the call for a part of empathy that was missing."""
    if not finding.rule.startswith("empathy.missing-"):
        return None
    locale = call.locale
    if finding.category == "reformulate" and call.problem:
        return say("missing.reformulate.fix.restated", locale, problem=call.problem)
    if finding.category == "next_step" and call.action:
        return say("missing.next_step.fix.action", locale, action=call.action)
    if finding.category == "name" and call.transcript.customer_name:
        name = Name.parse(call.transcript.customer_name)
        if call.address.text and (name.title or call.address.feminine is not None):
            return say("missing.name.fix", locale, name=call.address.text)
        if name.surname:
            # the form people use on a call is a title and the surname, not the full name
            return say("missing.name.fix.titles", locale, surname=name.surname)
        return say("missing.name.fix.ask", locale)
    return None


def _candidates(finding: Finding, call: _Call, line: str | None) -> Iterator[str]:
    if line:
        yield _as_model(finding.suggestion, line, call.locale)
    built = _built(finding, call)
    if built:
        yield built
    if finding.suggestion:
        yield finding.suggestion


def _fitted(text: str, finding: Finding, call: _Call) -> str:
    """``text`` with the customer's address, and their name kept where the agent used it."""
    locale = call.locale
    name = call.transcript.customer_name
    address = call.address
    own = call.agent_text(finding.turn)
    used = says_name(own, name, locale) if own is not None else None

    def fit(said: str) -> str:
        if name and address.text and address.text != name:
            said = said.replace(name, address.text)
        elif name and address.text is None:
            # the name as given is no address (a surname alone): said to the customer, it goes
            said = re.sub(rf",\s*{re.escape(name)}(?=\s*(?:[,.!?;:…]|$))", "", said)
            if said.startswith(f"{name}, "):
                said = capitalised(said.removeprefix(f"{name}, "))
        said = fit_address(said, address, locale)
        if used and not says_name(said, name, locale):
            said = with_address(said, address.text or used)
        return said

    return _each_said(text, locale, fit)


def _acceptable(text: str, finding: Finding, call: _Call) -> bool:
    return not any(
        call.flagged(said) or call.repeats_agent(said, finding.turn)
        for said in said_parts(text, call.locale)
    )


def _fit(finding: Finding, call: _Call, lines: Mapping[str, str]) -> Finding:
    line = lines.get(finding.rule)
    if finding.suggestion is None and (line is None or finding.polarity == "positive"):
        return finding
    for candidate in _candidates(finding, call, line):
        fitted = _fitted(candidate, finding, call)
        if _acceptable(fitted, finding, call):
            return finding if fitted == finding.suggestion else replace(finding, suggestion=fitted)
    return replace(finding, suggestion=None)


def fit_suggestions(
    findings: Sequence[Finding],
    transcript: Transcript,
    lines: Mapping[str, str] | None = None,
    *,
    avoid: Sequence[CompiledRule] = (),
) -> list[Finding]:
    """``findings`` with each suggestion fitted to the call (see the module's doc).

    ``lines`` are the scenario's own lines by rule id (``empathy.missing-next-step``,
    ``avoided.i-dont-know``); ``avoid`` are the rules no suggested line may set off
    (the call's avoided-phrase rules).
    """
    call = _Call(transcript, avoid)
    return [_fit(finding, call, lines or {}) for finding in findings]


def fit_results(
    results: Mapping[str, DimensionResult],
    transcript: Transcript,
    lines: Mapping[str, str] | None = None,
    avoid: Sequence[CompiledRule] = (),
) -> None:
    """Fit the suggestions of every dimension's findings, in one pass over the call."""
    every = [f for result in results.values() for f in result.findings]
    fitted = iter(fit_suggestions(every, transcript, lines, avoid=avoid))
    for result in results.values():
        result.findings = [next(fitted) for _ in result.findings]
