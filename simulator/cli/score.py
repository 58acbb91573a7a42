"""``roleplay score``: the scorecard of a transcript of a recorded or imported call."""

from __future__ import annotations

from pathlib import Path

import click

from simulator.authoring.transcripts import load_transcript
from simulator.cli.common import print_json, workspace
from simulator.reports.terminal import render_scorecard


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scorecard as JSON.")
@click.pass_context
def score(ctx: click.Context, file: Path, as_json: bool) -> None:
    """Score a transcript FILE (JSON interchange format) of a recorded or imported call."""
    transcript = load_transcript(file)
    card = workspace(ctx).score(transcript).to_dict()
    if as_json:
        print_json(card)
    else:
        click.echo(render_scorecard(card, transcript=transcript))
