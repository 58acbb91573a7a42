"""Inline SVG charts: no scripts, no fonts, no files to fetch.

Each chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` that says
in words what the chart shows, so a screen reader (or a printout in black and white)
loses nothing. Colours come from classes defined in the report's stylesheet; series
also differ by dash pattern, so they stay apart without colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 640


@dataclass(frozen=True)
class Series:
    """One line on a chart: a name for the legend, values (None: no point there), a class."""

    name: str
    values: Sequence[float | None]
    css: str


def _svg(key: str, width: int, height: int, title: str, desc: str, body: str) -> Markup:
    return Markup(
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{key}-title {key}-desc" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{key}-title">{escape(title)}</title>'
        f'<desc id="{key}-desc">{escape(desc)}</desc>{body}</svg>'
    )


def score_class(score: float | None) -> str:
    """The colour class of a score: low, middling or good."""
    if score is None:
        return "none"
    if score < 50:
        return "low"
    return "mid" if score < 75 else "high"


def score_bars(
    key: str,
    rows: Sequence[tuple[str, int | None, int | None]],
    title: str,
    desc: str,
    not_scored: str,
) -> Markup:
    """Horizontal bars 0–100, one per (label, score, original score when overridden).

    An overridden score is drawn at the reviewer's value, with a dashed mark where the
    scorer's own score was.
    """
    left, scale, row = 170, 380, 40
    height = row * len(rows) + 24
    parts = [
        f'<line class="grid" x1="{left + scale * t / 100:.1f}" y1="4" '
        f'x2="{left + scale * t / 100:.1f}" y2="{height - 20}"/>'
        f'<text class="axis" x="{left + scale * t / 100:.1f}" y="{height - 4}" '
        f'text-anchor="middle">{t}</text>'
        for t in (0, 25, 50, 75, 100)
    ]
    for index, (name, score, original) in enumerate(rows):
        y = 8 + index * row
        parts.append(f'<text x="{left - 10}" y="{y + 18}" text-anchor="end">{escape(name)}</text>')
        if score is None:
            parts.append(
                f'<text class="axis" x="{left + 6}" y="{y + 18}">{escape(not_scored)}</text>'
            )
            continue
        parts.append(
            f'<rect class="bar {score_class(score)}" x="{left}" y="{y + 4}" '
            f'width="{max(scale * score / 100, 1.5):.1f}" height="20" rx="3"/>'
        )
        if original is not None and original != score:
            x = left + scale * original / 100
            parts.append(
                f'<line class="original" x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{y + 28}"/>'
            )
        parts.append(f'<text class="value" x="{left + scale + 12}" y="{y + 19}">{score}</text>')
    return _svg(key, WIDTH, height, title, desc, "".join(parts))


def _x_positions(count: int, left: int, right: int) -> list[float]:
    if count == 1:
        return [(left + right) / 2]
    step = (right - left) / (count - 1)
    return [left + i * step for i in range(count)]


def _legend(
    series: Sequence[Series], left: int, right: int, y: int
) -> list[tuple[int, int, Series]]:
    """Where each legend entry goes: left to right, on a new row when one is full."""
    placed, x = [], left
    for s in series:
        width = 44 + 7 * len(s.name)  # the sample line, a gap, and the name
        if x > left and x + width > right:
            x, y = left, y + 22
        placed.append((x, y, s))
        x += width
    return placed


def line_chart(
    key: str,
    series: Sequence[Series],
    x_labels: Sequence[str],
    title: str,
    desc: str,
    y_max: float = 100,
) -> Markup:
    """Lines over 0…y_max with a legend when there is more than one series."""
    left, right, top, plot = 44, WIDTH - 16, 12, 170
    legend = _legend(series, left, right, top + plot + 42) if len(series) > 1 else []
    rows = len({y for _, y, _ in legend})
    height = top + plot + 30 + 22 * rows
    xs = _x_positions(max(len(x_labels), 1), left, right)

    def y_of(value: float) -> float:
        return top + plot - plot * min(max(value, 0), y_max) / y_max

    parts = []
    for tick in (0, 0.25, 0.5, 0.75, 1):
        value = y_max * tick
        y = y_of(value)
        parts.append(
            f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}"/>'
            f'<text class="axis" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{value:.0f}</text>"
        )
    every = max(1, round(len(x_labels) / 10))
    last = len(x_labels) - 1
    for index, (x, text) in enumerate(zip(xs, x_labels, strict=False)):
        # Every n-th label, and the last one unless it would run into the one before.
        if index % every == 0 or (index == last and last % every >= every / 2):
            parts.append(
                f'<text class="axis" x="{x:.1f}" y="{top + plot + 18}" text-anchor="middle">'
                f"{escape(text)}</text>"
            )
    for s in series:
        points = [(x, y_of(v)) for x, v in zip(xs, s.values, strict=False) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(f'<polyline class="line {s.css}" points="{path}"/>')
        parts.extend(
            f'<circle class="dot {s.css}" cx="{x:.1f}" cy="{y:.1f}" r="3.5"/>' for x, y in points
        )
    for x, y, s in legend:
        parts.append(
            f'<line class="line {s.css}" x1="{x}" y1="{y - 4}" x2="{x + 24}" y2="{y - 4}"/>'
            f'<text x="{x + 30}" y="{y}">{escape(s.name)}</text>'
        )
    return _svg(key, WIDTH, height, title, desc, "".join(parts))


def pace_chart(
    key: str,
    turns: Sequence[tuple[str, float | None]],
    band: tuple[float, float],
    title: str,
    desc: str,
    band_text: str,
) -> Markup:
    """Words per minute of each agent turn as bars, over the language's band shaded."""
    left, right, top, plot = 44, WIDTH - 16, 12, 170
    height = top + plot + 30
    low, high = band
    measured = [w for _, w in turns if w is not None]
    y_max = max([high * 1.25, *(w * 1.1 for w in measured)])
    y_max = float(int(y_max / 50 + 1) * 50)

    def y_of(value: float) -> float:
        return top + plot - plot * value / y_max

    parts = [
        f'<rect class="band" x="{left}" y="{y_of(high):.1f}" width="{right - left}" '
        f'height="{y_of(low) - y_of(high):.1f}"/>',
        f'<text class="axis" x="{right - 4}" y="{y_of(high) - 5:.1f}" text-anchor="end">'
        f"{escape(band_text)}</text>",
    ]
    for tick in range(0, int(y_max) + 1, 50):
        y = y_of(tick)
        parts.append(
            f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}"/>'
            f'<text class="axis" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>'
        )
    slot = (right - left) / max(len(turns), 1)
    bar = min(48.0, slot * 0.6)
    for index, (name, wpm) in enumerate(turns):
        centre = left + slot * (index + 0.5)
        parts.append(
            f'<text class="axis" x="{centre:.1f}" y="{top + plot + 18}" text-anchor="middle">'
            f"{escape(name)}</text>"
        )
        if wpm is None:
            continue
        state = "high" if low <= wpm <= high else "low"
        parts.append(
            f'<rect class="bar {state}" x="{centre - bar / 2:.1f}" y="{y_of(wpm):.1f}" '
            f'width="{bar:.1f}" height="{top + plot - y_of(wpm):.1f}" rx="2"/>'
            f'<text class="value" x="{centre:.1f}" y="{y_of(wpm) - 5:.1f}" '
            f'text-anchor="middle">{wpm:.0f}</text>'
        )
    return _svg(key, WIDTH, height, title, desc, "".join(parts))


def sparkline(values: Sequence[float], label: str, width: int = 96, height: int = 26) -> Markup:
    """A small line of scores 0–100 for a table cell, labelled with its values."""
    pad = 3
    xs = _x_positions(max(len(values), 1), pad, width - pad)
    points = [
        (x, pad + (height - 2 * pad) * (1 - min(max(v, 0), 100) / 100))
        for x, v in zip(xs, values, strict=False)
    ]
    body = ""
    if len(points) > 1:
        body += '<polyline class="spark" points="{}"/>'.format(
            " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        )
    if points:
        x, y = points[-1]
        body += f'<circle class="spark-end" cx="{x:.1f}" cy="{y:.1f}" r="2.5"/>'
    return Markup(
        f'<svg class="sparkline" role="img" aria-label="{escape(label)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}"><title>{escape(label)}</title>'
        f"{body}</svg>"
    )


_BLOCKS = "▁▂▃▄▅▆▇█"


def text_sparkline(values: Sequence[float]) -> str:
    """The same line in block characters, for Markdown: ▁▃▅▇."""
    return "".join(_BLOCKS[min(7, max(0, int(v / 100 * 8)))] for v in values)
