"""Filler words: the sounds and stock phrases that fill a pause without saying anything.

"euh", "ben", "du coup", "genre", "bah", "voilà" said for nothing; "um", "uh", "er",
"like", "you know", "I mean", "sort of". Most of these are also ordinary words — "ce
genre de frais", "voilà votre numéro", "would you like", "do you know", "I mean it",
"what sort of card" — so each is counted only where it does no work in the sentence,
judged from the words on either side and the punctuation when there is some.

Counted on the raw text: the normal form of :mod:`scoring.spoken` drops "euh" and
"um" before rules are matched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from scoring.speech_acts import clean

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+|[,;:.!?…]")
_STOPS = {".", "!", "?", "…"}
_PAUSES = {",", ";", ":"}
_HYPHENS = {"-", "‐", "‑"}


@dataclass(frozen=True)
class Token:
    text: str
    """Lower case, straight apostrophe, accents kept."""
    original: str
    hyphenated: bool = False
    """Joined to the next or previous word by a hyphen ("uh-huh", "mm-hmm")."""


def tokens(text: str) -> list[Token]:
    text = clean(text)
    return [
        Token(
            m.group().lower().replace("’", "'"),
            m.group(),
            text[m.end() : m.end() + 1] in _HYPHENS
            or text[max(0, m.start() - 1) : m.start()] in _HYPHENS,
        )
        for m in _TOKEN.finditer(text)
    ]


@dataclass(frozen=True)
class Context:
    """Where a candidate filler stands: the tokens before it and after it."""

    before: list[Token]
    after: list[Token]

    @property
    def prev(self) -> str:
        return self.before[-1].text if self.before else ""

    @property
    def next(self) -> str:
        return self.after[0].text if self.after else ""

    @property
    def opens(self) -> bool:
        """At the start of the turn or of a sentence."""
        return not self.before or self.prev in _STOPS

    @property
    def closes(self) -> bool:
        """At the end of the turn or of a sentence."""
        return not self.after or self.next in _STOPS

    @property
    def set_off(self) -> bool:
        """Followed by a pause mark (a comma) or the end of a sentence."""
        return self.closes or self.next in _PAUSES


Check = Callable[[Context], bool]


def _always(_: Context) -> bool:
    return True


def _numbers(words: str) -> set[str]:
    return set(words.split())


_EN_NUMBERS = _numbers(
    "a an one two three four five six seven eight nine ten eleven twelve fifteen twenty "
    "thirty forty fifty hundred couple few"
)
_EN_VERB_LIKE = _numbers(
    "would i'd you'd we'd they'd he'd she'd i you we they don't didn't do did to really "
    "also look looks looked sound sounds seem seems feel feels something anything nothing "
    "just exactly more much not"
)
_EN_KNOW_BEFORE = _numbers(
    "do did don't didn't if as would will let to i'd you'd we'd how what whether where "
    "who may might should could can"
)
_EN_KNOW_AFTER = _numbers(
    "what where when why how who which whether if that about the a an your my his her their "
    "our it him them me us this these those anything something anyone someone everything"
)
_EN_MEAN_BEFORE = _numbers("what do did don't didn't if which that's")
_EN_MEAN_AFTER = _numbers("it that this what to by")
_EN_SORT_BEFORE = _numbers(
    "a the what this that some any which one no every each another same all these those "
    "my your our their his her its what's"
)


def _like(at: Context) -> bool:
    """ "like, ten days", "it's, like, broken", "like which account…", "it took like three
    weeks" — not "would you like", "looks like", "like this"."""
    if at.next in _PAUSES and at.prev not in _EN_VERB_LIKE:
        return True
    if at.opens and at.next in {"which", "what", "when", "where", "how", "um", "uh", "i"}:
        return at.next != "i" or (len(at.after) > 1 and at.after[1].text == "mean")
    return at.next in _EN_NUMBERS | {"maybe"} and at.prev in {
        "'s", "it's", "is", "was", "were", "be", "been", "take", "takes", "took", "for",
        "about", "and", "or", "in", "just", "that's", "there's",
    }  # fmt: skip


def _you_know(at: Context) -> bool:
    if at.prev in _EN_KNOW_BEFORE:
        return False
    return at.set_off or at.next not in _EN_KNOW_AFTER


def _i_mean(at: Context) -> bool:
    return at.prev not in _EN_MEAN_BEFORE and (at.set_off or at.next not in _EN_MEAN_AFTER)


def _sort_of(at: Context) -> bool:
    return at.prev not in _EN_SORT_BEFORE


_FR_GENRE_BEFORE = _numbers(
    "le la les ce cet cette ces un une quel quelle quels quelles mon ton son notre votre leur "
    "leurs du de des même tout en mauvais bon autre nouveau l' d' au"
)
_FR_VOILA_BEFORE = _numbers("et me te nous vous le la les en")
_FR_VOILA_HOLD = _numbers("donc bon enfin bref voilà voila ben bah")


def _genre(at: Context) -> bool:
    """ "c'est genre trois jours", "genre, il faut attendre" — not "ce genre de frais"."""
    if at.prev in _FR_GENRE_BEFORE or at.prev.endswith("'"):
        return False
    return at.next not in {"de", "d'", "humain", "masculin", "féminin"} and not at.next.startswith(
        "d'"
    )


def _voila(at: Context) -> bool:
    """ "donc voilà", "c'est fait, voilà.", "le colis, voilà, il est parti", "voilà voilà" —
    not "voilà votre numéro", "Voilà, c'est fait", "et voilà", "le voilà", nor a lone
    "Voilà." agreeing with the customer."""
    if at.prev in _FR_VOILA_BEFORE:
        return False
    if at.prev in _FR_VOILA_HOLD or at.next in {"voilà", "voila"}:
        return True
    if at.opens:
        return False
    return at.set_off


@dataclass(frozen=True)
class Filler:
    words: tuple[str, ...]
    check: Check = _always


def _fillers(*specs: tuple[str, Check]) -> list[Filler]:
    return [Filler(tuple(words.split()), check) for words, check in specs]


_HESITATION = {
    "en": re.compile(r"^(?:u+[mh]+|e+r+m*|hmm+)$"),
    "fr": re.compile(r"^(?:eu+h+|heu+|hum+|hmm+)$"),
}
FILLERS = {
    "en": _fillers(
        ("like", _like), ("you know", _you_know), ("i mean", _i_mean),
        ("sort of", _sort_of), ("kind of", _sort_of),
    ),
    "fr": _fillers(
        ("ben", _always), ("bah", _always), ("du coup", _always), ("genre", _genre),
        ("voilà", _voila), ("voila", _voila),
    ),
}  # fmt: skip


def fillers(text: str, locale: str) -> list[str]:
    """The filler words said in ``text``, in order, as said ("euh", "du coup")."""
    found: list[str] = []
    said = tokens(text)
    hesitation = _HESITATION.get(locale, _HESITATION["en"])
    specs = FILLERS.get(locale, FILLERS["en"])
    i = 0
    while i < len(said):
        token = said[i]
        if hesitation.match(token.text) and not token.hyphenated:
            found.append(token.original)
            i += 1
            continue
        for spec in specs:
            size = len(spec.words)
            if tuple(t.text for t in said[i : i + size]) != spec.words:
                continue
            at = Context(said[:i], said[i + size :])
            if token.text == "ben" and _a_name(token, at):  # "ben oui", not Ben the colleague
                continue
            if spec.check(at):
                found.append(" ".join(t.original for t in said[i : i + size]))
                i += size - 1
                break
        i += 1
    return found


def _a_name(token: Token, at: Context) -> bool:
    """ "Ben" with a capital is a name inside a sentence, or before another capitalised
    word ("Ben Martin"), but not before a title ("Ben Monsieur Roux il est plus là")."""
    if token.original[0].islower():
        return False
    if not at.opens:
        return True
    following = at.after[0].original if at.after else ""
    return following[:1].isupper() and following.lower() not in _TITLES


_TITLES = {"monsieur", "madame", "mademoiselle"}
