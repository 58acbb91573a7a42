"""The same property through the installed 'roleplay' command in a fresh process: a
hostile file ends with exit status 2 and a plain message, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = shutil.which("roleplay", path=str(Path(sys.executable).parent))


def _roleplay(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        # This checkout, whichever one the console script was installed from.
        "PYTHONPATH": str(ROOT),
        "ROLEPLAY_SETTINGS": str(cwd / "no-settings.yml"),
        "ROLEPLAY_DB": str(cwd / "data" / "roleplay.json"),
    }
    return subprocess.run(
        [SCRIPT, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,  # type: ignore[list-item]
    )


pytestmark = pytest.mark.skipif(
    SCRIPT is None, reason="the roleplay console script is not installed"
)


def test_a_yaml_bomb_with_a_python_tag_is_refused_by_the_real_command(tmp_path):
    levels = [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 9)]
    bomb = "\n".join(
        ["id: !!python/object/apply:os.system ['touch pwned']", "l0: &l0 [x]", *levels]
    )
    (tmp_path / "bomb.yml").write_text(bomb + "\n")
    run = _roleplay("scenarios", "validate", "bomb.yml", cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert "bomb.yml" in run.stderr and not (tmp_path / "pwned").exists()


def test_a_damaged_bundle_is_refused_by_the_real_command(tmp_path):
    (tmp_path / "bundle.zip").write_bytes(b"PK\x03\x04" + b"\xff" * 200)
    run = _roleplay("import", "bundle.zip", cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("roleplay: cannot import bundle.zip"), lines
    assert not (tmp_path / "data" / "roleplay.json").exists()
