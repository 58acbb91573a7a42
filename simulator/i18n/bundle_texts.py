"""What is wrong with a bundle a person tries to import (``error.bundle.*``): each is the
``why`` of ``error.bad_bundle``."""

from __future__ import annotations

BUNDLE_TEXTS: dict[str, dict[str, str]] = {
    "error.bundle.no_entry": {
        "en": "it has no {name}; is it a roleplay bundle?",
        "fr": "il n'a pas de {name} ; est-ce bien un lot roleplay ?",
    },
    "error.bundle.too_large": {
        "en": "its {name} is too large to be a bundle's ({size:,} bytes)",
        "fr": "son {name} est trop gros pour un lot ({size:,} octets)",
    },
    "error.bundle.not_json": {
        "en": "its {name} is not valid JSON",
        "fr": "son {name} n'est pas du JSON valide",
    },
    "error.bundle.not_json_at": {
        "en": "its {name} is not valid JSON (line {line}: {detail})",
        "fr": "son {name} n'est pas du JSON valide (ligne {line} : {detail})",
    },
    "error.bundle.too_deep": {
        "en": "its {name} is nested too deep to be a bundle's",
        "fr": "son {name} est imbriqué trop profondément pour un lot",
    },
    "error.bundle.not_manifest": {
        "en": "its {name} is not a roleplay bundle manifest",
        "fr": "son {name} n'est pas le manifeste d'un lot roleplay",
    },
    "error.bundle.newer": {
        "en": "it was made by a newer roleplay (bundle version {version}); "
        "update roleplay to import it",
        "fr": "il a été fait par un roleplay plus récent (lot version {version}) ; "
        "mettez roleplay à jour pour l'importer",
    },
    "error.bundle.unsupported": {
        "en": "bundle version {version} is not supported (expected {expected})",
        "fr": "la version de lot {version} n'est pas prise en charge ({expected} attendue)",
    },
    "error.bundle.not_a_list": {
        "en": "its {name} should hold a list of sessions",
        "fr": "son {name} devrait contenir une liste de séances",
    },
    "error.bundle.not_a_session": {
        "en": "{where} is not a session",
        "fr": "{where} n'est pas une séance",
    },
    "error.bundle.bad_id": {
        "en": "{where}.id {value} is not a session id",
        "fr": "{where}.id {value} n'est pas un identifiant de séance",
    },
    "error.bundle.session_twice": {
        "en": "it holds session {id} twice",
        "fr": "il contient deux fois la séance {id}",
    },
    "error.bundle.record": {"en": "{where} {why}", "fr": "{where} {why}"},
    "error.bundle.record.missing": {"en": "is missing", "fr": "manque"},
    "error.bundle.record.text": {"en": "should be text", "fr": "devrait être du texte"},
    "error.bundle.record.number": {"en": "should be a number", "fr": "devrait être un nombre"},
    "error.bundle.record.list": {"en": "should be a list", "fr": "devrait être une liste"},
    "error.bundle.record.mapping": {
        "en": "should be a mapping",
        "fr": "devrait être un tableau de clés et de valeurs",
    },
    "error.bundle.record.shape": {
        "en": "is not what roleplay writes there",
        "fr": "n'est pas ce que roleplay écrit à cet endroit",
    },
    "error.bundle.record.other": {
        "en": "is not valid ({detail})",
        "fr": "n'est pas valide ({detail})",
    },
    "error.bundle.review.dimension": {
        "en": "names no dimension roleplay scores ({names})",
        "fr": "ne désigne aucune dimension notée par roleplay ({names})",
    },
    "error.bundle.review.score": {
        "en": "should be a score from 0 to 100",
        "fr": "devrait être une note de 0 à 100",
    },
    "error.bundle.unknown_kind": {
        "en": "its {name} says it holds {kind}, which this roleplay does not know; "
        "update roleplay to import it",
        "fr": "son {name} annonce un contenu {kind} que ce roleplay ne connaît pas ; "
        "mettez roleplay à jour pour l'importer",
    },
    "error.bundle.unsafe_entry": {
        "en": "the entry {entry} {why}; nothing was imported",
        "fr": "l'entrée {entry} {why} ; rien n'a été importé",
    },
    "error.bundle.entry.nul": {
        "en": "has a NUL character in its name",
        "fr": "a un caractère NUL dans son nom",
    },
    "error.bundle.entry.no_name": {"en": "has no name", "fr": "n'a pas de nom"},
    "error.bundle.entry.link": {"en": "is a symbolic link", "fr": "est un lien symbolique"},
    "error.bundle.entry.absolute": {"en": "is an absolute path", "fr": "est un chemin absolu"},
    "error.bundle.entry.backslashes": {
        "en": "uses backslashes, which could lead out of its folder",
        "fr": "contient des barres obliques inverses, qui pourraient mener hors de son dossier",
    },
    "error.bundle.entry.climbs": {
        "en": "climbs out of its folder ('..')",
        "fr": "remonte hors de son dossier ('..')",
    },
    "error.bundle.bad_audio_entry": {
        "en": "the entry {entry} is not audio/<session id>/<file name>; nothing was imported",
        "fr": "l'entrée {entry} n'est pas de la forme audio/<séance>/<fichier> ; "
        "rien n'a été importé",
    },
    "error.bundle.audio_of_no_session": {
        "en": "the entry {entry} belongs to no session in the bundle",
        "fr": "l'entrée {entry} n'appartient à aucune séance du lot",
    },
    "error.bundle.audio_too_large": {
        "en": "the entry {entry} is too large for an audio file",
        "fr": "l'entrée {entry} est trop grosse pour un fichier audio",
    },
    "error.bundle.leads_outside": {
        "en": "{target} leads outside the data folder; nothing more imported",
        "fr": "{target} mène hors du dossier de données ; rien de plus n'a été importé",
    },
}
