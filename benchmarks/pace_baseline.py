"""The pace measure as it was before the recogniser's words and timings were trusted:
kept unchanged so that ``pace_accuracy.py`` can measure it as the baseline in the
same run.

Syllable nuclei after De Jong & Wempe (2009) on the full-band signal (an intensity
contour, a threshold 25 dB under its 99th percentile, peaks after a 2 dB dip that are
voiced), turned into words at 1.45 (English) or 1.65 (French) syllables a word, over
the time from the first to the last sound. With a recogniser, its word count is used
only when it is within a factor 1.6 of that estimate; otherwise the estimate stands.
"""

from __future__ import annotations

import numpy as np

SYLLABLES_PER_WORD = {"en": 1.45, "fr": 1.65}
AGREEMENT = 1.6
HOP = 0.01
SILENCE_DB = -25.0
MIN_DIP_DB = 2.0


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


def analyse(signal: np.ndarray, rate: int) -> tuple[int, float]:
    """Syllable nuclei and the seconds from the first to the last sound."""
    signal = np.asarray(signal, dtype=np.float64)
    if signal.ndim > 1:
        signal = signal.mean(axis=1)
    if len(signal) < rate * 0.1 or not np.any(signal):
        return 0, 0.0
    db = intensity_db(signal, rate)
    threshold = np.quantile(db, 0.99) + SILENCE_DB
    sounding = db > threshold
    if not sounding.any():
        return 0, 0.0
    times = np.arange(len(db)) * HOP + 0.032  # centre of each intensity window
    first, last = np.flatnonzero(sounding)[[0, -1]]

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
    return len(kept), float(times[last] - times[first] + 0.064)


def _min_between(db: np.ndarray, a: int, b: int) -> float:
    return float(db[a : b + 1].min())


def old_wpm(signal: np.ndarray, rate: int, locale: str, recognised: int | None) -> float | None:
    """Words per minute as measured before; ``recognised`` is the recogniser's word
    count (None without a trustworthy recogniser)."""
    syllables, seconds = analyse(signal, rate)
    if seconds <= 0:
        return None
    estimate = syllables / SYLLABLES_PER_WORD[locale]
    words = estimate
    if recognised and estimate and 1 / AGREEMENT <= recognised / estimate <= AGREEMENT:
        words = recognised
    return words / seconds * 60
