"""How soon a clip is heard once played, and whether its start comes out whole, for a
few output buffer sizes, on live (virtual) sound devices.

    python benchmarks/output_latency.py [--clips 20] [--busy]

Starts the live tests' private PulseAudio server (``tests/voice/live.py``), plays
customer lines rendered by eSpeak NG through roleplay's own speaker
(``simulator/voice/devices.py``: PortAudio, ALSA's ``pulse`` plugin, the server), one
at a time with a second between them, and records the virtual speakers as they play.
For each buffer size: how long after ``play()`` the line's first sound reached the
speakers (median and p90), and how many lines lost sound at their start (more than
10 ms: the stream underran as it started) or anywhere. ``--busy`` keeps both cores
busy with two other processes meanwhile, as a recogniser or a terminal UI would.
The sizes are played in turn, clip by clip, so that each meets the same conditions.
"""

from __future__ import annotations

import argparse
import multiprocessing
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

from simulator.voice import devices  # noqa: E402
from simulator.voice.clock import RealClock  # noqa: E402
from tests.voice.live import SoundServer, heard, missing_tools  # noqa: E402

SIZES = (0.1, 0.15, 0.2)
LINES = [
    "I have been waiting for three weeks and nobody has called me back.",
    "Fine. And when will I get my money?",
    "That is not what I asked you.",
    "Okay. Thank you, that helps.",
]


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def render(folder: Path) -> list[tuple[np.ndarray, int]]:
    clips = []
    for number, line in enumerate(LINES):
        path = folder / f"{number}.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(path), line], check=True)
        samples, rate = sf.read(str(path), dtype="float32")
        clips.append((samples, rate))
    return clips


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clips", type=int, default=20, help="clips per buffer size")
    parser.add_argument("--busy", action="store_true", help="keep both cores busy meanwhile")
    args = parser.parse_args()
    if missing_tools():
        sys.exit(f"needs {', '.join(missing_tools())} (apt-get install pulseaudio ...)")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        clips = render(root)
        server = SoundServer(root / "sound")
        server.root.mkdir()
        server.start()
        busy = []
        if args.busy:
            busy = [multiprocessing.Process(target=spin, args=(3600,)) for _ in range(2)]
            for process in busy:
                process.start()
        import os

        os.environ.update(server.env)
        results: dict[float, list[tuple[float, float, float]]] = {size: [] for size in SIZES}
        try:
            recording = server.speakers()
            clock = RealClock()
            for number in range(args.clips):
                for size in SIZES:
                    samples, rate = clips[number % len(clips)]
                    speaker = devices.DeviceSpeaker(latency=size)
                    asked = recording.at(time.monotonic())
                    clip = speaker.play(samples, rate, clock)
                    clip.wait(clock)
                    time.sleep(1.0)
                    out = heard(samples, rate, recording.samples(asked))
                    first = recording.wait_for_sound(after=asked)
                    results[size].append((first - asked, out.lost_start, out.lost))
            recording.stop()
        finally:
            for process in busy:
                process.terminate()
            server.stop()
    print(f"{args.clips} clips per size{', both cores busy' if args.busy else ''}")
    print("buffer  first sound median / p90   start lost (>10 ms)   any sound lost")
    for size, rows in results.items():
        firsts = sorted(r[0] for r in rows)
        p90 = firsts[min(len(firsts) - 1, round(0.9 * (len(firsts) - 1)))]
        lost_start = sum(r[1] > 0.01 for r in rows)
        lost = sum(r[2] > 0.01 for r in rows)
        print(
            f"{size:5.2f} s  {statistics.median(firsts):6.3f} / {p90:5.3f} s"
            f"{lost_start:12d} of {len(rows)}{lost:14d} of {len(rows)}"
        )


if __name__ == "__main__":
    main()
