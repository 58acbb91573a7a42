"""A spoken session in the app, headless: recorded replies stand in for the microphone."""

from textual.widgets import DataTable

from simulator.authoring.voices import load_voice
from simulator.tui.scorecard import ScorecardScreen
from simulator.voice.asr import WhisperRecogniser
from simulator.voice.clock import VirtualClock
from simulator.voice.devices import TimelineSpeaker
from simulator.voice.recorded import FileReplies, ReplyFile
from simulator.voice.rig import VoiceRig
from simulator.voice.spoken import VoiceAgent, VoiceCustomer
from simulator.voice.tts import RenderCache
from tests.voice.conftest import espeak


async def test_spoken_session_in_the_app(store, app_factory, tmp_path, whisper_model):
    replies = [
        espeak(
            "I'm sorry Mr Okafor, I understand how annoying that fee is.",
            tmp_path / "01.wav",
            "en",
            150,
        ),
        espeak(
            "I will remove the fee today and refund you by Friday.", tmp_path / "02.wav", "en", 150
        ),
    ]
    recogniser = WhisperRecogniser(whisper_model)

    def rig(conversation):
        clock = VirtualClock()
        customer = VoiceCustomer(
            conversation,
            load_voice(conversation.scenario.persona),
            RenderCache(tmp_path / "cache"),
            TimelineSpeaker(),
            clock,
        )
        agent = VoiceAgent(
            conversation,
            customer,
            FileReplies([ReplyFile(p, 0.5) for p in replies]),
            recogniser,
            clock,
        )
        return VoiceRig(customer, agent)

    app = app_factory(store, rig_factory=rig)
    async with app.run_test(size=(130, 40)) as pilot:
        app.agent_name = "Sam"
        app.screen.query_one("#voice").value = True
        table = app.screen.query_one("#scenarios", DataTable)
        table.move_cursor(row=table.get_row_index("en-disputed-charge"))
        app.screen.action_start()
        await pilot.pause()
        assert app.screen.query_one("#reply").disabled  # no typing in voice mode
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
    session = store.get(store.history()[0].id)
    agent_turns = [t for t in session.transcript.turns if t.speaker == "agent"]
    assert "sorry" in agent_turns[0].text.lower()
    assert agent_turns[0].measured.wpm and agent_turns[0].audio
    assert (tmp_path / "audio" / session.id / agent_turns[0].audio).exists()
    assert session.scorecard.dimensions["pacing"].score is not None
