"""Voice-activity detection: when the agent starts, pauses and finishes speaking.

WebRTC's voice-activity detector classifies 30 ms frames as speech or not; the
:class:`Endpointer` turns that into events — speech started, a phrase ended (a
short pause: a good moment to start recognising it), the turn ended (a longer
silence, configurable). With ``turn_end="smart"`` the endpointer only waits for the
longest silence; whoever drives it ends the turn sooner from what was said
(:mod:`simulator.voice.end_of_turn`, :func:`simulator.voice.listening.listen_turn`).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from simulator.voice.prosody import QUIET, loudest

FRAME_SECONDS = 0.03
SAMPLE_RATE = 16000
FRAME_SAMPLES = int(SAMPLE_RATE * FRAME_SECONDS)

TurnEnd = Literal["smart", "silence"]


@dataclass(frozen=True)
class EndpointSettings:
    aggressiveness: int = 2
    """0 (keeps most sound as speech) to 3 (strictest)."""
    start_frames: int = 3
    """Voiced frames in a row that count as the start of speech (filters clicks)."""
    phrase_gap: float = 0.3
    """Silence that closes a phrase, so it can be recognised while the agent goes on."""
    end_of_turn: float = 0.8
    """Silence after which the agent's turn is over (``smart``: when the words cannot
    tell, because nothing was recognised)."""
    pre_roll: float = 0.15
    """Audio kept from before the detected start, so first consonants are not clipped."""
    turn_end: TurnEnd = "silence"
    """``silence``: the turn ends after ``end_of_turn`` seconds of silence, always.
    ``smart``: it ends after the phrase gap when the words recognised sound finished,
    after ``hold`` seconds when they sound unfinished."""
    hold: float = 2.5
    """``smart``: the silence that ends a turn whose last words sound unfinished (never
    shorter than ``end_of_turn``)."""
    finished: float = 0.35
    """``smart``: the silence that ends a turn whose last words sound finished, at the
    soonest: a pause between two sentences is not the end. With the microphone's 0.06 s
    and the speakers' 0.05 s on the way, the customer answers 0.44 s after the last
    sound at the median (``benchmarks/end_of_turn.py``, English; 0.47 to 0.50 s in five
    runs while the words came after this floor). On
    people reading whole passages (``benchmarks/turn_verdict.py``'s real sets) 0.35 s
    ended no more turns early than 0.4 s did; 0.3 s ended one more."""

    @property
    def longest_silence(self) -> float:
        """The silence that ends the turn whatever was said."""
        if self.turn_end == "silence":
            return self.end_of_turn
        return max(self.end_of_turn, self.hold)


@dataclass
class Phrase:
    """A stretch of speech between pauses, with its times on the call's timeline."""

    samples: np.ndarray
    start: float
    end: float
    sounding: int = -1
    """How many of ``samples`` there are up to the end of the last frame with sound in
    it (louder than :data:`~simulator.voice.prosody.QUIET` times the phrase's loudest
    so far): the detector holds on after the sound has stopped. -1: not known, all."""

    def sounds_within(self, other: Phrase) -> bool:
        """Is this phrase ``other`` with only silence after it? The same start, and
        after ``other``'s samples no sound, or no voice the detector heard (a steady
        noise a tenth as loud as the phrase keeps it sounding). Then what is heard in
        both is the same."""
        sounding = len(self.samples) if self.sounding < 0 else self.sounding
        return self.start == other.start and (
            sounding <= len(other.samples) or self.end == other.end
        )


@dataclass
class Endpointer:
    """Feeds on 30 ms frames of 16 kHz audio and reports speech, phrases and turn end."""

    settings: EndpointSettings = field(default_factory=EndpointSettings)

    def __post_init__(self) -> None:
        import webrtcvad

        self._vad = webrtcvad.Vad(self.settings.aggressiveness)
        self._history: deque[tuple[float, np.ndarray]] = deque(
            maxlen=max(1, round(self.settings.pre_roll / FRAME_SECONDS))
        )
        self._run = 0
        self._silence = 0.0
        self._phrase: list[np.ndarray] = []
        self._phrase_start: float | None = None
        self._loudest = 0.0
        self._taken = 0
        self._sounding = 0
        self._hushed = 0.0
        self._last_voiced_end: float | None = None
        self.speech_start: float | None = None
        self.audio_start: float | None = None
        self.speech_end: float | None = None
        self.turn_over = False
        self.frames: list[np.ndarray] = []

    @property
    def speaking(self) -> bool:
        return self.speech_start is not None and not self.turn_over

    @property
    def silence(self) -> float:
        """Seconds of silence since the agent last made a sound (0 while they do)."""
        return self._silence

    @property
    def hushed(self) -> float:
        """Seconds since the phrase so far last made a sound (0 while it does, and
        without a phrase): the voice-activity detector holds on about 0.1 s longer."""
        return self._hushed

    @property
    def pausing(self) -> bool:
        """The agent has spoken and is now silent, their last phrase handed over."""
        return self.speaking and not self._phrase and self._silence > 0

    def phrase_so_far(self) -> Phrase | None:
        """The phrase not yet closed, as it stands (None if there is none): to recognise
        ahead of time, in case the pause turns out to close it."""
        if not self._phrase:
            return None
        end = _known(self._last_voiced_end, 0.0)
        samples = np.concatenate(self._phrase)
        return Phrase(samples, _known(self._phrase_start, end), end, self._sounding)

    def end_turn(self) -> None:
        """End the turn now (its last phrase already handed over)."""
        if self.speech_start is not None and not self.turn_over:
            self.turn_over = True
            self.speech_end = self._last_voiced_end

    def is_speech(self, frame: np.ndarray) -> bool:
        pcm = (np.clip(frame, -1, 1) * 32767).astype("<i2").tobytes()
        return self._vad.is_speech(pcm, SAMPLE_RATE)

    def feed(self, frame: np.ndarray, time: float) -> Phrase | None:
        """Take the frame that starts at ``time``; returns a phrase when one just ended."""
        if self.turn_over:
            return None
        voiced = self.is_speech(frame)
        end = time + FRAME_SECONDS
        if self.speech_start is None:
            self._history.append((time, frame))
            self._run = self._run + 1 if voiced else 0
            if self._run >= self.settings.start_frames:
                first = self._history[0][0]
                onset = end - self._run * FRAME_SECONDS
                self.speech_start = onset
                for _, earlier in self._history:
                    self._take(earlier)
                self.frames = list(self._phrase)
                self._phrase_start = first
                self.audio_start = first
                self._last_voiced_end = end
                self._silence = 0.0
            return None
        self.frames.append(frame)
        if voiced:
            if self._phrase_start is None:
                self._phrase_start = time
            self._take(frame)
            self._silence = 0.0
            self._last_voiced_end = end
            return None
        self._silence += FRAME_SECONDS
        if self._phrase:
            self._take(frame)
        phrase = None
        if self._phrase and self._silence >= self.settings.phrase_gap:
            phrase = self._close(time, end)
        if self._silence >= self.settings.longest_silence:
            self.turn_over = True
            self.speech_end = self._last_voiced_end
            if self._phrase:
                phrase = self._close(time, end)
        return phrase

    def flush(self) -> Phrase | None:
        """The input ended: close the turn, returning the unfinished phrase if any."""
        if self.speech_start is not None and not self.turn_over:
            self.turn_over = True
            self.speech_end = self._last_voiced_end
            if self._phrase:
                return self._close(0.0, 0.0)
        return None

    def _take(self, frame: np.ndarray) -> None:
        """Add ``frame`` to the phrase, noting whether it sounds."""
        self._phrase.append(frame)
        self._taken += len(frame)
        level = loudest(frame)
        self._loudest = max(self._loudest, level)
        if level > QUIET * self._loudest:
            self._sounding = self._taken
            self._hushed = 0.0
        elif self._sounding:
            self._hushed += FRAME_SECONDS

    def _close(self, start: float, end: float) -> Phrase:
        """The phrase so far, closed and handed over; ``start`` and ``end`` stand in for
        times not known."""
        phrase = Phrase(
            np.concatenate(self._phrase),
            _known(self._phrase_start, start),
            _known(self._last_voiced_end, end),
            self._sounding,
        )
        self._phrase, self._phrase_start = [], None
        self._loudest, self._taken, self._sounding, self._hushed = 0.0, 0, 0, 0.0
        return phrase


def _known(value: float | None, otherwise: float) -> float:
    """``value`` unless it is not known: a time of 0.0 is a time (the call's first frame)."""
    return otherwise if value is None else value
