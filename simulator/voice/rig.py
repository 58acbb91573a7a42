"""The voice rig: everything a spoken session needs besides the conversation, built in
one place for the command line and the terminal UI.

The customer speaks through a speaker (the sound card, or a timeline written to files),
the agent is heard through a frame source (the microphone, or recorded replies), and a
recogniser turns the agent's speech into words.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from simulator.authoring.settings import Settings
from simulator.authoring.voices import load_voice
from simulator.conversation.engine import Conversation
from simulator.errors import Phrase, SimulatorError
from simulator.voice.asr import Recogniser, make_recogniser, model_setting
from simulator.voice.clock import RealClock, VirtualClock
from simulator.voice.devices import DeviceSpeaker, Microphone, TimelineSpeaker, audio_devices
from simulator.voice.echo import EchoPath
from simulator.voice.end_of_turn import endpoint_settings
from simulator.voice.recorded import FileReplies, load_replies
from simulator.voice.spoken import VoiceAgent, VoiceCustomer, prerender
from simulator.voice.tts import RenderCache
from simulator.voice.vad import TurnEnd


@dataclass(frozen=True)
class VoiceOptions:
    """How to hear the agent: the settings, with what the command line overrides."""

    asr_engine: str = "whisper"
    asr_model: str | None = None
    end_of_turn: float = 0.8
    turn_end: TurnEnd = "smart"

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        asr_engine: str | None = None,
        asr_model: str | None = None,
        end_of_turn: float | None = None,
        turn_end: TurnEnd | None = None,
    ) -> VoiceOptions:
        return cls(
            asr_engine or settings.asr_engine,
            model_setting(asr_model, settings.asr_model),
            settings.end_of_turn if end_of_turn is None else end_of_turn,
            turn_end or settings.turn_end,
        )


def recogniser_for(options: VoiceOptions, locale: str) -> Recogniser | None:
    """The configured recogniser, loaded and able to hear ``locale``; None for 'none'.

    A missing model or a language the model cannot hear is a :class:`SimulatorError`.
    """
    if options.asr_engine == "none":
        return None
    recogniser = make_recogniser(options.asr_engine, options.asr_model)
    recogniser.check_locale(locale)
    if hasattr(recogniser, "load"):
        recogniser.load()
    return recogniser


@dataclass
class VoiceRig:
    """The customer's voice, the agent's ears, and the microphone when there is one."""

    customer: VoiceCustomer
    agent: VoiceAgent
    microphone: Microphone | None = None

    def record_into(self, folder: Path | None) -> None:
        """Keep each of the agent's spoken turns in ``folder`` (None: keep nothing)."""
        self.agent.audio_dir = folder

    def sound_check(self) -> EchoPath | None:
        """A short tone, listened for (:mod:`simulator.voice.sound_check`): do the speakers
        reach the microphone? If so, the agent is heard through the echo canceller from
        now on. None without a sound card (recorded replies)."""
        if self.microphone is None:
            return None
        from simulator.voice.sound_check import protect

        return protect(self.customer, self.agent, self.microphone)

    def stop(self) -> None:
        """End the session now: the customer stops talking, the agent is heard no more."""
        self.customer.stop_talking()
        self.agent.stop_listening()


def build_rig(
    conversation: Conversation,
    options: VoiceOptions,
    cache_dir: Path,
    replies: Path | None = None,
    fast: bool = False,
    recogniser: Recogniser | None = None,
) -> VoiceRig:
    """The rig for ``conversation``: the sound card, or recorded ``replies`` (a folder of
    audio files, one per turn) played on a timeline, in real time unless ``fast``.
    ``recogniser`` is one :func:`recogniser_for` gave already (the command line gets it
    before the brief, so a missing model is said first); without it, it is loaded here."""
    scenario = conversation.scenario
    microphone = None
    if replies is not None:
        source = FileReplies(load_replies(replies))
        speaker: DeviceSpeaker | TimelineSpeaker = TimelineSpeaker()
        clock: RealClock | VirtualClock = VirtualClock() if fast else RealClock()
    else:
        has_in, has_out, why = audio_devices()
        if not (has_in and has_out):
            raise SimulatorError("error.no_audio_device", why=why)
        microphone = Microphone()
        source, speaker, clock = microphone, DeviceSpeaker(), RealClock()
    if recogniser is None:
        recogniser = recogniser_for(options, scenario.locale)
    profile = load_voice(scenario.persona)
    cache = RenderCache(cache_dir)
    prerender(cache, profile, conversation)
    customer = VoiceCustomer(conversation, profile, cache, speaker, clock)
    agent = VoiceAgent(
        conversation,
        customer,
        source,
        recogniser,
        clock,
        endpoint_settings(options.turn_end, options.end_of_turn),
    )
    if microphone is not None:
        microphone.open(clock)  # now: its first frame may be slow to come
    return VoiceRig(customer, agent, microphone)


def play_recording(path: Path) -> None:
    """Play a stored recording through the sound card."""
    from simulator.voice.audio_files import read_audio

    _has_in, has_out, why = audio_devices()
    if not has_out:
        # Playing needs speakers only: a missing microphone is not the reason.
        if isinstance(why, Phrase) and why.key != "error.why.portaudio_missing":
            why = Phrase("error.why.no_speakers")
        raise SimulatorError("error.cannot_play", name=path.name, why=why)
    samples, rate = read_audio(path)
    try:
        DeviceSpeaker().play(samples, rate, RealClock())
    except SimulatorError:  # the speakers would not open
        raise SimulatorError(
            "error.cannot_play", name=path.name, why=Phrase("error.why.no_speakers")
        ) from None
