"""Interface text of the terminal UI, in French and English."""

from __future__ import annotations

import locale as _locale
import os

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {
        "en": "roleplay — difficult-customer practice",
        "fr": "roleplay — s'entraîner aux clients difficiles",
    },
    "agent_name": {"en": "Your name", "fr": "Votre nom"},
    "agent_placeholder": {"en": "Type your name", "fr": "Tapez votre nom"},
    "language": {"en": "Language", "fr": "Langue"},
    "customer_type": {"en": "Customer type", "fr": "Type de client"},
    "channel": {"en": "Channel", "fr": "Canal"},
    "difficulty": {"en": "Difficulty", "fr": "Difficulté"},
    "any": {"en": "Any", "fr": "Tous"},
    "title": {"en": "Title", "fr": "Titre"},
    "start": {"en": "Start", "fr": "Commencer"},
    "voice_mode": {"en": "Answer by voice", "fr": "Répondre à voix haute"},
    "review": {"en": "Team review", "fr": "Revue d'équipe"},
    "no_match": {
        "en": "No scenario matches these filters.",
        "fr": "Aucun scénario ne correspond à ces filtres.",
    },
    "need_name": {
        "en": "Type your name first: it is stored with your session.",
        "fr": "Tapez d'abord votre nom : il est enregistré avec votre séance.",
    },
    "pick_scenario": {
        "en": "Pick a scenario in the list.",
        "fr": "Choisissez un scénario dans la liste.",
    },
    "customer": {"en": "Customer", "fr": "Client"},
    "you": {"en": "You", "fr": "Vous"},
    "mood": {"en": "Customer mood", "fr": "Humeur du client"},
    "pace": {"en": "Your pace", "fr": "Votre rythme"},
    "mic": {"en": "Microphone", "fr": "Micro"},
    "speaking": {"en": "Speaking", "fr": "Parle"},
    "nobody": {"en": "nobody", "fr": "personne"},
    "reply_placeholder": {
        "en": "Type your reply and press Enter",
        "fr": "Tapez votre réponse puis Entrée",
    },
    "paused": {"en": "Paused", "fr": "En pause"},
    "hands_free": {"en": "hands-free", "fr": "mains libres"},
    "push_to_talk": {"en": "push-to-talk (space)", "fr": "appuyer pour parler (espace)"},
    "typed": {"en": "typed", "fr": "au clavier"},
    "wpm": {"en": "wpm", "fr": "mots/min"},
    "ended": {"en": "The call is over", "fr": "L'appel est terminé"},
    "findings": {"en": "Findings, turn by turn", "fr": "Observations, tour par tour"},
    "mood_curve": {"en": "Mood over the call", "fr": "Humeur au fil de l'appel"},
    "pace_chart": {"en": "Pace per turn", "fr": "Rythme par tour"},
    "why": {"en": "Why it matters", "fr": "Pourquoi"},
    "instead": {"en": "Say instead", "fr": "Dites plutôt"},
    "quote": {"en": "You said", "fr": "Vous avez dit"},
    "turn": {"en": "Turn", "fr": "Tour"},
    "dimension": {"en": "Dimension", "fr": "Dimension"},
    "no_audio": {"en": "No recording for this turn.", "fr": "Pas d'enregistrement pour ce tour."},
    "no_speakers": {
        "en": "No speakers found: cannot play the recording.",
        "fr": "Pas de haut-parleurs : impossible d'écouter l'enregistrement.",
    },
    "sessions": {"en": "Sessions", "fr": "Séances"},
    "trends": {"en": "Trends", "fr": "Tendances"},
    "phrases": {"en": "Phrases to avoid", "fr": "Phrases à éviter"},
    "agent": {"en": "Agent", "fr": "Agent"},
    "scenario": {"en": "Scenario", "fr": "Scénario"},
    "date": {"en": "Date", "fr": "Date"},
    "overall": {"en": "Overall", "fr": "Global"},
    "filter": {"en": "Filter by agent or scenario", "fr": "Filtrer par agent ou scénario"},
    "used": {"en": "Times", "fr": "Fois"},
    "who": {"en": "Who", "fr": "Qui"},
    "phrase": {"en": "Phrase", "fr": "Phrase"},
    "comment": {"en": "Comment", "fr": "Commentaire"},
    "comment_on": {"en": "Comment on turn {turn}", "fr": "Commentaire sur le tour {turn}"},
    "override": {"en": "Override a score", "fr": "Corriger une note"},
    "reason": {"en": "Reason", "fr": "Raison"},
    "score": {"en": "Score (0–100)", "fr": "Note (0–100)"},
    "save": {"en": "Save", "fr": "Enregistrer"},
    "cancel": {"en": "Cancel", "fr": "Annuler"},
    "interrupted_offer": {
        "en": "{count} practice session(s) stopped before being scored (the program was "
        "closed or crashed). Every completed turn was saved. Score them now?",
        "fr": "{count} séance(s) se sont arrêtées avant d'être notées (le programme a été "
        "fermé ou s'est arrêté). Chaque tour terminé a été enregistré. Les noter maintenant ?",
    },
    "audio_erased": {
        "en": "This recording was erased, as the audio_retention setting asks.",
        "fr": "Cet enregistrement a été effacé, comme le demande le réglage audio_retention.",
    },
    "rows_shown": {
        "en": "Showing {shown} of {total} sessions (sorted as chosen): type in the filter "
        "above to narrow them down.",
        "fr": "{shown} séances affichées sur {total} (dans l'ordre choisi) : tapez dans le "
        "filtre ci-dessus pour affiner.",
    },
    "score_now": {"en": "Score them", "fr": "Les noter"},
    "later": {"en": "Later", "fr": "Plus tard"},
    "interrupted_done": {
        "en": "{count} interrupted session(s) scored: the team review lists them.",
        "fr": "{count} séance(s) interrompue(s) notée(s) : la revue d'équipe les affiche.",
    },
    "reviewer": {"en": "Reviewer", "fr": "Relecteur"},
    "was": {"en": "was {score}", "fr": "était {score}"},
    "help_title": {"en": "Keys on this screen", "fr": "Touches de cet écran"},
    "close": {"en": "Close", "fr": "Fermer"},
    "no_sessions": {"en": "No sessions yet.", "fr": "Aucune séance pour l'instant."},
    "weakest": {"en": "Needs coaching on", "fr": "À accompagner sur"},
    "home": {"en": "Home", "fr": "Accueil"},
    "voice_unavailable": {
        "en": "Voice needs a microphone and speakers ({why}); typed replies instead.",
        "fr": "La voix demande un micro et des haut-parleurs ({why}) ; réponses au clavier.",
    },
    "saved_turns": {
        "en": "Session saved ({turns} turns).",
        "fr": "Séance enregistrée ({turns} tours).",
    },
    "comments": {"en": "Reviewer comments", "fr": "Commentaires du relecteur"},
    "help": {"en": "Help", "fr": "Aide"},
    "quit": {"en": "Quit", "fr": "Quitter"},
    "back": {"en": "Back", "fr": "Retour"},
    "end_session": {"en": "End the session", "fr": "Terminer la séance"},
    "pause": {"en": "Pause", "fr": "Pause"},
    "replay": {"en": "Replay the customer", "fr": "Réécouter le client"},
    "talk_mode": {"en": "Hands-free / push-to-talk", "fr": "Mains libres / appuyer pour parler"},
    "talk": {"en": "Talk", "fr": "Parler"},
    "play_turn": {"en": "Play your recording", "fr": "Écouter votre enregistrement"},
    "open": {"en": "Open", "fr": "Ouvrir"},
    "sort": {"en": "Sort by the next column", "fr": "Trier sur la colonne suivante"},
    "fr": {"en": "French", "fr": "Français"},
    "en": {"en": "English", "fr": "Anglais"},
    "active_hater": {"en": "Active hater", "fr": "Détracteur actif"},
    "extreme_critic": {"en": "Extreme critic", "fr": "Critique extrême"},
    "loyal_irritated": {"en": "Loyal, now irritated", "fr": "Fidèle, désormais irrité"},
    "passionate_loyal": {"en": "Passionate loyal", "fr": "Fidèle passionné"},
    "phone": {"en": "Phone", "fr": "Téléphone"},
    "counter": {"en": "At the counter", "fr": "Au comptoir"},
    "letter_followup": {"en": "After a letter", "fr": "Suite à un courrier"},
    "email": {"en": "E-mail", "fr": "E-mail"},
    "sms": {"en": "SMS", "fr": "SMS"},
    "easy": {"en": "Easy", "fr": "Facile"},
    "medium": {"en": "Medium", "fr": "Moyen"},
    "hard": {"en": "Hard", "fr": "Difficile"},
}


def ui_locale(setting: str | None = None) -> str:
    """``$ROLEPLAY_LANG``, else the setting, else the system's language (French or English)."""
    chosen = os.environ.get("ROLEPLAY_LANG") or setting
    if chosen in {"fr", "en"}:
        return chosen
    system = os.environ.get("LC_ALL") or os.environ.get("LANG") or (_locale.getlocale()[0] or "")
    return "fr" if system.lower().startswith("fr") else "en"


class Text:
    """Interface strings in one language: ``text("start")``."""

    def __init__(self, locale: str) -> None:
        self.locale = locale

    def __call__(self, key: str, **values: object) -> str:
        from simulator.i18n.labels import LABELS

        entry = STRINGS.get(key) or LABELS.get(key)
        if entry is None:
            return key
        return entry.get(self.locale, entry["en"]).format(**values)
