"""Bounds on the shape of a file a person hands to roleplay.

Scenarios, rule packs, voice profiles and settings are a few levels deep and hold
a few hundred values. A file far beyond that is a mistake or an attack: brackets
nested a thousand deep overflow Python's stack, and YAML aliases (``*name``) can
expand a few lines into millions of values (the "billion laughs"). These checks
run on the parsed node tree, before any Python data is built from it, and never
recurse, so such a file is refused at once with a plain message.
"""

from __future__ import annotations

from typing import Any

import yaml

from simulator.errors import Phrase, Problem

MAX_DEPTH = 32
MAX_VALUES = 100_000

TOO_DEEP = Phrase("problem.too_deep", depth=MAX_DEPTH)
TOO_DEEP_HINT = Phrase("problem.too_deep.fix")


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _where(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _expanded(root: yaml.Node) -> tuple[int, int] | yaml.Node:
    """(values, depth) of the data ``root`` expands to once aliases are followed,
    or the node an alias leads back into (the data would contain itself)."""
    sizes: dict[int, tuple[int, int]] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        children = _children(node)
        if finished:
            open_nodes.discard(id(node))
            values = 1 + sum(sizes[id(c)][0] for c in children)
            depth = 1 + max((sizes[id(c)][1] for c in children), default=0)
            sizes[id(node)] = (min(values, MAX_VALUES + 1), depth)
            continue
        if id(node) in sizes:
            continue
        if id(node) in open_nodes:
            return node
        open_nodes.add(id(node))
        stack.append((node, True))
        stack.extend((c, False) for c in children)
    return sizes[id(root)]


def _first_too_deep(root: yaml.Node) -> yaml.Node:
    """The first node, in reading order, nested deeper than allowed."""
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return node
        stack.extend((c, depth + 1) for c in reversed(_children(node)))
    return root


def node_problem(root: yaml.Node, file: str) -> Problem | None:
    """Why the YAML document ``root`` is too big or too deep to load, or None."""
    shape = _expanded(root)
    if isinstance(shape, yaml.Node):
        line, column = _where(shape)
        return Problem(
            file,
            Phrase("problem.alias_loop"),
            line,
            column,
            suggestion=Phrase("problem.alias_loop.fix"),
        )
    values, depth = shape
    if values > MAX_VALUES:
        return Problem(
            file,
            Phrase("problem.too_many_values", count=MAX_VALUES),
            1,
            1,
            suggestion=Phrase("problem.too_many_values.fix"),
        )
    if depth > MAX_DEPTH:
        line, column = _where(_first_too_deep(root))
        return Problem(file, TOO_DEEP, line, column, suggestion=TOO_DEEP_HINT)
    return None


def data_too_deep(data: Any) -> bool:
    """Whether parsed JSON data is nested deeper than allowed (JSON has no aliases)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return False
