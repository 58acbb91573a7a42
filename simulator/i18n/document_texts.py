"""The documents' own text (``report.*``): a session's scorecard and the team report.

Documents are written in the language of the calls they describe, not the reader's
interface language.
"""

from __future__ import annotations

DOCUMENT_TEXTS: dict[str, dict[str, str]] = {
    # Both documents
    "report.made_with": {
        "en": "Made by roleplay, offline.",
        "fr": "Produit par roleplay, hors ligne.",
    },
    # A session's scorecard
    "report.the_call": {"en": "The call", "fr": "L'appel"},
    "report.how_it_went": {"en": "How the call went", "fr": "Déroulement de l'appel"},
    "report.finding": {"en": "finding", "fr": "constat"},
    "report.not_scored_yet": {
        "en": "This session was not scored: it stopped before the end.",
        "fr": "Cette séance n'a pas été notée : elle s'est arrêtée avant la fin.",
    },
    "report.nothing_to_work_on": {
        "en": "Nothing to work on in this call.",
        "fr": "Rien à travailler sur cet appel.",
    },
    "report.mood_caption": {
        "en": "The customer's mood at the start and after each of your replies, "
        "from 0 (furious) to 100 (won over).",
        "fr": "L'humeur du client au début puis après chacune de vos réponses, "
        "de 0 (furieux) à 100 (conquis).",
    },
    "report.mood_desc": {
        "en": "Mood from 0 (furious) to 100 (won over), at the start and after each reply",
        "fr": "Humeur de 0 (furieux) à 100 (conquis), au début puis après chaque réponse",
    },
    "report.mood_start": {"en": "start", "fr": "début"},
    "report.band": {"en": "Band", "fr": "Plage"},
    "report.pace_caption": {
        "en": "Words per minute in each of your replies; the shaded band is a comfortable "
        "pace in this language.",
        "fr": "Mots par minute à chacune de vos réponses ; la bande colorée est un débit "
        "confortable dans cette langue.",
    },
    # The team report
    "report.team_report": {"en": "Team report", "fr": "Rapport d'équipe"},
    "report.team_overall": {"en": "Team overall", "fr": "Note globale de l'équipe"},
    "report.team_averages": {"en": "Team averages", "fr": "Moyennes de l'équipe"},
    "report.since": {"en": "since", "fr": "depuis le"},
    "report.period_start": {"en": "From", "fr": "À partir du"},
    "report.per_agent": {"en": "Per agent", "fr": "Par agent"},
    "report.change": {"en": "Change", "fr": "Évolution"},
    "report.change_explained": {
        "en": "Change: like with like. For each scenario an agent did more than once, the "
        "average overall score of their later sessions of it minus that of their earlier "
        "ones, averaged over those scenarios; shown from {count} such sessions on.",
        "fr": "Évolution : à scénario égal. Pour chaque scénario qu'un agent a fait plusieurs "
        "fois, la note globale moyenne de ses dernières séances sur ce scénario moins celle "
        "des premières, en moyenne sur ces scénarios ; donnée à partir de {count} séances "
        "de ce type.",
    },
    "report.sessions_scored": {"en": "Sessions scored", "fr": "Séances notées"},
    "report.advice_minimum": {
        "en": "An average rests on the sessions that scored it (typed calls score no pacing "
        "or interruptions): the figure in brackets says how many. Advice — what to coach, a "
        "scenario's weakest dimension — is given from {count} such sessions on.",
        "fr": "Une moyenne repose sur les séances qui l'ont notée (les appels tapés ne notent "
        "ni le rythme ni les interruptions) : le nombre entre parenthèses le précise. Les "
        "conseils — ce qu'il faut travailler, la dimension la plus faible d'un scénario — "
        "sont donnés à partir de {count} séances de ce type.",
    },
    "report.compared": {"en": "{count} sessions compared", "fr": "{count} séances comparées"},
    "report.trend": {"en": "Trend", "fr": "Tendance"},
    "report.trend_daily": {"en": "Day by day", "fr": "Jour par jour"},
    "report.trend_weekly": {"en": "Week by week", "fr": "Semaine par semaine"},
    "report.trend_later": {
        "en": "Trends over time appear once the sessions span more than one day.",
        "fr": "Les tendances apparaissent dès que les séances couvrent plus d'une journée.",
    },
    "report.improved_slipped": {
        "en": "Who improved, who slipped",
        "fr": "Qui progresse, qui recule",
    },
    "report.improved": {"en": "Improved", "fr": "En progrès"},
    "report.slipped": {"en": "Slipped", "fr": "En recul"},
    # Under "Improved" or "Slipped" when no agent is in that list.
    "report.nobody": {"en": "nobody in this period", "fr": "personne sur la période"},
    "report.phrases_most_used": {
        "en": "Avoided phrases used most",
        "fr": "Phrases à éviter les plus employées",
    },
    "report.no_phrases": {
        "en": "No avoided phrase was used.",
        "fr": "Aucune phrase à éviter n'a été employée.",
    },
    "report.worst_scenarios": {
        "en": "Where the team does worst",
        "fr": "Là où l'équipe a le plus de mal",
    },
}
