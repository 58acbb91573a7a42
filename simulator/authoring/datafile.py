"""Load files that people write (YAML or JSON) into pydantic models, with located errors.

YAML is read with PyYAML's safe loader only. Alongside the data we keep the
position of every mapping key and value, so a validation error can name the
file, the line, the column and the key, and suggest the closest valid key.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from simulator.authoring.data_limits import TOO_DEEP, TOO_DEEP_HINT, data_too_deep, node_problem
from simulator.authoring.model_paths import KeyPath, allowed_keys, format_key, model_at
from simulator.authoring.problem_wording import choices, did_you_mean, syntax_problem, value_problem
from simulator.errors import InvalidFileError, Phrase, Problem, quoted

M = TypeVar("M", bound=BaseModel)
YAML_FILE = "problem.kind.yaml_file"


class Located:
    """Parsed data plus the (line, column) of every key path, both 1-based."""

    def __init__(self, data: Any, marks: dict[KeyPath, tuple[int, int]], file: str) -> None:
        self.data = data
        self.marks = marks
        self.file = file

    def position(self, path: Iterable[str | int]) -> tuple[int | None, int | None]:
        """The position of the deepest part of ``path`` that exists in the file."""
        parts = tuple(path)
        while parts:
            if parts in self.marks:
                return self.marks[parts]
            parts = parts[:-1]
        return self.marks.get((), (None, None))


def _walk(node: yaml.Node, path: KeyPath, marks: dict[KeyPath, tuple[int, int]]) -> None:
    marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            child = (*path, key)
            marks[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _walk(value_node, child, marks)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), marks)


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml_text(text: str, file: str) -> Located:
    """Parse YAML text safely; a syntax error becomes a located :class:`InvalidFileError`."""
    try:
        # One pass: compose the node tree (it carries every position), then build the
        # data from it with the safe constructor. libyaml's loader when it is there.
        loader = _SafeLoader(text)
        try:
            node = loader.get_single_node()
            # Refuse a bomb or a bottomless nesting before building any data from it.
            shape = node_problem(node, file) if node is not None else None
            if shape is not None:
                raise InvalidFileError(problems=[shape], kind=YAML_FILE)
            data = _construct(loader, node, file) if node is not None else None
        finally:
            loader.dispose()
    except RecursionError:
        # Only PyYAML's pure-Python parser (without libyaml) recurses this deep.
        raise InvalidFileError(
            problems=[Problem(file, TOO_DEEP, suggestion=TOO_DEEP_HINT)], kind=YAML_FILE
        ) from None
    except yaml.MarkedYAMLError as exc:
        problem = syntax_problem(exc, text, file)
        raise InvalidFileError(problems=[problem], kind=YAML_FILE) from None
    except yaml.YAMLError as exc:
        problem = Problem(file, Phrase("problem.yaml", why=str(exc)))
        raise InvalidFileError(problems=[problem], kind=YAML_FILE) from None
    marks: dict[KeyPath, tuple[int, int]] = {}
    if node is not None:
        _walk(node, (), marks)
    return Located(data, marks, file)


# What PyYAML's safe constructor raises (besides YAMLError) when a value does not fit its
# tag: "!!int ten", "!!bool maybe", "!!timestamp soon", or an int of 5,000 digits.
_TAG_MISFITS = (ValueError, TypeError, KeyError, AttributeError, OverflowError)


def _construct(loader: Any, node: yaml.Node, file: str) -> Any:
    try:
        return loader.construct_document(node)
    except _TAG_MISFITS:
        pass
    bad = _misfit_scalar(loader, node)
    where = bad.start_mark if bad is not None else node.start_mark
    tag = bad.tag.rsplit(":", 1)[-1] if bad is not None else "tag"
    value = quoted(bad.value) if bad is not None else "…"
    problem = Problem(
        file,
        Phrase("problem.tag_misfit", value=value, tag=tag),
        where.line + 1,
        where.column + 1,
        suggestion=Phrase("problem.tag_misfit.fix", tag=tag),
    )
    raise InvalidFileError(problems=[problem], kind=YAML_FILE)


def _misfit_scalar(loader: Any, root: yaml.Node) -> yaml.ScalarNode | None:
    """The first scalar whose value does not fit its tag (written or implied)."""
    # Forget the half-built document the failure left behind.
    loader.constructed_objects, loader.recursive_objects, loader.state_generators = {}, {}, []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            try:
                loader.construct_object(node)
            except _TAG_MISFITS:
                return node
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in reversed(node.value) for part in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return None


def parse_json_text(text: str, file: str, kind: str) -> Located:
    """Parse JSON; a syntax error names the line and column. Key positions come from
    reading the same text as YAML (a superset of JSON) where that succeeds."""
    try:
        data = json.loads(text)
        too_deep = data_too_deep(data)
    except json.JSONDecodeError as exc:
        # json's own English says what it expected ("Expecting ',' delimiter").
        problem = Problem(file, Phrase("problem.json", why=exc.msg), exc.lineno, exc.colno)
        raise InvalidFileError(problems=[problem], kind=kind) from None
    except ValueError:  # Python refuses to read an int of more than 4,300 digits
        problem = Problem(file, Phrase("problem.too_many_digits"))
        raise InvalidFileError(problems=[problem], kind=kind) from None
    except RecursionError:
        too_deep = True
    if too_deep:
        raise InvalidFileError(
            problems=[Problem(file, TOO_DEEP, suggestion=TOO_DEEP_HINT)], kind=kind
        ) from None
    marks: dict[KeyPath, tuple[int, int]] = {}
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        node = None
    if node is not None:
        _walk(node, (), marks)
    return Located(data, marks, file)


def read_text(path: Path, kind: str) -> str:
    """Read a UTF-8 file a person pointed us at, with a plain error when that fails."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        missing = Problem(
            str(path), Phrase("problem.no_such_file"), suggestion=Phrase("problem.no_such_file.fix")
        )
        raise InvalidFileError(problems=[missing], kind=kind) from None
    except IsADirectoryError:
        folder = Problem(str(path), Phrase("problem.is_folder"))
        raise InvalidFileError(problems=[folder], kind=kind) from None
    except UnicodeDecodeError as exc:
        not_utf8 = Problem(
            str(path),
            Phrase("problem.not_utf8", byte=exc.start),
            suggestion=Phrase("problem.not_utf8.fix"),
        )
        raise InvalidFileError(problems=[not_utf8], kind=kind) from None
    except OSError as exc:
        # The system's own words for why ("Permission denied").
        unreadable = Problem(str(path), Phrase("problem.unreadable", why=exc.strerror))
        raise InvalidFileError(problems=[unreadable], kind=kind) from None


def clean_loc(loc: tuple[Any, ...], data: Any) -> KeyPath:
    """Keep the parts of pydantic's ``loc`` that are real keys or indexes in the file.

    pydantic adds the tag of a discriminated union (``rules.0.existence.tokens``); such
    a part is dropped when the part after it exists in the data and it does not.
    """
    kept: list[str | int] = []
    current = data
    parts = list(loc)
    for i, part in enumerate(parts):
        if (isinstance(current, dict) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and part < len(current)
        ):
            kept.append(part)
            current = current[part]
        elif i + 1 < len(parts) and isinstance(current, dict) and parts[i + 1] in current:
            continue
        else:
            # pydantic marks a mapping's key that is wrong (not its value) with "[key]"
            kept.extend(p for p in parts[i:] if isinstance(p, int | str) and p != "[key]")
            break
    return tuple(kept)


def problems_from_validation(
    error: ValidationError, located: Located, model: type[BaseModel]
) -> list[Problem]:
    """Turn pydantic's errors into one located, plain-words problem each."""
    problems: list[Problem] = []
    for item in error.errors(include_url=False):
        loc = clean_loc(item["loc"], located.data)
        line, column = located.position(loc)
        kind = item["type"]
        key = format_key(loc) or None
        suggestion: Phrase | None = None
        message: Phrase | str
        if kind == "extra_forbidden":
            parent = model_at(model, loc[:-1], located.data)
            allowed = allowed_keys(parent) if parent else []
            message = Phrase("problem.unknown_key")
            suggestion = did_you_mean(loc[-1], allowed)
            if suggestion is None and allowed:
                suggestion = Phrase("problem.allowed_keys", keys=", ".join(allowed))
        elif kind == "missing":
            message = Phrase("problem.missing_key")
            suggestion = Phrase("problem.missing_key.fix", key=loc[-1]) if loc else None
        elif kind == "union_tag_invalid":
            ctx = item.get("ctx", {})
            field = str(ctx.get("discriminator", "type")).strip("'")
            loc = (*loc, field)
            line, column = located.position(loc)
            key = format_key(loc)
            options = [o.strip().strip("'") for o in str(ctx.get("expected_tags", "")).split(",")]
            tag = quoted(ctx.get("tag"))
            message = Phrase(
                "problem.unknown_tag", tag=tag, field=field, options=", ".join(options)
            )
            suggestion = did_you_mean(ctx.get("tag"), options)
        elif kind in {"literal_error", "enum"}:
            expected = str(item.get("ctx", {}).get("expected", ""))
            shown = [o.strip() for o in expected.replace(" or ", ",").split(",") if o.strip()]
            message = Phrase(
                "problem.not_allowed", value=quoted(item["input"]), expected=choices(shown)
            )
            suggestion = did_you_mean(item["input"], [o.strip("'") for o in shown])
        else:
            message = value_problem(item)
        problems.append(Problem(located.file, message, line, column, key, suggestion))
    return _merge_misspelt(problems)


def _merge_misspelt(problems: list[Problem]) -> list[Problem]:
    """A misspelt key shows up twice (unknown key + missing key); keep the unknown one."""
    suggested = {
        (
            p.key.rsplit(".", 1)[0] if p.key and "." in p.key else "",
            str(p.suggestion.values["name"]).strip("'"),
        )
        for p in problems
        if p.message == Phrase("problem.unknown_key")
        and isinstance(p.suggestion, Phrase)
        and p.suggestion.key == "problem.did_you_mean"
    }

    def redundant(p: Problem) -> bool:
        if p.message != Phrase("problem.missing_key") or not p.key:
            return False
        parent, _, name = p.key.rpartition(".")
        return (parent, name) in suggested

    kept = [p for p in problems if not redundant(p)]
    return sorted(kept, key=lambda p: (p.line or 0, p.column or 0))


def validate(located: Located, model: type[M], kind: str, context: dict | None = None) -> M:
    """Validate parsed data against ``model``; every problem is reported at once."""
    if not isinstance(located.data, dict):
        message = (
            Phrase("problem.not_a_mapping_empty")
            if located.data is None
            else Phrase("problem.not_a_mapping", got=type(located.data).__name__)
        )
        raise InvalidFileError(problems=[Problem(located.file, message, 1, 1)], kind=kind)
    try:
        return model.model_validate(located.data, context=context)
    except ValidationError as exc:
        raise InvalidFileError(
            problems=problems_from_validation(exc, located, model), kind=kind
        ) from None


def load_model(path: Path, model: type[M], kind: str, context: dict | None = None) -> M:
    """Read, parse and validate one YAML file."""
    located = parse_yaml_text(read_text(path, kind), str(path))
    return validate(located, model, kind, context)
