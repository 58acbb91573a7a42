"""A spoken call in the terminal UI without a sound card: the customer speaks on a
timeline (nothing is played, what would be heard is kept), the agent's replies come
from a source given by the test (files, a microphone that fails…)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from simulator.authoring.voices import load_voice
from simulator.conversation.engine import Conversation
from simulator.voice.asr import Recogniser
from simulator.voice.clock import VirtualClock
from simulator.voice.devices import FrameSource, TimelineSpeaker
from simulator.voice.rig import VoiceRig
from simulator.voice.spoken import VoiceAgent, VoiceCustomer
from simulator.voice.tts import RenderCache


def timeline_rig(
    conversation: Conversation,
    cache: Path,
    source: FrameSource,
    recogniser: Recogniser | None = None,
    speaker: TimelineSpeaker | None = None,
    rig: type[VoiceRig] = VoiceRig,
) -> VoiceRig:
    """The voice rig of one call, on a virtual clock."""
    clock = VirtualClock()
    customer = VoiceCustomer(
        conversation,
        load_voice(conversation.scenario.persona),
        RenderCache(cache),
        speaker or TimelineSpeaker(),
        clock,
    )
    return rig(customer, VoiceAgent(conversation, customer, source, recogniser, clock))


def start_spoken_call(app, scenario: str = "en-disputed-charge") -> None:  # type: ignore[no-untyped-def]
    """On the home screen: Sam practises ``scenario`` by voice."""
    app.agent_name = "Sam"
    app.screen.query_one("#voice").value = True
    table = app.screen.query_one("#scenarios", DataTable)
    table.move_cursor(row=table.get_row_index(scenario))
    app.screen.action_start()
