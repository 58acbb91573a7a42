"""Home: who am I, the scenario library with filters, a preview, and start; and which
scenario files are broken and left out of the library, with why."""

from __future__ import annotations

from rich.cells import cell_len
from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    DataTable,
    Footer,
    Header,
    Input,
    Label,
    Select,
    Static,
    Switch,
)

from simulator.conversation.scenario import CHANNELS, DIFFICULTIES, PERSONA_TYPES, Scenario
from simulator.errors import Problem
from simulator.i18n.catalogue import LOCALES, Text
from simulator.tui.localise import localise_bindings

SCROLLBAR = 2  # the list's vertical scrollbar, there once the list is longer than the screen
MIN_TITLE = 20  # a title column narrower than this would wrap most titles on three lines


class ScenarioTable(DataTable[str]):
    """The scenario list: its columns are fitted to its width whenever that changes."""

    fitted_to = 0

    def on_resize(self) -> None:
        if self.size.width != self.fitted_to and isinstance(self.screen, HomeScreen):
            self.fitted_to = self.size.width
            self.screen.refill()


class HomeScreen(Screen[None]):
    """Pick a scenario and start practising."""

    BINDINGS = [
        Binding("enter", "start", "ui.start", show=True, priority=False),
        Binding("v", "toggle_voice", "ui.voice_mode"),
        Binding("r", "review", "ui.team_review"),
        Binding("m", "my_progress", "ui.my_progress"),
        Binding("question_mark", "help", "ui.help", key_display="?"),
        Binding("ctrl+q", "app.quit", "ui.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        localise_bindings(self, self.app.text)
        self.scenarios: list[Scenario] = self.app.library

    def compose(self) -> ComposeResult:
        t = self.app.text
        yield Header()
        with Horizontal(id="who"):
            yield Label(t("ui.agent_name"), classes="field-label")
            yield Input(
                value=self.app.agent_name, placeholder=t("ui.agent_placeholder"), id="agent"
            )
            yield Label(t("ui.voice_mode"), classes="field-label")
            yield Switch(value=self.app.voice_preferred, id="voice")
        with Horizontal(id="filters"):
            yield Select(
                [(t(f"language.{loc}"), loc) for loc in LOCALES],
                prompt=t("ui.language"),
                id="f-locale",
            )
            yield Select(
                [(t(f"persona.{p}"), p) for p in PERSONA_TYPES],
                prompt=t("ui.customer_type"),
                id="f-persona",
            )
            yield Select(
                [(t(f"channel.{c}"), c) for c in CHANNELS], prompt=t("ui.channel"), id="f-channel"
            )
            yield Select(
                [(t(f"difficulty.{d}"), d) for d in DIFFICULTIES],
                prompt=t("ui.difficulty"),
                id="f-difficulty",
            )
        skipped = skipped_notice(self.app.skipped, t)
        yield Static(escape(skipped), id="skipped", classes="" if skipped else "hidden")
        with Horizontal(id="library"):
            yield ScenarioTable(id="scenarios", cursor_type="row", zebra_stripes=True)
            with Vertical(id="side"):
                with VerticalScroll(id="preview-box"):
                    yield Static(id="preview")
                with Horizontal(id="actions"):
                    yield Button(t("ui.start"), id="start", variant="success")
                    yield Button(t("ui.team_review"), id="review")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#scenarios", DataTable)
        self.refill()
        # a first-time trainee types their name before anything else, and letters typed
        # there are the name, never a key
        if self.app.agent_name:
            table.focus()
        else:
            self.query_one("#agent", Input).focus()

    def on_screen_resume(self) -> None:
        """Shown first, or back from a call, a scorecard or review: the app's own title,
        not the last scenario's."""
        self.app.title = self.app.text("ui.app_title")
        self.app.sub_title = ""

    def _filters(self) -> dict[str, str]:
        chosen = {}
        for name in ("locale", "persona", "channel", "difficulty"):
            value = self.query_one(f"#f-{name}", Select).value
            if value is not Select.NULL and value is not Select.BLANK:
                chosen[name] = str(value)
        return chosen

    def visible(self) -> list[Scenario]:
        wanted = self._filters()
        return [
            s
            for s in self.scenarios
            if all(getattr(s, key) == value for key, value in wanted.items())
        ]

    def refill(self) -> None:
        """Fill the list with the scenarios the filters keep, its columns fitted to the
        list's width (long cells wrap onto more lines rather than being cut)."""
        t = self.app.text
        table = self.query_one("#scenarios", DataTable)
        highlighted = self.selected()
        rows = [
            [
                s.title,
                s.locale,
                t(f"persona.{s.persona}"),
                t(f"channel.{s.channel}"),
                t(f"difficulty.{s.difficulty}"),
            ]
            for s in self.visible()
        ]
        headings = [t(f"ui.{c}") for c in ("title", "language", "customer_type", "channel")]
        headings.append(t("ui.difficulty"))
        room = table.size.width - SCROLLBAR
        widths = fit_widths(headings, rows, room) if room > 0 else [None] * len(headings)
        table.clear(columns=True)
        for heading, width in zip(headings, widths, strict=True):
            table.add_column(heading, width=width)
        for scenario, row in zip(self.visible(), rows, strict=True):
            table.add_row(*row, key=scenario.id, height=None)
        if highlighted is not None and highlighted.id in table.rows:
            table.move_cursor(row=table.get_row_index(highlighted.id))
        self.show_preview()

    @on(Select.Changed)
    def _filter_changed(self) -> None:
        self.refill()

    @on(DataTable.RowHighlighted, "#scenarios")
    def _highlighted(self) -> None:
        self.show_preview()

    def selected(self) -> Scenario | None:
        table = self.query_one("#scenarios", DataTable)
        if table.row_count == 0 or not table.columns:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((s for s in self.scenarios if s.id == key), None)

    def show_preview(self) -> None:
        t = self.app.text
        scenario = self.selected()
        preview = self.query_one("#preview", Static)
        if scenario is None:
            preview.update(t("ui.no_match"))
            return
        from simulator.conversation.templating import render

        values = {
            **scenario.variables,
            "customer_name": scenario.customer_name,
            "agent_name": self.app.agent_name or "…",
        }
        objectives = "\n".join(f"• {escape(render(o, values))}" for o in scenario.objective_texts())
        preview.update(
            f"[b]{escape(scenario.title)}[/b]\n\n"
            f"[b]{escape(scenario.customer_name)}[/b] · {t(f'persona.{scenario.persona}')} · "
            f"{t(f'channel.{scenario.channel}')} · {t(f'difficulty.{scenario.difficulty}')}\n\n"
            f"{escape(render(scenario.brief, values).strip())}\n\n"
            f"[b]{t('call.objectives')}[/b]\n{objectives}"
        )

    @on(Input.Changed, "#agent")
    def _name_changed(self, event: Input.Changed) -> None:
        self.app.agent_name = event.value.strip()

    @on(DataTable.RowSelected, "#scenarios")
    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        t = self.app.text
        if not self.app.agent_name:
            self.app.notify(t("ui.need_name"), severity="warning")
            self.query_one("#agent", Input).focus()
            return
        scenario = self.selected()
        if scenario is None:
            self.app.notify(t("ui.pick_scenario"), severity="warning")
            return
        voice = self.query_one("#voice", Switch).value
        self.app.start_practice(scenario, voice)

    def action_toggle_voice(self) -> None:
        switch = self.query_one("#voice", Switch)
        switch.value = not switch.value

    @on(Button.Pressed, "#review")
    def action_review(self) -> None:
        self.app.open_review()

    def action_my_progress(self) -> None:
        if not self.app.agent_name:
            self.app.notify(self.app.text("ui.progress_need_name"), severity="warning")
            self.query_one("#agent", Input).focus()
            return
        self.app.open_progress(self.app.agent_name)

    def action_help(self) -> None:
        self.app.show_help(self)


def skipped_notice(problems: list[Problem], t: Text) -> str:
    """The scenario files left out of the library: each with its first problem (where and
    what), and how to check them once fixed; empty when none was left out."""
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    if not by_file:
        return ""
    lines = [t.plural(len(by_file), "ui.skipped.one", "ui.skipped.many")]
    for found in by_file.values():
        line = f"  {found[0].render(t.locale)}"
        if len(found) > 1:
            line += " " + t("ui.skipped.more", count=len(found) - 1)
        lines.append(line)
    lines.append(t("ui.skipped.fix"))
    return "\n".join(lines)


def fit_widths(headings: list[str], rows: list[list[str]], room: int) -> list[int]:
    """Column widths that fit ``room`` cells: each column as wide as its widest cell,
    then, while that is too wide, the customer type and the channel narrowed to their
    longest word (or heading, which stays on one line), then the title (to ``MIN_TITLE``).
    Language and difficulty are never cut."""
    natural = [
        max(cell_len(cell) for cell in (heading, *(row[i] for row in rows)))
        for i, heading in enumerate(headings)
    ]
    widths = list(natural)
    excess = sum(widths) + 2 * len(widths) - room  # each cell has one space either side
    for column in (2, 3, 0):
        if excess <= 0:
            break
        words = [cell_len(w) for row in rows for w in row[column].split()]
        floor = MIN_TITLE if column == 0 else max([cell_len(headings[column]), *words])
        cut = min(excess, max(0, widths[column] - floor))
        widths[column] -= cut
        excess -= cut
    return widths
