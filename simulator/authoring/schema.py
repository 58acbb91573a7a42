"""JSON Schema for every file a person writes, generated from the pydantic models.

Editors that speak the YAML language server complete and check keys with them:
see docs/authoring.md. They are published twice: inside the package
(``simulator/authoring/schemas/``, installed with roleplay, where the ``$schema`` line
that ``roleplay scenarios new`` writes points) and in ``docs/schema/``. Regenerate both
after a change to a model with ``python -m simulator.authoring.schema``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from scoring.rules import RulePack
from scoring.transcript import Transcript
from simulator.authoring.settings import Settings
from simulator.authoring.voices import VoiceProfile
from simulator.conversation.scenario import Scenario

PACKAGED = Path(__file__).resolve().parent / "schemas"
PUBLISHED = Path(__file__).resolve().parents[2] / "docs" / "schema"

SCHEMAS: dict[str, type[BaseModel]] = {
    "scenario": Scenario,
    "rule-pack": RulePack,
    "transcript": Transcript,
    "voice-profile": VoiceProfile,
    "settings": Settings,
}


def schema_text(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    folders = [Path(a) for a in sys.argv[1:]] or [PACKAGED, PUBLISHED]
    for folder in folders:
        for path in write_schemas(folder):
            print(path)
