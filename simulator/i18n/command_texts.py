"""What the command line says besides errors (``cli.*``).

``cli.saved`` closes a practice session, in the call's language like the lines before it;
the rest is in the interface language.
"""

from __future__ import annotations

COMMAND_TEXTS: dict[str, dict[str, str]] = {
    "cli.saved": {"en": "Session saved as", "fr": "Séance enregistrée sous"},
    "cli.interrupted": {"en": "interrupted", "fr": "interrompu"},
    "cli.not_saved": {
        "en": "Nothing was said: the session was not saved.",
        "fr": "Rien n'a été dit : la séance n'a pas été enregistrée.",
    },
    # Tables: history, agents list, scenarios list.
    "cli.no_sessions": {
        "en": "No sessions yet in {path}.",
        "fr": "Aucune séance pour l'instant dans {path}.",
    },
    "cli.in_progress": {"en": "in progress", "fr": "en cours"},
    "cli.column.id": {"en": "Id", "fr": "Identifiant"},
    "cli.column.started": {"en": "Started", "fr": "Début"},
    "cli.column.last_session": {"en": "Last session", "fr": "Dernière séance"},
    "cli.column.spellings": {"en": "Also written", "fr": "Aussi écrit"},
    "cli.column.locale": {"en": "Language", "fr": "Langue"},
    "cli.column.persona": {"en": "Customer type", "fr": "Type de client"},
    "cli.column.channel": {"en": "Channel", "fr": "Canal"},
    "cli.column.difficulty": {"en": "Difficulty", "fr": "Difficulté"},
    "cli.column.title": {"en": "Title", "fr": "Titre"},
    # Agents and sessions put right.
    "cli.agent_renamed.one": {
        "en": "{old} is now {new}: {count} session renamed.",
        "fr": "{old} s'appelle désormais {new} : {count} séance renommée.",
    },
    "cli.agent_renamed.many": {
        "en": "{old} is now {new}: {count} sessions renamed.",
        "fr": "{old} s'appelle désormais {new} : {count} séances renommées.",
    },
    "cli.agents_merged.one": {
        "en": "{old} merged into {new}: {count} session moved.",
        "fr": "{old} fusionné avec {new} : {count} séance déplacée.",
    },
    "cli.agents_merged.many": {
        "en": "{old} merged into {new}: {count} sessions moved.",
        "fr": "{old} fusionné avec {new} : {count} séances déplacées.",
    },
    "cli.merge_confirm.one": {
        "en": "Put {count} session of {agent} under {into}, for good?",
        "fr": "Ranger définitivement {count} séance de {agent} sous {into} ?",
    },
    "cli.merge_confirm.many": {
        "en": "Put {count} sessions of {agent} under {into}, for good?",
        "fr": "Ranger définitivement {count} séances de {agent} sous {into} ?",
    },
    "cli.delete_confirm": {
        "en": "Delete the session {id} ({what}) and its recordings, for good?",
        "fr": "Supprimer définitivement la séance {id} ({what}) et ses enregistrements ?",
    },
    "cli.deleted": {"en": "Deleted the session {id}.", "fr": "Séance {id} supprimée."},
    "cli.type_instead": {
        "en": "Type your replies instead?",
        "fr": "Taper vos réponses à la place ?",
    },
    "cli.no_such_path": {
        "en": "{path}: no such file or folder",
        "fr": "{path} : ce fichier ou dossier n'existe pas",
    },
    "cli.skipped_scenario": {
        "en": "warning: skipped a broken scenario: {problem}",
        "fr": "attention : scénario défectueux ignoré : {problem}",
    },
    "cli.scenarios_invalid": {"en": "{problems}; {valid}.", "fr": "{problems} ; {valid}."},
    "cli.scenarios_valid": {"en": "{valid}.", "fr": "{valid}."},
    "cli.packs_invalid": {"en": "{problems}; {valid}.", "fr": "{problems} ; {valid}."},
    "cli.packs_valid": {"en": "{valid}.", "fr": "{valid}."},
    "cli.examples_result": {"en": "{passed}, {failed}", "fr": "{passed}, {failed}"},
    "cli.examples_missing": {
        "en": "note: {id} has no example runs",
        "fr": "remarque : {id} n'a aucun exemple de déroulement",
    },
    "cli.rule_without_examples": {
        "en": "{rule}: needs at least one 'flag' and one 'pass' example",
        "fr": "{rule} : il faut au moins un exemple 'flag' et un exemple 'pass'",
    },
    # Notices: what roleplay did on its own, said before the command's own output.
    "cli.database_repaired": {
        "en": "the database {name} was damaged ({detail}); it is kept as {backup} and "
        "{recovered} ({from_files} from session files, "
        "{from_index} from the damaged file){unreadable}. Check them with 'roleplay history'.",
        "fr": "la base {name} était endommagée ({detail}) ; elle est conservée sous {backup} "
        "et {recovered} ({from_files} depuis les fichiers de séance, "
        "{from_index} depuis le fichier endommagé){unreadable}. Vérifiez-les avec "
        "'roleplay history'.",
    },
    "cli.database_unreadable_files.one": {
        "en": "; {count} session file in {folder} is unreadable",
        "fr": " ; {count} fichier de séance dans {folder} est illisible",
    },
    "cli.database_unreadable_files.many": {
        "en": "; {count} session files in {folder} are unreadable",
        "fr": " ; {count} fichiers de séance dans {folder} sont illisibles",
    },
    "cli.recordings_erased.one": {
        "en": "erased {count} recording past the audio_retention setting.",
        "fr": "{count} enregistrement effacé, au-delà du réglage audio_retention.",
    },
    "cli.recordings_erased.many": {
        "en": "erased {count} recordings past the audio_retention setting.",
        "fr": "{count} enregistrements effacés, au-delà du réglage audio_retention.",
    },
    "cli.interrupted_found.one": {
        "en": "{count} practice session stopped before being scored. Score it now?",
        "fr": "{count} séance s'est arrêtée avant d'être notée. La noter maintenant ?",
    },
    "cli.interrupted_found.many": {
        "en": "{count} practice sessions stopped before being scored. Score them now?",
        "fr": "{count} séances se sont arrêtées avant d'être notées. Les noter maintenant ?",
    },
    "cli.interrupted_later.one": {
        "en": "{count} practice session stopped before being scored; 'roleplay recover' scores it.",
        "fr": "{count} séance s'est arrêtée avant d'être notée ; 'roleplay recover' la note.",
    },
    "cli.interrupted_later.many": {
        "en": "{count} practice sessions stopped before being scored; 'roleplay recover' "
        "scores them.",
        "fr": "{count} séances se sont arrêtées avant d'être notées ; 'roleplay recover' les note.",
    },
}
