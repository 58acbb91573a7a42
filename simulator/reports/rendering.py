"""The Jinja2 environment the documents are rendered with.

What trainees said and what reviewers wrote is untrusted text: HTML templates escape
every value (``select_autoescape``), Markdown templates escape what would change the
layout, and a missing value is an error (``StrictUndefined``), never a blank.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from scoring.quoting import in_quotes
from simulator.i18n.catalogue import Text
from simulator.reports.charts import score_class
from simulator.reports.formats import (
    colon,
    format_change,
    format_clock,
    format_number,
    format_percent,
)

TEMPLATES = Path(__file__).parent / "templates"
FORMATS = ("html", "md")

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def markdown_text(value: Any) -> str:
    """Text set in Markdown as written: no emphasis, link or table cell breaks it."""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", text)


def score_text(score: int | float | None) -> str:
    return "–" if score is None else str(round(score))


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    env.filters["in_quotes"] = in_quotes
    env.filters["clock"] = format_clock
    env.filters["change"] = format_change
    env.filters["score"] = score_text
    env.filters["score_class"] = score_class
    return env


class Words(Text):
    """The catalogue in the document's language, for templates: ``t("report.band")``, with
    what documents add: numbers and the colon as each language writes them. An
    unknown key is an error: a document must never show a key instead of a word."""

    def number(self, value: float | None, decimals: int = 0) -> str:
        return format_number(value, self.locale, decimals)

    def percent(self, value: float | None) -> str:
        return format_percent(value, self.locale)

    @property
    def colon(self) -> str:
        return colon(self.locale)


def render(name: str, fmt: str, locale: str, **context: Any) -> str:
    """Render ``templates/<name>.<fmt>.j2`` in ``locale``."""
    template = environment().get_template(f"{name}.{fmt}.j2")
    return template.render(t=Words(locale), locale=locale, **context)
