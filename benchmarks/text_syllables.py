"""How many syllables a text has as eSpeak NG pronounces it: the count a perfect syllable
counter would find in a reading of it.

    python benchmarks/text_syllables.py [FILE ...]

Without files, prints the syllables per word of what agents say in the labelled and
written calls (``../shared/data``), per language: 1.33 in English and 1.52 in French.
With files (plain-text transcripts, ``fr`` in the name or path for French), the
syllables per word of each.

``benchmarks/pace_accuracy.py`` uses it to tell the two errors of pace without a
recogniser apart: counting the syllables in the signal, and turning syllables into
words at a fixed rate when the rate belongs to the text said. (The rate the fallback
divides by, ``SYLLABLES_PER_WORD`` in ``scoring/syllables.py``, is the nuclei the
counter finds per word on real readings: ``benchmarks/pace_calibration.py``.)

A syllable is a vowel, or a run of vowels with no consonant between them (a diphthong),
in eSpeak NG's phonemes for the text (``--ipa``).
"""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from scoring.spoken import words  # noqa: E402

VOWELS = frozenset("aeiouyɛɔœøəɑɐɒæʌɪʊɜɵɨʉɯɤɚɝᵻ")
"""IPA vowels eSpeak NG writes for English and French (nasal and long marks follow a
vowel and do not break a run of them)."""
MARKS = frozenset("\u0303ː")
VOICES = {"en": "en-us", "fr": "fr"}
"""The eSpeak NG voice for each language."""


@cache
def syllables(text: str, locale: str) -> int:
    """The syllables of ``text`` as eSpeak NG pronounces it (asked once per text: the
    benchmarks read one text at many rates and in degraded copies)."""
    ipa = subprocess.run(
        ["espeak-ng", "-q", "--ipa", "-v", VOICES[locale], text],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    count, in_vowel = 0, False
    for character in ipa:
        if character in MARKS:
            continue
        vowel = character in VOWELS
        count += vowel and not in_vowel
        in_vowel = vowel
    return count


def per_word(text: str, locale: str) -> float:
    return syllables(text, locale) / max(1, len(words(text)))


def agents_text(locale: str) -> str:
    """Every agent turn of the labelled calls in ``locale``, one per line (read as the
    scoring agreement benchmark reads them)."""
    from scoring_agreement import SHARED, load_call

    lines = []
    for path in sorted(SHARED.glob("*/calls/*.json")):
        transcript, _labels, _judgement = load_call(path)
        if transcript.locale == locale:
            lines += [turn.text for _, turn in transcript.agent_turns()]
    return "\n".join(lines)


@cache
def agents_rate(locale: str) -> float | None:
    """The syllables per word of what agents say in the labelled calls, in ``locale``
    (None without them)."""
    text = agents_text(locale)
    return per_word(text, locale) if text else None


def main() -> None:
    files = [Path(a) for a in sys.argv[1:]]
    if not files:
        for locale in VOICES:
            rate = agents_rate(locale)
            if rate is not None:
                print(f"{locale}: {rate:.3f} syllables a word (agents' turns)")
        return
    for path in files:
        locale = "fr" if "fr" in str(path).lower() else "en"
        text = path.read_text(encoding="utf-8")
        print(f"{path}: {per_word(text, locale):.2f} syllables a word ({locale})")


if __name__ == "__main__":
    main()
