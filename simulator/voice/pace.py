"""Pacing measured from a recording: the recognised words over the time they took, or,
without a recogniser for the language, syllable nuclei counted in the signal.

A recogniser that knows the language counts words far better than syllables can
estimate them: how many syllables make a word depends on the words said (from 1.1
to 1.9 a word in the recordings measured, docs/performance.md). So with recognised
words the pace is theirs; the syllable count is the fallback, used when there is no
recogniser for the language (French without a French model, ``--asr none``), when
it heard no word in a stretch that sounds, and when its words cannot be the
speaker's: the same words three times running (Whisper's loop on short or noisy
audio), more than ``FASTEST_WPM`` a minute, or more words than the syllables found
could carry (``WORDS_PER_NUCLEUS``: Whisper base makes up words in noise).

The speaking time is taken from the signal (first to last sound), trimmed to the
voice a voice detector finds there (``voiced.py``): a rustle or a knock run into the
words is no speaking time, and its bumps are no syllables. The detector misses voice
too, whole sentences of a quiet telephone line: a run of syllable nuclei beyond what it
found (three or more, each within two seconds of the next) is taken back as voice, where
a rustle makes one at most. Recognisers place the first
word's start poorly (Whisper's small models put it early, even at 0), but word
timings, where they exist, also trim sounds beyond the words (someone else's voice)
when they lie further than ``WORD_SLACK`` from them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scoring.pacing import spoken_words
from scoring.spoken import words
from scoring.syllables import SpeechRate, analyse, words_from_syllables
from simulator.voice.asr import Recognition
from simulator.voice.voiced import voiced_span

# Word timings are approximate: a sound this close to the words is taken as theirs.
WORD_SLACK = 0.3
# Sound this long before or after the voice is something else (a rustle, a breath).
OUTSIDE_THE_VOICE = 0.15
# Recognised words faster than this over the time spoken were not all said: a
# recogniser's loop or made-up words (eSpeak NG's fastest, 260, reads 326 wpm; people
# on the phone stay far below). The syllable count is used instead.
FASTEST_WPM = 400
# Every word has a syllable, and the counter finds at least two thirds of those said (0.74
# of eSpeak NG's count on the fastest real reading measured, docs/performance.md): more
# recognised words than this many per syllable nucleus found, give or take
# SHORT_REPLY_WORDS, were not said. Whisper base heard 37 words, one phrase over and
# over, in a noisy copy of a French reading of 26 (1.76 for each of the 21 nuclei found);
# no other copy measured went over 1.05.
WORDS_PER_NUCLEUS = 1.5
SHORT_REPLY_WORDS = 2
# A recogniser's loop: the same LOOP_WORDS words or fewer, LOOP_TIMES times running.
LOOP_WORDS = 10
LOOP_TIMES = 3
# Syllables this many in a row outside the voice detector's span, each within
# SYLLABLE_RUN_GAP of the next (and the first of the voice), are a voice it missed — it
# does on telephone-band audio — where a rustle makes one at most (tests/voice/test_pace.py).
MISSED_SYLLABLES = 3
SYLLABLE_RUN_GAP = 2.0


@dataclass(frozen=True)
class TurnPacing:
    """How one stretch of speech was paced."""

    rate: SpeechRate
    words: float
    words_source: str
    transcript: str
    speech_start: float | None = None
    speech_end: float | None = None

    @property
    def speech_seconds(self) -> float:
        """From the first to the last word (or sound), pauses included."""
        if self.speech_start is None or self.speech_end is None:
            return 0.0
        return max(0.0, self.speech_end - self.speech_start)

    @property
    def pauses(self) -> tuple[tuple[float, float], ...]:
        """The signal's pauses inside the speaking time."""
        if self.speech_start is None or self.speech_end is None:
            return ()
        start, end = self.speech_start, self.speech_end
        return tuple(
            (max(s, start), min(e, end)) for s, e in self.rate.pauses if e > start and s < end
        )

    @property
    def articulation_seconds(self) -> float:
        return max(0.0, self.speech_seconds - sum(e - s for s, e in self.pauses))

    @property
    def wpm(self) -> float | None:
        seconds = self.speech_seconds
        return self.words / seconds * 60 if seconds > 0 else None

    @property
    def articulation_wpm(self) -> float | None:
        seconds = self.articulation_seconds
        return self.words / seconds * 60 if seconds > 0 else None

    def to_dict(self) -> dict:
        return {
            "duration": round(self.rate.duration, 3),
            "speech_start": _round(self.speech_start),
            "speech_seconds": round(self.speech_seconds, 3),
            "syllables": self.rate.syllables,
            "syllables_per_second": round(self.rate.syllables_per_second, 2),
            "words": round(self.words),
            "words_source": self.words_source,
            "wpm": _round(self.wpm, 1),
            "articulation_wpm": _round(self.articulation_wpm, 1),
            "pauses": [{"start": s, "end": e} for s, e in self.pauses],
            "transcript": self.transcript,
        }


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def _speech_span(start: float, end: float, recognition: Recognition | None) -> tuple[float, float]:
    """The signal's first and last sound, ``start`` and ``end``, trimmed to the
    recognised words' span (give or take ``WORD_SLACK``) when the recogniser timed them."""
    timed = recognition.words if recognition is not None else ()
    if timed:
        first, last = min(w.start for w in timed), max(w.end for w in timed)
        trimmed = (max(start, first - WORD_SLACK), min(end, last + WORD_SLACK))
        if trimmed[1] > trimmed[0]:
            return trimmed
    return start, end


def _missed_voice(
    start: float, end: float, sound: tuple[float, float], recognition: Recognition | None
) -> tuple[float, float]:
    """The voice's span, ``start`` to ``end``, widened to recognised words lying wholly
    outside it (further than ``WORD_SLACK``), within the ``sound``: words the voice
    detector missed (it does on telephone-band audio), not a first word placed early,
    whose end still lies in the voice."""
    timed = recognition.words if recognition is not None else ()
    before = [w.start for w in timed if w.end < start - WORD_SLACK]
    after = [w.end for w in timed if w.start > end + WORD_SLACK]
    if before:
        start = max(sound[0], min(before) - WORD_SLACK)
    if after:
        end = min(sound[1], max(after) + WORD_SLACK)
    return start, end


def measure(
    samples: np.ndarray, rate: int, locale: str, recognition: Recognition | None = None
) -> TurnPacing:
    """The pace of one stretch of speech: recognised words when a trustworthy
    recogniser heard some, else words estimated from syllable nuclei.

    ``recognition`` word times are seconds into ``samples``."""
    speech = analyse(samples, rate)
    transcript = recognition.text if recognition else ""
    start, end = speech.speech_start, speech.speech_end
    if start is None or end is None:
        return TurnPacing(speech, 0.0, "syllables", transcript)
    sound = (start, end)
    voice = voiced_span(samples, rate)
    if voice is not None:
        voice = _missed_syllables(voice, sound, speech.nuclei)
    if voice is not None and max(start, voice[0]) < min(end, voice[1]):
        if voice[0] - start > OUTSIDE_THE_VOICE or end - voice[1] > OUTSIDE_THE_VOICE:
            # a sound run into the words: the syllables and pauses are the voice's alone
            # (the sound would also move the thresholds the nuclei are found with)
            speech = _analyse_part(samples, rate, *voice)
        start, end = max(start, voice[0]), min(end, voice[1])
    counted = spoken_words(transcript) if recognition and recognition.trustworthy else 0
    if counted and not _looped(transcript) and not _unsaid(counted, speech.syllables):
        start, end = _missed_voice(start, end, sound, recognition)
        timed = _speech_span(start, end, recognition)
        if counted / max(timed[1] - timed[0], 1e-3) * 60 <= FASTEST_WPM:
            return TurnPacing(speech, counted, "recognised", transcript, *timed)
    estimate = words_from_syllables(speech.syllables, locale)
    return TurnPacing(speech, estimate, "syllables", transcript, start, end)


def _missed_syllables(
    voice: tuple[float, float], sound: tuple[float, float], nuclei: tuple[float, ...]
) -> tuple[float, float]:
    """The voice's span widened, within the ``sound``, to runs of syllable nuclei lying
    beyond it (``MISSED_SYLLABLES`` or more, ``SYLLABLE_RUN_GAP`` apart at most)."""
    start, end = voice
    before = _run([n for n in reversed(nuclei) if n < start - OUTSIDE_THE_VOICE], start)
    after = _run([n for n in nuclei if n > end + OUTSIDE_THE_VOICE], end)
    if len(before) >= MISSED_SYLLABLES:
        start = max(sound[0], before[-1] - OUTSIDE_THE_VOICE)
    if len(after) >= MISSED_SYLLABLES:
        end = min(sound[1], after[-1] + OUTSIDE_THE_VOICE)
    return start, end


def _run(nuclei: list[float], edge: float) -> list[float]:
    """The nuclei, nearest ``edge`` first, as far as they follow each other closely."""
    run: list[float] = []
    for nucleus in nuclei:
        if abs(nucleus - (run[-1] if run else edge)) > SYLLABLE_RUN_GAP:
            break
        run.append(nucleus)
    return run


def _unsaid(words: int, nuclei: int) -> bool:
    """Whether more words were recognised than the syllable nuclei found could carry."""
    return words > nuclei * WORDS_PER_NUCLEUS + SHORT_REPLY_WORDS


def _looped(transcript: str) -> bool:
    """Whether the recogniser went round in a loop: the same one to ten words three
    times running ("let me look. let me look. let me look."), Whisper's known failure
    on short or noisy audio, where its word count says nothing of the speaker's."""
    said = words(transcript.lower())
    for size in range(1, LOOP_WORDS + 1):
        for first in range(len(said) - size * LOOP_TIMES + 1):
            phrase = said[first : first + size]
            if all(
                said[first + k * size : first + (k + 1) * size] == phrase
                for k in range(1, LOOP_TIMES)
            ):
                return True
    return False


def _analyse_part(samples: np.ndarray, rate: int, start: float, end: float) -> SpeechRate:
    """``analyse`` of the voice from ``start`` to ``end`` seconds alone: the sound
    around it silenced (cutting it off instead would move the noise floor the
    thresholds are set from), times on the whole clip's timeline."""
    voice = np.zeros_like(samples)
    first, last = int(start * rate), int(end * rate)
    voice[first:last] = samples[first:last]
    return analyse(voice, rate)
