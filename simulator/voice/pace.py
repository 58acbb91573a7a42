"""Pacing measured from a recording: syllable nuclei, pauses and, where trustworthy,
the recognised word count."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scoring.spoken import words as spoken_words
from scoring.syllables import SpeechRate, analyse, words_from_syllables
from simulator.voice.asr import Recognition

# When the recogniser's word count and the syllable estimate disagree by more than
# this factor, the recogniser probably misheard (wrong language, noise): trust the signal.
AGREEMENT = 1.6


@dataclass(frozen=True)
class TurnPacing:
    """How one stretch of speech was paced."""

    rate: SpeechRate
    words: float
    words_source: str
    transcript: str

    @property
    def wpm(self) -> float | None:
        seconds = self.rate.speech_seconds
        return self.words / seconds * 60 if seconds > 0 else None

    @property
    def articulation_wpm(self) -> float | None:
        seconds = self.rate.articulation_seconds
        return self.words / seconds * 60 if seconds > 0 else None

    def to_dict(self) -> dict:
        return {
            "duration": round(self.rate.duration, 3),
            "speech_start": _round(self.rate.speech_start),
            "speech_seconds": round(self.rate.speech_seconds, 3),
            "syllables": self.rate.syllables,
            "syllables_per_second": round(self.rate.syllables_per_second, 2),
            "words": round(self.words),
            "words_source": self.words_source,
            "wpm": _round(self.wpm, 1),
            "articulation_wpm": _round(self.articulation_wpm, 1),
            "pauses": [{"start": s, "end": e} for s, e in self.rate.pauses],
            "transcript": self.transcript,
        }


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def measure(
    samples: np.ndarray, rate: int, locale: str, recognition: Recognition | None = None
) -> TurnPacing:
    """Combine the signal's syllable count with the recognised words."""
    speech = analyse(samples, rate)
    estimate = words_from_syllables(speech.syllables, locale)
    transcript = recognition.text if recognition else ""
    if recognition is not None and recognition.trustworthy:
        counted = len(spoken_words(recognition.text))
        if counted and estimate and 1 / AGREEMENT <= counted / estimate <= AGREEMENT:
            return TurnPacing(speech, counted, "recognised", transcript)
    return TurnPacing(speech, estimate, "syllables", transcript)
