"""A reviewer's comment pinned to one of the agent's replies, or to the whole call."""

from __future__ import annotations

from simulator.tui.text_dialog import TextDialog


class CommentDialog(TextDialog):
    question = "ui.comment_on"
    box_id = "comment-text"

    def __init__(self, reply: int | None) -> None:
        """``reply`` numbers the agent's replies 1, 2, 3… (None: the whole call)."""
        super().__init__()
        self.reply = reply
        if reply is None:
            self.question = "ui.comment_on_call"

    def question_values(self) -> dict[str, object]:
        return {} if self.reply is None else {"reply": self.reply}
