"""The ``history``, ``recover``, ``rescore`` and ``forget`` commands: looking after stored
sessions."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from simulator.cli.common import db_option, open_store, print_json, workspace
from simulator.cli.housekeeping import recover_sessions
from simulator.errors import SimulatorError
from simulator.store.privacy import agents, forget_agent
from simulator.store.progress import tracked
from simulator.store.recovery import interrupted
from simulator.store.rescore import rescore_sessions


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
        click.echo("No interrupted session: nothing to recover.")
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
    store, _ = open_store(ctx, db)
    done = rescore_sessions(store, space.settings, agent, jobs, tracked)
    click.echo(
        f"Rescored {done.sessions} session(s) in {done.seconds:.1f} s "
        f"({done.per_second:.0f} per second, {done.jobs} process(es)): "
        f"{done.rewritten} scorecard(s) changed, {done.changed} with a different score."
    )
    for problem in done.problems:
        click.echo(f"roleplay: {problem}", err=True)


@click.command()
@click.option("--agent", required=True, help="The agent whose data is erased.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@db_option
@click.pass_context
def forget(ctx: click.Context, agent: str, yes: bool, db: Path | None) -> None:
    """Erase an agent's sessions, recordings and the export files that hold them."""
    store, path = open_store(ctx, db)
    count = len(store.history(agent))
    if count == 0:
        known = agents(store)
        if known:
            raise SimulatorError(
                "error.forget_nobody", agent=agent, path=path, agents=", ".join(known)
            )
        raise SimulatorError("error.forget_empty", agent=agent, path=path)
    if not yes:
        if not sys.stdin.isatty():
            raise SimulatorError("error.forget_confirm", count=count, agent=agent)
        click.confirm(
            f"Erase {count} session(s) of {agent}, their recordings and exports, for good?",
            abort=True,
            err=True,
        )
    for line in forget_agent(store, agent).lines():
        click.echo(line)


@click.command()
@click.option("--agent", help="Only this agent's sessions.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def history(ctx: click.Context, agent: str | None, as_json: bool, db: Path | None) -> None:
    """Stored sessions, newest first, with the scores a reviewer left."""
    store, path = open_store(ctx, db)
    shown = ("id", "agent", "scenario", "locale", "started_at", "ended_at", "status", "outcome")
    rows = [
        {
            **{key: getattr(s, key) for key in shown},
            "overall": s.effective_overall,
            "scores": s.effective_scores,
            "overridden": sorted(s.overrides),
        }
        for s in store.history(agent)
    ]
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo(f"No sessions yet in {path}.")
    for r in rows:
        overall = r["overall"] if r["overall"] is not None else "–"
        click.echo(
            f"{r['id']}  {r['started_at']}  {r['agent']:<14} {r['scenario'] or '':<32} "
            f"{overall:>3}  {r['outcome'] or r['status']}"
        )
