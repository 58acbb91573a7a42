"""The roleplay terminal app: a thin shell that opens screens and holds what they share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.notifications import SeverityLevel

from simulator.authoring.workspace import Workspace
from simulator.conversation.engine import Conversation
from simulator.conversation.scenario import Scenario
from simulator.errors import Problem, SimulatorError
from simulator.i18n.catalogue import Text, worded
from simulator.store.sessions import SessionStore

if TYPE_CHECKING:  # the voice stack loads only when a spoken call starts
    from simulator.tui.model_answer import Narrator
    from simulator.voice.rig import VoiceRig

RigFactory = Callable[[Conversation], "VoiceRig"]
Player = Callable[[Path], None]
"""Plays a sound file through the speakers, returning once it has started."""
Silencer = Callable[[], None]
"""Stops whatever the player is playing."""


class RoleplayApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "roleplay"
    BINDINGS = [Binding("ctrl+q", "quit", "ui.quit", show=False)]

    def __init__(
        self,
        store: SessionStore,
        library: list[Scenario],
        workspace: Workspace,
        audio_root: Path,
        locale: str,
        rig_factory: RigFactory | None,
        player: Player | None,
        skipped: Sequence[Problem] = (),
        narrator: Narrator | None = None,
        silencer: Silencer | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.library = library
        self.skipped = list(skipped)  # problems of scenario files left out of the library
        self.workspace = workspace
        self.settings = workspace.settings
        self.audio_root = audio_root
        self.text = Text(locale)
        self.rig_factory = rig_factory
        self.player = player
        self.silencer = silencer
        self.narrator = narrator  # reads a scenario's model answer aloud (None: no voice)
        self.agent_name = store.preference("agent")
        self.voice_preferred = store.preference("voice") == "on"
        self.quit_after_session = False
        from simulator.tui.localise import localise_bindings

        localise_bindings(self, self.text)

    def notify_error(
        self, error: BaseException, severity: SeverityLevel = "error", timeout: float = 5
    ) -> None:
        """Show an error in the interface language; one that is not a person's mistake
        (a bug) in its own words."""
        message = (
            error.render(self.text.locale) if isinstance(error, SimulatorError) else str(error)
        )
        self.notify(message, severity=severity, timeout=timeout)

    @property
    def reviewer(self) -> str:
        """Who signs comments and overrides, as they gave their name ("" until asked)."""
        return self.store.preference("reviewer")

    def with_reviewer(self, then: Callable[[str], None]) -> None:
        """Call ``then`` with the reviewer's name, asked the first time and remembered in
        the database: the name on the home screen is the trainee's, not the reviewer's."""
        known = self.reviewer
        if known:
            then(known)
            return
        from simulator.tui.reviewer_dialog import ReviewerDialog

        def given(name: str | None) -> None:
            if name:
                self.store.remember("reviewer", name)
                then(name)

        self.push_screen(ReviewerDialog(), given)

    def on_mount(self) -> None:
        self.run_worker(self._find_interrupted, thread=True, group="recovery")

    def _find_interrupted(self) -> None:
        """Off the UI thread: sessions a crash stopped, offered for scoring."""
        from simulator.store.recovery import interrupted

        found = interrupted(self.store)
        if found:
            self.call_from_thread(self._offer_recovery, [s.id for s in found])

    def _offer_recovery(self, session_ids: list[str]) -> None:
        from simulator.tui.recover_dialog import RecoverDialog

        def chosen(score: bool | None) -> None:
            if score:
                self.run_worker(lambda: self._recover(session_ids), thread=True, group="recovery")

        self.push_screen(RecoverDialog(len(session_ids)), chosen)

    def _recover(self, session_ids: list[str]) -> None:
        from simulator.store.recovery import finish_interrupted

        scored = 0
        for session_id in session_ids:
            try:
                finish_interrupted(self.store, session_id, self.workspace)
            except SimulatorError as exc:
                self.call_from_thread(self.notify_error, exc, timeout=10)
                continue
            scored += 1
        if scored:
            self.call_from_thread(self.notify, self.text("ui.interrupted_done", count=scored))

    def get_default_screen(self):  # type: ignore[no-untyped-def]
        from simulator.tui.home import HomeScreen

        return HomeScreen()

    def start_practice(self, scenario: Scenario, voice: bool) -> None:
        from simulator.tui.practice import PracticeScreen

        self.store.remember("agent", self.agent_name)
        self.store.remember("voice", "on" if voice else "off")
        conversation = self.workspace.conversation(scenario, self.agent_name)
        rig = None
        if voice and self.rig_factory is not None:
            try:
                rig = self.rig_factory(conversation)
            except SimulatorError as exc:
                self.notify_error(exc, severity="warning", timeout=8)
        self.push_screen(PracticeScreen(conversation, rig))  # type: ignore[arg-type]

    def session_finished(self, session_id: str | None) -> None:
        from simulator.tui.scorecard import ScorecardScreen

        if self.quit_after_session:
            self.exit()
            return
        self.pop_screen()
        if session_id and self.store.get(session_id) is not None:
            self.push_screen(ScorecardScreen(session_id))
        elif session_id:  # the agent never replied: nothing was kept
            self.notify(self.text("ui.not_saved"), severity="warning")

    def open_review(self) -> None:
        from simulator.tui.review import ReviewScreen

        self.push_screen(ReviewScreen())

    def open_progress(self, agent: str) -> None:
        from simulator.tui.progress import ProgressScreen

        self.push_screen(ProgressScreen(agent))

    def open_scorecard(self, session_id: str) -> None:
        from simulator.tui.scorecard import ScorecardScreen

        self.push_screen(ScorecardScreen(session_id))

    def show_help(self, screen) -> None:  # type: ignore[no-untyped-def]
        from simulator.tui.help import HelpScreen, keys_of

        self.push_screen(
            HelpScreen(self.text("ui.help_title"), keys_of(screen), self.text("ui.close"))
        )

    def play_recording(self, path: Path, reply: int | None = None) -> None:
        """Play a reply's recording (``reply`` numbers the agent's replies 1, 2, 3…); when
        it cannot be played, say so and why."""
        if not path.exists():
            self.notify(self.text("ui.no_audio"), severity="warning")
            return
        why = self.play_sound(path)
        if why is not None:
            shown = "—" if reply is None else reply
            self.notify(self.text("ui.cannot_play", reply=shown, why=why), severity="warning")

    def play_sound(self, path: Path) -> object | None:
        """Play a sound file, in place of any still playing: None once it plays, else
        why it cannot (in words)."""
        if self.player is None:
            return self.text("error.why.no_speakers")
        self.stop_sound()
        try:
            self.player(path)
        except SimulatorError as exc:
            # "cannot play x: why" is what the caller's notice says already: keep the why
            cause = exc.phrase.values.get("why") if exc.key == "error.cannot_play" else None
            return worded(cause, self.text.locale) if cause else exc.render(self.text.locale)
        except Exception as exc:  # the sound library's own failures share no base class
            return str(exc) or type(exc).__name__
        return None

    def stop_sound(self) -> None:
        """Stop a recording or the model answer still playing (nothing if none is)."""
        if self.silencer is not None:
            self.silencer()


def make_app(
    store: SessionStore,
    library: list[Scenario],
    workspace: Workspace | None = None,
    audio_root: Path | None = None,
    locale: str | None = None,
    rig_factory: RigFactory | None = None,
    player: Player | None = None,
    skipped: Sequence[Problem] = (),
    narrator: Narrator | None = None,
    silencer: Silencer | None = None,
) -> RoleplayApp:
    """Build the app; tests hand it their own store, library and voice rig. ``skipped``
    are the problems of the scenario files the library left out, shown on the home screen;
    ``narrator`` reads a scenario's model answer aloud on the scorecard, which
    ``player`` plays and ``silencer`` stops."""
    workspace = workspace or Workspace()
    return RoleplayApp(
        store,
        library,
        workspace,
        audio_root or Path("audio"),
        locale or workspace.interface_locale,
        rig_factory,
        player,
        skipped,
        narrator,
        silencer,
    )
