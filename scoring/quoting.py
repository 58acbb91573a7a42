"""A person's value quoted in a message, safely."""

from __future__ import annotations


def quoted(value: object, limit: int = 60) -> str:
    """A person's value quoted in a message: escaped (a control character in a file must not
    drive the terminal) and cut short (a pasted chapter helps nobody)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
