"""Listening to the agent: endpointing, recognising phrase by phrase, measuring pace.

Phrases are recognised while the agent is still speaking: each pause hands the
phrase just finished to a background worker, so when the turn ends only the
last phrase is left to decode. That is what keeps the gap between the agent
finishing and the customer answering short.

In the smart mode, the words of the last phrase then decide when the turn ends
(:mod:`simulator.voice.end_of_turn`): at once when they sound finished, after a longer
silence when they do not.
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from simulator.voice.asr import Recogniser, Recognition, Recognitions
from simulator.voice.end_of_turn import Verdict, judge, silence_needed, words_of
from simulator.voice.prosody import ending, sound_end
from simulator.voice.vad import FRAME_SECONDS, SAMPLE_RATE, Endpointer, EndpointSettings, Phrase

CAUGHT_UP = 2 * FRAME_SECONDS
"""A frame read this much later than the frames read soonest is a backlog (frames kept
while the recogniser was waited for): the agent may have gone on speaking in it, so the
turn does not end until the frames read are the latest again."""


HUSHED = 0.03
"""Smart mode: how long (seconds) the phrase so far has been without sound (a frame
quieter than a tenth of its loudest, :attr:`Endpointer.hushed`) when it is recognised
ahead of the pause that may close it (``QUICK_GAP``): its words are then known that much
sooner. The voice-activity detector holds on about 0.1 s longer (``HELD_ON``). A stop
consonant's silence hands the phrase over too, for nothing: the agent goes on, and the
phrase is recognised again when the sound next stops, once that recognition is done (one
at a time). Live, French answers with Whisper base came 0.49 s after the last sound at
the median, against 0.56 s in the run before, when the phrase was handed over at the
detector's first silent frame (``docs/performance.md``)."""

AHEAD_GAP = 0.03
"""Smart mode: the silence (seconds) of the voice-activity detector after which the
phrase so far is recognised ahead, if its sound has not been heard to stop (a steady
noise as loud as a tenth of the phrase keeps it sounding)."""


HELD_ON = 0.15
"""Seconds, at most, that the voice-activity detector is taken to hold on after the sound
of a phrase has stopped (WebRTC VAD: about 0.1 s). The smart mode's silences are counted
from the sound's end (:func:`simulator.voice.prosody.sound_end`), so that "0.35 s of
silence" is 0.35 s the agent was silent."""


class PhraseTranscriber:
    """Recognises phrases in order on one worker thread, as they are handed over."""

    def __init__(
        self, recogniser: Recogniser | None, locale: str, worker: Executor | None = None
    ) -> None:
        self.recogniser = recogniser
        self.locale = locale
        self._pool = worker or ThreadPoolExecutor(max_workers=1, thread_name_prefix="asr")
        self._futures: list[tuple[Phrase, Future[Recognition]]] = []
        self._ahead: tuple[Phrase, Future[Recognition]] | None = None
        self.held_on = 0.0
        self.rise: float | None = None

    def submit(self, phrase: Phrase) -> None:
        if self.recogniser is None:
            return
        ahead, self._ahead = self._ahead, None
        if ahead is not None and phrase.sounds_within(ahead[0]):
            # nothing was said since it was recognised ahead: only silence differs
            self._futures.append((phrase, ahead[1]))
            return
        self._futures.append((phrase, self._recognise(phrase)))

    def recognise_ahead(self, phrase: Phrase) -> None:
        """Start recognising a phrase that a pause may be about to close, so that its
        words are known sooner; :meth:`submit` takes the result if the phrase closes
        with nothing more said. One at a time: the one before must have finished."""
        if self.recogniser is None:
            return
        if self._ahead is not None and not self._ahead[1].done():
            return
        if self._ahead is not None and phrase.sounds_within(self._ahead[0]):
            return
        self._ahead = (phrase, self._recognise(phrase))

    def _recognise(self, phrase: Phrase) -> Future[Recognition]:
        assert self.recogniser is not None
        return self._pool.submit(self.recogniser.recognise, phrase.samples, self.locale)

    def verdict(self) -> Verdict:
        """Wait for every phrase so far and judge whether the turn sounds finished.

        Sets :attr:`held_on`: how long the voice-activity detector held on after the
        last phrase's sound had stopped; and :attr:`rise`, the semitones its voice rose
        on its last syllable (None: not known)."""
        pieces = [future.result() for _, future in self._futures]
        text = " ".join(p.text.strip() for p in pieces if p.text.strip())
        unheard, pitch_end, pitch_rise, certainties = 0.0, None, None, ()
        self.held_on, self.rise = 0.0, None
        if self._futures:
            last, recognised = self._futures[-1][0], pieces[-1]
            voiced = last.samples[: round((last.end - last.start) * SAMPLE_RATE)]
            sounded = sound_end(voiced)
            if sounded > 0:
                self.held_on = min(max(len(voiced) / SAMPLE_RATE - sounded, 0.0), HELD_ON)
            # marks standing alone (". . .") are no words heard, nor their probabilities
            heard = [w for w in recognised.words if words_of(w.word)]
            if heard:
                unheard = sounded - heard[-1].end
                certainties = tuple(w.probability for w in heard)
            elif not words_of(recognised.text):
                unheard = sounded
            pitch_end, pitch_rise = ending(voiced)
        self.rise = pitch_rise
        return judge(text, self.locale, unheard, pitch_end, certainties, pitch_rise)

    def result(self) -> Recognitions:
        """Wait for every phrase; words carry times on the call's timeline."""
        pieces = [future.result().shifted(phrase.start) for phrase, future in self._futures]
        self._futures, self._ahead = [], None
        return Recognitions(pieces)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class HeardTurn:
    """One agent turn as heard: times on the call's timeline, audio, recognition."""

    start: float | None
    end: float | None
    samples: np.ndarray
    audio_start: float
    recognition: Recognitions
    timings: dict[str, float] = field(default_factory=dict)
    ended_by: str = ""
    """What ended the turn: the words (``complete``, ``unfinished``, ``unknown``), the
    fixed ``silence``, or the input (``input``: it ended, was stopped, or nobody spoke)."""

    @property
    def silent(self) -> bool:
        return self.start is None


def joined(first: HeardTurn, then: HeardTurn) -> HeardTurn:
    """One turn of two: the agent went on speaking after ``first`` had been taken as
    over. The audio between them (the pause, and the customer starting to answer) is
    kept as silence, so that times in the turn stay those of the call."""
    gap = round((then.audio_start - first.audio_start) * SAMPLE_RATE) - len(first.samples)
    samples = np.concatenate(
        [first.samples, np.zeros(max(gap, 0), np.float32), then.samples[max(-gap, 0) :]]
    )
    return HeardTurn(
        start=first.start,
        end=then.end,
        samples=samples,
        audio_start=first.audio_start,
        recognition=Recognitions([*first.recognition.pieces, *then.recognition.pieces]),
        timings=then.timings,
        ended_by=then.ended_by,
    )


def listen_turn(
    frames,  # Iterable[tuple[float, np.ndarray]]: (time on the call's timeline, 30 ms frame)
    transcriber: PhraseTranscriber,
    settings: EndpointSettings,
    on_speech_start=None,  # Callable[[float], None] | None
    give_up_at: float | Callable[[], float | None] = float("inf"),
    should_end=None,  # Callable[[], bool] | None: end the turn now (push-to-talk released)
    now: Callable[[], float] | None = None,
) -> HeardTurn:
    """Listen until the agent's turn ends, or until ``give_up_at`` if they never start
    (a moment, or a function giving it once it is known).

    In the smart mode, each pause waits for the recogniser and judges the words so far.
    ``now`` (the call's clock) tells whether frames came meanwhile: they are read before
    the turn may end, so that it does not end on a pause the agent has already broken
    (without it, every frame is taken as the latest)."""
    endpointer = Endpointer(settings)
    smart = settings.turn_end == "smart"
    verdict: Verdict | None = None
    ended_by = "input"
    started = False
    soonest = float("inf")  # how late frames are read at best: the device's own delay

    def late(time: float) -> float:
        return 0.0 if now is None else now() - time - FRAME_SECONDS

    for time, frame in frames:
        soonest = min(soonest, late(time))
        phrase = endpointer.feed(frame, time)
        if endpointer.speech_start is not None and not started:
            started = True
            if on_speech_start is not None:
                on_speech_start(endpointer.speech_start)
        if phrase is not None:
            transcriber.submit(phrase)
            verdict = None
        elif smart and (endpointer.silence >= AHEAD_GAP or endpointer.hushed >= HUSHED):
            ahead = endpointer.phrase_so_far()
            if ahead is not None:
                transcriber.recognise_ahead(ahead)
        if endpointer.turn_over:
            ended_by = (verdict or "unfinished") if smart else "silence"
            break
        if smart and endpointer.pausing:
            if verdict is None:
                verdict = transcriber.verdict()
            latest = late(time) - soonest < CAUGHT_UP  # read after the wait, if any
            # counted from the last sound, not from when the detector let go of it
            quiet = endpointer.silence + transcriber.held_on
            if latest and quiet >= silence_needed(verdict, settings):
                endpointer.end_turn()
                ended_by = verdict
                break
        if not started:
            limit = give_up_at() if callable(give_up_at) else give_up_at
            if limit is not None and time >= limit:
                break
        if should_end is not None and should_end():
            last = endpointer.flush()
            if last is not None:
                transcriber.submit(last)
            break
    else:
        last = endpointer.flush()
        if last is not None:
            transcriber.submit(last)
    heard_at = _time.perf_counter()
    recognition = transcriber.result()
    decoded_at = _time.perf_counter()
    samples = np.concatenate(endpointer.frames) if endpointer.frames else np.zeros(0, np.float32)
    return HeardTurn(
        start=endpointer.speech_start,
        end=endpointer.speech_end,
        samples=samples,
        audio_start=endpointer.audio_start or 0.0,
        recognition=recognition,
        timings={"final_decode": decoded_at - heard_at},
        ended_by=ended_by,
    )


__all__ = [
    "FRAME_SECONDS",
    "SAMPLE_RATE",
    "HeardTurn",
    "PhraseTranscriber",
    "joined",
    "listen_turn",
]
