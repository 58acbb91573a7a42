"""A spoken session in the app, headless: recorded replies stand in for the microphone."""

from textual.widgets import Static

from simulator.authoring.settings import Settings
from simulator.authoring.workspace import Workspace
from simulator.tui.practice import PracticeScreen
from simulator.tui.scorecard import ScorecardScreen
from simulator.voice.asr import WhisperRecogniser
from simulator.voice.devices import TimelineSpeaker
from simulator.voice.end_of_turn import endpoint_settings
from simulator.voice.recorded import FileReplies, ReplyFile
from tests.voice.conftest import espeak
from tests.voice.timeline_rig import start_spoken_call, timeline_rig

SORRY = "I'm sorry Mr Okafor, I understand how annoying that fee is."


def _rig_factory(replies, tmp_path, whisper_model, speakers: list):
    recogniser = WhisperRecogniser(whisper_model)

    def rig(conversation):
        speaker = TimelineSpeaker()
        speakers.append(speaker)
        source = FileReplies([ReplyFile(p, 0.5) for p in replies])
        return timeline_rig(conversation, tmp_path / "cache", source, recogniser, speaker)

    return rig


async def _start_spoken(app, pilot) -> None:
    start_spoken_call(app)
    await pilot.pause()
    assert app.screen.query_one("#reply").disabled  # no typing in voice mode


async def test_spoken_session_in_the_app(store, app_factory, tmp_path, whisper_model):
    replies = [
        espeak(SORRY, tmp_path / "01.wav", "en", 150),
        espeak(
            "I will remove the fee today and refund you by Friday.", tmp_path / "02.wav", "en", 150
        ),
    ]
    rig = _rig_factory(replies, tmp_path, whisper_model, [])
    app = app_factory(store, rig_factory=rig)
    async with app.run_test(size=(130, 40)) as pilot:
        await _start_spoken(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        # the replies ran out before the customer was done: the call stopped there
        assert isinstance(app.screen, PracticeScreen) and app.screen.ended
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
    session = store.get(store.history()[0].id)
    agent_turns = [t for t in session.transcript.turns if t.speaker == "agent"]
    assert "sorry" in agent_turns[0].text.lower()
    assert agent_turns[0].measured.wpm and agent_turns[0].audio
    assert (tmp_path / "audio" / session.id / agent_turns[0].audio).exists()
    assert session.scorecard.dimensions["pacing"].score is not None


async def test_the_customers_last_line_plays_to_its_end(
    store, app_factory, tmp_path, whisper_model
):
    replies = [
        espeak(
            "I don't know why it's on your bill, the system adds that automatically.",
            tmp_path / "01.wav",
            "en",
            150,
        ),
        espeak(
            "You must have asked for paper bills. Not my problem.", tmp_path / "02.wav", "en", 150
        ),
    ]
    speakers: list[TimelineSpeaker] = []
    rig = _rig_factory(replies, tmp_path, whisper_model, speakers)
    app = app_factory(store, rig_factory=rig, workspace=Workspace(Settings(seed=0)))
    async with app.run_test(size=(130, 40)) as pilot:
        await _start_spoken(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen) and screen.ended
        assert "Mr Okafor hung up." in str(screen.query_one("#ending", Static).render())
        last = screen.conversation.transcript.turns[-1]
        assert last.speaker == "customer" and last.text in screen.query_one("#conversation").text
        # the goodbye was played whole: nothing cut it short
        (speaker,) = speakers
        goodbye = speaker.played[-1]
        assert goodbye.stopped_at is None and last.end == goodbye.start + goodbye.duration
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
    assert store.history()[0].outcome == "hung_up"


async def test_going_on_as_the_customer_answers_replaces_the_reply_on_screen(
    store, app_factory, tmp_path, whisper_model
):
    """The second sentence comes as soon as the customer starts answering the first:
    the customer gives way, and the screen shows one reply, not the answer taken back."""
    replies = [
        espeak(SORRY, tmp_path / "01.wav", "en", 150),
        espeak("I will refund the fee by Friday.", tmp_path / "02.wav", "en", 150),
    ]

    def rig(conversation):
        source = FileReplies([ReplyFile(replies[0], 0.5), ReplyFile(replies[1], -60.0)])
        recogniser = WhisperRecogniser(whisper_model)
        built = timeline_rig(conversation, tmp_path / "cache", source, recogniser)
        built.agent.settings = endpoint_settings("smart", 0.8)
        return built

    app = app_factory(store, rig_factory=rig)
    async with app.run_test(size=(130, 40)) as pilot:
        await _start_spoken(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        log = app.screen.query_one("#conversation")
        lines = [str(line.render()) for line in log.query(Static)]
        said = [line for line in lines if line.startswith("You:")]
        assert len(said) == 1 and "sorry" in said[0].lower() and "friday" in said[0].lower()
        assert "(The customer lets you go on.)" in lines
        customer = [line for line in lines if line.startswith("Customer:")]
        session = store.get(store.history()[0].id)
        turns = session.transcript.turns
        assert [t.speaker for t in turns][:2] == ["customer", "agent"]
        # on screen, the customer's lines are those the transcript keeps
        kept = [s.text for t in turns if t.speaker == "customer" for s in t.segments or []]
        assert [line.split(": ", 1)[1] for line in customer] == kept
