"""Normalise spoken text before matching, keeping a map back to the original.

Speech is not written text. Recognisers and people typing fast drop accents,
French speakers drop the "ne" of a negation ("je sais pas"), English speakers
contract ("don't", "I'm") and everyone hesitates ("euh", "um"). Rule patterns
are written once against the normal form produced here; every match is mapped
back to the exact words the agent said so a finding can quote them.

The normal form:
- accents removed (``désolé`` → ``desole``), curly apostrophes straightened;
- hyphens and commas become spaces (``attendez-vous`` → ``attendez vous``), except a
  decimal comma (``14,97`` stays);
- French: the negation particle ``ne`` / ``n'`` is dropped (``je ne sais pas`` →
  ``je sais pas``), eliding as speakers do (``je n'ai pas`` → ``j'ai pas``,
  ``ce n'est pas`` → ``c'est pas``), and ``j'`` before a consonant is read as ``je``;
- English: ``n't`` becomes `` not`` and ``'m``/``'re``/``'ll``/``'ve`` are expanded;
- fillers (``euh``, ``heu``, ``um``, ``uh``…) are removed; spaces are collapsed.
Matching is case-insensitive, so case is kept.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Normalised:
    """Normalised text and, for each of its characters, the index in the original."""

    original: str
    text: str
    index: tuple[int, ...]

    def quote(self, start: int, end: int) -> str:
        """The original words behind ``text[start:end]``."""
        if start >= end or not self.index:
            return ""
        first = self.index[start]
        last = self.index[end - 1]
        # widen to whole original words so a quote is never cut mid-word: "don't", not "don"
        while first > 0 and _in_word(self.original, first - 1):
            first -= 1
        while last + 1 < len(self.original) and _in_word(self.original, last + 1):
            last += 1
        # a French "ne" dropped just before the quote belongs to it: "Ne reviens pas"
        ne = _DROPPED_NE.search(self.original, 0, first)
        if ne and (start == 0 or self.index[start - 1] < ne.start()):
            first = ne.start()
        return self.original[first : last + 1].strip()


_DROPPED_NE = re.compile(r"\bne\s+$", re.IGNORECASE)


def _in_word(text: str, i: int) -> bool:
    """Is ``text[i]`` part of a word: a letter or digit, or an apostrophe between two."""
    if text[i].isalnum():
        return True
    return (
        text[i] in "'’"
        and 0 < i < len(text) - 1
        and text[i - 1].isalnum()
        and text[i + 1].isalnum()
    )


Chars = list[tuple[str, int]]


def _sub(
    pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str], chars: Chars
) -> Chars:
    text = "".join(c for c, _ in chars)
    out: Chars = []
    pos = 0
    for match in pattern.finditer(text):
        out.extend(chars[pos : match.start()])
        replacement = repl(match) if callable(repl) else match.expand(repl)
        anchor = chars[match.start()][1] if match.start() < len(chars) else chars[-1][1]
        out.extend((c, anchor) for c in replacement)
        pos = match.end()
    out.extend(chars[pos:])
    return out


def strip_accents(text: str) -> str:
    """``Désolé`` → ``Desole``; used on patterns so they match normalised text."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


_APOSTROPHES = re.compile(r"[’‘`´ʼ]")
_SPACERS = re.compile(r"(?<=\w)[-‐‑–](?=\w)|(?<!\d),|,(?!\d)|[;:«»“”\"()…]")
_SPACES = re.compile(r"\s+")
_FR_NE = re.compile(r"\b(?:ne\s+|n')(?=\w)", re.IGNORECASE)
# "je n'ai" without its "ne" is said "j'ai", not "je ai": elide so one pattern fits both
_FR_NE_ELIDED = re.compile(r"\b([jc])e\s+n'(?=[aeiouy])", re.IGNORECASE)
_FR_J = re.compile(r"\bj'(?=[bcdfghjklmnpqrstvwxz])", re.IGNORECASE)
_FR_FILLERS = re.compile(r"\b(?:euh+|heu+|hum+|bah)\b\s*", re.IGNORECASE)
_EN_FILLERS = re.compile(r"\b(?:um+|uh+|erm+|er|hmm+)\b\s*", re.IGNORECASE)
_EN_CONTRACTIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bcan't\b|\bcannot\b", re.IGNORECASE), "can not"),
    (re.compile(r"\bwon't\b", re.IGNORECASE), "will not"),
    (re.compile(r"\bain't\b", re.IGNORECASE), "is not"),
    (re.compile(r"n't\b", re.IGNORECASE), " not"),
    (re.compile(r"'m\b", re.IGNORECASE), " am"),
    (re.compile(r"'re\b", re.IGNORECASE), " are"),
    (re.compile(r"'ll\b", re.IGNORECASE), " will"),
    (re.compile(r"'ve\b", re.IGNORECASE), " have"),
    (re.compile(r"\bdunno\b", re.IGNORECASE), "do not know"),
]


@functools.lru_cache(maxsize=4096)
def normalise(text: str, locale: str) -> Normalised:
    """Bring ``text`` to the normal form that rule patterns are written against.

    Every rule reads the same turn: the result (immutable) is remembered.
    """
    chars: Chars = []
    for i, ch in enumerate(text):
        for part in unicodedata.normalize("NFD", ch):
            if unicodedata.category(part) != "Mn":
                chars.append((part, i))
    chars = _sub(_APOSTROPHES, "'", chars)
    chars = _sub(_SPACERS, " ", chars)
    if locale == "fr":
        chars = _sub(_FR_FILLERS, "", chars)
        chars = _sub(_FR_NE_ELIDED, r"\1'", chars)
        chars = _sub(_FR_NE, "", chars)
        chars = _sub(_FR_J, "je ", chars)
    else:
        chars = _sub(_EN_FILLERS, "", chars)
        for pattern, repl in _EN_CONTRACTIONS:
            chars = _sub(pattern, repl, chars)
    chars = _sub(_SPACES, " ", chars)
    while chars and chars[0][0] == " ":
        chars.pop(0)
    while chars and chars[-1][0] == " ":
        chars.pop()
    return Normalised(text, "".join(c for c, _ in chars), tuple(i for _, i in chars))


_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|\d+", re.UNICODE)


def words(text: str) -> list[str]:
    """The spoken words of ``text`` (numbers count as one word each)."""
    return _WORD.findall(text)
