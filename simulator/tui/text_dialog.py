"""A dialog that asks for one line of text: a question, a box, Save and Cancel.

Enter or Save gives what was typed (spaces tidied); Escape or Cancel gives None. When
an answer is required, saving an empty box says so inside the dialog and keeps the
cursor in the box.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label

from simulator.tui.dialog import Dialog


class TextDialog(Dialog[str | None]):
    BINDINGS = [Binding("escape", "cancel", "ui.cancel")]

    question: str
    """The text key of what is asked."""
    box_id: str
    placeholder: str | None = None
    """The text key of the box's placeholder, if any."""
    required: str | None = None
    """The text key of what is said when the box is saved empty (None: empty cancels)."""

    def question_values(self) -> dict[str, object]:
        """Values the question is filled with."""
        return {}

    def compose(self) -> ComposeResult:
        t = self.app.text
        with Vertical():
            yield Label(t(self.question, **self.question_values()))
            yield Input(placeholder=t(self.placeholder) if self.placeholder else "", id=self.box_id)
            yield Label("", id="problem")
            with Horizontal():
                yield Button(t("ui.save"), id="save", variant="primary")
                yield Button(t("ui.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        typed = " ".join(self.query_one(Input).value.split())
        if not typed and self.required is not None:
            self.query_one("#problem", Label).update(self.app.text(self.required))
            self.query_one(Input).focus()
            return
        self.dismiss(typed or None)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
