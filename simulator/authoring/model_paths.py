"""Key paths in a person's file, and which part of a pydantic model each one names.

A path mixes a model's field names, list positions and the keys of a mapping, and is
written one way everywhere a person reads it: names joined by dots, list positions in
brackets (``nodes.opening.next[0].goto``). Validation errors, "did you mean" and the
mending of a refused file (:mod:`simulator.authoring.salvage`) all follow paths here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

KeyPath = tuple[str | int, ...]


def format_key(path: Iterable[object]) -> str:
    """``nodes.opening.next[0].goto``: names joined by dots, list positions in brackets."""
    text = ""
    for part in path:
        if isinstance(part, int) and not isinstance(part, bool):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def within(key: str | None, other: str) -> bool:
    """Whether ``key`` is ``other`` or lies inside it (``nodes.a.next[0]`` in ``nodes.a``)."""
    if not key or not other:
        return False
    return key == other or key.startswith((other + ".", other + "["))


def options(annotation: Any) -> list[Any]:
    """The types an annotation allows: ``X | None`` and ``Annotated[X, …]`` opened up."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return options(get_args(annotation)[0])
    if origin is Union or origin is UnionType:
        return [option for arg in get_args(annotation) for option in options(arg)]
    return [annotation]


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def field_named(model: type[BaseModel], name: object) -> tuple[str, FieldInfo] | None:
    """The field a key of the file names (by its alias when it has one)."""
    for field_name, info in model.model_fields.items():
        if name == (info.alias or field_name):
            return field_name, info
    return None


def allowed_keys(model: type[BaseModel]) -> list[str]:
    """The keys a mapping of this model may hold, as a person writes them."""
    return sorted(info.alias or name for name, info in model.model_fields.items())


def model_of(annotation: Any, value: object) -> type[BaseModel] | None:
    """The model ``value`` is read as: the only one the annotation allows, or, among a
    union of models, the one whose ``Literal`` field (a rule's ``type``) ``value`` names."""
    models = [o for o in options(annotation) if _is_model(o)]
    if len(models) <= 1:
        return models[0] if models else None
    if isinstance(value, Mapping):
        for model in models:
            for name, info in model.model_fields.items():
                key = info.alias or name
                if get_origin(info.annotation) is Literal and key in value:
                    try:
                        if value[key] in get_args(info.annotation):
                            return model
                    except TypeError:  # an unhashable value names no tag
                        continue
    return None


def _child(annotation: Any, part: str | int, value: object) -> Any:
    """The annotation of ``value[part]`` when ``value`` is read as ``annotation``."""
    model = model_of(annotation, value)
    if model is not None and isinstance(part, str):
        found = field_named(model, part)
        return found[1].annotation if found else None
    for option in options(annotation):
        origin = get_origin(option)
        args = get_args(option)
        if origin in (list, tuple, Sequence) and isinstance(part, int) and args:
            return args[0]
        if origin in (dict, Mapping) and len(args) == 2:
            return args[1]
    return None


def value_at(data: object, path: KeyPath) -> object:
    """What the file holds at ``path`` (None where it holds nothing)."""
    for part in path:
        if (isinstance(data, Mapping) and part in data) or (
            isinstance(data, list) and isinstance(part, int) and -len(data) <= part < len(data)
        ):
            data = data[part]
        else:
            return None
    return data


def annotation_at(model: type[BaseModel], path: KeyPath, data: object) -> Any:
    """The annotation of what ``path`` names, following the file's own values through
    unions; None when the path leaves the model."""
    annotation: Any = model
    for depth, part in enumerate(path):
        annotation = _child(annotation, part, value_at(data, path[:depth]))
        if annotation is None:
            return None
    return annotation


def model_at(model: type[BaseModel], path: KeyPath, data: object) -> type[BaseModel] | None:
    """The model of the mapping at ``path`` (None for a list, a value, or no model)."""
    annotation = annotation_at(model, path, data)
    return model_of(annotation, value_at(data, path)) if annotation is not None else None
