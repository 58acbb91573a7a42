"""A customer who talks on when the agent cuts in (the active hater), on a timeline: his
next line waits until he has finished, and the 10 s an agent may stay silent count from
when he actually stopped, not from when his last line was due to end."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf

from simulator.authoring.library import load_scenario
from simulator.authoring.packs import rules_for
from simulator.authoring.voices import VoiceSettings, load_voice
from simulator.conversation.engine import Conversation
from simulator.conversation.session import run_session
from simulator.voice.audio_files import write_audio
from simulator.voice.clock import VirtualClock
from simulator.voice.devices import TimelineSpeaker
from simulator.voice.recorded import FileReplies, ReplyFile
from simulator.voice.spoken import VoiceAgent, VoiceCustomer
from simulator.voice.tts import RenderCache
from tests.voice.conftest import espeak

MINIMAL = Path(__file__).parent.parent / "data" / "scenarios" / "en-minimal.yml"
LINE = 3.0


class Steady:
    """Every line lasts LINE seconds (a tone): the timeline is known in advance."""

    name = "steady"

    def render(self, text: str, voice: VoiceSettings, path: Path) -> None:
        t = np.arange(round(LINE * 22050)) / 22050
        tone = (0.2 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
        sf.write(str(path), tone, 22050, format="WAV", subtype="PCM_16")


def test_the_next_line_and_the_silence_limit_wait_for_him_to_finish(tmp_path):
    scenario = load_scenario(MINIMAL).model_copy(update={"persona": "active_hater"})
    conversation = Conversation(scenario, "Sam", rules_for("en"))
    clock = VirtualClock()
    customer = VoiceCustomer(
        conversation,
        load_voice("active_hater"),
        RenderCache(tmp_path / "cache", Steady()),
        TimelineSpeaker(),
        clock,
    )
    silence = tmp_path / "silence.wav"
    write_audio(silence, np.zeros(16000 * 15, np.float32), 16000)
    replies = [
        ReplyFile(espeak("I'm sorry.", tmp_path / "01.wav", "en", 160), -5.0),  # at 1 s of 6
        ReplyFile(silence, 0.0),
    ]
    agent = VoiceAgent(conversation, customer, FileReplies(replies), None, clock)
    run_session(conversation, customer, agent)
    agent.close()

    turns = conversation.transcript.turns
    assert [t.speaker for t in turns[:5]] == ["customer", "agent"] * 2 + ["customer"]
    assert customer.barge_ins and not customer.barge_ins[0].customer_stopped
    assert turns[1].start is not None and turns[1].end < turns[0].end  # he talked on
    assert turns[2].start >= turns[0].end  # then said what came next
    assert turns[3].text == "" and turns[3].start is None  # the agent said nothing
    stopped_talking = max(turns[0].end, turns[2].end)
    assert abs(turns[4].start - stopped_talking - agent.max_wait) < 0.1
