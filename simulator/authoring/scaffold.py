"""New scenarios from a template, so a trainer starts from something that already plays."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from simulator.errors import SimulatorError

TEMPLATES = Path(__file__).parent / "templates"
# Shipped inside the package (python -m simulator.authoring.schema), so the line that
# points editors at it works wherever roleplay is installed.
SCHEMA = Path(__file__).resolve().parent / "schemas" / "scenario.schema.json"
MAX_ID = 40


def id_from_title(locale: str, title: str) -> str:
    """``fr-une-facture-deux-fois-plus-elevee``: the language and the title's words without
    accents, as many whole words as fit in 40 characters."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    words = [w for w in re.split(r"[^a-z0-9]+", plain) if w]
    kept = [locale]
    for word in words:
        if len("-".join([*kept, word])) > MAX_ID:
            if len(kept) == 1:  # one word longer than the whole id: cut it
                kept.append(word[: MAX_ID - len(locale) - 1])
            break
        kept.append(word)
    return "-".join(kept) if len(kept) > 1 else "scenario"


def schema_line_path(folder: Path) -> str:
    """The scenario schema as a path from ``folder`` (absolute when there is none: another
    drive)."""
    try:
        return os.path.relpath(SCHEMA, folder.resolve())
    except ValueError:
        return str(SCHEMA)


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
    schema = schema_line_path(path.parent)
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
