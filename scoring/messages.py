"""What the built-in scorers say, in the language of the call."""

from __future__ import annotations

NAMESPACE = "scoring"
"""The application's catalogue (``simulator.i18n.catalogue``) takes these messages in as
``scoring.<key>``; the scorer itself imports nothing from the application."""

MESSAGES: dict[str, dict[str, str]] = {
    "too_fast": {
        "en": "You spoke at {wpm:.0f} words a minute, faster than the {low:.0f}–{high:.0f} band. "
        "People speak too fast when they are nervous.",
        "fr": "Vous avez parlé à {wpm:.0f} mots par minute, au-dessus de la plage {low:.0f}–{high:.0f}. "
        "On parle trop vite quand on est nerveux.",
    },
    "too_fast.fix": {
        "en": "Slow down on purpose and put pauses between your sentences: you will sound more "
        "confident.",
        "fr": "Ralentissez volontairement et marquez des pauses entre vos phrases : vous paraîtrez "
        "plus sûr de vous.",
    },
    "too_slow": {
        "en": "You spoke at {wpm:.0f} words a minute, slower than the {low:.0f}–{high:.0f} band.",
        "fr": "Vous avez parlé à {wpm:.0f} mots par minute, en dessous de la plage "
        "{low:.0f}–{high:.0f}.",
    },
    "too_slow.fix": {
        "en": "Keep a steady, lively pace: the customer's time is precious.",
        "fr": "Gardez un rythme posé mais vivant : le temps du client est précieux.",
    },
    "good_pace": {
        "en": "Steady pace: {wpm:.0f} words a minute.",
        "fr": "Rythme posé : {wpm:.0f} mots par minute.",
    },
    "dead_air": {
        "en": "{seconds:.1f} s of silence before you answered.",
        "fr": "{seconds:.1f} s de silence avant votre réponse.",
    },
    "dead_air.fix": {
        "en": 'Acknowledge at once, even while you look something up: "Let me check that for '
        'you right now."',
        "fr": "Répondez tout de suite, même pendant une recherche : « Je regarde cela pour vous "
        "tout de suite. »",
    },
    "long_pause": {
        "en": "A {seconds:.1f} s pause in the middle of your answer.",
        "fr": "Une pause de {seconds:.1f} s au milieu de votre réponse.",
    },
    "long_pause.fix": {
        "en": "Short pauses between sentences help; long ones sound unsure. Say what you are doing.",
        "fr": "De courtes pauses entre les phrases aident ; les longues font hésitant. Dites ce que "
        "vous faites.",
    },
    "speeding_up": {
        "en": "You sped up as the call went on: from {first:.0f} to {last:.0f} words a minute.",
        "fr": "Vous avez accéléré au fil de l'appel : de {first:.0f} à {last:.0f} mots par minute.",
    },
    "speeding_up.fix": {
        "en": "Under pressure, slow down deliberately rather than speed up.",
        "fr": "Sous la pression, ralentissez volontairement au lieu d'accélérer.",
    },
    "talk_over_core": {
        "en": "You talked over the customer while they were explaining their complaint.",
        "fr": "Vous avez coupé la parole au client pendant qu'il exposait sa réclamation.",
    },
    "talk_over_core.fix": {
        "en": "Listen first, let them finish, then recap what will be done, when and by whom.",
        "fr": "Écoutez d'abord, laissez-le finir, puis récapitulez quoi faire, quand et qui le fera.",
    },
    "steer_with_name": {
        "en": "You brought a digression back to the point, using the customer's name.",
        "fr": "Vous avez ramené une digression au sujet en utilisant le nom du client.",
    },
    "steer_without_name": {
        "en": "You cut into a digression to bring it back to the point; using the customer's name "
        "makes it polite.",
        "fr": "Vous avez interrompu une digression pour revenir au sujet ; utiliser le nom du client "
        "rend l'interruption polie.",
    },
    "steer_without_name.fix": {
        "en": '"{name}, first we need to…"',
        "fr": "« {name}, nous devons d'abord… »",
    },
    "missing.acknowledge": {
        "en": "You never acknowledged how the customer feels.",
        "fr": "Vous n'avez jamais reconnu ce que ressent le client.",
    },
    "missing.acknowledge.fix": {
        "en": '"I understand how frustrating this is."',
        "fr": "« Je comprends que ce soit agaçant. »",
    },
    "missing.apologise": {
        "en": "You never apologised for the trouble.",
        "fr": "Vous ne vous êtes jamais excusé pour le désagrément.",
    },
    "missing.apologise.fix": {
        "en": '"I\'m sorry for the trouble this has caused you."',
        "fr": "« Je suis désolé pour le désagrément. »",
    },
    "missing.reformulate": {
        "en": "You never restated the customer's problem to confirm you understood it.",
        "fr": "Vous n'avez jamais reformulé le problème du client pour confirmer que vous l'aviez "
        "compris.",
    },
    "missing.reformulate.fix": {
        "en": '"If I understand correctly, you were charged twice for…"',
        "fr": "« Si je comprends bien, vous avez été facturé deux fois pour… »",
    },
    "missing.name": {
        "en": "You never used the customer's name.",
        "fr": "Vous n'avez jamais utilisé le nom du client.",
    },
    "missing.name.fix": {
        "en": 'Use their name: "{name}, …"',
        "fr": "Utilisez son nom : « {name}, … »",
    },
    "missing.offer_help": {
        "en": "You never offered your help.",
        "fr": "Vous n'avez jamais proposé votre aide.",
    },
    "missing.offer_help.fix": {
        "en": '"Let me take care of this for you."',
        "fr": "« Je vais m'en occuper pour vous. »",
    },
    "missing.next_step": {
        "en": "You never stated the next step: what will be done, when, and by whom.",
        "fr": "Vous n'avez jamais annoncé la suite : quoi, quand et qui.",
    },
    "missing.next_step.fix": {
        "en": "\"I'll send you the replacement today; you'll have it by Friday.\"",
        "fr": "« Je vous envoie le remplacement aujourd'hui ; vous l'aurez d'ici vendredi. »",
    },
}


def say(key: str, locale: str, **values: object) -> str:
    """The message ``key`` in ``locale`` (English when the locale has none)."""
    texts = MESSAGES[key]
    return texts.get(locale, texts["en"]).format(**values)
