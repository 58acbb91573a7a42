"""A session's scores as a reviewer left them: overrides applied, originals kept."""

from __future__ import annotations

from typing import Any

from scoring.findings import DIMENSIONS
from scoring.scorecard import DEFAULT_WEIGHTS


def effective_scores(session: dict[str, Any]) -> dict[str, int | None]:
    """Each dimension's score, a reviewer's override taking the place of the scorer's."""
    scores = dict(session.get("scores") or {})
    for dimension, override in (session.get("overrides") or {}).items():
        scores[dimension] = override["score"]
    return {d: scores.get(d) for d in DIMENSIONS}


def effective_overall(session: dict[str, Any]) -> int | None:
    """The overall score recomputed from the effective scores with the session's weights."""
    if not session.get("overrides"):
        return session.get("overall")
    weights = (
        (session.get("scorecard") or {}).get("weights")  # a whole record
        or session.get("weights")  # an index summary
        or DEFAULT_WEIGHTS
    )
    scored = [(weights.get(d, 0), s) for d, s in effective_scores(session).items() if s is not None]
    total = sum(w for w, _ in scored)
    return round(sum(w * s for w, s in scored) / total) if total else None
