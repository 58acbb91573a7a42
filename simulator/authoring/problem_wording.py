"""How roleplay words what a parser or a validator found in a person's file.

PyYAML and pydantic say what is wrong in their own English; the common cases (an
unclosed bracket, a tab, a wrong type, a value out of range) are worded here as
catalogue phrases (``problem.*``), so a French reader reads them in French. A rare case
keeps the library's own words.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

import yaml

from simulator.errors import Phrase, Problem, quoted
from simulator.i18n.catalogue import has_text

# The constructs PyYAML reports as left open ("while parsing a flow sequence"), in our words.
_UNCLOSED = {
    "flow sequence": "problem.yaml.unclosed_list",
    "flow mapping": "problem.yaml.unclosed_mapping",
    "quoted scalar": "problem.yaml.unclosed_quote",
}
# Blocks laid out by indentation: a mistake there is shown on the line that broke them.
_BLOCKS = {"block mapping", "block collection"}

# What PyYAML found, in our words (libyaml and the pure-Python parser word some of these
# differently); anything else is shown in PyYAML's own English.
_FOUND = [
    (re.compile(r"did not find expected ',' or '\]'|expected ',' or '\]'"), "comma_or_bracket"),
    (re.compile(r"did not find expected ',' or '\}'|expected ',' or '\}'"), "comma_or_brace"),
    (re.compile(r"did not find expected key|expected <block end>"), "key"),
    (re.compile(r"did not find expected '-' indicator"), "dash"),
    (re.compile(r"found unexpected end of stream"), "end_of_file"),
    (re.compile(r"mapping values are not allowed"), "colon"),
    (re.compile(r"found character .*that cannot start any token"), "bad_character"),
    (re.compile(r"found undefined alias"), "undefined_alias"),
    (re.compile(r"found unknown escape character"), "unknown_escape"),
]
_TAG = re.compile(r"could not determine a constructor for the tag (.+)")


def _found(problem: str | None) -> Phrase | str:
    """What the parser found, worded by roleplay when it is a common mistake."""
    text = (problem or "").strip()
    tag = _TAG.match(text)
    if tag:
        return Phrase("problem.yaml.why.tag", tag=tag.group(1))
    for pattern, name in _FOUND:
        if pattern.search(text):
            return Phrase(f"problem.yaml.why.{name}")
    return text


def _tab_at(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, int] | None:
    """Where a tab lies on the lines the parser read before giving up (YAML indents with
    spaces only, and a tab elsewhere confuses it too), as a 0-based (line, column)."""
    lines = text.splitlines()
    stop = exc.problem_mark
    if stop is None:
        return None
    start = exc.context_mark.line if exc.context_mark else stop.line
    mark_line = lines[stop.line] if stop.line < len(lines) else ""
    if mark_line[stop.column : stop.column + 1] == "\t" or "tab character" in (exc.problem or ""):
        return stop.line, stop.column
    for number in [stop.line, *range(min(start, stop.line), stop.line)]:
        line = lines[number] if number < len(lines) else ""
        if "\t" in line:
            return number, line.index("\t")
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _levels_above(lines: list[str], number: int) -> list[int]:
    """The indentations a line may take after ``number`` lines: one of a key or a list
    item still open above it (a list item ``- key:`` opens two)."""
    levels: set[int] = set()
    limit = None
    for line in reversed(lines[:number]):
        body = line.strip()
        if not body or body.startswith("#"):
            continue
        indent = _indent(line)
        if limit is not None and indent >= limit:
            continue
        levels.add(indent)
        if body.startswith("- "):
            levels.add(indent + 2 + _indent(body[2:]))
        limit = indent
        if indent == 0:
            break
    return sorted(levels)


def _block_problem(exc: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    """A block of keys or list items that cannot go on: shown on the line that broke it,
    and when that line lines up with nothing above it, said so."""
    mark = exc.problem_mark
    assert mark is not None and exc.context_mark is not None
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    levels = _levels_above(lines, mark.line)
    spaces = _indent(line)
    if line.strip() and spaces not in levels:
        message = Phrase(
            "problem.yaml.indent", spaces=spaces, levels=choices([str(n) for n in levels])
        )
        fix = Phrase("problem.yaml.indent.fix")
    else:
        message = Phrase(
            "problem.yaml.in_block", why=_found(exc.problem), line=exc.context_mark.line + 1
        )
        fix = Phrase("problem.yaml.fix")
    return Problem(file, message, mark.line + 1, spaces + 1 if line.strip() else 1, None, fix)


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    """A YAML syntax error as one located problem, in roleplay's words."""
    fix = Phrase("problem.yaml.fix")
    tab = _tab_at(text, exc)
    if tab is not None:
        line, column = tab[0] + 1, tab[1] + 1
        return Problem(
            file, Phrase("problem.yaml.tab"), line, column, None, Phrase("problem.yaml.tab.fix")
        )
    construct = (exc.context or "").removeprefix("while parsing ").removeprefix("while scanning ")
    construct = construct.removeprefix("a ").removeprefix("an ")
    if construct in _BLOCKS and exc.problem_mark and exc.context_mark:
        return _block_problem(exc, text, file)
    # The context mark is where the broken construct starts (an unclosed bracket, a
    # quote); the problem mark is where the parser gave up, often a line later.
    mark = exc.context_mark or exc.problem_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    found = _found(exc.problem) if exc.problem else str(exc)
    message = Phrase("problem.yaml", why=found)
    if exc.context_mark and exc.problem_mark and exc.context:
        later = exc.problem_mark.line + 1
        if "another document" in (exc.problem or ""):
            message = Phrase("problem.yaml.two_documents", line=later)
        elif construct in _UNCLOSED:
            message = Phrase(_UNCLOSED[construct], why=found, line=later)
    return Problem(file, message, line=line, column=column, suggestion=fix)


# pydantic's error types roleplay words itself: a wrong type…
_WRONG_TYPE = {
    "int_parsing": "problem.type.int",
    "int_type": "problem.type.int",
    "int_from_float": "problem.type.int",
    "float_parsing": "problem.type.number",
    "float_type": "problem.type.number",
    "bool_parsing": "problem.type.bool",
    "bool_type": "problem.type.bool",
    "string_type": "problem.type.text",
    "list_type": "problem.type.list",
    "dict_type": "problem.type.mapping",
    "model_type": "problem.type.mapping",
    "model_attributes_type": "problem.type.mapping",
    "finite_number": "problem.type.finite",
}
# …and a value out of range, with the context entry that holds the limit.
_OUT_OF_RANGE = {
    "greater_than": ("problem.range.gt", "gt"),
    "greater_than_equal": ("problem.range.ge", "ge"),
    "less_than": ("problem.range.lt", "lt"),
    "less_than_equal": ("problem.range.le", "le"),
    "string_too_short": ("problem.range.text_short", "min_length"),
    "string_too_long": ("problem.range.text_long", "max_length"),
    "too_short": ("problem.range.list_short", "min_length"),
    "too_long": ("problem.range.list_long", "max_length"),
}


def choices(options: list[str]) -> Phrase | str:
    """ "'a', 'b' or 'c'" in the reader's language."""
    if len(options) < 2:
        return "".join(options)
    return Phrase("problem.either", first=", ".join(options[:-1]), last=options[-1])


def did_you_mean(word: object, options: list[str]) -> Phrase | None:
    close = difflib.get_close_matches(str(word), options, n=1)
    return Phrase("problem.did_you_mean", name=f"'{close[0]}'") if close else None


def value_problem(item: Any) -> Phrase | str:
    """A wrong value, worded by roleplay; pydantic's own English for a rare error type."""
    kind = item["type"]
    ctx = item.get("ctx") or {}
    if kind in _WRONG_TYPE:
        message: Phrase | str = Phrase(_WRONG_TYPE[kind])
    elif kind in _OUT_OF_RANGE:
        key, limit = _OUT_OF_RANGE[kind]
        message = Phrase(key, limit=ctx.get(limit))
    elif kind == "string_pattern_mismatch":
        message = Phrase("problem.pattern", pattern=quoted(ctx.get("pattern")))
    elif has_text(kind):  # a validator of ours raised PydanticCustomError("problem.…")
        message = Phrase(kind, **ctx)
    else:
        text = item["msg"].removeprefix("Value error, ")
        message = text[0].lower() + text[1:]
    if "input" in item and not isinstance(item["input"], dict | list):
        message = Phrase("problem.with_value", message=message, value=quoted(item["input"]))
    return message
