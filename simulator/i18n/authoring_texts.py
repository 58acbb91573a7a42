"""What a trainer reads while writing scenarios and rule packs (``author.*``), in the
interface language: the four customer types explained, a branch's conditions in words,
what ``scenarios new`` and ``scenarios preview`` say, and the warnings ``rules validate``
gives on a pack that loads but will not work as meant.
"""

from __future__ import annotations

AUTHORING_TEXTS: dict[str, dict[str, str]] = {
    # The four customer types in a line each (simulator.conversation.personas).
    "author.persona.active_hater": {
        "en": "dislikes you whatever you do: empathy barely reaches them, every mistake "
        "costs a lot",
        "fr": "vous déteste quoi que vous fassiez : l'empathie le touche à peine, chaque "
        "erreur coûte cher",
    },
    "author.persona.extreme_critic": {
        "en": "does not dislike you but notices every mistake: facts and concrete steps "
        "win them over",
        "fr": "ne vous déteste pas mais remarque chaque erreur : les faits et les actions "
        "concrètes le convainquent",
    },
    "author.persona.loyal_irritated": {
        "en": "a loyal customer, now irritated and wondering whether to leave: being heard "
        "and put right wins them back",
        "fr": "un client fidèle, désormais irrité, qui se demande s'il va partir : être "
        "écouté et voir le problème réparé le reconquiert",
    },
    "author.persona.passionate_loyal": {
        "en": "one of your best customers, still fond of you: the complaint is a crack in "
        "the door for competitors, and a careless word hurts",
        "fr": "l'un de vos meilleurs clients, toujours attaché à vous : sa plainte est une "
        "fissure dans la porte pour la concurrence, et un mot maladroit le blesse",
    },
    # roleplay scenarios new
    "author.new.types": {"en": "The customer types:", "fr": "Les types de client :"},
    "author.new.type": {
        "en": "  {value:<17} {name} — {about}",
        "fr": "  {value:<17} {name} — {about}",
    },
    "author.new.ask_locale": {"en": "Language", "fr": "Langue"},
    "author.new.ask_persona": {"en": "Customer type", "fr": "Type de client"},
    "author.new.ask_channel": {"en": "Channel", "fr": "Canal"},
    "author.new.ask_customer_name": {"en": "Customer name", "fr": "Nom du client"},
    "author.new.ask_title": {"en": "Title", "fr": "Titre"},
    "author.new.wrote": {"en": "Wrote {path}", "fr": "Scénario écrit : {path}"},
    "author.new.next": {
        "en": "Next: edit it, then 'roleplay scenarios preview {path}' to play it and "
        "'roleplay scenarios test {path}' to run its example runs.",
        "fr": "Ensuite : modifiez-le, puis 'roleplay scenarios preview {path}' pour le jouer "
        "et 'roleplay scenarios test {path}' pour lancer ses parties d'exemple.",
    },
    # roleplay scenarios preview: a branch's conditions in words.
    "author.when.otherwise": {
        "en": "otherwise (no condition)",
        "fr": "sinon (aucune condition)",
    },
    "author.when.and": {"en": "{first} and {last}", "fr": "{first} et {last}"},
    "author.when.or": {"en": "{first} or {last}", "fr": "{first} ou {last}"},
    "author.when.avoided_phrase.true": {
        "en": "a phrase to avoid was said",
        "fr": "une phrase à éviter a été dite",
    },
    "author.when.avoided_phrase.false": {
        "en": "no phrase to avoid was said",
        "fr": "aucune phrase à éviter n'a été dite",
    },
    "author.when.empathy": {"en": "the reply showed {parts}", "fr": "la réponse montre {parts}"},
    "author.when.empathy_min.one": {
        "en": "at least {count} sign of empathy",
        "fr": "au moins {count} signe d'empathie",
    },
    "author.when.empathy_min.many": {
        "en": "at least {count} signs of empathy",
        "fr": "au moins {count} signes d'empathie",
    },
    "author.when.says": {
        "en": "the reply says {patterns}",
        "fr": "la réponse dit {patterns}",
    },
    "author.when.interrupted.core": {
        "en": "the agent interrupted the complaint",
        "fr": "l'agent a coupé la parole pendant la réclamation",
    },
    "author.when.interrupted.digression": {
        "en": "the agent interrupted a digression",
        "fr": "l'agent a interrompu une digression",
    },
    "author.when.silent.true": {"en": "the agent said nothing", "fr": "l'agent n'a rien dit"},
    "author.when.silent.false": {
        "en": "the agent said something",
        "fr": "l'agent a dit quelque chose",
    },
    "author.when.mood_below": {
        "en": "the mood is below {value}",
        "fr": "l'humeur est sous {value}",
    },
    "author.when.mood_at_least": {
        "en": "the mood is at least {value}",
        "fr": "l'humeur est d'au moins {value}",
    },
    "author.when.objectives": {
        "en": "the call has met {names}",
        "fr": "l'appel a atteint {names}",
    },
    "author.when.other": {"en": "{key} is {value}", "fr": "{key} vaut {value}"},
    # The parts of empathy a condition names (scoring.rules.EmpathyCategory).
    "author.empathy.acknowledge": {
        "en": "acknowledging feelings",
        "fr": "reconnaître le ressenti",
    },
    "author.empathy.apologise": {"en": "an apology", "fr": "des excuses"},
    "author.empathy.reformulate": {
        "en": "restating the problem",
        "fr": "reformuler le problème",
    },
    "author.empathy.name": {
        "en": "using the customer's name",
        "fr": "nommer le client",
    },
    "author.empathy.offer_help": {"en": "offering help", "fr": "proposer son aide"},
    "author.empathy.next_step": {
        "en": "a next step (what, when, who)",
        "fr": "une prochaine étape (quoi, quand, qui)",
    },
    # What preview prints after each reply.
    "author.preview.title": {
        "en": "{title} — {customer} ({persona}, mood {mood})",
        "fr": "{title} — {customer} ({persona}, humeur {mood})",
    },
    "author.preview.mood": {"en": "mood {before} → {after}", "fr": "humeur {before} → {after}"},
    "author.preview.branch": {
        "en": "→ branch {number}, {condition} → {node}",
        "fr": "→ branche {number}, {condition} → {node}",
    },
    "author.preview.ends": {
        "en": "→ {node}: the call ends ({outcome})",
        "fr": "→ {node} : l'appel se termine ({outcome})",
    },
    "author.preview.stays": {
        "en": "→ {node}: no branch taken, the customer stays on this point",
        "fr": "→ {node} : aucune branche prise, le client en reste à ce point",
    },
    "author.preview.end": {"en": "[end: {outcome}]", "fr": "[fin : {outcome}]"},
    # roleplay rules validate: warnings on a pack that loads.
    "author.warning": {"en": "warning", "fr": "attention"},
    "author.pattern_rewritten": {
        "en": "the pattern {pattern} can never match: speech is matched in its normal "
        "form, where this reads {normal}",
        "fr": "le motif {pattern} ne peut jamais correspondre : la parole est comparée sous "
        "sa forme normale, où cela s'écrit {normal}",
    },
    "author.pattern_rewritten.fix": {
        "en": "write {normal} instead",
        "fr": "écrivez plutôt {normal}",
    },
    "author.pattern_emptied": {
        "en": "the pattern {pattern} can never match: the normal form of speech leaves "
        "nothing of it (hesitations and punctuation are taken out)",
        "fr": "le motif {pattern} ne peut jamais correspondre : la forme normale de la "
        "parole n'en laisse rien (hésitations et ponctuation sont retirées)",
    },
    "author.pattern_emptied.fix": {
        "en": "remove it, or write the words it should find",
        "fr": "retirez-le, ou écrivez les mots qu'il doit trouver",
    },
    "author.no_examples": {
        "en": "the rule {rule} has no {missing} example, so 'roleplay rules test' fails",
        "fr": "la règle {rule} n'a aucun exemple {missing}, donc 'roleplay rules test' échoue",
    },
    "author.no_examples.fix": {
        "en": "under 'examples:', add 'flag:' sentences it must find and 'pass:' sentences "
        "it must let through",
        "fr": "sous 'examples:', ajoutez des phrases 'flag:' qu'elle doit trouver et des "
        "phrases 'pass:' qu'elle doit laisser passer",
    },
    # roleplay rules test
    "author.normal_form": {
        "en": "        as matched (normal form): {text}",
        "fr": "        telle que comparée (forme normale) : {text}",
    },
}
