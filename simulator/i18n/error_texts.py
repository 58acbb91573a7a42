"""What roleplay says when a person's request cannot be done (``error.*``), in the
interface language: a :class:`simulator.errors.SimulatorError` carries one of these keys.

``error.why.*`` are the causes put inside another message ("… : no speakers found").
"""

from __future__ import annotations

ERROR_TEXTS: dict[str, dict[str, str]] = {
    # Scenarios, rule packs, voices
    "error.unknown_scenario": {
        "en": "no scenario {name} in {folders}\n{hint}",
        "fr": "aucun scénario {name} dans {folders}\n{hint}",
    },
    "error.unknown_scenario_close": {
        "en": "no scenario {name} in {folders}; did you mean {close}?\n{hint}",
        "fr": "aucun scénario {name} dans {folders} ; vouliez-vous dire {close} ?\n{hint}",
    },
    "error.unknown_scenario.fix": {
        "en": "run 'roleplay scenarios list' to see them all; for a scenario kept in another "
        "folder, add that folder to 'scenario_dirs' in the settings file {settings}, or give "
        "the path to its file",
        "fr": "lancez 'roleplay scenarios list' pour les voir tous ; pour un scénario rangé "
        "dans un autre dossier, ajoutez ce dossier à 'scenario_dirs' dans le fichier de "
        "réglages {settings}, ou donnez le chemin de son fichier",
    },
    "error.no_rule_folder": {
        "en": "the rule pack folder {folder} does not exist; "
        "check 'rule_dirs' in your settings file",
        "fr": "le dossier de packs de règles {folder} n'existe pas ; "
        "vérifiez 'rule_dirs' dans votre fichier de réglages",
    },
    "error.unknown_voice": {
        "en": "no voice profile '{name}'; the profiles are: {known}",
        "fr": "aucun profil de voix '{name}' ; les profils sont : {known}",
    },
    "error.bad_scenario_id": {
        "en": "'{id}' cannot be a scenario id: use lowercase letters, digits and dashes",
        "fr": "'{id}' ne peut pas être un identifiant de scénario : utilisez des lettres "
        "minuscules, des chiffres et des tirets",
    },
    "error.scenario_exists": {
        "en": "{path} already exists; choose another id",
        "fr": "{path} existe déjà ; choisissez un autre identifiant",
    },
    "error.new_scenario_needs": {
        "en": "without a terminal to ask in, give {missing}",
        "fr": "sans terminal où les demander, indiquez {missing}",
    },
    "error.template_render": {
        "en": "cannot render the customer line {text}: {why}",
        "fr": "impossible de composer la réplique du client {text} : {why}",
    },
    # Sessions and the database
    "error.unknown_session": {
        "en": "no session '{id}'; 'roleplay history' lists them",
        "fr": "aucune séance '{id}' ; 'roleplay history' les liste",
    },
    "error.ambiguous_session": {
        "en": "'{id}' could be several sessions ({ids}); give more of the id",
        "fr": "'{id}' peut désigner plusieurs séances ({ids}) ; donnez une plus grande partie "
        "de l'identifiant",
    },
    "error.bad_session_id": {
        "en": "'{id}' is not a session id (letters, digits, '-', '_', '.')",
        "fr": "'{id}' n'est pas un identifiant de séance (lettres, chiffres, '-', '_', '.')",
    },
    "error.not_interrupted": {
        "en": "not an interrupted session: {ids}; "
        "'roleplay recover' alone scores every interrupted session",
        "fr": "pas une séance interrompue : {ids} ; "
        "'roleplay recover' seul note toutes les séances interrompues",
    },
    "error.not_a_dimension": {
        "en": "'{dimension}' is not a dimension; use one of {dimensions}",
        "fr": "'{dimension}' n'est pas une dimension ; utilisez l'une de {dimensions}",
    },
    "error.score_range": {
        "en": "a score is between 0 and 100",
        "fr": "une note est comprise entre 0 et 100",
    },
    "error.override_reason": {
        "en": "say why the score is overridden",
        "fr": "dites pourquoi la note est corrigée",
    },
    "error.database_busy": {
        "en": "the database {path} stayed busy for {seconds:.0f} s (another roleplay is "
        "writing to it, or {lock} was left by a crash on a network drive); try again, or "
        "delete that lock file if no roleplay is running",
        "fr": "la base {path} est restée occupée pendant {seconds:.0f} s (un autre roleplay "
        "y écrit, ou {lock} a été laissé par un plantage sur un lecteur réseau) ; réessayez, "
        "ou supprimez ce fichier de verrou si aucun roleplay ne tourne",
    },
    "error.damaged_database": {
        "en": "the database {path} is damaged ({detail}); start roleplay again to repair it "
        "(the damaged file is kept as a backup beside it)",
        "fr": "la base {path} est endommagée ({detail}) ; relancez roleplay pour la réparer "
        "(le fichier endommagé est gardé en copie à côté)",
    },
    "error.database_permission": {
        "en": "cannot open the database {path}: permission denied ({file}). "
        "Use --db PATH or ROLEPLAY_DB to choose another file.",
        "fr": "impossible d'ouvrir la base {path} : permission refusée ({file}). "
        "Utilisez --db CHEMIN ou ROLEPLAY_DB pour choisir un autre fichier.",
    },
    "error.unknown_agent": {
        "en": "no sessions of '{agent}' in {path} (agents here: {agents})",
        "fr": "aucune séance de '{agent}' dans {path} (agents présents : {agents})",
    },
    "error.unknown_agent_close": {
        "en": "no sessions of '{agent}' in {path}; did you mean {close}? (agents here: {agents})",
        "fr": "aucune séance de '{agent}' dans {path} ; vouliez-vous dire {close} ? "
        "(agents présents : {agents})",
    },
    "error.no_sessions_at_all": {
        "en": "no sessions of '{agent}' in {path} (there are no sessions)",
        "fr": "aucune séance de '{agent}' dans {path} (il n'y a aucune séance)",
    },
    "error.agent_name_empty": {
        "en": "an agent's name cannot be empty",
        "fr": "le nom d'un agent ne peut pas être vide",
    },
    "error.agent_exists": {
        "en": "'{agent}' is already an agent here; to put {old}'s sessions under that name, "
        "run 'roleplay agents merge'",
        "fr": "'{agent}' est déjà un agent ici ; pour ranger les séances de {old} sous ce nom, "
        "lancez 'roleplay agents merge'",
    },
    "error.merge_same_agent": {
        "en": "both names are {agent}'s: nothing to merge; to write every session's name "
        "the same way, run 'roleplay agents rename'",
        "fr": "les deux noms désignent {agent} : rien à fusionner ; pour écrire le nom de la "
        "même façon dans toutes les séances, lancez 'roleplay agents rename'",
    },
    "error.merge_confirm": {
        "en": "this puts {count} session(s) of {agent} under {into} for good; add --yes to confirm",
        "fr": "cela range définitivement {count} séance(s) de {agent} sous {into} ; ajoutez "
        "--yes pour confirmer",
    },
    "error.delete_confirm": {
        "en": "this deletes the session {id} and its recordings for good; add --yes to confirm",
        "fr": "cela supprime définitivement la séance {id} et ses enregistrements ; ajoutez "
        "--yes pour confirmer",
    },
    "error.forget_confirm": {
        "en": "this erases {sessions} of {agent} for good; add --yes to confirm",
        "fr": "cela efface définitivement {sessions} de l'agent {agent} ; ajoutez --yes pour "
        "confirmer",
    },
    # Reports, exports, bundles
    "error.team_report_empty": {
        "en": "no scored session in {path} matches: nothing to report. "
        "'roleplay history' lists the sessions.",
        "fr": "aucune séance notée de {path} ne correspond : rien à présenter. "
        "'roleplay history' liste les séances.",
    },
    "error.bundle_empty": {
        "en": "no sessions in {path}: nothing to bundle",
        "fr": "aucune séance dans {path} : rien à regrouper",
    },
    "error.bundle_empty_agent": {
        "en": "no sessions for {agent} in {path}: nothing to bundle",
        "fr": "aucune séance de {agent} dans {path} : rien à regrouper",
    },
    "error.no_reviews": {
        "en": "no comments or score overrides on the sessions of {agent} in {path}: nothing to "
        "send back (comment with 'c' or override with 'o' on a scorecard first)",
        "fr": "aucun commentaire ni note corrigée sur les séances de l'agent {agent} dans "
        "{path} : rien à renvoyer (commentez avec 'c' ou corrigez avec 'o' sur un bilan "
        "d'abord)",
    },
    "error.reviews_need_agent": {
        "en": "--reviews sends reviews back to one agent; name them with --agent",
        "fr": "--reviews renvoie des relectures à un agent ; nommez-le avec --agent",
    },
    "error.export_bundle_or_reviews": {
        "en": "--bundle and --reviews each write their own zip; choose one",
        "fr": "--bundle et --reviews écrivent chacun leur propre zip ; choisissez-en un",
    },
    "error.export_zip_and_output": {
        "en": "{option} names the zip to write; leave out -o",
        "fr": "{option} désigne le zip à écrire ; retirez -o",
    },
    "error.csv_folder": {
        "en": "cannot write to {folder}: for CSV, -o names a folder "
        "(sessions.csv and findings.csv go in it): {why}",
        "fr": "impossible d'écrire dans {folder} : en CSV, -o désigne un dossier "
        "(sessions.csv et findings.csv y sont écrits) : {why}",
    },
    "error.cannot_write": {
        "en": "cannot write {path}: {why}",
        "fr": "impossible d'écrire {path} : {why}",
    },
    "error.bad_bundle": {
        "en": "cannot import {path}: {why}",
        "fr": "impossible d'importer {path} : {why}",
    },
    "error.bundle_audio_unreadable": {
        "en": "cannot read the audio file {path}: {why}",
        "fr": "impossible de lire le fichier audio {path} : {why}",
    },
    "error.bundle_audio_unwritable": {
        "en": "cannot write audio under {folder}: {why}; no session was imported",
        "fr": "impossible d'écrire l'audio dans {folder} : {why} ; aucune séance n'a été importée",
    },
    # Voice
    "error.no_audio_device": {
        "en": "spoken practice needs a microphone and speakers: {why}",
        "fr": "l'entraînement à voix haute demande un micro et des haut-parleurs : {why}",
    },
    "error.no_audio_device_typed": {
        "en": "spoken practice needs a microphone and speakers: {why}.\n"
        "Add --text to type your replies, or --input-audio DIR to use recorded ones.",
        "fr": "l'entraînement à voix haute demande un micro et des haut-parleurs : {why}.\n"
        "Ajoutez --text pour taper vos réponses, ou --input-audio DOSSIER pour utiliser "
        "des réponses enregistrées.",
    },
    "error.audio_device_lost": {
        "en": "the microphone or the speakers stopped working during the call (unplugged, "
        "or the sound server stopped): the call ends here and what was said is kept",
        "fr": "le micro ou les haut-parleurs ont cessé de fonctionner pendant l'appel "
        "(débranchés, ou le serveur de son s'est arrêté) : l'appel s'arrête là et ce qui "
        "a été dit est gardé",
    },
    "error.cannot_play": {
        "en": "cannot play {name}: {why}",
        "fr": "impossible de lire {name} : {why}",
    },
    "error.no_audio_file": {
        "en": "{path}: no such audio file",
        "fr": "{path} : ce fichier audio n'existe pas",
    },
    "error.unreadable_audio": {
        "en": "{path}: cannot read this as audio ({why}); use WAV, FLAC or Ogg",
        "fr": "{path} : impossible de lire ce fichier comme de l'audio ({why}) ; utilisez "
        "WAV, FLAC ou Ogg",
    },
    "error.no_replies_folder": {
        "en": "{folder}: no such folder of recorded replies",
        "fr": "{folder} : ce dossier de réponses enregistrées n'existe pas",
    },
    "error.reply_file_missing": {
        "en": "{manifest}: {file} does not exist in {folder}",
        "fr": "{manifest} : {file} n'existe pas dans {folder}",
    },
    "error.no_reply_files": {
        "en": "{folder}: no .wav, .flac or .ogg files in this folder",
        "fr": "{folder} : aucun fichier .wav, .flac ou .ogg dans ce dossier",
    },
    "error.tts_missing": {
        "en": "text to speech is not available: {why}. On Debian or Ubuntu install it with: "
        "apt-get install espeak-ng libespeak-ng1",
        "fr": "la synthèse vocale n'est pas disponible : {why}. Sous Debian ou Ubuntu, "
        "installez-la avec : apt-get install espeak-ng libespeak-ng1",
    },
    "error.tts_no_audio": {
        "en": "the speech engine wrote no audio for {text} with voice {voice}",
        "fr": "le moteur de synthèse n'a produit aucun son pour {text} avec la voix {voice}",
    },
    "error.whisper_missing": {
        "en": "faster-whisper is not installed; install roleplay again (pip install .) "
        "or use --asr sphinx for English",
        "fr": "faster-whisper n'est pas installé ; réinstallez roleplay (pip install .) "
        "ou utilisez --asr sphinx pour l'anglais",
    },
    "error.asr_english_only": {
        "en": "the speech recognition model '{model}' is English-only and cannot recognise "
        "'{locale}'. Use a multilingual faster-whisper model (for example 'small'): "
        "--asr-model PATH, $ROLEPLAY_ASR_MODEL, or 'asr_model' in settings.",
        "fr": "le modèle de reconnaissance vocale '{model}' ne connaît que l'anglais et ne "
        "peut pas reconnaître '{locale}'. Utilisez un modèle faster-whisper multilingue (par "
        "exemple 'small') : --asr-model CHEMIN, $ROLEPLAY_ASR_MODEL, ou 'asr_model' dans les "
        "réglages.",
    },
    "error.asr_not_a_model_folder": {
        "en": "{folder} is not a faster-whisper model folder (it has no model.bin)",
        "fr": "{folder} n'est pas un dossier de modèle faster-whisper (il n'a pas de model.bin)",
    },
    "error.asr_no_model_folder": {
        "en": "the speech recognition model folder {folder} does not exist",
        "fr": "le dossier du modèle de reconnaissance vocale {folder} n'existe pas",
    },
    "error.asr_model_unavailable": {
        "en": "the speech recognition model '{model}' is not on this machine and could not "
        "be downloaded ({why}). Download it once on a connected machine, or point "
        "--asr-model (or $ROLEPLAY_ASR_MODEL, or 'asr_model' in settings) at a local "
        "faster-whisper model folder.",
        "fr": "le modèle de reconnaissance vocale '{model}' n'est pas sur cette machine et n'a "
        "pas pu être téléchargé ({why}). Téléchargez-le une fois sur une machine connectée, "
        "ou indiquez avec --asr-model (ou $ROLEPLAY_ASR_MODEL, ou 'asr_model' dans les "
        "réglages) un dossier local de modèle faster-whisper.",
    },
    "error.sphinx_english_only": {
        "en": "PocketSphinx recognises English only; for French use faster-whisper with a "
        "multilingual model (--asr whisper --asr-model PATH)",
        "fr": "PocketSphinx ne reconnaît que l'anglais ; pour le français, utilisez "
        "faster-whisper avec un modèle multilingue (--asr whisper --asr-model CHEMIN)",
    },
    "error.sphinx_unusable": {
        "en": "PocketSphinx is not usable: {why}",
        "fr": "PocketSphinx est inutilisable : {why}",
    },
    # Causes
    "error.why.no_microphone": {"en": "no microphone found", "fr": "aucun micro trouvé"},
    "error.why.no_speakers": {"en": "no speakers found", "fr": "aucun haut-parleur trouvé"},
    "error.why.no_sound_device": {
        "en": "no microphone or speakers found",
        "fr": "ni micro ni haut-parleur trouvé",
    },
    "error.why.portaudio_missing": {
        "en": "{why} (on Debian or Ubuntu: apt-get install libportaudio2)",
        "fr": "{why} (sous Debian ou Ubuntu : apt-get install libportaudio2)",
    },
    "error.why.is_a_folder": {
        "en": "it is a folder; give a file name",
        "fr": "c'est un dossier ; donnez un nom de fichier",
    },
    "error.why.no_folder": {
        "en": "the folder {folder} does not exist",
        "fr": "le dossier {folder} n'existe pas",
    },
    "error.why.not_a_folder": {
        "en": "{folder} is not a folder",
        "fr": "{folder} n'est pas un dossier",
    },
    "error.why.permission_denied": {"en": "permission denied", "fr": "permission refusée"},
    "error.why.no_such_file": {"en": "no such file", "fr": "ce fichier n'existe pas"},
    "error.why.not_a_zip": {
        "en": "it is not a zip file (a bundle is made by 'roleplay export --bundle')",
        "fr": "ce n'est pas un fichier zip (un lot est fait par 'roleplay export --bundle')",
    },
    "error.why.damaged_zip": {
        "en": "the zip file is damaged ({why})",
        "fr": "le fichier zip est endommagé ({why})",
    },
    "error.why.entry_twice": {
        "en": "it holds the same entry twice",
        "fr": "il contient deux fois la même entrée",
    },
    "error.why.entry_encrypted": {
        "en": "the entry {entry} is encrypted; bundles never are",
        "fr": "l'entrée {entry} est chiffrée ; un lot ne l'est jamais",
    },
}
