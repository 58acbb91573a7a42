"""The model answer read aloud: the replies of the scenario's good example run,
synthesised as the customer's lines are (once, then cached) in another voice than the
customer's, for the scorecard to play."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.conversation.scenario import PERSONA_TYPES, Scenario

if TYPE_CHECKING:  # the voice stack loads only when the answer is read
    from simulator.authoring.voices import VoiceProfile
    from simulator.voice.tts import Synthesizer

Narrator = Callable[[Scenario, Sequence[str]], Path]
"""Renders a scenario's model answer (its replies) to a sound file, and returns it."""

CALM = 100
"""The mood the answer is read at: the voice profile's own rate, pitch and volume."""


def agent_profile(scenario: Scenario) -> VoiceProfile:
    """A voice profile that does not sound like the customer: another customer type's,
    with another voice in the call's language when there is one."""
    from simulator.authoring.voices import load_voice

    locale = scenario.locale
    theirs = load_voice(scenario.persona).settings(locale, CALM).voice
    others = [load_voice(p) for p in PERSONA_TYPES if p != scenario.persona]
    return next((o for o in others if o.settings(locale, CALM).voice != theirs), others[0])


class ModelAnswerVoice:
    """A :data:`Narrator` on the project's speech synthesis, cached in ``cache_dir``
    beside the customer's rendered lines."""

    def __init__(self, cache_dir: Path, synthesizer: Synthesizer | None = None) -> None:
        self.cache_dir = cache_dir
        self.synthesizer = synthesizer

    def __call__(self, scenario: Scenario, replies: Sequence[str]) -> Path:
        from simulator.voice.tts import RenderCache

        cache = RenderCache(self.cache_dir, self.synthesizer)
        voice = agent_profile(scenario).settings(scenario.locale, CALM)
        # one file: the replies follow each other as one answer, a sentence apart
        return cache.get(" ".join(r.strip() for r in replies), voice)
