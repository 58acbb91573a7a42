"""New scenarios from a template, so a trainer starts from something that already plays."""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from simulator.errors import SimulatorError

TEMPLATES = Path(__file__).parent / "templates"
SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "schema" / "scenario.schema.json"


def render_scenario(
    scenario_id: str,
    title: str,
    locale: str,
    persona: str,
    channel: str,
    difficulty: str,
    customer_name: str,
    path: Path,
) -> str:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    schema = os.path.relpath(SCHEMA, path.parent.resolve()) if SCHEMA.exists() else SCHEMA.name
    return env.get_template("scenario.yml.j2").render(
        id=scenario_id,
        title=title.replace('"', "'"),
        locale=locale,
        persona=persona,
        channel=channel,
        difficulty=difficulty,
        customer_name=customer_name.replace('"', "'"),
        mood=50,
        path=path,
        schema=schema,
    )


def write_scenario(
    folder: Path,
    scenario_id: str,
    title: str,
    locale: str,
    persona: str,
    channel: str,
    difficulty: str,
    customer_name: str,
) -> Path:
    """Write ``<folder>/<id>.yml``; never overwrites an existing file."""
    import re

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", scenario_id):
        raise SimulatorError("error.bad_scenario_id", id=scenario_id)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{scenario_id}.yml"
    if path.exists():
        raise SimulatorError("error.scenario_exists", path=path)
    path.write_text(
        render_scenario(
            scenario_id, title, locale, persona, channel, difficulty, customer_name, path
        ),
        encoding="utf-8",
    )
    return path
