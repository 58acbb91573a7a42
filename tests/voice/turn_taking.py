"""A spoken call driven reply by reply on the live sound devices (tests/voice/live.py),
with the times of turn-taking measured as they reached the devices: when the agent's
reply started and ended in the microphone, when the customer next sounded on the
speakers, and whether the customer cut in during the reply.

Used by the live end-of-turn test and by ``benchmarks/end_of_turn.py``.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from simulator.i18n.catalogue import text
from simulator.voice.asr import audio_to_16k
from simulator.voice.audio_files import read_audio, write_audio
from tests.voice.conftest import espeak
from tests.voice.live import Run, SoundServer, SpeakerRecording, sound_spans

RATE = 16000
ROOT = Path(__file__).resolve().parents[2]


def practise(
    server: SoundServer, folder: Path, scenario: Path, settings: str, *options: str
) -> Run:
    """``roleplay practice`` on the live devices, with a settings file of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.yml").write_text(settings)
    env = {
        **server.env,
        "ROLEPLAY_DB": str(folder / "db" / "roleplay.json"),
        "ROLEPLAY_SETTINGS": str(folder / "settings.yml"),
        "ROLEPLAY_LANG": "en",
        "PYTHONPATH": str(ROOT),
    }
    command = [sys.executable, "-m", "simulator", "practice", str(scenario), "--agent", "Sam"]
    return Run([*command, *options], env)


def spoken(
    text: str, folder: Path, name: str, locale: str, rate: int = 160, voice: str | None = None
) -> np.ndarray:
    """``text`` said by eSpeak NG (in ``voice``, else its own for ``locale``), 16 kHz,
    trimmed of eSpeak's own silence at either end."""
    said = espeak(text, folder / f"{name}-said.wav", locale, rate, voice)
    samples, sample_rate = read_audio(said)
    samples = audio_to_16k(samples, sample_rate)
    loud = np.flatnonzero(np.abs(samples) > 0.01)
    return samples[loud[0] : loud[-1] + 1]


def reply_file(
    folder: Path,
    name: str,
    locale: str,
    first: str,
    pause: float = 0.0,
    then: str = "",
    voice: str | None = None,
) -> Path:
    """A reply as one WAV: ``first``, and with ``then``, a thinking pause of ``pause``
    seconds of silence before it; said in ``voice`` (None: eSpeak NG's own)."""
    parts = [spoken(first, folder, f"{name}-1", locale, voice=voice)]
    if then:
        parts += [
            np.zeros(round(pause * RATE), np.float32),
            spoken(then, folder, f"{name}-2", locale, voice=voice),
        ]
    return write_audio(folder / f"{name}.wav", np.concatenate(parts), RATE)


@dataclass(frozen=True)
class Exchange:
    """One reply and what the customer did, in seconds on time.monotonic."""

    started: float
    """The reply's first sound in the microphone."""
    ended: float
    """Its last sound."""
    cut_in: float | None
    """The customer's first sound during the reply (in its pause), if they cut in."""
    answered: float | None
    """The customer's first sound after the reply, if they answered within the wait."""

    @property
    def gap(self) -> float | None:
        """From the end of the reply to the customer's first sound after it."""
        return None if self.answered is None else self.answered - self.ended


class Call:
    """The speakers and the microphone recorded while a call is driven reply by reply."""

    def __init__(self, server: SoundServer, run: Run, locale: str) -> None:
        self.server = server
        self.run = run
        self.locale = locale
        self.speakers = server.speakers()
        self.microphone = SpeakerRecording(server, "agent_in.monitor")

    def _ended(self) -> bool:
        return self.run.process.poll() is not None

    def _sound(self, after: float, timeout: float) -> float | None:
        """The next sound on the speakers from ``after`` (time.monotonic), waiting up to
        ``timeout`` seconds for it (less if roleplay has ended)."""
        deadline = time.monotonic() + timeout
        while True:
            since = self.speakers.at(after)
            spans = sound_spans(self.speakers.samples(since), gap=0.3)
            if spans:
                return after + spans[0][0]
            if time.monotonic() >= deadline or self._ended():
                return None
            time.sleep(0.03)

    def _quiet(self, sound: float) -> None:
        """Wait for the customer to finish what they started saying at ``sound``."""
        self.speakers.wait_for_quiet(after=self.speakers.at(sound), timeout=30)

    def first_line(self, timeout: float = 90) -> None:
        """Wait for the customer's first turn to be said and over (a sound check played
        before it is not taken for it: the customer's line is printed as it starts)."""
        customer = text("word.customer", self.locale)
        deadline = time.monotonic() + timeout
        while not any(line.startswith(customer) for _, line in self.run.out):
            if self._ended() or time.monotonic() > deadline:
                raise AssertionError(
                    f"no customer line ({self.run.process.poll()}):\n"
                    f"{self.run.stdout}\n{self.run.stderr}"
                )
            time.sleep(0.05)
        printed = next(m for m, line in self.run.out if line.startswith(customer))
        sound = self._sound(printed, 20)
        if sound is None:
            raise AssertionError("the customer's first line never reached the speakers")
        self._quiet(sound)

    def answer(self, reply: Path, wait: float = 6.0) -> Exchange:
        """Say ``reply`` into the microphone now; then wait up to ``wait`` seconds for the
        customer to answer, and for them to finish."""
        spoke = self.server.speak(reply)  # returns once played
        time.sleep(0.1)
        since = self.microphone.at(spoke) - 0.05
        spans = sound_spans(self.microphone.samples(since), gap=5.0)
        if not spans:
            raise AssertionError(f"{reply.name} did not reach the microphone")
        base = self.microphone.started + since
        started, ended = base + spans[0][0], base + spans[-1][1]
        during = self._sound(started, 0.0)
        cut_in = during if during is not None and during < ended else None
        answered = self._sound(ended, wait)
        if answered is not None:
            self._quiet(answered)
        return Exchange(started, ended, cut_in, answered)

    def stop(self) -> None:
        self.speakers.stop()
        self.microphone.stop()


def heard_whole(exchanges: list[Exchange], turns: list[dict]) -> list[bool]:
    """Whether each reply was heard as one turn of the agent's, from the stored
    transcript: one turn starting within the reply and ending with it. A reply whose
    pause ended the turn shows as a turn ending at the pause (the rest heard as another
    turn, or lost when the customer answered after it). The call's timeline is put on
    time.monotonic by the first reply and the first turn heard."""
    agent = [t for t in turns if t["speaker"] == "agent" and t.get("start") is not None]
    if not agent or not exchanges:
        return [False] * len(exchanges)
    shift = exchanges[0].started - agent[0]["start"]
    whole = []
    for said in exchanges:
        inside = [t for t in agent if said.started - 0.5 <= t["start"] + shift < said.ended]
        whole.append(len(inside) == 1 and inside[0]["end"] + shift >= said.ended - 0.3)
    return whole
