"""The gauges of the practice screen: the customer's mood, the agent's pace, the mic level."""

from __future__ import annotations

from rich.text import Text as RichText
from textual.reactive import reactive
from textual.widget import Widget

BAR = 24


def _bar(fraction: float, width: int = BAR) -> str:
    filled = max(0, min(width, round(fraction * width)))
    return "█" * filled + "░" * (width - filled)


class MoodMeter(Widget):
    """0 furious — 100 delighted; coloured by how the customer feels."""

    DEFAULT_CSS = "MoodMeter { height: 1; }"
    mood: reactive[int] = reactive(50)

    def __init__(self, label: str, mood: int = 50, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(**kwargs)
        self.label = label
        self.set_reactive(MoodMeter.mood, mood)

    def render(self) -> RichText:
        colour = "red" if self.mood < 30 else "yellow" if self.mood < 60 else "green"
        text = RichText(f"{self.label:<16} ")
        text.append(_bar(self.mood / 100), style=colour)
        text.append(f" {self.mood:3d}/100")
        return text


class PaceGauge(Widget):
    """Words per minute against the locale's band."""

    DEFAULT_CSS = "PaceGauge { height: 1; }"
    wpm: reactive[float | None] = reactive(None)

    def __init__(self, label: str, band: tuple[float, float], unit: str, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(**kwargs)
        self.label = label
        self.band = band
        self.unit = unit

    def render(self) -> RichText:
        low, high = self.band
        text = RichText(f"{self.label:<16} ")
        if self.wpm is None:
            text.append("░" * BAR, style="dim")
            text.append(f"   – {self.unit} ({low:.0f}–{high:.0f})")
            return text
        colour = "green" if low <= self.wpm <= high else "red" if self.wpm > high else "yellow"
        text.append(_bar(min(self.wpm, 250) / 250), style=colour)
        text.append(f" {self.wpm:3.0f} {self.unit} ({low:.0f}–{high:.0f})")
        return text


class LevelMeter(Widget):
    """The microphone's level, and who is speaking now."""

    DEFAULT_CSS = "LevelMeter { height: 1; }"
    level: reactive[float] = reactive(0.0)
    speaker: reactive[str] = reactive("")

    def __init__(self, label: str, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(**kwargs)
        self.label = label

    def render(self) -> RichText:
        text = RichText(f"{self.label:<16} ")
        text.append(_bar(min(1.0, self.level * 8), 12), style="cyan")
        text.append(f"  {self.speaker}")
        return text
