"""Rule packs: typed data that trainers write in YAML, compiled once for matching.

A rule names its type, a message, a level and its patterns. Patterns are
regular expressions written against the normal form of spoken text described
in :mod:`scoring.spoken` (no accents, no French "ne", English contractions
expanded) and matched case-insensitively on word boundaries.

Rule types:
- ``existence``: any of ``tokens`` is a finding (an avoided phrase, or an
  empathy marker when the pack's polarity is positive);
- ``substitution``: ``swap`` maps each phrase to avoid to what to say instead;
- ``reformulation``: the agent restates the customer's own words, signalled by
  a marker (``tokens``) or by sharing enough content words with the customer's
  last turn;
- ``name``: the agent addresses the customer by name.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from scoring.findings import Dimension, Finding, Polarity, Severity
from scoring.names import name_spans
from scoring.quoting import quoted
from scoring.spoken import Normalised, normalise, strip_accents, words

Level = Literal["error", "warning", "suggestion"]
Locale = Literal["fr", "en"]
EmpathyCategory = Literal[
    "acknowledge", "apologise", "reformulate", "name", "offer_help", "next_step"
]


class Examples(BaseModel):
    """Sentences that document and test a rule."""

    model_config = ConfigDict(extra="forbid")

    flag: list[str] = Field(default_factory=list, description="Each must produce a finding.")
    pass_: list[str] = Field(
        default_factory=list,
        alias="pass",
        description="Each must produce no finding from this rule (look-alikes, good wording).",
    )
    suggestion: str | None = Field(
        None, description="For substitution rules: the suggestion expected for flag[0]."
    )


def check_pattern(pattern: str) -> str:
    """``pattern`` unchanged, once it compiles as written and as it is matched (accents
    removed, inside a group): ``(?i)`` or ``[f-é]`` is only wrong the second way."""
    for compile_as, how in ((re.compile, ""), (compile_pattern, " once accents are removed")):
        try:
            compile_as(pattern)
            continue
        except re.error as exc:
            why = exc.msg
            if "global flags" in why:
                why += " (and matching already ignores case)"
        except OverflowError:
            why = "a repeat count is too large"
        except RecursionError:
            why = "brackets nested too deep"
        raise ValueError(f"pattern {quoted(pattern)} is not a valid regular expression{how}: {why}")
    return pattern


class _RuleBase(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9_.-]*$", description="Unique id, lowercase-with-dashes."
    )
    message: str = Field(description="Why this matters, shown to the trainee.")
    level: Level = Field("warning", description="How serious a finding from this rule is.")
    category: EmpathyCategory | None = Field(
        None, description="For empathy packs: which part of empathy this rule detects."
    )
    exceptions: list[str] = Field(
        default_factory=list,
        description="Patterns that, when they match around a hit, mean it is a look-alike.",
    )
    unless_followed_by: list[str] = Field(
        default_factory=list,
        description="Patterns matched on the words right after a hit (up to the next "
        "sentence's end): when one matches, the hit does not count. An apology followed "
        "by a refusal ('sorry, but that's the policy') is not an apology.",
    )
    examples: Examples = Field(default_factory=Examples, description="Should flag / should pass.")
    enabled: bool = Field(True, description="Set false in an organisation pack to switch off.")

    @field_validator("exceptions", "unless_followed_by")
    @classmethod
    def _valid_exceptions(cls, value: list[str]) -> list[str]:
        return [check_pattern(p) for p in value]


class ExistenceRule(_RuleBase):
    """Any of the tokens is a finding."""

    type: Literal["existence"]
    tokens: list[str] = Field(min_length=1, description="Patterns to look for.")
    suggestion: str | None = Field(None, description="What to say instead.")

    @field_validator("tokens")
    @classmethod
    def _valid_tokens(cls, value: list[str]) -> list[str]:
        return [check_pattern(p) for p in value]


class SubstitutionRule(_RuleBase):
    """Each phrase to avoid maps to what to say instead."""

    type: Literal["substitution"]
    swap: dict[str, str] = Field(min_length=1, description="Pattern to avoid → what to say.")

    @field_validator("swap")
    @classmethod
    def _valid_swap(cls, value: dict[str, str]) -> dict[str, str]:
        for pattern in value:
            check_pattern(pattern)
        return value


class ReformulationRule(_RuleBase):
    """The agent restates the customer's problem in their own words."""

    type: Literal["reformulation"]
    tokens: list[str] = Field(default_factory=list, description="Reformulation markers.")
    min_shared_words: int = Field(
        3,
        ge=1,
        description="Content words shared with the customer's last turn that count as "
        "restating it without a marker, in a turn that opens like a restatement ('so', "
        "'donc') or asks for confirmation.",
    )
    min_marker_shared: int = Field(
        2,
        ge=0,
        description="Content words a marked restatement ('if I understand correctly…') must "
        "share with what the customer said so far: a marker over a stock answer restates "
        "nothing.",
    )
    openers: list[str] = Field(
        default_factory=list,
        description="Patterns for how a restatement without a marker opens ('so', 'donc').",
    )
    stopwords: list[str] = Field(default_factory=list, description="Words never counted as shared.")

    @field_validator("tokens")
    @classmethod
    def _valid_tokens(cls, value: list[str]) -> list[str]:
        return [check_pattern(p) for p in value]


class NameRule(_RuleBase):
    """The agent addresses the customer by name."""

    type: Literal["name"]


Rule = Annotated[
    ExistenceRule | SubstitutionRule | ReformulationRule | NameRule, Field(discriminator="type")
]


class RulePack(BaseModel):
    """A rule pack: one YAML file of rules for one locale and one scoring dimension."""

    model_config = ConfigDict(extra="forbid")

    pack: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", description="Name of the pack.")
    locale: Locale = Field(description="Language of the speech this pack reads.")
    dimension: Literal["empathy", "avoided_phrases"] = Field(
        description="Which score the findings feed."
    )
    polarity: Polarity = Field(
        "negative", description="negative: phrases to avoid; positive: behaviours to reward."
    )
    description: str = Field("", description="What the pack covers.")
    rules: list[Rule] = Field(default_factory=list, description="The rules.")
    disable: list[str] = Field(
        default_factory=list,
        description="Rules of other packs to switch off, as 'pack.rule-id' "
        "(e.g. avoided.je-ne-sais-pas).",
    )


@functools.cache
def compile_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{strip_accents(pattern)})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Hit:
    """A match in one turn: where, what was said, and what to suggest."""

    start: int
    end: int
    quote: str
    suggestion: str | None


@dataclass(frozen=True)
class TurnContext:
    """What a rule may look at besides the agent's words."""

    customer_name: str | None = None
    previous_customer_text: str | None = None
    customer_so_far: tuple[str, ...] | None = None
    """Everything the customer said before this turn, when known (None: not known)."""


class CompiledRule:
    """A rule with its patterns compiled once."""

    def __init__(
        self, rule: ExistenceRule | SubstitutionRule | ReformulationRule | NameRule, pack: RulePack
    ) -> None:
        self.rule = rule
        self.pack = pack
        self.locale = pack.locale
        self.exceptions = [compile_pattern(p) for p in rule.exceptions]
        self.followers = [
            re.compile(strip_accents(p), re.IGNORECASE) for p in rule.unless_followed_by
        ]
        self.patterns: list[tuple[re.Pattern[str], str | None]] = []
        if isinstance(rule, ExistenceRule):
            self.patterns = [(compile_pattern(p), rule.suggestion) for p in rule.tokens]
        elif isinstance(rule, SubstitutionRule):
            self.patterns = [(compile_pattern(p), s) for p, s in rule.swap.items()]
        elif isinstance(rule, ReformulationRule):
            self.patterns = [(compile_pattern(p), None) for p in rule.tokens]
            self.stopwords = {strip_accents(w).lower() for w in rule.stopwords}
            self.openers = [compile_pattern(p) for p in rule.openers]

    @property
    def id(self) -> str:
        return self.rule.id

    def _excepted(self, norm: Normalised, start: int, end: int) -> bool:
        for exc in self.exceptions:
            for m in exc.finditer(norm.text):
                if m.start() < end and start < m.end():
                    return True
        return False

    def hits(self, text: str, context: TurnContext | None = None) -> list[Hit]:
        """Every place this rule fires in ``text``."""
        norm = normalise(text, self.locale)
        context = context or TurnContext()
        found: list[Hit] = []
        taken: list[tuple[int, int]] = []
        for pattern, suggestion in self.patterns:
            for m in pattern.finditer(norm.text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                if self._excepted(norm, m.start(), m.end()) or self._followed(norm, m.end()):
                    continue
                taken.append((m.start(), m.end()))
                found.append(Hit(m.start(), m.end(), norm.quote(m.start(), m.end()), suggestion))
        if isinstance(self.rule, ReformulationRule):
            if found and not self._restates(norm, context):
                found = []
            if not found:
                found.extend(self._shared_words(norm, context))
        if isinstance(self.rule, NameRule) and context.customer_name:
            found.extend(_name_hits(norm, context.customer_name))
        return sorted(found, key=lambda h: h.start)

    def _followed(self, norm: Normalised, end: int) -> bool:
        """Is the hit ending at ``end`` followed by words that undo it?"""
        if not self.followers:
            return False
        after = re.split(r"(?<=[.!?])\s", norm.text[end:], maxsplit=2)
        tail = " ".join(after[:2])[:160]
        return any(p.match(tail) for p in self.followers)

    def _restates(self, norm: Normalised, context: TurnContext) -> bool:
        """Does a marked restatement share enough words with what the customer said?"""
        said = context.customer_so_far
        if said is None:
            said = (context.previous_customer_text,) if context.previous_customer_text else None
        if said is None:
            return True  # nothing to compare with: the marker is all there is
        rule = self.rule
        assert isinstance(rule, ReformulationRule)
        theirs = set().union(*(_stems(t, self.locale, self.stopwords) for t in said))
        mine = _stems(norm.original, self.locale, self.stopwords)
        return len(theirs & mine) >= rule.min_marker_shared

    def _shared_words(self, norm: Normalised, context: TurnContext) -> list[Hit]:
        if not context.previous_customer_text:
            return []
        rule = self.rule
        assert isinstance(rule, ReformulationRule)
        spoken = norm.text.strip()
        opens = any(p.match(spoken) for p in self.openers)
        if not (opens or spoken.endswith("?")):
            return []
        theirs = _stems(context.previous_customer_text, self.locale, self.stopwords)
        mine = _stems(norm.original, self.locale, self.stopwords)
        if len(theirs & mine) < rule.min_shared_words:
            return []
        return [Hit(0, len(norm.text), norm.original.strip(), None)]

    def finding(self, hit: Hit, turn: int | None, time: float | None) -> Finding:
        dimension: Dimension = self.pack.dimension
        severity: Severity = "info" if self.pack.polarity == "positive" else self.rule.level
        return Finding(
            dimension=dimension,
            rule=f"{self.pack.pack}.{self.rule.id}",
            polarity=self.pack.polarity,
            severity=severity,
            message=self.rule.message,
            turn=turn,
            time=time,
            quote=hit.quote,
            suggestion=hit.suggestion,
            category=self.rule.category,
        )


def _content_words(text: str, locale: str, stopwords: set[str]) -> set[str]:
    norm = normalise(text, locale).text.lower()
    # "l'adresse" and "adresse", "customer's" and "customer" are one word for restating
    bare = (w.split("'")[-1] if locale == "fr" else w.split("'")[0] for w in words(norm))
    return {w for w in bare if len(w) > 3 and w not in stopwords}


def _stems(text: str, locale: str, stopwords: set[str]) -> set[str]:
    """Content words cut to their first five letters: "charged" and "charge", "livré"
    and "livraison" are one word for restating."""
    return {w[:5] for w in _content_words(text, locale, stopwords)}


def _name_hits(norm: Normalised, customer_name: str) -> list[Hit]:
    return [Hit(s, e, norm.quote(s, e), None) for s, e in name_spans(norm, customer_name)]
