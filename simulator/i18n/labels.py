"""Interface words in French and English."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "pacing": {"en": "Pacing", "fr": "Rythme"},
    "interruptions": {"en": "Interruptions", "fr": "Interruptions"},
    "empathy": {"en": "Empathy", "fr": "Empathie"},
    "avoided_phrases": {"en": "Avoided phrases", "fr": "Phrases à éviter"},
    "overall": {"en": "Overall", "fr": "Note globale"},
    "scorecard": {"en": "Scorecard", "fr": "Bilan"},
    "not_scored": {"en": "not scored", "fr": "non noté"},
    "no_timing": {
        "en": "no timing in the transcript",
        "fr": "pas de minutage dans la transcription",
    },
    "agent_silent": {"en": "the agent never spoke", "fr": "l'agent n'a rien dit"},
    "instead": {"en": "Say instead", "fr": "Dites plutôt"},
    "whole_call": {"en": "whole call", "fr": "tout l'appel"},
    "turn": {"en": "turn", "fr": "tour"},
    "well_done": {"en": "Well done", "fr": "Bien joué"},
    "to_work_on": {"en": "To work on", "fr": "À travailler"},
    "customer": {"en": "Customer", "fr": "Client"},
    "you": {"en": "You", "fr": "Vous"},
    "mood": {"en": "mood", "fr": "humeur"},
    "brief": {"en": "Brief", "fr": "Contexte"},
    "objectives": {"en": "Objectives", "fr": "Objectifs"},
    "typed_help": {
        "en": "Type each reply and press Enter; an empty line ends the session.",
        "fr": "Tapez chaque réponse puis Entrée ; une ligne vide termine la séance.",
    },
    "outcome": {"en": "Outcome", "fr": "Issue"},
    "resolved": {"en": "resolved", "fr": "résolu"},
    "escalated": {"en": "escalated", "fr": "escaladé"},
    "hung_up": {"en": "the customer hung up", "fr": "le client a raccroché"},
    "stopped": {"en": "stopped before the end", "fr": "arrêté avant la fin"},
    "saved": {"en": "Session saved as", "fr": "Séance enregistrée sous"},
    # Scorecard documents and team reports (simulator/reports), alphabetised.
    "agent": {"en": "Agent", "fr": "Agent"},
    "agents": {"en": "agents", "fr": "agents"},
    "band": {"en": "Band", "fr": "Plage"},
    "change": {"en": "Change", "fr": "Évolution"},
    "change_explained": {
        "en": "Change: the average overall score of the second half of each agent's sessions "
        "in the period, minus that of the first half.",
        "fr": "Évolution : la note globale moyenne de la seconde moitié des séances de chaque "
        "agent sur la période, moins celle de la première moitié.",
    },
    "dimension": {"en": "Dimension", "fr": "Dimension"},
    "finding": {"en": "finding", "fr": "constat"},
    "how_it_went": {"en": "How the call went", "fr": "Déroulement de l'appel"},
    "improved": {"en": "Improved", "fr": "En progrès"},
    "improved_slipped": {"en": "Who improved, who slipped", "fr": "Qui progresse, qui recule"},
    "made_with": {"en": "Made by roleplay, offline.", "fr": "Produit par roleplay, hors ligne."},
    "mood_caption": {
        "en": "The customer's mood at the start and after each of your replies, "
        "from 0 (furious) to 100 (won over).",
        "fr": "L'humeur du client au début puis après chacune de vos réponses, "
        "de 0 (furieux) à 100 (conquis).",
    },
    "mood_curve": {"en": "Customer's mood", "fr": "Humeur du client"},
    "mood_desc": {
        "en": "Mood from 0 (furious) to 100 (won over), at the start and after each reply",
        "fr": "Humeur de 0 (furieux) à 100 (conquis), au début puis après chaque réponse",
    },
    "mood_start": {"en": "start", "fr": "début"},
    "no_phrases": {
        "en": "No avoided phrase was used.",
        "fr": "Aucune phrase à éviter n'a été employée.",
    },
    "nobody": {"en": "nobody in this period", "fr": "personne sur la période"},
    "not_scored_yet": {
        "en": "This session was not scored: it stopped before the end.",
        "fr": "Cette séance n'a pas été notée : elle s'est arrêtée avant la fin.",
    },
    "nothing_to_work_on": {
        "en": "Nothing to work on in this call.",
        "fr": "Rien à travailler sur cet appel.",
    },
    "one_agent": {"en": "agent", "fr": "agent"},
    "one_session": {"en": "session", "fr": "séance"},
    "overridden_by": {"en": "Changed by", "fr": "Modifiée par"},
    "pace_caption": {
        "en": "Words per minute in each of your turns; the shaded band is a comfortable pace "
        "in this language.",
        "fr": "Mots par minute à chacun de vos tours ; la bande colorée est un débit "
        "confortable dans cette langue.",
    },
    "pace_per_turn": {"en": "Pace per turn", "fr": "Débit par tour"},
    "per_agent": {"en": "Per agent", "fr": "Par agent"},
    "period_start": {"en": "From", "fr": "À partir du"},
    "phrase": {"en": "Phrase", "fr": "Phrase"},
    "phrases_most_used": {
        "en": "Avoided phrases used most",
        "fr": "Phrases à éviter les plus employées",
    },
    "review": {"en": "Reviewer's change", "fr": "Révision"},
    "reviewer_comments": {"en": "Reviewer's comments", "fr": "Commentaires du relecteur"},
    "scenario": {"en": "Scenario", "fr": "Scénario"},
    "scenarios": {"en": "scenarios", "fr": "scénarios"},
    "score": {"en": "Score", "fr": "Note"},
    "scorer_score": {"en": "original score", "fr": "note d'origine"},
    "scores": {"en": "Scores", "fr": "Notes"},
    "session": {"en": "Session", "fr": "Séance"},
    "sessions": {"en": "sessions", "fr": "séances"},
    "severity_error": {"en": "Must fix", "fr": "À corriger"},
    "severity_info": {"en": "Note", "fr": "Remarque"},
    "severity_suggestion": {"en": "Tip", "fr": "Conseil"},
    "severity_warning": {"en": "Should fix", "fr": "À améliorer"},
    "since": {"en": "since", "fr": "depuis le"},
    "slipped": {"en": "Slipped", "fr": "En recul"},
    "team_averages": {"en": "Team averages", "fr": "Moyennes de l'équipe"},
    "team_overall": {"en": "Team overall", "fr": "Note globale de l'équipe"},
    "team_report": {"en": "Team report", "fr": "Rapport d'équipe"},
    "the_call": {"en": "The call", "fr": "L'appel"},
    "times": {"en": "Times", "fr": "Fois"},
    "trend": {"en": "Trend", "fr": "Tendance"},
    "trend_daily": {"en": "Day by day", "fr": "Jour par jour"},
    "trend_later": {
        "en": "Trends over time appear once the sessions span more than one day.",
        "fr": "Les tendances apparaissent dès que les séances couvrent plus d'une journée.",
    },
    "trend_weekly": {"en": "Week by week", "fr": "Semaine par semaine"},
    "used_by": {"en": "Used by", "fr": "Employée par"},
    "weakest": {"en": "Weakest dimension", "fr": "Point le plus faible"},
    "why_it_matters": {"en": "Why it matters", "fr": "Pourquoi c'est important"},
    "worst_scenarios": {
        "en": "Where the team does worst",
        "fr": "Là où l'équipe a le plus de mal",
    },
    "wpm": {"en": "wpm", "fr": "mots/min"},
}


def label(key: str, locale: str) -> str:
    entry = LABELS.get(key)
    if entry is None:
        return key
    return entry.get(locale, entry["en"])
