"""The JSON Schemas trainers' editors use are the models': regenerate them after a change
(``python -m simulator.authoring.schema``). They are published in docs/schema and shipped
inside the package, where the ``$schema`` line of a new scenario points."""

from __future__ import annotations

import pytest

from simulator.authoring.schema import PACKAGED, PUBLISHED, SCHEMAS, schema_text


@pytest.mark.parametrize("folder", [PUBLISHED, PACKAGED], ids=["docs", "package"])
@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_the_published_schema_is_the_models(folder, name):
    published = (folder / f"{name}.schema.json").read_text(encoding="utf-8")
    assert published == schema_text(SCHEMAS[name])


def test_the_package_ships_every_schema_and_nothing_else():
    assert sorted(p.name for p in PACKAGED.iterdir()) == sorted(
        f"{name}.schema.json" for name in SCHEMAS
    )
