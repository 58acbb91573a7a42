"""The JSON Schemas trainers' editors use are the models': regenerate them after a change
(``python -m simulator.authoring.schema``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.authoring.schema import SCHEMAS, schema_text

FOLDER = Path(__file__).resolve().parents[2] / "docs" / "schema"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_the_published_schema_is_the_models(name):
    published = (FOLDER / f"{name}.schema.json").read_text(encoding="utf-8")
    assert published == schema_text(SCHEMAS[name])
