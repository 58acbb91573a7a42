"""The gauges of the practice screen: the customer's mood, the agent's pace, the mic level."""

from __future__ import annotations

from rich.text import Text as RichText
from textual.reactive import reactive
from textual.widget import Widget

BAR = 24


LABEL = 16


def _bar(fraction: float, width: int = BAR) -> str:
    filled = max(0, min(width, round(fraction * width)))
    return "█" * filled + "░" * (width - filled)


def _room(widget: Widget, after: str, most: int = BAR) -> int:
    """The bar's width: as wide as ``most``, narrower when the label, the bar and what
    follows it would not fit in the widget (a small terminal), never under 2."""
    width = widget.size.width or LABEL + 1 + most + len(after)
    return max(2, min(most, width - LABEL - 1 - len(after)))


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
        after = f" {self.mood:3d}/100"
        text = RichText(f"{self.label:<{LABEL}} ")
        text.append(_bar(self.mood / 100, _room(self, after)), style=colour)
        text.append(after)
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
        text = RichText(f"{self.label:<{LABEL}} ")
        if self.wpm is None:
            after = f"   – {self.unit} ({low:.0f}–{high:.0f})"
            text.append("░" * _room(self, after), style="dim")
            text.append(after)
            return text
        colour = "green" if low <= self.wpm <= high else "red" if self.wpm > high else "yellow"
        after = f" {self.wpm:3.0f} {self.unit} ({low:.0f}–{high:.0f})"
        text.append(_bar(min(self.wpm, 250) / 250, _room(self, after)), style=colour)
        text.append(after)
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
        text = RichText(f"{self.label:<{LABEL}} ")
        after = f"  {self.speaker}"
        text.append(_bar(min(1.0, self.level * 8), _room(self, after, 12)), style="cyan")
        text.append(after)
        return text
