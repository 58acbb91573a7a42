"""How a phrase ends: where its sound stops, and whether the voice fell.

A statement ends on a fall in pitch; a phrase the speaker means to go on from ends level
or rising (the "continuation rise", strong in French). :func:`ending_pitch` gives the
pitch at the end of a phrase against its median, from autocorrelation over 40 ms windows;
:func:`ending_rise`, how the voice moved in its very last voiced windows. Each is one
vote among the words (:mod:`simulator.voice.end_of_turn`): a yes/no question rises too,
and some speakers end statements high. :func:`sound_end` is where the phrase's
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
RISE_BEFORE = 15
"""Voiced windows before the end that :func:`ending_rise` measures the end against."""
STRAY = 9.0
"""Semitones from a phrase's median pitch beyond which the strict track drops a window:
an octave error or a stray detection, not the voice (people's phrases span less)."""


def pitch_track(samples: np.ndarray, rate: int = 16000, *, strict: bool = False) -> np.ndarray:
    """Pitch (Hz) every 10 ms; 0 where the window is not voiced (too quiet, or no clear
    period).

    ``strict`` also drops a window whose best period lies at an edge of the range looked
    in — no period was found there: a breathy or noisy end, which the plain track reads
    at its 400 Hz ceiling — and one more than :data:`STRAY` semitones from the phrase's
    median."""
    return _tracks(samples, rate)[strict]


def _tracks(samples: np.ndarray, rate: int) -> tuple[np.ndarray, np.ndarray]:
    """The plain and the strict pitch track of ``samples``, from one autocorrelation."""
    if len(samples) < WINDOW:
        return np.zeros(0), np.zeros(0)
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
    plain = np.where(voiced, rate / lag, 0.0)
    voiced &= (lag > low) & (lag < high - 1)
    if not voiced.any():
        return plain, np.zeros(count)
    distance = np.abs(12 * np.log2(np.where(voiced, plain, 1.0) / np.median(plain[voiced])))
    return plain, np.where(voiced & (distance <= STRAY), plain, 0.0)


def ending_pitch(samples: np.ndarray, rate: int = 16000) -> float | None:
    """The pitch at the end of a phrase over its median pitch: below 1 when the voice
    fell. None when too little of it is voiced to tell, or the end jumped an octave
    (a creaky or breathy end the estimate cannot follow)."""
    return _level(pitch_track(samples, rate))


def ending_rise(samples: np.ndarray, rate: int = 16000) -> float | None:
    """How far the voice moved in the phrase's last :data:`END_WINDOWS` voiced windows,
    in semitones, against the :data:`RISE_BEFORE` before them (above 0: it rose). Read
    from the strict track, as a breathy end would otherwise read as a leap to the
    ceiling. None when too little of the phrase is voiced to tell."""
    return _rise(pitch_track(samples, rate, strict=True))


def ending(samples: np.ndarray, rate: int = 16000) -> tuple[float | None, float | None]:
    """:func:`ending_pitch` and :func:`ending_rise` of a phrase, its pitch tracked once."""
    plain, strict = _tracks(samples, rate)
    return _level(plain), _rise(strict)


def _level(track: np.ndarray) -> float | None:
    voiced = track[track > 0]
    if len(voiced) < 2 * END_WINDOWS:
        return None
    ratio = float(np.median(voiced[-END_WINDOWS:]) / np.median(voiced))
    return ratio if 0.6 < ratio < 1.6 else None


def _rise(track: np.ndarray) -> float | None:
    voiced = track[track > 0]
    if len(voiced) < 2 * END_WINDOWS:
        return None
    end = np.median(voiced[-END_WINDOWS:])
    before = np.median(voiced[-(END_WINDOWS + RISE_BEFORE) : -END_WINDOWS])
    return float(12 * np.log2(end / before))


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
