"""My progress: a trainee's own scores over every scenario they practised.

The figures are :func:`simulator.analytics.my_progress.my_progress`'s, laid out by
:mod:`simulator.reports.progress_table` as ``roleplay progress`` prints them: each
dimension with a sparkline, the objectives met session by session, and the scenarios
with the lowest average first.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.markup import escape
from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from simulator.analytics.my_progress import MyProgress, my_progress
from simulator.reports.progress_table import (
    Table,
    dimension_table,
    heading,
    scenario_table,
    session_table,
)
from simulator.tui.localise import localise_bindings

SECTIONS = ("dimensions", "sessions", "scenarios")
MIN_TEXT = 16  # a scenario's title narrower than this would wrap on too many lines
MARGINS = 4  # the screen's padding and the scrollbar
TITLES = {
    "dimensions": "progress.by_dimension",
    "sessions": "progress.by_session",
    "scenarios": "progress.hardest",
}


def fit_widths(shown: Table, room: int) -> list[int]:
    """Each column as wide as its widest cell; while that is wider than ``room`` cells,
    the widest text column (a scenario's title) is narrowed, to ``MIN_TEXT`` at least,
    and its cells wrap."""
    headings = [h.removesuffix(">") for h in shown.headings]
    widths = [
        max(cell_len(cell) for cell in (heading, *(row[i] for row in shown.rows)))
        for i, heading in enumerate(headings)
    ]
    excess = sum(widths) + 2 * len(widths) - room  # each cell has one space either side
    texts = [i for i, h in enumerate(shown.headings) if not h.endswith(">")]
    if excess > 0 and texts:
        widest = max(texts, key=lambda i: widths[i])
        widths[widest] -= min(excess, max(0, widths[widest] - MIN_TEXT))
    return widths


def _fill(table: DataTable[RichText], shown: Table, room: int) -> None:
    """The table's columns and rows; numbers set to the right, every cell as plain text
    (a scenario's title may hold a bracket, which a table would read as markup)."""
    table.clear(columns=True)
    right = [h.endswith(">") for h in shown.headings]
    widths = fit_widths(shown, room)
    for title, numeric, width in zip(shown.headings, right, widths, strict=True):
        justify = "right" if numeric else "left"
        table.add_column(RichText(title.removesuffix(">"), justify=justify), width=width)
    for row in shown.rows:
        table.add_row(
            *(
                RichText(cell, justify="right" if numeric else "left")
                for cell, numeric in zip(row, right, strict=True)
            ),
            height=None,
        )


class ProgressScreen(Screen[None]):
    """One trainee's progress, found by the name typed on Home."""

    BINDINGS = [
        Binding("escape", "back", "ui.back"),
        Binding("question_mark", "help", "ui.help", key_display="?"),
    ]

    def __init__(self, agent: str) -> None:
        super().__init__()
        localise_bindings(self, self.app.text)
        self.agent = agent
        self.progress: MyProgress | None = None

    def compose(self) -> ComposeResult:
        t = self.app.text
        yield Header()
        with VerticalScroll(id="progress-body"):
            yield Static(id="progress-heading")
            for section in SECTIONS:
                yield Label(f"[b]{t(TITLES[section])}[/b]", classes="progress-section")
                yield DataTable(id=f"progress-{section}", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.app.sub_title = self.app.text("ui.my_progress")
        self.load()
        self.query_one("#progress-dimensions", DataTable).focus()

    def load(self) -> None:
        t = self.app.text
        self.progress = found = my_progress(self.app.store, self.agent)
        said = self.query_one("#progress-heading", Static)
        if not found.sessions:
            said.update(escape(t("progress.none_scored", agent=found.agent)))
            for widget in self.query(".progress-section, DataTable"):
                widget.display = False
            return
        said.update(f"[b]{escape(heading(found, t))}[/b]")
        for section, shown in (
            ("dimensions", dimension_table(found, t)),
            ("sessions", session_table(found, t)),
            ("scenarios", scenario_table(found, t)),
        ):
            room = self.app.size.width - MARGINS
            _fill(self.query_one(f"#progress-{section}", DataTable), shown, room)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_help(self) -> None:
        self.app.show_help(self)
