"""The smart end of turn on real speech (eSpeak NG) fed frame by frame on a virtual clock,
with a recogniser that says what it is told to: which words end the turn at once, which
make it wait, what happens without words, and the fixed-silence mode beside it."""

from __future__ import annotations

from concurrent.futures import Executor, Future
from pathlib import Path

import numpy as np
import pytest

from simulator.voice import listening
from simulator.voice.asr import RecognisedWord, Recognition, audio_to_16k
from simulator.voice.audio_files import read_audio, write_audio
from simulator.voice.clock import VirtualClock
from simulator.voice.end_of_turn import endpoint_settings
from simulator.voice.listening import HeardTurn, PhraseTranscriber, listen_turn
from simulator.voice.recorded import FileReplies, ReplyFile
from simulator.voice.vad import (
    FRAME_SAMPLES,
    FRAME_SECONDS,
    SAMPLE_RATE,
    Endpointer,
    Phrase,
    TurnEnd,
)
from tests.voice.conftest import espeak

LEAD = 0.5
"""Silence before the reply starts."""


GAP = 0.2
"""Silence (seconds) that :class:`Told` takes as between two things said: longer than
a stop consonant's, as long as the pause that closes a phrase."""


def stretches(samples: np.ndarray) -> tuple[int, int]:
    """How many stretches of speech ``samples`` hold, parted by :data:`GAP` or more of
    silence, and where (samples) the last sound ends."""
    sounding = np.flatnonzero(np.abs(samples) > 0.01)
    if not len(sounding):
        return 0, 0
    return 1 + int(np.sum(np.diff(sounding) > GAP * SAMPLE_RATE)), int(sounding[-1]) + 1


class Told:
    """A recogniser that hears the words it is given, one text for each thing said
    (the last for all after), and may take time doing it (on the call's clock).

    What it is given is a phrase, or the start of one recognised ahead: the same phrase
    as the call before when it starts with the same samples. A phrase holding two things
    said (the agent went on after a short pause) is heard as the next text."""

    name = "told"

    def __init__(
        self,
        *texts: str,
        clock: VirtualClock | None = None,
        takes: float = 0.0,
        sure: float | None = None,
    ):
        self.texts = list(texts)
        self.clock = clock
        self.takes = takes
        self.sure = sure
        """With a probability, the words come with times (the phrase's) and the last word
        with that probability, the others with 0.9 (marks standing alone, 0.95)."""
        self.given: list[np.ndarray] = []
        """What it was given to recognise, in order."""
        self._phrases = 0

    def supports(self, locale: str) -> bool:
        return True

    def whole(self) -> int:
        """How many times it was given all the sound of the longest it was given."""
        ends = [stretches(samples)[1] for samples in self.given]
        return sum(end >= max(ends) - FRAME_SAMPLES for end in ends)

    def recognise(self, samples: np.ndarray, locale: str) -> Recognition:
        if self.clock is not None:
            self.clock.sleep_until(self.clock.now() + self.takes)
        before = self.given[-1] if self.given else np.zeros(0, np.float32)
        shared = min(len(before), len(samples))
        if not shared or not np.array_equal(before[:shared], samples[:shared]):
            self._phrases += 1
        self.given.append(samples)
        said, end = stretches(samples)
        text = self.texts[min(self._phrases + max(said, 1) - 2, len(self.texts) - 1)]
        if self.sure is None:
            return Recognition(text, (), self.name)  # no word times: nothing left unheard
        parts = text.split()
        lettered = [i for i, part in enumerate(parts) if any(c.isalnum() for c in part)]
        last = lettered[-1] if lettered else -1
        # the last word as told; a mark standing alone (" .") heard for sure
        sure = [
            self.sure if i == last else 0.9 if i in lettered else 0.95 for i in range(len(parts))
        ]
        until = end / SAMPLE_RATE
        words = tuple(RecognisedWord(w, 0.0, until, p) for w, p in zip(parts, sure, strict=True))
        return Recognition(text, words, self.name)


def speech(tmp_path: Path, text: str, name: str) -> np.ndarray:
    """Speech, trimmed of eSpeak's own silence at either end."""
    samples, rate = read_audio(espeak(text, tmp_path / f"{name}.wav", "en", 160))
    samples = audio_to_16k(samples, rate)
    loud = np.flatnonzero(np.abs(samples) > 0.01)
    return samples[loud[0] : loud[-1] + 1]


def reply(tmp_path: Path, *parts: np.ndarray | float) -> tuple[Path, list[float]]:
    """A reply of speech and pauses (seconds); returns its file and where each part ends
    on the timeline."""
    pieces, ends, at = [], [], LEAD
    for part in parts:
        piece = np.zeros(round(part * SAMPLE_RATE), np.float32) if isinstance(part, float) else part
        pieces.append(piece)
        at += len(piece) / SAMPLE_RATE
        ends.append(at)
    path = write_audio(tmp_path / "reply.wav", np.concatenate(pieces), SAMPLE_RATE)
    return path, ends


class AtOnce(Executor):
    """Runs what it is given there and then: on the virtual clock, a recogniser that
    takes time holds the frames back meanwhile, as they are on a busy machine, and the
    order of events does not hang on how threads are scheduled."""

    def submit(self, fn, /, *args, **kwargs) -> Future:  # type: ignore[no-untyped-def]
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def hear(path: Path, turn_end: TurnEnd, recogniser: Told | None, clock: VirtualClock) -> HeardTurn:
    frames = FileReplies([ReplyFile(path, LEAD)], tail=4.0).frames(0, 0.0, clock)
    transcriber = PhraseTranscriber(recogniser, "en", AtOnce())
    try:
        return listen_turn(
            frames,
            transcriber,
            endpoint_settings(turn_end, 0.8),
            now=clock.now,
        )
    finally:
        transcriber.close()


def ended_at(heard: HeardTurn) -> float:
    """When the turn was taken as over: the last frame read."""
    return heard.audio_start + len(heard.samples) / SAMPLE_RATE


@pytest.fixture(scope="module")
def halves(tmp_path_factory) -> tuple[np.ndarray, np.ndarray]:
    folder = tmp_path_factory.mktemp("speech")
    return (
        speech(folder, "I will check your account and", "first"),
        speech(folder, "send you the refund today.", "second"),
    )


def test_a_thinking_pause_after_and_is_one_turn_when_smart_two_when_fixed(tmp_path, halves):
    first, second = halves
    path, (said, _pause, done, _) = reply(tmp_path, first, 1.5, second, 0.0)

    smart = hear(
        path, "smart", Told("I will check your account and", "send you the refund."), VirtualClock()
    )
    assert smart.ended_by == "complete"
    assert smart.end is not None and smart.end > done - 0.3  # both halves heard
    assert "refund" in smart.recognition.text

    fixed = hear(path, "silence", Told("I will check your account and"), VirtualClock())
    assert fixed.ended_by == "silence"
    assert fixed.end is not None and fixed.end < said + 0.3  # cut at the pause
    assert ended_at(fixed) < done - len(second) / SAMPLE_RATE


def test_a_finished_phrase_ends_the_turn_after_a_short_silence(tmp_path, halves):
    first, _ = halves
    path, (said, _) = reply(tmp_path, first, 3.0)
    heard = hear(path, "smart", Told("I will check your account."), VirtualClock())
    assert heard.ended_by == "complete"
    # 0.35 s after the sound's end (where the detector lets go of it is later), not
    # the 0.8 s silence; the sound ends where its loudness falls under a tenth of its
    # peak, a few hundredths of a second before its last sample above 1 %
    assert endpoint_settings("smart", 0.8).finished == 0.35
    assert said + 0.28 <= ended_at(heard) < said + 0.45
    fixed = hear(path, "silence", Told("I will check your account."), VirtualClock())
    assert ended_at(fixed) >= said + 0.8


def test_a_last_word_the_recogniser_doubts_waits_for_the_agent_to_go_on(tmp_path, halves):
    """A thinking pause after "and", heard as a finished sentence: the recogniser's doubt
    about its last word keeps the turn open through the pause."""
    first, second = halves
    path, (said, _pause, done, _) = reply(tmp_path, first, 1.5, second, 0.0)
    misheard = ("I will check your account end.", "send you the refund.")
    doubted = hear(path, "smart", Told(*misheard, sure=0.2), VirtualClock())
    assert doubted.end is not None and doubted.end > done - 0.3  # both halves heard
    assert "refund" in doubted.recognition.text
    trusted = hear(path, "smart", Told(*misheard, sure=0.9), VirtualClock())
    assert trusted.ended_by == "complete"
    assert trusted.end is not None and trusted.end < said + 0.3  # cut at the pause


def test_a_mark_standing_alone_after_the_last_word_hides_no_doubt(tmp_path, halves):
    """Whisper sometimes writes the closing full stop as a word of its own (" ."), and is
    sure of it: the doubt that counts is the last word's, not the mark's."""
    first, second = halves
    path, (said, _pause, done, _) = reply(tmp_path, first, 1.5, second, 0.0)
    misheard = ("I will check your account end .", "send you the refund .")
    doubted = hear(path, "smart", Told(*misheard, sure=0.2), VirtualClock())
    assert doubted.end is not None and doubted.end > done - 0.3  # both halves heard
    trusted = hear(path, "smart", Told(*misheard, sure=0.9), VirtualClock())
    assert trusted.end is not None and trusted.end < said + 0.3  # cut at the pause


def test_an_unfinished_phrase_still_ends_the_turn_after_the_long_silence(tmp_path, halves):
    first, _ = halves
    path, (said, _) = reply(tmp_path, first, 3.5)
    heard = hear(path, "smart", Told("I will check your account and"), VirtualClock())
    assert heard.ended_by == "unfinished"
    assert said + 2.4 <= ended_at(heard) < said + 2.9


@pytest.mark.parametrize("recogniser", [None, Told("")], ids=["no recogniser", "no words"])
def test_without_words_the_fixed_silence_decides(tmp_path, halves, recogniser):
    first, _ = halves
    path, (said, _) = reply(tmp_path, first, 3.0)
    heard = hear(path, "smart", recogniser, VirtualClock())
    assert heard.ended_by == "unknown"
    assert said + 0.7 <= ended_at(heard) < said + 1.1


def test_a_pause_between_two_sentences_does_not_end_the_turn(tmp_path, halves):
    first, second = halves
    path, (_, _, done, _) = reply(tmp_path, first, 0.3, second, 0.0)
    told = Told("I will check your account.", "Send you the refund today.")
    heard = hear(path, "smart", told, VirtualClock())
    assert heard.end is not None and heard.end > done - 0.3


def test_speech_that_came_while_the_recogniser_was_waited_for_keeps_the_turn_open(tmp_path, halves):
    """The first phrase sounds finished, but recognising it takes 1 s, and the agent went
    on 0.8 s into the pause, when half a second of silence had passed: the frames read
    after the wait hold their voice."""
    first, second = halves
    path, (_, _, done, _) = reply(tmp_path, first, 0.8, second, 0.0)
    clock = VirtualClock()
    told = Told("I will check your account.", "send you the refund today.", clock=clock, takes=1.0)
    heard = hear(path, "smart", told, clock)
    assert heard.end is not None and heard.end > done - 0.3
    assert "refund" in heard.recognition.text


def test_the_phrase_is_recognised_ahead_of_the_pause_that_closes_it(tmp_path, halves, monkeypatch):
    """Recognising takes 0.3 s. Started when the phrase's sound stops, the words are
    known, and the turn is decided, sooner than when started at the first frame the
    detector hears as silence (it holds on about 0.1 s), and that sooner than when the
    pause that closes the phrase has come (0.2 s). The result is taken for the phrase:
    all of it is recognised once."""
    first, _ = halves
    path, (said, _) = reply(tmp_path, first, 3.0)
    decided = {}
    for ahead in ("at the sound's end", "at the detector's silence", "not"):
        if ahead != "at the sound's end":
            monkeypatch.setattr(listening, "HUSHED", 10.0)
        if ahead == "not":
            monkeypatch.setattr(listening, "AHEAD_GAP", 10.0)
        clock = VirtualClock()
        told = Told("I will check your account.", clock=clock, takes=0.3)
        heard = hear(path, "smart", told, clock)
        assert heard.ended_by == "complete"
        assert told.whole() == 1
        decided[ahead] = clock.now()
    soonest, detector, closed = decided.values()
    assert said + 0.28 <= soonest <= detector - 0.05, (said, decided)  # the 0.35 s floor
    assert detector <= closed - 0.12, (said, decided)


def test_what_was_recognised_ahead_is_dropped_when_the_agent_goes_on(tmp_path, halves):
    """A pause long enough to recognise ahead (0.25 s: the detector holds on 0.1 s of
    it), too short to close the phrase: the agent goes on, and the whole phrase is
    recognised again once it closes."""
    first, second = halves
    path, _ = reply(tmp_path, first, 0.25, second, 3.0)
    whole = "I will check your account and send you the refund today."
    told = Told("I will check your account.", whole)
    heard = hear(path, "smart", told, VirtualClock())
    assert len({stretches(samples) for samples in told.given}) >= 2
    assert told.whole() == 1
    assert heard.recognition.text == whole
    assert heard.ended_by == "complete"


def test_a_phrase_that_starts_with_the_call_starts_at_zero(tmp_path):
    # 0.0 is a time like any other: speech from the call's first frame keeps it
    said = np.concatenate([speech(tmp_path, "I will check that for you.", "zero"), np.zeros(16000)])
    endpointer = Endpointer(endpoint_settings("smart", 0.8))
    phrases = [
        phrase
        for i in range(0, len(said) - FRAME_SAMPLES + 1, FRAME_SAMPLES)
        if (
            phrase := endpointer.feed(
                said[i : i + FRAME_SAMPLES].astype(np.float32), i / SAMPLE_RATE
            )
        )
    ]
    assert phrases and phrases[0].start == 0.0
    assert all(p.start < p.end for p in phrases)


def test_the_sound_is_known_to_have_stopped_before_the_detector_lets_go(tmp_path, halves):
    """The detector holds on after a phrase's sound has stopped (the sound stops at a
    stop consonant too: the last time before the detector's silence is the one);
    the phrase so far, taken when its sound stopped, sounds the same as the phrase once
    closed, unless the agent went on."""
    first, second = halves
    endpointer = Endpointer(endpoint_settings("smart", 0.8))
    said = np.concatenate([first, np.zeros(8000, np.float32), second, np.zeros(16000)])
    ahead, hushed_at, silent_at, closed = None, None, None, []
    for i in range(0, len(said) - FRAME_SAMPLES + 1, FRAME_SAMPLES):
        time = i / SAMPLE_RATE
        phrase = endpointer.feed(said[i : i + FRAME_SAMPLES].astype(np.float32), time)
        if phrase is not None:
            closed.append(phrase)
        if silent_at is None and endpointer.hushed == FRAME_SECONDS:
            hushed_at, ahead = time, endpointer.phrase_so_far()
        if silent_at is None and endpointer.silence > 0:
            silent_at = time
    stopped = len(first) / SAMPLE_RATE
    assert hushed_at is not None and silent_at is not None and ahead is not None
    assert stopped - 0.1 <= hushed_at < stopped + FRAME_SECONDS < silent_at
    assert len(closed) == 2
    assert closed[0].sounds_within(ahead)
    assert not closed[1].sounds_within(ahead)  # a phrase starting elsewhere
    went_on = Phrase(np.concatenate([ahead.samples, second]), ahead.start, ahead.end + 1.0)
    assert not went_on.sounds_within(ahead)  # sounding not known: all of it sounds
    # a steady noise keeps sounding, but the detector heard no voice after the phrase
    noisy = Phrase(
        np.concatenate([ahead.samples, np.full(4800, 0.5, np.float32)]), ahead.start, ahead.end
    )
    assert noisy.sounds_within(ahead)
