"""Who is reviewing: asked once, before the first comment or score change is signed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label


class ReviewerDialog(ModalScreen[str | None]):
    """The reviewer's name; remembered by the app, so asked only the first time."""

    BINDINGS = [Binding("escape", "cancel", "ui.cancel")]
    DEFAULT_CSS = """
    ReviewerDialog { align: center middle; }
    ReviewerDialog > Vertical { width: 70; height: auto; border: round $accent;
                                background: $surface; padding: 1 2; }
    ReviewerDialog Label { width: 100%; }
    ReviewerDialog #problem { color: $error; }
    ReviewerDialog Horizontal { height: auto; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        t = self.app.text
        with Vertical():
            yield Label(t("ui.reviewer_ask"))
            yield Input(placeholder=t("ui.reviewer_placeholder"), id="reviewer-name")
            yield Label("", id="problem")
            with Horizontal():
                yield Button(t("ui.save"), id="save", variant="primary")
                yield Button(t("ui.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        name = " ".join(self.query_one(Input).value.split())
        if not name:
            self.query_one("#problem", Label).update(self.app.text("ui.reviewer_needed"))
            self.query_one(Input).focus()
            return
        self.dismiss(name)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
