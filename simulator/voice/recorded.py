"""Recorded replies in place of a microphone, and the whole call written to a file:
a spoken session with no sound card."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from simulator.authoring.datafile import load_model
from simulator.errors import SimulatorError
from simulator.voice.asr import audio_to_16k
from simulator.voice.audio_files import read_audio, write_audio
from simulator.voice.clock import Clock
from simulator.voice.devices import Playback
from simulator.voice.replies import RepliesManifest
from simulator.voice.vad import FRAME_SAMPLES, FRAME_SECONDS, SAMPLE_RATE


@dataclass(frozen=True)
class ReplyFile:
    path: Path
    offset: float


def load_replies(folder: Path) -> list[ReplyFile]:
    """The agent's recorded replies, one file per turn, in name order.

    A ``replies.yml`` in the folder may list them instead, each with an ``offset``:
    seconds after the end of the customer's turn at which the reply starts
    (negative: the agent barges in while the customer is still talking).
    """
    if not folder.is_dir():
        raise SimulatorError("error.no_replies_folder", folder=folder)
    manifest = folder / "replies.yml"
    if manifest.exists():
        listed = load_model(manifest, RepliesManifest, "problem.kind.replies_file")
        replies = []
        for item in listed.replies:
            path = folder / item.file
            if not path.exists():
                raise SimulatorError(
                    "error.reply_file_missing", manifest=manifest, file=item.file, folder=folder
                )
            replies.append(ReplyFile(path, item.offset))
        return replies
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in {".wav", ".flac", ".ogg"})
    if not files:
        raise SimulatorError("error.no_reply_files", folder=folder)
    return [ReplyFile(p, 0.5) for p in files]


class FileReplies:
    """Recorded replies fed in as if spoken: silence until the reply starts, then the reply,
    then silence, paced by the clock."""

    def __init__(self, replies: list[ReplyFile], tail: float = 3.0) -> None:
        self.replies = replies
        self.tail = tail
        self._audio: dict[int, np.ndarray] = {}

    def _samples(self, index: int) -> np.ndarray:
        if index not in self._audio:
            samples, rate = read_audio(self.replies[index].path)
            self._audio[index] = audio_to_16k(samples, rate)
        return self._audio[index]

    def frames(self, turn: int, customer_end: float, clock: Clock):  # type: ignore[no-untyped-def]
        if turn >= len(self.replies):
            return None
        speech = self._samples(turn)
        begin = clock.now()
        lead = max(0.0, customer_end + self.replies[turn].offset - begin)
        lead_samples = round(lead * SAMPLE_RATE)
        signal = np.concatenate(
            [
                np.zeros(lead_samples, np.float32),
                speech,
                np.zeros(round(self.tail * SAMPLE_RATE), np.float32),
            ]
        )
        return _paced(signal, begin, clock)

    def close(self) -> None:
        return None


def _paced(signal: np.ndarray, begin: float, clock: Clock) -> Iterator[tuple[float, np.ndarray]]:
    for i in range(0, len(signal) - FRAME_SAMPLES + 1, FRAME_SAMPLES):
        moment = begin + i / SAMPLE_RATE
        clock.sleep_until(moment + FRAME_SECONDS)  # a frame exists once it has been spoken
        yield moment, signal[i : i + FRAME_SAMPLES]


def write_timeline(
    path: Path,
    customer: list[Playback],
    agent: list[tuple[float, np.ndarray]],
    rate: int = SAMPLE_RATE,
) -> Path:
    """The whole call as one stereo file: the customer left, the agent right."""
    ends = [c.end for c in customer] + [s + len(a) / rate for s, a in agent] + [0.0]
    total = np.zeros((round(max(ends) * rate) + 1, 2), np.float32)
    for clip in customer:
        heard = audio_to_16k(clip.heard(), clip.rate) if clip.rate != rate else clip.heard()
        at = round(clip.start * rate)
        total[at : at + len(heard), 0] += heard[: len(total) - at]
    for start, samples in agent:
        at = round(start * rate)
        total[at : at + len(samples), 1] += samples[: len(total) - at]
    return write_audio(path, np.clip(total, -1, 1), rate)
