"""Hypothesis strategies for what a person might feed a loader: odd values, broken
structures, and (most useful) a real, valid file with a few things changed."""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable
from typing import Any

import yaml
from hypothesis import strategies as st

Path_ = tuple[str | int, ...]

ODD_TEXT = [
    "",
    " ",
    "\t",
    "\x00",
    "\u200b",  # zero-width space
    "\u202e",  # right-to-left override
    "\ufeff",  # byte order mark
    "é" * 3,
    "e\u0301",  # e + combining acute
    "🙂👍🏽",
    "\ud7ff\ue000",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "İıß",
    "{{",
    "{{ x }}",
    "{% if %}",
    "*alias",
    "&anchor",
    "!!python/object:os.system",
    "---",
    "...",
    "null",
    "~",
    "yes",
    "NaN",
    "-.inf",
    "0x1F",
    "1e309",
    "../../etc/passwd",
    "C:\\Windows",
    "(?i)",
    "[z-a]",
    "(" * 40,
]

NUMBERS = [0, -1, 1, 2**31, 2**63, -(2**63), 10**30, 1e308, -1e308, 1e-320, 0.5, -0.0]
SPECIAL_FLOATS = [math.nan, math.inf, -math.inf]

long_text = st.sampled_from([80, 5000, 100_000]).map(lambda n: "x" * n)
odd_text = st.one_of(st.sampled_from(ODD_TEXT), st.text(max_size=40), long_text)
keys = st.one_of(
    st.sampled_from(["id", "type", "text", "next", "__class__", "", "é"]), st.text(max_size=12)
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.sampled_from(NUMBERS),
    st.integers(),
    st.floats(allow_nan=False),
    odd_text,
)


def deep_list(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


# Any YAML/JSON-like value, small: scalars, lists and mappings nested a few deep.
any_value = st.recursive(
    scalars | st.sampled_from(SPECIAL_FLOATS),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=12,
)


def paths(doc: Any, prefix: Path_ = ()) -> list[Path_]:
    """Every key path in ``doc``, the document itself first."""
    found = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            found += paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            found += paths(value, (*prefix, index))
    return found


def _replacement(draw: st.DrawFn, current: Any) -> Any:
    """A new value for ``current``: of the wrong type, out of range, huge, odd."""
    kind = draw(
        st.sampled_from(
            [
                "value",
                "number",
                "special float",
                "odd text",
                "deep list",
                "empty",
                "wrapped in a list",
                "as text",
                "negated",
                "very long",
            ]
        )
    )
    if kind == "value":
        return draw(any_value)
    if kind == "number":
        return draw(st.sampled_from(NUMBERS))
    if kind == "special float":
        return draw(st.sampled_from(SPECIAL_FLOATS))
    if kind == "odd text":
        return draw(odd_text)
    if kind == "deep list":
        return deep_list(draw(st.integers(1, 60)))
    if kind == "empty":
        return draw(st.sampled_from([None, "", [], {}]))
    if kind == "wrapped in a list":
        return [current]
    if kind == "as text":
        return str(current)
    if kind == "negated":
        if isinstance(current, bool):
            return not current
        return -current if isinstance(current, int | float) else current
    text = str(current) or "x"
    length = draw(st.sampled_from([1000, 100_000]))
    return (text * (length // len(text) + 1))[:length]


def _parent(doc: Any, path: Path_) -> Any:
    for part in path[:-1]:
        doc = doc[part]
    return doc


@st.composite
def mutated(draw: st.DrawFn, original: Any, max_changes: int = 3) -> Any:
    """A deep copy of ``original`` with one to ``max_changes`` changes at random places:
    a key dropped, a value replaced, an unknown key added, an item repeated."""
    doc = copy.deepcopy(original)
    for _ in range(draw(st.integers(1, max_changes))):
        where = paths(doc)
        path = draw(st.sampled_from(where))
        change = draw(st.sampled_from(["drop", "replace", "replace", "add key", "repeat"]))
        if not path:
            if change == "replace":
                doc = draw(any_value)
            continue
        parent = _parent(doc, path)
        key = path[-1]
        if change == "drop":
            del parent[key]
        elif change == "replace":
            parent[key] = _replacement(draw, parent[key])
        elif change == "add key" and isinstance(parent[key], dict):
            parent[key][draw(keys)] = draw(any_value)
        elif change == "repeat" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
    return doc


_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_yaml(doc: Any) -> str:
    return yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def dump_json(doc: Any) -> str:
    # json writes NaN and Infinity, as some tools do; a loader must cope with them.
    return json.dumps(doc, ensure_ascii=False, indent=1)


# Text-level changes: what a YAML document can say that a dumped structure never does.
YAML_SNIPPETS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/name:os.system",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "!!timestamp 2001-12-14",
    "!<tag:yaml.org,2002:python/object:builtins.object> {}",
    "&a [*a]",
    "*undefined",
    "{a: 1, a: 2}",
    "[" * 200,
    "\t- tab",
    "? [complex, key]\n: value",
    "<<: {merged: 1}",
    "%YAML 1.1\n---",
    "'unterminated",
    '"\\x00\\uDC80"',
    "|-\n  literal",
    "--- second document",
]


@st.composite
def edited_text(draw: st.DrawFn, text: str, marker: str = "/nonexistent/marker") -> str:
    """``text`` with a line replaced or inserted, a snippet added, or cut short."""
    lines = text.splitlines()
    kind = draw(st.sampled_from(["insert", "replace line", "truncate", "duplicate line"]))
    index = draw(st.integers(0, max(len(lines) - 1, 0)))
    if kind == "truncate":
        return text[: draw(st.integers(0, len(text)))]
    if kind == "duplicate line" and lines:
        lines.insert(index, lines[index])
        return "\n".join(lines)
    snippet = draw(st.sampled_from(YAML_SNIPPETS)).replace("{marker}", marker)
    line = lines[index] if lines else ""
    indent = line[: len(line) - len(line.lstrip())]
    key = line.strip().split(":", 1)[0] if ":" in line else "key"
    new = draw(st.sampled_from([f"{indent}{key}: {snippet}", f"{indent}{snippet}", snippet]))
    if kind == "replace line" and lines:
        lines[index] = new
    else:
        lines.insert(index, new)
    return "\n".join(lines) + "\n"


@st.composite
def damaged_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with bytes flipped, a non-UTF-8 sequence, or cut short."""
    kind = draw(st.sampled_from(["flip", "invalid utf-8", "truncate", "nul"]))
    if not data or kind == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    at = draw(st.integers(0, len(data) - 1))
    if kind == "flip":
        return data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
    insert = b"\xff\xfe\xc3(" if kind == "invalid utf-8" else b"\x00"
    return data[:at] + insert + data[at:]


def file_contents(text: str, original: Any, dump: Callable[[Any], str]) -> st.SearchStrategy[bytes]:
    """Whole files to try instead of the valid file ``text`` (parsed: ``original``):
    random bytes, random structures, and changes to it."""
    return st.one_of(
        st.binary(max_size=200),
        any_value.map(lambda v: dump(v).encode()),
        mutated(original).map(lambda d: dump(d).encode()),
        edited_text(text).map(str.encode),
        damaged_bytes(text.encode()),
    )
