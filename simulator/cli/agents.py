"""``roleplay agents``: who has sessions here, and putting their names right.

A name is typed freely at every practice, so one person can end up under two spellings
("Priya", "Priya Shah"). Names are compared without case or accents everywhere;
``rename`` and ``merge`` put the rest right.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from simulator.cli.common import db_option, interface_locale, open_store, print_json, print_table
from simulator.errors import SimulatorError
from simulator.i18n.catalogue import Text
from simulator.store.agents import agents_of, merge_agents, plan_merge, rename_agent
from simulator.store.records import timestamp


@click.group()
def agents() -> None:
    """List the agents with sessions here; rename one, or merge two names into one."""


@agents.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def agents_list(ctx: click.Context, as_json: bool, db: Path | None) -> None:
    """Each agent once, with their number of sessions and every spelling of their name."""
    store, path = open_store(ctx, db)
    found = agents_of(store.history())
    if as_json:
        print_json(
            [
                {"name": a.name, "sessions": a.sessions, "spellings": a.spellings, "last": a.last}
                for a in found
            ]
        )
        return
    t = Text(interface_locale(ctx))
    if not found:
        click.echo(t("cli.no_sessions", path=path))
        return
    rows = []
    for a in found:
        last = timestamp(a.last)
        others = ", ".join(s for s in a.spellings if s != a.name)
        rows.append([a.name, a.sessions, f"{last.astimezone():%Y-%m-%d}" if last else "–", others])
    print_table(
        [
            t.capital("word.agent"),
            t.capital("word.sessions") + ">",
            t("cli.column.last_session"),
            t("cli.column.spellings"),
        ],
        rows,
    )


@agents.command("rename")
@click.argument("old")
@click.argument("new")
@db_option
@click.pass_context
def agents_rename(ctx: click.Context, old: str, new: str, db: Path | None) -> None:
    """Give every session of OLD the name NEW (to correct a spelling).

    OLD is matched whatever its case or accents. When NEW is already another agent's
    name, use 'roleplay agents merge' instead.
    """
    store, path = open_store(ctx, db)
    done = rename_agent(store, old, new, path)
    t = Text(interface_locale(ctx))
    click.echo(
        t.plural(
            done.sessions,
            "cli.agent_renamed.one",
            "cli.agent_renamed.many",
            old=done.old,
            new=done.new,
        )
    )


@agents.command("merge")
@click.argument("name")
@click.argument("into")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@db_option
@click.pass_context
def agents_merge(ctx: click.Context, name: str, into: str, yes: bool, db: Path | None) -> None:
    """Move every session of NAME to the agent INTO: one person under two names."""
    store, path = open_store(ctx, db)
    t = Text(interface_locale(ctx))
    plan = plan_merge(store, name, into, path)
    if not yes:
        if not sys.stdin.isatty():
            raise SimulatorError(
                "error.merge_confirm", count=plan.sessions, agent=plan.old, into=plan.new
            )
        question = t.plural(
            plan.sessions,
            "cli.merge_confirm.one",
            "cli.merge_confirm.many",
            agent=plan.old,
            into=plan.new,
        )
        click.confirm(question, abort=True, err=True)
    done = merge_agents(store, name, into, path)
    said = t.plural(
        done.sessions, "cli.agents_merged.one", "cli.agents_merged.many", old=done.old, new=done.new
    )
    click.echo(said)
