"""A trainee's progress as tables of words, for the screen and the command line alike.

Each table is a heading row and rows of text; a heading ending with ">" is a column of
numbers, set to the right (the command line's :func:`simulator.cli.common.print_table`
convention; the screen drops the mark).
"""

from __future__ import annotations

from dataclasses import dataclass

from scoring.findings import DIMENSIONS
from simulator.analytics.my_progress import MyProgress, SessionPoint, Trend
from simulator.i18n.catalogue import Text
from simulator.reports.charts import text_sparkline
from simulator.reports.formats import format_date, format_number

SPARK_SESSIONS = 40
"""The newest sessions a sparkline draws; the average counts them all."""


@dataclass(frozen=True)
class Table:
    headings: list[str]
    rows: list[list[str]]


def _score(value: float | None, locale: str) -> str:
    return format_number(value, locale)


def heading(progress: MyProgress, t: Text) -> str:
    """ "Progress of Chloé — 3 sessions, from 1 November 2026 to 6 November 2026"."""
    said = t("progress.title", agent=progress.agent)
    if not progress.sessions:
        return said
    said += f" — {t.count(len(progress.sessions), 'word.session', 'word.sessions')}"
    first, last = progress.first, progress.last
    if first and last:
        period = t(
            "progress.period",
            first=format_date(first, t.locale),
            last=format_date(last, t.locale),
        )
        said += f", {period}"
    return said


def _trend_row(trend: Trend, name: str, t: Text) -> list[str]:
    shown = trend.series[-SPARK_SESSIONS:]
    if shown:
        ends = f"{shown[0]:.0f} → {shown[-1]:.0f}" if len(shown) > 1 else f"{shown[0]:.0f}"
    else:
        ends = "–"
    return [
        name,
        text_sparkline(shown) or "–",
        ends,
        format_number(trend.average, t.locale, 1),
        t("team.n_of", n=trend.scored, total=trend.sessions),
    ]


def dimension_table(progress: MyProgress, t: Text) -> Table:
    """One row for the overall score, then one per dimension: a sparkline of the scores
    oldest to newest on a fixed 0–100 scale, the first and last, the average and how
    many sessions scored it."""
    rows = [_trend_row(progress.overall, t("card.overall"), t)]
    rows += [_trend_row(d, t(f"dimension.{d.key}"), t) for d in progress.dimensions]
    return Table(
        [
            t("word.dimension"),
            t("progress.trend"),
            t("progress.first_last"),
            t("progress.average") + ">",
            t("progress.scored") + ">",
        ],
        rows,
    )


def _objectives(point: SessionPoint) -> str:
    if point.objectives_total is None:
        return "–"
    return f"{point.objectives_met}/{point.objectives_total}"


def session_table(progress: MyProgress, t: Text) -> Table:
    """One row per session, oldest first: the day, the scenario, the overall, each
    dimension and the objectives met."""
    rows = [
        [
            f"{p.day:%Y-%m-%d}" if p.day else "–",
            p.title,
            _score(p.overall, t.locale),
            *(_score(p.scores.get(d), t.locale) for d in DIMENSIONS),
            _objectives(p),
        ]
        for p in progress.sessions
    ]
    return Table(
        [
            t("word.date"),
            t("word.scenario"),
            t("card.overall") + ">",
            *(t(f"dimension.{d}") + ">" for d in DIMENSIONS),
            t("progress.objectives") + ">",
        ],
        rows,
    )


def scenario_table(progress: MyProgress, t: Text) -> Table:
    """The scenarios practised, the lowest average overall first."""
    rows = [
        [s.title, format_number(s.overall, t.locale, 1), str(s.sessions)] for s in progress.hardest
    ]
    return Table(
        [t("word.scenario"), t("progress.average") + ">", t.capital("word.sessions") + ">"],
        rows,
    )
