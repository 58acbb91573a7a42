"""The rate at which the pace fallback turns syllable nuclei into words, measured on real
readings and checked on readings it was not measured on.

    python benchmarks/pace_calibration.py --librivox DIR --more-fr DIR
        [--train-en librivox] [--train-fr fleurs]

Without a recogniser for the language, ``simulator/voice/pace.py`` counts syllable
nuclei in the signal and divides them by ``SYLLABLES_PER_WORD``
(``scoring/syllables.py``). That rate has to cover two things: how many syllables a word
has in what is said, and how many of the syllables people say the counter finds. The
counter does not find them all in fast, run-together speech, and finds more than the
text's count where a long vowel or a syllabic consonant makes two peaks, so the
syllables of a text alone, as eSpeak NG pronounces it, are not the rate to divide by.

For each language this script takes the real readings whose name holds ``--train-*``
(by default the LibriVox clips in English and the FLEURS sentences in French, several
readers each), and finds the rate at which the fallback's pace is right on the median
reading: the rate in use times the median of measured over true pace. It then prints
the mean and worst error, at the rate in use and at the measured one, on those
readings, on the other real readings of the language (held out: not used to measure
the rate), on the held-out readings' degraded copies, and on eSpeak NG's speech.
The readings, their true rates and degraded copies are those of
``benchmarks/pace_accuracy.py``, which says where they come from.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from machine import described  # noqa: E402
from pace_accuracy import (  # noqa: E402
    DEGRADATIONS,
    Clip,
    degraded,
    espeak_clips,
    fingerprints,
    real_clips,
)

from scoring.syllables import SYLLABLES_PER_WORD  # noqa: E402
from simulator.voice.pace import measure  # noqa: E402


def ratio(clip: Clip) -> float:
    """Measured over true pace, syllables only, at the rate in use."""
    wpm = measure(clip.samples, clip.rate, clip.locale).wpm
    return (wpm or 0.0) / clip.truth


def errors(ratios: list[float], in_use: float, rate: float) -> str:
    """Mean / worst absolute error, in %, of paces measured at ``in_use`` had they been
    measured at ``rate`` (the estimate of words is the syllables over the rate)."""
    found = [abs(r * in_use / rate - 1) * 100 for r in ratios]
    return f"{statistics.fmean(found):5.1f} / {max(found):5.1f} %"


def calibrate(locale: str, train: str, real: list[Clip], synthetic: list[Clip]) -> None:
    ours = [c for c in real if c.locale == locale]
    trained = [c for c in ours if train in c.name]
    held_out = [c for c in ours if train not in c.name]
    if not trained:
        print(f"{locale}: no reading named with {train!r}; nothing measured")
        return
    rng = np.random.default_rng(3)
    sets = {
        f"training ({train})": [ratio(c) for c in trained],
        "held out": [ratio(c) for c in held_out],
        "held out, degraded": [ratio(degraded(c, k, rng)) for c in held_out for k in DEGRADATIONS],
        "eSpeak NG": [ratio(c) for c in synthetic if c.locale == locale],
    }
    in_use = SYLLABLES_PER_WORD[locale]
    measured = in_use * statistics.median(sets[f"training ({train})"])
    print(f"{locale}: in use {in_use:.2f} syllables a word; measured {measured:.3f}")
    print(
        f"  {'set':<22} {'clips':>5}  {'at ' + f'{in_use:.2f}':>17}  {'at ' + f'{measured:.3f}':>17}"
    )
    for name, ratios in sets.items():
        if ratios:
            print(
                f"  {name:<22} {len(ratios):>5}  {errors(ratios, in_use, in_use):>17}"
                f"  {errors(ratios, in_use, measured):>17}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--librivox", type=Path, help="PocketSphinx's test/data/librivox folder")
    parser.add_argument(
        "--more-fr", type=Path, help="a folder of real French recordings, each with NAME.txt"
    )
    parser.add_argument("--train-en", default="librivox", help="English training readings")
    parser.add_argument("--train-fr", default="fleurs", help="French training readings")
    args = parser.parse_args()
    print(described())
    real = real_clips(args.librivox, args.more_fr)
    print(fingerprints(real))
    synthetic = espeak_clips()
    calibrate("en", args.train_en, real, synthetic)
    calibrate("fr", args.train_fr, real, synthetic)


if __name__ == "__main__":
    main()
