"""One session's scorecard as a document to share: HTML (print it to PDF) or Markdown.

The document is written in the session's language and shows the scores a reviewer
left (an override in place of the scorer's score, the original beside it), every
finding with the quote, the reply (the agent's replies numbered 1, 2, 3…), the time,
why it matters and what to say instead, the reviewer's comments pinned to replies, and
the call itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from scoring.findings import DIMENSIONS
from simulator.errors import SimulatorError
from simulator.i18n.catalogue import capital
from simulator.reports import charts
from simulator.reports.formats import document_locale, format_datetime, format_number
from simulator.reports.rendering import Words, render
from simulator.reports.replies import place, reply_numbers
from simulator.store.records import DimensionRecord, SessionRecord
from simulator.store.sessions import SessionStore

SHORT_AXIS = 8
"""Up to this many points on a chart's axis, each is named in full ("reply 2")."""


@dataclass(frozen=True)
class ScoreLine:
    """One dimension's score as the reviewer left it."""

    dimension: str
    name: str
    score: float | None
    original: float | None
    overridden: bool
    reason: str
    author: str
    at: str
    skipped: str


@dataclass(frozen=True)
class FindingItem:
    """A finding as the document shows it. ``number`` counts it in its own list — what to
    work on, or what was done well — and with that list ``anchor`` names it; ``turn`` is
    its transcript index (the call's anchors), ``place`` the reply it is about in words."""

    number: int
    dimension: str
    dimension_name: str
    rule: str
    turn: int | None
    place: str
    time: float | None
    quote: str
    message: str
    suggestion: str
    severity: str
    positive: bool

    @property
    def anchor(self) -> str:
        return f"{'well-done' if self.positive else 'finding'}-{self.number}"


@dataclass(frozen=True)
class CommentItem:
    """A reviewer's comment, pinned to a turn (None: the whole call)."""

    id: str
    turn: int | None
    place: str
    time: float | None
    text: str
    author: str
    at: str


@dataclass(frozen=True)
class ObjectiveItem:
    """One of the scenario's objectives, met or missed, and the reply that shows it (None:
    no one reply does)."""

    text: str
    met: bool
    place: str | None


@dataclass(frozen=True)
class TurnItem:
    """One turn of the call, with the findings and comments pinned to it; ``reply`` numbers
    the agent's replies 1, 2, 3… (None for the customer's turns)."""

    index: int
    reply: int | None
    agent: bool
    who: str
    text: str
    start: float | None
    findings: tuple[FindingItem, ...]
    comments: tuple[CommentItem, ...]


def find_session(store: SessionStore, wanted: str) -> SessionRecord:
    """The whole session with this id, or with the only id that starts with it."""
    session = store.get(wanted)
    if session is not None:
        return session
    matches = [s.id for s in store.history() if wanted and s.id.startswith(wanted)]
    if len(matches) == 1:
        found = store.get(matches[0])
        if found is not None:  # None only if it was deleted meanwhile
            return found
    if len(matches) > 1:
        ids = ", ".join(sorted(matches)[:5])
        raise SimulatorError("error.ambiguous_session", id=wanted, ids=ids)
    raise SimulatorError("error.unknown_session", id=wanted)


def _score_lines(session: SessionRecord, t: Words) -> list[ScoreLine]:
    dimensions = session.scorecard.dimensions if session.scorecard else {}
    effective = session.effective_scores
    lines = []
    for dimension in DIMENSIONS:
        override = session.overrides.get(dimension)
        skipped = (dimensions.get(dimension) or DimensionRecord()).skipped or ""
        lines.append(
            ScoreLine(
                dimension=dimension,
                name=t(f"dimension.{dimension}"),
                score=effective[dimension],
                original=override.original if override else None,
                overridden=override is not None,
                reason=override.reason if override else "",
                author=override.author if override else "",
                at=format_datetime(override.at, t.locale) if override else "",
                skipped=t.named("skipped", skipped),
            )
        )
    return lines


def _praise(severity: str, polarity: str) -> bool:
    """What the terminal scorecard lists under "well done" too."""
    return polarity == "positive" and severity == "info"


def _findings(session: SessionRecord, t: Words) -> list[FindingItem]:
    """Every finding in the scorecard's order, each numbered within its own list."""
    found = session.scorecard.findings if session.scorecard else []
    replies = reply_numbers(session.transcript)
    praise = [_praise(f.severity, f.polarity) for f in found]
    numbers = [praise[: i + 1].count(p) for i, p in enumerate(praise)]
    return [
        FindingItem(
            number=number,
            dimension=f.dimension,
            dimension_name=t.named("dimension", f.dimension),
            rule=f.rule,
            turn=f.turn,
            place=place(f.turn, replies, t),
            time=f.time,
            quote=f.quote,
            message=f.message,
            suggestion=f.suggestion or "",
            severity=f.severity,
            positive=positive,
        )
        for number, positive, f in zip(numbers, praise, found, strict=True)
    ]


def _comments(session: SessionRecord, t: Words) -> list[CommentItem]:
    turns = session.transcript.turns if session.transcript else []
    replies = reply_numbers(session.transcript)

    def start(turn: int | None) -> float | None:
        if turn is not None and 0 <= turn < len(turns):
            return turns[turn].start
        return None

    return [
        CommentItem(
            id=c.id,
            turn=c.turn,
            place=place(c.turn, replies, t),
            time=start(c.turn),
            text=c.text,
            author=c.author,
            at=format_datetime(c.at, t.locale),
        )
        for c in session.comments
    ]


def _turns(
    session: SessionRecord, findings: list[FindingItem], comments: list[CommentItem], t: Words
) -> list[TurnItem]:
    transcript = session.transcript
    if transcript is None:
        return []
    agent = session.agent or t.capital("word.agent")
    customer = transcript.customer_name or t("word.customer")
    replies = reply_numbers(transcript)
    return [
        TurnItem(
            index=index,
            reply=replies.get(index),
            agent=turn.speaker == "agent",
            who=agent if turn.speaker == "agent" else customer,
            text=turn.text.strip(),
            start=turn.start,
            findings=tuple(f for f in findings if f.turn == index),
            comments=tuple(c for c in comments if c.turn == index),
        )
        for index, turn in enumerate(transcript.turns)
    ]


def _axis_label(name: str, short: bool) -> str:
    """A chart's point named in full ("reply 2") when the axis has room, else its number."""
    return name if short else name.rsplit(" ", 1)[-1]


def _objectives(session: SessionRecord, t: Words) -> list[ObjectiveItem]:
    replies = reply_numbers(session.transcript)
    return [
        ObjectiveItem(o.text, o.met, None if o.turn is None else place(o.turn, replies, t))
        for o in (session.scorecard.objectives if session.scorecard else [])
    ]


def _mood_chart(moods: list[float], t: Words) -> Markup | None:
    """The mood at the start, then after each reply (``moods`` holds one per reply)."""
    if len(moods) < 2:
        return None
    names = [t("report.mood_start"), *(f"{t('word.reply')} {n}" for n in range(1, len(moods)))]
    short = len(moods) <= SHORT_AXIS
    labels = [names[0], *(_axis_label(name, short) for name in names[1:])]
    readings = "; ".join(
        f"{name}{t.colon} {format_number(mood, t.locale)}"
        for name, mood in zip(names, moods, strict=True)
    )
    desc = f"{t('report.mood_desc')}. {capital(readings)}."
    series = [charts.Series(t("card.mood_curve"), moods, "s-mood")]
    return charts.line_chart("mood", series, labels, t("card.mood_curve"), desc)


def _pace_chart(pacing: DimensionRecord, replies: dict[int, int], t: Words) -> Markup | None:
    """Each reply's words per minute (``per_turn`` names replies by transcript index)."""
    per_turn = pacing.detail("per_turn") or []
    band = pacing.detail("band")
    if not band or not any(p.get("wpm") is not None for p in per_turn):
        return None
    low, high = float(band[0]), float(band[1])
    band_text = f"{format_number(low, t.locale)}–{format_number(high, t.locale)} {t('word.wpm')}"
    short = len(per_turn) <= SHORT_AXIS
    names = [place(p.get("turn"), replies, t) for p in per_turn]
    turns = [
        (_axis_label(name, short), p.get("wpm")) for name, p in zip(names, per_turn, strict=True)
    ]
    readings = "; ".join(
        f"{name}{t.colon} {format_number(p.get('wpm'), t.locale)}"
        for name, p in zip(names, per_turn, strict=True)
    )
    desc = f"{t('report.band')}{t.colon} {band_text}. {capital(readings)}."
    title = t("card.pace_per_reply")
    return charts.pace_chart("pace", turns, (low, high), title, desc, band_text)


def _scores_chart(lines: list[ScoreLine], t: Words) -> Markup:
    rows = [(line.name, line.score, line.original if line.overridden else None) for line in lines]
    desc = "; ".join(
        f"{line.name}{t.colon} {line.score if line.score is not None else t('card.not_scored')}"
        + (f" ({t('card.original_score')}{t.colon} {line.original})" if line.overridden else "")
        for line in lines
    )
    return charts.score_bars("scores", rows, t("card.scores"), desc + ".", t("card.not_scored"))


def session_context(session: SessionRecord) -> dict[str, Any]:
    """Everything the session templates show, already worded in the session's language."""
    locale = document_locale(session.locale)
    t = Words(locale)
    lines = _score_lines(session, t)
    findings = _findings(session, t)
    comments = _comments(session, t)
    outcome = session.outcome or ""
    overall = session.effective_overall
    original_overall = session.overall
    dimensions = session.scorecard.dimensions if session.scorecard else {}
    pacing = dimensions.get("pacing") or DimensionRecord()
    transcript = session.transcript
    return {
        "id": session.id,
        "title": session.title or session.scenario or session.id,
        "agent": session.agent,
        "scenario": session.scenario or "",
        "customer_name": (transcript.customer_name if transcript else None) or "",
        "date": format_datetime(session.started_at, locale),
        "outcome": t.named("outcome", outcome) if outcome else "",
        "scored": session.status == "scored",
        "words_unheard": bool(session.scorecard and session.scorecard.words_unheard),
        "overall": overall,
        "original_overall": original_overall if overall != original_overall else None,
        "scores": lines,
        "overridden": [line for line in lines if line.overridden],
        "to_work_on": [f for f in findings if not f.positive],
        "well_done": [f for f in findings if f.positive],
        "comments": comments,
        "turns": _turns(session, findings, comments, t),
        "objectives": _objectives(session, t),
        "moods": list(session.moods),
        "charts": {
            "scores": _scores_chart(lines, t),
            "mood": _mood_chart(list(session.moods), t),
            "pace": _pace_chart(pacing, reply_numbers(transcript), t),
        },
    }


def render_session(session: SessionRecord, fmt: str = "html") -> str:
    """The scorecard document of a stored session."""
    context = session_context(session)
    return render("session", fmt, document_locale(session.locale), **context)
