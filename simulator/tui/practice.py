"""Practice: the conversation as it happens, the customer's mood, your pace and the mic,
the brief and the objectives beside it; once the call ends, how it ended, until you move on."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from scoring.pacing import DEFAULT_BANDS, PacingBands, turn_wpm
from simulator.conversation.engine import AgentReply, Conversation, CustomerTurn, Step
from simulator.tui.brief_panel import BriefPanel, next_objective, shown
from simulator.tui.conversation_log import ConversationLog
from simulator.tui.localise import localise_bindings
from simulator.tui.meters import LevelMeter, MoodMeter, PaceGauge
from simulator.tui.session_bridge import SessionBridge

if TYPE_CHECKING:  # the voice stack loads only when a spoken call starts
    from simulator.voice.rig import VoiceRig

SMALL_HEIGHT = 30
"""Below this many rows the gauges sit closer and the brief starts folded (F6 opens it)."""


class PracticeScreen(Screen[None]):
    """One practice session, typed or spoken."""

    BINDINGS = [
        # Function keys and priority: the reply box takes letters and ctrl+letters.
        Binding("ctrl+e", "end", "ui.end_session", priority=True),
        Binding("f2", "pause", "ui.pause"),
        Binding("f3", "replay", "ui.replay"),
        Binding("f4", "talk_mode", "ui.talk_mode"),
        Binding("f5", "hint", "ui.hint"),
        Binding("f6", "toggle_brief", "ui.toggle_brief"),
        Binding("space", "talk", "ui.talk", show=False),
        # once the call has ended (the reply box is closed then)
        Binding("enter,escape", "scorecard", "ui.see_scorecard"),
        Binding("f1", "help", "ui.help"),
        Binding("ctrl+c", "quit_keeping", "ui.end_save_quit", show=False, priority=True),
    ]

    def __init__(self, conversation: Conversation, rig: VoiceRig | None = None) -> None:
        super().__init__()
        localise_bindings(self, self.app.text)
        self.conversation = conversation
        self.rig = rig
        self.paused = False
        self.last_customer: CustomerTurn | None = None
        self.turns_done = 0
        self.bridge = SessionBridge(conversation, self.app.store, self._post_from_worker, rig)
        # audio_retention: none records nothing
        keep = self.app.settings.records_audio
        self.bridge.audio_root = self.app.audio_root if keep else None
        self.quitting = False
        self.met: set[str] = set()
        self.ended = False  # the call ended by itself: its ending stays until you move on
        self.session_id: str | None = None

    @property
    def _band(self) -> PacingBands:
        """The pacing band the scorecard will judge this call by."""
        return self.conversation.bands or DEFAULT_BANDS[self.conversation.scenario.locale]

    def compose(self) -> ComposeResult:
        t = self.app.text
        scenario = self.conversation.scenario
        band = self._band
        yield Header()
        with Horizontal(id="practice"):
            yield ConversationLog(id="conversation")
            # scrolls on a small terminal; F6 folds the brief away or brings it back
            with VerticalScroll(id="side-panel", classes="compact" if self._small else ""):
                with Vertical(id="gauges"):
                    yield Static(
                        f"[b]{scenario.title}[/b]\n{scenario.customer_name} · {t(f'persona.{scenario.persona}')}",
                        id="who-is-it",
                    )
                    yield MoodMeter(t("ui.mood_meter"), self.conversation.mood, id="mood")
                    yield PaceGauge(
                        t("ui.pace"), (band.min_wpm, band.max_wpm), t("word.wpm"), id="pace"
                    )
                    level = LevelMeter(t("ui.mic"), id="level")
                    level.display = self.rig is not None  # a typed call has no microphone
                    yield level
                    yield Static(self._mode_text(), id="mode")
                yield BriefPanel(self.conversation, brief_open=not self._small, id="brief-panel")
        yield Input(
            placeholder=t("ui.reply_placeholder"), id="reply", disabled=self.rig is not None
        )
        yield Footer()

    @property
    def _small(self) -> bool:
        """A terminal too short for the gauges, the objectives and the brief at once."""
        return self.app.size.height < SMALL_HEIGHT

    def on_resize(self) -> None:
        self.query_one("#side-panel").set_class(self._small, "compact")

    def _mode_text(self) -> str:
        t = self.app.text
        if self.rig is None:
            mode = t("ui.typed")
        else:
            mode = t("ui.push_to_talk") if self.rig.agent.push_to_talk else t("ui.hands_free")
        return t("ui.paused") if self.paused else mode

    def on_mount(self) -> None:
        self.query_one("#level", LevelMeter).speaker = self.app.text("ui.nobody_speaking")
        if self.rig is None:
            self.query_one("#reply", Input).focus()
        self.run_session()
        if self.rig is not None and self.rig.microphone is not None:
            self.set_interval(0.1, self._update_level)

    def on_unmount(self) -> None:
        # Leaving the screen (or the app) ends the session: what was said is kept and
        # scored, and the worker thread is not left waiting for a reply.
        self.quitting = True
        self.bridge.stop()

    @work(thread=True, exclusive=True, group="session")
    def run_session(self) -> None:
        self.bridge.run()

    def _post_from_worker(self, kind: str, payload: Any) -> None:
        if self.quitting:
            return
        if kind == "step":  # read here, on the session's thread, between two turns
            payload = (payload, self.conversation.objectives_met())
        self.app.call_from_thread(self.handle_event, kind, payload)

    def handle_event(self, kind: str, payload: Any) -> None:
        log = self.query_one("#conversation", ConversationLog)
        t = self.app.text
        level = self.query_one("#level", LevelMeter)
        if kind == "customer":
            turn: CustomerTurn = payload
            self.last_customer = turn
            for line in turn.lines:
                log.add(t("word.customer"), line.text, "bold magenta", "customer-line")
            level.speaker = t("word.customer")
        elif kind == "agent":
            reply: AgentReply = payload
            if reply.goes_on:  # the customer gave way: the reply before is replaced
                log.take_back(t("call.gave_way"))
                self.turns_done -= 1
            self.turns_done += 1
            log.add(t("word.you"), reply.text or "…", "bold cyan", "agent-line")
            level.speaker = t("ui.nobody_speaking")
            pace = turn_wpm(reply.as_turn(), self.conversation.scenario.locale, self._band)
            if pace is not None:  # the same figure as the scorecard's, or none
                self.query_one("#pace", PaceGauge).wpm = pace
        elif kind == "step":
            step: Step
            step, self.met = payload
            self.query_one("#mood", MoodMeter).mood = step.mood_after
            self.query_one("#brief-panel", BriefPanel).show_met(self.met)
        elif kind == "finished":
            session_id, _card = payload
            if self.turns_done:  # with no reply, nothing was kept (see session_finished)
                said = t.plural(self.turns_done, "ui.saved_turns.one", "ui.saved_turns.many")
                self.app.notify(said)
            if self.bridge.stopping.is_set() or self.app.quit_after_session:
                # ended by the trainee: the scorecard at once
                log.mount(Static(f"[b]— {t('ui.ended')} —[/b]"))
                self.app.session_finished(session_id)
            else:
                self._show_ending(session_id)
        elif kind == "echo":  # the sound check heard the speakers in the microphone
            self.app.notify(t("call.use_headphones"), severity="warning", timeout=10)
        elif kind == "failed":  # a device lost mid-call, say: what was said is kept
            self.app.notify_error(payload, timeout=10)
            self.app.session_finished(None)

    def _show_ending(self, session_id: str | None) -> None:
        """The call ended by itself: the customer's last line stays, with how the call
        ended, until the trainee moves on (in a spoken call, that line plays to its end)."""
        t = self.app.text
        self.ended, self.session_id = True, session_id
        outcome = self.conversation.outcome or "stopped"
        ending = t(f"ui.ending.{outcome}", customer=self.conversation.scenario.customer_name)
        log = self.query_one("#conversation", ConversationLog)
        log.mount(
            Static(
                f"[b]— {t('ui.ended')} —[/b]\n[b reverse] {escape(ending)} [/]\n"
                f"[i]{t('ui.ending_keys')}[/i]",
                id="ending",
            )
        )
        log.scroll_end(animate=False)
        self.query_one("#reply", Input).disabled = True
        self.query_one("#mode", Static).update(t("ui.ended"))
        log.focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Once the call has ended, only what still makes sense: moving on to the
        scorecard, hearing the last line again, the brief, help and quitting; in a typed
        call, no voice-only key."""
        if action == "scorecard":
            return self.ended
        if self.rig is None and action in ("talk_mode", "talk"):
            return False  # voice-only keys: not shown in a typed call
        return not (self.ended and action in ("end", "pause", "talk_mode", "talk", "hint"))

    def action_scorecard(self) -> None:
        if self.ended:
            self.ended = False
            self.app.session_finished(self.session_id)

    def action_hint(self) -> None:
        """The objective to work on next, in words (every objective met: so it says)."""
        t = self.app.text
        scenario = self.conversation.scenario
        panel = self.query_one("#brief-panel", BriefPanel)
        objective = next_objective(scenario, self.met)
        panel.show_hint(objective)
        if not scenario.checked_objectives:
            message = t("ui.hint_none")
        elif objective is None:
            message = t("ui.hint_all_met")
        else:
            message = t("ui.hint_next", objective=shown(self.conversation, objective.text))
        self.app.notify(message, timeout=10, markup=False)

    def action_toggle_brief(self) -> None:
        self.query_one("#brief-panel", BriefPanel).toggle_brief()

    @on(Input.Submitted, "#reply")
    def _typed(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        event.input.value = ""
        if text and not self.paused:
            self.bridge.send(text)

    def _update_level(self) -> None:
        if self.rig is not None and self.rig.microphone is not None:
            self.query_one("#level", LevelMeter).level = self.rig.microphone.level

    def action_end(self) -> None:
        self.bridge.stop()

    def action_quit_keeping(self) -> None:
        """Ctrl+C: stop, keep every completed turn, and leave."""
        if self.ended:  # the session is kept and scored already
            self.app.exit()
            return
        self.app.quit_after_session = True
        self.bridge.stop()

    def action_pause(self) -> None:
        self.paused = not self.paused
        if self.rig is not None:
            playing = self.rig.customer.playing
            if self.paused and playing is not None:
                playing.stop(self.rig.customer.clock.now())
        reply = self.query_one("#reply", Input)
        reply.disabled = self.paused or self.rig is not None
        if not reply.disabled:
            reply.focus()  # typing goes on where it left off
        self.query_one("#mode", Static).update(self._mode_text())

    def action_replay(self) -> None:
        if self.last_customer is None:
            return
        log = self.query_one("#conversation", ConversationLog)
        t = self.app.text
        for line in self.last_customer.lines:
            log.add(f"{t('word.customer')} ↻", line.text, "magenta", "customer-line")
        if self.rig is not None:
            self.rig.customer.replay()
        else:
            self.query_one("#reply", Input).focus()  # typing goes on where it left off

    def action_talk_mode(self) -> None:
        if self.rig is None:
            return
        self.rig.agent.push_to_talk = not self.rig.agent.push_to_talk
        self.query_one("#mode", Static).update(self._mode_text())

    def action_talk(self) -> None:
        if self.rig is None or not self.rig.agent.push_to_talk:
            return
        self.talking = not getattr(self, "talking", False)
        self.rig.agent.hold_to_talk(self.talking)
        level = self.query_one("#level", LevelMeter)
        level.speaker = (
            self.app.text("word.you") if self.talking else self.app.text("ui.nobody_speaking")
        )

    def action_help(self) -> None:
        self.app.show_help(self)
