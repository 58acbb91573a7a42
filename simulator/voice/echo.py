"""Echo: the customer's own voice coming back through the microphone.

Without headphones the speakers reach the microphone (or a sound server offers the
speakers' monitor as the default input), and the customer's voice would be taken for
the agent's: a barge-in at once, the echo recognised as the agent's words. The sound
check (:mod:`simulator.voice.sound_check`) plays a short tone and finds it in what the
microphone heard (:func:`find_echo`): whether it came back, how late and how loud.

When it did, every microphone frame goes through the :class:`EchoCanceller` before
anything listens to it. It knows what roleplay was playing at each moment (the
:class:`Reference`: the customer's clips on the call's timeline) and takes it out in two
steps:

- WebRTC's echo canceller (AEC3, from the ``livekit`` package) removes the echo of the
  reference, shifted by the delay the check measured, and lets the agent's own voice
  through, even while both speak at once;
- a gate then silences a frame unless the microphone heard clearly more than the echo
  expected there (the reference's loudness at that delay, times the level the check
  measured): the canceller now and then lets a few frames of echo through, and the
  voice-activity detector would take them for speech.

Without echo it all stays off: with nothing to cancel, the canceller would still muffle
the agent whenever the customer talks.
"""

from __future__ import annotations

import atexit
import logging
import math
import threading
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from simulator.voice.devices import Playback
from simulator.voice.vad import SAMPLE_RATE

MIN_MATCH = 0.3
"""How closely the best-matching stretch of the recording must follow the tone (a
normalised cross-correlation, 1.0: the tone itself) to count as its echo. Noise matches
the 0.2 s chirp to 0.07 at best, eSpeak's speech to 0.14; the tests' loop to 0.99."""
MIN_GAIN = 0.01
"""Echo quieter than this (−40 dB under what was played) is left alone: a voice played
at −20 dB full scale comes back under −60 dB, below the −54 dB at which the
voice-activity detector started to take sound for speech in the tests."""
BLOCK = SAMPLE_RATE // 100
"""The canceller works on 10 ms blocks."""
MARGIN = 0.05
"""Seconds by which the reference is fed ahead of the measured delay. The canceller
removes echo that comes after its reference, never echo that comes before, so the
reference must never be late: delays vary a little from one clip to the next."""
LOUDER = 1.5
"""The microphone must hear this much more than the echo expected from what is playing
(by loudness: 3.5 dB more) for a frame to hold the agent's voice; a frame that does not
is silenced, whatever the canceller left of it. The echo alone never came to more than
1.07 times what was expected on the live tests' loop (three calls); the canceller alone
let up to 75 % of it through now and then, for 30 to 90 ms, enough for a barge-in."""
SPREAD = 0.06
"""Seconds either side of the measured delay where the loudest 10 ms of what was
playing are taken as the echo to expect (delays vary a little from clip to clip)."""
TAIL = 0.3
"""Seconds a room keeps an echo after the sound stops. A frame with nothing played in
that long before its echo is due goes through untouched: the agent speaking alone is
heard as without protection."""
FLOOR = 0.002
"""A frame quieter than this after cancelling (−54 dB full scale) is silenced: the
voice-activity detector takes even the canceller's comfort noise (−74 dB) for speech
after a silence, while speech into a microphone is −40 to −20 dB."""


@dataclass(frozen=True)
class EchoPath:
    """What the sound check heard: whether the speakers reach the microphone (None: it
    could not tell), and if so how late (seconds on the call's timeline, from a sound
    starting to play to its echo in the microphone's frames) and how loud (the echo's
    amplitude over the sound's)."""

    heard: bool | None
    delay: float = 0.0
    gain: float = 0.0

    @property
    def level_db(self) -> float | None:
        """The echo's level in decibels under what was played (0: as loud)."""
        return round(20 * math.log10(self.gain), 1) if self.gain > 0 else None

    def as_record(self) -> dict[str, Any]:
        """As kept with the session."""
        return {"echo": self.heard, "delay": round(self.delay, 3), "level_db": self.level_db}


def find_echo(played: np.ndarray, recorded: np.ndarray, offset: float) -> EchoPath:
    """Where ``played`` comes back in ``recorded`` (both 16 kHz), the recording starting
    ``offset`` seconds after the sound started to play.

    The sound is found by cross-correlation; its echo is the best-matching stretch of
    the recording, if it matches closely enough (``MIN_MATCH``) and is loud enough
    (``MIN_GAIN``). Its level is that stretch's loudness, and ``SPREAD`` seconds after
    it, over the sound's. A recording shorter than the sound cannot tell.
    """
    played = played.astype(np.float64)
    recorded = recorded.astype(np.float64)
    size = len(played)
    if len(recorded) < size or not np.any(played):
        return EchoPath(None)
    n = 1 << (len(recorded) + size - 1).bit_length()
    full = np.fft.irfft(np.fft.rfft(recorded, n) * np.conj(np.fft.rfft(played, n)), n)
    correlation = full[: len(recorded) - size + 1]  # each lag where the sound fits whole
    power = np.concatenate([[0.0], np.cumsum(recorded**2)])
    window = power[size:] - power[:-size]  # the recording's energy under the sound, per lag
    played_norm = float(np.linalg.norm(played))
    match = np.abs(correlation) / (played_norm * np.sqrt(np.maximum(window, 1e-12)))
    match[window < 1e-10] = 0.0  # digital silence matches nothing
    lag = int(np.argmax(match))
    if match[lag] < MIN_MATCH or abs(float(correlation[lag])) / played_norm**2 < MIN_GAIN:
        return EchoPath(False)
    # the level from all that came back, the room's reverberation included (the
    # correlation alone measures the direct sound)
    echo = recorded[lag : lag + size + round(SPREAD * SAMPLE_RATE)]
    gain = float(np.linalg.norm(echo)) / played_norm
    return EchoPath(True, offset + lag / SAMPLE_RATE, gain)


class Reference:
    """What roleplay is playing, at 16 kHz on the call's timeline: the clips that may
    still be heard, each from its start to where it ended or was stopped."""

    def __init__(self, clips: Callable[[], Iterable[Playback]]) -> None:
        self._clips = clips
        self._resampled: weakref.WeakKeyDictionary[Playback, np.ndarray] = (
            weakref.WeakKeyDictionary()
        )

    def _samples(self, clip: Playback) -> np.ndarray:
        samples = self._resampled.get(clip)
        if samples is None:
            from simulator.voice.asr import audio_to_16k

            samples = audio_to_16k(np.asarray(clip.samples, np.float32), clip.rate)
            self._resampled[clip] = samples
        return samples

    def segment(self, start: float, count: int) -> np.ndarray:
        """``count`` samples of what was playing from ``start`` on."""
        out = np.zeros(count, np.float32)
        for clip in self._clips():
            samples = self._samples(clip)
            heard = min(len(samples), round((clip.end - clip.start) * SAMPLE_RATE))
            first = round((start - clip.start) * SAMPLE_RATE)
            low, high = max(first, 0), min(first + count, heard)
            if low < high:
                out[low - first : high - first] += samples[low:high]
        return out


def _pcm(samples: np.ndarray) -> bytes:
    return (np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes()


def _loudest(samples: np.ndarray) -> float:
    """The loudness (RMS) of the loudest 10 ms."""
    blocks = samples[: len(samples) // BLOCK * BLOCK].reshape(-1, BLOCK)
    if not len(blocks):
        return 0.0
    return float(np.sqrt(np.max(np.mean(np.square(blocks, dtype=np.float64), axis=1))))


def _rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if len(samples) else 0.0


_cancellers: weakref.WeakSet[EchoCanceller] = weakref.WeakSet()
_closes_at_exit = False


def _close_all() -> None:
    for canceller in list(_cancellers):
        canceller.close()


class EchoCanceller:
    """Removes the echo of the :class:`Reference` from microphone frames: WebRTC's
    canceller, then the gate (see the module's docstring).

    ``clean`` takes a frame and the moment it starts on the call's timeline and returns
    it without the echo of what was playing ``path.delay`` seconds earlier. Once the
    program is exiting, the canceller is skipped (the library is shut down at exit,
    possibly under a thread still listening) and the gate alone applies.
    """

    def __init__(self, reference: Reference, path: EchoPath) -> None:
        from livekit import rtc

        # the library logs through Python's logging: never onto the trainee's terminal
        logging.getLogger("livekit").addHandler(logging.NullHandler())
        logging.getLogger("livekit").propagate = False
        self._rtc = rtc
        self.reference = reference
        self.delay, self.gain = path.delay, path.gain
        self.lead = max(0.0, path.delay - MARGIN)
        self._apm = rtc.AudioProcessingModule(echo_cancellation=True, high_pass_filter=True)
        self._lock = threading.Lock()
        self._closed = False
        global _closes_at_exit
        if not _closes_at_exit:
            # registered after the library's own exit handler, so it runs first
            atexit.register(_close_all)
            _closes_at_exit = True
        _cancellers.add(self)

    def clean(self, moment: float, frame: np.ndarray) -> np.ndarray:
        """The frame starting at ``moment`` without the echo: cancelled, then silenced
        if what is left is the canceller's remainder rather than the agent; untouched if
        nothing was played that could echo in it."""
        out = self._cancel(moment, frame)  # always: the canceller follows the whole call
        tail, spread = round(TAIL * SAMPLE_RATE), round(SPREAD * SAMPLE_RATE)
        played = self.reference.segment(moment - self.delay - TAIL, tail + len(frame) + spread)
        if not np.any(played):
            return frame
        expected = self.gain * _loudest(played[tail - spread :])
        if _rms(out) < FLOOR or _rms(frame) < LOUDER * expected:
            return np.zeros_like(out)
        return out

    def _cancel(self, moment: float, frame: np.ndarray) -> np.ndarray:
        far = self.reference.segment(moment - self.lead, len(frame))
        out = frame.astype(np.float32, copy=True)
        rtc = self._rtc
        with self._lock:
            if self._closed:
                return out
            for at in range(0, len(frame) - BLOCK + 1, BLOCK):
                self._apm.process_reverse_stream(
                    rtc.AudioFrame(_pcm(far[at : at + BLOCK]), SAMPLE_RATE, 1, BLOCK)
                )
                near = rtc.AudioFrame(_pcm(frame[at : at + BLOCK]), SAMPLE_RATE, 1, BLOCK)
                # the reference is already aligned: any delay left is the canceller's to find
                self._apm.set_stream_delay_ms(0)
                self._apm.process_stream(near)
                out[at : at + BLOCK] = np.frombuffer(near.data, "<i2") / 32768.0
        return out

    def close(self) -> None:
        with self._lock:
            self._closed = True
