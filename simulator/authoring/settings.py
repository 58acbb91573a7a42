"""User and organisation settings: one YAML file, validated like every authored file.

Looked for at ``$ROLEPLAY_SETTINGS``, else ``settings.yml`` in the user's config
folder (``~/.config/roleplay/settings.yml`` on Linux). Missing is fine: defaults apply.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal

from platformdirs import user_config_path
from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from scoring.pacing import DEFAULT_BANDS, PacingBands
from simulator.authoring.datafile import load_model

ENV_SETTINGS = "ROLEPLAY_SETTINGS"


class BandOverride(BaseModel):
    """Change part of a locale's pacing band; what is not given keeps its default."""

    # A band of "inf–170 words a minute" flags nothing and reads as nonsense on a scorecard.
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    min_wpm: float | None = Field(None, gt=0, description="Slower than this is flagged.")
    max_wpm: float | None = Field(None, gt=0, description="Faster than this is flagged.")
    dead_air_seconds: float | None = Field(None, gt=0, description="Silence before answering.")
    long_pause_seconds: float | None = Field(None, gt=0, description="A pause inside a turn.")

    @model_validator(mode="after")
    def _ordered(self) -> BandOverride:
        if self.min_wpm is not None and self.max_wpm is not None and self.min_wpm >= self.max_wpm:
            # The error type is the catalogue key the problem is worded from.
            raise PydanticCustomError(
                "problem.band_order",
                "min_wpm ({low}) must be below max_wpm ({high})",
                {"low": self.min_wpm, "high": self.max_wpm},
            )
        return self


class Settings(BaseModel):
    """What a person or an organisation can change without touching the bundled files."""

    model_config = ConfigDict(extra="forbid")

    rule_dirs: list[Path] = Field(
        default_factory=list,
        description="Folders of the organisation's own rule packs (added to, or overriding, "
        "the bundled ones; 'enabled: false' switches a bundled rule off).",
    )
    scenario_dirs: list[Path] = Field(
        default_factory=list, description="Folders of the organisation's own scenarios."
    )
    pacing: dict[Literal["fr", "en"], BandOverride] = Field(
        default_factory=dict, description="Pacing bands per locale."
    )
    asr_engine: Literal["whisper", "sphinx", "none"] = Field(
        "whisper", description="Speech recogniser: faster-whisper, PocketSphinx, or none."
    )
    asr_model: str | None = Field(
        None, description="faster-whisper model name or local model folder."
    )
    end_of_turn: float = Field(
        0.8,
        ge=0.2,
        le=5.0,
        allow_inf_nan=False,
        description="Spoken practice: seconds of silence that end the agent's turn (with "
        "turn_end 'smart': only when none of their words could be recognised).",
    )
    turn_end: Literal["smart", "silence"] = Field(
        "smart",
        description="Spoken practice: how the end of the agent's turn is told. 'smart': "
        "from their words — a phrase that sounds finished ends the turn after a short "
        "pause, one left hanging ('and', 'the', 'because', 'um', 'je vais'…) waits for "
        "2.5 s of silence. 'silence': after end_of_turn seconds of silence, always.",
    )
    ui_locale: Literal["fr", "en"] | None = Field(
        None, description="Language of the interface (default: the system's)."
    )
    seed: int | None = Field(
        None,
        ge=0,
        description="Makes the customer's choice of wordings repeatable: the same replies "
        "get the same lines. Unset (the default), each session varies.",
    )
    audio_retention: Literal["keep", "none"] | Annotated[int, Field(ge=1)] = Field(
        "keep",
        description="The agent's recorded turns: 'keep' them, keep them a number of days "
        "(e.g. 30), or 'none' (nothing is recorded, and recordings already kept are erased).",
    )

    def audio_days(self) -> int | None:
        """How many days recordings are kept: None for ever, 0 not at all."""
        if self.audio_retention == "keep":
            return None
        if self.audio_retention == "none":
            return 0
        return int(self.audio_retention)

    @property
    def records_audio(self) -> bool:
        """Whether a spoken turn is recorded at all (``audio_retention: none`` records nothing)."""
        return self.audio_days() != 0

    def bands(self, locale: str) -> PacingBands:
        base = DEFAULT_BANDS[locale]
        override = self.pacing.get(locale)  # type: ignore[call-overload]
        if override is None:
            return base
        return base.model_copy(update=override.model_dump(exclude_none=True))


def settings_path() -> Path:
    if os.environ.get(ENV_SETTINGS):
        return Path(os.environ[ENV_SETTINGS]).expanduser()
    return user_config_path("roleplay", appauthor=False) / "settings.yml"


def load_settings(path: Path | None = None) -> Settings:
    """The settings file, or defaults when there is none."""
    path = path or settings_path()
    if not path.exists():
        return Settings()
    settings = load_model(path, Settings, "problem.kind.settings_file")
    # Relative folders are relative to the settings file, not to wherever roleplay runs.
    base = path.parent
    settings.rule_dirs = [d if d.is_absolute() else base / d for d in settings.rule_dirs]
    settings.scenario_dirs = [d if d.is_absolute() else base / d for d in settings.scenario_dirs]
    return settings
