"""One session's scorecard as a document to share: HTML (print it to PDF) or Markdown.

The document is written in the session's language and shows the scores a reviewer
left (an override in place of the scorer's score, the original beside it), every
finding with the quote, turn, time, why it matters and what to say instead, the
reviewer's comments pinned to turns, and the call itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from scoring.findings import DIMENSIONS
from simulator.errors import SimulatorError
from simulator.i18n.labels import LABELS
from simulator.reports import charts
from simulator.reports.formats import document_locale, format_datetime, format_number
from simulator.reports.rendering import Words, render
from simulator.store.records import effective_overall, effective_scores
from simulator.store.sessions import SessionStore


@dataclass(frozen=True)
class ScoreLine:
    """One dimension's score as the reviewer left it."""

    dimension: str
    name: str
    score: int | None
    original: int | None
    overridden: bool
    reason: str
    author: str
    at: str
    skipped: str


@dataclass(frozen=True)
class FindingItem:
    """A finding as the document shows it; ``number`` anchors it (``#finding-3``)."""

    number: int
    dimension: str
    dimension_name: str
    rule: str
    turn: int | None
    time: float | None
    quote: str
    message: str
    suggestion: str
    severity: str
    positive: bool


@dataclass(frozen=True)
class CommentItem:
    """A reviewer's comment, pinned to a turn (None: the whole call)."""

    id: str
    turn: int | None
    time: float | None
    text: str
    author: str
    at: str


@dataclass(frozen=True)
class TurnItem:
    """One turn of the call, with the findings and comments pinned to it."""

    index: int
    agent: bool
    who: str
    text: str
    start: float | None
    findings: tuple[int, ...]
    comments: tuple[CommentItem, ...]


def find_session(store: SessionStore, wanted: str) -> dict[str, Any]:
    """The session with this id, or the only one whose id starts with it."""
    session = store.get(wanted)
    if session is not None:
        return session
    matches = [s for s in store.history() if wanted and s["id"].startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        ids = ", ".join(sorted(s["id"] for s in matches)[:5])
        raise SimulatorError(
            f"'{wanted}' could be several sessions ({ids}); give more of the id", "Which session?"
        )
    raise SimulatorError(f"no session '{wanted}'; 'roleplay history' lists them", "Unknown session")


def _score_lines(session: dict[str, Any], t: Words) -> list[ScoreLine]:
    dimensions = (session.get("scorecard") or {}).get("dimensions") or {}
    overrides = session.get("overrides") or {}
    effective = effective_scores(session)
    lines = []
    for dimension in DIMENSIONS:
        override = overrides.get(dimension)
        skipped = (dimensions.get(dimension) or {}).get("skipped") or ""
        lines.append(
            ScoreLine(
                dimension=dimension,
                name=t(dimension),
                score=effective[dimension],
                original=override.get("original") if override else None,
                overridden=override is not None,
                reason=override.get("reason", "") if override else "",
                author=override.get("author", "") if override else "",
                at=format_datetime(override.get("at"), t.locale) if override else "",
                skipped=t(skipped) if skipped in LABELS else skipped,
            )
        )
    return lines


def _findings(session: dict[str, Any], t: Words) -> list[FindingItem]:
    found = (session.get("scorecard") or {}).get("findings") or []
    return [
        FindingItem(
            number=number,
            dimension=f["dimension"],
            dimension_name=t(f["dimension"]) if f["dimension"] in LABELS else f["dimension"],
            rule=f.get("rule") or "",
            turn=f.get("turn"),
            time=f.get("time"),
            quote=f.get("quote") or "",
            message=f.get("message") or "",
            suggestion=f.get("suggestion") or "",
            severity=f.get("severity") or "info",
            # Praise is what the terminal scorecard lists under "well done" too.
            positive=f.get("polarity") == "positive" and f.get("severity") == "info",
        )
        for number, f in enumerate(found, start=1)
    ]


def _comments(session: dict[str, Any], t: Words) -> list[CommentItem]:
    turns = (session.get("transcript") or {}).get("turns") or []

    def start(turn: Any) -> float | None:
        if isinstance(turn, int) and 0 <= turn < len(turns):
            return turns[turn].get("start")
        return None

    return [
        CommentItem(
            id=str(c.get("id", "")),
            turn=c.get("turn"),
            time=start(c.get("turn")),
            text=str(c.get("text", "")),
            author=str(c.get("author", "")),
            at=format_datetime(c.get("at"), t.locale),
        )
        for c in session.get("comments") or []
    ]


def _turns(
    session: dict[str, Any], findings: list[FindingItem], comments: list[CommentItem], t: Words
) -> list[TurnItem]:
    transcript = session.get("transcript") or {}
    agent = session.get("agent") or t("agent")
    customer = transcript.get("customer_name") or t("customer")
    return [
        TurnItem(
            index=index,
            agent=turn.get("speaker") == "agent",
            who=agent if turn.get("speaker") == "agent" else customer,
            text=(turn.get("text") or "").strip(),
            start=turn.get("mood_start"),
            findings=tuple(f.number for f in findings if f.turn == index),
            comments=tuple(c for c in comments if c.turn == index),
        )
        for index, turn in enumerate(transcript.get("turns") or [])
    ]


def _mood_chart(moods: list[int], t: Words) -> Markup | None:
    if len(moods) < 2:
        return None
    labels = [t("mood_start"), *(str(i) for i in range(1, len(moods)))]
    desc = t("mood_desc") + t.colon + " " + ", ".join(str(m) for m in moods) + "."
    series = [charts.Series(t("mood_curve"), moods, "s-mood")]
    return charts.line_chart("mood", series, labels, t("mood_curve"), desc)


def _pace_chart(pacing: dict[str, Any], t: Words) -> Markup | None:
    per_turn = pacing.get("per_turn") or []
    band = pacing.get("band")
    if not band or not any(p.get("wpm") is not None for p in per_turn):
        return None
    low, high = float(band[0]), float(band[1])
    band_text = f"{format_number(low, t.locale)}–{format_number(high, t.locale)} {t('wpm')}"
    short = len(per_turn) <= 8
    turns = [
        (f"{t('turn')} {p['turn']}" if short else str(p["turn"]), p.get("wpm")) for p in per_turn
    ]
    readings = "; ".join(
        f"{t('turn')} {p['turn']}{t.colon} {format_number(p.get('wpm'), t.locale)}"
        for p in per_turn
    )
    desc = f"{t('band')}{t.colon} {band_text}. {readings}."
    return charts.pace_chart("pace", turns, (low, high), t("pace_per_turn"), desc, band_text)


def _scores_chart(lines: list[ScoreLine], t: Words) -> Markup:
    rows = [(line.name, line.score, line.original if line.overridden else None) for line in lines]
    desc = "; ".join(
        f"{line.name}{t.colon} {line.score if line.score is not None else t('not_scored')}"
        + (f" ({t('scorer_score')}{t.colon} {line.original})" if line.overridden else "")
        for line in lines
    )
    return charts.score_bars("scores", rows, t("scores"), desc + ".", t("not_scored"))


def session_context(session: dict[str, Any]) -> dict[str, Any]:
    """Everything the session templates show, already worded in the session's language."""
    locale = document_locale(session.get("locale"))
    t = Words(locale)
    card = session.get("scorecard") or {}
    lines = _score_lines(session, t)
    findings = _findings(session, t)
    comments = _comments(session, t)
    outcome = session.get("outcome") or ""
    overall = effective_overall(session)
    original_overall = session.get("overall")
    pacing = (card.get("dimensions") or {}).get("pacing") or {}
    transcript = session.get("transcript") or {}
    return {
        "id": session["id"],
        "title": session.get("title") or session.get("scenario") or session["id"],
        "agent": session.get("agent") or "",
        "scenario": session.get("scenario") or "",
        "customer_name": transcript.get("customer_name") or "",
        "date": format_datetime(session.get("started_at"), locale),
        "outcome": t(outcome) if outcome in LABELS else outcome,
        "scored": session.get("status") == "scored",
        "overall": overall,
        "original_overall": original_overall if overall != original_overall else None,
        "scores": lines,
        "overridden": [line for line in lines if line.overridden],
        "to_work_on": [f for f in findings if not f.positive],
        "well_done": [f for f in findings if f.positive],
        "comments": comments,
        "turns": _turns(session, findings, comments, t),
        "moods": list(session.get("moods") or []),
        "charts": {
            "scores": _scores_chart(lines, t),
            "mood": _mood_chart(list(session.get("moods") or []), t),
            "pace": _pace_chart(pacing, t),
        },
    }


def render_session(session: dict[str, Any], fmt: str = "html") -> str:
    """The scorecard document of a stored session."""
    context = session_context(session)
    return render("session", fmt, document_locale(session.get("locale")), **context)
