"""The one catalogue of roleplay's text, in French and English, and the one way to read it.

Every key is namespaced by what it names or where it is shown:

- ``dimension.*``, ``outcome.*``, ``persona.*``, ``channel.*``, ``difficulty.*``,
  ``language.*``, ``severity.*``, ``skipped.*``, ``word.*``, ``card.*``, ``call.*``,
  ``team.*``, ``progress.*``: words shared by screens, the terminal scorecard, the
  command line and documents (:mod:`simulator.i18n.words`);
- ``ui.*``: the terminal UI (:mod:`simulator.i18n.screen_texts`);
- ``report.*``: documents (:mod:`simulator.i18n.document_texts`);
- ``cli.*``: the command line (:mod:`simulator.i18n.command_texts`; what the commands
  that move and look after data say when done, with their counts, in
  :mod:`simulator.i18n.summary_texts`);
- ``error.*``: what a :class:`~simulator.errors.SimulatorError` says
  (:mod:`simulator.i18n.error_texts`; ``error.bundle.*``, why a bundle is refused, in
  :mod:`simulator.i18n.bundle_texts`);
- ``problem.*``: what is wrong in a file a person wrote
  (:mod:`simulator.i18n.problem_texts`);
- ``author.*``: what a trainer reads while writing scenarios and rule packs: the
  customer types explained, branch conditions in words, warnings on rule patterns
  (:mod:`simulator.i18n.authoring_texts`);
- ``scoring.*``: what the scorer says in findings. The scorer stands alone and imports
  nothing from ``simulator``, so its table stays in :mod:`scoring.messages`; it is taken
  in here under its namespace.

Each key is defined once, in one table. Documents and the lines of a typed call use the
call's language; the interface (screens, errors, problems) uses :func:`ui_locale`.
"""

from __future__ import annotations

import locale as _locale
import os
from collections.abc import Mapping

from scoring.messages import MESSAGES
from scoring.messages import NAMESPACE as SCORING
from simulator.i18n.authoring_texts import AUTHORING_TEXTS
from simulator.i18n.bundle_texts import BUNDLE_TEXTS
from simulator.i18n.command_texts import COMMAND_TEXTS
from simulator.i18n.document_texts import DOCUMENT_TEXTS
from simulator.i18n.error_texts import ERROR_TEXTS
from simulator.i18n.problem_texts import PROBLEM_TEXTS
from simulator.i18n.screen_texts import SCREEN_TEXTS
from simulator.i18n.summary_texts import SUMMARY_TEXTS
from simulator.i18n.words import WORDS

LOCALES = ("fr", "en")
FALLBACK = "en"
ENV_LANG = "ROLEPLAY_LANG"

Entry = Mapping[str, str]


def _gather(*tables: Mapping[str, Entry]) -> dict[str, Entry]:
    merged: dict[str, Entry] = {}
    for table in tables:
        for key, entry in table.items():
            if key in merged:  # two tables would silently disagree on one meaning
                raise ValueError(f"the text '{key}' is defined twice")
            merged[key] = entry
    return merged


CATALOGUE: dict[str, Entry] = _gather(
    WORDS,
    SCREEN_TEXTS,
    DOCUMENT_TEXTS,
    COMMAND_TEXTS,
    SUMMARY_TEXTS,
    ERROR_TEXTS,
    BUNDLE_TEXTS,
    PROBLEM_TEXTS,
    AUTHORING_TEXTS,
    {f"{SCORING}.{key}": entry for key, entry in MESSAGES.items()},
)


def has_text(key: str) -> bool:
    return key in CATALOGUE


def text(key: str, locale: str, /, **values: object) -> str:
    """The text ``key`` in ``locale`` (English for a language roleplay does not speak),
    with ``values`` put in. An unknown key is an error: nobody should read a key."""
    try:
        entry = CATALOGUE[key]
    except KeyError:
        raise KeyError(f"no text '{key}' in the catalogue") from None
    template = entry.get(locale) or entry[FALLBACK]
    return template.format(**{name: worded(value, locale) for name, value in values.items()})


def worded(value: object, locale: str) -> object:
    """A value put into a text: a :class:`Phrase` is worded in the same language."""
    return value.render(locale) if isinstance(value, Phrase) else value


class Phrase:
    """A text not yet worded: a key and its values, put into words in whichever language
    the reader reads (the same error can reach a French screen and an English log).

    A value may itself be a phrase ("cannot import x: {why}"). A key missing from the
    catalogue is shown as written, so a message built elsewhere still reaches the person;
    the catalogue's tests require every key written in the code to exist.
    """

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values: object) -> None:
        self.key = key
        self.values = values

    def render(self, locale: str) -> str:
        if self.key not in CATALOGUE:
            return self.key
        return text(self.key, locale, **self.values)

    def __str__(self) -> str:
        return self.render(FALLBACK)

    def __repr__(self) -> str:
        values = "".join(f", {k}={v!r}" for k, v in self.values.items())
        return f"Phrase({self.key!r}{values})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Phrase):
            return NotImplemented
        return self.key == other.key and self.values == other.values

    def __hash__(self) -> int:
        return hash((self.key, tuple(sorted((k, repr(v)) for k, v in self.values.items()))))


class Plural(Phrase):
    """A count not yet worded: the text ``one`` or ``many`` by the reader's language's rule
    ("0 séance", "0 sessions"), the count put in as ``{count}``."""

    __slots__ = ("many",)

    def __init__(self, count: int, one: str, many: str, /, **values: object) -> None:
        super().__init__(one, count=count, **values)
        self.many = many

    def render(self, locale: str) -> str:
        count = self.values["count"]
        one = isinstance(count, int) and singular(count, locale)
        return text(self.key if one else self.many, locale, **self.values)


def singular(n: int, locale: str) -> bool:
    """Whether ``n`` takes the singular: French counts 0 and 1 as one, English only 1."""
    return n <= 1 if locale == "fr" else n == 1


def capital(words: str) -> str:
    """``words`` with a capital first letter, for a heading or a column title."""
    return words[:1].upper() + words[1:]


class Text:
    """The catalogue bound to one language, as screens use it: ``t("ui.start")``."""

    def __init__(self, locale: str) -> None:
        self.locale = locale

    def __call__(self, key: str, /, **values: object) -> str:
        return text(key, self.locale, **values)

    def capital(self, key: str, /, **values: object) -> str:
        """The text with a capital first letter: "Turn" from ``word.turn``."""
        return capital(self(key, **values))

    def count(self, n: int, one: str, many: str) -> str:
        """ "1 session", "3 sessions": ``one`` or ``many`` by the language's rule."""
        return f"{n} {self(one if singular(n, self.locale) else many)}"

    def plural(self, n: int, one: str, many: str, /, **values: object) -> str:
        """The sentence ``one`` or ``many`` for ``n`` things, ``n`` put in as ``{count}``."""
        return self(one if singular(n, self.locale) else many, count=n, **values)

    def named(self, namespace: str, value: str) -> str:
        """A stored value's name ("hung_up" → "the customer hung up"), or the value as
        stored when the catalogue has no name for it (a session from a newer roleplay)."""
        key = f"{namespace}.{value}"
        return self(key) if key in CATALOGUE else value


def ui_locale(setting: str | None = None) -> str:
    """The interface language: ``$ROLEPLAY_LANG``, else the ``ui_locale`` setting, else the
    system's language (French or English)."""
    for chosen in (os.environ.get(ENV_LANG), setting):
        language = (chosen or "")[:2].lower()  # "fr", "FR" and "fr_FR.UTF-8" all mean French
        if language in LOCALES:
            return language
    system = os.environ.get("LC_ALL") or os.environ.get("LANG") or (_locale.getlocale()[0] or "")
    return "fr" if system.lower().startswith("fr") else "en"
