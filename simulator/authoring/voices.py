"""Voice profiles: how a customer type sounds, and how their mood changes it.

One YAML file per profile in ``voices/``. A profile names a voice per locale and
speech engine (eSpeak NG on Linux, SAPI5 on Windows, NSSpeechSynthesizer on macOS),
a base rate, pitch and volume, and how much an angrier customer speeds up, gets
louder and higher.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from simulator.authoring.datafile import load_model
from simulator.errors import SimulatorError

BUNDLED_VOICES = Path(__file__).resolve().parents[2] / "voices"
KIND = "problem.kind.voice_profile"
Engine = Literal["espeak", "sapi5", "nsss"]


class EngineVoices(BaseModel):
    """The voice to use with each speech engine, for one locale."""

    model_config = ConfigDict(extra="forbid")

    espeak: str | None = Field(None, description="eSpeak NG voice id, e.g. 'gmw/en-us', 'roa/fr'.")
    sapi5: str | None = Field(None, description="Part of a Windows voice name, e.g. 'Hortense'.")
    nsss: str | None = Field(None, description="Part of a macOS voice id, e.g. 'Thomas'.")


class MoodEffect(BaseModel):
    """How the voice changes from a calm customer (mood 100) to a furious one (mood 0)."""

    model_config = ConfigDict(extra="forbid")

    rate: float = Field(0.25, ge=0, le=1, description="Up to this fraction faster when furious.")
    volume: float = Field(0.2, ge=0, le=1, description="Up to this much louder (0–1 scale).")
    pitch: int = Field(15, ge=0, le=50, description="Up to this much higher pitch (0–100 scale).")


class VoiceProfile(BaseModel):
    """How one customer type sounds."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Same as the file name.")
    description: str = Field("", description="What this voice is for.")
    voices: dict[Literal["fr", "en"], EngineVoices] = Field(
        description="The voice per locale and engine."
    )
    rate: int = Field(165, ge=60, le=400, description="Words per minute when calm.")
    pitch: int = Field(
        50, ge=0, le=100, description="Pitch when calm, 0–100 (engines that have it)."
    )
    volume: float = Field(0.8, ge=0, le=1, description="Volume when calm, 0–1.")
    mood: MoodEffect = Field(default_factory=MoodEffect, description="How anger changes the voice.")

    def settings(self, locale: str, mood: int, engine: Engine = "espeak") -> VoiceSettings:
        """The concrete settings for ``locale`` at ``mood`` (quantised so renders can be cached)."""
        voices = self.voices.get(locale)  # type: ignore[call-overload]
        voice = getattr(voices, engine, None) if voices else None
        anger = (100 - mood_step(mood)) / 100
        return VoiceSettings(
            engine=engine,
            voice=voice,
            rate=round(self.rate * (1 + self.mood.rate * anger)),
            pitch=min(100, round(self.pitch + self.mood.pitch * anger)),
            volume=round(min(1.0, self.volume + self.mood.volume * anger), 2),
        )


def mood_step(mood: int) -> int:
    """Moods are rendered in steps of 20 so a line is synthesised at most six ways."""
    return max(0, min(100, round(mood / 20) * 20))


@dataclass(frozen=True)
class VoiceSettings:
    """What a speech engine is told for one line."""

    engine: str
    voice: str | None
    rate: int
    pitch: int
    volume: float


def load_voice(name: str, folders: tuple[Path, ...] = (BUNDLED_VOICES,)) -> VoiceProfile:
    """A voice profile by id (its file name without .yml)."""
    for folder in folders:
        for suffix in (".yml", ".yaml"):
            path = folder / f"{name}{suffix}"
            if path.exists():
                return load_model(path, VoiceProfile, KIND)
    known = sorted(p.stem for f in folders if f.is_dir() for p in f.glob("*.y*ml"))
    raise SimulatorError("error.unknown_voice", name=name, known=", ".join(known))
