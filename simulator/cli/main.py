"""The ``roleplay`` command line: the group, its error handling, and the terminal UI.

Each command group lives in its own module; this one gathers them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from simulator.cli import (
    agents,
    audio,
    data,
    practice,
    progress,
    reports,
    rules,
    scenarios,
    score,
)
from simulator.cli.common import State, db_option, interface_locale, open_store, state
from simulator.cli.housekeeping import apply_retention
from simulator.errors import EXIT_USER_ERROR, SimulatorError
from simulator.i18n.catalogue import text


class RoleplayGroup(click.Group):
    """Prints a person's mistakes in plain words, in the interface language, and exits 2,
    never with a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SimulatorError as exc:
            click.echo(f"roleplay: {exc.render(interface_locale(ctx))}", err=True)
            ctx.exit(EXIT_USER_ERROR)
        except KeyboardInterrupt:
            interrupted = text("cli.interrupted", interface_locale(ctx))
            click.echo(f"\nroleplay: {interrupted}", err=True)
            ctx.exit(130)


@click.group(cls=RoleplayGroup, invoke_without_command=True)
@db_option
@click.version_option(package_name="roleplay")
@click.pass_context
def cli(ctx: click.Context, db: Path | None) -> None:
    """Practise difficult customer calls, in French or English, and get a scorecard."""
    ctx.obj = State(db)
    if ctx.invoked_subcommand is None:
        if sys.stdin.isatty() and sys.stdout.isatty():
            _open_app(ctx, db)
        else:
            click.echo(ctx.get_help())


def _open_app(ctx: click.Context, db: Path | None) -> None:
    """The terminal UI: practise, read the scorecard, review the team."""
    from simulator.tui.app import make_app
    from simulator.tui.model_answer import ModelAnswerVoice
    from simulator.voice.devices import stop_playing
    from simulator.voice.rig import VoiceOptions, build_rig, play_recording

    workspace = state(ctx).workspace
    store, path = open_store(ctx, db)
    apply_retention(store, workspace)  # interrupted sessions are offered on the home screen
    options = VoiceOptions.from_settings(workspace.settings)
    cache = path.parent / "voice-cache"
    library = workspace.library()
    app = make_app(
        store,
        library.scenarios,
        workspace,
        store.audio_root,
        rig_factory=lambda conversation: build_rig(conversation, options, cache),
        player=play_recording,
        skipped=library.problems,
        narrator=ModelAnswerVoice(cache),
        silencer=stop_playing,
    )
    app.run()


@cli.command("ui")
@db_option
@click.pass_context
def ui(ctx: click.Context, db: Path | None) -> None:
    """Open the terminal UI (what 'roleplay' alone does in a terminal)."""
    _open_app(ctx, db)


for command in (
    practice.practice,
    scenarios.scenarios,
    rules.rules,
    score.score,
    audio.analyze_audio,
    data.history,
    data.recover,
    data.rescore,
    data.delete,
    data.forget,
    agents.agents,
    progress.progress,
    reports.report,
    reports.export,
    reports.import_,
):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="roleplay")


if __name__ == "__main__":
    main()
