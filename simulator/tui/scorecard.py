"""The scorecard: scores, findings reply by reply with what to say instead, mood and pace;
the objectives met or missed, the transcript, the scenario's model answer, and how this
attempt compares with the previous one; try the scenario again from here."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import (
    DataTable,
    Footer,
    Header,
    Label,
    Markdown,
    Sparkline,
    Static,
    TabbedContent,
    TabPane,
)

from scoring.quoting import in_quotes
from simulator.analytics.progress import Progress, progress
from simulator.conversation.scenario import Scenario
from simulator.i18n.catalogue import capital
from simulator.reports.replies import place, reply_numbers
from simulator.store.records import FindingRecord, SessionRecord
from simulator.tui.feedback_page import feedback_page
from simulator.tui.localise import localise_bindings
from simulator.tui.model_answer_keys import ModelAnswerKeys
from simulator.tui.scorecard_pages import (
    model_answer_page,
    objectives_page,
    progress_line,
    progress_page,
    transcript_page,
)
from simulator.voice.audio_files import find_recording


def _bar(score: float | None, width: int = 20) -> str:
    if score is None:
        return "·" * width
    return "█" * round(score / 100 * width) + "░" * (width - round(score / 100 * width))


def _score(score: float | None) -> str:
    """A score as shown: 0 is a score, only a missing one is a dash."""
    return _score_or(score, "–")


def _score_or(score: float | None, missing: str) -> str:
    return missing if score is None else f"{score:.0f}"


class ScorecardScreen(ModelAnswerKeys):
    """One session's scorecard; reviewers can comment on a turn and override a score."""

    BINDINGS = [
        Binding("escape", "back", "ui.back"),
        Binding("p", "play", "ui.play_turn"),
        Binding("c", "comment", "ui.comment"),
        Binding("o", "override", "ui.override"),
        Binding("t", "try_again", "ui.try_again"),
        Binding("m", "play_model", "ui.play_model"),
        Binding("s", "stop_sound", "ui.stop_sound", show=False),
        Binding("question_mark", "help", "ui.help", key_display="?"),
        # the tabs, in the help screen
        Binding("1", "tab('tab-findings')", "ui.tab_findings", show=False),
        Binding("2", "tab('tab-objectives')", "call.objectives", show=False),
        Binding("3", "tab('tab-transcript')", "ui.tab_transcript", show=False),
        Binding("4", "tab('tab-model')", "ui.tab_model", show=False),
        Binding("5", "tab('tab-progress')", "ui.tab_progress", show=False),
        Binding("6", "tab('tab-feedback')", "ui.tab_feedback", show=False),
    ]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        localise_bindings(self, self.app.text)
        self.session_id = session_id
        self.session: SessionRecord | None = None
        self.replies: dict[int, int] = {}
        """The agent's replies numbered 1, 2, 3…, by transcript index."""
        self.rows: list[FindingRecord] = []
        self.progress: Progress | None = None

    def compose(self) -> ComposeResult:
        t = self.app.text
        yield Header()
        with Horizontal(id="card-top"):
            yield Static(id="scores")
            with Vertical(id="charts"):
                yield Label(self.app.text("card.mood_curve"))
                yield Sparkline([], id="mood-curve")
                yield Static("–", id="mood-curve-none")
                yield Label(self.app.text("card.pace_per_reply"))
                yield Sparkline([], id="pace-chart")
                yield Static("", id="pace-values")
                yield Static(f"– ({self.app.text('card.not_scored')})", id="pace-chart-none")
        with TabbedContent(id="card-tabs"):
            with TabPane(t("ui.tab_findings"), id="tab-findings"), Horizontal(id="card-body"):
                yield DataTable(id="findings", cursor_type="row", zebra_stripes=True)
                with VerticalScroll(id="finding-box"):
                    yield Markdown(id="finding")
            for tab, title in (
                ("objectives", t("call.objectives")),
                ("transcript", t("ui.tab_transcript")),
                ("model", t("ui.tab_model")),
                ("progress", t("ui.tab_progress")),
                ("feedback", t("ui.tab_feedback")),
            ):
                with TabPane(title, id=f"tab-{tab}"), VerticalScroll(classes="card-page"):
                    yield Static(id=f"{tab}-page")
        yield Footer()

    def on_mount(self) -> None:
        t = self.app.text
        table = self.query_one("#findings", DataTable)
        table.add_columns(
            t.capital("word.reply"), t("word.dimension"), t("card.you_said"), t("card.instead")
        )
        self.reload()
        table.focus()

    def reload(self) -> None:
        session = self.app.store.get(self.session_id)
        if session is None:
            from simulator.errors import SimulatorError

            self.app.notify_error(SimulatorError("error.unknown_session", id=self.session_id))
            return
        self.session = session
        self.replies = reply_numbers(session.transcript)
        t = self.app.text
        dimensions = session.scorecard.dimensions if session.scorecard else {}
        self.app.sub_title = f"{session.agent} · {session.title or session.scenario}"
        unheard = session.scorecard is not None and session.scorecard.words_unheard
        judged = f" — {t('card.outcome_not_judged')}" if unheard else ""
        lines = [
            f"[b]{t('card.overall')}: {_score(session.effective_overall)}/100[/b]  "
            f"({t.named('outcome', session.outcome or 'stopped')}{judged})",
            "",
        ]
        # the scores the reviewer left, as history, the exports and the reports show them
        for dimension, shown in session.effective_scores.items():
            value = f"{shown:3.0f}" if shown is not None else "  –"
            lines.append(f"{t(f'dimension.{dimension}'):<18} {_bar(shown)} {value}")
            override = session.overrides.get(dimension)
            if override is not None:
                # On a line of its own, under the bar: the Static wraps it in its column.
                was = t("ui.was", score=_score_or(override.original, t("card.not_scored")))
                lines.append(f"  [i]{escape(was)} — {escape(override.reason)}[/i]")
        self.progress = progress(self.app.store, session)
        if self.progress is not None:
            lines += ["", f"[b]{escape(progress_line(self.progress, t))}[/b]"]
        self.query_one("#scores", Static).update("\n".join(lines))
        self._fill_pages(session)
        self._chart("#mood-curve", list(session.moods))
        pacing = dimensions.get("pacing")
        per_turn = (pacing.detail("per_turn") if pacing else None) or []
        paced = [e for e in per_turn if e.get("wpm")]
        rates = [e["wpm"] for e in paced]
        self._chart("#pace-chart", rates)
        band = (pacing.detail("band") if pacing else None) or []
        values = self.query_one("#pace-values", Static)
        values.display = bool(rates)
        if rates:
            # each figure behind the line after its reply's number, and the band
            shown = " · ".join(f"{self._reply(e.get('turn'))}: {e['wpm']:.0f}" for e in paced)
            within = (
                f"  ({self.app.text('card.pace_band', low=band[0], high=band[1])})"
                if len(band) == 2
                else ""
            )
            values.update(f"{shown} {self.app.text('word.wpm')}{within}")
        table = self.query_one("#findings", DataTable)
        table.clear()
        self.rows = sorted(
            session.scorecard.findings if session.scorecard else [],
            key=lambda f: (f.turn is None, f.turn or 0, f.polarity != "negative"),
        )
        for index, f in enumerate(self.rows):
            mark = "✓ " if f.polarity == "positive" else "✗ "
            table.add_row(
                str(self._reply(f.turn)) if f.turn is not None else self._where(None),
                mark + t.named("dimension", f.dimension),
                f.quote[:40],
                (f.suggestion or "")[:48],
                key=str(index),
            )
        self.show_finding()

    def _fill_pages(self, session: SessionRecord) -> None:
        t = self.app.text
        listen = self.app.narrator is not None
        self.query_one("#objectives-page", Static).update(objectives_page(session, t))
        self.query_one("#transcript-page", Static).update(transcript_page(session, t))
        self.query_one("#model-page", Static).update(model_answer_page(self.scenario, t, listen))
        self.query_one("#progress-page", Static).update(progress_page(self.progress, t))
        self.query_one("#feedback-page", Static).update(feedback_page(session, t))

    @property
    def scenario(self) -> Scenario | None:
        """The session's scenario as the library has it now (None: no longer there)."""
        wanted = self.session.scenario if self.session else None
        return next((s for s in self.app.library if s.id == wanted), None)

    def action_tab(self, tab: str) -> None:
        self.query_one("#card-tabs", TabbedContent).active = tab

    @on(TabbedContent.TabActivated, "#card-tabs")
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        # the keys scroll what is shown: the findings, or the tab's page
        pane = event.pane
        shown = pane.query(DataTable) or pane.query(VerticalScroll)
        if shown:
            shown.first().focus()

    def _chart(self, selector: str, values: list[float]) -> None:
        """A sparkline, or a dash when there is nothing to draw (typed sessions have no pace)."""
        chart = self.query_one(selector, Sparkline)
        chart.data = values or [0]
        chart.display = bool(values)
        empty = self.query_one(f"{selector}-none", Static)
        empty.display = not values

    def _reply(self, turn: int | None) -> int | None:
        """A reply's number (the transcript's index when the reply is not known)."""
        return self.replies.get(turn, turn) if turn is not None else None

    def _where(self, turn: int | None) -> str:
        """The reply a finding is about ("reply 2"), or the whole call."""
        return place(turn, self.replies, self.app.text)

    def current(self) -> FindingRecord | None:
        table = self.query_one("#findings", DataTable)
        if table.row_count == 0:
            return None
        return self.rows[table.cursor_row]

    @on(DataTable.RowHighlighted, "#findings")
    def show_finding(self) -> None:
        t = self.app.text
        finding = self.current()
        box = self.query_one("#finding", Markdown)
        comments = self.session.comments if self.session else []
        if finding is None:
            box.update("")
            return
        parts = [
            f"### {t.named('dimension', finding.dimension)} — {capital(self._where(finding.turn))}"
        ]
        if finding.quote:
            parts.append(f"**{t('card.you_said')}:** {in_quotes(finding.quote, t.locale)}")
        parts.append(f"**{t('card.why_it_matters')}:** {finding.message}")
        if finding.suggestion:
            parts.append(f"**{t('card.instead')}:** {finding.suggestion}")
        pinned = [c for c in comments if c.turn == finding.turn]
        if pinned:
            parts.append(f"**{t('card.reviewer_comments')}:**")
            parts += [f"- {c.author}: {c.text}" for c in pinned]
        box.update("\n\n".join(parts))

    def action_back(self) -> None:
        self.app.pop_screen()

    def _turn(self) -> int | None:
        finding = self.current()
        return finding.turn if finding else None

    def action_play(self) -> None:
        t = self.app.text
        turn = self._turn()
        transcript = self.session.transcript if self.session else None
        turns = transcript.turns if transcript else []
        audio = turns[turn].audio if turn is not None and 0 <= turn < len(turns) else None
        if not audio:
            self.app.notify(t("ui.no_audio"), severity="warning")
            return
        if self.session is not None and self.session.audio_removed:
            self.app.notify(t("ui.audio_erased"), severity="warning")
            return
        folder = Path(self.app.audio_root) / self.session_id
        self.app.play_recording(find_recording(folder, audio) or folder / audio, self._reply(turn))

    def action_comment(self) -> None:
        from simulator.tui.comment_dialog import CommentDialog

        turn = self._turn()

        def ask(reviewer: str) -> None:
            def save(text: str | None) -> None:
                if text:
                    self.app.store.add_comment(self.session_id, turn, text, reviewer)
                    self.reload()

            self.app.push_screen(CommentDialog(self._reply(turn)), save)

        self.app.with_reviewer(ask)

    def action_override(self) -> None:
        from simulator.tui.override_dialog import OverrideDialog

        finding = self.current()
        dimension = finding.dimension if finding else "empathy"
        scores = self.session.effective_scores if self.session else {}

        def ask(reviewer: str) -> None:
            def save(result: tuple[str, int, str] | None) -> None:
                if result:
                    from simulator.errors import SimulatorError

                    try:
                        self.app.store.override_score(self.session_id, *result, reviewer)
                    except SimulatorError as exc:
                        self.app.notify_error(exc)
                    self.reload()

            self.app.push_screen(OverrideDialog(dimension, scores), save)

        self.app.with_reviewer(ask)

    def action_try_again(self) -> None:
        """The same scenario again, typed or by voice as last time; this scorecard makes
        way for the new call, whose own scorecard compares the two."""
        scenario = self.scenario
        if scenario is None:
            wanted = self.session.scenario if self.session else self.session_id
            self.app.notify(self.app.text("ui.scenario_gone", id=wanted), severity="warning")
            return
        if not self.app.agent_name and self.session is not None:
            self.app.agent_name = self.session.agent
        voice = self.app.store.preference("voice") == "on"
        self.app.pop_screen()
        self.app.start_practice(scenario, voice)

    def on_unmount(self) -> None:
        # what this scorecard set playing is not left running behind the next screen
        self.app.stop_sound()

    def action_help(self) -> None:
        self.app.show_help(self)
