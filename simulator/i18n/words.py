"""The words screens, the terminal scorecard and documents share, in French and English.

The names of a scenario's values (``persona.*``, ``channel.*``, ``difficulty.*``,
``outcome.*``) are keyed by the Literals of :mod:`simulator.conversation.scenario`; the
dimensions and severities by those of :mod:`scoring.findings`.

A noun that is also counted (``word.session``: "3 sessions") is written in lower case;
a heading or a column title capitalises it (``Text.capital``, Jinja's ``capitalize``), so
the same word is not kept twice in two casings.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # The four scored dimensions (scoring.findings.Dimension).
    "dimension.pacing": {"en": "Pacing", "fr": "Rythme"},
    "dimension.interruptions": {"en": "Interruptions", "fr": "Interruptions"},
    "dimension.empathy": {"en": "Empathy", "fr": "Empathie"},
    "dimension.avoided_phrases": {"en": "Avoided phrases", "fr": "Phrases à éviter"},
    # How a call ended (simulator.conversation.scenario.Outcome).
    "outcome.resolved": {"en": "resolved", "fr": "résolu"},
    "outcome.escalated": {"en": "escalated", "fr": "escaladé"},
    "outcome.transferred": {"en": "transferred to a manager", "fr": "transféré à un responsable"},
    "outcome.hung_up": {"en": "the customer hung up", "fr": "le client a raccroché"},
    "outcome.stopped": {"en": "stopped before the end", "fr": "arrêté avant la fin"},
    # Not a scenario's ending: roleplay stopped mid-call and the saved turns were scored.
    "outcome.interrupted": {"en": "interrupted", "fr": "interrompu"},
    # Spoken with no word recognised: the customer followed the scenario whatever was said.
    "outcome.not_judged": {
        "en": "not judged (no words heard)",
        "fr": "non jugé (aucun mot entendu)",
    },
    # The customer types (Persona), channels (Channel) and difficulties (Difficulty).
    "persona.active_hater": {"en": "Active hater", "fr": "Détracteur actif"},
    "persona.extreme_critic": {"en": "Extreme critic", "fr": "Critique extrême"},
    "persona.loyal_irritated": {"en": "Loyal, now irritated", "fr": "Fidèle, désormais irrité"},
    "persona.passionate_loyal": {"en": "Passionate loyal", "fr": "Fidèle passionné"},
    "channel.phone": {"en": "Phone", "fr": "Téléphone"},
    "channel.counter": {"en": "At the counter", "fr": "Au comptoir"},
    "channel.letter_followup": {"en": "After a letter", "fr": "Suite à un courrier"},
    "channel.email": {"en": "E-mail", "fr": "E-mail"},
    "channel.sms": {"en": "SMS", "fr": "SMS"},
    "difficulty.easy": {"en": "Easy", "fr": "Facile"},
    "difficulty.medium": {"en": "Medium", "fr": "Moyen"},
    "difficulty.hard": {"en": "Hard", "fr": "Difficile"},
    # The languages of a call (scoring.rules.Locale).
    "language.fr": {"en": "French", "fr": "Français"},
    "language.en": {"en": "English", "fr": "Anglais"},
    # How much a finding matters (scoring.findings.Severity).
    "severity.error": {"en": "Must fix", "fr": "À corriger"},
    "severity.warning": {"en": "Should fix", "fr": "À améliorer"},
    "severity.suggestion": {"en": "Tip", "fr": "Conseil"},
    "severity.info": {"en": "Note", "fr": "Remarque"},
    # Why a dimension has no score (DimensionResult.skipped).
    "skipped.no_timing": {
        "en": "no timing in the transcript",
        "fr": "pas de minutage dans la transcription",
    },
    "skipped.agent_silent": {"en": "the agent never spoke", "fr": "l'agent n'a rien dit"},
    "skipped.no_words": {
        "en": "no words were recognised (speech recognition was off)",
        "fr": "aucun mot reconnu (reconnaissance vocale désactivée)",
    },
    "skipped.nothing_owed": {
        "en": "the customer voiced no problem, feeling or request",
        "fr": "le client n'a exprimé ni problème, ni ressenti, ni demande",
    },
    # Nouns.
    "word.agent": {"en": "agent", "fr": "agent"},
    "word.agents": {"en": "agents", "fr": "agents"},
    "word.customer": {"en": "Customer", "fr": "Client"},
    "word.date": {"en": "Date", "fr": "Date"},
    "word.dimension": {"en": "Dimension", "fr": "Dimension"},
    "word.phrase": {"en": "Phrase", "fr": "Phrase"},
    "word.scenario": {"en": "Scenario", "fr": "Scénario"},
    "word.scenarios": {"en": "scenarios", "fr": "scénarios"},
    "word.session": {"en": "session", "fr": "séance"},
    "word.sessions": {"en": "sessions", "fr": "séances"},
    "word.turn": {"en": "turn", "fr": "tour"},
    # One of the agent's replies, numbered 1, 2, 3… (simulator/reports/replies.py).
    "word.reply": {"en": "reply", "fr": "réponse"},
    "word.wpm": {"en": "wpm", "fr": "mots/min"},
    "word.you": {"en": "You", "fr": "Vous"},
    # The scorecard, wherever it is shown: terminal, terminal UI, documents.
    "card.scorecard": {"en": "Scorecard", "fr": "Bilan"},
    "card.overall": {"en": "Overall", "fr": "Note globale"},
    "card.outcome": {"en": "Outcome", "fr": "Issue"},
    "card.score": {"en": "Score", "fr": "Note"},
    "card.scores": {"en": "Scores", "fr": "Notes"},
    "card.not_scored": {"en": "not scored", "fr": "non noté"},
    "card.original_score": {"en": "original score", "fr": "note d'origine"},
    "card.reviewer_change": {"en": "Reviewer's change", "fr": "Révision"},
    "card.reviewer_comments": {"en": "Reviewer comments", "fr": "Commentaires du relecteur"},
    "card.reviewed_by": {
        "en": "Reviewed by {author} on {date}",
        "fr": "Relu par {author} le {date}",
    },
    "card.changed_by": {
        "en": "Changed by {author} on {date}",
        "fr": "Modifiée par {author} le {date}",
    },
    "card.to_work_on": {"en": "To work on", "fr": "À travailler"},
    "card.well_done": {"en": "Well done", "fr": "Bien joué"},
    "card.whole_call": {"en": "whole call", "fr": "tout l'appel"},
    # A spoken call with no word recognised: what the scorecard could not judge, and why.
    "card.outcome_not_judged": {"en": "outcome not judged", "fr": "issue non jugée"},
    "card.words_unheard": {
        "en": "Outcome and objectives not judged: no words were recognised (speech "
        "recognition was off), so the customer followed the scenario's main path. The "
        "overall counts only what the audio measured: pacing and interruptions.",
        "fr": "Issue et objectifs non jugés : aucun mot reconnu (reconnaissance vocale "
        "désactivée), le client a donc suivi le chemin principal du scénario. La note "
        "globale ne compte que ce que l'audio a mesuré : le rythme et les interruptions.",
    },
    "card.you_said": {"en": "You said", "fr": "Vous avez dit"},
    "card.why_it_matters": {"en": "Why it matters", "fr": "Pourquoi c'est important"},
    "card.instead": {"en": "Say instead", "fr": "Dites plutôt"},
    "card.mood_curve": {"en": "Mood over the call", "fr": "Humeur au fil de l'appel"},
    "card.pace_per_reply": {"en": "Pace per reply", "fr": "Débit par réponse"},
    "card.pace_band": {"en": "band {low:.0f}–{high:.0f}", "fr": "plage {low:.0f}–{high:.0f}"},
    # A typed call on the command line, in the call's language.
    "call.brief": {"en": "Brief", "fr": "Contexte"},
    "call.objectives": {"en": "Objectives", "fr": "Objectifs"},
    # Follows the speaker's name, "Customer (mood 40/100)", so it does not name whose.
    "call.mood": {"en": "mood", "fr": "humeur"},
    # Said before a spoken call when the sound check hears the speakers in the microphone.
    "call.use_headphones": {
        "en": "The microphone hears the speakers: use headphones, so that the customer's "
        "voice is not taken for yours. Echo protection is on for this call.",
        "fr": "Le micro entend les haut-parleurs : mettez un casque, pour que la voix du "
        "client ne soit pas prise pour la vôtre. La protection contre l'écho est active "
        "pour cet appel.",
    },
    # Said when the trainee went on speaking as the customer started to answer: the
    # customer stops, and what the trainee says next is the same reply, gone on with.
    "call.gave_way": {
        "en": "(The customer lets you go on.)",
        "fr": "(Le client vous laisse continuer.)",
    },
    "call.typed_help": {
        "en": "Type each reply and press Enter; an empty line ends the session.",
        "fr": "Tapez chaque réponse puis Entrée ; une ligne vide termine la séance.",
    },
    # Team review, on screen and in the team report.
    "team.weakest": {"en": "Needs coaching on", "fr": "À accompagner sur"},
    "team.times": {"en": "Times", "fr": "Fois"},
    "team.used_by": {"en": "Used by", "fr": "Employée par"},
    "team.team": {"en": "Team", "fr": "Équipe"},
    # What an average rests on: "Pacing 36 (4 of 34)".
    "team.n_of": {"en": "{n} of {total}", "fr": "{n} sur {total}"},
    "team.too_few": {
        "en": "too few sessions to tell (at least {count})",
        "fr": "trop peu de séances pour le dire (au moins {count})",
    },
    "team.outcomes": {"en": "How the calls ended", "fr": "Issue des appels"},
    "team.rule": {"en": "Rule", "fr": "Règle"},
    "team.more_phrases.one": {
        "en": "and {count} more phrase to avoid",
        "fr": "et {count} autre phrase à éviter",
    },
    "team.more_phrases.many": {
        "en": "and {count} more phrases to avoid",
        "fr": "et {count} autres phrases à éviter",
    },
    # One trainee's progress, on screen and on the command line.
    "progress.title": {"en": "Progress of {agent}", "fr": "Progrès de {agent}"},
    "progress.period": {"en": "from {first} to {last}", "fr": "du {first} au {last}"},
    "progress.by_dimension": {"en": "Scores by dimension", "fr": "Notes par dimension"},
    "progress.by_session": {"en": "Session by session", "fr": "Séance par séance"},
    "progress.hardest": {
        "en": "Hardest scenarios (lowest average first)",
        "fr": "Scénarios les plus difficiles (moyenne la plus basse d'abord)",
    },
    "progress.trend": {"en": "Trend", "fr": "Tendance"},
    "progress.first_last": {"en": "First → last", "fr": "Première → dernière"},
    "progress.average": {"en": "Average", "fr": "Moyenne"},
    # How many sessions scored the figure: "3 of 5".
    "progress.scored": {"en": "Sessions scored", "fr": "Séances notées"},
    "progress.objectives": {"en": "Objectives met", "fr": "Objectifs atteints"},
    "progress.none_scored": {
        "en": "No scored session of {agent} yet: the figures follow a first practice call.",
        "fr": "Aucune séance notée de {agent} pour l'instant : les chiffres suivront un "
        "premier appel d'entraînement.",
    },
}
