"""A file the schema refused, mended just enough for the checks that come after it.

``validate`` reports every problem at once: the schema's (an unknown key, a wrong
value) and those only the whole file shows (a ``goto`` to no node, an unreachable
node, an unknown template variable). The second kind needs a model, so each part the
schema refused is taken out — an unknown key, an optional value, a list item — or,
where the model requires it, replaced by a stand-in; the mended model is checked, and
what those checks say about a refused part is left out, since the schema said it first.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from simulator.authoring.datafile import Located, clean_loc, problems_from_validation, validate
from simulator.authoring.model_paths import (
    KeyPath,
    annotation_at,
    field_named,
    format_key,
    model_at,
    options,
    value_at,
    within,
)
from simulator.errors import Problem

M = TypeVar("M", bound=BaseModel)

# Stand-ins for a required value the schema refused, by the key that holds it. Text is
# an ellipsis; a node id that names no node ("_") sends nowhere.
_TEXT = "…"
_STAND_INS: dict[str, Callable[[dict], object]] = {
    **dict.fromkeys(
        ("title", "customer_name", "brief", "text", "name", "message"), lambda data: _TEXT
    ),
    "id": lambda data: "refused",
    "locale": lambda data: "en",
    "persona": lambda data: "loyal_irritated",
    "channel": lambda data: "phone",
    "objectives": lambda data: [_TEXT],
    "replies": lambda data: [_TEXT],
    "customer": lambda data: _TEXT,
    "expect": lambda data: {},
    "goto": lambda data: "_",
    # the first node, so that a refused start does not make every node unreachable
    "start": lambda data: next((k for k in data.get("nodes") or {} if isinstance(k, str)), "_"),
}
# A node that is not a mapping at all: it closes the call, so it is no dead end.
_ENTRY_STAND_INS: dict[str, object] = {"nodes": {"customer": _TEXT, "end": "hung_up"}}
# A node the model refuses as a whole: what to take out so that it is read.
_WHOLE_REFUSALS = {"problem.end_and_next": "end"}
# Where a change alters where the call can go: what the checks say about the parts
# around it (the node, its branches) is left out too.
_GRAPH_KEYS = {"start", "on_hangup", "next", "goto", "when", "end"}
_KEY_REFUSED = "[key]"  # pydantic's mark for a mapping's key (not its value) refused
_DROP = object()


@dataclass
class Mended(Generic[M]):
    """The model (mended when the schema refused parts of the file, None when it could not
    be), the schema's problems, and the keys of what it refused."""

    model: M | None
    problems: list[Problem] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    around: list[str] = field(default_factory=list)

    def covers(self, key: str | None) -> bool:
        """Whether a check's finding at ``key`` is about a part the schema refused."""
        if not key:
            return False
        if any(within(key, r) for r in self.refused):
            return True
        return any(within(r, key) for r in self.around)


def validate_leniently(located: Located, model: type[M], kind: str) -> Mended[M]:
    """Validate a parsed file: the model, or the schema's problems and the model mended
    for the checks that come after (a file that is not a mapping is refused at once)."""
    if not isinstance(located.data, dict):
        validate(located, model, kind)  # raises: there is nothing to mend
    try:
        return Mended(model.model_validate(located.data))
    except ValidationError as exc:
        mended = mend(located.data, exc, model)
        mended.problems = problems_from_validation(exc, located, model)
        return mended


def mend(data: dict, error: ValidationError, model: type[M], rounds: int = 4) -> Mended[M]:
    """``data`` (left as it is) mended until ``model`` accepts it."""
    mended: Mended[M] = Mended(None)
    data = copy.deepcopy(data)
    for _ in range(rounds):
        for item in error.errors(include_url=False):
            loc = clean_loc(item["loc"], data)
            mended.refused.append(format_key(loc))
            kind = "extra_forbidden" if _KEY_REFUSED in item["loc"] else item["type"]
            changed = _mend_one(data, loc, kind, model)
            if changed is None:
                return mended
            if _moves_the_graph(changed):
                mended.around.append(format_key(changed))
        _purge(data)
        try:
            mended.model = model.model_validate(data)
            return mended
        except ValidationError as again:
            error = again
    return mended


def _moves_the_graph(path: KeyPath) -> bool:
    """Whether a change at ``path`` alters which node leads where."""
    if not path:
        return False
    if path[-1] in _GRAPH_KEYS or (len(path) == 2 and path[0] == "nodes"):
        return True
    return len(path) >= 2 and path[-2] == "next"


def _mend_one(data: dict, loc: KeyPath, kind: str, model: type[BaseModel]) -> KeyPath | None:
    """Take out or stand in for the part at ``loc``; the path changed, or None."""
    if kind == "extra_forbidden" and loc:
        _remove(data, loc)
        return ()
    for depth in range(len(loc), 0, -1):
        path, part = loc[:depth], loc[depth - 1]
        parent = value_at(data, path[:-1])
        owner = model_at(model, path[:-1], data)
        if owner is not None and isinstance(part, str):
            found = field_named(owner, part)
            if found is None:
                continue
            if not found[1].is_required():
                _remove(data, path)
                return path
            if part in _STAND_INS and isinstance(parent, dict):
                parent[part] = _STAND_INS[part](data)
                return path
            continue
        if isinstance(parent, list) and isinstance(part, int) and 0 <= part < len(parent):
            parent[part] = _DROP
            return path
        if isinstance(parent, dict) and part in parent:
            return _mend_entry(data, loc, path, kind, model)
    return None


def _mend_entry(
    data: dict, loc: KeyPath, path: KeyPath, kind: str, model: type[BaseModel]
) -> KeyPath | None:
    """Mend an entry of a mapping of the file's own keys (a node, a variable)."""
    parent = value_at(data, path[:-1])
    assert isinstance(parent, dict)
    value = parent[path[-1]]
    holder = str(path[-2]) if len(path) > 1 else ""
    if path == loc and kind in _WHOLE_REFUSALS and isinstance(value, dict):
        value.pop(_WHOLE_REFUSALS[kind], None)
        return (*path, _WHOLE_REFUSALS[kind])
    if path == loc and holder in _ENTRY_STAND_INS:
        parent[path[-1]] = copy.deepcopy(_ENTRY_STAND_INS[holder])
        return path
    if path == loc and str in options(annotation_at(model, path, data)):
        parent[path[-1]] = _TEXT
        return path
    if path != loc:
        return None
    del parent[path[-1]]
    return path


def _remove(data: dict, path: KeyPath) -> None:
    parent = value_at(data, path[:-1])
    if isinstance(parent, dict):
        parent.pop(path[-1], None)


def _purge(value: Any) -> None:
    """Take the list items marked for dropping out, everywhere."""
    stack = [value]
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, list):
            current[:] = [v for v in current if v is not _DROP]
            stack.extend(current)
        elif isinstance(current, dict):
            stack.extend(current.values())
