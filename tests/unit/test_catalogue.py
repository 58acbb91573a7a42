"""The one catalogue: every text in French and English, and every key the code uses exists."""

from __future__ import annotations

import ast
import pickle
import re
from pathlib import Path
from string import Formatter
from typing import get_args

import pytest

from scoring.findings import Dimension, Severity
from scoring.messages import MESSAGES, say
from scoring.rules import Locale
from simulator.conversation.scenario import Channel, Difficulty, Outcome, Persona
from simulator.errors import InvalidFileError, Phrase, Problem, SimulatorError
from simulator.i18n.catalogue import CATALOGUE, LOCALES, Text, _gather, text, ui_locale

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "simulator" / "reports" / "templates"
NAMESPACES = sorted({key.split(".", 1)[0] for key in CATALOGUE})
# A string in the code that names a catalogue entry: "ui.start", "error.unknown_session".
KEY = re.compile(rf"^(?:{'|'.join(NAMESPACES)})\.[a-z0-9_]+(?:\.[a-z0-9_]+)*$")
# A file name is not a key, however it is spelt ("call.wav").
FILE_NAME = re.compile(r"\.(wav|ogg|flac|ya?ml|jsonl?|html|md|csv|zip|txt|lock|j2|css|svg)$")
# The calls whose first argument is a catalogue key, and Binding's description (third).
KEYED_CALLS = {"SimulatorError": 0, "Phrase": 0, "text": 0, "Binding": 2}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name is not None}


def test_every_text_is_in_french_and_english_with_the_same_placeholders():
    for key, entry in CATALOGUE.items():
        assert set(entry) == set(LOCALES), key
        for locale in LOCALES:
            assert entry[locale].strip(), (key, locale)
        assert _fields(entry["fr"]) == _fields(entry["en"]), key


def test_every_text_formats_with_its_own_placeholders():
    for key, entry in CATALOGUE.items():
        values = dict.fromkeys(_fields(entry["en"]), 12345)
        for locale in LOCALES:
            assert text(key, locale, **values), (key, locale)


def test_a_key_defined_in_two_tables_is_refused():
    with pytest.raises(ValueError, match=r"ui\.start"):
        _gather({"ui.start": {"en": "Start", "fr": "Commencer"}}, {"ui.start": {"en": "Go"}})


def test_the_scorers_messages_are_in_the_catalogue_under_their_namespace():
    assert {f"scoring.{key}" for key in MESSAGES} <= set(CATALOGUE)
    for locale in LOCALES:
        assert text("scoring.dead_air", locale, seconds=4.5) == say("dead_air", locale, seconds=4.5)


@pytest.mark.parametrize(
    ("namespace", "literal"),
    [
        ("persona", Persona),
        ("channel", Channel),
        ("difficulty", Difficulty),
        ("outcome", Outcome),
        ("dimension", Dimension),
        ("severity", Severity),
        ("language", Locale),
    ],
)
def test_every_value_of_the_models_literals_has_a_name_in_both_languages(namespace, literal):
    for value in get_args(literal):
        entry = CATALOGUE.get(f"{namespace}.{value}")
        assert entry is not None, f"{namespace}.{value}"
        assert entry["fr"] and entry["en"], f"{namespace}.{value}"


def test_an_unknown_key_is_an_error_not_a_word_on_screen():
    with pytest.raises(KeyError, match=r"ui\.no_such_thing"):
        Text("fr")("ui.no_such_thing")


def test_a_language_roleplay_does_not_speak_reads_english():
    assert text("ui.start", "de") == "Start"


# -- every key the code names exists ----------------------------------------------------


def _keys_in_python(path: Path) -> list[tuple[int, str]]:
    """String constants shaped like keys, and the literal arguments of keyed calls."""
    found: list[tuple[int, str]] = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if KEY.match(node.value) and not FILE_NAME.search(node.value):
                found.append((node.lineno, node.value))
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            position = KEYED_CALLS.get(name)
            if position is not None and len(node.args) > position:
                arg = node.args[position]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.append((arg.lineno, arg.value))
    return found


_TEMPLATE_KEY = re.compile(r"""\bt(?:\.capital)?\(\s*"([^"]+)"\s*[,)]""")
_TEMPLATE_COUNT = re.compile(r"""\bt\.count\([^,]+,\s*"([^"]+)",\s*"([^"]+)"\)""")


def _keys_in_template(path: Path) -> list[tuple[int, str]]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for match in _TEMPLATE_KEY.finditer(line):
            key = match.group(1)
            # "severity." ~ f.severity: the namespace is checked by the Literal test above.
            if not key.endswith("."):
                found.append((number, key))
        for match in _TEMPLATE_COUNT.finditer(line):
            found += [(number, match.group(1)), (number, match.group(2))]
    return found


def _used_keys() -> dict[str, list[str]]:
    used: dict[str, list[str]] = {}
    for path in sorted((ROOT / "simulator").rglob("*.py")):
        if path.parent.name == "i18n":
            continue  # the tables define keys; they do not use them
        for line, key in _keys_in_python(path):
            used.setdefault(key, []).append(f"{path.relative_to(ROOT)}:{line}")
    for path in sorted(TEMPLATES.glob("*.j2")):
        for line, key in _keys_in_template(path):
            used.setdefault(key, []).append(f"{path.relative_to(ROOT)}:{line}")
    return used


def test_the_scan_finds_keys_in_code_and_templates():
    """The check below can only fail if the scan sees the keys: make sure it does."""
    used = _used_keys()
    assert "simulator/tui/home.py" in " ".join(used["ui.start"])
    assert any(w.startswith("simulator/store/") for w in used["error.unknown_session"])
    assert any(".j2" in w for w in used["report.team_report"])
    assert any(".j2" in w for w in used["word.session"])  # t.count(n, "word.session", …)


def test_every_key_used_in_the_code_exists():
    missing = {key: where for key, where in _used_keys().items() if key not in CATALOGUE}
    assert missing == {}


def test_a_missing_key_would_be_found(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'raise SimulatorError("error.no_such_message")\n'
        'Binding("x", "y", "ui.no_such_key")\n'
        'raise SimulatorError("an English sentence, not a key")\n'
    )
    keys = [key for _, key in _keys_in_python(sample)]
    assert "error.no_such_message" in keys and "ui.no_such_key" in keys
    assert "an English sentence, not a key" in keys
    assert not all(key in CATALOGUE for key in keys)


def test_the_scorer_says_only_messages_it_has():
    said = set()
    for path in sorted((ROOT / "scoring").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "say"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                said.add(node.args[0].value)
    assert said and said <= set(MESSAGES)


# -- the interface language ---------------------------------------------------------------


def test_roleplay_lang_comes_first(monkeypatch):
    monkeypatch.setenv("ROLEPLAY_LANG", "fr")
    assert ui_locale("en") == "fr"


def test_then_the_setting_then_the_system(monkeypatch):
    monkeypatch.delenv("ROLEPLAY_LANG")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert ui_locale("en") == "en"
    assert ui_locale(None) == "fr"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert ui_locale(None) == "en"


def test_a_language_roleplay_does_not_speak_is_passed_over(monkeypatch):
    monkeypatch.setenv("ROLEPLAY_LANG", "de")
    assert ui_locale("fr") == "fr"


# -- errors and problems carry a key, and are worded when shown -------------------------


def test_an_error_is_worded_in_the_readers_language_and_english_in_its_message():
    error = SimulatorError("error.unknown_session", id="abc123")
    assert error.render("fr") == "aucune séance 'abc123' ; 'roleplay history' les liste"
    assert error.message == "no session 'abc123'; 'roleplay history' lists them"
    assert str(error) == error.message and error.key == "error.unknown_session"


def test_a_phrase_inside_an_error_is_worded_in_the_same_language():
    error = SimulatorError("error.no_audio_device", why=Phrase("error.why.no_speakers"))
    assert error.render("fr").endswith("aucun haut-parleur trouvé")
    assert error.message.endswith("no speakers found")


def test_an_error_crosses_a_process_boundary_whole():
    error = SimulatorError(
        "error.cannot_write", path="x.html", why=Phrase("error.why.permission_denied")
    )
    copy = pickle.loads(pickle.dumps(error))
    assert (
        copy.render("fr") == error.render("fr") == "impossible d'écrire x.html : permission refusée"
    )


def test_file_problems_are_worded_in_the_readers_language():
    problem = Problem(
        "a.yml",
        Phrase("problem.unknown_key"),
        3,
        5,
        "nodes.start.custmer",
        Phrase("problem.did_you_mean", name="'customer'"),
    )
    error = InvalidFileError(problems=[problem, problem], kind="problem.kind.scenario")
    assert error.render("fr").splitlines() == [
        "2 problèmes dans le scénario :",
        "  a.yml:3:5: nodes.start.custmer: clé inconnue (vouliez-vous dire 'customer' ?)",
        "  a.yml:3:5: nodes.start.custmer: clé inconnue (vouliez-vous dire 'customer' ?)",
    ]
    assert error.message.splitlines()[0] == "2 problems in scenario:"
    assert str(problem) == "a.yml:3:5: nodes.start.custmer: unknown key (did you mean 'customer'?)"
