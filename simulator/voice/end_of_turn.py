"""Has the agent finished? Told from what they said, not from a fixed silence alone.

A short pause hands the phrase just spoken to the recogniser (the phrase gap). Once its
words are known, :func:`judge` reads the end of the turn so far: a phrase that stops on
"and", "the", "because", "um", "I will", "parce que", "je vais"… is unfinished, as is
one that stops on the second « soit » of « soit…, soit » or on a « là » that can only be
the article « la » misheard (« avec là »). The agent is then given a longer silence
(``hold``) to go on; a phrase that sounds complete ends the turn as soon as the silence
is longer than a pause between sentences (``finished``). Without words to read (no
recogniser, or nothing recognised) the fixed silence ``end_of_turn`` decides, as in the
``silence`` mode.

Whisper tends to leave out what it cannot make a sentence of, a trailing "and" or a
filler above all, or to finish the sentence itself ("and send."): speech it did not
turn into words at the end of the phrase counts as unfinished too (``unheard``), as does
a last word the recogniser itself doubts (``certainties``): a word misheard at the end
("…come on the" heard "…come on the Earth.") would otherwise read as an ending. So
does a voice that did not fall at the end (``pitch_end``, :mod:`simulator.voice.prosody`),
or that rose on its last syllable (``pitch_rise``), unless the words ask a question.

Everything here is pure: no audio, no model. :func:`simulator.voice.listening.listen_turn`
applies it frame by frame.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from statistics import median
from typing import Literal

from simulator.voice.vad import EndpointSettings, TurnEnd

Verdict = Literal["complete", "unfinished", "unknown"]

QUICK_GAP = 0.2
"""Smart mode: the silence (seconds) that closes a phrase and hands it to the recogniser.
The fixed-silence mode keeps the endpointer's 0.3 s: it has time to spare."""
UNHEARD_TAIL = 0.25
"""Seconds of sound after the last recognised word beyond which the recogniser is taken
to have left words out. Measured on eSpeak NG speech: complete sentences leave up to
0.14 s (Whisper tiny.en) or 0.24 s (base) after their last word, as the word ends are
rough; a trailing "um" or "uh" that tiny.en left out, 0.24–0.36 s."""
UNSURE = 0.3
"""A last word the recogniser gives a probability below this is taken as not heard for
sure, when it heard the rest of the phrase well (:data:`HEARD_WELL`)."""
HEARD_WELL = 0.65
"""The median probability of a phrase's other words from which the recogniser is taken
to have heard them well: then its doubt about the last word means a word misheard
there. A phrase heard badly all through says nothing about its last word in particular,
and would keep finished sentences waiting: eSpeak NG's French through Whisper base,
most words below 0.5, and through sound devices a phrase at a median of 0.6 ("Je
suis désolé pour ce retard." heard "Je suis des vrais pouces au tame.").
The phrases whose misheard last word this catches had medians of 0.66 to 0.98.
Measured with ``benchmarks/turn_verdict.py``: the last word of a broken-off phrase
heard as a finished sentence was doubted in 8 of 18 English and 2 of 16 French cases;
that of a finished sentence heard as such, in 2 of 67 English and none of 56 French
(``docs/performance.md``, "The verdict offline")."""
NO_FALL = 0.95
"""A phrase whose pitch ends at this fraction of its median or above has not fallen as
a statement's end does (eSpeak NG: statements end at 0.77–0.91 in English, 0.80–0.98 in
French; phrases broken off on "and," "parce que," mostly at 0.94–1.05)."""
RISE = 0.5
"""Semitones the voice rose over a phrase's last voiced windows (against the ones before,
:func:`simulator.voice.prosody.ending_rise`) from which it is going on: the continuation
rise on the last syllable of "…a refund or," "…your account and,". Measured with
``benchmarks/turn_verdict.py`` among the phrases the words and the other cues take as
finished, finished statements rose at most −0.8 (eSpeak NG, English) and 0.2 (eSpeak NG,
French), and people reading whole passages 0.45 (English) and 0.2 (French) — but for
one English reading at 0.7, spared only as its last sentence opens "Had he…", which
:func:`asks` takes for a question. 7 of the 14 English broken-off phrases rose 0.5 or
more, 4 of them heard as questions, and 1 of the 22 French ones. At 0.3, a person's
finished reading would wait."""


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TRAILING = ("...", "…", ",", ";", ":", "-", "–", "—")
"""Punctuation the recogniser writes when speech trails off or goes on."""
_SPACED_MARKS = re.compile(r"(?<=[.…,;:!?])\s+(?=[.…,;:!?])")
"""Spaces between marks: Whisper sometimes spells trailing off as ". . . ." (a loop of
full stops standing alone), which reads as "...." once they are closed up."""

_SEMI_AUXILIARIES = _set(
    "vais vas va allons allez vont peux peut pouvons pouvez peuvent dois doit devons devez "
    "doivent veux veut voudrais voudrait faut"
)
_OPEN: dict[str, frozenset[str]] = {
    "en": _set(
        # conjunctions and subordinators
        "and or but nor so because cause cos 'cause if when whenever whereas although "
        "though unless until till than whether which who whom whose "
        # articles, determiners, possessives
        "a an the my your our their its every "
        # prepositions
        "of to for with in on at by from about into onto through without within between "
        "against during towards toward upon via per among amongst despite including "
        "regarding unlike "
        # fillers
        "um umm uh uhm uhh er erm em hmm mm "
        # subjects waiting for their verb
        "i we i'll we'll you'll i'm we're i'd we'd i've we've let's "
        # auxiliaries left hanging
        "will would shall should can could may might must be gonna wanna gotta"
    ),
    "fr": _set(
        # conjonctions
        "et ou mais donc car ni que qu' puisque lorsque quand si comme quoique "
        # articles, déterminants, possessifs
        "le la les l' un une des du de d' au aux ce cet cette ces "
        "mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs chaque "
        # prépositions
        "à en dans sur sous avec sans par pour chez vers entre pendant depuis dès parmi "
        "malgré hormis "
        # hésitations
        "euh heu euhm hum hmm ben bah "
        # sujets en attente de leur verbe
        "je j' tu il elle on ils elles "
        # semi-auxiliaires laissés en suspens : _SEMI_AUXILIARIES
    )
    | _SEMI_AUXILIARIES,
}
"""Words that rarely end a sentence: a phrase stopping on one of them goes on."""

_AFTER_YES = {"en": _set("yes yeah no sure"), "fr": _set("oui non si bien")}
_CLOSING: dict[str, dict[str, frozenset[str]]] = {
    "en": {
        **{
            word: _AFTER_YES["en"]  # "Yes, I will." "Sure, we can."
            for word in _set("will would shall should can could may might must")
        },
        "so": _set("think hope guess suppose believe said do not"),
        "on": _set("hold go come carry log hang move so"),
        "in": _set("log sign come fill check plug"),
        "by": _set("stand drop come pass"),
        "through": _set("put go get come"),
        "to": _set("happy glad love able"),  # "I'd be happy to."
        "for": frozenset(["what"]),
    },
    "fr": {
        **{
            word: _AFTER_YES["fr"]  # "Oui, je peux."
            for word in _set("vais peux peut dois doit veux veut faut")
        },
        "va": _set("ça ca y oui non"),  # "Ça va." "On y va."
        "si": _set("mais ben bah oh ah"),  # "Mais si !"
        "quand": _set("depuis jusqu'à pour"),  # "Depuis quand ?"
        **{
            word: _set("avec pour chez à de sans sur après avant comme")
            for word in ("elle", "elles")  # "avec elle"
        },
    },
}
"""Words of ``_OPEN`` that do end a sentence after one of these (one of the two words
before)."""

_PAIRS: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {
    "en": [(_set("let"), _set("me us"))],  # "let me"
    "fr": [(_SEMI_AUXILIARIES, _set("vous lui leur me te nous y en"))],  # "je vais vous"
}
"""Two words that leave a phrase hanging together, though the last alone would not: the
word before from the first set, the last from the second."""

_ARTICLE_HEARD_AS_ADVERB: dict[str, tuple[str, frozenset[str]]] = {
    "fr": ("là", _set("à avec sans sur sous dans pour chez entre pendant depuis dès parmi")),
}
"""A word the recogniser writes for an article it heard at the end of a phrase (« avec
la » heard « avec là. ») and the prepositions after which it can only be that article:
« là » ends a sentence after « par », « de », « d'ici », « jusque », never after « avec »
or « pour »."""
_CORRELATIVES = {"fr": _set("soit")}
"""Words that, said a second time in a sentence, open its second branch: « soit un
avoir, soit » goes on, « Soit. » and « quoi qu'il en soit » do not. (The other pairs,
"either… or", « ni… ni », « ou… ou », end on a word that is open in any case.)"""

_WORD = re.compile(r"[\w'’-]+", re.UNICODE)


def words_of(text: str) -> list[str]:
    """The words of ``text``, lower case, apostrophes straightened, punctuation dropped.

    An elided article or pronoun (``l'``, ``qu'``) keeps its apostrophe, so that a
    phrase cut after it reads as such; a hyphenated word stays whole (``faites-le``)."""
    words = (w.replace("’", "'").strip("-") for w in _WORD.findall(text.lower()))
    return [w for w in words if w]


def judge(
    text: str,
    locale: str,
    unheard: float = 0.0,
    pitch_end: float | None = None,
    certainties: Sequence[float] = (),
    pitch_rise: float | None = None,
) -> Verdict:
    """Does the turn so far (``text``, all that was recognised) sound finished?

    ``unheard`` is the speech, in seconds, after the last recognised word: when the
    recogniser left words out at the end, their being there is all that is known.
    ``certainties`` are the recogniser's probabilities for the words of the last
    phrase, in order (none: not known).
    ``pitch_end`` is the pitch at the end of the last phrase over its median (None: not
    known); ``pitch_rise``, the semitones it rose on its last voiced windows (None: not
    known). ``unknown`` means there is nothing to read: the fixed silence decides."""
    words = words_of(text)
    if not words:
        return "unknown"
    if _SPACED_MARKS.sub("", text.rstrip()).endswith(_TRAILING):
        return "unfinished"
    last, before = words[-1], words[-3:-1]
    if last.endswith("'") or _opens(last, before, locale) or _branches(text, locale):
        return "unfinished"
    if unheard >= UNHEARD_TAIL or doubted(certainties):
        return "unfinished"
    held = pitch_end is not None and pitch_end >= NO_FALL
    rose = pitch_rise is not None and pitch_rise >= RISE
    if (held or rose) and not asks(text, locale):
        return "unfinished"
    return "complete"


_AUXILIARIES = _set(
    "is are was were am do does did can could will would shall should may might must have "
    "has had isn't aren't wasn't weren't don't doesn't didn't can't couldn't won't wouldn't "
    "shouldn't haven't hasn't"
)
_SUBJECTS = _set("i you we he she it they there this that")
_WH = _set("what when where which who whom whose why how")
_FR_INVERTED = re.compile(r"-(?:t-)?(?:je|tu|il|elle|on|nous|vous|ils|elles)$")
_SENTENCES = re.compile(r"[.!?;]+\s+")


def last_sentence(text: str) -> list[str]:
    """The words of the last sentence of ``text`` (:func:`words_of`)."""
    return words_of(_SENTENCES.split(text.strip())[-1])


def asks(text: str, locale: str) -> bool:
    """Do the words of the last sentence ask a question? A question mark says so; so does
    the order of the words when the recogniser wrote none: an auxiliary before its subject
    ("is there", "can I") or after a question word ("what is", "how can") in English; a
    verb and its subject joined by a hyphen ("puis-je", "pouvez-vous") or "est-ce que" in
    French. A voice rising at the end of a question is then no sign of more to come."""
    if text.rstrip().endswith("?"):
        return True
    sentence = last_sentence(text)
    if len(sentence) < 2:
        return False
    first, second = sentence[0], sentence[1]
    if locale == "fr":
        return any(
            _FR_INVERTED.search(w) or w.startswith("est-ce") or w == "qu'est-ce" for w in sentence
        )
    if locale == "en":
        return (first in _AUXILIARIES and second in _SUBJECTS) or (
            first in _WH and second in _AUXILIARIES
        )
    return False


def doubted(certainties: Sequence[float]) -> bool:
    """Did the recogniser hear the phrase well but for its last word? (The word
    probabilities of one phrase, in order.)"""
    if len(certainties) < 2:
        return False
    return certainties[-1] < UNSURE and median(certainties[:-1]) >= HEARD_WELL


def _opens(last: str, before: list[str], locale: str) -> bool:
    previous = before[-1] if before else ""
    heard_for_article, prepositions = _ARTICLE_HEARD_AS_ADVERB.get(locale, ("", frozenset()))
    if last == heard_for_article and previous in prepositions:
        return True
    if any(previous in first and last in second for first, second in _PAIRS.get(locale, [])):
        return True
    if last not in _OPEN.get(locale, frozenset()):
        return False
    closers = _CLOSING.get(locale, {}).get(last, frozenset())
    return not closers.intersection(before)


def _branches(text: str, locale: str) -> bool:
    """Does the last sentence end on the second of a correlative pair (« soit… soit »)?"""
    sentence = last_sentence(text)
    pairs = _CORRELATIVES.get(locale, frozenset())
    return len(sentence) > 1 and sentence[-1] in pairs and sentence[-1] in sentence[:-1]


def silence_needed(verdict: Verdict | None, settings: EndpointSettings) -> float:
    """The silence, in seconds, after which the turn ends given the ``verdict`` on it
    (None: not known yet — the longest)."""
    if settings.turn_end == "silence":
        return settings.end_of_turn
    if verdict == "complete":
        return max(settings.phrase_gap, settings.finished)
    if verdict == "unknown":
        return settings.end_of_turn
    return settings.longest_silence


def endpoint_settings(turn_end: TurnEnd, end_of_turn: float) -> EndpointSettings:
    """The endpointer's settings for a mode: the fixed silence, or the smart end with a
    quicker phrase gap, so that the last phrase is recognised sooner."""
    if turn_end == "silence":
        return EndpointSettings(end_of_turn=end_of_turn)
    return EndpointSettings(end_of_turn=end_of_turn, turn_end="smart", phrase_gap=QUICK_GAP)
