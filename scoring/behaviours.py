"""What the agent did in each turn, read in the context of the call.

The rule packs find phrases; this module decides which of them count. A phrase is
read with what came before it: the customer's words (a restatement must restate
something they said), the agent's own earlier turns (a formula said again earns
nothing the second time). The live engine, ``score``, ``rescore`` and reports all
read the agent's turns through :func:`turn_evidence`, so they judge alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scoring.findings import Finding
from scoring.needs import Need, read_need
from scoring.phrases import turn_findings
from scoring.rules import CompiledRule, TurnContext, compile_pattern
from scoring.speech_acts import asks, clean, is_courtesy, offers_more
from scoring.spoken import normalise, words
from scoring.transcript import Transcript

# A turn sharing this much of its wording with an earlier agent turn says it again.
REPEAT_OVERLAP = 0.8
REPEAT_MIN_WORDS = 4


def context_for(transcript: Transcript, index: int) -> TurnContext:
    """What a rule may know when it reads agent turn ``index``."""
    before = transcript.turns[:index]
    said = tuple(t.text for t in before if t.speaker == "customer")
    previous = transcript.previous_customer(index)
    return TurnContext(transcript.customer_name, previous[1].text if previous else None, said)


def _wording(text: str, locale: str) -> set[str]:
    return set(words(normalise(text, locale).text.lower()))


def repeats_earlier(transcript: Transcript, index: int) -> int | None:
    """The earlier agent turn that turn ``index`` says again, nearly word for word."""
    mine = _wording(transcript.turns[index].text, transcript.locale)
    if len(mine) < REPEAT_MIN_WORDS:
        return None
    for earlier, turn in transcript.agent_turns():
        if earlier >= index:
            break
        theirs = _wording(turn.text, transcript.locale)
        if theirs and len(mine & theirs) / len(mine | theirs) >= REPEAT_OVERLAP:
            return earlier
    return None


_WHEN = {
    "en": r"today|tonight|tomorrow|this (?:morning|afternoon|evening|week|month)|next (?:week|month)"
    r"|(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|within|by (?:\w+ )?"
    r"(?:\d+|noon|midday|tonight|tomorrow|the end|end of|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve|monday|tuesday|wednesday|thursday|friday)|before (?:\w+ )?(?:\d+"
    r"|noon|midday|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|the end|you)"
    r"|(?:in|for) (?:the next |about |around )?(?:\d+|an?|one|two|three|four|five|six|seven|ten"
    r"|fifteen|twenty|thirty|a few|a couple of) (?:to \w+ )?(?:minutes?|hours?|days?|working days"
    r"|business days|weeks?)|at \d+|at (?:noon|midday|one|two|three|four|five|six|seven|eight|nine"
    r"|ten|eleven|twelve|quarter)|\d+ ?(?:am|pm|a m|p m)|(?:a m|p m)\b|right away|straight away"
    r"|right now|immediately|now\b|next (?:bill|statement|invoice)|as soon as",
    "fr": r"aujourd'hui|ce soir|demain|ce matin|cet apres midi|cette (?:semaine|nuit)|la semaine"
    r" prochaine|le mois prochain|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|d'ici"
    r"|avant (?:\d+|midi|ce soir|demain|la fin|lundi|mardi|mercredi|jeudi|vendredi|samedi)"
    r"|sous (?:\d+|deux|trois|quatre|cinq|huit|dix|quinze)|dans (?:l'heure|la journee|\d+|une"
    r"|un|deux|trois|quatre|cinq|dix|quinze)|tout de suite|immediatement|maintenant|des (?:que"
    r"|maintenant|demain|reception)|a \d+ ?h|\d+ ?h\b|a midi|entre \d+|prochaine facture",
}
_DONE = {
    "en": r"(?:have|has|had) (?:just |already |now |also )?(?:been )?(?:\w+ ){0,2}?(?:\w+ed|sent|set|reset|put|made|done|paid|given|taken|sold|shown|written)\b"
    r"|(?:is|are|was|'s) (?:now |all |already )?(?:been )?(?:done|sorted|booked|scheduled|sent"
    r"|set up|reset|confirmed|completed|cancelled|transferred|ordered|processed|successful)"
    r"|(?:that is|that's|it is|it's|all) (?:all )?(?:done|sorted|set)",
    "fr": r"(?:j'ai|on a|nous avons|a ete|ont ete|a bien ete|est bien|sont bien) (?:bien |deja )?"
    r"\w+(?:e|ee|es|ees|is|ise|it|ite|u|ue)\b|c'est (?:fait|note|regle|enregistre|valide|corrige)"
    r"|ca y est|voila c'est fait",
}
_WHENS = {locale: compile_pattern(p) for locale, p in _WHEN.items()}
_DONES = {locale: compile_pattern(p) for locale, p in _DONE.items()}


def says_when(text: str, locale: str) -> bool:
    """Does ``text`` say when something will happen, or that it is already done?"""
    spoken = normalise(text, locale).text
    return bool(_WHENS[locale].search(spoken) or _DONES[locale].search(spoken))


def is_statement(text: str, locale: str) -> bool:
    """Does ``text`` tell the customer something (four words or more, not a question, not
    only courtesy or the closing "anything else?")?"""
    if len(words(clean(text))) < REPEAT_MIN_WORDS:
        return False
    return not (asks(text, locale) or offers_more(text, locale) or is_courtesy(text, locale))


_FILLER = {
    "en": frozenset(
        {
            "okay",
            "ok",
            "so",
            "right",
            "alright",
            "that",
            "that's",
            "is",
            "it",
            "you",
            "said",
            "say",
            "the",
            "and",
            "a",
            "of",
            "for",
            "to",
            "um",
            "uh",
            "yes",
            "yeah",
            "sure",
            "just",
            "was",
            "correct",
        }
    ),
    "fr": frozenset(
        {
            "d'accord",
            "ok",
            "donc",
            "alors",
            "bon",
            "c'est",
            "c",
            "est",
            "vous",
            "avez",
            "dit",
            "dites",
            "le",
            "la",
            "les",
            "de",
            "du",
            "des",
            "et",
            "un",
            "une",
            "oui",
            "bien",
            "voila",
            "euh",
            "correct",
            "exact",
        }
    ),
}


def reads_back(transcript: Transcript, index: int) -> bool:
    """Does agent turn ``index`` read back what the customer just gave (an address, an
    amount, a time) to check it? Most of its words come from the customer's last turns."""
    previous = transcript.previous_customer(index)
    if previous is None:
        return False
    locale = transcript.locale
    theirs: set[str] = set()
    start = previous[0]
    while start > 0 and transcript.turns[start - 1].speaker == "customer":
        start -= 1
    for turn in transcript.turns[start : previous[0] + 1]:
        theirs |= _wording(turn.text, locale)
    mine = _wording(transcript.turns[index].text, locale) - _FILLER[locale]
    shared = mine & theirs
    return len(shared) >= 2 and len(shared) >= 0.6 * len(mine)


# The specifics a customer gives and a recap carries back: figures, days, months.
_DETAIL = {
    "en": re.compile(
        r"\d+|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
        r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
        r"|eighty|ninety|hundred|thousand|monday|tuesday|wednesday|thursday|friday|saturday"
        r"|sunday|january|february|march|april|june|july|august|september|october|november"
        r"|december)\b"
    ),
    "fr": re.compile(
        r"\d+|\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze"
        r"|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille|lundi|mardi"
        r"|mercredi|jeudi|vendredi|samedi|dimanche|janvier|fevrier|mars|avril|mai|juin"
        r"|juillet|aout|septembre|octobre|novembre|decembre)\b"
    ),
}


def _details(text: str, locale: str) -> set[str]:
    return set(_DETAIL[locale].findall(normalise(text, locale).text.lower()))


def recaps_details(transcript: Transcript, index: int) -> bool:
    """Does agent turn ``index`` state back, as a confirmation, a specific the customer
    gave earlier in the call (a figure, a day, a month): "your appointment is booked for
    Tuesday at four thirty"? A question asking for it again does not count."""
    turn = transcript.turns[index]
    if not is_statement(turn.text, transcript.locale):
        return False
    mine = _details(turn.text, transcript.locale)
    if not mine:
        return False
    given: set[str] = set()
    for earlier in transcript.turns[:index]:
        if earlier.speaker == "customer":
            given |= _details(earlier.text, transcript.locale)
    return bool(mine & given)


_NUMBER = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|hundred"
    r"|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|vingt|trente|cent)\b",
    re.IGNORECASE,
)
_COMMON = {
    "en": frozenset(
        {
            "that",
            "this",
            "what",
            "when",
            "where",
            "which",
            "with",
            "would",
            "could",
            "should",
            "have",
            "been",
            "from",
            "your",
            "they",
            "their",
            "them",
            "there",
            "here",
            "about",
            "just",
            "really",
            "very",
            "still",
            "then",
            "than",
            "will",
        }
    ),
    "fr": frozenset(
        {
            "alors",
            "c'est",
            "suis",
            "etes",
            "vraiment",
            "bien",
            "voila",
            "comme",
            "aussi",
            "encore",
            "avec",
            "avez",
            "avoir",
            "cela",
            "cette",
            "dans",
            "donc",
            "elle",
            "elles",
            "etre",
            "fait",
            "faire",
            "leur",
            "mais",
            "meme",
            "nous",
            "pour",
            "quand",
            "quoi",
            "sont",
            "tout",
            "tres",
            "vous",
            "votre",
            "vos",
        }
    ),
}


def _stems(text: str, locale: str) -> set[str]:
    return {w[:5] for w in _wording(text, locale) if len(w) > 3 and w not in _COMMON[locale]}


def ignores(question: str, reply: str, locale: str) -> bool:
    """Does ``reply`` leave the customer's question unanswered: it asks nothing back, gives
    no figure and no time, and takes up none of the question's words?"""
    if not asks(question, locale) or asks(reply, locale) or not reply.strip():
        return False
    if _NUMBER.search(normalise(reply, locale).text) or says_when(reply, locale):
        return False
    return not (_stems(question, locale) & _stems(reply, locale))


def turn_evidence(transcript: Transcript, index: int, rules: list[CompiledRule]) -> list[Finding]:
    """What the rules find in agent turn ``index``, read in context: a turn that repeats
    an earlier one earns no empathy credit."""
    turn = transcript.turns[index]
    found = turn_findings(rules, turn.text, index, turn.start, context_for(transcript, index))
    if repeats_earlier(transcript, index) is not None:
        found = [f for f in found if not (f.dimension == "empathy" and f.polarity == "positive")]
    return found


@dataclass(frozen=True)
class Exchange:
    """The customer's turns in a row, what they asked of the agent, and the agent's
    turns that answered them."""

    customer: tuple[int, ...]
    agent: tuple[int, ...]
    need: Need


def exchanges(transcript: Transcript) -> list[Exchange]:
    """The call as exchanges: each run of customer turns and the agent's answer."""
    result: list[Exchange] = []
    customer: list[int] = []
    agent: list[int] = []

    def close() -> None:
        if customer or agent:
            text = " ".join(transcript.turns[i].text for i in customer)
            need = read_need(text, transcript.locale) if customer else Need()
            result.append(Exchange(tuple(customer), tuple(agent), need))

    for index, turn in enumerate(transcript.turns):
        if turn.speaker == "customer":
            if agent:
                close()
                customer, agent = [], []
            customer.append(index)
        else:
            agent.append(index)
    close()
    return result
