"""The new ways a person can get it wrong with their data: one plain message, status 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from filelock import FileLock

from simulator.cli.main import cli

ROLEPLAY = str(Path(sys.executable).parent / "roleplay")


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [ROLEPLAY, *args], input="", capture_output=True, text=True, env=env, timeout=60
    )


def test_a_bad_audio_retention_setting_is_named(tmp_path):
    settings = tmp_path / "settings.yml"
    settings.write_text("audio_retention: forever\n")
    env = {
        **os.environ,
        "ROLEPLAY_DB": str(tmp_path / "db.json"),
        "ROLEPLAY_SETTINGS": str(settings),
    }
    for args in (("practice", "fr-facture-contestee", "--agent", "Alex", "--text"), ("rescore",)):
        run = _run(*args, env=env)
        assert run.returncode == 2, run.stderr
        assert "audio_retention" in run.stderr and str(settings) in run.stderr
        assert "Traceback" not in run.stderr


def test_a_database_kept_busy_by_another_process_is_reported(tmp_path, monkeypatch):
    import simulator.store.database

    monkeypatch.setattr(simulator.store.database, "LOCK_TIMEOUT", 0.3)
    db = tmp_path / "roleplay.json"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from filelock import FileLock; "
            "lock = FileLock(sys.argv[1]); lock.acquire(); print('held', flush=True); "
            "time.sleep(30)",
            str(db) + ".lock",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        result = CliRunner().invoke(
            cli,
            ["practice", "fr-facture-contestee", "--agent", "Alex", "--text", "--db", str(db)],
            input="",
        )
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 2, result.output
    assert "stayed busy" in result.output and f"{db}.lock" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    FileLock(str(db) + ".lock").acquire(timeout=1)  # free again once the holder is gone
