"""A reviewer's comment pinned to a turn."""

from __future__ import annotations

from simulator.tui.text_dialog import TextDialog


class CommentDialog(TextDialog):
    question = "ui.comment_on"
    box_id = "comment-text"

    def __init__(self, turn: int | None) -> None:
        super().__init__()
        self.turn = turn

    def question_values(self) -> dict[str, object]:
        return {"turn": self.turn if self.turn is not None else "—"}
