"""The examples in the docs work as written."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scoring.rule_examples import check_pack_examples
from simulator.authoring.datafile import load_model
from simulator.authoring.examples import run_examples
from simulator.authoring.library import load_scenario
from simulator.authoring.packs import load_pack
from simulator.authoring.settings import Settings

DOCS = Path(__file__).resolve().parents[2] / "docs"


def blocks(page: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", (DOCS / page).read_text(), re.S)


def yaml_examples() -> list[tuple[str, str, str]]:
    found = []
    for page in sorted(p.name for p in DOCS.glob("*.md")):
        for text in blocks(page, "yaml"):
            schema = re.search(r"schema/([a-z-]+)\.schema\.json", text.splitlines()[0])
            found.append((page, schema.group(1) if schema else "fragment", text))
    return found


@pytest.mark.parametrize(
    "page,kind,text", yaml_examples(), ids=lambda v: v if isinstance(v, str) and len(v) < 40 else ""
)
def test_yaml_example(tmp_path, page, kind, text):
    data = yaml.safe_load(text)
    if data is None:
        # the editor set-up line on its own
        assert text.strip().startswith("# yaml-language-server: $schema=")
    elif kind == "scenario":
        path = tmp_path / f"{data['id']}.yml"
        path.write_text(text)
        scenario = load_scenario(path)
        for result in run_examples(scenario):
            assert result.passed, (page, result.name, result.differences)
    elif kind == "rule-pack":
        path = tmp_path / "pack.yml"
        path.write_text(text)
        failed = [c for c in check_pack_examples(load_pack(path)) if not c.passed]
        assert failed == []
    elif kind == "settings":
        path = tmp_path / "settings.yml"
        path.write_text(text)
        assert isinstance(load_model(path, Settings, "settings file"), Settings)
    elif kind == "fragment":
        # excerpts (a replies file, an expectation) must at least be valid YAML
        assert data is not None
    else:
        pytest.fail(f"{page}: unknown schema {kind}")


def test_the_trainer_guide_walkthrough(tmp_path):
    env = {**os.environ, "ROLEPLAY_DB": str(tmp_path / "db.json")}
    commands = [c.strip() for c in blocks("trainer-guide.md", "sh")]

    def run(command: str, stdin: str = "") -> subprocess.CompletedProcess:
        args = command.split(" ", 1)[1]
        return subprocess.run(
            f"{sys.executable} -m simulator {args}",
            shell=True,
            cwd=tmp_path,
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
        )

    new, preview, validate, rules = commands
    made = run(new)
    assert made.returncode == 0, made.stderr
    played = run(preview, stdin="I'm sorry Mr Patel, I understand.\n")
    assert played.returncode == 0, played.stderr
    assert "→ branch" in played.stdout and "mood" in played.stdout
    # The guide's own scenario and rule pack, saved where its commands look for them.
    guide_yaml = blocks("trainer-guide.md", "yaml")
    (tmp_path / "my-scenarios" / "en-broadband-bill.yml").write_text(guide_yaml[0])
    checked = run(validate)
    assert checked.returncode == 0 and "2 scenarios valid" in checked.stdout, checked.stderr
    (tmp_path / "my-rules").mkdir()
    (tmp_path / "my-rules" / "acme.yml").write_text(guide_yaml[2])
    ruled = subprocess.run(
        rules.replace("roleplay", f"{sys.executable} -m simulator"),
        shell=True,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
    )
    assert ruled.returncode == 0, ruled.stdout + ruled.stderr


def test_the_guide_quotes_the_real_error_message(tmp_path):
    text = blocks("trainer-guide.md", "yaml")[0].replace("customer_name:", "custmer_name:")
    path = tmp_path / "en-broadband-bill.yml"
    path.write_text(text)
    out = subprocess.run(
        [sys.executable, "-m", "simulator", "scenarios", "validate", str(path)],
        capture_output=True,
        text=True,
    )
    assert ":6:1: custmer_name: unknown key (did you mean 'customer_name'?)" in out.stderr
