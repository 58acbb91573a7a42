"""A decode that goes round in a loop is done again with a repetition penalty: the test
for a loop, the retry around a stand-in model, then Whisper tiny.en on a stammer it
loops on."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
import soundfile as sf

from simulator.voice.asr import REPEAT_PENALTY, WhisperRecogniser, audio_to_16k, looping
from tests.voice.conftest import espeak


@pytest.mark.parametrize(
    ("text", "loops"),
    [
        ("I-I-I-I-I-I-I-I-I-I-I-I-I-I-I-I-I-I-I-I-I-I-I-I-I-I-I-I-I-I-", True),
        ("Je m'en donne un, " + "une, " * 30, True),  # to the end of the window
        ("Je m'en donne un, une, une, une, une, une.", False),  # not yet
        ("I'm sorry, I'm sorry, I'm sorry, I'm sorry, I'm sorry, I'm sorry, I'm sorry.", True),
        ("I'm sorry Mrs Johnson, I understand.", False),
        ("No, no, no.", False),  # a few words said again are not a loop
        ("Je vous envoie une nouvelle bouilloire aujourd'hui, vous l'aurez vendredi.", False),
        ("", False),
    ],
)
def test_a_loop_is_text_that_compresses_too_well(text, loops):
    assert looping(text) is loops


class StandIn:
    """A model whose first decode loops; it records the penalty of each decode."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.penalties: list[float] = []
        self.model = SimpleNamespace(is_multilingual=False)

    def transcribe(self, samples, **options):
        self.penalties.append(options["repetition_penalty"])
        text = self.texts[len(self.penalties) - 1]
        return [SimpleNamespace(text=text, words=[])], None


def recogniser(model: StandIn) -> WhisperRecogniser:
    recogniser = WhisperRecogniser("stand-in")
    recogniser._model = model
    return recogniser


def test_a_looping_decode_is_done_again_with_the_penalty():
    model = StandIn(["I- " * 40, "I'm sorry Mrs Johnson."])
    heard = recogniser(model).recognise(np.zeros(16000, np.float32), "en")
    assert heard.text == "I'm sorry Mrs Johnson."
    assert model.penalties == [1.0, REPEAT_PENALTY]


def test_a_phrase_heard_without_a_loop_is_decoded_once():
    model = StandIn(["I'm sorry Mrs Johnson."])
    heard = recogniser(model).recognise(np.zeros(16000, np.float32), "en")
    assert heard.text == "I'm sorry Mrs Johnson."
    assert model.penalties == [1.0]


def test_whisper_no_longer_hears_a_stammer_as_an_endless_one(tmp_path, whisper_model):
    """A stammered "I, I, I'm sorry" over noise: tiny.en decodes "I-I-I-I-…" to the end
    of its window, as it did once on a reply said over the customer's echo."""
    path = espeak("I, I, I'm sorry Mrs Johnson.", tmp_path / "stammer.wav", "en", 160)
    samples, rate = sf.read(str(path), dtype="float32")
    speech = audio_to_16k(samples, rate)
    speech = speech + 0.15 * np.random.default_rng(18).standard_normal(len(speech))
    clip = np.concatenate([np.zeros(3200), speech, np.zeros(8000)]).astype(np.float32)
    whisper = WhisperRecogniser(whisper_model)
    first = whisper._decode(clip, "en")
    assert looping(first.text), f"tiny.en did not loop on this clip: {first.text!r}"
    heard = whisper.recognise(clip, "en")
    assert not looping(heard.text)
    assert heard.text.startswith("I-I-I'm")
    assert len(heard.words) < 12
