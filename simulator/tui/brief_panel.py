"""The practice screen's side panel: the brief and the objectives as a checklist, in view
for the whole call, and the hint: the objective to work on next."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Collapsible, Static

from scoring.objectives import Objective
from simulator.conversation.engine import Conversation
from simulator.conversation.scenario import Scenario
from simulator.errors import SimulatorError


def shown(conversation: Conversation, text: str) -> str:
    """A scenario text with the call's values filled in (the text as written when one
    does not fill in: the trainee still reads it)."""
    try:
        return conversation.render(text)
    except SimulatorError:
        return text


def next_objective(scenario: Scenario, met: set[str]) -> Objective | None:
    """The checked objective to work on next, None when every one is met: the first not
    met, in the scenario's order, among those that ask for something to be done; then
    among those that ask for something to be avoided, which only the call so far can show
    met."""
    checked = sorted(scenario.checked_objectives, key=lambda o: o.kind == "avoid")
    return next((o for o in checked if o.id not in met), None)


class BriefPanel(Vertical):
    """The objectives (✓ once the call meets one; one to avoid stays open until a reply
    breaks it, ✗, or the call ends with it kept, ✓) and the brief, each one folding away."""

    DEFAULT_CSS = """
    BriefPanel { height: auto; }
    BriefPanel Collapsible { padding: 0; border-top: none; background: $surface; }
    BriefPanel Collapsible > Contents { padding: 0 0 0 1; }
    """

    def __init__(self, conversation: Conversation, brief_open: bool = True, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(**kwargs)
        self.conversation = conversation
        self.brief_open = brief_open
        self.met: set[str] = set()
        self.heard = False
        """Whether the call has been checked once (before, nothing can be broken)."""
        self.hinted: str | None = None

    def compose(self) -> ComposeResult:
        t = self.app.text  # type: ignore[attr-defined]
        scenario = self.conversation.scenario
        with Collapsible(title=t("call.objectives"), collapsed=False, id="objectives-box"):
            yield Static(self._checklist(), id="objectives")
        with Collapsible(title=t("call.brief"), collapsed=not self.brief_open, id="brief-box"):
            yield Static(escape(shown(self.conversation, scenario.brief).strip()), id="brief")

    def _checklist(self) -> str:
        lines = []
        for objective in self.conversation.scenario.objectives:
            if isinstance(objective, Objective):
                text = escape(shown(self.conversation, objective.text))
                if objective.kind == "avoid":
                    # kept so far is not met: only the end of the call can show that
                    if self.heard and objective.id not in self.met:
                        lines.append(f"[red]✗[/] {text}")
                    elif self.conversation.finished and objective.id in self.met:
                        lines.append(f"[green]✓[/] {text}")
                    elif objective.id == self.hinted:
                        lines.append(f"[b]→ {text}[/b]")
                    else:
                        lines.append(f"○ {text}")
                elif objective.id in self.met:
                    lines.append(f"[green]✓[/] {text}")
                elif objective.id == self.hinted:
                    lines.append(f"[b]→ {text}[/b]")
                else:
                    lines.append(f"○ {text}")
            else:  # read only: nothing on the call shows it met
                lines.append(f"• {escape(shown(self.conversation, objective))}")
        return "\n".join(lines)

    def show_met(self, met: set[str]) -> None:
        """The objectives the call has met so far (an objective to avoid: not broken yet)."""
        self.met = set(met)
        self.heard = True
        if self.hinted in self.met:
            self.hinted = None
        self.query_one("#objectives", Static).update(self._checklist())

    def show_hint(self, objective: Objective | None) -> None:
        """Mark the objective the hint named."""
        self.hinted = objective.id if objective else None
        self.query_one("#objectives", Static).update(self._checklist())

    def toggle_brief(self) -> None:
        box = self.query_one("#brief-box", Collapsible)
        box.collapsed = not box.collapsed
        if not box.collapsed:
            box.call_after_refresh(box.scroll_visible)
