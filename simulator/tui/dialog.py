"""The box every dialog is drawn in: centred, 70 columns, a rounded border, its labels
full width, a line for what is wrong (``#problem``) and a row of buttons under it.

A dialog sets only what differs: its border's colour, its keys, its widgets.
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

Result = TypeVar("Result")


class Dialog(ModalScreen[Result]):
    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical { width: 70; height: auto; border: round $accent;
                        background: $surface; padding: 1 2; }
    Dialog Label { width: 100%; }
    Dialog #problem { color: $error; }
    Dialog Horizontal { height: auto; margin-top: 1; }
    """
