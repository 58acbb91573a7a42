"""How to address the customer in a suggested line: their title and surname.

The rule, in this order:

1. **A title is known** — in ``customer_name`` ("Mr Okafor", "Ms Patricia Brown",
   "Mme Martin"), or else in how the customer names themselves ("It's Mrs Brown
   here"): the title in the call's language and the surname. "Mr Okafor", "Ms Brown",
   "Dr Adeyemi"; « Monsieur Balagtas », « Madame Martin », « Docteur Adeyemi ».
2. **No title, but a first name**: the full name as given ("Patricia Brown",
   « Patricia Brown »). Nobody's gender is guessed. So for a title the language does not
   have (French has no "Mx").
3. **A surname alone**: the title the agent put before it, when they used one ("Ms
   Brown"); otherwise no address at all. A bare surname is curt in English and wrong
   in French.

A line written for any customer ("Madam, …", "…, sir.", « Monsieur, … ») gets this
address in place of the generic one, or loses it when there is none. In French, an
adjective the line agrees with the customer ("êtes-vous prêt") follows a known title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scoring.spoken import strip_accents
from scoring.transcript import Transcript

# How titles are written, and what each is called in each language.
_WRITTEN: dict[str, str] = {
    "mr": "mr",
    "mister": "mr",
    "monsieur": "mr",
    "m": "mr",
    "mrs": "mrs",
    "ms": "ms",
    "madame": "madame",
    "mme": "madame",
    "miss": "miss",
    "mademoiselle": "miss",
    "mlle": "miss",
    "mx": "mx",
    "dr": "dr",
    "doctor": "dr",
    "docteur": "dr",
}
_SAID: dict[str, dict[str, str | None]] = {
    "mr": {"en": "Mr", "fr": "Monsieur"},
    "mrs": {"en": "Mrs", "fr": "Madame"},
    "ms": {"en": "Ms", "fr": "Madame"},
    "madame": {"en": "Ms", "fr": "Madame"},
    "miss": {"en": "Miss", "fr": "Mademoiselle"},
    "mx": {"en": "Mx", "fr": None},
    "dr": {"en": "Dr", "fr": "Docteur"},
}
# The title said alone, when no surname is known.
_ALONE: dict[str, dict[str, str | None]] = {
    "mr": {"en": "sir", "fr": "Monsieur"},
    "mrs": {"en": "madam", "fr": "Madame"},
    "ms": {"en": "madam", "fr": "Madame"},
    "madame": {"en": "madam", "fr": "Madame"},
    "miss": {"en": "madam", "fr": "Mademoiselle"},
    "mx": {"en": None, "fr": None},
    "dr": {"en": "Doctor", "fr": "Docteur"},
}
_FEMININE = {"mrs", "ms", "madame", "miss"}
# Particles that belong to a surname: "de La Fontaine", "van Beethoven", "Le Gall".
_PARTICLES = {"de", "du", "des", "d'", "la", "le", "van", "von", "der", "den", "da", "di", "del"}
_TITLE_WORD = r"(?:mister|mr|mrs|ms|miss|mx|dr|doctor|monsieur|madame|mademoiselle|mme|mlle|m)\.?"


def _title_kind(word: str) -> str | None:
    bare = strip_accents(word).lower().rstrip(".")
    # "M" is a title only written "M." (« M. Martin »), never a lone initial
    if bare == "m" and not word.endswith("."):
        return None
    return _WRITTEN.get(bare)


@dataclass(frozen=True)
class Name:
    """A customer's name taken apart: title, first names, surname."""

    title: str | None
    given: str
    surname: str

    @classmethod
    def parse(cls, text: str | None) -> Name:
        words = (text or "").split()
        title = None
        while words and (kind := _title_kind(words[0])):
            title = title or kind
            words.pop(0)
        cut = len(words) - 1
        while cut > 0 and words[cut - 1].lower() in _PARTICLES:
            cut -= 1
        cut = max(cut, 0)
        return cls(title, " ".join(words[:cut]), " ".join(words[cut:]))


@dataclass(frozen=True)
class Address:
    """How the customer is addressed in a line, and whether that says they are a woman."""

    text: str | None
    feminine: bool | None = None


def _said_title(kind: str, surname: str, locale: str) -> str | None:
    if surname:
        title = _SAID[kind][locale]
        return f"{title} {surname}" if title else None
    return _ALONE[kind][locale]


def _title_used(texts: list[str], surname: str) -> str | None:
    """The title someone put before ``surname`` in ``texts`` ("it's Mrs Brown here")."""
    if not surname:
        return None
    pattern = re.compile(
        rf"(?<!\w)({_TITLE_WORD})\s+{re.escape(strip_accents(surname))}(?!\w)", re.IGNORECASE
    )
    for text in texts:
        for match in pattern.finditer(strip_accents(text)):
            kind = _title_kind(match.group(1))
            if kind:
                return kind
    return None


def address_of(transcript: Transcript) -> Address:
    """How to address the customer of ``transcript`` (the rule is in the module's doc)."""
    name = Name.parse(transcript.customer_name)
    locale = transcript.locale
    said = [t.text for t in transcript.turns if t.speaker == "customer"]
    kind = name.title or _title_used(said, name.surname)
    titled = _said_title(kind, name.surname, locale) if kind else None
    if titled is None and name.given:
        return Address(f"{name.given} {name.surname}")
    if kind is None:
        agent = [t.text for t in transcript.turns if t.speaker == "agent"]
        kind = _title_used(agent, name.surname)
        titled = _said_title(kind, name.surname, locale) if kind else None
    if titled is None or kind is None:
        return Address(None)
    feminine = True if kind in _FEMININE else False if kind == "mr" else None
    return Address(titled, feminine)


# A generic address said to the customer: at the start of the line, or between commas.
_VOCATIVE = {
    "en": r"sir|madam|ma'am|ma’am",
    "fr": r"monsieur|madame|mademoiselle",
}
_AGREEING = re.compile(
    r"\b(êtes-vous|vous êtes|vous serez|seriez-vous|serez-vous)\s+"
    r"(prêt|sûr|certain|satisfait|content|déçu|rassuré|informé|prévenu)\b",
    re.IGNORECASE,
)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def fit_address(line: str, address: Address, locale: str) -> str:
    """``line`` with its generic address ("Madam, …", "…, sir.", « Monsieur, … ») made
    the customer's, or dropped when the customer has none."""
    words = _VOCATIVE.get(locale, _VOCATIVE["en"])
    said = address.text
    leading = re.compile(rf"^\s*(?:{words})\s*,\s*", re.IGNORECASE)
    if leading.search(line):
        rest = leading.sub("", line, count=1)
        line = f"{said}, {rest}" if said else capitalised(rest)
    inner = re.compile(rf",\s*(?:{words})(?=\s*(?:[,.!?;:…]|$))", re.IGNORECASE)
    line = inner.sub(f", {said}" if said else "", line)
    if locale == "fr" and address.feminine:
        line = _AGREEING.sub(lambda m: f"{m.group(1)} {m.group(2)}e", line)
    return line


def with_address(line: str, said: str) -> str:
    """``line`` opened with ``said`` ("Mr Okafor, would you mind…")."""
    first = line.split(" ", 1)[0]
    keep_case = first == "I" or first.startswith(("I'", "I’")) or first[1:2].isupper()
    return f"{said}, {line if keep_case else line[:1].lower() + line[1:]}"
