"""The terminal UI's own text (``ui.*``), in the interface language.

Words the UI shares with the terminal scorecard and the documents are in
:mod:`simulator.i18n.words`; key descriptions in the footer and the help screen are
keys of this table too (see :mod:`simulator.tui.localise`).
"""

from __future__ import annotations

SCREEN_TEXTS: dict[str, dict[str, str]] = {
    "ui.app_title": {
        "en": "roleplay — difficult-customer practice",
        "fr": "roleplay — s'entraîner aux clients difficiles",
    },
    # Home
    "ui.agent_name": {"en": "Your name", "fr": "Votre nom"},
    "ui.agent_placeholder": {"en": "Type your name", "fr": "Tapez votre nom"},
    "ui.language": {"en": "Language", "fr": "Langue"},
    "ui.customer_type": {"en": "Customer type", "fr": "Type de client"},
    "ui.channel": {"en": "Channel", "fr": "Canal"},
    "ui.difficulty": {"en": "Difficulty", "fr": "Difficulté"},
    "ui.title": {"en": "Title", "fr": "Titre"},
    "ui.start": {"en": "Start", "fr": "Commencer"},
    "ui.voice_mode": {"en": "Answer by voice", "fr": "Répondre à voix haute"},
    "ui.team_review": {"en": "Team review", "fr": "Revue d'équipe"},
    "ui.no_match": {
        "en": "No scenario matches these filters.",
        "fr": "Aucun scénario ne correspond à ces filtres.",
    },
    "ui.need_name": {
        "en": "Type your name first: it is stored with your session.",
        "fr": "Tapez d'abord votre nom : il est enregistré avec votre séance.",
    },
    "ui.pick_scenario": {
        "en": "Pick a scenario in the list.",
        "fr": "Choisissez un scénario dans la liste.",
    },
    # Practice
    # A gauge's label stands alone beside the bar, so it says whose mood it shows.
    "ui.mood_meter": {"en": "Customer mood", "fr": "Humeur du client"},
    "ui.pace": {"en": "Your pace", "fr": "Votre rythme"},
    "ui.mic": {"en": "Microphone", "fr": "Micro"},
    # Who is speaking right now, beside the microphone's level.
    "ui.nobody_speaking": {"en": "nobody", "fr": "personne"},
    "ui.reply_placeholder": {
        "en": "Type your reply and press Enter",
        "fr": "Tapez votre réponse puis Entrée",
    },
    "ui.paused": {"en": "Paused", "fr": "En pause"},
    "ui.hands_free": {"en": "hands-free", "fr": "mains libres"},
    "ui.push_to_talk": {"en": "push-to-talk (space)", "fr": "appuyer pour parler (espace)"},
    "ui.typed": {"en": "typed", "fr": "au clavier"},
    "ui.ended": {"en": "The call is over", "fr": "L'appel est terminé"},
    "ui.saved_turns": {
        "en": "Session saved ({turns} turns).",
        "fr": "Séance enregistrée ({turns} tours).",
    },
    # Scorecard
    "ui.no_audio": {
        "en": "No recording for this turn.",
        "fr": "Pas d'enregistrement pour ce tour.",
    },
    "ui.no_speakers": {
        "en": "No speakers found: cannot play the recording.",
        "fr": "Pas de haut-parleurs : impossible d'écouter l'enregistrement.",
    },
    "ui.audio_erased": {
        "en": "This recording was erased, as the audio_retention setting asks.",
        "fr": "Cet enregistrement a été effacé, comme le demande le réglage audio_retention.",
    },
    "ui.was": {"en": "was {score}", "fr": "était {score}"},
    "ui.comment_on": {"en": "Comment on turn {turn}", "fr": "Commentaire sur le tour {turn}"},
    "ui.reason": {"en": "Reason", "fr": "Raison"},
    "ui.save": {"en": "Save", "fr": "Enregistrer"},
    "ui.cancel": {"en": "Cancel", "fr": "Annuler"},
    # Team review
    "ui.trends": {"en": "Trends", "fr": "Tendances"},
    # The tab listing the avoided phrases the team used, not the dimension's name.
    "ui.phrases": {"en": "Phrases to avoid", "fr": "Phrases à éviter"},
    "ui.filter": {"en": "Filter by agent or scenario", "fr": "Filtrer par agent ou scénario"},
    "ui.rows_shown": {
        "en": "Showing {shown} of {total} sessions (sorted as chosen): type in the filter "
        "above to narrow them down.",
        "fr": "{shown} séances affichées sur {total} (dans l'ordre choisi) : tapez dans le "
        "filtre ci-dessus pour affiner.",
    },
    "ui.no_sessions": {"en": "No sessions yet.", "fr": "Aucune séance pour l'instant."},
    # Sessions a crash stopped
    "ui.interrupted_offer": {
        "en": "{count} practice session(s) stopped before being scored (the program was "
        "closed or crashed). Every completed turn was saved. Score them now?",
        "fr": "{count} séance(s) se sont arrêtées avant d'être notées (le programme a été "
        "fermé ou s'est arrêté). Chaque tour terminé a été enregistré. Les noter maintenant ?",
    },
    "ui.score_now": {"en": "Score them", "fr": "Les noter"},
    "ui.later": {"en": "Later", "fr": "Plus tard"},
    "ui.interrupted_done": {
        "en": "{count} interrupted session(s) scored: the team review lists them.",
        "fr": "{count} séance(s) interrompue(s) notée(s) : la revue d'équipe les affiche.",
    },
    # Help
    "ui.help_title": {"en": "Keys on this screen", "fr": "Touches de cet écran"},
    "ui.close": {"en": "Close", "fr": "Fermer"},
    # Key descriptions (footer and help screen)
    "ui.help": {"en": "Help", "fr": "Aide"},
    "ui.quit": {"en": "Quit", "fr": "Quitter"},
    "ui.back": {"en": "Back", "fr": "Retour"},
    "ui.end_session": {"en": "End the session", "fr": "Terminer la séance"},
    "ui.pause": {"en": "Pause", "fr": "Pause"},
    "ui.replay": {"en": "Replay the customer", "fr": "Réécouter le client"},
    "ui.talk_mode": {"en": "Hands-free / push-to-talk", "fr": "Mains libres / appuyer pour parler"},
    "ui.talk": {"en": "Talk", "fr": "Parler"},
    "ui.play_turn": {"en": "Play your recording", "fr": "Écouter votre enregistrement"},
    "ui.comment": {"en": "Comment", "fr": "Commentaire"},
    "ui.override": {"en": "Override a score", "fr": "Corriger une note"},
    "ui.open": {"en": "Open", "fr": "Ouvrir"},
    "ui.sort": {"en": "Sort by the next column", "fr": "Trier sur la colonne suivante"},
}
