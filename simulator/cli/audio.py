"""``roleplay analyze-audio``: the pace of a recording."""

from __future__ import annotations

from pathlib import Path

import click

from simulator.cli.common import asr_options, print_json, workspace
from simulator.errors import SimulatorError
from simulator.voice.asr import audio_to_16k
from simulator.voice.audio_files import read_audio
from simulator.voice.pace import measure
from simulator.voice.rig import VoiceOptions, recogniser_for


@click.command("analyze-audio")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--locale", type=click.Choice(["fr", "en"]), default="en", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@asr_options
@click.pass_context
def analyze_audio(
    ctx: click.Context,
    file: Path,
    locale: str,
    as_json: bool,
    asr_engine: str | None,
    asr_model: str | None,
) -> None:
    """Measure the pace of a recording: words per minute, articulation rate, pauses."""
    samples, rate = read_audio(file)
    recognition, note = None, None
    options = VoiceOptions.from_settings(workspace(ctx).settings, asr_engine, asr_model)
    try:
        recogniser = recogniser_for(options, locale)
    except SimulatorError as exc:
        if asr_engine is not None or asr_model is not None:
            raise  # asked for by name: its absence is the person's to fix
        recogniser, note = None, f"no speech recognition: {exc.message}"
    if recogniser is not None:
        recognition = recogniser.recognise(audio_to_16k(samples, rate), locale)
    result = measure(samples, rate, locale, recognition).to_dict()
    if note:
        result["note"] = note
    if as_json:
        print_json(result)
        return
    for key, value in result.items():
        if key == "pauses":
            value = ", ".join(f"{p['start']:.2f}–{p['end']:.2f}" for p in value) or "none"
        click.echo(f"{key:>22}: {value}")
