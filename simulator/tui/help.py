"""The help screen: the keys of the screen underneath."""

from __future__ import annotations

import sys

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Static

from simulator.tui.localise import localise_bindings


class HelpScreen(ModalScreen[None]):
    """Lists every key of the screen it was opened from."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "ui.close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical { width: 64; height: auto; max-height: 80%; border: round $accent;
                            background: $surface; padding: 1 2; }
    HelpScreen DataTable { height: auto; max-height: 20; }
    HelpScreen Button { margin-top: 1; }
    """

    def __init__(self, title: str, keys: list[tuple[str, str]], close: str) -> None:
        super().__init__()
        localise_bindings(self, self.app.text)
        self.heading = title
        self.keys = keys
        self.close_label = close

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"[b]{self.heading}[/b]")
            table = DataTable(show_cursor=False, zebra_stripes=True)
            table.add_columns("", "")
            for key, description in self.keys:
                table.add_row(key, description)
            yield table
            yield Button(self.close_label, id="close", variant="primary")

    def on_button_pressed(self) -> None:
        self.dismiss()


def keys_of(screen) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """The shown bindings of ``screen`` and the app, as (key, description), in the
    interface language. The Super (Command) key is a Mac's: elsewhere it is left out."""
    found: list[tuple[str, str]] = []
    for node in (screen, screen.app):
        for bindings in node._bindings.key_to_bindings.values():
            for binding in bindings:
                if not binding.description:
                    continue
                if "super+" in binding.key and sys.platform != "darwin":
                    continue
                keys = binding.key_display or binding.key.replace("question_mark", "?")
                if (keys, binding.description) not in found:
                    found.append((keys, binding.description))
    return found
