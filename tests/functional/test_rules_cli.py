import os
import subprocess
import sys

from tests.functional.conftest import DATA


def test_rules_validate_bundled(roleplay):
    run = roleplay("rules", "validate")
    assert run.code == 0, run.err
    assert "packs valid." in run.out


def test_rules_test_bundled_examples_pass(roleplay):
    run = roleplay("rules", "test")
    assert run.code == 0, run.out
    assert ", 0 failed" in run.out


def test_rules_test_reports_a_failing_example(roleplay, tmp_path):
    pack = (DATA / "packs" / "mini-en.yml").read_text()
    broken = tmp_path / "broken.yml"
    broken.write_text(
        pack.replace('pass: ["I know this is not what you hoped for."]', 'pass: ["I don\'t know."]')
    )
    run = roleplay("rules", "test", str(broken))
    assert run.code == 1
    assert "FAIL  mini-en.dont-know [pass]" in run.out


def test_malformed_rule_pack_is_located(roleplay, tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "pack: x\nlocale: fr\ndimension: avoided_phrases\nrules:\n"
        "  - id: r1\n    type: substitutoin\n    message: m\n"
    )
    run = roleplay("rules", "validate", str(bad))
    assert run.code == 2
    assert "bad.yml:6" in run.err and "did you mean 'substitution'" in run.err
    assert "Traceback" not in run.err


def test_bad_regex_in_a_rule_is_located(roleplay, tmp_path):
    bad = tmp_path / "regex.yml"
    bad.write_text(
        "pack: x\nlocale: en\ndimension: avoided_phrases\nrules:\n"
        "  - id: r1\n    type: existence\n    message: m\n    tokens: ['wait(']\n"
    )
    run = roleplay("rules", "validate", str(bad))
    assert run.code == 2 and "regex.yml:8" in run.err and "regular expression" in run.err


def test_organisation_pack_switches_a_rule_off(tmp_path):
    org = tmp_path / "org"
    org.mkdir()
    (org / "off.yml").write_text(
        "pack: mini-en\nlocale: en\ndimension: avoided_phrases\nrules:\n"
        "  - id: dont-know\n    type: existence\n    message: not here\n    tokens: [x]\n"
        "    enabled: false\n"
    )
    settings = tmp_path / "settings.yml"
    settings.write_text("rule_dirs: [org]\n")
    env = {**os.environ, "ROLEPLAY_SETTINGS": str(settings)}
    code = (
        "from simulator.authoring.packs import rules_for; from pathlib import Path;"
        "from simulator.authoring.settings import load_settings;"
        f"s = load_settings(); base = rules_for('en', [Path(r'{DATA / 'packs'}')]);"
        "ids = {r.id for r in rules_for('en', [Path(r'"
        + str(DATA / "packs")
        + "'), *s.rule_dirs]).rules};"
        "print('dont-know' in {r.id for r in base.rules}, 'dont-know' in ids)"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.split() == ["True", "False"], out.stderr


def test_bad_settings_file_is_reported(roleplay, tmp_path, monkeypatch):
    settings = tmp_path / "settings.yml"
    settings.write_text("rule_dir: [org]\n")
    env = {**os.environ, "ROLEPLAY_SETTINGS": str(settings)}
    out = subprocess.run(
        [sys.executable, "-m", "simulator", "score", str(DATA / "transcripts" / "en-good.json")],
        env=env,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2
    assert "settings.yml:1" in out.stderr and "did you mean 'rule_dirs'" in out.stderr


def test_an_organisation_pack_can_disable_rules_by_id(tmp_path):
    from simulator.authoring.packs import rules_for

    org = tmp_path / "org"
    org.mkdir()
    (org / "ours.yml").write_text(
        "pack: acme\nlocale: en\ndimension: avoided_phrases\ndisable: [mini-en.dont-know]\n"
    )
    ids = {r.id for r in rules_for("en", [DATA / "packs", org]).rules}
    assert "dont-know" not in ids and "sorry" in ids


PACK_AS_WRITTEN = """\
pack: acme-avoided
locale: en
dimension: avoided_phrases
rules:
  - id: dont-worry
    type: substitution
    message: '"Don''t worry" dismisses the worry.'
    swap:
      "don't worry": "I'll make sure it's sorted."
    examples:
      flag: ["Don't worry, I'll look."]
      pass: ["I'll look now."]
  - id: calm-down
    type: existence
    message: Telling someone to calm down rarely calms them.
    tokens: ["calm down"]
"""


def test_validate_warns_about_a_pattern_speech_never_has(roleplay, tmp_path):
    pack = tmp_path / "acme.yml"
    pack.write_text(PACK_AS_WRITTEN)
    run = roleplay("rules", "validate", str(pack))
    assert run.code == 0, run.err  # a warning does not make the pack invalid
    warnings = [line for line in run.err.splitlines() if ": warning: " in line]
    assert len(warnings) == 2, run.err
    assert warnings[0].startswith(f"{pack}:9:7: warning: rules[0].swap.don't worry: ")
    assert "normal form, where this reads 'do not worry'" in warnings[0]
    assert "(write 'do not worry' instead)" in warnings[0]
    assert warnings[1].startswith(f"{pack}:13:5: warning: rules[1].examples: ")
    assert "'calm-down' has no 'flag' or 'pass' example" in warnings[1]


def test_validate_warns_in_french_about_a_french_pattern_with_ne(tmp_path):
    pack = tmp_path / "acme.yml"
    pack.write_text(
        "pack: acme\nlocale: fr\ndimension: avoided_phrases\nrules:\n"
        "  - id: sais-pas\n    type: existence\n    message: m\n    tokens: ['je ne sais pas']\n"
        "    examples: {flag: ['Je ne sais pas.'], pass: ['Je vais voir.']}\n"
    )
    env = {**os.environ, "ROLEPLAY_LANG": "fr"}
    run = subprocess.run(
        [sys.executable, "-m", "simulator", "rules", "validate", str(pack)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0
    assert f"{pack}:8:14: attention: rules[0].tokens[0]: le motif 'je ne sais pas'" in run.stderr
    assert "(écrivez plutôt 'je sais pas')" in run.stderr


def test_the_bundled_packs_get_no_warning(roleplay):
    run = roleplay("rules", "validate")
    assert run.code == 0 and "warning" not in run.err, run.err


def test_a_failing_example_shows_the_sentence_as_it_is_matched(roleplay, tmp_path):
    pack = tmp_path / "acme.yml"
    pack.write_text(PACK_AS_WRITTEN)
    run = roleplay("rules", "test", str(pack))
    assert run.code == 1
    failing = run.out.splitlines()
    at = next(i for i, line in enumerate(failing) if "acme-avoided.dont-worry [flag]" in line)
    assert "as matched (normal form): 'Do not worry I will look.'" in failing[at + 1]
