"""A reviewer overrides one dimension's score, with a reason.

What is typed is checked here, before the dialog closes: a score outside 0–100 or a
missing reason is said inside the dialog, and what was typed stays for the reviewer to
correct.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select

from scoring.findings import DIMENSIONS
from simulator.errors import SimulatorError
from simulator.tui.dialog import Dialog


class OverrideDialog(Dialog[tuple[str, int, str] | None]):
    BINDINGS = [Binding("escape", "cancel", "ui.cancel")]

    def __init__(self, dimension: str, scores: Mapping[str, float | None] | None = None) -> None:
        super().__init__()
        self.dimension = dimension
        self.scores = dict(scores or {})
        """Each dimension's score as it stands, to show beside the new one."""

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
            yield Label(self._now(self.dimension), id="current")
            # The range is said in the box: a reviewer has nothing else to go by.
            yield Input(placeholder=f"{t('card.score')} (0–100)", id="score", type="integer")
            yield Input(placeholder=t("ui.reason"), id="reason")
            yield Label("", id="problem")
            with Horizontal():
                yield Button(t("ui.save"), id="save", variant="primary")
                yield Button(t("ui.cancel"), id="cancel")

    def _now(self, dimension: str) -> str:
        t = self.app.text
        score = self.scores.get(dimension)
        shown = t("card.not_scored") if score is None else f"{score:.0f}"
        return t("ui.score_now_is", score=shown)

    def on_mount(self) -> None:
        self.query_one("#score", Input).focus()

    @on(Select.Changed, "#dimension")
    def _dimension_changed(self, event: Select.Changed) -> None:
        self.query_one("#current", Label).update(self._now(str(event.value)))

    def _refuse(self, error: SimulatorError, field: str) -> None:
        """Say what is wrong inside the dialog, and put the cursor where to fix it."""
        self.query_one("#problem", Label).update(error.render(self.app.text.locale))
        self.query_one(f"#{field}", Input).focus()

    def _score(self) -> int | None:
        typed = self.query_one("#score", Input).value.strip()
        if not typed.lstrip("-").isdigit() or not 0 <= int(typed) <= 100:
            self._refuse(SimulatorError("error.score_range"), "score")
            return None
        return int(typed)

    @on(Input.Submitted, "#score")
    def _score_typed(self) -> None:
        """Enter in the score box: on to the reason, once the score is right."""
        if self._score() is not None:
            self.query_one("#problem", Label).update("")
            self.query_one("#reason", Input).focus()

    @on(Button.Pressed, "#save")
    @on(Input.Submitted, "#reason")
    def _save(self) -> None:
        score = self._score()
        reason = self.query_one("#reason", Input).value.strip()
        if score is None:
            return
        if not reason:
            self._refuse(SimulatorError("error.override_reason"), "reason")
            return
        dimension = str(self.query_one("#dimension", Select).value)
        self.dismiss((dimension, score, reason))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
