"""A question that needs a yes before something is done for good (deleting a session)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from simulator.tui.dialog import Dialog


class ConfirmDialog(Dialog[bool]):
    """Asks ``question``; dismissed with True only when the person presses ``yes``."""

    BINDINGS = [Binding("escape", "cancel", "ui.cancel")]
    DEFAULT_CSS = """
    ConfirmDialog > Vertical { border: round $error; }
    ConfirmDialog Button { margin-right: 1; }
    """

    def __init__(self, question: str, yes: str) -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.question, id="question", markup=False)
            with Horizontal():
                yield Button(self.yes, id="yes", variant="error")
                yield Button(self.app.text("ui.cancel"), id="no")

    def on_mount(self) -> None:
        # The safe answer has the focus: Enter alone never deletes anything.
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        self.dismiss(False)
