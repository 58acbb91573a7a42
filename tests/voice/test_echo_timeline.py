"""The customer's voice coming back into the microphone, on a timeline (no sound card):
recorded replies with the customer's clips mixed in, later and quieter, as speakers next
to the microphone would. With the echo canceller the customer is never taken for the
agent, and the agent cutting in still barges in; without it, the echo barges in."""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np
import soundfile as sf

from simulator.authoring.library import load_scenario
from simulator.authoring.packs import rules_for
from simulator.authoring.voices import VoiceSettings, load_voice
from simulator.conversation.engine import Conversation
from simulator.conversation.session import run_session
from simulator.voice.asr import audio_to_16k
from simulator.voice.clock import Clock, VirtualClock
from simulator.voice.devices import TimelineSpeaker
from simulator.voice.echo import EchoCanceller, EchoPath, Reference
from simulator.voice.recorded import FileReplies, ReplyFile
from simulator.voice.spoken import VoiceAgent, VoiceCustomer
from simulator.voice.tts import RenderCache
from tests.voice.conftest import espeak

MINIMAL = Path(__file__).parent.parent / "data" / "scenarios" / "en-minimal.yml"
RATE = 22050
DELAY, GAIN = 0.15, 0.5


class Voiced:
    """Every line is 3 s of a voiced sound in syllables, which the voice-activity
    detector takes for speech; each line its own."""

    name = "voiced"

    def render(self, text: str, voice: VoiceSettings, path: Path) -> None:
        rng = np.random.default_rng(zlib.crc32(text.encode()))
        t = np.arange(3 * RATE) / RATE
        phase = 2 * np.pi * np.cumsum(120 * (1 + 0.1 * np.sin(2 * np.pi * 0.7 * t))) / RATE
        sound = sum(np.sin(k * phase) / k for k in range(1, 25))
        sound *= np.clip(np.sin(2 * np.pi * 3.0 * t + rng.uniform(0, 6)), 0, None) ** 0.5
        sound = 0.1 * sound / np.sqrt(np.mean(sound**2))
        sf.write(str(path), sound.astype(np.float32), RATE, format="WAV", subtype="PCM_16")


class Echoing:
    """Recorded replies, with the customer's voice coming back into them ``DELAY``
    seconds later at ``GAIN``: what was actually played, cut where the customer stopped."""

    def __init__(self, replies: FileReplies, customer: VoiceCustomer) -> None:
        self.replies = replies
        self.customer = customer

    def _echo(self, start: float, count: int) -> np.ndarray:
        echo = np.zeros(count, np.float32)
        for _, clip in self.customer.played:
            heard = audio_to_16k(clip.heard(), clip.rate)
            first = round((start - clip.start) * 16000)
            part = heard[max(first, 0) : max(first + count, 0)]
            at = max(-first, 0)
            echo[at : at + len(part)] += GAIN * part[: count - at]
        return echo

    def frames(self, turn: int, customer_end: float, clock: Clock):  # type: ignore[no-untyped-def]
        frames = self.replies.frames(turn, customer_end, clock)
        if frames is None:
            return None
        return (
            (moment, frame + self._echo(moment - DELAY, len(frame))) for moment, frame in frames
        )

    def close(self) -> None:
        return None


def call(
    tmp_path: Path, first_offset: float, protected: bool
) -> tuple[Conversation, VoiceCustomer]:
    """A whole call on a timeline; the first reply starts ``first_offset`` seconds after
    the customer's first turn is due to end (negative: into it), the second 0.5 s after."""
    conversation = Conversation(load_scenario(MINIMAL), "Sam", rules_for("en"))
    clock = VirtualClock()
    customer = VoiceCustomer(
        conversation,
        load_voice("loyal_irritated"),
        RenderCache(tmp_path / "cache", Voiced()),
        TimelineSpeaker(),
        clock,
    )
    replies = [
        ReplyFile(
            espeak("I'm sorry Mrs Johnson, I understand.", tmp_path / "1.wav", "en", 160),
            first_offset,
        ),
        ReplyFile(espeak("I will send it today.", tmp_path / "2.wav", "en", 160), 0.5),
    ]
    agent = VoiceAgent(conversation, customer, Echoing(FileReplies(replies), customer), None, clock)
    if protected:  # as the sound check does when it hears the speakers
        agent.echo = EchoCanceller(Reference(customer.sounding), EchoPath(True, DELAY, GAIN))
    run_session(conversation, customer, agent)
    agent.close()
    return conversation, customer


def test_with_the_canceller_the_customer_s_echo_is_never_taken_for_the_agent(tmp_path):
    conversation, customer = call(tmp_path, 0.5, protected=True)
    turns = conversation.transcript.turns
    assert [t.speaker for t in turns] == ["customer", "agent"] * 2 + ["customer"]
    assert customer.barge_ins == []
    assert [t.stopped for t in turns if t.speaker == "customer"] == [None] * 3
    for said, answer in ((turns[0], turns[1]), (turns[2], turns[3])):
        assert answer.start is not None and answer.start >= said.end + 0.4  # the reply


def test_without_it_the_echo_barges_in(tmp_path):
    """What the canceller is for (and what this test file would find without it)."""
    _conversation, customer = call(tmp_path, 0.5, protected=False)
    assert customer.barge_ins and customer.barge_ins[0].time < 1.0


def test_with_the_canceller_the_agent_cutting_in_still_barges_in(tmp_path):
    conversation, customer = call(tmp_path, -3.0, protected=True)  # 3 s into the 6 s turn
    turns = conversation.transcript.turns
    (barge_in,) = customer.barge_ins
    assert barge_in.customer_stopped and turns[0].stopped is not None
    cut_in = turns[0].end - 3.0  # when the reply started (the turn as planned: 6 s)
    assert cut_in <= barge_in.time < cut_in + 0.3
