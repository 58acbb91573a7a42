"""Speaking rate from the audio itself: syllable nuclei, after De Jong & Wempe (2009).

Word counts from speech recognition are what pace is measured by when a recogniser
knows the language (see ``simulator/voice/pace.py``). Without one — French, unless
the person supplies a French model — syllables are counted in the signal: each
syllable has a vowel nucleus, a local peak of loudness that is voiced. De Jong and
Wempe ("Praat script to detect syllable nuclei and measure speech rate
automatically", Behavior Research Methods 41(2)) take peaks of the intensity
contour 2 dB above the dip before them, 25 dB under the loudest part, that are
voiced. On real recordings — read speech compressed to MP3 or Opus, telephone
bands, a noisy room — fixed thresholds miss syllables in some clips and count
noise in others, so this version, measured on such recordings
(``benchmarks/pace_accuracy.py``, docs/performance.md):

1. measures loudness in the band where vowels carry their energy (250–4000 Hz):
   rumble, hum and the hiss of fricatives and noise do not make peaks;
2. smooths that contour over 30 ms, so that a codec's frame-to-frame flutter is
   not a syllable;
3. sets the silence threshold from the clip itself: 25 dB under its loudest part,
   and at least 4 dB above its noise floor (the quietest tenth of the frames);
4. keeps a peak whose prominence (its height over the higher of the lowest points
   on either side, within 0.25 s) is at least 5 % of the clip's range from noise
   floor to loudest: a quiet, noisy clip has shallow dips between syllables, a
   clean studio one deep dips;
5. keeps it only where the signal is voiced — its autocorrelation peaks at a pitch
   period: a rustle's low noise correlates with itself most at the shortest lag, with
   no period standing out — and at least 80 ms from a louder nucleus (no one says more
   than about 12 syllables a second).

Speech rate is syllables over speaking time; articulation rate is syllables over
the time actually spent sounding (speaking time minus pauses).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Syllable nuclei the counter finds per word said, used to turn them into words when no
# recogniser gives the words. Measured on real readings, several readers each (LibriVox
# in English, FLEURS in French), as the rate at which the pace of the median reading is
# right, and checked on other readings (``benchmarks/pace_calibration.py``,
# docs/performance.md). Not the syllables of the words as written or as eSpeak NG says
# them (1.33 in English and 1.52 in French in what agents say): in French the counter
# misses syllables people run together, in English it finds two peaks in some long
# vowels.
SYLLABLES_PER_WORD = {"en": 1.43, "fr": 1.41}

HOP = 0.01  # seconds between analysis frames
WINDOW = 0.032  # analysis window, seconds
BAND = (250.0, 4000.0)  # Hz: where vowels carry their energy
SMOOTHING = 0.03  # seconds
SILENCE_DB = -25.0  # under the loudest part
FLOOR_MARGIN_DB = 4.0  # over the noise floor
PROMINENCE = 0.05  # of the range from noise floor to loudest
PROMINENCE_REACH = 0.25  # seconds either side where a peak's dips are looked for
VOICING = 0.3  # normalised autocorrelation of a voiced frame
MIN_GAP = 0.08  # seconds between two nuclei
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


def band_level_db(frames: np.ndarray, rate: int) -> np.ndarray:
    """Per frame, the level in dB of the vowel band, smoothed over ``SMOOTHING``."""
    size = frames.shape[1]
    fft = 1 << (size - 1).bit_length()
    spectrum = np.abs(np.fft.rfft(frames * np.hanning(size), fft, axis=1)) ** 2
    freqs = np.fft.rfftfreq(fft, 1 / rate)
    band = (freqs >= BAND[0]) & (freqs <= BAND[1])
    db = 10 * np.log10(spectrum[:, band].sum(axis=1) / size + 1e-12)
    width = max(1, round(SMOOTHING / HOP))
    kernel = np.hanning(width + 2)[1:-1]
    padded = np.pad(db, width, mode="edge")
    return np.convolve(padded, kernel / kernel.sum(), "same")[width:-width]


def voicing(frames: np.ndarray, rate: int) -> np.ndarray:
    """Per frame, how periodic the signal is in the range of the human voice
    (70–400 Hz): the highest peak of its normalised autocorrelation there (0 without
    one). A peak, not the highest value: low noise correlates with itself most at the
    shortest lag and less at every longer one, where a voice repeats at its period."""
    frames = frames - frames.mean(axis=1, keepdims=True)
    size = frames.shape[1]
    spectrum = np.fft.rfft(frames, 2 * size, axis=1)
    corr = np.fft.irfft(np.abs(spectrum) ** 2, axis=1)[:, :size]
    energy = corr[:, :1]
    corr = corr / np.where(energy > 0, energy, 1)
    low, high = int(rate / 400), min(size - 1, int(rate / 70))
    inner = corr[:, low : high + 1]
    peaks = (inner[:, 1:-1] > inner[:, :-2]) & (inner[:, 1:-1] >= inner[:, 2:])
    return np.where(peaks, inner[:, 1:-1], 0.0).max(axis=1, initial=0.0)


def _peaks(level: np.ndarray, threshold: float) -> np.ndarray:
    inner = level[1:-1]
    rising = inner >= level[:-2]
    falling = inner > level[2:]
    return np.flatnonzero(rising & falling & (inner > threshold)) + 1


def _prominence(level: np.ndarray, peak: int, reach: int) -> float:
    """The peak's height over the higher of the lowest points on either side, each
    looked for up to a higher point or ``reach`` frames away."""
    height = level[peak]
    sides = []
    for side in (level[max(0, peak - reach) : peak][::-1], level[peak + 1 : peak + 1 + reach]):
        higher = np.flatnonzero(side > height)
        stretch = side[: higher[0]] if higher.size else side
        sides.append(stretch.min() if stretch.size else height)
    return float(height - max(sides))


def _spaced(peaks: list[int], level: np.ndarray, gap: int) -> list[int]:
    """The loudest peaks first, each at least ``gap`` frames from those kept."""
    kept: list[int] = []
    for peak in sorted(peaks, key=lambda p: -level[p]):
        if all(abs(peak - other) >= gap for other in kept):
            kept.append(peak)
    return sorted(kept)


def analyse(signal: np.ndarray, rate: int) -> SpeechRate:
    """Count syllable nuclei and find pauses in a mono signal."""
    signal = np.asarray(signal, dtype=np.float64)
    if signal.ndim > 1:
        signal = signal.mean(axis=1)
    duration = len(signal) / rate if rate else 0.0
    if len(signal) < rate * 0.1 or not np.any(signal):
        return SpeechRate(duration, None, None, 0, (), ())
    frames = _frames(signal, rate, WINDOW)
    level = band_level_db(frames, rate)
    loudest = float(np.quantile(level, 0.99))
    floor = float(np.quantile(level, 0.1))
    threshold = max(loudest + SILENCE_DB, floor + FLOOR_MARGIN_DB)
    sounding = level > threshold
    if not sounding.any():
        return SpeechRate(duration, None, None, 0, (), ())
    times = np.arange(len(level)) * HOP + WINDOW / 2  # centre of each window
    first, last = np.flatnonzero(sounding)[[0, -1]]
    pauses = _pauses(sounding, times, first, last)

    needed = PROMINENCE * (loudest - floor)
    reach = round(PROMINENCE_REACH / HOP)
    periodic = voicing(frames, rate) > VOICING
    candidates = [
        int(p)
        for p in _peaks(level, threshold)
        if periodic[max(0, p - 1) : p + 2].any() and _prominence(level, p, reach) >= needed
    ]
    nuclei = _spaced(candidates, level, round(MIN_GAP / HOP))
    return SpeechRate(
        duration=duration,
        speech_start=float(times[first] - WINDOW / 2),
        speech_end=float(times[last] + WINDOW / 2),
        syllables=len(nuclei),
        pauses=tuple(pauses),
        nuclei=tuple(round(float(times[i]), 2) for i in nuclei),
    )


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
    return syllables / SYLLABLES_PER_WORD.get(locale, SYLLABLES_PER_WORD["en"])
