import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
PRACTISE = HERE / "practise_forever.py"


def practise(db: Path, sessions: int | None = None, agent: str = "Alex") -> subprocess.Popen:
    """A separate process practising on ``db`` (for ever unless ``sessions`` is given)."""
    args = [sys.executable, str(PRACTISE), str(db)]
    if sessions is not None:
        args += [str(sessions), agent]
    return subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=_env(db))


def roleplay_cli(*args: str, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(Path(sys.executable).parent / "roleplay"), *args, "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(db),
    )


def _env(db: Path) -> dict[str, str]:
    return {**os.environ, "ROLEPLAY_DB": str(db), "XDG_DATA_HOME": str(db.parent / "xdg")}


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    """A bundle of 300 sessions by Sam, 100 of them with a recorded turn, for a lead."""
    import numpy as np

    from simulator.store.sessions import SessionStore, open_database
    from simulator.voice.audio_files import write_audio

    folder = tmp_path_factory.mktemp("agent")
    db = folder / "sam.json"
    proc = practise(db, 300, "Sam")
    proc.communicate(timeout=120)
    assert proc.returncode == 0
    store = SessionStore(open_database(db))
    noise = np.random.default_rng(1).normal(0, 0.1, 16000).astype("float32")
    for session in store.history()[:100]:
        write_audio(store.audio_root / session.id / "turn-01-agent.ogg", noise, 16000)
    out = folder / "sam.zip"
    made = roleplay_cli("export", "--bundle", str(out), db=db)
    _, err = made.communicate(timeout=120)
    assert made.returncode == 0, err
    return out
