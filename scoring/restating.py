"""The call's own words for a suggestion: the customer's problem, the agent's stated action.

A suggested restatement is built from what the customer said, turned round to the
agent's point of view: "my parcel never arrived" becomes "your parcel never arrived",
"you charged me twice" becomes "we charged you twice", « j'ai été prélevé deux fois »
becomes « vous avez été prélevé deux fois ». Only a short sentence that opens like a
statement ("my…", "I…", "the…", « mon… », « je… », « ça… ») and names some trouble (a
negation, "twice", "broken", « panne »…) is taken, and only when every person in it
can be turned round; otherwise nothing is, and the suggestion stays generic. Nothing
is invented: every word comes from the customer, or is their pronoun turned round.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scoring.point_of_view import WORD, listed, lowered, turned_round
from scoring.transcript import Transcript

FIRST_TURNS = 3
"""The customer's opening turns searched for the problem they called about."""
MIN_WORDS, MAX_WORDS = 3, 14
"""A restatement short enough to say, long enough to name something."""

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_CLAUSE = {
    "en": re.compile(r"\s*[,;]\s*|\s+(?:and|but|because)\s+", re.IGNORECASE),
    "fr": re.compile(r"\s*[,;]\s*|\s+(?:et|mais|parce que|car)\s+", re.IGNORECASE),
}
_OPENERS = {
    "en": r"look|listen|right|well|yeah|yes|so|okay|ok|hi|hello|honestly|seriously|basically"
    r"|and|but|oh|um|uh|anyway",
    "fr": r"[ée]coutez|[ée]coute|bon|alors|bah|ben|voil[àa]|oui|bonjour|all[ôo]|euh|et|mais"
    r"|donc|bref|franchement|enfin|non",
}
_TRAILING = {
    "en": r"mate|love|sir|madam|then|okay|ok|right",
    "fr": r"madame|monsieur|hein|quoi|voila|bon",
}
# How a statement about the customer's trouble opens (lowercase).
_STARTERS = {
    "en": set(
        listed(
            "i i'm i've i'd my we we've we're our you you've your the this it it's nobody no"
            " nothing they there's"
        )
    ),
    "fr": set(
        listed(
            "je j' mon ma mes nous notre nos on vous votre vos le la les l' ce c' cette ces ça ca"
            " cela il elle ils elles personne rien depuis"
        )
    ),
}
# Openings that point at something said elsewhere: "it's not anywhere", « il marche pas »
# restate nothing unless the customer is in the sentence too.
_POINTING = {
    "en": set(listed("it it's this they there's")),
    "fr": set(listed("il elle ils elles ce c' ça ca cela")),
}
_PERSON = {
    "en": set(
        listed("i i'm i've i'd i'll me my mine we we're we've our us you your you've you're")
    ),
    "fr": set(listed("je j' me m' moi mon ma mes nous notre nos vous votre vos")),
}
# Signs that a sentence names some trouble (lowercase). "Again" and « encore » alone do not.
_TROUBLE = {
    "en": re.compile(
        r"n't\b|\b(?:not|never|no|nobody|nothing|twice|wrong|broken|broke|down|late|lost"
        r"|missing|damaged|charged|overcharged|billed|cancell?ed|refund\w*|fault\w*|error"
        r"|problem|issue|stopped|failed|faulty|doubled?|outage|delayed|waiting|waited|keeps"
        r"|cut off|disconnected|on hold|leak\w*)\b"
    ),
    "fr": re.compile(
        r"\b(?:pas|jamais|plus|rien|aucune?|personne|deux fois|panne|cassée?s?|retard\w*"
        r"|perdue?s?|erreurs?|factur(?:é|ée|és|ées)|prélevée?s?|bloquée?s?|annulée?s?|abîmée?s?"
        r"|endommagée?s?|doublée?s?|manqu\w*|faux|fausse|mauvaise?|problèmes?|soucis?"
        r"|rembours\w*|coupée?s?|coupure|attends|attendu|attente|en attente|marre)\b"
    ),
}
# Turns of phrase that do not survive being turned round, and talk about talk ("I've never
# complained", « j'ai jamais rien dit »): left alone.
_AWKWARD = {
    "en": re.compile(
        r"\b(?:thank you|you know|you see|i mean|mind you|yourself|yourselves|see you)\b"
        r"|^i (?:just |really |do |don't |do not |can't |cannot )*(?:know|think|guess|suppose"
        r"|realise|realize|understand|believe|hope|mean|get)\b"
        r"|\bi(?:'ve| have| had)? (?:never|not|n't) (?:ever )?(?:said|complained|moaned)\b"
        r"|[\"“”()]"
    ),
    "fr": re.compile(
        r"\b(?:tu|te|t'|toi|ton|ta|tes|moi qui|nous qui|vous qui)\b|[\"“”«»()]"
        r"|^(?:je|j') ?(?:sais|pense|crois|trouve|suppose|comprends|espère|imagine)\b"
        r"|\bj'ai (?:(?:jamais|pas|rien) )+(?:dit|râlé|protesté)\b|\bplaint\b"
    ),
}


# -- choosing the sentence --------------------------------------------------------------


def _customer_openings(transcript: Transcript) -> list[str]:
    """What the customer said in their first turns: the complaint, not the digressions."""
    texts = []
    for turn in transcript.turns:
        if turn.speaker != "customer":
            continue
        if turn.segments:
            texts.append(" ".join(s.text for s in turn.segments if s.tag == "core"))
        else:
            texts.append(turn.text)
        if len(texts) == FIRST_TURNS:
            break
    return texts


def _tidy(piece: str, locale: str) -> str:
    openers = re.compile(rf"^(?:(?:{_OPENERS[locale]})\b[\s,!.]*)+", re.IGNORECASE)
    trailing = re.compile(rf"[\s,]+(?:{_TRAILING[locale]})\s*[.!…]*$", re.IGNORECASE)
    piece = trailing.sub("", openers.sub("", piece))
    return piece.strip().rstrip(".!…;:, ").strip()


def _opens_a_statement(piece: str, locale: str) -> bool:
    words = [lowered(w) for w in WORD.findall(piece)]
    if not words or words[0] not in _STARTERS[locale]:
        return False
    return words[0] not in _POINTING[locale] or bool(set(words) & _PERSON[locale])


def _pieces(text: str, locale: str) -> Iterator[str]:
    """Each sentence that is not a question — whole when each of its clauses is a
    statement ("my parcel never came and nobody answers"), then clause by clause."""
    for sentence in _SENTENCE_END.split(text.replace("’", "'")):
        sentence = _tidy(sentence.strip().strip('"“”«» '), locale)
        if not sentence or sentence.endswith("?"):
            continue
        clauses = [_tidy(c, locale) for c in _CLAUSE[locale].split(sentence)]
        if all(_opens_a_statement(c, locale) for c in clauses if c):
            yield sentence
        yield from clauses


def _restated(piece: str, locale: str) -> str | None:
    if not MIN_WORDS <= len(WORD.findall(piece)) <= MAX_WORDS:
        return None
    lower = lowered(piece)
    if not _opens_a_statement(piece, locale) or not _TROUBLE[locale].search(lower):
        return None
    if _AWKWARD[locale].search(lower):
        return None
    turned = turned_round(piece, locale)
    if not turned:
        return None
    return turned[:1].lower() + turned[1:]


def customer_problem(transcript: Transcript) -> str | None:
    """The problem the customer opened with, in the agent's words ("your parcel never
    arrived"), or None when no sentence of theirs can be turned round faithfully."""
    locale = transcript.locale
    for text in _customer_openings(transcript):
        for piece in _pieces(text, locale):
            restated = _restated(piece, locale)
            if restated:
                return restated
    return None


# -- the agent's own action -------------------------------------------------------------

_ACTION = {
    "en": re.compile(
        r"^(?:(?:so|and|ok|okay|right|now|alright|well|then)\b[\s,]*)*"
        r"(?:(?P<we>we)(?:'ll| will| are going to|'re going to)|i(?:'ll| will| am going to"
        r"|'m going to)|let me)\s+(?P<rest>.+)$",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"^(?:(?:alors|donc|et|bon|bien|d'accord|très bien)\b[\s,]*)*"
        r"(?:(?P<we>nous allons|on va)|je vais|laissez-moi)\s+(?P<rest>.+)$",
        re.IGNORECASE,
    ),
}
# Actions that are already a contact (a call back has its own model) or say nothing yet.
_NOT_AN_ACTION = {
    "en": re.compile(
        r"^(?:be|have to|need|try|see if|get back|call|ring|phone|email|e-mail|text|contact"
        r"|write|come back)\b|\b(?:not|never|no)\b|n't\b",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"^(?:vous rappeler|rappeler|vous appeler|appeler|vous recontacter|vous écrire"
        r"|revenir vers|essayer|voir si|devoir)\b|\b(?:pas|jamais|rien)\b",
        re.IGNORECASE,
    ),
}
_WE = {"en": ("I'll", "We'll"), "fr": ("Je vais", "Nous allons")}


def agent_action(transcript: Transcript) -> str | None:
    """The last thing the agent said they would do, as a sentence ("I'll check with the
    warehouse"), or None."""
    locale = transcript.locale
    found = None
    for _, turn in transcript.agent_turns():
        for sentence in _SENTENCE_END.split(turn.text.replace("’", "'")):
            sentence = sentence.strip()
            match = _ACTION[locale].match(sentence.rstrip(".!… "))
            if not match or sentence.endswith("?"):
                continue
            rest = match.group("rest").strip().rstrip(",;:")
            if _NOT_AN_ACTION[locale].search(rest) or not 1 <= len(WORD.findall(rest)) <= 12:
                continue
            found = f"{_WE[locale][bool(match.group('we'))]} {rest}"
    return found
