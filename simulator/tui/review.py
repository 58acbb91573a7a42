"""Review for team leads: every session, trends per agent, and the phrases to avoid.

The figures are the team report's (:func:`simulator.analytics.team.team_figures`): the
same averages with the number of sessions each rests on, the same advice only once there
are enough sessions, the same outcome rates and the same phrases.
"""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.text import Text as RichText
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
from scoring.quoting import in_quotes
from simulator.analytics.team import (
    MIN_SESSIONS,
    AgentFigures,
    OutcomeRate,
    TeamFigures,
    team_figures,
)
from simulator.i18n.catalogue import capital
from simulator.reports.formats import format_percent
from simulator.store.names import fold
from simulator.store.records import SessionSummary
from simulator.tui.localise import localise_bindings

COLUMNS = ["agent", "scenario", "date", "overall", *DIMENSIONS, "outcome"]
TEXT_COLUMNS = {"agent", "scenario", "date", "outcome"}
# The catalogue key of each column's heading.
HEADINGS = {
    "agent": "word.agent",
    "scenario": "word.scenario",
    "date": "word.date",
    "overall": "card.overall",
    **{d: f"dimension.{d}" for d in DIMENSIONS},
    "outcome": "card.outcome",
}
MAX_ROWS = 500
"""Rows shown at once: the table stays quick with years of sessions; the filter narrows."""
TICKS = "▁▂▃▄▅▆▇█"


def trend_line(label: str, series: list[float], rests_on: str = "", width: int = 40) -> str:
    """Scores oldest to newest on a fixed 0–100 scale, so a flat line means flat scores;
    ``rests_on`` says how many sessions scored it ("2 of 5")."""
    if not series:
        return f"{label:<18} –"
    shown = series[-width:]
    ticks = "".join(TICKS[min(7, int(v / 100 * 8))] for v in shown)
    change = f"{shown[0]:.0f} → {shown[-1]:.0f}" if len(shown) > 1 else f"{shown[0]:.0f}"
    mean = sum(series) / len(series)
    sessions = f", {rests_on}" if rests_on else ""
    return f"{label:<18} [cyan]{ticks}[/]  {change}  (⌀ {mean:.1f}{sessions})"


def _mean(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _plain(value: Any) -> Any:
    """Text shown as written: a table reads "[…]" in a string as markup, so a name or a
    phrase with a bracket goes in as text already made."""
    return RichText(value) if isinstance(value, str) and "[" in value else value


class ReviewScreen(Screen[None]):
    """All stored sessions; find who needs coaching on what."""

    BINDINGS = [
        Binding("escape", "back", "ui.back"),
        Binding("enter", "open", "ui.open", show=False),
        Binding("s", "sort", "ui.sort"),
        Binding("slash", "filter", "ui.filter", key_display="/"),
        Binding("d", "delete", "ui.delete_session", show=False),  # in the help screen
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
            t("word.phrase"), t("team.rule"), t("team.times"), t("team.used_by")
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
        """Whether the filter's words are in the agent's name or the scenario's id or
        title, whatever their case or accents ("chloe" finds Chloé)."""
        wanted = fold(self.query_one("#filter", Input).value)
        return not wanted or any(
            wanted in fold(value or "")
            for value in (session.agent, session.scenario, session.title)
        )

    def _row(self, session: SessionSummary) -> dict[str, Any]:
        return {
            "agent": session.agent,
            "scenario": session.scenario,
            "date": session.started_at[:16].replace("T", " "),
            "overall": session.effective_overall,
            **session.effective_scores,
            "outcome": self.app.text.named("outcome", session.outcome or "stopped"),
        }

    def fill_sessions(self) -> None:
        table = self.query_one("#sessions", DataTable)
        table.clear()
        rows = [(s.id, self._row(s)) for s in self.sessions if self._matches(s)]
        rows.sort(
            key=lambda r: (
                (r[1][self.sort_column] is None, r[1][self.sort_column] or 0)
                if self.sort_column not in TEXT_COLUMNS
                else (False, r[1][self.sort_column])
            ),
            reverse=self.sort_reverse,
        )
        for session_id, row in rows[:MAX_ROWS]:
            table.add_row(
                *("–" if row[c] is None else _plain(row[c]) for c in COLUMNS), key=session_id
            )
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
            return
        team = [
            f"[b]{t('team.team')}[/b] — {t.count(self.figures.sessions, 'word.session', 'word.sessions')}",
            self._outcome_line(self.figures.outcome_rates()),
            "  ·  ".join(
                f"{t(f'dimension.{d}')} {_mean(self.figures.dimensions[d])} "
                f"({t('team.n_of', n=self.figures.scored[d], total=self.figures.sessions)})"
                for d in DIMENSIONS
            ),
        ]
        # one widget per agent (not per line): a team of forty stays quick to draw
        box.mount_all(
            [
                Static("\n".join(team), classes="team-trend"),
                *(Static(self._agent_block(a), classes="agent-trend") for a in found),
            ]
        )

    def _outcome_line(self, rates: list[OutcomeRate]) -> str:
        t = self.app.text
        return "  ·  ".join(
            f"{capital(t.named('outcome', r.outcome))} {format_percent(r.percent, t.locale)}"
            for r in rates
        )

    def _agent_block(self, agent: AgentFigures) -> str:
        t = self.app.text
        if agent.weakest:
            coach = t(f"dimension.{agent.weakest}")
        elif agent.too_few_for_advice:
            coach = t("team.too_few", count=MIN_SESSIONS)
        else:
            coach = "–"
        return "\n".join(
            [
                f"[b]{escape(agent.name)}[/b] — "
                f"{t.count(agent.sessions, 'word.session', 'word.sessions')} · "
                f"{t('team.weakest')}: {coach}",
                self._outcome_line(agent.outcome_rates()),
                *(
                    trend_line(
                        t(f"dimension.{d}"),
                        agent.dimension_series[d],
                        t("team.n_of", n=agent.scored[d], total=agent.sessions),
                    )
                    for d in DIMENSIONS
                ),
            ]
        )

    def fill_phrases(self) -> None:
        """The phrases the team report lists, with the rule each breaks; and how many
        more there are."""
        t = self.app.text
        table = self.query_one("#phrases", DataTable)
        table.clear()
        for use in self.figures.phrases:
            quote = use.quotes[0][0] if use.quotes else ""
            who = ", ".join(f"{agent} ({n})" for agent, n in use.agents)
            table.add_row(
                _plain(in_quotes(quote, t.locale)),
                _plain(use.rule),
                use.count,
                _plain(who),
                key=use.rule,
            )
        more = self.figures.more_phrases
        if more:
            said = t.plural(more, "team.more_phrases.one", "team.more_phrases.many")
            table.add_row(_plain(f"… {said}"), "", "", "", key="more")

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

    def action_delete(self) -> None:
        """Delete the highlighted session, once the lead has said yes."""
        from simulator.tui.confirm_dialog import ConfirmDialog

        table = self.query_one("#sessions", DataTable)
        if not table.row_count or self.query_one("#tabs", TabbedContent).active != "tab-sessions":
            return
        session_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        session = next((s for s in self.sessions if s.id == session_id), None)
        if session is None:
            return
        t = self.app.text
        question = t(
            "ui.delete_confirm",
            agent=session.agent,
            title=session.title or session.scenario or "?",
            date=session.started_at[:16].replace("T", " "),
        )

        def chosen(yes: bool | None) -> None:
            if yes:
                from simulator.reports.recorded_exports import delete_sessions

                exports = delete_sessions(self.app.store, [session_id])
                self.app.notify(t("ui.deleted"))
                changed = len(exports.rewritten) + len(exports.erased)
                if changed:
                    self.app.notify(
                        t.plural(changed, "ui.exports_pruned.one", "ui.exports_pruned.many")
                    )
                for path, why in exports.failed:
                    them = t("cli.them.one")
                    said = t("cli.export_unchanged", path=path, them=them, why=why)
                    self.app.notify(said, severity="warning", markup=False)
                self.load()

        self.app.push_screen(ConfirmDialog(question, t("ui.delete")), chosen)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_help(self) -> None:
        self.app.show_help(self)
