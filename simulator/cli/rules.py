"""``roleplay rules``: check rule packs and run every rule's own examples."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from scoring.rule_examples import check_pack_examples, rules_without_examples, split_example
from scoring.spoken import normalise
from simulator.authoring.packs import BUNDLED_PACKS, load_pack, pack_files, read_pack
from simulator.authoring.pattern_check import pack_warnings
from simulator.cli.common import interface_locale, workspace
from simulator.errors import EXIT_USER_ERROR, InvalidFileError, Problem
from simulator.i18n.catalogue import Plural, text


@click.group()
def rules() -> None:
    """Check rule packs (avoided phrases, empathy markers)."""


def _pack_paths(ctx: click.Context, paths: tuple[Path, ...]) -> list[Path]:
    folders = [p for p in paths if p.is_dir()]
    files = [p for p in paths if not p.is_dir()]
    if not paths:
        folders = [BUNDLED_PACKS, *workspace(ctx).settings.rule_dirs]
    return pack_files(folders) + files


@rules.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.pass_context
def rules_validate(ctx: click.Context, paths: tuple[Path, ...]) -> None:
    """Check rule-pack files (the bundled and your organisation's when no PATH is given).

    Besides what makes a pack invalid, warns about patterns that can never match speech in
    its normal form ("don't" is heard as "do not") and rules without examples.
    """
    problems: list[Problem] = []
    valid = 0
    for path in _pack_paths(ctx, paths):
        try:
            pack, located = read_pack(path)
        except InvalidFileError as exc:
            problems.extend(exc.problems)
            continue
        valid += 1
        problems.extend(pack_warnings(pack, located))
    said = interface_locale(ctx)
    for problem in problems:
        click.echo(problem.render(said), err=True)
    problems = [p for p in problems if not p.warning]
    packs = Plural(valid, "cli.count.valid_pack.one", "cli.count.valid_pack.many")
    if problems:
        wrong = Plural(len(problems), "cli.count.problem.one", "cli.count.problem.many")
        click.echo(text("cli.packs_invalid", said, problems=wrong, valid=packs), err=True)
        sys.exit(EXIT_USER_ERROR)
    click.echo(text("cli.packs_valid", said, valid=packs))


@rules.command("test")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.pass_context
def rules_test(ctx: click.Context, paths: tuple[Path, ...]) -> None:
    """Run every rule's own examples: each 'flag' must fire, each 'pass' must not."""
    checks, bare, locales = [], [], {}
    for path in _pack_paths(ctx, paths):
        pack = load_pack(path)
        checks.extend(check_pack_examples(pack))
        bare.extend(f"{pack.pack}.{rule}" for rule in rules_without_examples(pack))
        locales[pack.pack] = pack.locale
    failed = [c for c in checks if not c.passed]
    said = interface_locale(ctx)
    for check in failed:
        click.echo(f"FAIL  {check.pack}.{check.rule} [{check.kind}] {check.text!r}: {check.detail}")
        # Patterns are matched against this form of the sentence, not as it is written.
        heard = normalise(split_example(check.text)[1], locales[check.pack]).text
        click.echo(text("author.normal_form", said, text=repr(heard)))
    for rule in bare:
        click.echo(f"FAIL  {text('cli.rule_without_examples', said, rule=rule)}")
    passed = Plural(len(checks) - len(failed), "cli.count.passed.one", "cli.count.passed.many")
    failing = Plural(len(failed) + len(bare), "cli.count.failed.one", "cli.count.failed.many")
    click.echo(text("cli.examples_result", said, passed=passed, failed=failing))
    if failed or bare:
        sys.exit(1)
