import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent.parent / "data"


class Run:
    def __init__(self, proc: subprocess.CompletedProcess) -> None:
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def roleplay(tmp_path):
    """Run the real command line in a fresh process, with its own database."""
    env = {
        **os.environ,
        "ROLEPLAY_DB": str(tmp_path / "roleplay.json"),
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
    }

    def run(*args: str, stdin: str = "") -> Run:
        proc = subprocess.run(
            [sys.executable, "-m", "simulator", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        return Run(proc)

    return run
