import os
import subprocess
import sys

from tests.functional.conftest import DATA


def test_rules_validate_bundled(roleplay):
    run = roleplay("rules", "validate")
    assert run.code == 0, run.err
    assert "pack(s) valid" in run.out


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
