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
}


def label(key: str, locale: str) -> str:
    entry = LABELS.get(key)
    if entry is None:
        return key
    return entry.get(locale, entry["en"])
