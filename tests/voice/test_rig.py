"""One voice rig for the command line and the terminal UI: the same settings give the
same rig, whichever builds it."""

from __future__ import annotations

import pytest

from simulator.authoring.library import find_scenario
from simulator.authoring.packs import rules_for
from simulator.authoring.settings import Settings
from simulator.conversation.engine import Conversation
from simulator.errors import SimulatorError
from simulator.voice.rig import VoiceOptions, build_rig
from tests.voice.conftest import espeak


def conversation() -> Conversation:
    scenario = find_scenario("en-disputed-charge")
    return Conversation(scenario, "Sam", rules_for("en"))


def test_the_end_of_turn_silence_comes_from_the_settings_unless_the_option_overrides_it():
    settings = Settings(end_of_turn=1.3, asr_engine="none")
    assert VoiceOptions.from_settings(settings).end_of_turn == 1.3
    assert VoiceOptions.from_settings(settings, end_of_turn=0.5).end_of_turn == 0.5
    assert VoiceOptions.from_settings(settings).asr_engine == "none"
    assert VoiceOptions.from_settings(settings, asr_engine="sphinx").asr_engine == "sphinx"


def test_a_rig_from_recorded_replies_hears_with_the_settings_silence(tmp_path):
    replies = tmp_path / "replies"
    replies.mkdir()
    espeak("I am sorry about the fee.", replies / "01.wav", "en", 160)
    options = VoiceOptions.from_settings(Settings(end_of_turn=1.3, asr_engine="none"))
    rig = build_rig(conversation(), options, tmp_path / "cache", replies, fast=True)
    try:
        assert rig.agent.settings.end_of_turn == 1.3
        assert rig.agent.recogniser is None  # 'none': pacing alone
        assert rig.microphone is None  # recorded replies, no sound card
        rig.record_into(tmp_path / "audio")
        assert rig.agent.audio_dir == tmp_path / "audio"
    finally:
        rig.agent.close()


def test_a_recogniser_that_cannot_hear_the_call_is_refused_before_the_call(tmp_path):
    replies = tmp_path / "replies"
    replies.mkdir()
    espeak("Bonjour madame.", replies / "01.wav", "fr", 160)
    scenario = find_scenario("fr-facture-contestee")
    talk = Conversation(scenario, "Sam", rules_for("fr"))
    options = VoiceOptions.from_settings(Settings(asr_engine="sphinx"))
    with pytest.raises(SimulatorError):
        build_rig(talk, options, tmp_path / "cache", replies, fast=True)
