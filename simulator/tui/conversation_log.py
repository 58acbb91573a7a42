"""The conversation as it happens: one paragraph per line said, reflowed to the width."""

from __future__ import annotations

from rich.markup import escape
from textual.containers import VerticalScroll
from textual.widgets import Static


class ConversationLog(VerticalScroll):
    DEFAULT_CSS = """
    ConversationLog > Static { margin-bottom: 1; }
    ConversationLog > .customer-line { color: $text; }
    """

    def add(self, who: str, text: str, style: str, classes: str = "") -> None:
        self.mount(Static(f"[{style}]{escape(who)}:[/] {escape(text)}", classes=classes))
        self.scroll_end(animate=False)

    def take_back(self, note: str) -> None:
        """The agent went on with their last reply: it and what the customer had started
        to say after it go, replaced by ``note`` (the reply gone on with comes next)."""
        lines = list(self.query(Static))
        last = max(
            (i for i, line in enumerate(lines) if line.has_class("agent-line")), default=None
        )
        if last is not None:
            for line in lines[last:]:
                line.remove()
        self.mount(Static(f"[i]{escape(note)}[/i]", classes="gave-way"))

    @property
    def text(self) -> str:
        return "\n".join(str(line.render()) for line in self.query(Static))
