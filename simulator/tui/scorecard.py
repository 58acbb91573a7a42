"""The scorecard: scores, findings turn by turn with what to say instead, mood and pace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Markdown, Sparkline, Static

from scoring.findings import DIMENSIONS
from simulator.store.records import effective_overall
from simulator.tui.localise import localise_bindings
from simulator.voice.audio_files import find_recording


def _bar(score: int | None, width: int = 20) -> str:
    if score is None:
        return "·" * width
    return "█" * round(score / 100 * width) + "░" * (width - round(score / 100 * width))


class ScorecardScreen(Screen[None]):
    """One session's scorecard; reviewers can comment on a turn and override a score."""

    BINDINGS = [
        Binding("escape", "back", "back"),
        Binding("p", "play", "play_turn"),
        Binding("c", "comment", "comment"),
        Binding("o", "override", "override"),
        Binding("question_mark", "help", "help", key_display="?"),
    ]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        localise_bindings(self, self.app.text)
        self.session_id = session_id
        self.session: dict[str, Any] = {}
        self.rows: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="card-top"):
            yield Static(id="scores")
            with Vertical(id="charts"):
                yield Label(self.app.text("mood_curve"))
                yield Sparkline([], id="mood-curve")
                yield Static("–", id="mood-curve-none")
                yield Label(self.app.text("pace_chart"))
                yield Sparkline([], id="pace-chart")
                yield Static(f"– ({self.app.text('not_scored')})", id="pace-chart-none")
        with Horizontal(id="card-body"):
            yield DataTable(id="findings", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="finding-box"):
                yield Markdown(id="finding")
        yield Footer()

    def on_mount(self) -> None:
        t = self.app.text
        table = self.query_one("#findings", DataTable)
        table.add_columns(t("turn"), t("dimension"), t("quote"), t("instead"))
        self.reload()
        table.focus()

    def reload(self) -> None:
        session = self.app.store.get(self.session_id)
        if session is None:
            self.app.notify(f"no session {self.session_id}", severity="error")
            return
        self.session = session
        t = self.app.text
        card = session.get("scorecard") or {"dimensions": {}, "findings": []}
        overrides = session.get("overrides") or {}
        self.app.sub_title = f"{session['agent']} · {session.get('title') or session['scenario']}"
        lines = [
            f"[b]{t('overall')}: {effective_overall(session) or '–'}/100[/b]  "
            f"({t(session.get('outcome') or 'stopped')})",
            "",
        ]
        for dimension in DIMENSIONS:
            score = (card["dimensions"].get(dimension) or {}).get("score")
            shown = score
            note = ""
            if dimension in overrides:
                override = overrides[dimension]
                shown = override["score"]
                note = f"  [i]{t('was', score=override['original'])} — {override['reason']}[/i]"
            value = f"{shown:3d}" if shown is not None else "  –"
            lines.append(f"{t(dimension):<18} {_bar(shown)} {value}{note}")
        self.query_one("#scores", Static).update("\n".join(lines))
        self._chart("#mood-curve", list(session.get("moods") or []))
        per_turn = (card["dimensions"].get("pacing") or {}).get("per_turn") or []
        self._chart("#pace-chart", [e["wpm"] for e in per_turn if e.get("wpm")])
        table = self.query_one("#findings", DataTable)
        table.clear()
        self.rows = sorted(
            card.get("findings", []),
            key=lambda f: (f["turn"] is None, f["turn"] or 0, f["polarity"] != "negative"),
        )
        for index, f in enumerate(self.rows):
            mark = "✓ " if f["polarity"] == "positive" else "✗ "
            turn = str(f["turn"]) if f["turn"] is not None else "—"
            table.add_row(
                turn,
                mark + t(f["dimension"]),
                (f.get("quote") or "")[:40],
                (f.get("suggestion") or "")[:48],
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

    def current(self) -> dict[str, Any] | None:
        table = self.query_one("#findings", DataTable)
        if table.row_count == 0:
            return None
        return self.rows[table.cursor_row]

    @on(DataTable.RowHighlighted, "#findings")
    def show_finding(self) -> None:
        t = self.app.text
        finding = self.current()
        box = self.query_one("#finding", Markdown)
        comments = self.session.get("comments") or []
        if finding is None:
            box.update("")
            return
        parts = [f"### {t(finding['dimension'])} — {t('turn')} {finding['turn'] or '—'}"]
        if finding.get("quote"):
            parts.append(f"**{t('quote')}:** « {finding['quote']} »")
        parts.append(f"**{t('why')}:** {finding['message']}")
        if finding.get("suggestion"):
            parts.append(f"**{t('instead')}:** {finding['suggestion']}")
        pinned = [c for c in comments if c["turn"] == finding["turn"]]
        if pinned:
            parts.append(f"**{t('comments')}:**")
            parts += [f"- {c['author']}: {c['text']}" for c in pinned]
        box.update("\n\n".join(parts))

    def action_back(self) -> None:
        self.app.pop_screen()

    def _turn(self) -> int | None:
        finding = self.current()
        return finding["turn"] if finding else None

    def action_play(self) -> None:
        t = self.app.text
        turn = self._turn()
        turns = (self.session.get("transcript") or {}).get("turns") or []
        audio = turns[turn].get("audio") if turn is not None and turn < len(turns) else None
        if not audio:
            self.app.notify(t("no_audio"), severity="warning")
            return
        if self.session.get("audio_removed"):
            self.app.notify(t("audio_erased"), severity="warning")
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
        dimension = finding["dimension"] if finding else "empathy"

        def save(result: tuple[str, int, str] | None) -> None:
            if result:
                from simulator.errors import SimulatorError

                try:
                    self.app.store.override_score(self.session_id, *result, self.app.reviewer)
                except SimulatorError as exc:
                    self.app.notify(exc.message, severity="error")
                self.reload()

        self.app.push_screen(OverrideDialog(dimension), save)

    def action_help(self) -> None:
        self.app.show_help(self)
