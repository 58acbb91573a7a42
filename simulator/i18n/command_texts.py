"""What the command line says besides errors (``cli.*``).

``cli.saved`` closes a practice session, in the call's language like the lines before it;
the rest is in the interface language.
"""

from __future__ import annotations

COMMAND_TEXTS: dict[str, dict[str, str]] = {
    "cli.saved": {"en": "Session saved as", "fr": "Séance enregistrée sous"},
    "cli.interrupted": {"en": "interrupted", "fr": "interrompu"},
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
    "cli.scenarios_invalid": {
        "en": "{problems} problem(s); {valid} scenario(s) valid.",
        "fr": "{problems} problème(s) ; {valid} scénario(s) valide(s).",
    },
    "cli.scenarios_valid": {
        "en": "{valid} scenario(s) valid.",
        "fr": "{valid} scénario(s) valide(s).",
    },
    "cli.packs_invalid": {
        "en": "{problems} problem(s); {valid} pack(s) valid.",
        "fr": "{problems} problème(s) ; {valid} pack(s) valide(s).",
    },
    "cli.packs_valid": {"en": "{valid} pack(s) valid.", "fr": "{valid} pack(s) valide(s)."},
}
