"""What 'pip install .' installs: the wheel carries the JSON Schemas, and the '$schema'
line a new scenario gets points at one of them wherever the wheel is installed."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from simulator.authoring.schema import SCHEMAS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-w", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    (found,) = out.glob("roleplay-*.whl")
    return found


def test_the_wheel_carries_the_schemas(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in SCHEMAS:
        assert f"simulator/authoring/schemas/{name}.schema.json" in names


def test_a_new_scenario_points_at_a_schema_that_is_installed(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)  # a pure-Python wheel, unpacked, is installed
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "ROLEPLAY_DB": str(tmp_path / "db.json")}
    args = ["--locale", "en", "--persona", "extreme_critic", "--channel", "email"]
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "simulator",
            "scenarios",
            "new",
            "--dir",
            "mine",
            *args,
            "--title",
            "Late refund",
        ],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    written = work / "mine" / "en-late-refund.yml"
    first = written.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    schema = (written.parent / first.split("$schema=", 1)[1]).resolve()
    assert schema.is_file()
    assert schema.is_relative_to(site.resolve()), schema
