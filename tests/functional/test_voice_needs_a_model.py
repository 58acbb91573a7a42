"""A spoken practice session needs a speech recognition model: without one, roleplay says
so in one message, before the brief, and stops with exit status 2."""

import os
import subprocess
import sys

import numpy as np
import pytest
import soundfile as sf


def _practise(tmp_path, *asr: str) -> subprocess.CompletedProcess:
    empty_cache = tmp_path / "hf"
    env = {
        **os.environ,
        "ROLEPLAY_DB": str(tmp_path / "roleplay.json"),
        "ROLEPLAY_LANG": "en",
        "HF_HOME": str(empty_cache),  # no model downloaded here …
        "HF_HUB_OFFLINE": "1",  # … and no network to fetch one
    }
    env.pop("ROLEPLAY_ASR_MODEL", None)
    replies = tmp_path / "replies"
    replies.mkdir()
    sf.write(str(replies / "01.wav"), np.zeros(16000, dtype="float32"), 16000)
    command = ["practice", "en-disputed-charge", "--agent", "Sam", "--input-audio", str(replies)]
    return subprocess.run(
        [sys.executable, "-m", "simulator", *command, *asr],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("asr", "said"),
    [
        (("--asr-model", "tiny"), "the speech recognition model 'tiny' is not on this machine"),
        (("--asr-model", "./no-such-model"), "model folder ./no-such-model does not exist"),
    ],
)
def test_no_model_is_said_before_the_brief(tmp_path, asr, said):
    run = _practise(tmp_path, *asr)
    assert run.returncode == 2
    assert said in run.stderr and "Traceback" not in run.stderr
    assert run.stdout == ""  # no brief, no customer: nothing started
    assert not (tmp_path / "roleplay.json").exists()  # nor a session
