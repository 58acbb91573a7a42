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
        "en": "Answer at once, and keep talking while you look something up (\"I'm opening your "
        'file now…"); if it will take longer, ask first: "May I put you on hold for two minutes '
        'while I check?"',
        "fr": "Répondez tout de suite et parlez pendant la recherche (« J'ouvre votre dossier… ») ; "
        "si cela doit durer, demandez d'abord : « Puis-je vous mettre en attente deux minutes, "
        "le temps de vérifier ? »",
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
    "unanswered.trouble": {
        "en": "The customer told you about a problem or how they feel, and your answer did "
        "not acknowledge it or apologise.",
        "fr": "Le client vous a dit son problème ou son ressenti, et votre réponse ne l'a ni "
        "reconnu ni excusé.",
    },
    "repeated": {
        "en": "You said almost exactly what you had already said: it sounds scripted, and it "
        "earns nothing the second time.",
        "fr": "Vous avez redit presque mot pour mot ce que vous aviez déjà dit : cela sonne "
        "récité, et ne compte pas une deuxième fois.",
    },
    "repeated.fix": {
        "en": "Answer what the customer just said, in new words.",
        "fr": "Répondez à ce que le client vient de dire, avec vos propres mots.",
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
        "en": "Restate the problem in the customer's own words, then check: \"If I understand "
        'correctly, … Is that right?"',
        "fr": "Reformulez le problème avec les mots du client, puis vérifiez : « Si je comprends "
        "bien, … C'est bien ça ? »",
    },
    "missing.reformulate.fix.restated": {
        "en": '"If I understand correctly, {problem}?"',
        "fr": "« Si je comprends bien, {problem} ? »",
    },
    "missing.name": {
        "en": "You never used the customer's name.",
        "fr": "Vous n'avez jamais utilisé le nom du client.",
    },
    "missing.name.fix": {
        "en": 'Use their name: "{name}, …"',
        "fr": "Utilisez son nom : « {name}, … »",
    },
    "missing.name.fix.titles": {
        "en": 'Use their name with the title they go by, "Ms {surname}" or "Mr {surname}"; if '
        'you are not sure which, ask: "How would you like me to address you?"',
        "fr": "Utilisez son nom avec sa civilité, « Madame {surname} » ou « Monsieur {surname} » ; "
        "en cas de doute, demandez : « Comment souhaitez-vous que je vous appelle ? »",
    },
    "missing.name.fix.ask": {
        "en": 'Use their name, with the title they go by; if you are not sure, ask: "How would '
        'you like me to address you?"',
        "fr": "Utilisez son nom, avec la civilité qu'il emploie ; en cas de doute, demandez : "
        "« Comment souhaitez-vous que je vous appelle ? »",
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
        "en": "Tell the customer what happens next, who does it and when: \"I'll call you back "
        'today to tell you where things stand."',
        "fr": "Dites au client ce qui va se passer, qui s'en charge et quand : « Je vous rappelle "
        "aujourd'hui pour vous dire où nous en sommes. »",
    },
    "missing.next_step.fix.action": {
        "en": "Tell the customer what happens next, who does it and when: \"{action}, and I'll "
        'call you back today to tell you where things stand."',
        "fr": "Dites au client ce qui va se passer, qui s'en charge et quand : « {action}, et je "
        "vous rappelle aujourd'hui pour vous dire où nous en sommes. »",
    },
    "fillers.none": {
        "en": "No filler words.",
        "fr": "Aucun mot de remplissage.",
    },
    "fillers.per_minute": {
        "en": "Few filler words: {count} ({which}), {rate:.1f} a minute of your speech "
        "(at most {band:.0f}).",
        "fr": "Peu de mots de remplissage : {count} ({which}), {rate:.1f} par minute de parole "
        "(au plus {band:.0f}).",
    },
    "fillers.per_minute.many": {
        "en": "Many filler words: {count} ({which}), {rate:.1f} a minute of your speech, more "
        "than {band:.0f}. They make you sound unsure.",
        "fr": "Beaucoup de mots de remplissage : {count} ({which}), {rate:.1f} par minute de "
        "parole, plus de {band:.0f}. Ils vous font paraître hésitant.",
    },
    "fillers.per_reply": {
        "en": "Few filler words: {count} ({which}) in {replies} replies.",
        "fr": "Peu de mots de remplissage : {count} ({which}) en {replies} réponses.",
    },
    "fillers.per_reply.many": {
        "en": "Many filler words: {count} ({which}) in {replies} replies, more than one a reply.",
        "fr": "Beaucoup de mots de remplissage : {count} ({which}) en {replies} réponses, plus "
        "d'un par réponse.",
    },
    "fillers.fix": {
        "en": 'Let a short silence do the work of "um" or "you know": a pause sounds sure of '
        "itself, a filler does not.",
        "fr": "Laissez un court silence remplacer « euh » ou « du coup » : une pause paraît sûre "
        "d'elle, un mot de remplissage non.",
    },
    "talk_ratio": {
        "en": "You did {percent:.0f}% of the talking ({agent}, the customer {customer}).",
        "fr": "Vous avez parlé {percent:.0f} % du temps ({agent}, le client {customer}).",
    },
    "talk_ratio.high": {
        "en": "You did {percent:.0f}% of the talking ({agent}, the customer {customer}), more "
        "than {band:.0f}% on a complaint call: the customer needs to be heard.",
        "fr": "Vous avez parlé {percent:.0f} % du temps ({agent}, le client {customer}), plus de "
        "{band:.0f} % sur une réclamation : le client a besoin d'être écouté.",
    },
    "talk_ratio.fix": {
        "en": 'Ask, then listen: "Tell me what happened." Let them finish before you explain.',
        "fr": "Posez une question, puis écoutez : « Racontez-moi ce qui s'est passé. » Laissez-le "
        "finir avant d'expliquer.",
    },
    "monologue": {
        "en": "Your longest stretch without the customer speaking: {seconds:.0f} s ({words} words).",
        "fr": "Votre plus long temps de parole sans que le client parle : {seconds:.0f} s "
        "({words} mots).",
    },
    "monologue.long": {
        "en": "You spoke for {seconds:.0f} s ({words} words) without the customer saying a word; "
        "past {band:.0f} s a listener stops taking it in.",
        "fr": "Vous avez parlé {seconds:.0f} s ({words} mots) sans que le client dise un mot ; "
        "au-delà de {band:.0f} s, on n'écoute plus.",
    },
    "monologue.fix": {
        "en": 'Explain in steps and check in between them: "Does that make sense so far?"',
        "fr": "Expliquez par étapes et vérifiez entre deux : « Jusque-là, c'est clair pour vous ? »",
    },
    "questions": {
        "en": "Questions asked: {count}.",
        "fr": "Questions posées : {count}.",
    },
    "questions.none": {
        "en": "You asked no question in {replies} replies: you never checked what the customer "
        "needed or whether you had understood.",
        "fr": "Vous n'avez posé aucune question en {replies} réponses : vous n'avez jamais vérifié "
        "ce dont le client avait besoin ni si vous l'aviez compris.",
    },
    "questions.fix": {
        "en": '"If I understand correctly, … is that right?" and, before closing, "Is there '
        'anything else I can do for you?"',
        "fr": "« Si je comprends bien, … c'est bien ça ? » et, avant de conclure, « Puis-je faire "
        "autre chose pour vous ? »",
    },
}


def say(key: str, locale: str, **values: object) -> str:
    """The message ``key`` in ``locale`` (English when the locale has none)."""
    texts = MESSAGES[key]
    return texts.get(locale, texts["en"]).format(**values)
