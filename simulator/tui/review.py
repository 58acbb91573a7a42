"""Review for team leads: every session, trends per agent, and the phrases to avoid."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    DataTable,
    Footer,
    Header,
    Input,
    Label,
    Static,
    TabbedContent,
    TabPane,
)

from scoring.findings import DIMENSIONS
from simulator.analytics.team import TeamFigures, team_figures
from simulator.store.records import SessionSummary
from simulator.tui.localise import localise_bindings

COLUMNS = ["agent", "scenario", "date", "overall", *DIMENSIONS]
# The catalogue key of each column's heading.
HEADINGS = {
    "agent": "word.agent",
    "scenario": "word.scenario",
    "date": "word.date",
    "overall": "card.overall",
    **{d: f"dimension.{d}" for d in DIMENSIONS},
}
MAX_ROWS = 500
"""Rows shown at once: the table stays quick with years of sessions; the filter narrows."""
TICKS = "▁▂▃▄▅▆▇█"


def trend_line(label: str, series: list[float], width: int = 40) -> str:
    """Scores oldest to newest on a fixed 0–100 scale, so a flat line means flat scores."""
    if not series:
        return f"{label:<18} –"
    shown = series[-width:]
    ticks = "".join(TICKS[min(7, int(v / 100 * 8))] for v in shown)
    change = f"{shown[0]:.0f} → {shown[-1]:.0f}" if len(shown) > 1 else f"{shown[0]:.0f}"
    mean = sum(series) / len(series)
    return f"{label:<18} [cyan]{ticks}[/]  {change}  (⌀ {mean:.1f})"


class ReviewScreen(Screen[None]):
    """All stored sessions; find who needs coaching on what."""

    BINDINGS = [
        Binding("escape", "back", "ui.back"),
        Binding("enter", "open", "ui.open", show=False),
        Binding("s", "sort", "ui.sort"),
        Binding("slash", "filter", "ui.filter", key_display="/"),
        Binding("1", "tab('tab-sessions')", "word.sessions"),
        Binding("2", "tab('tab-trends')", "ui.trends"),
        Binding("3", "tab('tab-phrases')", "ui.phrases"),
        Binding("question_mark", "help", "ui.help", key_display="?"),
    ]

    def __init__(self) -> None:
        super().__init__()
        localise_bindings(self, self.app.text)
        self.sessions: list[SessionSummary] = []
        self.figures = TeamFigures()
        self.sort_column = "date"
        self.sort_reverse = True

    def compose(self) -> ComposeResult:
        t = self.app.text
        yield Header()
        with TabbedContent(id="tabs"):
            with TabPane(t.capital("word.sessions"), id="tab-sessions"):
                yield Input(placeholder=t("ui.filter"), id="filter")
                yield Label(id="shown")
                yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            with TabPane(t("ui.trends"), id="tab-trends"):
                yield VerticalScroll(id="trends")
            with TabPane(t("ui.phrases"), id="tab-phrases"):
                yield DataTable(id="phrases", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        t = self.app.text
        table = self.query_one("#sessions", DataTable)
        for column in COLUMNS:
            table.add_column(t.capital(HEADINGS[column]), key=column)
        self.query_one("#phrases", DataTable).add_columns(
            t("word.phrase"), t("team.times"), t("team.used_by")
        )
        self.call_after_refresh(table.focus)

    def on_screen_resume(self) -> None:
        """Shown for the first time, or back from a scorecard: read the sessions again."""
        self.load()

    def load(self) -> None:
        self.sessions = [s for s in self.app.store.history() if s.status == "scored"]
        # the same figures as the team report: trends, who to coach, phrases to avoid
        self.figures = team_figures(self.sessions)
        self.fill_sessions()
        self.fill_trends()
        self.fill_phrases()

    def _matches(self, session: SessionSummary) -> bool:
        wanted = self.query_one("#filter", Input).value.strip().lower()
        return (
            not wanted
            or wanted in session.agent.lower()
            or wanted in (session.scenario or "").lower()
        )

    def _row(self, session: SessionSummary) -> dict[str, Any]:
        return {
            "agent": session.agent,
            "scenario": session.scenario,
            "date": session.started_at[:16].replace("T", " "),
            "overall": session.effective_overall,
            **session.effective_scores,
        }

    def fill_sessions(self) -> None:
        table = self.query_one("#sessions", DataTable)
        table.clear()
        rows = [(s.id, self._row(s)) for s in self.sessions if self._matches(s)]
        rows.sort(
            key=lambda r: (
                (r[1][self.sort_column] is None, r[1][self.sort_column] or 0)
                if self.sort_column not in {"agent", "scenario", "date"}
                else (False, r[1][self.sort_column])
            ),
            reverse=self.sort_reverse,
        )
        for session_id, row in rows[:MAX_ROWS]:
            table.add_row(*("–" if row[c] is None else row[c] for c in COLUMNS), key=session_id)
        shown = self.query_one("#shown", Label)
        shown.display = len(rows) > MAX_ROWS
        shown.update(self.app.text("ui.rows_shown", shown=MAX_ROWS, total=len(rows)))

    def fill_trends(self) -> None:
        t = self.app.text
        box = self.query_one("#trends", VerticalScroll)
        box.remove_children()
        found = self.figures.agents
        if not found:
            box.mount(Static(t("ui.no_sessions")))
        # one widget per agent (not per line): a team of forty stays quick to draw
        box.mount_all(
            Static(
                "\n".join(
                    [
                        f"[b]{agent.name}[/b] — {agent.sessions} {t('word.sessions')} · "
                        f"{t('team.weakest')}: {t.named('dimension', agent.weakest or '–')}",
                        *(
                            trend_line(t(f"dimension.{d}"), agent.dimension_series[d])
                            for d in DIMENSIONS
                        ),
                    ]
                ),
                classes="agent-trend",
            )
            for agent in found
        )

    def fill_phrases(self) -> None:
        table = self.query_one("#phrases", DataTable)
        table.clear()
        for use in self.figures.phrase_uses:
            quote = use.quotes[0][0] if use.quotes else ""
            who = ", ".join(f"{agent} ({n})" for agent, n in use.agents)
            table.add_row(f"« {quote} »  [{use.rule}]", use.count, who, key=use.rule)

    @on(Input.Changed, "#filter")
    def _filtered(self) -> None:
        self.fill_sessions()

    @on(DataTable.HeaderSelected, "#sessions")
    def _header(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        self.sort_reverse = not self.sort_reverse if column == self.sort_column else False
        self.sort_column = column
        self.fill_sessions()

    def action_sort(self) -> None:
        index = (COLUMNS.index(self.sort_column) + 1) % len(COLUMNS)
        self.sort_column = COLUMNS[index]
        self.fill_sessions()

    def action_tab(self, tab: str) -> None:
        self.query_one("#tabs", TabbedContent).active = tab
        if tab == "tab-sessions":
            self.query_one("#sessions", DataTable).focus()
        elif tab == "tab-phrases":
            self.query_one("#phrases", DataTable).focus()
        else:
            self.query_one("#trends", VerticalScroll).focus()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    @on(DataTable.RowSelected, "#sessions")
    def action_open(self) -> None:
        table = self.query_one("#sessions", DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            self.app.open_scorecard(str(key))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_help(self) -> None:
        self.app.show_help(self)
