"""Where sound comes from and goes to: the sound card, or files on a timeline.

Everything is timed on the call's timeline (seconds since the call started). A
:class:`RealClock` follows the wall clock; a :class:`VirtualClock` jumps ahead
instead of sleeping, so a whole spoken session can run headless in tests at the
speed the machine allows, with the same code and the same timeline.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from simulator.asr import audio_to_16k
from simulator.audio_files import read_audio, write_audio
from simulator.errors import SimulatorError
from simulator.vad import FRAME_SAMPLES, FRAME_SECONDS, SAMPLE_RATE


class Clock(Protocol):
    def now(self) -> float: ...

    def sleep_until(self, moment: float) -> None: ...


class RealClock:
    def __init__(self) -> None:
        self._start = time.perf_counter()

    def now(self) -> float:
        return time.perf_counter() - self._start

    def sleep_until(self, moment: float) -> None:
        delay = moment - self.now()
        if delay > 0:
            time.sleep(delay)


class VirtualClock:
    def __init__(self) -> None:
        self._now = 0.0

    def now(self) -> float:
        return self._now

    def sleep_until(self, moment: float) -> None:
        self._now = max(self._now, moment)


@dataclass
class Playback:
    """One clip playing: when it started, how long it is, and whether it was cut short."""

    start: float
    duration: float
    samples: np.ndarray
    rate: int
    stopped_at: float | None = None
    _stop: threading.Event = field(default_factory=threading.Event)

    @property
    def end(self) -> float:
        return self.stopped_at if self.stopped_at is not None else self.start + self.duration

    def stop(self, at: float) -> None:
        """Stop the clip at ``at`` on the timeline (no effect once it has finished)."""
        if at < self.start + self.duration and self.stopped_at is None:
            self.stopped_at = max(self.start, at)
            self._stop.set()

    def heard(self) -> np.ndarray:
        """The part of the clip that was actually played."""
        played = round((self.end - self.start) * self.rate)
        return self.samples[:played]


class Speaker(Protocol):
    def play(self, samples: np.ndarray, rate: int, clock: Clock) -> Playback: ...


class TimelineSpeaker:
    """No sound card: a clip 'plays' on the timeline; what was heard is kept for writing out."""

    def __init__(self) -> None:
        self.played: list[Playback] = []

    def play(self, samples: np.ndarray, rate: int, clock: Clock) -> Playback:
        clip = Playback(clock.now(), len(samples) / rate, samples, rate)
        self.played.append(clip)
        return clip


class DeviceSpeaker:
    """The sound card, through sounddevice: a stream that can be stopped mid-clip."""

    def __init__(self, device: int | str | None = None) -> None:
        self.device = device

    def play(self, samples: np.ndarray, rate: int, clock: Clock) -> Playback:
        import sounddevice as sd

        clip = Playback(clock.now(), len(samples) / rate, samples, rate)
        position = [0]

        def callback(out, frames, _time, _status):  # type: ignore[no-untyped-def]
            chunk = samples[position[0] : position[0] + frames]
            out[: len(chunk), 0] = chunk
            out[len(chunk) :, 0] = 0
            position[0] += len(chunk)
            if len(chunk) < frames or clip._stop.is_set():
                raise sd.CallbackStop

        stream = sd.OutputStream(
            samplerate=rate, channels=1, dtype="float32", device=self.device, callback=callback
        )
        stream.start()
        threading.Thread(target=_close_when_done, args=(stream, clip), daemon=True).start()
        return clip


def _close_when_done(stream, clip: Playback) -> None:  # type: ignore[no-untyped-def]
    while stream.active and not clip._stop.is_set():
        time.sleep(0.01)
    stream.abort()
    stream.close()


def audio_devices() -> tuple[bool, bool, str]:
    """Whether there is an input and an output device, and why not if not."""
    try:
        import sounddevice as sd
    except OSError as exc:  # PortAudio missing
        return False, False, f"{exc} (on Debian or Ubuntu: apt-get install libportaudio2)"
    try:
        devices = sd.query_devices()
    except Exception as exc:  # PortAudio errors have no common base class here
        return False, False, str(exc)
    has_in = any(d["max_input_channels"] > 0 for d in devices)
    has_out = any(d["max_output_channels"] > 0 for d in devices)
    reason = (
        "" if has_in and has_out else ("no microphone" if not has_in else "no speakers") + " found"
    )
    return has_in, has_out, reason


class FrameSource(Protocol):
    """The agent's side of the call, as 30 ms frames of 16 kHz audio on the timeline."""

    def frames(
        self, turn: int, customer_end: float, clock: Clock
    ) -> Iterator[tuple[float, np.ndarray]] | None: ...


@dataclass(frozen=True)
class ReplyFile:
    path: Path
    offset: float


def load_replies(folder: Path) -> list[ReplyFile]:
    """The agent's recorded replies, one file per turn, in name order.

    A ``replies.yml`` in the folder may list them instead, each with an ``offset``:
    seconds after the end of the customer's turn at which the reply starts
    (negative: the agent barges in while the customer is still talking).
    """
    from simulator.datafile import load_model
    from simulator.replies import RepliesManifest

    if not folder.is_dir():
        raise SimulatorError(f"{folder}: no such folder of recorded replies", "Input audio")
    manifest = folder / "replies.yml"
    if manifest.exists():
        listed = load_model(manifest, RepliesManifest, "replies file")
        replies = []
        for item in listed.replies:
            path = folder / item.file
            if not path.exists():
                raise SimulatorError(
                    f"{manifest}: {item.file} does not exist in {folder}", "Input audio"
                )
            replies.append(ReplyFile(path, item.offset))
        return replies
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in {".wav", ".flac", ".ogg"})
    if not files:
        raise SimulatorError(
            f"{folder}: no .wav, .flac or .ogg files in this folder", "Input audio"
        )
    return [ReplyFile(p, 0.5) for p in files]


class FileReplies:
    """Recorded replies fed in as if spoken: silence until the reply starts, then the reply,
    then silence, paced by the clock."""

    def __init__(self, replies: list[ReplyFile], tail: float = 3.0) -> None:
        self.replies = replies
        self.tail = tail
        self._audio: dict[int, np.ndarray] = {}

    def _samples(self, index: int) -> np.ndarray:
        if index not in self._audio:
            samples, rate = read_audio(self.replies[index].path)
            self._audio[index] = audio_to_16k(samples, rate)
        return self._audio[index]

    def frames(self, turn: int, customer_end: float, clock: Clock):  # type: ignore[no-untyped-def]
        if turn >= len(self.replies):
            return None
        speech = self._samples(turn)
        begin = clock.now()
        lead = max(0.0, customer_end + self.replies[turn].offset - begin)
        lead_samples = round(lead * SAMPLE_RATE)
        signal = np.concatenate(
            [
                np.zeros(lead_samples, np.float32),
                speech,
                np.zeros(round(self.tail * SAMPLE_RATE), np.float32),
            ]
        )
        return _paced(signal, begin, clock)


def _paced(signal: np.ndarray, begin: float, clock: Clock) -> Iterator[tuple[float, np.ndarray]]:
    for i in range(0, len(signal) - FRAME_SAMPLES + 1, FRAME_SAMPLES):
        moment = begin + i / SAMPLE_RATE
        clock.sleep_until(moment + FRAME_SECONDS)  # a frame exists once it has been spoken
        yield moment, signal[i : i + FRAME_SAMPLES]


class Microphone:
    """The sound card's input, through sounddevice, in 30 ms frames."""

    def __init__(self, device: int | str | None = None) -> None:
        self.device = device
        self.level = 0.0

    def frames(self, turn: int, customer_end: float, clock: Clock):  # type: ignore[no-untyped-def]
        import sounddevice as sd

        chunks: queue.Queue[np.ndarray] = queue.Queue()

        def callback(data, _frames, _time, _status):  # type: ignore[no-untyped-def]
            chunks.put(data[:, 0].copy())

        def generate() -> Iterator[tuple[float, np.ndarray]]:
            with sd.InputStream(
                samplerate=SAMPLE_RATE,
                channels=1,
                dtype="float32",
                blocksize=FRAME_SAMPLES,
                device=self.device,
                callback=callback,
            ):
                while True:
                    frame = chunks.get()
                    self.level = float(np.sqrt(np.mean(frame**2)))
                    yield clock.now() - FRAME_SECONDS, frame

        return generate()


def write_timeline(
    path: Path,
    customer: list[Playback],
    agent: list[tuple[float, np.ndarray]],
    rate: int = SAMPLE_RATE,
) -> Path:
    """The whole call as one stereo file: the customer left, the agent right."""
    ends = [c.end for c in customer] + [s + len(a) / rate for s, a in agent] + [0.0]
    total = np.zeros((round(max(ends) * rate) + 1, 2), np.float32)
    for clip in customer:
        heard = audio_to_16k(clip.heard(), clip.rate) if clip.rate != rate else clip.heard()
        at = round(clip.start * rate)
        total[at : at + len(heard), 0] += heard[: len(total) - at]
    for start, samples in agent:
        at = round(start * rate)
        total[at : at + len(samples), 1] += samples[: len(total) - at]
    return write_audio(path, np.clip(total, -1, 1), rate)
