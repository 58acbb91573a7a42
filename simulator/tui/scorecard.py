"""The scorecard: scores, findings turn by turn with what to say instead, mood and pace."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Markdown, Sparkline, Static

from simulator.store.records import FindingRecord, SessionRecord
from simulator.tui.localise import localise_bindings
from simulator.voice.audio_files import find_recording


def _bar(score: float | None, width: int = 20) -> str:
    if score is None:
        return "·" * width
    return "█" * round(score / 100 * width) + "░" * (width - round(score / 100 * width))


def _score(score: float | None) -> str:
    """A score as shown: 0 is a score, only a missing one is a dash."""
    return "–" if score is None else f"{score:.0f}"


class ScorecardScreen(Screen[None]):
    """One session's scorecard; reviewers can comment on a turn and override a score."""

    BINDINGS = [
        Binding("escape", "back", "ui.back"),
        Binding("p", "play", "ui.play_turn"),
        Binding("c", "comment", "ui.comment"),
        Binding("o", "override", "ui.override"),
        Binding("question_mark", "help", "ui.help", key_display="?"),
    ]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        localise_bindings(self, self.app.text)
        self.session_id = session_id
        self.session: SessionRecord | None = None
        self.rows: list[FindingRecord] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="card-top"):
            yield Static(id="scores")
            with Vertical(id="charts"):
                yield Label(self.app.text("card.mood_curve"))
                yield Sparkline([], id="mood-curve")
                yield Static("–", id="mood-curve-none")
                yield Label(self.app.text("card.pace_per_turn"))
                yield Sparkline([], id="pace-chart")
                yield Static(f"– ({self.app.text('card.not_scored')})", id="pace-chart-none")
        with Horizontal(id="card-body"):
            yield DataTable(id="findings", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="finding-box"):
                yield Markdown(id="finding")
        yield Footer()

    def on_mount(self) -> None:
        t = self.app.text
        table = self.query_one("#findings", DataTable)
        table.add_columns(
            t.capital("word.turn"), t("word.dimension"), t("card.you_said"), t("card.instead")
        )
        self.reload()
        table.focus()

    def reload(self) -> None:
        session = self.app.store.get(self.session_id)
        if session is None:
            self.app.notify(f"no session {self.session_id}", severity="error")
            return
        self.session = session
        t = self.app.text
        dimensions = session.scorecard.dimensions if session.scorecard else {}
        self.app.sub_title = f"{session.agent} · {session.title or session.scenario}"
        lines = [
            f"[b]{t('card.overall')}: {_score(session.effective_overall)}/100[/b]  "
            f"({t.named('outcome', session.outcome or 'stopped')})",
            "",
        ]
        # the scores the reviewer left, as history, the exports and the reports show them
        for dimension, shown in session.effective_scores.items():
            note = ""
            override = session.overrides.get(dimension)
            if override is not None:
                note = f"  [i]{t('ui.was', score=override.original)} — {override.reason}[/i]"
            value = f"{shown:3.0f}" if shown is not None else "  –"
            lines.append(f"{t(f'dimension.{dimension}'):<18} {_bar(shown)} {value}{note}")
        self.query_one("#scores", Static).update("\n".join(lines))
        self._chart("#mood-curve", list(session.moods))
        pacing = dimensions.get("pacing")
        per_turn = (pacing.detail("per_turn") if pacing else None) or []
        self._chart("#pace-chart", [e["wpm"] for e in per_turn if e.get("wpm")])
        table = self.query_one("#findings", DataTable)
        table.clear()
        self.rows = sorted(
            session.scorecard.findings if session.scorecard else [],
            key=lambda f: (f.turn is None, f.turn or 0, f.polarity != "negative"),
        )
        for index, f in enumerate(self.rows):
            mark = "✓ " if f.polarity == "positive" else "✗ "
            turn = str(f.turn) if f.turn is not None else "—"
            table.add_row(
                turn,
                mark + t.named("dimension", f.dimension),
                f.quote[:40],
                (f.suggestion or "")[:48],
                key=str(index),
            )
        self.show_finding()

    def _chart(self, selector: str, values: list[float]) -> None:
        """A sparkline, or a dash when there is nothing to draw (typed sessions have no pace)."""
        chart = self.query_one(selector, Sparkline)
        chart.data = values or [0]
        chart.display = bool(values)
        empty = self.query_one(f"{selector}-none", Static)
        empty.display = not values

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
            f"### {t.named('dimension', finding.dimension)} — "
            f"{t.capital('word.turn')} {finding.turn or '—'}"
        ]
        if finding.quote:
            parts.append(f"**{t('card.you_said')}:** « {finding.quote} »")
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
        self.app.play_recording(find_recording(folder, audio) or folder / audio)

    def action_comment(self) -> None:
        from simulator.tui.comment_dialog import CommentDialog

        turn = self._turn()

        def save(text: str | None) -> None:
            if text:
                self.app.store.add_comment(self.session_id, turn, text, self.app.reviewer)
                self.reload()

        self.app.push_screen(CommentDialog(turn), save)

    def action_override(self) -> None:
        from simulator.tui.override_dialog import OverrideDialog

        finding = self.current()
        dimension = finding.dimension if finding else "empathy"

        def save(result: tuple[str, int, str] | None) -> None:
            if result:
                from simulator.errors import SimulatorError

                try:
                    self.app.store.override_score(self.session_id, *result, self.app.reviewer)
                except SimulatorError as exc:
                    self.app.notify_error(exc)
                self.reload()

        self.app.push_screen(OverrideDialog(dimension), save)

    def action_help(self) -> None:
        self.app.show_help(self)
