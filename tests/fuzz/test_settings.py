"""Any settings file ($ROLEPLAY_SETTINGS) loads or is refused with a located message, and
the commands that read it (score, rules validate, scenarios list) end cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.authoring.settings import load_settings
from simulator.errors import EXIT_USER_ERROR
from tests.fuzz.budget import fuzz
from tests.fuzz.mutations import dump_yaml, file_contents
from tests.fuzz.outcomes import assert_clean, ends_cleanly, invoke
from tests.fuzz.shipped import TRANSCRIPTS

DATA = Path(__file__).parent.parent / "data"
VALID = {
    "rule_dirs": [str(DATA / "packs")],
    "scenario_dirs": ["../data/scenarios"],
    "pacing": {
        "en": {"min_wpm": 120, "max_wpm": 180, "dead_air_seconds": 3, "long_pause_seconds": 2},
        "fr": {"max_wpm": 190.5},
    },
    "asr_engine": "none",
    "asr_model": "tiny",
    "ui_locale": "fr",
}
VALID_TEXT = dump_yaml(VALID)
settings_files = file_contents(VALID_TEXT, VALID, dump_yaml)
COMMANDS = [
    ["score", str(TRANSCRIPTS / "en-good.json")],
    ["score", str(TRANSCRIPTS / "fr-balagtas.json"), "--json"],
    ["rules", "validate"],
    ["scenarios", "list"],
]


@pytest.fixture(scope="module")
def settings_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Next to a "data" folder, so that the relative scenario folder above exists.
    folder = tmp_path_factory.mktemp("settings") / "config"
    folder.mkdir()
    (folder.parent / "data").symlink_to(DATA, target_is_directory=True)
    return folder / "settings.yml"


def test_the_starting_point_is_valid(settings_file):
    settings_file.write_text(VALID_TEXT, encoding="utf-8")
    settings = load_settings(settings_file)
    assert settings.bands("en").max_wpm == 180 and settings.scenario_dirs[0].is_dir()


@fuzz(400)
@given(content=settings_files)
def test_a_settings_file_loads_or_is_refused(settings_file, content):
    settings_file.write_bytes(content)
    settings = ends_cleanly(lambda: load_settings(settings_file))
    if settings is not None:
        for locale in ("fr", "en"):
            settings.bands(locale)


@fuzz(120)
@given(content=settings_files, command=st.sampled_from(COMMANDS))
def test_commands_that_read_settings_end_in_success_or_exit_2(
    settings_file, cli_env, content, command
):
    settings_file.write_bytes(content)
    env = {**cli_env, "ROLEPLAY_SETTINGS": str(settings_file)}
    assert_clean(invoke(command, env))


@pytest.mark.parametrize(
    "content",
    [b"rule_dirs: [/no/such/folder]\n", b"pacing: {en: {min_wpm: .inf}}\n", b"- a list\n", b"\xff"],
)
def test_a_broken_settings_file_stops_score_with_exit_2(settings_file, cli_env, content):
    settings_file.write_bytes(content)
    env = {**cli_env, "ROLEPLAY_SETTINGS": str(settings_file)}
    assert_clean(invoke(COMMANDS[0], env), codes=(EXIT_USER_ERROR,))


def test_a_folder_as_the_settings_file(settings_file, cli_env):
    env = {**cli_env, "ROLEPLAY_SETTINGS": str(settings_file.parent)}
    result = invoke(COMMANDS[0], env)
    assert_clean(result, codes=(EXIT_USER_ERROR,))
    assert "folder, not a file" in result.stderr


@pytest.mark.parametrize(
    ("content", "said"),
    [(b"end_of_turn: 9\n", "end_of_turn"), (b"end_of_turn: .nan\n", "end_of_turn")],
)
def test_an_end_of_turn_silence_out_of_range_is_named(settings_file, cli_env, content, said):
    settings_file.write_bytes(content)
    env = {**cli_env, "ROLEPLAY_SETTINGS": str(settings_file)}
    result = invoke(COMMANDS[0], env)
    assert_clean(result, codes=(EXIT_USER_ERROR,))
    assert said in result.stderr and "settings.yml:1" in result.stderr
