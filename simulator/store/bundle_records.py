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

from simulator.store.records import SessionRecord

# What pydantic reports, as the bundle's sender would say it.
_SAID = {
    "string_type": "should be text",
    "int_type": "should be a number",
    "float_type": "should be a number",
    "list_type": "should be a list",
    "dict_type": "should be a mapping",
    "model_type": "is not what roleplay writes there",
    "model_attributes_type": "is not what roleplay writes there",
}
# Where a value could be of one of several kinds, pydantic names the kind it tried.
_KINDS = {"int", "float", "str", "constrained-str", "list", "dict"}


def _where(error: ErrorDetails) -> str:
    parts = [str(p) for p in error["loc"]]
    while len(parts) > 1 and parts[-1] in _KINDS:
        parts.pop()
    return ".".join(parts)


def _said(error: ErrorDetails) -> str:
    if error["type"] == "missing":
        return "is missing"
    return _SAID.get(error["type"]) or ": " + error["msg"].lower()


def check_record(session: dict[str, Any]) -> tuple[SessionRecord | None, str | None]:
    """The incoming session as a record, or what is wrong with it as 'key why'."""
    try:
        return SessionRecord.model_validate(session), None
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        said = _said(first)
        return None, _where(first) + ("" if said.startswith(":") else " ") + said
