"""The phrases the end-of-turn benchmarks say: finished sentences, and phrases broken off
where a person pauses to think ("I will check your account and,").

- ``PHRASES``: the live benchmark's (``benchmarks/end_of_turn.py``): its replies that end
  normally, and its replies with a thinking pause as (before the pause, after it). The
  end-of-turn rules were written against these.
- ``HELD_OUT``: as many other finished sentences and broken-off phrases, written after the
  rules were, and never used to tune them;
- ``LATER``: as many again, written after the recogniser's doubt about a last word
  (``UNSURE`` in ``simulator/voice/end_of_turn.py``) was first tried, before it was
  measured on them;
- ``FRESH``: as many again, written after the rules on « soit…, soit » and on « là »
  after a preposition, which were written for two of the held-out phrases, and before
  anything was measured on them.

:func:`pauses` gives the live benchmark its own thinking pauses, the unseen ones (held
out and later) or the fresh ones, each followed by one of a few plain continuations:
what follows a pause does not change whether the pause was cut into. :func:`add_voice_options`
gives every benchmark that says them the same ``--en-voice`` and ``--fr-voice``.
"""

from __future__ import annotations

import argparse

from benchmarks.turn_gap import SENTENCES

PHRASES = {
    "en": {
        "normal": SENTENCES,
        "pause": [
            ("I will check your account and,", "send you the refund today."),
            ("Let me have a look at the,", "order history for you."),
            ("I can see the charge, and,", "I will reverse it this afternoon."),
            ("I understand, and I will,", "call the courier right now."),
            ("So what I can do is,", "send a new kettle by Friday."),
            ("I'm sorry about this, because,", "you should have had it on Monday."),
            ("I will send you an email with the,", "tracking number in a minute."),
            ("Let me just, um,", "check the delivery address."),
            ("First I need to,", "confirm your postcode."),
            ("I can offer you a refund or,", "a replacement, whichever you prefer."),
        ],
    },
    "fr": {
        "normal": [
            "Je suis désolé pour ce retard.",
            "Je comprends votre agacement, madame.",
            "Je vérifie votre compte tout de suite.",
            "Vous recevrez le remboursement vendredi.",
            "Je vous envoie une nouvelle bouilloire aujourd'hui.",
            "Le colis est parti ce matin.",
            "Je vous rappelle avant dix-sept heures.",
            "Je m'en occupe personnellement.",
            "Vous avez tout à fait raison.",
            "Je vous confirme l'annulation par e-mail.",
        ],
        "pause": [
            ("Je vais vérifier votre compte et,", "vous envoyer le remboursement aujourd'hui."),
            ("Je regarde tout de suite parce que,", "votre colis aurait dû arriver lundi."),
            ("Je vais vous,", "rappeler avant dix-sept heures."),
            ("Ce que je peux faire, c'est,", "vous envoyer une nouvelle bouilloire."),
            ("Je vois le prélèvement sur le,", "relevé du mois dernier."),
            ("Je suis désolé, et je vais,", "contacter le transporteur."),
            ("Euh, je dois d'abord,", "confirmer votre adresse."),
            ("Je vous envoie un e-mail avec le,", "numéro de suivi."),
            ("Je peux vous proposer un remboursement ou,", "un échange, comme vous préférez."),
            ("Alors, il faut que,", "je vérifie la date de livraison."),
        ],
    },
}
HELD_OUT = {
    "en": {
        "finished": [
            "Thank you for your patience.",
            "I have cancelled the order.",
            "The technician comes on Monday morning.",
            "You will get an email in ten minutes.",
            "That is completely fair.",
            "I will call you back tomorrow.",
            "Your account is up to date now.",
            "I am transferring you to my manager.",
            "The refund is on its way.",
            "I have noted everything.",
            "Is there anything else I can do for you?",
            "I understand why you are upset.",
        ],
        "broken off": [
            "I have looked at your file and,",
            "The technician will come on the,",
            "What I suggest is that we,",
            "Your contract says that,",
            "I am going to transfer you to,",
            "Before I do that, I need your,",
            "The refund will go back to your,",
            "I completely understand, but,",
            "If you can give me the,",
            "We can either send a technician or,",
            "I will ask my manager to,",
            "There was a problem with the,",
        ],
    },
    "fr": {
        "finished": [
            "Merci pour votre patience.",
            "J'ai annulé la commande.",
            "Le technicien passe lundi matin.",
            "Vous recevrez un e-mail dans dix minutes.",
            "C'est tout à fait normal.",
            "Je vous rappelle demain.",
            "Votre compte est à jour.",
            "Je vous passe mon responsable.",
            "Le remboursement est en cours.",
            "J'ai tout noté.",
            "Puis-je faire autre chose pour vous ?",
            "Je comprends pourquoi vous êtes contrarié.",
        ],
        "broken off": [
            "J'ai regardé votre dossier et,",
            "Le technicien passera le,",
            "Ce que je vous propose, c'est que,",
            "Votre contrat prévoit que,",
            "Je vais vous transférer vers,",
            "Avant cela, j'ai besoin de votre,",
            "Le remboursement sera versé sur votre,",
            "Je comprends tout à fait, mais,",
            "Si vous pouvez me donner le,",
            "Nous pouvons soit envoyer un technicien, soit,",
            "Je vais demander à mon responsable de,",
            "Il y a eu un problème avec la,",
        ],
    },
}
LATER = {
    "en": {
        "finished": [
            "Your parcel left the warehouse this morning.",
            "I have added a note to your account.",
            "We will replace the router free of charge.",
            "The payment went through yesterday.",
            "I can see exactly what happened.",
            "Sorry for the wait, Mr Patel.",
            "The new card should arrive next week.",
            "Let me put you through to billing.",
            "Your booking is confirmed.",
            "I would be annoyed too.",
            "Could you spell your surname for me?",
            "That fee has now been removed.",
        ],
        "broken off": [
            "I have just sent the,",
            "The charge you can see is from,",
            "What happened is that our,",
            "So the next step would be to,",
            "I can either refund it or,",
            "Give me one second while I,",
            "Your order was delayed because,",
            "The engineer said that the,",
            "If you look at the top of your,",
            "I will make sure that,",
            "We normally send a,",
            "I am going to need your,",
        ],
    },
    "fr": {
        "finished": [
            "Votre colis a quitté l'entrepôt ce matin.",
            "J'ai ajouté une note à votre dossier.",
            "Nous remplaçons la box gratuitement.",
            "Le paiement est passé hier.",
            "Je vois exactement ce qui s'est passé.",
            "Désolé pour l'attente, Monsieur Martin.",
            "La nouvelle carte arrive la semaine prochaine.",
            "Je vous transfère au service facturation.",
            "Votre réservation est confirmée.",
            "Je serais agacé moi aussi.",
            "Pouvez-vous épeler votre nom ?",
            "Ces frais ont été annulés.",
        ],
        "broken off": [
            "Je viens de vous envoyer le,",
            "Le prélèvement que vous voyez vient de,",
            "Ce qui s'est passé, c'est que notre,",
            "La prochaine étape serait de,",
            "Je peux soit vous rembourser, soit,",
            "Laissez-moi une seconde pendant que je,",
            "Votre commande a été retardée parce que,",
            "Le technicien m'a dit que le,",
            "En haut de votre,",
            "Je vais m'assurer que,",
            "Nous envoyons normalement un,",
            "J'aurai besoin de votre,",
        ],
    },
}
"""A second held-out set, written after the recogniser's doubt about the last word
(``UNSURE``) was first tried and before it was measured on them."""
FRESH = {
    "en": {
        "finished": [
            "I am passing your case to the technical team.",
            "The driver came by at noon.",
            "You can call me back whenever you like.",
            "I promise you an answer tomorrow.",
            "The request is logged.",
            "I need your customer number.",
            "The problem comes from the meter.",
            "I can offer you a goodwill gesture.",
            "Let's start with your address.",
            "Your bill has a mistake on it.",
            "I will post it to you.",
            "I understand, that is frustrating.",
        ],
        "broken off": [
            "I am going to pass your case to the,",
            "The driver did come by but,",
            "You can call me back when,",
            "I can promise you that,",
            "I will put in a request for,",
            "I just need your customer number and,",
            "The problem probably comes from the,",
            "I would rather offer you a,",
            "Let's start with,",
            "Your bill has a mistake on the,",
            "I will send that to you by,",
            "Just to be sure, I am going to,",
        ],
    },
    "fr": {
        "finished": [
            "Je transmets votre dossier au service technique.",
            "Le livreur est passé à midi.",
            "Vous pouvez me rappeler quand vous voulez.",
            "Je vous garantis une réponse demain.",
            "La demande est enregistrée.",
            "Il me faut votre numéro de client.",
            "Le problème vient du compteur.",
            "Je vous propose un geste commercial.",
            "On commence par votre adresse.",
            "Votre facture comporte une erreur.",
            "Je vous l'envoie par courrier.",
            "Je comprends, c'est frustrant.",
        ],
        "broken off": [
            "Je vais transmettre votre dossier au,",
            "Le livreur est passé mais,",
            "Vous pouvez me rappeler quand,",
            "Je vous garantis que,",
            "Je vais faire une demande de,",
            "Il me faut juste votre numéro de,",
            "Le problème vient sans doute du,",
            "Je préfère vous proposer un,",
            "On va commencer par,",
            "Votre facture comporte une erreur sur la,",
            "Je vais vous envoyer ça par,",
            "Pour être sûr, je vais,",
        ],
    },
}
"""A third held-out set, written after the rules on « soit…, soit » and « avec là »."""


CONTINUATIONS = {
    "en": ["the rest of it today.", "everything you need.", "a new one this week."],
    "fr": ["le reste aujourd'hui.", "tout ce qu'il vous faut.", "un nouveau cette semaine."],
}
"""What the agent says after an unseen phrase's pause, taken in turn."""


def pauses(locale: str, which: str = "own") -> list[tuple[str, str]]:
    """Replies with a thinking pause as (before, after): the live benchmark's ``own``, or
    the ``unseen`` (held-out and later) or ``fresh`` broken-off phrases, each with a
    continuation."""
    if which == "own":
        return list(PHRASES[locale]["pause"])
    if which == "fresh":
        broken = FRESH[locale]["broken off"]
    else:
        broken = HELD_OUT[locale]["broken off"] + LATER[locale]["broken off"]
    endings = CONTINUATIONS[locale]
    return [(phrase, endings[i % len(endings)]) for i, phrase in enumerate(broken)]


def sets(locale: str) -> dict[str, dict[str, list[str]]]:
    """A language's four sets (benchmark, held out, later, fresh), each of finished sentences
    and phrases broken off: the benchmark's own are the first halves of its replies with
    a thinking pause."""
    phrases = PHRASES[locale]
    benchmark = {
        "finished": list(phrases["normal"]),
        "broken off": [first for first, _ in phrases["pause"]],
    }
    return {
        "benchmark": benchmark,
        "held out": HELD_OUT[locale],
        "later": LATER[locale],
        "fresh": FRESH[locale],
    }


def add_voice_options(parser: argparse.ArgumentParser) -> None:
    """``--en-voice`` and ``--fr-voice``: the eSpeak NG voice the agent's replies are
    said in (default: eSpeak NG's own for the language)."""
    for locale, example in (("en", "mb-en1"), ("fr", "mb-fr4")):
        parser.add_argument(
            f"--{locale}-voice",
            metavar="VOICE",
            help=f"eSpeak NG voice for the {locale} replies (default: its own; MBROLA: {example})",
        )


def voices(args: argparse.Namespace) -> dict[str, str | None]:
    """The voice named for each language's replies (None: eSpeak NG's own)."""
    return {"en": args.en_voice, "fr": args.fr_voice}
