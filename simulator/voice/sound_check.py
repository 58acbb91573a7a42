"""The sound check at the start of a spoken call: does the microphone hear the speakers?

A 0.2 s chirp is played and the microphone is listened to until 0.4 s after it ends:
0.7 s in all, once the microphone delivers frames (a sound server can take a moment to
wake it; the check waits up to ``WAKE`` seconds for that). The chirp found in the
recording gives the echo's delay and level (:func:`simulator.voice.echo.find_echo`).
When it is heard, the agent is heard through the echo canceller for the rest of the
call, warmed up on the check's own frames, and the trainee is told to use headphones.

A device that fails during the check leaves it unable to tell; the call then meets the
same failure and ends as any call whose device is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from simulator.errors import SimulatorError
from simulator.voice.clock import Clock
from simulator.voice.devices import Microphone, Playback, Speaker
from simulator.voice.echo import EchoCanceller, EchoPath, Reference, find_echo
from simulator.voice.vad import FRAME_SECONDS, SAMPLE_RATE

if TYPE_CHECKING:
    from simulator.voice.spoken import VoiceAgent, VoiceCustomer

TONE_SECONDS = 0.2
LISTEN_AFTER = 0.4
"""Seconds listened to after the tone: an echo later than this is not measured (a
sound card's, a sound server's and a Bluetooth headset's delays add up to less)."""
WAKE = 2.0
"""Seconds the microphone may take to deliver its first frame."""


def tone() -> np.ndarray:
    """A 0.2 s chirp from 500 to 3000 Hz (where speakers and microphones carry speech),
    faded in and out over 10 ms so it does not click; 16 kHz."""
    t = np.arange(round(TONE_SECONDS * SAMPLE_RATE)) / SAMPLE_RATE
    low, high = 500.0, 3000.0
    phase = 2 * np.pi * (low * t + (high - low) * t**2 / (2 * TONE_SECONDS))
    fade = np.clip(np.minimum(t, TONE_SECONDS - t) / 0.01, 0, 1)
    return (0.25 * np.sin(phase) * fade).astype(np.float32)


@dataclass
class SoundCheck:
    """What the check found, with the tone as played and the frames heard meanwhile."""

    path: EchoPath
    tone: Playback | None = None
    frames: list[tuple[float, np.ndarray]] = field(default_factory=list)


def _contiguous(frames: list[tuple[float, np.ndarray]]) -> bool:
    """Whether the frames follow each other without a gap (none were lost)."""
    if not frames:
        return False
    span = frames[-1][0] - frames[0][0]
    return abs(span - (len(frames) - 1) * FRAME_SECONDS) < FRAME_SECONDS / 2


def check_echo(speaker: Speaker, microphone: Microphone, clock: Clock) -> SoundCheck:
    """Play the tone and listen: whether, how late and how loud it came back."""
    try:
        if not microphone.ready(WAKE):
            return SoundCheck(EchoPath(None))
        since = clock.now()
        played = tone()
        clip = speaker.play(played, SAMPLE_RATE, clock)
        frames = microphone.record(since, clip.start + TONE_SECONDS + LISTEN_AFTER, clock)
    except SimulatorError:
        return SoundCheck(EchoPath(None))
    if not _contiguous(frames):
        return SoundCheck(EchoPath(None), clip, frames)
    recorded = np.concatenate([frame for _, frame in frames])
    path = find_echo(played, recorded, frames[0][0] - clip.start)
    return SoundCheck(path, clip, frames)


def protect(customer: VoiceCustomer, agent: VoiceAgent, microphone: Microphone) -> EchoPath:
    """Run the check; if the speakers reach the microphone, hear the agent through the
    echo canceller from now on. Returns what the check found."""
    check = check_echo(customer.speaker, microphone, customer.clock)
    if check.path.heard and check.tone is not None:
        played = [check.tone]
        canceller = EchoCanceller(Reference(lambda: [*played, *customer.sounding()]), check.path)
        for moment, frame in check.frames:  # it starts out knowing the echo's path
            canceller.clean(moment, frame)
        agent.echo = canceller
    return check.path
