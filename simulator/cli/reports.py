"""The ``report``, ``export`` and ``import`` commands: documents and data to share."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import click

from simulator.cli.common import db_option, open_store, workspace
from simulator.errors import SimulatorError
from simulator.store.agents import require_agent

FORMAT_HELP = "html: a page to open, share or print to PDF; md: Markdown for a ticket or chat."


def _format_option(command: Callable) -> Callable:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["html", "md"]),
        default="html",
        show_default=True,
        help=FORMAT_HELP,
    )(command)


def _output_option(help_text: str):  # type: ignore[no-untyped-def]
    return click.option(
        "-o", "--output", type=click.Path(path_type=Path), default=None, help=help_text
    )


def _deliver(text: str, output: Path | None, default: Path | None) -> None:
    """Print ``text``, or write it to ``output`` (else ``default``) and print the path."""
    from simulator.reports.files import write_text

    target = output if output is not None else default
    if target is None or str(target) == "-":
        click.echo(text, nl=False)
        return
    click.echo(write_text(target, text))


@click.group()
def report() -> None:
    """Scorecards and team reports to share: HTML (print it to PDF) or Markdown."""


@report.command("session")
@click.argument("session_id")
@_format_option
@_output_option("File to write ('-' for standard output). Default: <id>.html here; md prints.")
@db_option
@click.pass_context
def report_session(
    ctx: click.Context, session_id: str, fmt: str, output: Path | None, db: Path | None
) -> None:
    """The scorecard of session SESSION_ID (or the start of it), in the session's language."""
    from simulator.reports.files import safe_file_stem
    from simulator.reports.session import find_session, render_session

    store, _ = open_store(ctx, db)
    session = find_session(store, session_id)
    default = Path(f"{safe_file_stem(session.id)}.html") if fmt == "html" else None
    _deliver(render_session(session, fmt), output, default)


@report.command("team")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Only sessions from this day on (YYYY-MM-DD).",
)
@click.option(
    "--agent",
    "agents",
    multiple=True,
    help="Only this agent (repeat for more; any case or accents).",
)
@click.option(
    "--scenario", "scenarios", multiple=True, help="Only this scenario id (repeat for more)."
)
@_format_option
@_output_option("File to write ('-' for standard output). Default: team-report.html; md prints.")
@click.option(
    "--locale",
    type=click.Choice(["fr", "en"]),
    default=None,
    help="Language of the report (default: that of most sessions).",
)
@db_option
@click.pass_context
def report_team(
    ctx: click.Context,
    since: datetime | None,
    agents: tuple[str, ...],
    scenarios: tuple[str, ...],
    fmt: str,
    output: Path | None,
    locale: str | None,
    db: Path | None,
) -> None:
    """Averages and trends per agent and dimension, the avoided phrases used most and by
    whom, the hardest scenarios, and who improved or slipped."""
    from simulator.analytics.team import TeamFilters, majority_locale, select_sessions, team_figures
    from simulator.reports.team_document import render_team
    from simulator.store.progress import tracked

    store, path = open_store(ctx, db)
    for agent in agents:
        require_agent(store, agent, path)
    filters = TeamFilters(since.date() if since else None, agents, scenarios)
    sessions = select_sessions(store.history(), filters)
    if not sessions:
        raise SimulatorError("error.team_report_empty", path=path)
    figures = team_figures(tracked(store.details(sessions), len(sessions), "Reading sessions"))
    text = render_team(figures, filters, locale or majority_locale(s.locale for s in sessions), fmt)
    _deliver(text, output, Path("team-report.html") if fmt == "html" else None)


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl"]),
    default="csv",
    show_default=True,
    help="csv: sessions.csv, findings.csv and agents.csv; jsonl: one whole session per line.",
)
@_output_option(
    "csv: the folder for the three files (default: here); jsonl: a file (default: print)."
)
@click.option(
    "--bundle",
    type=click.Path(path_type=Path),
    default=None,
    help="Write a zip of the sessions and their audio for a team lead to import.",
)
@click.option("--agent", default=None, help="Only this agent's sessions (any case or accents).")
@db_option
@click.pass_context
def export(
    ctx: click.Context,
    fmt: str,
    output: Path | None,
    bundle: Path | None,
    agent: str | None,
    db: Path | None,
) -> None:
    """Export stored sessions: for a spreadsheet, for other tools, or as a bundle."""
    from simulator.store.privacy import record_export
    from simulator.store.progress import tracked

    store, path = open_store(ctx, db)
    if agent:
        require_agent(store, agent, path)
    if bundle is not None:
        if output is not None:
            raise click.UsageError("--bundle names the zip to write; leave out -o")
        _export_bundle(store, path, bundle, agent)
        return
    sessions = list(reversed(store.history(agent)))
    rows = tracked(store.details(sessions), len(sessions), "Exporting")
    if fmt == "csv":
        from simulator.analytics.team import TeamFilters, select_sessions, team_figures
        from simulator.atomic import private_dir
        from simulator.reports.exports import write_csv

        folder = output if output is not None else Path(".")
        try:
            private_dir(folder)  # owner-only if made now; a folder already there is kept
        except OSError as exc:
            raise SimulatorError("error.csv_folder", folder=folder, why=exc.strerror) from None
        figures = team_figures(select_sessions(sessions, TeamFilters()))
        difficulties = {s.id: s.difficulty for s in workspace(ctx).library().scenarios}
        for written in write_csv(rows, folder, figures, difficulties):
            record_export(store, written, sessions)
            click.echo(written)
        return
    from simulator.reports.exports import write_jsonl
    from simulator.reports.files import replacing

    if output is None or str(output) == "-":
        write_jsonl(rows, sys.stdout)
        return
    with replacing(output, "w", encoding="utf-8", newline="\n") as handle:
        write_jsonl(rows, handle)
    record_export(store, output, sessions)
    click.echo(output)


def _export_bundle(store, db_path: Path, bundle: Path, agent: str | None) -> None:  # type: ignore[no-untyped-def]
    from simulator.reports.files import cannot_write
    from simulator.store.bundles import write_bundle
    from simulator.store.privacy import record_export
    from simulator.store.progress import tracked

    sessions = list(reversed(store.history(agent)))
    if not sessions:
        if agent:
            raise SimulatorError("error.bundle_empty_agent", agent=agent, path=db_path)
        raise SimulatorError("error.bundle_empty", path=db_path)
    try:
        written = write_bundle(
            list(store.details(sessions)), store.audio_root, bundle, agent, tracked
        )
    except OSError as exc:
        raise cannot_write(bundle, exc) from None
    record_export(store, written.path, sessions)
    click.echo(
        f"{written.path}: {written.sessions} session(s), {written.audio_files} audio file(s)"
    )


@click.command("import")
@click.argument("bundle", type=click.Path(path_type=Path))
@db_option
@click.pass_context
def import_(ctx: click.Context, bundle: Path, db: Path | None) -> None:
    """Merge a BUNDLE made by 'roleplay export --bundle' into this database.

    A session already here stays one session; reviewer comments are merged, and
    overrides already made here are kept.
    """
    from simulator.store.bundles import import_bundle, read_bundle
    from simulator.store.progress import tracked

    checked = read_bundle(bundle)
    store, _ = open_store(ctx, db)
    done = import_bundle(checked, store, store.audio_root, tracked)
    click.echo(
        f"{bundle}: {done.added} new session(s), {done.updated} updated "
        f"({done.comments_added} comment(s), {done.overrides_added} override(s) added), "
        f"{done.unchanged} already here; {done.audio_written} audio file(s) written."
    )
