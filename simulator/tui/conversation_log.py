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

    @property
    def text(self) -> str:
        return "\n".join(str(line.render()) for line in self.query(Static))
