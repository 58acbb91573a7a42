"""Speech recognition, offline, through SpeechRecognition's audio types.

faster-whisper is the main engine: multilingual (with a multilingual model) and
with word timestamps. Its model is loaded once per process and reused:
SpeechRecognition's own ``recognize_faster_whisper`` builds a new ``WhisperModel``
on every call, which costs a model load per turn (see docs/performance.md).
PocketSphinx, shipped with SpeechRecognition, is the English-only fallback that
needs no download.

The model is a name faster-whisper knows (``small``, ``base``…, downloaded once
into its cache when there is a network) or the path of a local model folder. It
comes from ``--asr-model``, else ``$ROLEPLAY_ASR_MODEL``, else the settings file.
"""

from __future__ import annotations

import os
import threading
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from simulator.errors import SimulatorError

ENV_MODEL = "ROLEPLAY_ASR_MODEL"
DEFAULT_MODEL = "small"
SAMPLE_RATE = 16000
LOOPING = 2.4
"""The compression ratio (bytes of text over bytes once zlib-compressed) above which a
decode has gone round in a loop: Whisper's own test, and faster-whisper's default."""
REPEAT_PENALTY = 1.2
"""The repetition penalty of the second decode of a phrase whose first went round in a
loop. Measured with ``benchmarks/phrase_recognition.py --repeat-penalty``
(``docs/performance.md``, "Recognising a phrase"): on eSpeak NG's French through Whisper
base, the word error rate is 2.17 without the retry, 1.55 at 1.1, 0.97 at 1.2; the
phrases that do not loop are decoded once, as before."""


def looping(text: str) -> bool:
    """Has the recogniser gone round in a loop ("I- I- I- I- …")? Whisper's test: the
    text compresses more than :data:`LOOPING` times."""
    data = text.encode()
    return bool(data) and len(data) / len(zlib.compress(data)) > LOOPING


@dataclass(frozen=True)
class RecognisedWord:
    word: str
    start: float
    end: float
    probability: float = 1.0


@dataclass(frozen=True)
class Recognition:
    """What was recognised in one stretch of audio; word times are seconds into it."""

    text: str
    words: tuple[RecognisedWord, ...] = ()
    engine: str = ""
    trustworthy: bool = True

    def shifted(self, offset: float) -> Recognition:
        return Recognition(
            self.text,
            tuple(
                RecognisedWord(w.word, w.start + offset, w.end + offset, w.probability)
                for w in self.words
            ),
            self.engine,
            self.trustworthy,
        )


@dataclass
class Recognitions:
    """Pieces of one turn recognised separately, joined."""

    pieces: list[Recognition] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(p.text.strip() for p in self.pieces if p.text.strip())

    @property
    def words(self) -> list[RecognisedWord]:
        return [w for p in self.pieces for w in p.words]

    def shifted_words(self, offset: float) -> list[RecognisedWord]:
        """The words, each moved by ``offset`` seconds."""
        return [w for p in self.pieces for w in p.shifted(offset).words]


class Recogniser(Protocol):
    """Turns 16 kHz mono float32 samples into text."""

    name: str

    def supports(self, locale: str) -> bool: ...

    def recognise(self, samples: np.ndarray, locale: str) -> Recognition: ...


def model_setting(option: str | None = None, setting: str | None = None) -> str:
    return option or os.environ.get(ENV_MODEL) or setting or DEFAULT_MODEL


class WhisperRecogniser:
    """faster-whisper with its model loaded once and shared by every turn."""

    name = "faster-whisper"

    def __init__(self, model: str, threads: int = 0) -> None:
        self.model_name = model
        self.threads = threads
        self._model = None
        self._lock = threading.Lock()

    def load(self):  # type: ignore[no-untyped-def]
        """Load the model now (it is otherwise loaded on first use)."""
        with self._lock:
            if self._model is None:
                model = _load_whisper(self.model_name, self.threads)
                # The first decode of a process is several times slower than the next
                # ones; pay for it now rather than on the trainee's first reply.
                segments, _ = model.transcribe(
                    np.zeros(SAMPLE_RATE // 2, np.float32), beam_size=1, language="en"
                )
                list(segments)
                self._model = model
        return self._model

    @property
    def multilingual(self) -> bool:
        return bool(self.load().model.is_multilingual)

    def supports(self, locale: str) -> bool:
        return self.multilingual or locale == "en"

    def check_locale(self, locale: str) -> None:
        if not self.supports(locale):
            raise SimulatorError("error.asr_english_only", model=self.model_name, locale=locale)

    def recognise(self, samples: np.ndarray, locale: str) -> Recognition:
        """The words said in ``samples``. A decode that went round in a loop (a
        stammered "I, I, I'm sorry" heard "I-I-I-I-…" to the end of the window) is done
        again with a repetition penalty: deterministic, unlike Whisper's retry at a
        higher temperature, and it costs nothing on the phrases that do not loop."""
        recognition = self._decode(samples, locale)
        if looping(recognition.text):
            recognition = self._decode(samples, locale, repetition_penalty=REPEAT_PENALTY)
        return recognition

    def _decode(
        self, samples: np.ndarray, locale: str, repetition_penalty: float = 1.0
    ) -> Recognition:
        model = self.load()
        segments, _info = model.transcribe(
            samples.astype(np.float32),
            language=locale if model.model.is_multilingual else None,
            beam_size=1,
            temperature=0.0,
            repetition_penalty=repetition_penalty,
            word_timestamps=True,
            condition_on_previous_text=False,
            without_timestamps=False,
        )
        words: list[RecognisedWord] = []
        texts = []
        for segment in segments:
            texts.append(segment.text.strip())
            for w in segment.words or []:
                words.append(
                    RecognisedWord(
                        w.word.strip(), float(w.start), float(w.end), float(w.probability)
                    )
                )
        return Recognition(" ".join(texts).strip(), tuple(words), self.name)


def _load_whisper(model: str, threads: int):  # type: ignore[no-untyped-def]
    try:
        from simulator.voice.whisper_window import WindowedWhisper
    except ImportError:
        raise SimulatorError("error.whisper_missing") from None
    local = Path(model).expanduser()
    if local.is_dir():
        if not (local / "model.bin").exists():
            raise SimulatorError("error.asr_not_a_model_folder", folder=local)
        source = str(local)
    elif "/" in model or model.startswith("."):
        raise SimulatorError("error.asr_no_model_folder", folder=model)
    else:
        source = model
    try:
        return WindowedWhisper(source, device="cpu", compute_type="int8", cpu_threads=threads)
    except Exception as exc:  # faster-whisper raises hub and file errors of many kinds
        raise SimulatorError(
            "error.asr_model_unavailable", model=model, why=type(exc).__name__
        ) from None


class SphinxRecogniser:
    """PocketSphinx through SpeechRecognition: English only, no download, no word times."""

    name = "pocketsphinx"

    def supports(self, locale: str) -> bool:
        return locale == "en"

    def check_locale(self, locale: str) -> None:
        if locale != "en":
            raise SimulatorError("error.sphinx_english_only")

    def recognise(self, samples: np.ndarray, locale: str) -> Recognition:
        import speech_recognition as sr

        pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes()
        audio = sr.AudioData(pcm, SAMPLE_RATE, 2)
        try:
            text = sr.Recognizer().recognize_sphinx(audio, language="en-US")
        except sr.UnknownValueError:
            text = ""
        except sr.RequestError as exc:
            raise SimulatorError("error.sphinx_unusable", why=str(exc)) from None
        # Sphinx's word counts on conversational speech are too rough to time pacing by.
        return Recognition(text, (), self.name, trustworthy=False)


def make_recogniser(engine: str, model: str | None = None) -> WhisperRecogniser | SphinxRecogniser:
    if engine == "sphinx":
        return SphinxRecogniser()
    return WhisperRecogniser(model_setting(model))


def audio_to_16k(samples: np.ndarray, rate: int) -> np.ndarray:
    """Mono float32 at 16 kHz, resampled through SpeechRecognition's AudioData."""
    import speech_recognition as sr

    if samples.ndim > 1:
        samples = samples.mean(axis=1)
    if rate == SAMPLE_RATE:
        return samples.astype(np.float32)
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes()
    raw = sr.AudioData(pcm, rate, 2).get_raw_data(convert_rate=SAMPLE_RATE, convert_width=2)
    return np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
