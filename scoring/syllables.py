"""Speaking rate from the audio itself: syllable nuclei (De Jong & Wempe, 2009).

Word counts from speech recognition are hostage to recognition errors, and there
may be no model at all for a language. Syllables can be counted from the signal:
each syllable has a vowel nucleus, a local peak of loudness that is voiced. The
method, as described by De Jong and Wempe ("Praat script to detect syllable
nuclei and measure speech rate automatically", Behavior Research Methods 41(2)):

1. an intensity contour (dB) of the signal;
2. a silence threshold 25 dB below the loudest part (its 99th percentile);
   stretches under it lasting at least 0.3 s are pauses;
3. peaks of intensity above the threshold, each preceded by a dip of at least
   2 dB, are syllable candidates;
4. candidates where the signal is not voiced (no pitch) are discarded.

Speech rate is syllables over speaking time; articulation rate is syllables over
the time actually spent sounding (speaking time minus pauses).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Average syllables per spoken word (spoken French keeps many a schwa, so it counts more
# per word than English); used to turn a
# syllable rate into words per minute when no trustworthy word count exists.
SYLLABLES_PER_WORD = {"en": 1.45, "fr": 1.65}

HOP = 0.01  # seconds between analysis frames
SILENCE_DB = -25.0
MIN_DIP_DB = 2.0
MIN_PAUSE = 0.3


@dataclass(frozen=True)
class SpeechRate:
    """What the signal says about how someone spoke."""

    duration: float
    speech_start: float | None
    speech_end: float | None
    syllables: int
    pauses: tuple[tuple[float, float], ...]
    nuclei: tuple[float, ...]

    @property
    def speech_seconds(self) -> float:
        if self.speech_start is None or self.speech_end is None:
            return 0.0
        return self.speech_end - self.speech_start

    @property
    def articulation_seconds(self) -> float:
        return max(0.0, self.speech_seconds - sum(e - s for s, e in self.pauses))

    @property
    def syllables_per_second(self) -> float:
        return self.syllables / self.speech_seconds if self.speech_seconds > 0 else 0.0


def _frames(signal: np.ndarray, rate: int, window: float) -> np.ndarray:
    size = int(window * rate)
    hop = int(HOP * rate)
    if len(signal) < size:
        signal = np.pad(signal, (0, size - len(signal)))
    count = 1 + (len(signal) - size) // hop
    index = np.arange(size)[None, :] + hop * np.arange(count)[:, None]
    return signal[index]


def intensity_db(signal: np.ndarray, rate: int) -> np.ndarray:
    """Intensity per 10 ms frame, in dB, over a Gaussian-like window (as Praat does for
    a minimum pitch of 50 Hz: an effective window of about 64 ms)."""
    frames = _frames(signal, rate, 0.064)
    window = np.kaiser(frames.shape[1], 20)
    power = (frames**2 * window).sum(axis=1) / window.sum()
    return 10 * np.log10(power + 1e-12)


def voiced(signal: np.ndarray, rate: int, threshold: float = 0.45) -> np.ndarray:
    """Per 10 ms frame, whether the signal is periodic in the range of the human voice
    (75–500 Hz), by the normalised autocorrelation peak."""
    frames = _frames(signal, rate, 0.04)
    frames = frames - frames.mean(axis=1, keepdims=True)
    frames = frames * np.hanning(frames.shape[1])
    n = frames.shape[1]
    spectrum = np.fft.rfft(frames, 2 * n, axis=1)
    corr = np.fft.irfft(np.abs(spectrum) ** 2, axis=1)[:, :n]
    energy = corr[:, :1]
    corr = corr / np.where(energy > 0, energy, 1)
    low, high = int(rate / 500), min(n - 1, int(rate / 75))
    return corr[:, low:high].max(axis=1) > threshold


def analyse(signal: np.ndarray, rate: int) -> SpeechRate:
    """Count syllable nuclei and find pauses in a mono signal."""
    signal = np.asarray(signal, dtype=np.float64)
    if signal.ndim > 1:
        signal = signal.mean(axis=1)
    duration = len(signal) / rate if rate else 0.0
    if len(signal) < rate * 0.1 or not np.any(signal):
        return SpeechRate(duration, None, None, 0, (), ())
    db = intensity_db(signal, rate)
    threshold = np.quantile(db, 0.99) + SILENCE_DB
    sounding = db > threshold
    if not sounding.any():
        return SpeechRate(duration, None, None, 0, (), ())
    times = np.arange(len(db)) * HOP + 0.032  # centre of each intensity window
    first, last = np.flatnonzero(sounding)[[0, -1]]
    pauses = _pauses(sounding, times, first, last)

    voicing = voiced(signal, rate)
    voice_times = np.arange(len(voicing)) * HOP + 0.02
    nuclei = []
    dip = np.inf
    last_peak = None
    for i in range(1, len(db) - 1):
        dip = min(dip, db[i])
        if db[i] >= db[i - 1] and db[i] > db[i + 1] and db[i] > threshold:
            # a peak counts once the contour has dipped enough since the last one
            if last_peak is None or db[i] - dip >= MIN_DIP_DB:
                if last_peak is not None and db[last_peak] - _min_between(db, last_peak, i) < (
                    MIN_DIP_DB
                ):
                    # not separated from the previous peak on its right side: keep the louder
                    if db[i] > db[last_peak]:
                        nuclei[-1] = i
                        last_peak = i
                    continue
                nuclei.append(i)
                last_peak = i
                dip = db[i]
            elif db[i] > db[last_peak]:
                nuclei[-1] = i
                last_peak = i
                dip = db[i]
    kept = []
    for i in nuclei:
        j = int(np.clip(np.searchsorted(voice_times, times[i]), 0, len(voicing) - 1))
        if voicing[max(0, j - 1) : j + 2].any():
            kept.append(float(times[i]))
    return SpeechRate(
        duration=duration,
        speech_start=float(times[first] - 0.032),
        speech_end=float(times[last] + 0.032),
        syllables=len(kept),
        pauses=tuple(pauses),
        nuclei=tuple(kept),
    )


def _min_between(db: np.ndarray, a: int, b: int) -> float:
    return float(db[a : b + 1].min())


def _pauses(sounding: np.ndarray, times: np.ndarray, first: int, last: int) -> list:
    pauses = []
    start = None
    for i in range(first, last + 1):
        if not sounding[i] and start is None:
            start = i
        elif sounding[i] and start is not None:
            if times[i] - times[start] >= MIN_PAUSE:
                pauses.append((round(float(times[start]), 2), round(float(times[i]), 2)))
            start = None
    return pauses


def words_from_syllables(syllables: int, locale: str) -> float:
    return syllables / SYLLABLES_PER_WORD.get(locale, 1.45)
