"""What a stretch of speech does in the call, as far as timing checks need to know.

Dead air and interruptions depend on who holds the floor: silence after the customer's
question is the agent's, silence after the agent's question is the customer's, and
talking over "thank you, bye" is not talking over a complaint. These checks read the
words to tell:

- a **backchannel**: a listening noise ("mm", "d'accord", "I see");
- **courtesy**: greetings, thanks, goodbyes, closings ("that'll be all", « ce sera
  tout ») and pleasantries ("how are you", « et vous ? ») — speech that is not the
  matter of the call;
- a **question** handing the floor to the other person;
- a **hold** the agent asks for or announces ("can I put you on hold?", « je vous mets
  en attente »), as opposed to a bare **wait** ("one second", « je regarde ») that
  keeps the floor without explaining anything.

Matching is on the normal form of :mod:`scoring.spoken` (accents removed, French "ne"
dropped, English contractions expanded). Transcription marks such as ``[noise]``,
``<unk>`` and the ``~`` of a cut-off word are not speech and are ignored.
"""

from __future__ import annotations

import re

from scoring.spoken import normalise, words

_MARKS = re.compile(r"\[[^\]]*\]|<[^>]*>|~")
_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*")


def clean(text: str) -> str:
    """``text`` without transcription marks (``[noise]``, ``<unk>``, ``car~``)."""
    return _MARKS.sub(" ", text)


def _plain(text: str, locale: str) -> str:
    """Lower-case normal form, punctuation dropped: what the patterns below match."""
    spoken = normalise(clean(text), locale).text.lower()
    return " ".join(re.sub(r"[^\w' ]+", " ", spoken).split())


_BACKCHANNELS = {
    "fr": r"(?:mm+|hm+|oui|ouais|d'accord|ok|okay|je vois|entendu|tout a fait|ah|oh|bien sur"
    r"|je comprends|exactement|voila|effectivement)",
    "en": r"(?:mm+|hm+|mhm|uh huh|huh|oh|ah|yes|yeah|yep|ok|okay|right|i see|sure|got it|of course"
    r"|i understand|exactly|absolutely|certainly|alright|all right)",
}
_BACKCHANNEL_PATTERNS = {
    locale: re.compile(rf"^(?:{p})(?:[ .!]+(?:{p}))*[ .!]*$", re.IGNORECASE)
    for locale, p in _BACKCHANNELS.items()
}


def is_backchannel(text: str, locale: str) -> bool:
    """True for a short listening noise such as "mm", "d'accord", "I see"."""
    text = clean(text)
    if len(words(text)) > 4:
        return False
    pattern = _BACKCHANNEL_PATTERNS.get(locale, _BACKCHANNEL_PATTERNS["en"])
    spoken = normalise(text, locale).text
    # Hesitation noises alone ("euh", "um") normalise to nothing: listening, not talking.
    return not spoken.strip(" .!?") or bool(pattern.match(spoken))


# Phrases that are courtesy wherever they occur, in the normal form.
_COURTESY = {
    "en": [
        r"thank(?:s| you)(?: (?:so|very) much| a lot| again)?"
        r"(?: for (?:(?:your|the|all|all your) )?(?:help|time|call|calling|assistance"
        r"|patience|waiting|holding))?",
        r"(?:i )?(?:really )?appreciate (?:it|that|your help)",
        r"much appreciated|cheers",
        r"(?:hi|hello|hey|good (?:morning|afternoon|evening))(?: there)?",
        r"how are you(?: doing)?(?: today)?|how is (?:it going|your day)|how are things",
        r"(?:i am )?(?:doing )?(?:good|well|fine|great|not bad|pretty good)(?: thanks)?",
        r"nice (?:to (?:meet|talk to) you|talking to you)",
        r"(?:good)?bye(?: bye| now)?|take care|see you|talk (?:to you )?soon",
        r"(?:you )?have a (?:good|great|nice|lovely|wonderful) (?:day|one|evening|weekend"
        r"|afternoon|night)(?: too)?",
        r"you too|you as well|same to you",
        # closings, the answer to "anything else?"
        r"(?:that is|that's|that was|that will be|that would be|it will be|it is|it was)"
        r"(?: (?:gonna|going to) be)? (?:all|it|everything)"
        r"(?: (?:that )?i (?:need|needed|wanted)(?: help with)?)?(?: for (?:today|now))?",
        r"(?:that is|that's|that was|that will|that will be) (?:gonna |going to )?do it",
        r"nothing else|no more questions|i am (?:all )?(?:good|set)|i do not think so",
        r"you (?:have|were) (?:been )?(?:very |really |so )?(?:helpful|great|kind)",
    ],
    "fr": [
        r"merci(?: a vous| (?:beaucoup|bien|infiniment|encore))?(?: (?:pour|de) (?:votre aide"
        r"|tout|votre temps|votre patience|votre appel|l'appel|avoir patiente))?",
        r"je vous remercie|c'est (?:tres )?gentil",
        r"bonjour|bonsoir|salut|allo",
        r"comment (?:allez vous|ca va|vous allez)|ca va|et vous|je vais bien",
        r"au revoir|bonne (?:journee|soiree|fin de journee|semaine|continuation|week end)",
        r"a (?:bientot|vous aussi|plus tard)|vous aussi|pareillement|de meme",
        r"c'est (?:tout|bon|parfait)|ce sera tout|ca sera tout|rien d'autre|ca ira",
    ],
}
_COURTESY_PATTERNS = {
    locale: re.compile(r"\b(?:" + "|".join(ps) + r")\b") for locale, ps in _COURTESY.items()
}
# Words that carry no matter of their own around a courtesy ("no, that'll be all, thanks").
_GLUE_WORDS = {
    "en": r"no|nope|yes|yeah|yep|okay|ok|alright|right|so|well|oh|ah|mm|mhm|great|perfect"
    r"|wonderful|awesome|fantastic|excellent|lovely|good|cool|i|think|actually|just|really"
    r"|very|much|sir|ma'am|madam|today|and|then|too|all|that|is|it",
    "fr": r"non|oui|ouais|d'accord|ok|okay|bon|bien|tres|parfait|super|genial|alors|ben|bah"
    r"|eh|ah|oh|madame|monsieur|voila|et|je|pense|vraiment|aujourd'hui|tout|ca",
}
_GLUE = {locale: re.compile(rf"(?:{p})") for locale, p in _GLUE_WORDS.items()}


def _matterless(word: str, locale: str) -> bool:
    return bool(_GLUE.get(locale, _GLUE["en"]).fullmatch(word))


def is_courtesy(text: str, locale: str) -> bool:
    """Greetings, thanks, goodbyes, closings and pleasantries, with nothing else of weight
    (one stray word, such as a name, is allowed)."""
    plain = _plain(text, locale)
    pattern = _COURTESY_PATTERNS.get(locale, _COURTESY_PATTERNS["en"])
    rest, found = pattern.subn(" ", plain)
    left = [w for w in rest.split() if not _matterless(w, locale)]
    return found > 0 and len(left) <= 1


def is_minimal(text: str, locale: str) -> bool:
    """A backchannel or a bare yes/no/okay: an answer with no matter of its own."""
    plain = _plain(text, locale).split()
    return is_backchannel(text, locale) or (
        bool(plain) and all(_matterless(w, locale) for w in plain)
    )


_YES_NO = {
    "en": re.compile(r"\b(?:yes|yeah|yep|no|nope|correct|right|exactly|that's right)\b"),
    "fr": re.compile(r"\b(?:oui|ouais|non|exact|exactement|tout a fait|c'est ca|c'est bien ca)\b"),
}


def answers(text: str, locale: str) -> bool:
    """A short answer to a yes/no question, courtesy around it or not ("yes, thank you")."""
    if is_minimal(text, locale):
        return True
    pattern = _YES_NO.get(locale, _YES_NO["en"])
    return is_courtesy(text, locale) and bool(pattern.search(_plain(text, locale)))


def echoes(text: str, heard: str, locale: str) -> bool:
    """A short read-back of words just heard, as the other person dictates them ("two
    seventeen", « zéro six douze »), an "okay" around it or not."""
    mine = _plain(text, locale).split()
    while mine and is_backchannel(mine[0], locale):
        mine.pop(0)
    while mine and is_backchannel(mine[-1], locale):
        mine.pop()
    if not mine or len(mine) > 5:
        return False
    # what was just said: the last few words heard
    theirs = _plain(heard, locale).split()[-(len(mine) + 2) :]
    return any(theirs[i : i + len(mine)] == mine for i in range(len(theirs) - len(mine) + 1))


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (all of it when it has no sentence punctuation)."""
    found = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    return found or [text]


_QUESTION_WORDS = {
    "en": r"(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can"
    r"|could|would|will|shall|should|may|have|has|am)\b",
    "fr": r"(?:est ce qu|qu est ce|qu'est ce|quel|quelle|quels|quelles|quand|comment|pourquoi"
    r"|combien|ou\b|\w+(?:ez|es|ons) vous\b)",
}
_LEAD = {
    "en": r"(?:(?:okay|ok|alright|and|so|great|sure|sorry|right|now|well|i am sorry"
    r"|excuse me) )*",
    "fr": r"(?:(?:alors|et|donc|bon|bien|d'accord|ok|okay|tres bien|pardon|excusez moi) )*",
}
_TAG_QUESTION = {
    "en": re.compile(r"\b(?:is that (?:correct|right)|anything else)$"),
    "fr": re.compile(r"\b(?:c'est (?:bien )?ca|c'est correct|autre chose)$"),
}


def asks(text: str, locale: str) -> bool:
    """Does ``text`` end by asking the other person something (the floor passes to them)?"""
    text = clean(text).strip()
    if not text:
        return False
    last = sentences(text)[-1].strip()
    if re.search(r"[.!?…]", text):
        return last.endswith("?")
    # An unpunctuated transcript: a question starts with a question word or an inversion.
    plain = _plain(last, locale)
    lead = _LEAD.get(locale, _LEAD["en"])
    start = re.compile("^" + lead + _QUESTION_WORDS.get(locale, _QUESTION_WORDS["en"]))
    tag = _TAG_QUESTION.get(locale, _TAG_QUESTION["en"])
    return bool(start.match(plain) or tag.search(plain))


_ANYTHING_ELSE = {
    "en": re.compile(r"\banything else\b|\bsomething else\b"),
    "fr": re.compile(r"\bautre chose\b|\bquelque chose d'autre\b"),
}


def offers_more(text: str, locale: str) -> bool:
    """The closing question: "anything else I can help you with?"."""
    return bool(_ANYTHING_ELSE.get(locale, _ANYTHING_ELSE["en"]).search(_plain(text, locale)))


_HOLD = {
    "en": re.compile(
        r"\bon hold\b|\bhold the line\b|\bmind holding\b|\b(?:can|could|would) you hold\b"
    ),
    "fr": re.compile(r"\ben attente\b|\bpatienter\b|\bquittez pas\b"),
}


def asks_to_hold(text: str, locale: str) -> bool:
    """The agent asks for or announces a hold: the customer knows why the line goes quiet."""
    return bool(_HOLD.get(locale, _HOLD["en"]).search(_plain(text, locale)))


_WAIT = {
    "en": re.compile(
        r"\b(?:one|a|just a|wait a|give me a) (?:second|sec|moment|minute|mo)\b"
        r"|\blet me (?:just )?(?:check|see|look|pull|find|get|bring|have a look)\b"
        r"|\bbear with me\b|\bhold on\b"
    ),
    "fr": re.compile(
        r"\b(?:un|une) (?:petite )?(?:instant|seconde|minute|moment)\b"
        r"|\blaissez moi (?:verifier|regarder|chercher|voir)\b"
        r"|\bje (?:vais )?(?:verifie|regarde|cherche|verifier|regarder|chercher)\b"
        r"|\battendez\b"
    ),
}


# A wait is a short sentence of its own: "in a minute" inside an answer is not one.
_WAIT_WORDS = 8


def waits(text: str, locale: str) -> bool:
    """The turn ends on a bare wait: "one second", « je regarde »."""
    last = _plain(sentences(clean(text))[-1], locale)
    pattern = _WAIT.get(locale, _WAIT["en"])
    return len(last.split()) <= _WAIT_WORDS and bool(pattern.search(last))


def keeps_floor(text: str, locale: str) -> bool:
    """The agent spoke without answering: a bare wait or only an acknowledgement ("okay",
    "uh"). Whatever silence follows is still theirs."""
    return is_minimal(text, locale) or waits(text, locale)


_CUT_OFF = re.compile(r"[—–-]\s*$|\w~\s*$")


def cut_off(text: str) -> bool:
    """The speaker was cut off: the transcript ends on a dash or a cut-off word (``car~``)."""
    return bool(_CUT_OFF.search(text.rstrip(" \"'»”")))
