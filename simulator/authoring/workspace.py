"""What one process works with: the settings, read once, and everything they decide.

The command line and the terminal UI each build one :class:`Workspace` at start-up
and hand it down. Nothing below reads the settings file on its own: scoring gets its
compiled rules and pacing bands from here, the library its folders, recovery and
rescoring their way of scoring.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from scoring.pacing import PacingBands
from scoring.ruleset import RuleSet
from scoring.scorecard import Scorecard, score_transcript
from scoring.transcript import Transcript
from simulator.authoring.library import (
    BUNDLED_SCENARIOS,
    LoadReport,
    find_scenario,
    load_all,
    scenario_files,
)
from simulator.authoring.packs import rules_for
from simulator.authoring.settings import Settings, load_settings
from simulator.conversation.engine import Conversation
from simulator.conversation.scenario import Scenario
from simulator.i18n.catalogue import ui_locale


@dataclass
class Workspace:
    """The settings of this process and what follows from them."""

    settings: Settings = field(default_factory=Settings)
    _known: tuple[tuple, dict[str, Scenario]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @classmethod
    def load(cls, settings_file: Path | None = None) -> Workspace:
        """Read the settings file (``$ROLEPLAY_SETTINGS`` or the user's) once."""
        return cls(load_settings(settings_file))

    @property
    def interface_locale(self) -> str:
        """The language of screens, errors and notices: ``$ROLEPLAY_LANG``, else the
        ``ui_locale`` setting, else the system's."""
        return ui_locale(self.settings.ui_locale)

    # -- scoring -------------------------------------------------------------------

    def rules(self, locale: str) -> RuleSet:
        """The bundled rules of ``locale`` and the organisation's, compiled once."""
        return rules_for(locale, self.settings.rule_dirs)

    def bands(self, locale: str) -> PacingBands:
        return self.settings.bands(locale)

    def conversation(
        self, scenario: Scenario, agent_name: str, seed: int | None = None
    ) -> Conversation:
        """A call to play: the scenario, scored as it goes with this workspace's rules and
        pacing bands for its language; ``seed`` (else the ``seed`` setting) makes the
        customer's wording repeatable."""
        locale = scenario.locale
        chosen = self.settings.seed if seed is None else seed
        return Conversation(
            scenario, agent_name, self.rules(locale), self.bands(locale), seed=chosen
        )

    def score(
        self,
        transcript: Transcript,
        weights: Mapping[str, float] | None = None,
        lines: Mapping[str, str] | None = None,
        outcome: str | None = None,
    ) -> Scorecard:
        """Score a transcript with this workspace's rules and pacing bands. While its
        scenario is in the library, its suggestions take the scenario's model lines (unless
        ``lines`` are given) and its objectives are checked; with the call's ``outcome``, the
        overall weighs what the call achieved."""
        locale = transcript.locale
        known = self.known_scenario(transcript.scenario)
        if lines is None:
            lines = known.suggested_lines() if known else {}
        objectives = known.checked_objectives if known else []
        rules, bands = self.rules(locale), self.bands(locale)
        return score_transcript(transcript, rules, weights, bands, lines, objectives, outcome)

    # -- scenarios -----------------------------------------------------------------

    @property
    def scenario_dirs(self) -> tuple[Path, ...]:
        return (BUNDLED_SCENARIOS, *self.settings.scenario_dirs)

    def library(self) -> LoadReport:
        return load_all(self.scenario_dirs)

    def scenario(self, name: str) -> Scenario:
        """A scenario by id (bundled or the organisation's) or by path."""
        return find_scenario(name, self.scenario_dirs)

    def known_scenario(self, scenario_id: str | None) -> Scenario | None:
        """A scenario of the library, by id; None for any other.

        The library is read once and kept while no scenario file changes: rescoring asks
        for every stored session.
        """
        if not scenario_id:
            return None
        files = scenario_files(self.scenario_dirs)
        seen = tuple((str(f), *_stamp(f)) for f in files)
        if self._known is None or self._known[0] != seen:
            self._known = (seen, {s.id: s for s in self.library().scenarios})
        return self._known[1].get(scenario_id)

    def model_lines(self, scenario_id: str | None) -> dict[str, str]:
        """The model lines of a scenario of the library, by id; none for any other."""
        known = self.known_scenario(scenario_id)
        return known.suggested_lines() if known else {}

    def weights(self, scenario_id: str | None) -> dict[str, float] | None:
        """The scenario's own weights while it is still in the library; None otherwise."""
        known = self.known_scenario(scenario_id)
        return known.weights.model_dump() if known else None


def _stamp(path: Path) -> tuple[int, int]:
    """When a file last changed, and its size: (0, 0) when it has gone."""
    try:
        info = path.stat()
    except OSError:
        return 0, 0
    return info.st_mtime_ns, info.st_size
