"""What the commands that move and look after data say when they are done (``cli.*``):
exports, bundles and reviews, imports, deleting, forgetting, rescoring, recovering.

A count is worded by the language's rule: ``.one`` and ``.many`` keys, chosen by
:class:`~simulator.i18n.catalogue.Plural` or ``Text.plural`` ("0 séance", "0 sessions"),
never "(s)". Sentences take their counts already worded, so each noun agrees with its own
number.
"""

from __future__ import annotations

COUNTS: dict[str, dict[str, str]] = {
    "cli.count.session.one": {"en": "{count} session", "fr": "{count} séance"},
    "cli.count.session.many": {"en": "{count} sessions", "fr": "{count} séances"},
    "cli.count.new_session.one": {"en": "{count} new session", "fr": "{count} nouvelle séance"},
    "cli.count.new_session.many": {
        "en": "{count} new sessions",
        "fr": "{count} nouvelles séances",
    },
    "cli.count.updated.one": {"en": "{count} updated", "fr": "{count} mise à jour"},
    "cli.count.updated.many": {"en": "{count} updated", "fr": "{count} mises à jour"},
    "cli.count.already_here.one": {"en": "{count} already here", "fr": "{count} déjà présente"},
    "cli.count.already_here.many": {
        "en": "{count} already here",
        "fr": "{count} déjà présentes",
    },
    "cli.count.recording.one": {"en": "{count} recording", "fr": "{count} enregistrement"},
    "cli.count.recording.many": {"en": "{count} recordings", "fr": "{count} enregistrements"},
    "cli.count.audio_file.one": {"en": "{count} audio file", "fr": "{count} fichier audio"},
    "cli.count.audio_file.many": {"en": "{count} audio files", "fr": "{count} fichiers audio"},
    "cli.count.audio_written.one": {
        "en": "{count} audio file written",
        "fr": "{count} fichier audio écrit",
    },
    "cli.count.audio_written.many": {
        "en": "{count} audio files written",
        "fr": "{count} fichiers audio écrits",
    },
    "cli.count.comment.one": {"en": "{count} comment", "fr": "{count} commentaire"},
    "cli.count.comment.many": {"en": "{count} comments", "fr": "{count} commentaires"},
    "cli.count.override.one": {"en": "{count} override", "fr": "{count} note corrigée"},
    "cli.count.override.many": {"en": "{count} overrides", "fr": "{count} notes corrigées"},
    "cli.count.process.one": {"en": "{count} process", "fr": "{count} processus"},
    "cli.count.process.many": {"en": "{count} processes", "fr": "{count} processus"},
    "cli.count.scorecard_changed.one": {
        "en": "{count} scorecard changed",
        "fr": "{count} bilan modifié",
    },
    "cli.count.scorecard_changed.many": {
        "en": "{count} scorecards changed",
        "fr": "{count} bilans modifiés",
    },
    "cli.count.reply.one": {"en": "{count} reply", "fr": "{count} réponse"},
    "cli.count.reply.many": {"en": "{count} replies", "fr": "{count} réponses"},
    "cli.count.recovered.one": {
        "en": "{count} session was recovered",
        "fr": "{count} séance a été récupérée",
    },
    "cli.count.recovered.many": {
        "en": "{count} sessions were recovered",
        "fr": "{count} séances ont été récupérées",
    },
    # scenarios validate / test, rules validate / test
    "cli.count.problem.one": {"en": "{count} problem", "fr": "{count} problème"},
    "cli.count.problem.many": {"en": "{count} problems", "fr": "{count} problèmes"},
    "cli.count.valid_scenario.one": {
        "en": "{count} scenario valid",
        "fr": "{count} scénario valide",
    },
    "cli.count.valid_scenario.many": {
        "en": "{count} scenarios valid",
        "fr": "{count} scénarios valides",
    },
    "cli.count.valid_pack.one": {"en": "{count} pack valid", "fr": "{count} pack valide"},
    "cli.count.valid_pack.many": {"en": "{count} packs valid", "fr": "{count} packs valides"},
    "cli.count.passed.one": {"en": "{count} passed", "fr": "{count} réussi"},
    "cli.count.passed.many": {"en": "{count} passed", "fr": "{count} réussis"},
    "cli.count.failed.one": {"en": "{count} failed", "fr": "{count} en échec"},
    "cli.count.failed.many": {"en": "{count} failed", "fr": "{count} en échec"},
}

SUMMARIES: dict[str, dict[str, str]] = {
    # Lists: "Dana", "Dana and Lee", "Dana, Lee and Sam".
    "cli.list.two": {"en": "{first} and {last}", "fr": "{first} et {last}"},
    # export --bundle, export --reviews, import
    "cli.bundle_written": {
        "en": "{path}: {sessions}, {audio}.",
        "fr": "{path} : {sessions}, {audio}.",
    },
    "cli.bundle_imported": {
        "en": "{path}: {added}, {updated}, {unchanged} ({comments} and {overrides} added); "
        "{audio}.",
        "fr": "{path} : {added}, {updated}, {unchanged} ({comments} et {overrides} ajoutés) ; "
        "{audio}.",
    },
    "cli.reviews_written": {
        "en": "{path}: {what} on {sessions} of {agent}.",
        "fr": "{path} : {what} sur {sessions} de l'agent {agent}.",
    },
    "cli.reviews_imported": {
        "en": "{path}: {what} from {reviewers} on {sessions}.",
        "fr": "{path} : {what} par {reviewers} sur {sessions}.",
    },
    "cli.a_reviewer": {"en": "a reviewer", "fr": "un relecteur"},
    "cli.reviews_nothing_new": {
        "en": "{path}: nothing new, these reviews were already here.",
        "fr": "{path} : rien de nouveau, ces relectures étaient déjà là.",
    },
    "cli.reviews_skipped.one": {
        "en": "{count} session of the bundle is not in this database: its reviews were left out.",
        "fr": "{count} séance du lot n'est pas dans cette base : ses relectures ont été "
        "laissées de côté.",
    },
    "cli.reviews_skipped.many": {
        "en": "{count} sessions of the bundle are not in this database: their reviews were "
        "left out.",
        "fr": "{count} séances du lot ne sont pas dans cette base : leurs relectures ont été "
        "laissées de côté.",
    },
    # delete and forget: the files roleplay wrote that held the sessions
    "cli.them.one": {"en": "it", "fr": "elle"},
    "cli.them.many": {"en": "them", "fr": "elles"},
    "cli.exports_rewritten.one": {
        "en": "{count} export file rewritten without {them}:",
        "fr": "{count} fichier d'export réécrit sans {them} :",
    },
    "cli.exports_rewritten.many": {
        "en": "{count} export files rewritten without {them}:",
        "fr": "{count} fichiers d'export réécrits sans {them} :",
    },
    "cli.exports_erased.one": {
        "en": "{count} export file erased, as it held nothing else:",
        "fr": "{count} fichier d'export effacé, qui ne contenait rien d'autre :",
    },
    "cli.exports_erased.many": {
        "en": "{count} export files erased, as they held nothing else:",
        "fr": "{count} fichiers d'export effacés, qui ne contenaient rien d'autre :",
    },
    "cli.export_unchanged": {
        "en": "{path} still holds {them} ({why}): erase it yourself.",
        "fr": "{path} contient encore {them} ({why}) : effacez-le vous-même.",
    },
    "cli.forgotten": {
        "en": "Erased {sessions} and {recordings} of {agent}.",
        "fr": "Effacés pour {agent} : {sessions} et {recordings}.",
    },
    "cli.forget_confirm.one": {
        "en": "Erase {count} session of {agent}, its recordings and exports, for good?",
        "fr": "Effacer définitivement {count} séance de l'agent {agent}, ses enregistrements "
        "et ses exports ?",
    },
    "cli.forget_confirm.many": {
        "en": "Erase {count} sessions of {agent}, their recordings and exports, for good?",
        "fr": "Effacer définitivement {count} séances de l'agent {agent}, leurs "
        "enregistrements et leurs exports ?",
    },
    "cli.forget_backups": {
        "en": "These backups of a damaged database may still hold them; delete them if you "
        "no longer need them:",
        "fr": "Ces copies d'une base endommagée peuvent encore les contenir ; supprimez-les "
        "si vous n'en avez plus besoin :",
    },
    # rescore and recover
    "cli.rescored": {
        "en": "Rescored {sessions} in {seconds} s ({per_second} per second, {jobs}): "
        "{rewritten}, {changed} with a different score.",
        "fr": "Séances notées à nouveau : {sessions} en {seconds} s ({per_second} par seconde, "
        "{jobs}) ; {rewritten}, dont {changed} avec une note différente.",
    },
    "cli.nothing_to_recover": {
        "en": "No interrupted session: nothing to recover.",
        "fr": "Aucune séance interrompue : rien à récupérer.",
    },
    "cli.recovered": {
        "en": "{id}: {scenario} by {agent}, {when} UTC, {replies} — overall {overall}",
        "fr": "{id} : {scenario} par {agent}, {when} UTC, {replies} — note globale {overall}",
    },
}

SUMMARY_TEXTS: dict[str, dict[str, str]] = {**COUNTS, **SUMMARIES}
