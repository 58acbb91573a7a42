"""Offered at start-up: score the sessions a crash or a kill interrupted."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from simulator.tui.dialog import Dialog


class RecoverDialog(Dialog[bool]):
    BINDINGS = [Binding("escape", "later", "ui.later")]
    DEFAULT_CSS = """
    RecoverDialog > Vertical { border: round $warning; }
    """

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        t = self.app.text
        with Vertical():
            yield Label(t("ui.interrupted_offer", count=self.count), id="offer")
            with Horizontal():
                yield Button(t("ui.score_now"), id="score", variant="primary")
                yield Button(t("ui.later"), id="later")

    def on_mount(self) -> None:
        self.query_one("#score", Button).focus()

    @on(Button.Pressed, "#score")
    def _score(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#later")
    def action_later(self) -> None:
        self.dismiss(False)
