"""How a phrase ends: where its sound stops, and whether the voice fell.

A statement ends on a fall in pitch; a phrase the speaker means to go on from ends level
or rising (the "continuation rise", strong in French). :func:`ending_pitch` gives the
pitch at the end of a phrase against its median, from autocorrelation over 40 ms windows.
It is one vote among the words (:mod:`simulator.voice.end_of_turn`): a yes/no question
rises too, and some speakers end statements high. :func:`sound_end` is where the phrase's
sound stops, closer than the voice-activity detector, which holds on a little after it.
"""

from __future__ import annotations

import numpy as np

WINDOW = 640
"""Samples per pitch window (40 ms at 16 kHz: two periods of an 80 Hz voice)."""
HOP = 160
"""Samples between windows (10 ms)."""
LOWEST, HIGHEST = 60.0, 400.0
"""The pitch range looked in, Hz."""
END_WINDOWS = 5
"""Voiced windows at the end of the phrase whose pitch is its end."""


def pitch_track(samples: np.ndarray, rate: int = 16000) -> np.ndarray:
    """Pitch (Hz) every 10 ms; 0 where the window is not voiced (too quiet, or no clear
    period)."""
    if len(samples) < WINDOW:
        return np.zeros(0)
    count = 1 + (len(samples) - WINDOW) // HOP
    index = np.arange(WINDOW)[None, :] + HOP * np.arange(count)[:, None]
    frames = samples[index].astype(np.float64) * np.hanning(WINDOW)
    loudness = np.sqrt(np.mean(frames**2, axis=1))
    spectrum = np.fft.rfft(frames, 2 * WINDOW)
    autocorrelation = np.fft.irfft(np.abs(spectrum) ** 2)[:, :WINDOW]
    low, high = int(rate / HIGHEST), int(rate / LOWEST)
    lag = low + np.argmax(autocorrelation[:, low:high], axis=1)
    clarity = autocorrelation[np.arange(count), lag] / np.maximum(autocorrelation[:, 0], 1e-12)
    voiced = (clarity > 0.5) & (loudness > 0.1 * loudness.max())
    return np.where(voiced, rate / lag, 0.0)


def ending_pitch(samples: np.ndarray, rate: int = 16000) -> float | None:
    """The pitch at the end of a phrase over its median pitch: below 1 when the voice
    fell. None when too little of it is voiced to tell, or the end jumped an octave
    (a creaky or breathy end the estimate cannot follow)."""
    track = pitch_track(samples, rate)
    voiced = track[track > 0]
    if len(voiced) < 2 * END_WINDOWS:
        return None
    ratio = float(np.median(voiced[-END_WINDOWS:]) / np.median(voiced))
    return ratio if 0.6 < ratio < 1.6 else None


SOUND_WINDOW = 160
"""Samples per loudness window (10 ms)."""
QUIET = 0.1
"""A window quieter than this fraction of the phrase's loudest one holds no speech."""


def _loudness(samples: np.ndarray) -> np.ndarray:
    """The loudness (RMS) of each whole 10 ms window of ``samples``."""
    count = len(samples) // SOUND_WINDOW
    windows = samples[: count * SOUND_WINDOW].reshape(count, SOUND_WINDOW).astype(np.float64)
    return np.sqrt(np.mean(windows**2, axis=1))


def loudest(samples: np.ndarray) -> float:
    """The loudness of the loudest 10 ms window of ``samples`` (0: none). A window
    quieter than :data:`QUIET` times the loudest of its phrase holds no speech."""
    loudness = _loudness(samples)
    return float(loudness.max()) if len(loudness) else 0.0


def sound_end(samples: np.ndarray, rate: int = 16000) -> float:
    """Seconds into ``samples`` where the last window holding speech ends (0: none)."""
    loudness = _loudness(samples)
    if len(loudness) == 0:
        return 0.0
    loud = np.flatnonzero(loudness > QUIET * loudness.max())
    return 0.0 if len(loud) == 0 else (int(loud[-1]) + 1) * SOUND_WINDOW / rate
