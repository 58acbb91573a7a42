"""The same mistakes, told in French or in English: the interface language decides.

Each run is a fresh process with ROLEPLAY_LANG set (or not, to test the setting), its own
database and its own settings file; the message, the exit status 2 and the absence of a
traceback are checked in both languages.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from click.testing import CliRunner

from simulator.cli.main import cli
from simulator.i18n.catalogue import Phrase

DATA = Path(__file__).parent.parent / "data"


def _run(tmp_path: Path, *args: str, lang: str | None, settings: str | None = None):
    env = {
        **os.environ,
        "ROLEPLAY_DB": str(tmp_path / "roleplay.json"),
        "ROLEPLAY_SETTINGS": str(tmp_path / "settings.yml"),
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "LANG": "C.UTF-8",
    }
    env.pop("LC_ALL", None)
    env.pop("ROLEPLAY_LANG", None)
    if lang is not None:
        env["ROLEPLAY_LANG"] = lang
    if settings is not None:
        (tmp_path / "settings.yml").write_text(settings, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        input="",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    return proc.stderr


SAID = {
    "malformed scenario": {
        "fr": [
            "1 problème dans le scénario :",
            "custmer_name: clé inconnue (vouliez-vous dire 'customer_name' ?)",
        ],
        "en": [
            "1 problem in scenario:",
            "custmer_name: unknown key (did you mean 'customer_name'?)",
        ],
    },
    "unknown session": {
        "fr": ["roleplay: aucune séance '0000000000' ; 'roleplay history' les liste"],
        "en": ["roleplay: no session '0000000000'; 'roleplay history' lists them"],
    },
    "missing rule-pack folder": {
        "fr": ["le dossier de packs de règles", "n'existe pas ; vérifiez 'rule_dirs'"],
        "en": ["the rule pack folder", "does not exist; check 'rule_dirs'"],
    },
    "missing speech model": {
        "fr": ["le dossier du modèle de reconnaissance vocale ./no-such-model n'existe pas"],
        "en": ["the speech recognition model folder ./no-such-model does not exist"],
    },
}


def _mistake(case: str, tmp_path: Path) -> tuple[list[str], str | None]:
    """The command line of each mistake, and the settings file it runs with."""
    if case == "malformed scenario":
        bad = str(DATA / "scenarios_bad" / "unknown-key.yml")
        return ["practice", bad, "--agent", "Sam", "--text"], None
    if case == "unknown session":
        return ["report", "session", "0000000000"], None
    if case == "missing rule-pack folder":
        transcript = str(DATA / "transcripts" / "en-good.json")
        return ["score", transcript], f"rule_dirs: [{tmp_path / 'no-such-folder'}]\n"
    recording = tmp_path / "silence.wav"
    sf.write(str(recording), np.zeros(16000, dtype="float32"), 16000)
    return ["analyze-audio", str(recording), "--asr-model", "./no-such-model"], None


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("case", sorted(SAID))
def test_a_mistake_is_told_in_the_interface_language(tmp_path, case, lang):
    args, settings = _mistake(case, tmp_path)
    said = _run(tmp_path, *args, lang=lang, settings=settings)
    for words in SAID[case][lang]:
        assert words in said, said
    other = "en" if lang == "fr" else "fr"
    assert SAID[case][other][0] not in said


def test_the_settings_file_chooses_the_language_when_roleplay_lang_does_not(tmp_path):
    said = _run(tmp_path, "report", "session", "0000000000", lang=None, settings="ui_locale: fr\n")
    assert "aucune séance '0000000000'" in said


def test_roleplay_lang_wins_over_the_setting(tmp_path):
    said = _run(tmp_path, "report", "session", "0000000000", lang="en", settings="ui_locale: fr\n")
    assert "no session '0000000000'" in said


def test_a_broken_settings_file_is_told_in_roleplay_lang_or_the_systems_language(tmp_path):
    broken = "ui_locale: fr\ncolour: blue\n"
    said = _run(
        tmp_path, "score", str(DATA / "transcripts" / "en-good.json"), lang="fr", settings=broken
    )
    assert "1 problème dans le fichier de réglages :" in said and "colour: clé inconnue" in said
    # The file that would have said French cannot be read: the system's language (C) decides.
    said = _run(
        tmp_path, "score", str(DATA / "transcripts" / "en-good.json"), lang=None, settings=broken
    )
    assert "1 problem in settings file:" in said and "colour: unknown key" in said


def test_a_yaml_tab_is_named_in_french(tmp_path):
    scenario = tmp_path / "tabbed.yml"
    scenario.write_text("id: tabbed\nnodes:\n\tstart: 1\n", encoding="utf-8")
    env = {**os.environ, "ROLEPLAY_LANG": "fr", "ROLEPLAY_SETTINGS": str(tmp_path / "none.yml")}
    result = CliRunner().invoke(cli, ["scenarios", "validate", str(scenario)], env=env)
    assert result.exit_code == 2
    assert f"{scenario}:3:1: ce n'est pas du YAML valide : une tabulation ici" in result.stderr
    assert "1 problème ; 0 scénario valide." in result.stderr


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "fr",
            "roleplay: l'entraînement à voix haute demande un micro et des haut-parleurs : "
            "aucun micro trouvé.\nAjoutez --text",
        ),
        (
            "en",
            "roleplay: spoken practice needs a microphone and speakers: no microphone found.\n"
            "Add --text",
        ),
    ],
)
def test_no_audio_device_is_told_in_the_interface_language(tmp_path, monkeypatch, lang, words):
    import simulator.voice.devices

    def no_microphone():
        return False, True, Phrase("error.why.no_microphone")

    monkeypatch.setattr(simulator.voice.devices, "audio_devices", no_microphone)
    env = {
        "ROLEPLAY_LANG": lang,
        "ROLEPLAY_DB": str(tmp_path / "roleplay.json"),
        "ROLEPLAY_SETTINGS": str(tmp_path / "none.yml"),
    }
    result = CliRunner().invoke(
        cli, ["practice", "fr-facture-contestee", "--agent", "Sam"], input="", env=env
    )
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert words in result.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "sessions.json[0].overall devrait être un nombre"),
        ("en", "sessions.json[0].overall should be a number"),
    ],
)
def test_a_bad_bundle_is_refused_in_the_readers_language(tmp_path, lang, said):
    bundle = tmp_path / "team.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "roleplay-bundle", "version": 1}))
        record = {"id": "abc123", "agent": "Sam", "started_at": "2026-11-01T09:00:00+00:00"}
        archive.writestr("sessions.json", json.dumps([{**record, "overall": "high"}]))
    err = _run(tmp_path, "import", str(bundle), lang=lang)
    assert said in err
