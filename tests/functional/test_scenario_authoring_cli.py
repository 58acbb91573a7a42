"""Writing, testing and previewing a scenario from the command line, as a trainer does:
'scenarios new' (its id, its customer-type prompt), 'scenarios test' (by id or by path,
and where it looked for an id it did not find), 'scenarios preview' (branches in words)."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys

import pytest

from simulator.authoring.scaffold import id_from_title
from tests.functional.conftest import DATA

NEW = ("scenarios", "new", "--locale", "fr", "--channel", "phone", "--customer-name", "M. Roy")


@pytest.mark.parametrize(
    ("locale", "title", "expected"),
    [
        (
            "fr",
            "Une commande jamais livrée mais toujours prélevée",
            "fr-une-commande-jamais-livree-mais",
        ),
        ("en", "A broadband bill twice as high", "en-a-broadband-bill-twice-as-high"),
        (
            "en",
            "Supercalifragilisticexpialidocious and then some more",
            "en-supercalifragilisticexpialidocious",
        ),
        ("en", "a" * 50, "en-" + "a" * 37),
        ("fr", "!!!", "scenario"),
    ],
)
def test_an_id_made_from_a_title_keeps_whole_words(locale, title, expected):
    made = id_from_title(locale, title)
    assert made == expected and len(made) <= 40


def test_new_cuts_a_long_title_at_a_word_boundary(roleplay, tmp_path):
    title = "Une commande jamais livrée mais toujours prélevée"
    run = roleplay(*NEW, "--persona", "loyal_irritated", "--title", title, "--dir", str(tmp_path))
    assert run.code == 0, run.err
    assert [p.name for p in tmp_path.glob("*.yml")] == ["fr-une-commande-jamais-livree-mais.yml"]


def _new_at_a_terminal(tmp_path, answer: bytes, language: str) -> subprocess.CompletedProcess:
    """'scenarios new' with a terminal for its prompts, answering the customer type."""
    keyboard, terminal = pty.openpty()
    env = {**os.environ, "ROLEPLAY_LANG": language, "ROLEPLAY_DB": str(tmp_path / "db.json")}
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "simulator", *NEW, "--title", "T", "--dir", str(tmp_path)],
            stdin=terminal,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        os.write(keyboard, answer)
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(keyboard)
        os.close(terminal)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_the_customer_type_prompt_explains_each_type(tmp_path):
    run = _new_at_a_terminal(tmp_path, b"extreme_critic\n", "en")
    assert run.returncode == 0, run.stderr
    listing = run.stdout.split("Customer type (")[0]
    assert "active_hater      Active hater — dislikes you whatever you do" in listing
    assert "extreme_critic    Extreme critic — does not dislike you but notices every" in listing
    assert "loyal_irritated   Loyal, now irritated — a loyal customer" in listing
    assert "passionate_loyal  Passionate loyal — one of your best customers" in listing
    assert "persona: extreme_critic" in (tmp_path / "fr-t.yml").read_text()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_the_customer_type_prompt_speaks_french(tmp_path):
    run = _new_at_a_terminal(tmp_path, b"active_hater\n", "fr")
    assert run.returncode == 0, run.stderr
    assert "Détracteur actif — vous déteste quoi que vous fassiez" in run.stdout
    assert "Type de client (" in run.stdout


def test_test_help_takes_ids_and_paths(roleplay):
    run = roleplay("scenarios", "test", "--help")
    said = " ".join(run.out.split())
    assert "[SCENARIO]..." in said and "by id or by the path to its file" in said
    assert "scenario_dirs" in said


def test_the_test_command_in_a_new_scenarios_header_runs_as_written(roleplay, tmp_path):
    run = roleplay(*NEW, "--persona", "extreme_critic", "--title", "T", "--dir", str(tmp_path))
    assert run.code == 0, run.err
    header = (tmp_path / "fr-t.yml").read_text().splitlines()
    (command,) = [line for line in header if line.startswith("# Test it with:")]
    arguments = command.split("roleplay ", 1)[1].split()
    tested = roleplay(*arguments)
    assert tested.code == 0, tested.out + tested.err
    assert "2 passed, 0 failed" in tested.out


def _organisation(tmp_path):
    folder = tmp_path / "acme"
    folder.mkdir()
    shutil.copy(DATA / "scenarios" / "en-minimal.yml", folder)
    return folder


def test_an_organisation_scenario_by_id_says_where_it_looked(roleplay, tmp_path):
    _organisation(tmp_path)
    run = roleplay("scenarios", "test", "en-minimal")
    assert run.code == 2
    assert "no scenario 'en-minimal' in " in run.err
    assert "scenarios" in run.err.split(" in ", 1)[1].splitlines()[0]  # the bundled folder
    assert "add that folder to 'scenario_dirs' in the settings file" in run.err
    assert "Traceback" not in run.err


def test_an_organisation_scenario_by_id_once_its_folder_is_in_the_settings(tmp_path):
    folder = _organisation(tmp_path)
    settings = tmp_path / "settings.yml"
    settings.write_text(f"scenario_dirs: [{folder}]\n")
    env = {**os.environ, "ROLEPLAY_SETTINGS": str(settings), "ROLEPLAY_DB": str(tmp_path / "d")}
    by_id = subprocess.run(
        [sys.executable, "-m", "simulator", "scenarios", "test", "en-minimal"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert by_id.returncode == 0, by_id.stderr  # found, and its (no) example runs played
    assert "en-minimal has no example runs" in by_id.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "simulator", "scenarios", "test", "en-nowhere"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert missing.returncode == 2 and str(folder) in missing.stderr
    assert str(settings) in missing.stderr


def test_preview_writes_branch_conditions_in_words(roleplay):
    run = roleplay(
        "scenarios",
        "preview",
        str(DATA / "scenarios" / "en-minimal.yml"),
        stdin="I'm sorry Mrs Johnson, I understand how annoying that is.\n",
    )
    assert run.code == 0, run.err
    assert "→ branch 2, at least 2 signs of empathy → calmer" in run.out
    assert "{'" not in run.out and "None" not in run.out
