"""What every command shares: the process's workspace, the database option, JSON output.

Command modules import this one and never each other; :mod:`simulator.cli.main`
gathers their commands into the ``roleplay`` group.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from simulator.authoring.workspace import Workspace
from simulator.errors import SimulatorError
from simulator.i18n.catalogue import ui_locale
from simulator.store.paths import database_path
from simulator.store.repair import open_database
from simulator.store.sessions import SessionStore


@dataclass
class State:
    """What the group hands to every command: the database chosen and the workspace,
    whose settings file is read once, when a command first needs it."""

    db: Path | None = None
    _workspace: Workspace | None = field(default=None, repr=False)

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            self._workspace = Workspace.load()
        return self._workspace


def state(ctx: click.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def workspace(ctx: click.Context) -> Workspace:
    return state(ctx).workspace


def interface_locale(ctx: click.Context | None = None) -> str:
    """The language errors and problems are printed in: ``$ROLEPLAY_LANG``, else the
    ``ui_locale`` setting, else the system's. A settings file that cannot be read is itself
    the error being reported, so then the setting is passed over, not read again."""
    ctx = ctx or click.get_current_context(silent=True)
    if ctx is not None:
        try:
            return state(ctx).workspace.interface_locale
        except SimulatorError:
            pass  # the settings file is the mistake being reported
    return ui_locale()


def db_option(command: Callable) -> Callable:
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Database file (default: $ROLEPLAY_DB, else the user data folder).",
    )(command)


def asr_options(command: Callable) -> Callable:
    command = click.option(
        "--asr-model",
        default=None,
        help="faster-whisper model name or local folder (default: $ROLEPLAY_ASR_MODEL, "
        "else 'asr_model' in settings, else 'small').",
    )(command)
    return click.option(
        "--asr",
        "asr_engine",
        type=click.Choice(["whisper", "sphinx", "none"]),
        default=None,
        help="Speech recogniser: faster-whisper (default), PocketSphinx (English only), or none.",
    )(command)


def open_store(ctx: click.Context, db: Path | None) -> tuple[SessionStore, Path]:
    """The session store at ``--db`` (the command's, else the group's, else the default)."""
    path = database_path(db or state(ctx).db)
    database = open_database(path)
    for notice in database.notices:
        click.echo(f"roleplay: {notice.render(interface_locale(ctx))}", err=True)
    return SessionStore(database), path


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def clip(value: str, width: int) -> str:
    """Text cut to ``width`` characters, an ellipsis showing where."""
    return value if len(value) <= width else value[: width - 1] + "…"


def print_table(headings: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Columns under a heading row, each as wide as its widest cell; the columns whose
    heading ends with ">" are numbers, set to the right (the ">" is not shown)."""
    right = [h.endswith(">") for h in headings]
    titles = [h.removesuffix(">") for h in headings]
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in [titles, *cells]) for i in range(len(titles))]

    def line(row: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(w) if r else c.ljust(w) for c, w, r in zip(row, widths, right, strict=True)
        ).rstrip()

    click.echo(line(titles))
    for row in cells:
        click.echo(line(row))
