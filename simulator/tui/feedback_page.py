"""The scorecard's Feedback tab, as Rich markup: what reviewers left on the session — each
score they changed, with the reason, and each comment, with who wrote it, when, and the
reply it is about. A trainee sees here the reviews their lead sent back."""

from __future__ import annotations

from rich.markup import escape

from scoring.findings import DIMENSIONS
from simulator.i18n.catalogue import Text, capital
from simulator.reports.formats import format_datetime
from simulator.reports.replies import place, reply_numbers
from simulator.store.records import SessionRecord


def _score(value: float | None, t: Text) -> str:
    return t("card.not_scored") if value is None else f"{value:.0f}"


def feedback_page(session: SessionRecord, t: Text) -> str:
    """Every override, in the order of the dimensions, then every comment, oldest first."""
    if not session.comments and not session.overrides:
        return t("ui.no_feedback")
    lines: list[str] = []
    for dimension in DIMENSIONS:
        override = session.overrides.get(dimension)
        if override is None:
            continue
        by = t(
            "card.changed_by", author=override.author, date=format_datetime(override.at, t.locale)
        )
        was = t("ui.was", score=_score(override.original, t))
        score = f"{t(f'dimension.{dimension}')}: {_score(override.score, t)}"
        lines += [
            f"[b]{escape(score)}[/b] ({escape(was)})",
            f"  {escape(by)}: {escape(override.reason)}",
            "",
        ]
    numbers = reply_numbers(session.transcript)
    for comment in sorted(session.comments, key=lambda c: c.at or ""):
        by = t(
            "card.reviewed_by", author=comment.author, date=format_datetime(comment.at, t.locale)
        )
        where = capital(place(comment.turn, numbers, t))
        lines += [f"[b]{escape(by)}[/b] — {escape(where)}", f"  {escape(comment.text)}", ""]
    return "\n".join(lines).rstrip()
