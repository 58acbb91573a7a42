"""The shape of a session record arriving in a bundle.

A bundle comes from someone else's machine; its sessions go into the lead's index and
feed history, scorecards and team reports. A record whose transcript or scorecard is
not what roleplay writes would break those later, far from the import that let it in,
so each record is checked here, before anything is stored.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from scoring.transcript import Transcript

TEXT_OR_NONE = ("scenario", "locale", "ended_at", "status", "outcome", "title", "persona")


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _mapping_of(value: Any, check: Any) -> bool:
    return isinstance(value, dict) and all(check(v) for v in value.values())


def _list_of_mappings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def _transcript_problem(transcript: Any) -> str | None:
    if transcript is None:
        return None
    try:
        Transcript.model_validate(transcript)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        return f"transcript.{where}: {first['msg'].lower()}" if where else "transcript"
    return None


def _scorecard_problem(card: Any) -> str | None:
    if card is None:
        return None
    if not isinstance(card, dict):
        return "scorecard is not a scorecard"
    if not _list_of_mappings(card.get("findings", [])):
        return "scorecard.findings should be a list of findings"
    if not _mapping_of(card.get("dimensions", {}), lambda d: isinstance(d, dict)):
        return "scorecard.dimensions should map dimensions to their scores"
    weights = card.get("weights")
    if weights is not None and not _mapping_of(weights, _number):
        return "scorecard.weights should map dimensions to numbers"
    return None


def record_problem(session: dict[str, Any]) -> str | None:
    """What is wrong with one incoming session record, as 'key: why', or None."""
    for key in TEXT_OR_NONE:
        if not isinstance(session.get(key), str | None):
            return f"{key} should be text"
    overall = session.get("overall")
    if overall is not None and not _number(overall):
        return "overall should be a number"
    if not _mapping_of(session.get("scores") or {}, lambda s: s is None or _number(s)):
        return "scores should map dimensions to numbers"
    moods = session.get("moods")
    if moods is not None and not (isinstance(moods, list) and all(_number(m) for m in moods)):
        return "moods should be a list of numbers"
    for comment in session.get("comments") or []:
        if not isinstance(comment.get("text", ""), str):
            return "comments: a comment's text should be text"
    for override in (session.get("overrides") or {}).values():
        if not _number(override.get("score")):
            return "overrides: an override's score should be a number"
    return _transcript_problem(session.get("transcript")) or _scorecard_problem(
        session.get("scorecard")
    )
