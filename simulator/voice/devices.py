"""Where sound comes from and goes to on a real machine: the sound card's speakers and
microphone, and the speaker that only keeps a timeline (headless runs)."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from simulator.i18n.catalogue import Phrase
from simulator.voice.clock import Clock
from simulator.voice.vad import FRAME_SAMPLES, FRAME_SECONDS, SAMPLE_RATE


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


def audio_devices() -> tuple[bool, bool, Phrase | str]:
    """Whether there is an input and an output device, and why not if not (PortAudio's
    own English when it fails)."""
    try:
        import sounddevice as sd
    except OSError as exc:  # PortAudio missing
        return False, False, Phrase("error.why.portaudio_missing", why=str(exc))
    try:
        devices = sd.query_devices()
    except Exception as exc:  # PortAudio errors have no common base class here
        return False, False, str(exc)
    has_in = any(d["max_input_channels"] > 0 for d in devices)
    has_out = any(d["max_output_channels"] > 0 for d in devices)
    if has_in and has_out:
        return True, True, ""
    return (
        has_in,
        has_out,
        Phrase("error.why.no_microphone" if not has_in else "error.why.no_speakers"),
    )


class FrameSource(Protocol):
    """The agent's side of the call, as 30 ms frames of 16 kHz audio on the timeline."""

    def frames(
        self, turn: int, customer_end: float, clock: Clock
    ) -> Iterator[tuple[float, np.ndarray]] | None: ...


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
