"""The parts of roleplay keep to their boundaries: checked by a tool, not by good intentions.

The contracts live in ``[tool.importlinter]`` in pyproject.toml; docs/architecture.md
says what each part may import and why.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
MAX_LINES = 400


def lint_imports(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=folder,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(folder), "PATH": "/usr/bin:/bin"},
        check=False,
    )


def test_every_import_contract_is_kept():
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_a_wrong_way_import_fails_with_the_chain_that_caused_it(tmp_path):
    for part in ("simulator", "scoring"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    findings = tmp_path / "scoring" / "findings.py"
    findings.write_text(findings.read_text() + "\nimport simulator.store.sessions  # noqa\n")
    engine = tmp_path / "simulator" / "conversation" / "engine.py"
    engine.write_text(engine.read_text() + "\nimport simulator.tui.app  # noqa\n")
    done = lint_imports(tmp_path)
    assert done.returncode != 0
    assert "scoring.findings -> simulator.store.sessions" in done.stdout
    assert "simulator.conversation.engine -> simulator.tui.app" in done.stdout


def test_no_module_is_longer_than_a_newcomer_can_read():
    long = {
        str(path.relative_to(ROOT)): lines
        for part in ("simulator", "scoring")
        for path in (ROOT / part).rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
