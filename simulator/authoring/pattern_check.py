"""Warnings on a rule pack that loads but will not work as its author means.

Patterns are matched against the normal form of speech (:mod:`scoring.spoken`): "don't"
is heard as "do not", a French "ne" is dropped, hesitations and punctuation are taken
out. A pattern written the way people write ("don't worry", « je ne sais pas ») can
therefore never match. Each literal run of a pattern is put into that normal form (the
regular-expression syntax around it is left alone); where it reads differently, the
warning gives the pattern to write instead. A rule without examples is warned about too:
``rules test`` would fail on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scoring.rule_examples import rules_without_examples
from scoring.rules import ExistenceRule, ReformulationRule, RulePack, SubstitutionRule
from scoring.spoken import normalise, strip_accents
from simulator.authoring.datafile import Located
from simulator.authoring.model_paths import KeyPath, format_key
from simulator.authoring.problem_wording import choices
from simulator.errors import Phrase, Problem, quoted

_QUANTIFIER = re.compile(r"[*+?]|\{\d*(?:,\d*)?\}")
_GROUP_OPENING = re.compile(r"\(\?(?:P?<[^>]*>|P=[^)]*\)|<[=!]|[:=!>#]|[a-zA-Z-]+[:)])?")
# Stands for what follows a run inside the pattern, so "je ne " before "(?:sais|peux)"
# is read as speech is: "ne" before a word.
_NEXT_WORD = " mot"


def _segments(pattern: str) -> Iterator[tuple[bool, str]]:
    """The pattern as (literal?, text) pieces, in order."""
    literal = ""
    i = 0
    while i < len(pattern):
        char = pattern[i]
        quantifier = _QUANTIFIER.match(pattern, i) if char in "*+?{" else None
        if quantifier:
            # a quantified character is not plain text: "colou?r"
            if literal:
                yield True, literal[:-1]
                yield False, literal[-1]
                literal = ""
            end = quantifier.end() + (pattern[quantifier.end() : quantifier.end() + 1] == "?")
            yield False, pattern[i:end]
            i = end
            continue
        if char == "\\":
            piece, i = pattern[i : i + 2], i + 2
        elif char == "[":
            end = i + 1 + (pattern[i + 1 : i + 2] == "^")
            end += pattern[end : end + 1] == "]"
            while end < len(pattern) and pattern[end] != "]":
                end += 2 if pattern[end] == "\\" else 1
            piece, i = pattern[i : end + 1], end + 1
        elif char == "(":
            opening = _GROUP_OPENING.match(pattern, i)
            length = opening.end() - i if opening else 1
            piece, i = pattern[i : i + length], i + length
        elif char in ")|.^$":
            piece, i = char, i + 1
        else:
            literal += char
            i += 1
            continue
        if literal:
            yield True, literal
            literal = ""
        yield False, piece
    if literal:
        yield True, literal


def _as_spoken(run: str, locale: str, followed: bool) -> str:
    """A literal run in the normal form of speech, its outer spaces kept."""
    core = run.strip()
    if not core:
        return run
    lead = run[: len(run) - len(run.lstrip())]
    trail = run[len(run.rstrip()) :]
    if followed and trail:
        said = normalise(core + _NEXT_WORD, locale).text
        said = said.removesuffix(_NEXT_WORD.strip()).rstrip()
    else:
        said = normalise(core, locale).text
    return (lead + said + trail) if said else (lead if lead else trail)


def never_matches(pattern: str, locale: str) -> bool:
    """Whether no alternative of ``pattern`` survives the normal form: each needs plain
    text that speech never holds ("don't"), outside any optional part. A pattern with one
    alternative written as speech is heard ("(?:don't|do not)") can match."""
    pieces = list(_segments(pattern))
    # each open group: its opening, and for each of its alternatives whether each part is dead
    stack: list[tuple[str, list[list[bool]]]] = [("", [[]])]
    for index, (literal, text) in enumerate(pieces):
        followed = index + 1 < len(pieces)
        parts = stack[-1][1][-1]
        if literal:
            parts.append(_as_spoken(text, locale, followed) != strip_accents(text))
        elif text == "|":
            stack[-1][1].append([])
        elif text.startswith("("):
            stack.append((text, [[]]))
        elif text == ")" and len(stack) > 1:
            opening, alternatives = stack.pop()
            after = pieces[index + 1][1] if followed else ""
            optional = after[:1] in ("?", "*") or after.startswith("{0")
            lookaround = opening in ("(?=", "(?!", "(?<=", "(?<!")
            dead = all(any(a) for a in alternatives) and not (optional or lookaround)
            stack[-1][1][-1].append(dead)
    return all(any(alternative) for alternative in stack[0][1])


def spoken_pattern(pattern: str, locale: str) -> str:
    """``pattern`` with each run of plain text put into the normal form of speech:
    "don't worry" → "do not worry", "je ne sais pas" → "je sais pas"."""
    pieces = list(_segments(pattern))
    out = []
    for index, (literal, text) in enumerate(pieces):
        followed = index + 1 < len(pieces)
        out.append(_as_spoken(text, locale, followed) if literal else text)
    return "".join(out)


def _patterns(pack: RulePack) -> Iterator[tuple[KeyPath, str]]:
    """Every pattern of the pack, with its key path in the file."""
    for i, rule in enumerate(pack.rules):
        if isinstance(rule, ExistenceRule | ReformulationRule):
            yield from ((("rules", i, "tokens", j), p) for j, p in enumerate(rule.tokens))
        if isinstance(rule, SubstitutionRule):
            yield from ((("rules", i, "swap", p), p) for p in rule.swap)
        if isinstance(rule, ReformulationRule):
            yield from ((("rules", i, "openers", j), p) for j, p in enumerate(rule.openers))
        yield from ((("rules", i, "exceptions", j), p) for j, p in enumerate(rule.exceptions))
        followers = enumerate(rule.unless_followed_by)
        yield from ((("rules", i, "unless_followed_by", j), p) for j, p in followers)


def pack_warnings(pack: RulePack, located: Located) -> list[Problem]:
    """What in a valid pack will not work: patterns that can never match speech in its
    normal form, and rules without a 'flag' or a 'pass' example."""
    warnings: list[Problem] = []

    def warn(path: KeyPath, message: Phrase, fix: Phrase) -> None:
        line, column = located.position(path)
        key = format_key(path)
        warnings.append(Problem(located.file, message, line, column, key, fix, warning=True))

    for path, pattern in _patterns(pack):
        if not never_matches(pattern, pack.locale):
            continue
        spoken = spoken_pattern(pattern, pack.locale)
        if not re.search(r"\w", re.sub(r"\\.|\(\?[^:]*:|\[[^\]]*\]", "", spoken)):
            warn(
                path,
                Phrase("author.pattern_emptied", pattern=quoted(pattern)),
                Phrase("author.pattern_emptied.fix"),
            )
            continue
        normal = quoted(spoken)
        warn(
            path,
            Phrase("author.pattern_rewritten", pattern=quoted(pattern), normal=normal),
            Phrase("author.pattern_rewritten.fix", normal=normal),
        )
    bare = set(rules_without_examples(pack))
    for i, rule in enumerate(pack.rules):
        if rule.id not in bare:
            continue
        given = (("flag", rule.examples.flag), ("pass", rule.examples.pass_))
        missing = [f"'{kind}'" for kind, sentences in given if not sentences]
        warn(
            ("rules", i, "examples"),
            Phrase("author.no_examples", rule=quoted(rule.id), missing=choices(missing)),
            Phrase("author.no_examples.fix"),
        )
    return sorted(warnings, key=lambda p: (p.line or 0, p.column or 0))
