"""Who is reviewing: asked once, before the first comment or score change is signed."""

from __future__ import annotations

from simulator.tui.text_dialog import TextDialog


class ReviewerDialog(TextDialog):
    """The reviewer's name; remembered by the app, so asked only the first time."""

    question = "ui.reviewer_ask"
    box_id = "reviewer-name"
    placeholder = "ui.reviewer_placeholder"
    required = "ui.reviewer_needed"
