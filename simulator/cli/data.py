"""The ``history``, ``recover``, ``rescore``, ``delete`` and ``forget`` commands: looking
after stored sessions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from simulator.cli.common import (
    clip,
    db_option,
    interface_locale,
    open_store,
    print_json,
    print_table,
    workspace,
)
from simulator.cli.housekeeping import recover_sessions
from simulator.errors import SimulatorError
from simulator.i18n.catalogue import Plural, Text
from simulator.store.agents import require_agent
from simulator.store.privacy import forget_agent
from simulator.store.progress import tracked
from simulator.store.records import SessionRecord
from simulator.store.recovery import interrupted
from simulator.store.rescore import rescore_sessions

if TYPE_CHECKING:
    from simulator.reports.recorded_exports import ExportsPruned


@click.command()
@click.argument("session_ids", nargs=-1)
@db_option
@click.pass_context
def recover(ctx: click.Context, session_ids: tuple[str, ...], db: Path | None) -> None:
    """Score practice sessions that a crash or a kill stopped (all of them, or SESSION_IDS).

    Every completed turn was saved as it happened; the session is scored on those turns
    and kept with the outcome 'interrupted'.
    """
    space = workspace(ctx)
    store, _ = open_store(ctx, db)
    found = interrupted(store)
    if session_ids:
        wanted = set(session_ids)
        unknown = wanted - {s.id for s in found}
        if unknown:
            raise SimulatorError("error.not_interrupted", ids=", ".join(sorted(unknown)))
        found = [s for s in found if s.id in wanted]
    if not found:
        click.echo(Text(space.interface_locale)("cli.nothing_to_recover"))
        return
    recover_sessions(store, space, found)


@click.command()
@click.option("--agent", default=None, help="Only this agent's sessions.")
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to use (default: one per core).",
)
@db_option
@click.pass_context
def rescore(ctx: click.Context, agent: str | None, jobs: int | None, db: Path | None) -> None:
    """Score every stored session again with the current rule packs and settings.

    Run it after a rule pack changes. Reviewers' comments and overrides are kept.
    """
    space = workspace(ctx)
    store, path = open_store(ctx, db)
    if agent:
        require_agent(store, agent, path)
    from simulator.reports.formats import format_number

    done = rescore_sessions(store, space.settings, agent, jobs, tracked)
    t = Text(space.interface_locale)
    click.echo(
        t(
            "cli.rescored",
            sessions=t.plural(done.sessions, "cli.count.session.one", "cli.count.session.many"),
            seconds=format_number(done.seconds, t.locale, 1),
            per_second=format_number(done.per_second, t.locale),
            jobs=t.plural(done.jobs, "cli.count.process.one", "cli.count.process.many"),
            rewritten=t.plural(
                done.rewritten,
                "cli.count.scorecard_changed.one",
                "cli.count.scorecard_changed.many",
            ),
            changed=done.changed,
        )
    )
    for problem in done.problems:
        click.echo(f"roleplay: {problem}", err=True)


@click.command()
@click.option("--agent", required=True, help="The agent whose data is erased.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@db_option
@click.pass_context
def forget(ctx: click.Context, agent: str, yes: bool, db: Path | None) -> None:
    """Erase an agent's sessions and recordings, and take them out of the export files
    roleplay wrote."""
    from simulator.reports.recorded_exports import prune_exports

    store, path = open_store(ctx, db)
    agent = require_agent(store, agent, path)
    ids = [s.id for s in store.history(agent)]
    t = Text(interface_locale(ctx))
    if not yes:
        if not sys.stdin.isatty():
            sessions = Plural(len(ids), "cli.count.session.one", "cli.count.session.many")
            raise SimulatorError("error.forget_confirm", sessions=sessions, agent=agent)
        question = t.plural(
            len(ids), "cli.forget_confirm.one", "cli.forget_confirm.many", agent=agent
        )
        click.confirm(question, abort=True, err=True)
    exports = prune_exports(store, ids, agent)
    done = forget_agent(store, agent)
    click.echo(
        t(
            "cli.forgotten",
            sessions=t.plural(done.sessions, "cli.count.session.one", "cli.count.session.many"),
            recordings=t.plural(
                done.audio_files, "cli.count.recording.one", "cli.count.recording.many"
            ),
            agent=agent,
        )
    )
    _say_exports(t, exports, len(ids))
    if done.backups:
        click.echo(t("cli.forget_backups"))
        for backup in done.backups:
            click.echo(f"  {backup}")


@click.command()
@click.argument("session_id")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@db_option
@click.pass_context
def delete(ctx: click.Context, session_id: str, yes: bool, db: Path | None) -> None:
    """Delete the session SESSION_ID (or the start of it), with its recordings, for good,
    and take it out of the export files roleplay wrote."""
    from simulator.reports.recorded_exports import delete_sessions
    from simulator.reports.session import find_session

    store, _ = open_store(ctx, db)
    session = find_session(store, session_id)
    t = Text(interface_locale(ctx))
    if not yes:
        if not sys.stdin.isatty():
            raise SimulatorError("error.delete_confirm", id=session.id)
        what = _describe(session)
        click.confirm(t("cli.delete_confirm", id=session.id, what=what), abort=True, err=True)
    exports = delete_sessions(store, [session.id])
    click.echo(t("cli.deleted", id=session.id))
    _say_exports(t, exports, 1)


def _say_exports(t: Text, done: ExportsPruned, sessions: int) -> None:
    """What happened to the export files that held the sessions deleted."""
    them = t("cli.them.one" if sessions == 1 else "cli.them.many")
    for paths, one, many in (
        (done.rewritten, "cli.exports_rewritten.one", "cli.exports_rewritten.many"),
        (done.erased, "cli.exports_erased.one", "cli.exports_erased.many"),
    ):
        if paths:
            click.echo(t.plural(len(paths), one, many, them=them))
            for path in paths:
                click.echo(f"  {path}")
    for path, why in done.failed:
        click.echo(
            f"roleplay: {t('cli.export_unchanged', path=path, them=them, why=why)}", err=True
        )


def _describe(session: SessionRecord) -> str:
    """A session in a few words: who, which scenario, when."""
    started = session.started
    when = f"{started.astimezone():%Y-%m-%d %H:%M}" if started else "–"
    return f"{session.agent}, {session.title or session.scenario or '?'}, {when}"


@click.command()
@click.option("--agent", help="Only this agent's sessions (any case or accents).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def history(ctx: click.Context, agent: str | None, as_json: bool, db: Path | None) -> None:
    """Stored sessions, newest first, with the scores a reviewer left."""
    store, path = open_store(ctx, db)
    if agent:
        require_agent(store, agent, path)
    sessions = store.history(agent)
    shown = ("id", "agent", "scenario", "title", "locale", "started_at", "ended_at", "status")
    if as_json:
        print_json(
            [
                {
                    **{key: getattr(s, key) for key in shown},
                    "outcome": s.outcome,
                    "overall": s.effective_overall,
                    "scores": s.effective_scores,
                    "overridden": sorted(s.overrides),
                }
                for s in sessions
            ]
        )
        return
    t = Text(interface_locale(ctx))
    if not sessions:
        click.echo(t("cli.no_sessions", path=path))
        return
    rows = []
    for s in sessions:
        started = s.started
        overall = s.effective_overall
        if s.status == "in_progress":
            how = t("cli.in_progress")
        else:
            how = t.named("outcome", s.outcome or s.status or "?")
        rows.append(
            [
                s.id,
                f"{started.astimezone():%Y-%m-%d %H:%M}" if started else "–",
                clip(s.agent, 24),
                clip(s.title or s.scenario or "", 40),
                "–" if overall is None else round(overall),
                how,
            ]
        )
    print_table(
        [
            t("cli.column.id"),
            t("cli.column.started"),
            t.capital("word.agent"),
            t("word.scenario"),
            t("card.overall") + ">",
            t("card.outcome"),
        ],
        rows,
    )
