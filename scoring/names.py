"""Finding the customer's name in what the agent said."""

from __future__ import annotations

import re

from scoring.spoken import Normalised, normalise, strip_accents

_TITLES = {
    "fr": r"(?:monsieur|madame|mademoiselle|m\.|mme|mlle)",
    "en": r"(?:mr|mrs|ms|miss|mister|sir|madam)\.?",
}
_ANY_TITLE = rf"(?:{_TITLES['fr']}|{_TITLES['en']})"


def name_spans(norm: Normalised, customer_name: str) -> list[tuple[int, int]]:
    """Where the customer's surname (with or without a title) appears in ``norm``."""
    parts = [p for p in re.split(r"\s+", strip_accents(customer_name).strip()) if p]
    title = re.compile(rf"^{_ANY_TITLE}$", re.IGNORECASE)
    names = [p for p in parts if not title.match(p)]
    if not names:
        return []
    surname = re.escape(names[-1].strip("."))
    pattern = re.compile(rf"(?<!\w)(?:{_ANY_TITLE}\s+)?{surname}(?!\w)", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(norm.text)]


def says_name(text: str, customer_name: str | None, locale: str) -> str | None:
    """The words the agent used to name the customer, or None."""
    if not customer_name:
        return None
    norm = normalise(text, locale)
    spans = name_spans(norm, customer_name)
    return norm.quote(*spans[0]) if spans else None
