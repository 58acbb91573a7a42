"""Dates, clock times and numbers as they are written in French and in English."""

from __future__ import annotations

from datetime import date

from simulator.store.records import timestamp

LOCALES = ("fr", "en")

_MONTHS = {
    "en": [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ],
    "fr": [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ],
}  # fmt: skip
_SHORT_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "fr": [
        "janv.", "févr.", "mars", "avr.", "mai", "juin",
        "juil.", "août", "sept.", "oct.", "nov.", "déc.",
    ],
}  # fmt: skip
# French puts a narrow no-break space before a colon; English puts nothing.
_COLON = {"fr": "\u202f:", "en": ":"}


def document_locale(locale: str | None) -> str:
    """The language a document is written in: the session's when supported, else English."""
    return locale if locale in LOCALES else "en"


def colon(locale: str) -> str:
    return _COLON[locale]


def format_date(day: date, locale: str) -> str:
    month = _MONTHS[locale][day.month - 1]
    if locale == "fr":
        first = "1er" if day.day == 1 else str(day.day)
        return f"{first} {month} {day.year}"
    return f"{day.day} {month} {day.year}"


def format_short_date(day: date, locale: str) -> str:
    """A day in a chart's axis: "23 nov." / "23 Nov"."""
    return f"{day.day} {_SHORT_MONTHS[locale][day.month - 1]}"


def format_datetime(text: str | None, locale: str) -> str:
    """A stored timestamp in the reader's local time: "23 novembre 2026 à 19:34"."""
    stamp = timestamp(text)
    if stamp is None:
        return "–"
    local = stamp.astimezone()
    joiner = " à " if locale == "fr" else ", "
    return f"{format_date(local.date(), locale)}{joiner}{local:%H:%M}"


def format_clock(seconds: float | None) -> str:
    """Seconds from the start of the call as m:ss (h:mm:ss past an hour)."""
    if seconds is None:
        return ""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_number(value: float | None, locale: str, decimals: int = 0) -> str:
    """A number with the language's decimal mark; "–" for nothing."""
    if value is None:
        return "–"
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if locale == "fr" else text


def format_percent(value: float | None, locale: str) -> str:
    """A share out of 100, rounded: "40%", "40 %" in French (a narrow no-break space)."""
    if value is None:
        return "–"
    return f"{round(value)}\u202f%" if locale == "fr" else f"{round(value)}%"


def format_change(value: float | None) -> str:
    """A signed change in points: "+12", "−3" (a true minus sign), "0"."""
    if value is None:
        return "–"
    rounded = round(value)
    if rounded > 0:
        return f"+{rounded}"
    if rounded < 0:
        return f"\u2212{-rounded}"
    return "0"
