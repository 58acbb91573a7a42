"""``roleplay scenarios``: list, check, write, preview and test scenarios."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

import click

from simulator.authoring.examples import run_examples
from simulator.authoring.library import load_all
from simulator.authoring.preview import describe_step
from simulator.authoring.scaffold import id_from_title, write_scenario
from simulator.cli.common import interface_locale, print_json, print_table, workspace
from simulator.cli.console import run_typed
from simulator.conversation.scenario import CHANNELS, DIFFICULTIES, PERSONA_TYPES
from simulator.errors import EXIT_USER_ERROR, SimulatorError
from simulator.i18n.catalogue import Plural, Text, text


@click.group()
def scenarios() -> None:
    """List and check scenarios."""


@scenarios.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--locale", type=click.Choice(["fr", "en"]), help="Only this language.")
@click.pass_context
def scenarios_list(ctx: click.Context, as_json: bool, locale: str | None) -> None:
    """List the bundled scenarios."""
    report = workspace(ctx).library()
    rows = [
        {
            "id": s.id,
            "title": s.title,
            "locale": s.locale,
            "persona": s.persona,
            "channel": s.channel,
            "difficulty": s.difficulty,
        }
        for s in sorted(report.scenarios, key=lambda s: (s.locale, s.id))
        if locale is None or s.locale == locale
    ]
    said = interface_locale(ctx)
    if as_json:
        print_json(rows)
    elif rows:
        t = Text(said)
        columns = ("id", "locale", "persona", "channel", "difficulty", "title")
        print_table(
            [t(f"cli.column.{c}") for c in columns], [[r[c] for c in columns] for r in rows]
        )
    for problem in report.problems:
        click.echo(text("cli.skipped_scenario", said, problem=problem.render(said)), err=True)


@scenarios.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.pass_context
def scenarios_validate(ctx: click.Context, paths: tuple[Path, ...]) -> None:
    """Check scenario files (all bundled ones when no PATH is given); report every problem."""
    report = load_all(paths) if paths else workspace(ctx).library()
    problems = report.problems
    missing = [p for p in paths if not p.exists()]
    said = interface_locale(ctx)
    for path in missing:
        click.echo(text("cli.no_such_path", said, path=path), err=True)
    for problem in problems:
        click.echo(problem.render(said), err=True)
    count = len(report.scenarios)
    valid = Plural(count, "cli.count.valid_scenario.one", "cli.count.valid_scenario.many")
    if problems or missing:
        wrong = len(problems) + len(missing)
        problems_said = Plural(wrong, "cli.count.problem.one", "cli.count.problem.many")
        click.echo(
            text("cli.scenarios_invalid", said, problems=problems_said, valid=valid), err=True
        )
        sys.exit(EXIT_USER_ERROR)
    click.echo(text("cli.scenarios_valid", said, valid=valid))


@scenarios.command("new")
@click.option("--id", "scenario_id", help="Id and file name, lowercase-with-dashes.")
@click.option("--title", help="Short title.")
@click.option("--locale", type=click.Choice(["fr", "en"]), help="Language of the call.")
@click.option(
    "--persona",
    type=click.Choice(PERSONA_TYPES),
    help="Customer type.",
)
@click.option(
    "--channel",
    type=click.Choice(CHANNELS),
    help="Where the complaint comes from.",
)
@click.option(
    "--difficulty",
    type=click.Choice(DIFFICULTIES),
    default="medium",
    show_default=True,
)
@click.option("--customer-name", help="How the customer is addressed.")
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder to write the scenario in.",
)
@click.pass_context
def scenarios_new(
    ctx: click.Context,
    scenario_id: str | None,
    title: str | None,
    locale: str | None,
    persona: str | None,
    channel: str | None,
    difficulty: str,
    customer_name: str | None,
    folder: Path,
) -> None:
    """Write a new scenario from a template, asking for what is not given."""
    interactive = sys.stdin.isatty()
    if not interactive:
        given = (
            ("--locale", locale),
            ("--persona", persona),
            ("--channel", channel),
            ("--title", title),
        )
        missing = [name for name, value in given if not value]
        if missing:
            raise SimulatorError("error.new_scenario_needs", missing=", ".join(missing))
    t = Text(interface_locale(ctx))
    locale = locale or click.prompt(t("author.new.ask_locale"), type=click.Choice(["fr", "en"]))
    if not persona:
        click.echo(t("author.new.types"))
        for value in PERSONA_TYPES:
            name, about = t(f"persona.{value}"), t(f"author.persona.{value}")
            click.echo(t("author.new.type", value=value, name=name, about=about))
        persona = click.prompt(t("author.new.ask_persona"), type=click.Choice(PERSONA_TYPES))
    channel = channel or click.prompt(t("author.new.ask_channel"), type=click.Choice(CHANNELS))
    default_name = "Madame Martin" if locale == "fr" else "Mrs Walker"
    if not customer_name:
        customer_name = (
            click.prompt(t("author.new.ask_customer_name"), default=default_name)
            if interactive
            else default_name
        )
    title = title or click.prompt(t("author.new.ask_title"))
    scenario_id = scenario_id or id_from_title(locale, title)
    path = write_scenario(
        folder, scenario_id, title, locale, persona, channel, difficulty, customer_name
    )
    click.echo(t("author.new.wrote", path=path))
    click.echo(t("author.new.next", path=path))


@scenarios.command("preview")
@click.argument("scenario")
@click.option("--agent", default="preview", help="The name used for {{ agent_name }}.")
@click.pass_context
def scenarios_preview(ctx: click.Context, scenario: str, agent: str) -> None:
    """Play SCENARIO as text, showing which branch each reply took and why. Nothing is saved."""
    space = workspace(ctx)
    found = space.scenario(scenario)
    conversation = space.conversation(found, agent)
    said = interface_locale(ctx)
    t = Text(said)
    persona = t(f"persona.{found.persona}")
    click.echo(
        t(
            "author.preview.title",
            title=found.title,
            customer=found.customer_name,
            persona=persona,
            mood=found.mood,
        )
    )
    click.echo(text("call.typed_help", found.locale))
    click.echo("")
    run_typed(
        conversation,
        None,
        show_mood=True,
        on_step=lambda step: click.echo(describe_step(step, said)),
    )
    click.echo(t("author.preview.end", outcome=t.named("outcome", str(conversation.outcome))))


@scenarios.command("test")
@click.argument("names", metavar="[SCENARIO]...", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@click.pass_context
def scenarios_test(ctx: click.Context, names: tuple[str, ...], as_json: bool) -> None:
    """Play every example run of each SCENARIO, given by id or by the path to its file.

    An id is looked up in the bundled scenarios and the folders named by 'scenario_dirs'
    in the settings file; with no SCENARIO, every scenario there is played.
    """
    space = workspace(ctx)
    if names:
        chosen = [space.scenario(name) for name in names]
    else:
        report = space.library()
        if report.errors:
            raise report.errors[0]
        chosen = report.scenarios
    results = [r for s in chosen for r in run_examples(s)]
    failed = [r for r in results if not r.passed]
    if as_json:
        print_json([{**asdict(r), "passed": r.passed} for r in results])
    else:
        for r in results:
            mark = "PASS" if r.passed else "FAIL"
            click.echo(f"{mark}  {r.scenario} :: {r.name}  ({' → '.join(r.path)})")
            for difference in r.differences:
                click.echo(f"        {difference}")
        without = [s.id for s in chosen if not s.examples]
        said = interface_locale(ctx)
        for scenario_id in without:
            click.echo(text("cli.examples_missing", said, id=scenario_id))
        passed = Plural(len(results) - len(failed), "cli.count.passed.one", "cli.count.passed.many")
        failing = Plural(len(failed), "cli.count.failed.one", "cli.count.failed.many")
        click.echo(text("cli.examples_result", said, passed=passed, failed=failing))
    if failed:
        sys.exit(1)
