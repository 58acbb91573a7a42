"""'validate' reports every problem of a scenario in one run: the schema's (unknown keys,
wrong values) together with those of the whole file (a goto to no node, an unreachable
node, an unknown template variable), each at its own line, its key written one way
(``nodes.opening.next[0].goto``); and a broken YAML layout (a tab, a line indented
wrongly) on the line that broke it."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.authoring.library import load_scenario
from simulator.authoring.packs import load_pack
from simulator.errors import InvalidFileError, Problem

DATA = Path(__file__).parent.parent / "data"
MINIMAL = (DATA / "scenarios" / "en-minimal.yml").read_text(encoding="utf-8")


def _problems(tmp_path: Path, text: str, name: str = "en-minimal") -> list[Problem]:
    path = tmp_path / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidFileError) as caught:
        load_scenario(path)
    return caught.value.problems


def _changed(*pairs: tuple[str, str]) -> str:
    text = MINIMAL
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def test_schema_and_graph_problems_come_in_one_run(tmp_path):
    text = _changed(
        ("customer_name: Mrs Johnson", "custmer_name: Mrs Johnson"),  # line 5
        ("      - goto: escalate\n", "      - goto: escalat\n"),  # line 34
        ("    customer: Okay. So what", "    custmer: Okay. So what"),  # line 36
        ("      - when: {empathy_min: 2}\n        goto: calmer\n", ""),  # calmer: unreachable
        ("customer: Forget it.", "customer: Forget it, {{ itme }}."),
    )
    found = {(p.line, p.key): str(p) for p in _problems(tmp_path, text)}
    assert sorted(found) == [
        (5, "custmer_name"),
        (32, "nodes.annoyed.next[1].goto"),
        (33, "nodes.calmer"),
        (34, "nodes.calmer.custmer"),
        (42, "nodes.escalate"),
        (46, "nodes.gone.customer[0].text"),
    ], found
    assert "did you mean 'customer_name'" in found[(5, "custmer_name")]
    assert "did you mean 'escalate'" in found[(32, "nodes.annoyed.next[1].goto")]
    assert "unreachable" in found[(33, "nodes.calmer")]
    assert "unknown key (did you mean 'customer'?)" in found[(34, "nodes.calmer.custmer")]
    assert "unknown variable 'itme'" in found[(46, "nodes.gone.customer[0].text")]


@pytest.mark.parametrize(
    ("change", "key", "suggested"),
    [
        (("    customer: Okay. So", "    custmer: Okay. So"), "nodes.calmer.custmer", "customer"),
        (
            ("{empathy_min: 2}", "{empathy_mn: 2}"),
            "nodes.opening.next[1].when.empathy_mn",
            "empathy_min",
        ),
        (("        tag: core", "        tga: core"), "nodes.opening.customer[0].tga", "tag"),
    ],
)
def test_a_nested_typo_gets_did_you_mean(tmp_path, change, key, suggested):
    (problem,) = _problems(tmp_path, _changed(change))
    assert problem.key == key
    assert f"did you mean '{suggested}'" in str(problem)


def test_a_typo_inside_a_rule_of_a_pack_gets_did_you_mean(tmp_path):
    pack = tmp_path / "pack.yml"
    pack.write_text(
        "pack: p\nlocale: en\ndimension: avoided_phrases\nrules:\n"
        "  - id: r\n    type: substitution\n    message: m\n    swapp: {a: b}\n"
    )
    with pytest.raises(InvalidFileError) as caught:
        load_pack(pack)
    unknown = next(p for p in caught.value.problems if p.key == "rules[0].swapp")
    assert "did you mean 'swap'" in str(unknown) and unknown.line == 8


def test_list_positions_are_written_in_brackets_everywhere(tmp_path):
    text = _changed(("{empathy: [next_step]}", "{empathy: [next_step, nxt_step]}"))
    (problem,) = _problems(tmp_path, text)
    assert problem.key == "nodes.annoyed.next[0].when.empathy[1]"
    assert "did you mean 'next_step'" in str(problem)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # A refused ending: no "dead end" for the node, no "no ending".
        (("    end: resolved", "    end: resolvd"), ["nodes.done.end"]),
        # A refused start: the nodes are not all reported unreachable.
        (("start: opening", "start: [opening]"), ["start"]),
        # A variable that is not text: its uses are not unknown variables.
        (("  item: kettle", "  item: 3"), ["variables.item"]),
        # A node that is not a mapping: the gotos to it still find it.
        (
            ("  done:\n    customer: Right, thanks. Bye.\n    end: resolved", "  done: Bye"),
            ["nodes.done"],
        ),
        # A goto that is not a node id: reported once.
        (("goto: done", "goto: 'do ne'"), ["nodes.annoyed.next[0].goto"]),
    ],
)
def test_a_refused_part_brings_no_second_problem_from_the_graph(tmp_path, change, expected):
    assert [p.key for p in _problems(tmp_path, _changed(change))] == expected


def test_a_node_with_both_end_and_next_is_reported_once_and_the_rest_checked(tmp_path):
    text = _changed(
        (
            "    customer: Right, thanks. Bye.\n",
            "    customer: Right, thanks. Bye.\n    next: [{goto: gone}]\n",
        ),
        ("  item: kettle", "  item: kettle\n  unused: x"),
        ("      - goto: escalate\n", "      - goto: nowhere\n"),
    )
    keys = [p.key for p in _problems(tmp_path, text)]
    assert keys == ["nodes.annoyed.next[1].goto", "nodes.done", "nodes.escalate"]


@pytest.mark.parametrize(
    ("change", "line", "column"),
    [
        # a tab where a block indicator is read ("> -")
        (("brief: Mrs Johnson's", "brief: >\t-\n  Mrs Johnson's"), 9, 9),
        # a tab inside a line the parser reads past before it gives up
        (("      - text: My {{ item }}", "      - text: My (?:\t's {{ item }}"), 19, 21),
        # a tab as indentation
        (("  item: kettle", "\titem: kettle"), 13, 1),
    ],
)
def test_a_tab_is_named_with_its_line_and_column(tmp_path, change, line, column):
    (problem,) = _problems(tmp_path, _changed(change))
    assert "tab character" in str(problem), str(problem)
    assert (problem.line, problem.column) == (line, column)


def test_a_line_indented_wrongly_is_reported_on_that_line(tmp_path):
    text = _changed(
        ("        goto: done\n      - goto: escalate", "        goto: done\n     - goto: escalate")
    )
    (problem,) = _problems(tmp_path, text)
    assert (problem.line, problem.column) == (34, 6)
    assert "indented 5 spaces" in str(problem) and "0, 2, 4, 6 or 8" in str(problem)


def test_a_list_item_among_keys_is_reported_on_its_line_not_the_block_start(tmp_path):
    text = _changed(("    customer: Forget it.\n", "    customer: Forget it.\n    - stray\n"))
    (problem,) = _problems(tmp_path, text)
    assert problem.line == 49 and "in the block that starts on line 48" in str(problem)
