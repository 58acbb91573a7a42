"""Quoting: a person's value in a message, safely; and words said, in the marks of the
language of the sentence they are quoted in."""

from __future__ import annotations

# No-break spaces inside the French guillemets, so a line never starts with a lone »
QUOTATION_MARKS = {"en": ("“", "”"), "fr": ("«\u00a0", "\u00a0»")}


def quoted(value: object, limit: int = 60) -> str:
    """A person's value quoted in a message: escaped (a control character in a file must not
    drive the terminal) and cut short (a pasted chapter helps nobody)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def in_quotes(said: str, locale: str) -> str:
    """``said`` between the quotation marks of ``locale``, the language of the sentence it
    is quoted in: “…” in English, « … » in French (English marks for any other)."""
    opening, closing = QUOTATION_MARKS.get(locale, QUOTATION_MARKS["en"])
    return f"{opening}{said}{closing}"
