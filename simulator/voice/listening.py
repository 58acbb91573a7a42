"""Listening to the agent: endpointing, recognising phrase by phrase, measuring pace.

Phrases are recognised while the agent is still speaking: each pause hands the
phrase just finished to a background worker, so when the turn ends only the
last phrase is left to decode. That is what keeps the gap between the agent
finishing and the customer answering short.
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from simulator.voice.asr import Recogniser, Recognition, Recognitions
from simulator.voice.vad import FRAME_SECONDS, SAMPLE_RATE, Endpointer, EndpointSettings, Phrase


class PhraseTranscriber:
    """Recognises phrases in order on one worker thread, as they are handed over."""

    def __init__(self, recogniser: Recogniser | None, locale: str) -> None:
        self.recogniser = recogniser
        self.locale = locale
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="asr")
        self._futures: list[tuple[float, Future[Recognition]]] = []

    def submit(self, phrase: Phrase) -> None:
        if self.recogniser is None:
            return
        recogniser = self.recogniser
        future = self._pool.submit(recogniser.recognise, phrase.samples, self.locale)
        self._futures.append((phrase.start, future))

    def result(self) -> Recognitions:
        """Wait for every phrase; words carry times on the call's timeline."""
        pieces = [future.result().shifted(start) for start, future in self._futures]
        self._futures = []
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

    @property
    def silent(self) -> bool:
        return self.start is None


def listen_turn(
    frames,  # Iterable[tuple[float, np.ndarray]]: (time on the call's timeline, 30 ms frame)
    transcriber: PhraseTranscriber,
    settings: EndpointSettings,
    on_speech_start=None,  # Callable[[float], None] | None
    give_up_at: float | Callable[[], float | None] = float("inf"),
    should_end=None,  # Callable[[], bool] | None: end the turn now (push-to-talk released)
) -> HeardTurn:
    """Listen until the agent's turn ends, or until ``give_up_at`` if they never start
    (a moment, or a function giving it once it is known)."""
    endpointer = Endpointer(settings)
    started = False
    for time, frame in frames:
        phrase = endpointer.feed(frame, time)
        if endpointer.speech_start is not None and not started:
            started = True
            if on_speech_start is not None:
                on_speech_start(endpointer.speech_start)
        if phrase is not None:
            transcriber.submit(phrase)
        if endpointer.turn_over:
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
    )


__all__ = ["FRAME_SECONDS", "SAMPLE_RATE", "HeardTurn", "PhraseTranscriber", "listen_turn"]
