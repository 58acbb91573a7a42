"""The team report as a document: HTML with inline charts, or Markdown with tables."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from scoring.findings import DIMENSIONS
from simulator.analytics.team import (
    MIN_SESSIONS,
    AgentFigures,
    OutcomeRate,
    TeamFigures,
    TeamFilters,
)
from simulator.reports import charts
from simulator.reports.formats import format_date, format_short_date
from simulator.reports.rendering import Words, render


def _trend_chart(figures: TeamFigures, t: Words) -> Markup | None:
    if len(figures.periods) < 2:
        return None  # one day or week is not a trend
    labels = [format_short_date(p.start, t.locale) for p in figures.periods]
    series = [charts.Series(t("card.overall"), [p.overall for p in figures.periods], "s-overall")]
    series += [
        charts.Series(t(f"dimension.{d}"), [p.dimensions[d] for p in figures.periods], f"s-{d}")
        for d in DIMENSIONS
    ]
    desc = "; ".join(
        f"{label}{t.colon} {t('card.overall')} {t.number(p.overall)}"
        for label, p in zip(labels, figures.periods, strict=True)
    )
    title = t("report.trend_weekly") if figures.weekly else t("report.trend_daily")
    return charts.line_chart("trend", series, labels, title, desc + ".")


def _team_bars(figures: TeamFigures, t: Words) -> Markup:
    rows = [
        (t(f"dimension.{d}"), None if v is None else round(v), None)
        for d, v in figures.dimensions.items()
    ]
    desc = "; ".join(f"{name}{t.colon} {t.number(v)}" for name, v, _ in rows)
    return charts.score_bars(
        "team-scores", rows, t("report.team_averages"), desc + ".", t("card.not_scored")
    )


def _sparklines(agent: AgentFigures, t: Words) -> dict[str, Markup]:
    def line(name: str, values: list[int]) -> Markup:
        label = f"{agent.name}, {name}{t.colon} " + ", ".join(str(v) for v in values)
        return charts.sparkline(values, label)

    lines = {"overall": line(t("card.overall"), agent.overall_series)}
    lines |= {d: line(t(f"dimension.{d}"), agent.dimension_series[d]) for d in DIMENSIONS}
    return lines


def _period(figures: TeamFigures, locale: str) -> str:
    if figures.first is None or figures.last is None:
        return "–"
    first, last = format_date(figures.first, locale), format_date(figures.last, locale)
    return first if first == last else f"{first} – {last}"


def _outcome_rows(figures: TeamFigures, t: Words) -> list[tuple[str, int, list[OutcomeRate]]]:
    """How the calls ended: the team first, then each agent, the same outcomes in each."""
    shown = [r.outcome for r in figures.outcome_rates()]

    def rates(found: list[OutcomeRate]) -> list[OutcomeRate]:
        by_outcome = {r.outcome: r for r in found}
        return [by_outcome.get(o) or OutcomeRate(o, 0, 0.0) for o in shown]

    rows = [(t("team.team"), figures.sessions, rates(figures.outcome_rates()))]
    rows += [(a.name, a.sessions, rates(a.outcome_rates())) for a in figures.agents]
    return rows


def team_context(figures: TeamFigures, filters: TeamFilters, locale: str) -> dict[str, Any]:
    t = Words(locale)
    return {
        "min_sessions": MIN_SESSIONS,
        "n_of": lambda n, total: t("team.n_of", n=n, total=total),
        "outcomes": [r.outcome for r in figures.outcome_rates()],
        "outcome_rows": _outcome_rows(figures, t),
        "figures": figures,
        "dimensions": DIMENSIONS,
        "period": _period(figures, locale),
        "since": format_date(filters.since, locale) if filters.since else "",
        "agents_filter": list(filters.agents),
        "scenarios_filter": list(filters.scenarios),
        "spark": {a.name: _sparklines(a, t) for a in figures.agents},
        "text_spark": charts.text_sparkline,
        "short_date": lambda day: format_short_date(day, locale),
        "charts": {"bars": _team_bars(figures, t), "trend": _trend_chart(figures, t)},
    }


def render_team(figures: TeamFigures, filters: TeamFilters, locale: str, fmt: str = "html") -> str:
    return render("team", fmt, locale, **team_context(figures, filters, locale))
