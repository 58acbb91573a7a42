"""Where sound comes from and goes to on a real machine: the sound card's speakers and
microphone, and the speaker that only keeps a timeline (headless runs).

A device can go away mid-call (unplugged, the sound server stopped): the microphone then
raises :class:`SimulatorError` ``error.audio_device_lost`` at once, or after
``DEVICE_TIMEOUT`` seconds without a frame, and the call ends as stopped. Every stream is
closed before PortAudio is (``atexit``), so no exit path leaves a thread touching a
stream PortAudio has already freed.
"""

from __future__ import annotations

import atexit
import contextlib
import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from simulator.errors import SimulatorError
from simulator.i18n.catalogue import Phrase
from simulator.voice.clock import Clock
from simulator.voice.quiet import hold_quiet, quiet_sound_library, release_quiet
from simulator.voice.vad import FRAME_SAMPLES, FRAME_SECONDS, SAMPLE_RATE

OUTPUT_LATENCY = 0.2
"""Seconds of sound PortAudio keeps queued for the speakers. Its default on ALSA's
``pulse`` device (35 ms) underruns as a clip starts, dropping the start of the customer's
line; 0.2 s never underran in the live tests. Stopping a clip drops what is queued, so
a barge-in still stops the customer at once (docs/voice.md)."""
LATE = 0.5
"""A frame read this long after it was due means frames were lost on the way."""
LEAD_IN = 0.05
"""Seconds of silence played before each clip: a stream's first 20–30 ms can be lost as
it starts (ALSA's ``pulse`` device, whatever the latency), and those would be the first
sounds of the customer's line."""
LEAD_OUT = OUTPUT_LATENCY
"""Seconds of silence played after each clip: PortAudio reports a clip played once its
last samples are queued, with up to the output buffer still to be heard, and closing
the stream then drops them (a 0.2 s tone came out 10 ms long)."""
DEVICE_TIMEOUT = 1.0
"""Seconds without a frame from the microphone (a frame is due every 30 ms) after which
it is taken as gone."""


_stops_at_exit = False


def _sounddevice() -> Any:
    """The sounddevice module; starting PortAudio prints on some machines."""
    global _stops_at_exit
    with quiet_sound_library():
        import sounddevice

    if not _stops_at_exit:
        # registered after sounddevice's own exit handler, so it runs first: no stream
        # is left for PortAudio's shutdown to free under a thread still closing it
        atexit.register(stop_playing)
        _stops_at_exit = True
    return sounddevice


def _lost() -> SimulatorError:
    return SimulatorError("error.audio_device_lost")


@dataclass(eq=False)
class Playback:
    """One clip playing: when it started, how long it is, and whether it was cut short.

    On a timeline the clip plays exactly as scheduled. Through a device, ``finished_at``
    is set once the device has played it or stopped (or was lost)."""

    start: float
    duration: float
    samples: np.ndarray
    rate: int
    stopped_at: float | None = None
    finished_at: float | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _played: threading.Event | None = None

    @property
    def end(self) -> float:
        return self.stopped_at if self.stopped_at is not None else self.start + self.duration

    def stop(self, at: float) -> None:
        """Stop the clip at ``at`` on the timeline (no effect once it has finished)."""
        if at < self.start + self.duration and self.stopped_at is None:
            self.stopped_at = max(self.start, at)
            self._stop.set()

    def finished(self, now: float) -> float | None:
        """When the customer actually stopped being heard, once they have (else None)."""
        if self._played is None:
            return self.end if now >= self.end else None
        if not self._played.is_set() or self.finished_at is None or now < self.finished_at:
            return None
        return self.finished_at

    def wait(self, clock: Clock) -> None:
        """Return once the clip has been heard to its end, or stopped."""
        while self.finished(clock.now()) is None:
            if self._played is not None and not self._played.wait(0.05):
                continue
            due = self.end if self._played is None else self.finished_at or self.end
            clock.sleep_until(min(due, clock.now() + 0.05))

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


_playing: set[Playback] = set()
_playing_lock = threading.Lock()


class DeviceSpeaker:
    """The sound card, through sounddevice: a stream per clip, that can be stopped mid-clip."""

    def __init__(self, device: int | str | None = None, latency: float = OUTPUT_LATENCY) -> None:
        self.device = device
        self.latency = latency

    def play(self, samples: np.ndarray, rate: int, clock: Clock) -> Playback:
        sd = _sounddevice()
        played = threading.Event()
        clip = Playback(clock.now(), len(samples) / rate, samples, rate, _played=played)
        lead_in = np.zeros(round(LEAD_IN * rate), np.float32)
        lead_out = np.zeros(round(max(LEAD_OUT, self.latency) * rate), np.float32)
        signal = np.concatenate([lead_in, samples.astype(np.float32, copy=False), lead_out])
        position = [0]

        def callback(out, frames, _time, _status):  # type: ignore[no-untyped-def]
            chunk = signal[position[0] : position[0] + frames]
            out[: len(chunk), 0] = chunk
            out[len(chunk) :, 0] = 0
            position[0] += len(chunk)
            if len(chunk) < frames or clip._stop.is_set():
                raise sd.CallbackStop

        def finished() -> None:
            # PortAudio reports the end once the last samples are queued, not yet heard;
            # a clip stopped, or cut off by a device lost, ends there and then
            now = clock.now()
            whole = position[0] >= len(signal) and not clip._stop.is_set()
            clip.finished_at = max(now, clip.end) if whole else now
            played.set()

        hold_quiet()
        try:
            stream = sd.OutputStream(
                samplerate=rate,
                channels=1,
                dtype="float32",
                device=self.device,
                latency=self.latency,
                callback=callback,
                finished_callback=finished,
            )
            stream.start()
        except sd.PortAudioError:
            release_quiet()
            raise _lost() from None
        clip.start = clock.now() + LEAD_IN
        with _playing_lock:
            _playing.add(clip)
        closer = threading.Thread(
            target=_close_when_done, args=(stream, clip), daemon=True, name="speaker"
        )
        closer.start()
        return clip


def _close_when_done(stream: Any, clip: Playback) -> None:
    """Close the clip's stream once it has played or is stopped (or the device is lost)."""
    assert clip._played is not None
    while not clip._played.wait(0.02) and not clip._stop.is_set():
        pass
    with contextlib.suppress(Exception):  # a lost device's stream fails to close as well
        stream.abort()
        stream.close()
    if clip.finished_at is None:
        clip.finished_at = clip.end
    clip._played.set()
    with _playing_lock:
        _playing.discard(clip)
    release_quiet()


def stop_playing() -> None:
    """Stop every clip still playing through a device and wait for its stream to close."""
    with _playing_lock:
        clips = list(_playing)
    for clip in clips:
        clip._stop.set()
    for clip in clips:
        if clip._played is not None:
            clip._played.wait(1.0)


def audio_devices() -> tuple[bool, bool, Phrase | str]:
    """Whether there is an input and an output device, and why not if not (PortAudio's
    own English when it fails)."""
    try:
        sd = _sounddevice()
    except OSError as exc:  # PortAudio missing
        return False, False, Phrase("error.why.portaudio_missing", why=str(exc))
    try:
        with quiet_sound_library():
            devices = sd.query_devices()
    except Exception as exc:  # PortAudio errors have no common base class here
        return False, False, str(exc)
    has_in = any(d["max_input_channels"] > 0 for d in devices)
    has_out = any(d["max_output_channels"] > 0 for d in devices)
    if has_in and has_out:
        return True, True, ""
    if not has_in and not has_out:
        return False, False, Phrase("error.why.no_sound_device")
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

    def close(self) -> None: ...


class Microphone:
    """The sound card's input, through sounddevice, in 30 ms frames.

    One stream stays open for the whole call: a capture stream can take a second or more
    to deliver its first frame (a sound server waking its source), and what is said
    meanwhile is never heard; opened at each turn, that would swallow the start of a
    quick reply. A frame's time is counted from the first frame, not taken when it is
    read, so frames handed over late in a burst keep their times. Frames from before a
    turn are dropped."""

    def __init__(
        self,
        device: int | str | None = None,
        timeout: float = DEVICE_TIMEOUT,
        start_timeout: float = 5.0,
    ) -> None:
        self.device = device
        self.timeout = timeout
        self.start_timeout = start_timeout
        """Seconds the first frame may take."""
        self.level = 0.0
        self._stream: Any = None
        self._chunks: queue.Queue[tuple[float, np.ndarray] | None] = queue.Queue()
        self._started = False

    def open(self, clock: Clock) -> None:
        """Start listening, before the call starts: the stream's first frame may be slow
        to come. A microphone that cannot be opened is a :class:`SimulatorError`."""
        try:
            self._open(clock)
        except SimulatorError:
            why = Phrase("error.why.no_microphone")
            raise SimulatorError("error.no_audio_device", why=why) from None

    def _open(self, clock: Clock) -> None:
        sd = _sounddevice()
        anchor: list[float] = []  # the moment of the first frame counted from, and frames since

        def callback(data, _frames, _time, status):  # type: ignore[no-untyped-def]
            now = clock.now() - FRAME_SECONDS
            # counted from the first frame, so frames handed over late in a burst keep
            # their times; counted again from now if frames were lost
            if (
                not anchor
                or status.input_overflow
                or anchor[0] + anchor[1] * FRAME_SECONDS < now - LATE
            ):
                anchor[:] = [now, 0]
            moment = min(anchor[0] + anchor[1] * FRAME_SECONDS, now)
            anchor[1] += 1
            self._chunks.put((moment, data[:, 0].copy()))

        hold_quiet()
        try:
            self._stream = sd.InputStream(
                samplerate=SAMPLE_RATE,
                channels=1,
                dtype="float32",
                blocksize=FRAME_SAMPLES,
                device=self.device,
                callback=callback,
                finished_callback=lambda: self._chunks.put(None),  # stopped by itself
            )
            self._stream.start()
        except sd.PortAudioError:
            self._stream = None
            release_quiet()
            raise _lost() from None

    def frames(self, turn: int, customer_end: float, clock: Clock):  # type: ignore[no-untyped-def]
        if self._stream is None:
            self._open(clock)
        since = clock.now() - FRAME_SECONDS

        def generate() -> Iterator[tuple[float, np.ndarray]]:
            while True:
                wait = self.timeout if self._started else self.start_timeout
                try:
                    item = self._chunks.get(timeout=wait)
                except queue.Empty:
                    item = None
                if item is None:
                    self._chunks.put(None)  # gone for every later turn too
                    raise _lost()
                self._started = True
                moment, frame = item
                if moment < since:
                    continue
                self.level = float(np.sqrt(np.mean(frame**2)))
                yield moment, frame

        return generate()

    def ready(self, wait: float) -> bool:
        """Whether the stream delivers frames, waiting up to ``wait`` seconds for its
        first (the frame taken is from before any turn: no turn would keep it)."""
        if self._started:
            return True
        try:
            item = self._chunks.get(timeout=wait)
        except queue.Empty:
            return False
        if item is None:
            self._chunks.put(None)  # gone for every later turn too
            raise _lost()
        self._started = True
        return True

    def record(self, since: float, until: float, clock: Clock) -> list[tuple[float, np.ndarray]]:
        """The frames from ``since`` to ``until`` on the timeline, as they come (the
        sound check); fewer if the stream falls silent for ``timeout`` seconds past
        ``until``. Never waits longer than that."""
        frames: list[tuple[float, np.ndarray]] = []
        while True:
            wait = max(0.0, until - clock.now()) + self.timeout
            try:
                item = self._chunks.get(timeout=wait)
            except queue.Empty:
                return frames
            if item is None:
                self._chunks.put(None)
                raise _lost()
            moment = item[0]
            if moment < since:
                continue
            frames.append(item)
            if moment + FRAME_SECONDS >= until:
                return frames

    def close(self) -> None:
        """Close the stream (the call is over)."""
        stream, self._stream = self._stream, None
        if stream is None:
            return
        with contextlib.suppress(Exception):  # a lost device's stream fails to close as well
            stream.abort()
            stream.close()
        release_quiet()
