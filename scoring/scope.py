"""Whose words, and said or unsaid: the scope of a phrase inside one agent turn.

A phrase to avoid is only a finding when the agent says it in their own voice:

- not when the agent **quotes** someone: between quote marks, after a reporting verb
  ("you said…", "they told you…", « on vous a dit… », « vous dites que… »), or
  repeating a run of words the customer has just said ("you said it's not your
  problem: you're right to be upset");
- not when the agent **negates** it: "I'm not going to tell you to calm down",
  « je ne vais pas vous dire de vous calmer », "it's not that I don't care".

Both work on the normal form of :mod:`scoring.spoken`, so positions are those of a
rule's hits. Punctuation that normalising removes (quote marks, colons, commas) is
read from the original text through the normal form's index.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from scoring.spoken import Normalised, normalise

Span = tuple[int, int]

# A run of the customer's own words, repeated by the agent, long enough to be a quotation
# rather than two people using the same common words.
MIN_ECHO_WORDS = 5
# Reported speech ends at the end of its clause, or after this many words.
MAX_REPORTED_WORDS = 8
# A negation governs a phrase this many words after it, at most.
NEGATION_REACH = 8

_PAIRED_QUOTES = re.compile(
    r"“[^”\n]{1,300}”|«[^»\n]{1,300}»|\"[^\"\n]{1,300}\"|„[^“”\n]{1,300}[“”]"
)
# A single quote opens before a word and closes after one; an apostrophe sits inside a word.
_SINGLE_QUOTES = re.compile(r"(?<!\w)['‘](?=\w)[^\n]{1,200}?(?<=[\w.!?,…])['’](?!\w)")

# Reporting verbs, in the normal form: what follows them is someone else's words.
_REPORTING = {
    "en": re.compile(
        r"\b(?:you (?:just |already |have |had )?(?:said|say|are saying|were saying|mentioned"
        r"|wrote|told (?:me|us)|called (?:it|this|that|us|them))"
        r"|you (?:were|have been|had been|got|get|are|keep being) (?:told|informed|promised|advised)"
        r"|(?:being|been|be|get|getting) told"
        r"|(?:they|he|she|someone|somebody|we|the \w+|my colleague|a colleague|our \w+)"
        r" (?:have |had |just )?(?:told|said to|wrote to|promised) you"
        r"|(?:they|he|she|someone|somebody) (?:said|says|claimed|wrote)"
        r"|you (?:think|thought|believe|believed)(?: that)?|you (?:feel|felt) (?:that|like)"
        r"|according to you|in your (?:own )?words|your words were|to quote you|and i quote"
        r"|quote unquote)\b",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"(?<!\w)(?:(?:vous|tu) (?:me |m'|nous )?(?:dites|dis|disiez|avez dit|as dit|aviez dit"
        r"|avez ecrit|ecrivez|repetez|parlez de)"
        r"|(?:vous|tu) (?:pensez|penses|croyez|crois|trouvez|trouves|sentez|avez l'impression"
        r"|as l'impression)(?: que| qu')?"
        r"|(?:on|ils|elles|il|elle|quelqu'un|nous|votre \w+|mon collegue|ma collegue|le \w+|la \w+)"
        r" (?:vous |t')(?:(?:a|ont|avait|avaient|aurait|auraient) (?:dit|repondu|ecrit|affirme"
        r"|explique|promis|sorti)|dit|disent|repond|repondent)"
        r"|(?:vous |s')entendre dire|d'apres vous|selon vous|a vous entendre|je cite"
        r"|pour reprendre vos (?:mots|termes)|entre guillemets)(?!\w)",
        re.IGNORECASE,
    ),
}
# Where reported speech stops: the end of its clause, or the agent taking the floor back.
_CLAUSE_END = re.compile(r"[.!?;:…—–\n]|,(?=\s)|\s-\s")
# A colon or an opening quote just after the verb introduces the words; it does not end them
# (a comma does: "whatever you say, …" goes on in the agent's own voice).
_LEAD = re.compile(r"[\s:«“\"'‘]*")
_TAKES_BACK = {
    "en": re.compile(r"\b(?:but|however|and i|so i|and we|so we)\b", re.IGNORECASE),
    "fr": re.compile(
        r"(?<!\w)(?:mais|cependant|et je|donc je|et nous|donc nous)(?!\w)", re.IGNORECASE
    ),
}


def _words(*groups: str) -> frozenset[str]:
    """Words listed by what they do, one group per string."""
    return frozenset(word for group in groups for word in group.split())


_NEGATORS = {
    "en": _words("not never nobody", "without instead rather", "far"),
    "fr": _words("pas jamais personne", "sans plutot lieu", "loin"),
}
# Words that may stand between a negation and what it governs: saying, asking, wanting,
# pronouns and the little words around them ("I'm not going to tell you to …").
_SCOPE_WORDS = {
    "en": _words(
        "going gonna will would let leave make expect expecting want wanting wanted",
        "tell telling told say saying said ask asking asked mean meaning think",
        "suggest suggesting suggested claim claiming pretend pretending",
        "accuse accusing blame blaming",
        "i we you it it's me them him her anyone anybody someone customer customers people",
        "to that this is be here about just ever the a one who of than from",
    ),
    "fr": _words(
        "vais va allons vont veux voulais voudrais laisser",
        "dire dis dit dirai dirais dise demander demande penser pense crois trouve",
        "pretendre pretends pretend accuser reprocher",
        "je j' vous te on il elle moi quelqu'un un une client cliente clients gens",
        "que qu' ce c'est est etre suis ici question de d' au l'idee idee",
    ),
}
_AGREEING = re.compile(r"\b(?:as|like|comme) $", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?;:—–\n]")
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*'?", re.UNICODE)


def quoted_spans(norm: Normalised, previous_customer_text: str | None, locale: str) -> list[Span]:
    """Where, in ``norm.text``, the agent is quoting rather than speaking for themselves.

    Three signs, each giving spans of the normal form: quote marks in the original
    text; reported speech after a reporting verb ("you said", « on vous a dit »), up
    to the end of its clause; a run of at least ``MIN_ECHO_WORDS`` words repeated
    from the customer's previous turn. Spans are sorted and may overlap.
    """
    spans = [
        _to_norm(norm, m.start() + 1, m.end() - 1) for m in _PAIRED_QUOTES.finditer(norm.original)
    ]
    spans += [
        _to_norm(norm, m.start() + 1, m.end() - 1) for m in _SINGLE_QUOTES.finditer(norm.original)
    ]
    spans += _reported(norm, locale)
    if previous_customer_text:
        spans += _echoes(norm, normalise(previous_customer_text, locale))
    return sorted(span for span in spans if span[0] < span[1])


def is_quoted(start: int, end: int, spans: list[Span]) -> bool:
    """Does the phrase at ``[start, end)`` lie inside one of ``spans``?"""
    return any(s <= start and end <= e for s, e in spans)


def is_negated(norm: Normalised, start: int, locale: str) -> bool:
    """Is the phrase starting at ``start`` in ``norm.text`` governed by a negation before it?

    A negation governs a phrase when it comes earlier in the same sentence, at most
    ``NEGATION_REACH`` words before, and only words of saying, asking or wanting stand
    between them: "I'm *not* going to tell you to | calm down", « c'est *pas* que |
    je m'en fiche ». A negation that belongs to another statement does not ("I don't
    know | not my problem": "know" is not such a word).
    """
    negators = _NEGATORS.get(locale, _NEGATORS["en"])
    scope = _SCOPE_WORDS.get(locale, _SCOPE_WORDS["en"])
    first = _TOKEN.search(norm.text, start)
    if first is not None and first.group().lower() in negators:
        # a phrase that is itself a negation ("pas mon problème", "not my job") is said,
        # not undone, by an earlier one: « je sais pas, c'est pas mon problème »
        return False
    before = [m for m in _TOKEN.finditer(norm.text, 0, start) if m.end() <= start]
    between: list[str] = []
    for token in reversed(before[-NEGATION_REACH - 1 :]):
        word = token.group().lower()
        if word in negators:
            return bool(between) and not _breaks(norm, token.end(), start)
        if word not in scope and _elided(word) not in scope:
            return False
        between.append(word)
    return False


def _elided(word: str) -> str:
    """« qu'il » reads as « qu' » for the scope words; "it's" stays "it's"."""
    head, _, tail = word.partition("'")
    return f"{head}'" if tail else word


def _breaks(norm: Normalised, start: int, end: int) -> bool:
    """Is there a sentence break in the original text behind ``norm.text[start:end]``?"""
    if start >= end:
        return False
    first, last = norm.index[start], norm.index[end - 1]
    return bool(_SENTENCE_BREAK.search(norm.original, first, last + 1))


def _to_norm(norm: Normalised, first: int, last: int) -> Span:
    """The span of ``norm.text`` behind ``norm.original[first:last]``."""
    return bisect_left(norm.index, first), bisect_left(norm.index, last)


def _reported(norm: Normalised, locale: str) -> list[Span]:
    reporting = _REPORTING.get(locale, _REPORTING["en"])
    takes_back = _TAKES_BACK.get(locale, _TAKES_BACK["en"])
    spans: list[Span] = []
    for m in reporting.finditer(norm.text):
        # "as you said, …" agrees with the customer: what follows is the agent's own
        if m.end() >= len(norm.text) or _AGREEING.search(norm.text, 0, m.start()):
            continue
        first = norm.index[m.end() - 1] + 1
        lead = _LEAD.match(norm.original, first)
        first = lead.end() if lead else first
        stop = _CLAUSE_END.search(norm.original, first)
        last = stop.start() if stop else len(norm.original)
        start, end = _to_norm(norm, first, last)
        back = takes_back.search(norm.text, start, end)
        end = back.start() if back else end
        words = list(_TOKEN.finditer(norm.text, start, end))
        if len(words) > MAX_REPORTED_WORDS:
            end = words[MAX_REPORTED_WORDS - 1].end()
        spans.append((start, end))
    return spans


def _echoes(norm: Normalised, customer: Normalised) -> list[Span]:
    """Runs of at least ``MIN_ECHO_WORDS`` words that the customer said in the same order."""
    mine = list(_TOKEN.finditer(norm.text))
    words = [m.group().lower() for m in mine]
    theirs = [m.group().lower() for m in _TOKEN.finditer(customer.text)]
    spans: list[Span] = []
    # longest common runs, by dynamic programming over both word lists
    previous = [0] * (len(theirs) + 1)
    for i, word in enumerate(words):
        current = [0] * (len(theirs) + 1)
        for j, other in enumerate(theirs):
            if word == other:
                current[j + 1] = previous[j] + 1
                run = current[j + 1]
                if run >= MIN_ECHO_WORDS:
                    spans.append((mine[i - run + 1].start(), mine[i].end()))
        previous = current
    return spans
