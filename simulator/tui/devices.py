"""Voice for the app on a real machine: the sound card, the configured recogniser."""

from __future__ import annotations

from pathlib import Path

from simulator.engine import Conversation
from simulator.errors import SimulatorError
from simulator.settings import Settings
from simulator.tui.session_bridge import VoiceRig


def device_rig_factory(settings: Settings, cache_dir: Path, text):  # type: ignore[no-untyped-def]
    """Builds the voice rig for a conversation, or says why voice is not possible."""

    def make(conversation: Conversation) -> VoiceRig:
        from simulator.asr import make_recogniser, model_setting
        from simulator.audio_io import DeviceSpeaker, Microphone, RealClock, audio_devices
        from simulator.tts import RenderCache
        from simulator.voice import VoiceAgent, VoiceCustomer, prerender
        from simulator.voice_profile import load_voice

        has_in, has_out, why = audio_devices()
        if not (has_in and has_out):
            raise SimulatorError(text("voice_unavailable", why=why), "Voice")
        locale = conversation.scenario.locale
        recogniser = None
        if settings.asr_engine != "none":
            recogniser = make_recogniser(
                settings.asr_engine, model_setting(None, settings.asr_model)
            )
            recogniser.check_locale(locale)
        profile = load_voice(conversation.scenario.persona)
        cache = RenderCache(cache_dir)
        prerender(cache, profile, conversation)
        clock = RealClock()
        microphone = Microphone()
        customer = VoiceCustomer(conversation, profile, cache, DeviceSpeaker(), clock)
        agent = VoiceAgent(conversation, customer, microphone, recogniser, clock)
        return VoiceRig(customer, agent, microphone)

    return make


def device_player(path: Path) -> None:
    """Play a stored recording through the sound card."""
    from simulator.audio_files import read_audio
    from simulator.audio_io import DeviceSpeaker, RealClock, audio_devices

    _has_in, has_out, why = audio_devices()
    if not has_out:
        raise SimulatorError(f"cannot play {path.name}: {why}", "Playback")
    samples, rate = read_audio(path)
    DeviceSpeaker().play(samples, rate, RealClock())
