"""Names as a person types them, compared the way a person reads them.

An agent's name is free text: "Chloé", "chloe" and " CHLOE " are the same person, while
"Priya" and "Priya Shah" are not. :func:`fold` is the one comparison, used by the
store's queries, the command line, the review screen's filter and the team figures.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Text as a person compares it: case, accents and runs of spaces set aside."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def same_name(name: str, other: str) -> bool:
    return fold(name) == fold(other)
