from pathlib import Path

import pytest

from simulator.authoring.library import load_all, load_scenario
from simulator.errors import InvalidFileError

DATA = Path(__file__).parent.parent / "data"
BAD = DATA / "scenarios_bad"
# Each broken scenario holds one planted mistake: the line validate must report,
# and words its message must contain.
EXPECTED = {
    "bad-mood.yml": (8, "valid integer"),
    "bad-persona.yml": (4, "did you mean 'loyal_irritated'"),
    "dead-end.yml": (44, "dead end"),
    "missing-node.yml": (33, "did you mean 'done'"),
    "missing-title.yml": (1, "title"),
    "no-fallback.yml": (32, "fallback"),
    "syntax.yml": (13, "not valid YAML"),
    "template.yml": (30, "unknown variable 'agnt'"),
    "unknown-key.yml": (5, "did you mean 'customer_name'"),
    "unreachable.yml": (47, "unreachable"),
}


def test_every_broken_file_has_an_expectation():
    assert sorted(p.name for p in BAD.glob("*.yml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_planted_mistake_is_found_on_its_line(name):
    with pytest.raises(InvalidFileError) as caught:
        load_scenario(BAD / name)
    first = caught.value.problems[0]
    assert first.line == EXPECTED[name][0], str(caught.value)
    assert EXPECTED[name][1] in str(first)
    assert first.file.endswith(name)


def test_bulk_load_reports_every_file_and_keeps_the_good_ones():
    report = load_all([BAD, DATA / "scenarios"])
    assert [s.id for s in report.scenarios] == ["en-minimal"]
    failed = {Path(p.file).name for p in report.problems}
    assert failed == set(EXPECTED)


def test_id_must_match_the_file_name(tmp_path):
    text = (DATA / "scenarios" / "en-minimal.yml").read_text()
    path = tmp_path / "other-name.yml"
    path.write_text(text)
    with pytest.raises(InvalidFileError, match="differs from the file name"):
        load_scenario(path)


def test_non_mapping_file_is_a_clear_error(tmp_path):
    path = tmp_path / "list.yml"
    path.write_text("- a\n- b\n")
    with pytest.raises(InvalidFileError, match="expected a mapping"):
        load_scenario(path)


def test_not_utf8_is_a_clear_error(tmp_path):
    path = tmp_path / "latin.yml"
    path.write_bytes("title: Désolé".encode("latin-1"))
    with pytest.raises(InvalidFileError, match="UTF-8"):
        load_scenario(path)


def test_a_branch_asking_for_an_unknown_objective_is_named_with_a_suggestion(tmp_path):
    text = (Path(__file__).parents[1] / "data" / "scenarios" / "en-minimal.yml").read_text()
    text = text.replace(
        "objectives:\n  - Acknowledge, then state the next step.\n",
        "objectives:\n  - id: facts\n    text: State the date.\n    says: [friday]\n",
    ).replace("      - when: {empathy_min: 2}\n", "      - when: {objectives: [fact]}\n", 1)
    path = tmp_path / "en-minimal.yml"
    path.write_text(text)
    with pytest.raises(InvalidFileError) as caught:
        load_scenario(path)
    message = str(caught.value)
    assert "fact" in message and "facts" in message  # named, and the near id suggested
