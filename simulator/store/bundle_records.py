"""The shape of a session record arriving in a bundle.

A bundle comes from someone else's machine; its sessions go into the lead's index and
feed history, scorecards and team reports. A record whose transcript or scorecard is
not what roleplay writes would break those later, far from the import that let it in,
so each record is checked against :class:`~simulator.store.records.SessionRecord`
before anything is stored, and the first problem is said in words a person can act on.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from simulator.errors import Phrase
from simulator.store.records import SessionRecord

# What pydantic reports, as the bundle's sender would say it.
_SAID = {
    "missing": "error.bundle.record.missing",
    "string_type": "error.bundle.record.text",
    "int_type": "error.bundle.record.number",
    "float_type": "error.bundle.record.number",
    "list_type": "error.bundle.record.list",
    "dict_type": "error.bundle.record.mapping",
    "model_type": "error.bundle.record.shape",
    "model_attributes_type": "error.bundle.record.shape",
}
# Where a value could be of one of several kinds, pydantic names the kind it tried.
_KINDS = {"int", "float", "str", "constrained-str", "list", "dict"}


def _where(error: ErrorDetails) -> str:
    parts = [str(p) for p in error["loc"]]
    while len(parts) > 1 and parts[-1] in _KINDS:
        parts.pop()
    return ".".join(parts)


def _said(error: ErrorDetails) -> Phrase:
    key = _SAID.get(error["type"])
    if key is not None:
        return Phrase(key)
    return Phrase("error.bundle.record.other", detail=error["msg"].lower())  # a library's words


def check_record(
    session: dict[str, Any],
) -> tuple[SessionRecord | None, tuple[str, Phrase] | None]:
    """The incoming session as a record, or where it is wrong and why."""
    try:
        return SessionRecord.model_validate(session), None
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        return None, (_where(first), _said(first))
