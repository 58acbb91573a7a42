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
    "ui.skipped.one": {
        "en": "{count} scenario file is broken and left out of the list:",
        "fr": "{count} fichier de scénario est défectueux et absent de la liste :",
    },
    "ui.skipped.many": {
        "en": "{count} scenario files are broken and left out of the list:",
        "fr": "{count} fichiers de scénario sont défectueux et absents de la liste :",
    },
    "ui.skipped.more": {
        "en": "(and {count} more problem(s) in this file)",
        "fr": "(et {count} autre(s) problème(s) dans ce fichier)",
    },
    "ui.skipped.fix": {
        "en": "Fix them, then check with 'roleplay scenarios validate'.",
        "fr": "Corrigez-les, puis vérifiez avec 'roleplay scenarios validate'.",
    },
    "ui.need_name": {
        "en": "Type your name first: it is stored with your session.",
        "fr": "Tapez d'abord votre nom : il est enregistré avec votre séance.",
    },
    "ui.my_progress": {"en": "My progress", "fr": "Mes progrès"},
    "ui.progress_need_name": {
        "en": "Type your name first: your progress is found by it.",
        "fr": "Tapez d'abord votre nom : vos progrès sont retrouvés grâce à lui.",
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
    "ui.saved_turns.one": {
        "en": "Session saved ({count} turn).",
        "fr": "Séance enregistrée ({count} tour).",
    },
    "ui.saved_turns.many": {
        "en": "Session saved ({count} turns).",
        "fr": "Séance enregistrée ({count} tours).",
    },
    "ui.not_saved": {
        "en": "You did not reply: the session was not saved.",
        "fr": "Vous n'avez pas répondu : la séance n'a pas été enregistrée.",
    },
    # The side panel of the practice screen, and the hint key.
    "ui.hint_next": {"en": "Hint: {objective}", "fr": "Indice : {objective}"},
    "ui.hint_all_met": {
        "en": "Every objective is met: you can close the call.",
        "fr": "Tous les objectifs sont atteints : vous pouvez conclure l'appel.",
    },
    "ui.hint_none": {
        "en": "This scenario has no objective to check.",
        "fr": "Ce scénario n'a pas d'objectif vérifié.",
    },
    # How the call ended, under the customer's last line (simulator.conversation.scenario.Outcome).
    "ui.ending.resolved": {"en": "Resolved.", "fr": "Résolu."},
    "ui.ending.escalated": {
        "en": "Escalated: the request goes in writing.",
        "fr": "Escaladé : la demande passe par écrit.",
    },
    "ui.ending.transferred": {
        "en": "Transferred to a manager.",
        "fr": "Transféré à un responsable.",
    },
    "ui.ending.hung_up": {"en": "{customer} hung up.", "fr": "{customer} a raccroché."},
    "ui.ending.stopped": {
        "en": "The call stopped before the end.",
        "fr": "L'appel s'est arrêté avant la fin.",
    },
    "ui.ending_keys": {
        "en": "Enter or Escape: see the scorecard.",
        "fr": "Entrée ou Échap : voir le bilan.",
    },
    # Scorecard
    "ui.no_audio": {
        "en": "No recording for this reply.",
        "fr": "Pas d'enregistrement pour cette réponse.",
    },
    "ui.cannot_play": {
        "en": "Your recording of reply {reply} cannot be played: {why}.",
        "fr": "Impossible d'écouter votre enregistrement de la réponse {reply} : {why}.",
    },
    "ui.audio_erased": {
        "en": "This recording was erased, as the audio_retention setting asks.",
        "fr": "Cet enregistrement a été effacé, comme le demande le réglage audio_retention.",
    },
    "ui.was": {"en": "was {score}", "fr": "était {score}"},
    "ui.score_now_is": {"en": "Score now: {score}", "fr": "Note actuelle : {score}"},
    "ui.reviewer_ask": {
        "en": "Your name, to sign your comments and score changes (asked once):",
        "fr": "Votre nom, pour signer vos commentaires et vos corrections (demandé une fois) :",
    },
    "ui.reviewer_placeholder": {"en": "Reviewer's name", "fr": "Nom du relecteur"},
    "ui.reviewer_needed": {
        "en": "Type your name: it signs what you write.",
        "fr": "Tapez votre nom : il signe ce que vous écrivez.",
    },
    "ui.comment_on": {
        "en": "Comment on reply {reply}",
        "fr": "Commentaire sur la réponse {reply}",
    },
    "ui.comment_on_call": {
        "en": "Comment on the whole call",
        "fr": "Commentaire sur tout l'appel",
    },
    "ui.reason": {"en": "Reason", "fr": "Raison"},
    "ui.save": {"en": "Save", "fr": "Enregistrer"},
    "ui.cancel": {"en": "Cancel", "fr": "Annuler"},
    # The scorecard's tabs: the findings, the objectives, the call, the model answer, progress.
    "ui.tab_findings": {"en": "Findings", "fr": "Remarques"},
    "ui.tab_transcript": {"en": "Transcript", "fr": "Transcription"},
    "ui.tab_model": {"en": "Model answer", "fr": "Réponse modèle"},
    "ui.tab_progress": {"en": "Since last time", "fr": "Depuis la dernière fois"},
    "ui.tab_feedback": {"en": "Feedback", "fr": "Retours"},
    "ui.exports_pruned.one": {
        "en": "It was also taken out of {count} export file.",
        "fr": "Elle a aussi été retirée de {count} fichier d'export.",
    },
    "ui.exports_pruned.many": {
        "en": "It was also taken out of {count} export files.",
        "fr": "Elle a aussi été retirée de {count} fichiers d'export.",
    },
    "ui.no_feedback": {
        "en": "No reviewer has commented on this session or changed a score yet. A team "
        "lead's reviews arrive with 'roleplay import' of the zip they send back.",
        "fr": "Aucun relecteur n'a encore commenté cette séance ni corrigé une note. Les "
        "relectures d'un responsable arrivent avec 'roleplay import' du zip qu'il renvoie.",
    },
    # The reply that met an objective (or broke one to avoid); {said} comes in quotation marks.
    "ui.objective_met_by": {
        "en": "reply {reply}: {said}",
        "fr": "réponse {reply} : {said}",
    },
    "ui.objective_broken_by": {
        "en": "broken by reply {reply}: {said}",
        "fr": "non respecté à la réponse {reply} : {said}",
    },
    "ui.objectives_count": {
        "en": "Objectives met: {met}/{total}",
        "fr": "Objectifs atteints : {met}/{total}",
    },
    "ui.no_objectives": {
        "en": "This session has no checked objectives.",
        "fr": "Cette séance n'a pas d'objectif vérifié.",
    },
    "ui.no_transcript": {
        "en": "The transcript of this session is not available.",
        "fr": "La transcription de cette séance n'est pas disponible.",
    },
    "ui.model_intro": {
        "en": "How the call can go well ({name}): the replies, in order.",
        "fr": "Comment l'appel peut bien se passer ({name}) : les réponses, dans l'ordre.",
    },
    "ui.model_listen": {
        "en": "Press m to hear it read aloud, s to stop it.",
        "fr": "Appuyez sur m pour l'écouter, sur s pour l'arrêter.",
    },
    "ui.no_model": {
        "en": "This scenario has no model answer (no example run that ends resolved).",
        "fr": "Ce scénario n'a pas de réponse modèle (aucun exemple qui se termine résolu).",
    },
    "ui.scenario_gone": {
        "en": "The scenario {id} is no longer in the library.",
        "fr": "Le scénario {id} n'est plus dans la bibliothèque.",
    },
    "ui.model_preparing": {
        "en": "Preparing the model answer's voice…",
        "fr": "Préparation de la voix de la réponse modèle…",
    },
    "ui.model_no_voice": {
        "en": "The model answer cannot be read aloud: no speech synthesis on this machine.",
        "fr": "La réponse modèle ne peut pas être lue : pas de synthèse vocale sur cette machine.",
    },
    "ui.model_cannot_play": {
        "en": "The model answer cannot be played: {why}.",
        "fr": "Impossible d'écouter la réponse modèle : {why}.",
    },
    "ui.first_attempt": {
        "en": "Your first attempt at this scenario: nothing to compare with yet.",
        "fr": "Votre première tentative sur ce scénario : rien à comparer pour l'instant.",
    },
    "ui.compared_with": {
        "en": "Compared with your previous attempt ({date}):",
        "fr": "Par rapport à votre tentative précédente ({date}) :",
    },
    "ui.objectives_met": {"en": "Objectives met", "fr": "Objectifs atteints"},
    # Under the overall score: "Since last time: Overall 62 → 78 (+16)".
    "ui.progress_line": {
        "en": "Since last time: {what} {change}",
        "fr": "Depuis la dernière fois : {what} {change}",
    },
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
    "ui.delete_session": {"en": "Delete the session", "fr": "Supprimer la séance"},
    "ui.delete": {"en": "Delete", "fr": "Supprimer"},
    "ui.delete_confirm": {
        "en": "Delete this session of {agent} ({title}, {date}) and its recordings, for good?",
        "fr": "Supprimer définitivement cette séance de {agent} ({title}, {date}) et ses "
        "enregistrements ?",
    },
    "ui.deleted": {"en": "Session deleted.", "fr": "Séance supprimée."},
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
    # Ctrl+C while practising: the call ends, its turns are kept and scored, roleplay closes.
    "ui.end_save_quit": {
        "en": "End the call, save it and quit",
        "fr": "Terminer l'appel, l'enregistrer et quitter",
    },
    # Textual's own keys, in the interface language
    "ui.key.focus_next": {"en": "Next field", "fr": "Champ suivant"},
    "ui.key.focus_previous": {"en": "Previous field", "fr": "Champ précédent"},
    "ui.key.copy_text": {"en": "Copy the selected text", "fr": "Copier le texte sélectionné"},
    "ui.key.command_palette": {"en": "Commands", "fr": "Commandes"},
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
    "ui.hint": {"en": "Hint", "fr": "Indice"},
    # Folds the brief away, or brings it back.
    "ui.toggle_brief": {"en": "Brief", "fr": "Contexte"},
    "ui.see_scorecard": {"en": "See the scorecard", "fr": "Voir le bilan"},
    "ui.try_again": {"en": "Try again", "fr": "Recommencer"},
    "ui.play_model": {"en": "Hear the model answer", "fr": "Écouter la réponse modèle"},
    "ui.stop_sound": {"en": "Stop the sound", "fr": "Couper le son"},
}
