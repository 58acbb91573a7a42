"""``roleplay progress``: one trainee's own progress over every scenario they practised."""

from __future__ import annotations

from pathlib import Path

import click

from simulator.cli.common import db_option, interface_locale, open_store, print_table
from simulator.i18n.catalogue import Text
from simulator.store.agents import require_agent


@click.command("progress")
@click.option("--agent", required=True, help="Whose progress (any case or accents).")
@db_option
@click.pass_context
def progress(ctx: click.Context, agent: str, db: Path | None) -> None:
    """Each dimension's scores session by session with their average, the objectives
    met in each session, and the scenarios with the lowest average first."""
    from simulator.analytics.my_progress import my_progress
    from simulator.reports.progress_table import (
        dimension_table,
        heading,
        scenario_table,
        session_table,
    )

    store, path = open_store(ctx, db)
    name = require_agent(store, agent, path)  # "did you mean" when the name finds nobody
    found = my_progress(store, agent)
    t = Text(interface_locale(ctx))
    if not found.sessions:
        click.echo(t("progress.none_scored", agent=name))
        return
    click.echo(heading(found, t))
    for title, table in (
        ("progress.by_dimension", dimension_table(found, t)),
        ("progress.by_session", session_table(found, t)),
        ("progress.hardest", scenario_table(found, t)),
    ):
        click.echo(f"\n{t(title)}")
        print_table(table.headings, table.rows)
