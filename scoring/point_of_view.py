"""A customer's sentence said back by the agent: persons turned round, verbs agreeing.

"my parcel never arrived" becomes "your parcel never arrived", "you charged me twice"
becomes "we charged you twice", « j'ai été prélevé deux fois » becomes « vous avez été
prélevé deux fois », « vous m'avez facturé » becomes « nous vous avons facturé »; the
« ne » that speech drops is put back (« j'ai rien reçu » → « vous n'avez rien reçu »).
When a French verb cannot be made to agree, or a turn of phrase would need more than a
change of person, nothing is returned rather than a wrong sentence.
"""

from __future__ import annotations

import re


def listed(words: str) -> list[str]:
    """A table written as words separated by spaces."""
    return words.split()


# A word; a French elision (j', l', qu'…) is a word of its own, "aujourd'hui" is one word.
WORD = re.compile(
    r"(?i)\b(?:jusqu|lorsqu|puisqu|qu|[jmtlnscd])'(?=\w)|\w+(?:-\w+)*(?:'\w+)*", re.UNICODE
)


def lowered(text: str) -> str:
    return text.lower().replace("’", "'")


# -- English ----------------------------------------------------------------------------

_EN = dict(
    pair.split(">")
    for pair in listed(
        "i>you me>you my>your mine>yours myself>yourself i'm>you're i've>you've i'll>you'll"
        " i'd>you'd we>you us>you our>your ours>yours ourselves>yourselves we're>you're"
        " we've>you've we'll>you'll we'd>you'd your>our yours>ours you're>we're you've>we've"
        " you'll>we'll you'd>we'd"
    )
)
_EN_CLAUSE_START = set(
    listed(
        "and but because so that when if since then or as though although while until cos"
        " after before where"
    )
)


def _turned_en(text: str) -> str:
    text = re.sub(r"\byou (?:lot|guys|people)\b", "you", text, flags=re.IGNORECASE)
    words = list(WORD.finditer(text))
    out: list[str] = []
    pos = 0
    for i, match in enumerate(words):
        word = match.group(0)
        low = word.lower().replace("’", "'")
        prev = words[i - 1].group(0).lower() if i else None
        between = text[words[i - 1].end() : match.start()] if i else ""
        if low == "you":
            subject = prev is None or prev in _EN_CLAUSE_START or bool(set(between) & set(",;:"))
            new = "we" if subject else "us"
        elif low in ("am", "was") and prev == "i" and between.strip() == "":
            new = "are" if low == "am" else "were"
        else:
            new = _EN.get(low, word)
        out += [text[pos : match.start()], new]
        pos = match.end()
    return "".join([*out, text[pos:]])


# -- French -----------------------------------------------------------------------------

# Verbs whose forms no ending rule gives: je, nous, vous.
_FR_VERBS = [
    tuple(forms.split("/"))
    for forms in listed(
        "suis/sommes/êtes ai/avons/avez vais/allons/allez fais/faisons/faites dis/disons/dites"
        " peux/pouvons/pouvez veux/voulons/voulez dois/devons/devez sais/savons/savez"
        " viens/venons/venez reviens/revenons/revenez reçois/recevons/recevez"
        " attends/attendons/attendez comprends/comprenons/comprenez prends/prenons/prenez"
        " vois/voyons/voyez paie/payons/payez paye/payons/payez appelle/appelons/appelez"
        " rappelle/rappelons/rappelez envoie/envoyons/envoyez renvoie/renvoyons/renvoyez"
        " mets/mettons/mettez perds/perdons/perdez réponds/répondons/répondez"
        " crois/croyons/croyez écris/écrivons/écrivez lis/lisons/lisez finis/finissons/finissez"
        " obtiens/obtenons/obtenez pars/partons/partez sors/sortons/sortez vis/vivons/vivez"
        " connais/connaissons/connaissez tiens/tenons/tenez rends/rendons/rendez"
        " entends/entendons/entendez essaie/essayons/essayez achète/achetons/achetez"
        " préfère/préférons/préférez espère/espérons/espérez répète/répétons/répétez"
    )
]
_FR_FORM = {
    (person, form): forms
    for forms in _FR_VERBS
    for person, form in zip(("je", "nous", "vous"), forms, strict=True)
}
_FR_THIRD = {"il", "elle", "ils", "elles", "on"}
_FR_IT = {"ça", "ca", "cela", "c'"}
# The words of a negation that follow its verb straight away (not « plus », which may
# compare, nor « personne », « aucun », which may follow a participle).
_FR_NEGATIONS = {"pas", "rien", "jamais"}
_FR_NOT_A_VERB = {"ou", "si", "pourquoi", "non", "même", "et", "mais", "ne", "n'", "pas"}
_FR_BECOMES = {"je": "vous", "nous": "vous", "vous": "nous"}
_FR_OBJECTS = {"le", "la", "l'", "les", "lui", "leur", "y", "en", "se", "s'"}
_FR_SWAP = dict(
    pair.split(">")
    for pair in listed(
        "mon>votre ma>votre mes>vos notre>votre nos>vos votre>notre vos>nos moi>vous me>vous"
        " m'>vous"
    )
)
_FR_CLAUSE_START = set(
    listed("et mais que qu' quand si car puis donc ou comme lorsque lorsqu' puisque puisqu' parce")
)


def _conjugated(verb: str, subject: str) -> str | None:
    """``verb``, said by ``subject`` (je, nous, vous), said by who that becomes."""
    target = _FR_BECOMES[subject]
    low = verb.lower()
    index = ("je", "nous", "vous").index(target)
    if (subject, low) in _FR_FORM:
        return _FR_FORM[(subject, low)][index]
    if subject == "je":
        for ending, becomes in (("rais", "riez"), ("ais", "iez"), ("rai", "rez"), ("e", "ez")):
            if low.endswith(ending):
                return low[: -len(ending)] + becomes
        return None
    if subject == "nous":
        for ending, becomes in (("geons", "gez"), ("çons", "cez"), ("ons", "ez")):
            if low.endswith(ending):
                return low[: -len(ending)] + becomes
        return None
    for ending, becomes in (("gez", "geons"), ("cez", "çons"), ("ez", "ons")):
        if low.endswith(ending):
            return low[: -len(ending)] + becomes
    return None


def _turned_fr(text: str) -> str | None:
    words = list(WORD.finditer(text))
    out: list[str] = []
    pos = 0
    subject: str | None = None  # a subject turned round (je, nous, vous), its verb to agree
    verb_due = False  # a subject said, its verb not yet
    for i, match in enumerate(words):
        word = match.group(0)
        low = lowered(word)
        prev = lowered(words[i - 1].group(0)) if i else None
        between = text[words[i - 1].end() : match.start()] if i else ""
        starts = prev is None or prev in _FR_CLAUSE_START or bool(set(between) & set(",;:"))
        new = word
        turned_subject = low in ("je", "j'") or (low in ("nous", "vous") and starts)
        if not verb_due and (turned_subject or low in _FR_THIRD or (starts and low in _FR_IT)):
            subject = ("je" if low in ("je", "j'") else low) if turned_subject else None
            if subject:
                new = _FR_BECOMES[subject] + (" " if low == "j'" else "")
            verb_due = True
        elif verb_due:
            if low in ("me", "m'", "nous"):
                new = "vous" + (" " if low == "m'" else "")
            elif low in ("vous", "te", "t'"):
                return None  # « je vous ai appelé » : the participle would have to agree
            elif low not in _FR_OBJECTS and low not in ("ne", "n'"):
                if subject:
                    verb = _conjugated(word, subject)
                    if verb is None:
                        return None
                    new = verb
                subject, verb_due = None, False
        elif low in _FR_SWAP:
            new = _FR_SWAP[low] + (" " if low == "m'" else "")
        elif low in ("nous", "vous"):
            new = _FR_BECOMES[low]
        out += [text[pos : match.start()], new]
        pos = match.end()
    if subject is not None:
        return None
    return _with_ne("".join([*out, text[pos:]]))


def _with_ne(text: str) -> str:
    """``text`` with the « ne » speech drops put back before its verb: « vous avez rien
    reçu » → « vous n'avez rien reçu », « il y a pas » → « il n'y a pas »."""
    words = list(WORD.finditer(text))
    lows = [lowered(w.group(0)) for w in words]
    inserts = []
    for k, low in enumerate(lows):
        if low not in _FR_NEGATIONS or k == 0 or lows[k - 1] in _FR_NOT_A_VERB:
            continue
        start = k - 1
        while start > 0 and not set(text[words[start - 1].end() : words[start].start()]) & set(
            ",;:"
        ):
            start -= 1
        if {"ne", "n'"} & set(lows[start:k]):
            continue
        verb = k - 1
        while verb - 1 > start and lows[verb - 1] in _FR_OBJECTS | {"vous", "nous", "me", "m'"}:
            verb -= 1
        inserts.append(words[verb].start())
    for at in reversed(inserts):
        text = text[:at] + "ne " + text[at:]
    text = re.sub(r"\bc'ne ", "ce ne ", text, flags=re.IGNORECASE)
    return re.sub(r"\b(ne|ce) (?=[aeiouyhéèêAEIOUYHÉÈÊ])", lambda m: m.group(1)[0] + "'", text)


def turned_round(text: str, locale: str) -> str | None:
    """``text``, a customer's words, as the agent would say them back; None when it cannot
    be done faithfully."""
    return _turned_fr(text) if locale == "fr" else _turned_en(text)
