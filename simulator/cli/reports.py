"""The ``report``, ``export`` and ``import`` commands: documents and data to share."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import click

from simulator.cli.common import db_option, interface_locale, open_store, workspace
from simulator.errors import SimulatorError
from simulator.i18n.catalogue import Text
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


def _deliver(text: str, output: Path | None, default: Path | None) -> Path | None:
    """Print ``text``, or write it to ``output`` (else ``default``) and print the path;
    returns the file written, if any."""
    from simulator.reports.files import write_text

    target = output if output is not None else default
    if target is None or str(target) == "-":
        click.echo(text, nl=False)
        return None
    written = write_text(target, text)
    click.echo(written)
    return written


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
    from simulator.store.privacy import record_export

    store, _ = open_store(ctx, db)
    session = find_session(store, session_id)
    default = Path(f"{safe_file_stem(session.id)}.html") if fmt == "html" else None
    written = _deliver(render_session(session, fmt), output, default)
    if written is not None:  # listed, so that deleting the session erases it
        record_export(store, written, [session], "document")


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
@click.option(
    "--reviews",
    type=click.Path(path_type=Path),
    default=None,
    help="Write a zip of the comments and score overrides left on --agent's sessions, "
    "for that agent to import.",
)
@click.option("--agent", default=None, help="Only this agent's sessions (any case or accents).")
@db_option
@click.pass_context
def export(
    ctx: click.Context,
    fmt: str,
    output: Path | None,
    bundle: Path | None,
    reviews: Path | None,
    agent: str | None,
    db: Path | None,
) -> None:
    """Export stored sessions: for a spreadsheet, for other tools, as a bundle, or their
    reviews to send back to an agent."""
    from simulator.store.privacy import record_export
    from simulator.store.progress import tracked

    if bundle is not None and reviews is not None:
        raise SimulatorError("error.export_bundle_or_reviews")
    zipped = bundle if bundle is not None else reviews
    if zipped is not None and output is not None:
        option = "--bundle" if bundle is not None else "--reviews"
        raise SimulatorError("error.export_zip_and_output", option=option)
    if reviews is not None and not agent:
        raise SimulatorError("error.reviews_need_agent")
    store, path = open_store(ctx, db)
    if agent:
        agent = require_agent(store, agent, path)
    if bundle is not None:
        _export_bundle(ctx, store, path, bundle, agent)
        return
    if reviews is not None and agent:
        _export_reviews(ctx, store, path, reviews, agent)
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
            record_export(store, written, sessions, "csv")
            click.echo(written)
        return
    from simulator.reports.exports import write_jsonl
    from simulator.reports.files import replacing

    if output is None or str(output) == "-":
        write_jsonl(rows, sys.stdout)
        return
    with replacing(output, "w", encoding="utf-8", newline="\n") as handle:
        write_jsonl(rows, handle)
    record_export(store, output, sessions, "jsonl")
    click.echo(output)


def _export_bundle(  # type: ignore[no-untyped-def]
    ctx: click.Context, store, db_path: Path, bundle: Path, agent: str | None
) -> None:
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
    record_export(store, written.path, sessions, "bundle")
    t = Text(interface_locale(ctx))
    click.echo(
        t(
            "cli.bundle_written",
            path=written.path,
            sessions=t.plural(written.sessions, "cli.count.session.one", "cli.count.session.many"),
            audio=t.plural(
                written.audio_files, "cli.count.audio_file.one", "cli.count.audio_file.many"
            ),
        )
    )


def _export_reviews(  # type: ignore[no-untyped-def]
    ctx: click.Context, store, db_path: Path, path: Path, agent: str
) -> None:
    """The reviews of ``agent``'s sessions, as a bundle for that agent to import."""
    from simulator.reports.files import cannot_write
    from simulator.store.privacy import record_export
    from simulator.store.review_bundles import reviewed, write_reviews

    sessions = list(reversed(store.history(agent)))
    found = reviewed(list(store.details(sessions)))
    if not found:
        raise SimulatorError("error.no_reviews", agent=agent, path=db_path)
    try:
        written = write_reviews(found, path, agent)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    record_export(
        store, written.path, [s for s in sessions if s.id in {r.id for r in found}], "reviews"
    )
    t = Text(interface_locale(ctx))
    click.echo(
        t(
            "cli.reviews_written",
            path=written.path,
            what=_reviews_said(t, written.comments, written.overrides),
            sessions=t.plural(written.sessions, "cli.count.session.one", "cli.count.session.many"),
            agent=agent,
        )
    )


def _reviews_said(t: Text, comments: int, overrides: int) -> str:
    """ "3 comments and 1 override", "1 override": what a review holds, each counted."""
    said = []
    if comments:
        said.append(t.plural(comments, "cli.count.comment.one", "cli.count.comment.many"))
    if overrides:
        said.append(t.plural(overrides, "cli.count.override.one", "cli.count.override.many"))
    return _listed(t, said)


def _listed(t: Text, items: list[str]) -> str:
    """ "Dana", "Dana and Lee", "Dana, Lee and Sam"."""
    if len(items) < 2:
        return "".join(items)
    return t("cli.list.two", first=", ".join(items[:-1]), last=items[-1])


@click.command("import")
@click.argument("bundle", type=click.Path(path_type=Path))
@db_option
@click.pass_context
def import_(ctx: click.Context, bundle: Path, db: Path | None) -> None:
    """Merge a BUNDLE made by 'roleplay export --bundle' or '--reviews' into this database.

    A bundle of sessions: a session already here stays one session; reviewer comments
    are merged, and overrides already made here are kept. A bundle of reviews: comments
    and overrides go onto the sessions already here; an override replaces the one made
    here on the same dimension.
    """
    from simulator.store.bundles import REVIEWS_KIND, read_bundle
    from simulator.store.progress import tracked

    checked = read_bundle(bundle)
    store, _ = open_store(ctx, db)
    t = Text(interface_locale(ctx))
    if checked.kind == REVIEWS_KIND:
        _import_reviews(t, checked, store)
        return
    from simulator.store.bundle_import import import_bundle

    done = import_bundle(checked, store, store.audio_root, tracked)
    click.echo(
        t(
            "cli.bundle_imported",
            path=bundle,
            added=t.plural(done.added, "cli.count.new_session.one", "cli.count.new_session.many"),
            updated=t.plural(done.updated, "cli.count.updated.one", "cli.count.updated.many"),
            unchanged=t.plural(
                done.unchanged, "cli.count.already_here.one", "cli.count.already_here.many"
            ),
            comments=t.plural(
                done.comments_added, "cli.count.comment.one", "cli.count.comment.many"
            ),
            overrides=t.plural(
                done.overrides_added, "cli.count.override.one", "cli.count.override.many"
            ),
            audio=t.plural(
                done.audio_written, "cli.count.audio_written.one", "cli.count.audio_written.many"
            ),
        )
    )


def _import_reviews(t: Text, bundle, store) -> None:  # type: ignore[no-untyped-def]
    from simulator.store.review_bundles import import_reviews

    done = import_reviews(bundle, store)
    if done.sessions:
        reviewers = _listed(t, done.reviewers) or t("cli.a_reviewer")
        click.echo(
            t(
                "cli.reviews_imported",
                path=bundle.path,
                what=_reviews_said(t, done.comments, done.overrides),
                reviewers=reviewers,
                sessions=t.plural(done.sessions, "cli.count.session.one", "cli.count.session.many"),
            )
        )
    else:
        click.echo(t("cli.reviews_nothing_new", path=bundle.path))
    if done.skipped:
        click.echo(t.plural(done.skipped, "cli.reviews_skipped.one", "cli.reviews_skipped.many"))
