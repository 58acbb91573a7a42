"""The customer's voice coming back through the microphone, on synthetic signals: the
sound check's tone found in a recording with its delay and level, the customer's clips
as the reference, and the canceller with its gate: the echo is the reference delayed and
attenuated, the agent's voice is added on top."""

from __future__ import annotations

import numpy as np
import pytest
import webrtcvad

from simulator.errors import SimulatorError
from simulator.voice.clock import VirtualClock
from simulator.voice.devices import Microphone, Playback
from simulator.voice.echo import EchoCanceller, EchoPath, Reference, find_echo
from simulator.voice.sound_check import check_echo, tone

SR = 16000
FRAME = 480


def voice(seconds: float, pitch: float, seed: int, level: float = 0.1) -> np.ndarray:
    """Something the voice-activity detector takes for speech: a voiced sound with
    harmonics, its pitch wandering, in syllables about three a second."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * SR)) / SR
    f0 = pitch * (1 + 0.1 * np.sin(2 * np.pi * 0.7 * t + rng.uniform(0, 6)))
    phase = 2 * np.pi * np.cumsum(f0) / SR
    sound = sum(np.sin(k * phase) / k for k in range(1, 25))
    sound *= np.clip(np.sin(2 * np.pi * 3.0 * t + rng.uniform(0, 6)), 0, None) ** 0.5
    return (level * sound / np.sqrt(np.mean(sound**2))).astype(np.float32)


def noise(seconds: float, level: float, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).normal(0, level, round(seconds * SR)).astype(np.float32)


def speech_starts(frames: list[np.ndarray]) -> list[int]:
    """The frames where the voice-activity detector has heard speech three frames in a
    row (how the end-of-turn detector tells that someone started talking)."""
    vad = webrtcvad.Vad(2)
    run, starts = 0, []
    for index, frame in enumerate(frames):
        pcm = (np.clip(frame, -1, 1) * 32767).astype("<i2").tobytes()
        run = run + 1 if vad.is_speech(pcm, SR) else 0
        if run == 3:
            starts.append(index - 2)
    return starts


# -- the sound check's tone ---------------------------------------------------------


def test_the_tone_is_found_with_its_delay_and_level():
    played = tone()
    recorded = noise(0.8, 0.001)
    at = round(0.15 * SR)  # the recording starts 0.02 s before the tone plays
    recorded[at : at + len(played)] += 0.5 * played
    path = find_echo(played, recorded, offset=-0.02)
    assert path.heard is True
    assert path.delay == pytest.approx(0.13, abs=0.001)
    assert path.gain == pytest.approx(0.5, abs=0.03)
    assert path.level_db == pytest.approx(-6.0, abs=0.5)
    assert path.as_record() == {"echo": True, "delay": 0.13, "level_db": path.level_db}


def test_an_echo_upside_down_is_an_echo_too():
    played = tone()
    recorded = noise(0.8, 0.001)
    recorded[1000 : 1000 + len(played)] -= 0.2 * played
    path = find_echo(played, recorded, offset=0.0)
    assert path.heard is True and path.delay == pytest.approx(1000 / SR, abs=0.001)


@pytest.mark.parametrize(
    "recorded",
    [
        np.zeros(round(0.8 * SR), np.float32),  # a microphone muted
        noise(0.8, 0.01),  # a fan
        voice(0.8, 180, seed=3),  # the trainee talking over the tone
        np.concatenate([noise(0.4, 0.0005), 0.003 * tone(), noise(0.2, 0.0005)]),  # −38 dB
    ],
    ids=["silence", "noise", "a voice", "too faint"],
)
def test_without_the_tone_in_the_recording_there_is_no_echo(recorded):
    assert find_echo(tone(), recorded, offset=0.0).heard is False


def test_a_recording_shorter_than_the_tone_cannot_tell():
    assert find_echo(tone(), noise(0.1, 0.01), offset=0.0).heard is None


# -- what is playing ----------------------------------------------------------------


def test_the_reference_is_what_was_playing_on_the_timeline():
    samples = np.arange(SR, dtype=np.float32) / SR  # 1 s, a ramp: each sample its own
    clip = Playback(1.0, 1.0, samples, SR)
    reference = Reference(lambda: [clip])
    before = reference.segment(0.99, FRAME)
    assert np.all(before[:160] == 0) and np.array_equal(before[160:], samples[:320])
    assert np.array_equal(reference.segment(1.5, FRAME), samples[8000:8480])
    assert not np.any(reference.segment(2.0, FRAME))


def test_a_clip_stopped_short_is_silent_from_there_on():
    clip = Playback(0.0, 1.0, np.ones(SR, np.float32), SR)
    reference = Reference(lambda: [clip])
    clip.stop(0.5)  # the agent barged in
    around = reference.segment(0.49, FRAME)
    assert np.all(around[:160] == 1) and not np.any(around[160:])


def test_clips_at_another_rate_are_heard_at_16_khz_and_overlapping_ones_add_up():
    first = Playback(0.0, 1.0, np.full(22050, 0.25, np.float32), 22050)
    second = Playback(0.5, 1.0, np.full(SR, 0.5, np.float32), SR)
    reference = Reference(lambda: [first, second])
    assert np.allclose(reference.segment(0.2, FRAME), 0.25, atol=0.001)
    assert np.allclose(reference.segment(0.7, FRAME), 0.75, atol=0.001)
    assert np.allclose(reference.segment(1.2, FRAME), 0.5)


# -- the canceller and its gate -------------------------------------------------------


def call_with_echo(agent_at: float | None, delay: float = 0.12, gain: float = 0.5):
    """Five seconds of microphone: the customer's 4 s line comes back ``delay`` later at
    ``gain``; the agent speaks 1.5 s from ``agent_at``. Returns the customer's clip,
    the microphone's frames and the agent's voice alone, as heard."""
    customer = voice(4.0, 120, seed=1)
    clip = Playback(0.0, 4.0, customer, SR)
    mic = noise(5.0, 0.0001)
    at = round(delay * SR)
    mic[at : at + len(customer)] += gain * customer
    agent = np.zeros_like(mic)
    if agent_at is not None:
        start = round(agent_at * SR)
        agent[start : start + round(1.5 * SR)] = voice(1.5, 210, seed=2, level=0.15)
    mic += agent
    frames = [mic[i : i + FRAME] for i in range(0, len(mic) - FRAME + 1, FRAME)]
    return clip, frames, agent


def cleaned(clip: Playback, frames: list[np.ndarray], path: EchoPath) -> list[np.ndarray]:
    canceller = EchoCanceller(Reference(lambda: [clip]), path)
    return [canceller.clean(index * 0.03, frame) for index, frame in enumerate(frames)]


def test_the_echo_alone_would_be_taken_for_the_agent():
    """What the canceller is for: without it, the customer's line starts 'speech'."""
    _clip, frames, _agent = call_with_echo(agent_at=None)
    assert speech_starts(frames)


def test_the_echo_alone_is_silenced():
    clip, frames, _agent = call_with_echo(agent_at=None)
    out = cleaned(clip, frames, EchoPath(True, 0.12, 0.5))
    assert speech_starts(out) == []
    # from when the echo comes (0.12 s) to when it ends: silence
    assert all(not np.any(frame) for frame in out[5 : round(4.1 / 0.03)])


def test_the_agent_talking_over_the_echo_comes_through():
    clip, frames, agent = call_with_echo(agent_at=2.0)
    out = cleaned(clip, frames, EchoPath(True, 0.12, 0.5))
    starts = speech_starts(out)
    assert starts and 1.97 <= starts[0] * 0.03 < 2.3  # heard within 0.3 s: a barge-in
    spoken = slice(round(2.0 * SR), round(3.5 * SR))
    heard = np.concatenate(out)[spoken]
    # what came through is the agent's voice, not the customer's
    customer_there = frames_to_signal(frames)[spoken] - agent[spoken]
    assert likeness(heard, agent[spoken]) > 0.5 > likeness(heard, customer_there)
    assert not any(np.any(frame) for frame in out[5 : round(1.9 / 0.03)])


def frames_to_signal(frames: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(frames)


def likeness(heard: np.ndarray, said: np.ndarray) -> float:
    """How much ``heard`` follows ``said`` (a normalised cross-correlation, the best
    within 25 ms either way: the canceller delays what it lets through a little)."""
    n = 1 << (len(heard) + len(said)).bit_length()
    full = np.fft.irfft(np.fft.rfft(heard, n) * np.conj(np.fft.rfft(said, n)), n)
    lags = np.concatenate([full[:400], full[-400:]])
    norm = float(np.linalg.norm(heard) * np.linalg.norm(said)) or 1.0
    return float(np.max(np.abs(lags))) / norm


def test_the_agent_alone_is_left_as_spoken():
    """Once the customer's line and its echo are over (0.3 s for the room's), the
    agent's voice goes through exactly as the microphone heard it."""
    clip = Playback(0.0, 1.0, voice(1.0, 120, seed=1), SR)
    agent = np.concatenate([np.zeros(round(1.5 * SR), np.float32), voice(2.0, 210, seed=2)])
    frames = [agent[i : i + FRAME] for i in range(0, len(agent) - FRAME + 1, FRAME)]
    out = frames_to_signal(cleaned(clip, frames, EchoPath(True, 0.12, 0.5)))
    after = round(1.44 * SR)  # 1.0 s + 0.12 s + 0.3 s, on a frame's edge
    assert np.array_equal(out[after:], agent[after : len(out)])


# -- the sound check --------------------------------------------------------------------


class LoopedDevices:
    """A speaker whose sound comes back into a microphone ``delay`` later at ``gain``,
    on a virtual timeline."""

    def __init__(self, clock: VirtualClock, delay: float, gain: float) -> None:
        self.clock, self.delay, self.gain = clock, delay, gain
        self.played: list[Playback] = []

    def play(self, samples: np.ndarray, rate: int, clock: VirtualClock) -> Playback:
        clip = Playback(clock.now() + 0.05, len(samples) / rate, samples, rate)
        self.played.append(clip)
        return clip

    def ready(self, wait: float) -> bool:
        return True

    def record(self, since: float, until: float, clock: VirtualClock):  # type: ignore[no-untyped-def]
        heard = Reference(lambda: self.played)
        frames = []
        moment = since
        while moment < until:
            echo = self.gain * heard.segment(moment - self.delay, FRAME)
            frames.append((moment, echo + noise(0.03, 0.0005, seed=len(frames))))
            moment += 0.03
        clock.sleep_until(moment)
        return frames


def test_the_sound_check_measures_the_loop_on_the_call_s_timeline():
    clock = VirtualClock()
    clock.sleep_until(3.0)
    devices = LoopedDevices(clock, delay=0.21, gain=0.3)
    check = check_echo(devices, devices, clock)  # type: ignore[arg-type]
    assert check.path.heard is True
    assert check.path.delay == pytest.approx(0.21, abs=0.002)
    assert check.path.gain == pytest.approx(0.3, abs=0.03)
    assert check.tone is devices.played[0] and check.frames


class Failing:
    def play(self, samples, rate, clock):  # type: ignore[no-untyped-def]
        raise SimulatorError("error.audio_device_lost")


def test_a_microphone_gone_during_the_check_leaves_it_unable_to_tell_and_the_call_knows():
    microphone = Microphone()
    microphone._chunks.put(None)  # its stream ended: what PortAudio says when it is gone
    check = check_echo(Failing(), microphone, VirtualClock())  # type: ignore[arg-type]
    assert check.path.heard is None
    assert microphone._chunks.get_nowait() is None  # the call's first turn meets it too


def test_a_microphone_that_never_delivers_does_not_hold_the_call(monkeypatch):
    monkeypatch.setattr("simulator.voice.sound_check.WAKE", 0.05)
    check = check_echo(Failing(), Microphone(), VirtualClock())  # type: ignore[arg-type]
    assert check.path.heard is None and check.tone is None


def test_speakers_that_fail_leave_the_check_unable_to_tell():
    devices = LoopedDevices(VirtualClock(), 0.1, 0.5)
    check = check_echo(Failing(), devices, VirtualClock())  # type: ignore[arg-type]
    assert check.path.heard is None
