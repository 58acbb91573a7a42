"""A reviewer overrides one dimension's score, with a reason."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from scoring.findings import DIMENSIONS


class OverrideDialog(ModalScreen[tuple[str, int, str] | None]):
    BINDINGS = [Binding("escape", "cancel", "ui.cancel")]
    DEFAULT_CSS = """
    OverrideDialog { align: center middle; }
    OverrideDialog > Vertical { width: 70; height: auto; border: round $accent;
                                background: $surface; padding: 1 2; }
    OverrideDialog Horizontal { height: auto; margin-top: 1; }
    """

    def __init__(self, dimension: str) -> None:
        super().__init__()
        self.dimension = dimension

    def compose(self) -> ComposeResult:
        t = self.app.text
        with Vertical():
            yield Label(t("ui.override"))
            yield Select(
                [(t(f"dimension.{d}"), d) for d in DIMENSIONS],
                value=self.dimension,
                allow_blank=False,
                id="dimension",
            )
            # The range is said in the box: a reviewer has nothing else to go by.
            yield Input(placeholder=f"{t('card.score')} (0–100)", id="score", type="integer")
            yield Input(placeholder=t("ui.reason"), id="reason")
            with Horizontal():
                yield Button(t("ui.save"), id="save", variant="primary")
                yield Button(t("ui.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#score", Input).focus()

    @on(Button.Pressed, "#save")
    @on(Input.Submitted, "#reason")
    def _save(self) -> None:
        score = self.query_one("#score", Input).value.strip()
        reason = self.query_one("#reason", Input).value.strip()
        if not score.isdigit():
            self.query_one("#score", Input).focus()
            return
        dimension = str(self.query_one("#dimension", Select).value)
        self.dismiss((dimension, int(score), reason))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
