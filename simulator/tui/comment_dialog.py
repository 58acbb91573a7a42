"""A reviewer's comment pinned to a turn."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label


class CommentDialog(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "ui.cancel")]
    DEFAULT_CSS = """
    CommentDialog { align: center middle; }
    CommentDialog > Vertical { width: 70; height: auto; border: round $accent;
                               background: $surface; padding: 1 2; }
    CommentDialog Horizontal { height: auto; margin-top: 1; }
    """

    def __init__(self, turn: int | None) -> None:
        super().__init__()
        self.turn = turn

    def compose(self) -> ComposeResult:
        t = self.app.text
        with Vertical():
            yield Label(t("ui.comment_on", turn=self.turn if self.turn is not None else "—"))
            yield Input(id="comment-text")
            with Horizontal():
                yield Button(t("ui.save"), id="save", variant="primary")
                yield Button(t("ui.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.dismiss(self.query_one(Input).value.strip() or None)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
