"""Whisper encodes the phrase and a margin, not 30 s of padding, and still hears it whole:
checked on the window sizes, then on real recognition of short and long speech."""

import jiwer
import numpy as np
import pytest
import soundfile as sf
from faster_whisper import WhisperModel

from scoring.spoken import normalise, words
from simulator.voice import whisper_window
from simulator.voice.asr import audio_to_16k
from simulator.voice.whisper_window import MARGIN, SHORTEST_WINDOW, window_frames
from tests.voice.conftest import espeak


def padded(sounding: int, frames: int = 3000) -> np.ndarray:
    """A batch of one mel window: ``sounding`` frames of sound, then zero padding."""
    features = np.zeros((1, 80, frames), np.float32)
    features[..., :sounding] = -0.5
    return features


@pytest.mark.parametrize(
    ("sounding", "encoded"),
    [
        (150, SHORTEST_WINDOW),  # a short phrase: the 10 s window, not the phrase alone
        (SHORTEST_WINDOW - MARGIN, SHORTEST_WINDOW),
        (1500, 1500 + MARGIN),  # a long one: all of it, and one second more
        (1501, 1602),  # the encoder halves the frames: an even number
        (2950, 3000),  # never more than the window holds
        (3000, 3000),
    ],
)
def test_the_window_is_the_sound_and_a_second_at_least_ten_seconds(sounding, encoded):
    assert window_frames(padded(sounding)) == encoded


def test_a_window_with_no_sound_is_left_whole():
    assert window_frames(padded(0)) == 3000


def test_a_frame_of_sound_that_happens_to_hold_a_zero_still_counts():
    features = padded(1200)
    features[0, :40, 1199] = 0.0  # half the bins of the last frame at exactly zero
    assert window_frames(features) == 1200 + MARGIN


@pytest.fixture
def encoded_frames(monkeypatch):
    """The number of mel frames each call of the encoder was given."""
    seen: list[int] = []
    encode = WhisperModel.encode

    def spy(self, features):
        seen.append(features.shape[-1])
        return encode(self, features)

    monkeypatch.setattr(WhisperModel, "encode", spy)
    return seen


def said(text: str) -> list[str]:
    return [w.lower() for w in words(normalise(text, "en").text)]


def errors(reference: str, heard: str) -> int:
    """Word edits from what was said to what was heard."""
    out = jiwer.process_words(" ".join(said(reference)), " ".join(said(heard)) or "-")
    return out.substitutions + out.deletions + out.insertions


def mono(path) -> tuple[np.ndarray, int]:
    samples, rate = sf.read(str(path), dtype="float32")
    return (samples.mean(axis=1) if samples.ndim > 1 else samples), rate


LINES = [
    "Call the courier right now.",  # looped three times when encoded alone
    "I can see the charge, and",
    "Let me pull up your order history for you.",
    "I will send you an email with the tracking number today.",
    "I'm sorry about this, because",
    "send a new kettle by Friday.",
]


def test_short_phrases_are_encoded_in_ten_seconds_and_heard_as_with_thirty(
    recogniser, encoded_frames, monkeypatch, tmp_path
):
    """Whisper's errors vary from one phrase to the next whatever the window: compared
    over the set, with the same phrases encoded in 30 s as the baseline."""
    clips = []
    for number, line in enumerate(LINES):
        samples, rate = mono(espeak(line, tmp_path / f"{number}.wav", "en", 150 + 20 * number))
        clips.append((line, audio_to_16k(samples, rate), len(samples) / rate))
    windowed = [recogniser.recognise(audio, "en") for _, audio, _ in clips]
    assert encoded_frames == [SHORTEST_WINDOW] * len(LINES)
    monkeypatch.setattr(whisper_window, "window_frames", lambda features: features.shape[-1])
    thirty = [recogniser.recognise(audio, "en") for _, audio, _ in clips]
    assert encoded_frames[len(LINES) :] == [3000] * len(LINES)
    for (line, _, seconds), heard in zip(clips, windowed, strict=True):
        assert len(said(heard.text)) <= len(said(line)) + 1, heard.text  # no loop
        assert heard.words[-1].end <= seconds + 0.1
    windowed_errors = sum(errors(c[0], h.text) for c, h in zip(clips, windowed, strict=True))
    thirty_errors = sum(errors(c[0], h.text) for c, h in zip(clips, thirty, strict=True))
    words_said = sum(len(said(line)) for line in LINES)
    assert windowed_errors <= thirty_errors + 0.05 * words_said


def test_speech_longer_than_ten_seconds_is_encoded_whole(recogniser, encoded_frames, shared_audio):
    samples, rate = mono(shared_audio / "jfk.flac")
    twice = np.concatenate([samples, np.zeros(rate // 2, np.float32), samples])
    heard = recogniser.recognise(audio_to_16k(twice, rate), "en")
    seconds = len(twice) / rate
    # the first window holds all the speech; what follows the last segment Whisper
    # closed is encoded again, in a window of its own
    assert seconds * 100 + MARGIN - 2 <= encoded_frames[0] < 3000
    assert min(encoded_frames) >= SHORTEST_WINDOW
    assert said(heard.text).count("country") == 4
    assert heard.words[-1].end > seconds - 1.5
