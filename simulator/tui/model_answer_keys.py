"""The scorecard's model-answer keys: m reads the scenario's model answer aloud
(synthesised off the UI thread, in place of any sound still playing), s stops the sound."""

from __future__ import annotations

from pathlib import Path

from textual.screen import Screen

from simulator.conversation.scenario import Scenario
from simulator.errors import SimulatorError


class ModelAnswerKeys(Screen[None]):
    """For a screen with a ``scenario`` (None: gone from the library)."""

    reading_model = False
    """The model answer is being synthesised (a second m meanwhile does nothing)."""

    @property
    def scenario(self) -> Scenario | None:
        raise NotImplementedError

    def action_play_model(self) -> None:
        """Read the model answer aloud, synthesised off the UI thread; without a voice or
        speakers, a notice says so."""
        t = self.app.text
        scenario = self.scenario
        example = scenario.model_answer() if scenario else None
        if scenario is None or example is None:
            self.app.notify(t("ui.no_model"), severity="warning")
            return
        if self.app.narrator is None:
            self.app.notify(t("ui.model_no_voice"), severity="warning")
            return
        if self.app.player is None:
            why = t("error.why.no_speakers")
            self.app.notify(t("ui.model_cannot_play", why=why), severity="warning")
            return
        if self.reading_model:
            return
        self.reading_model = True
        self.app.notify(t("ui.model_preparing"), timeout=3)
        self.run_worker(
            lambda: self._read_model(scenario, example.replies),
            thread=True,
            group="model-answer",
        )

    def _read_model(self, scenario: Scenario, replies: list[str]) -> None:
        """On a worker thread: synthesise, then play on the UI thread."""
        narrator = self.app.narrator
        assert narrator is not None
        try:
            path = narrator(scenario, replies)
        except SimulatorError as exc:
            why: object = exc.render(self.app.text.locale)
        except Exception as exc:  # the speech engine's own failures share no base class
            why = str(exc) or type(exc).__name__
        else:
            self.app.call_from_thread(self._play_model, path)
            return
        self.app.call_from_thread(self._model_failed, why)

    def _play_model(self, path: Path) -> None:
        self.reading_model = False
        why = self.app.play_sound(path)
        if why is not None:
            self._model_failed(why)

    def _model_failed(self, why: object) -> None:
        self.reading_model = False
        t = self.app.text
        self.app.notify(t("ui.model_cannot_play", why=why), severity="warning", markup=False)

    def action_stop_sound(self) -> None:
        self.app.stop_sound()
