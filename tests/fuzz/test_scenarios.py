"""Any scenario file, however broken or hostile, loads or is refused with a located message:
in process, through 'roleplay scenarios validate' and through 'roleplay scenarios test'."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.authoring.library import load_all, load_scenario
from simulator.errors import EXIT_USER_ERROR
from tests.fuzz.budget import fuzz
from tests.fuzz.mutations import dump_yaml, file_contents, mutated
from tests.fuzz.outcomes import assert_clean, ends_cleanly, invoke
from tests.fuzz.shipped import SCENARIOS

# (file name, content): the file is named after the scenario it started from, so a
# change that keeps the scenario valid can load, and run.
scenario_files = st.sampled_from(SCENARIOS).flatmap(
    lambda s: st.tuples(st.just(s.stem), file_contents(s.text, s.data, dump_yaml))
)
changed_scenarios = st.sampled_from(SCENARIOS).flatmap(
    lambda s: st.tuples(st.just(s.stem), mutated(s.data).map(lambda d: dump_yaml(d).encode()))
)


def _write(folder: Path, name: str, content: bytes) -> Path:
    path = folder / f"{name}.yml"
    path.write_bytes(content)
    return path


@fuzz(500)
@given(case=scenario_files)
def test_a_scenario_file_loads_or_is_refused(workdir, case):
    path = _write(workdir, *case)
    ends_cleanly(lambda: load_scenario(path))
    report = load_all([path])
    assert len(report.scenarios) + len(report.errors) == 1


@fuzz(120)
@given(case=scenario_files)
def test_scenarios_validate_ends_in_success_or_exit_2(workdir, cli_env, case):
    path = _write(workdir, *case)
    assert_clean(invoke(["scenarios", "validate", str(path)], cli_env))


@fuzz(80)
@given(case=changed_scenarios)
def test_scenarios_test_plays_or_refuses_a_changed_scenario(workdir, cli_env, case):
    path = _write(workdir, *case)
    # 1: the scenario loaded and one of its example runs did not go as its author expected.
    assert_clean(invoke(["scenarios", "test", str(path)], cli_env), codes=(0, 1, EXIT_USER_ERROR))


def _bomb(levels: int = 9) -> str:
    lines = ["id: a", "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


CERTAINLY_INVALID = {
    "empty file": (b"", "expected a mapping"),
    "only a comment": (b"# nothing yet\n", "expected a mapping"),
    "a list": (b"- a\n- b\n", "expected a mapping"),
    "billion laughs": (_bomb().encode(), "expands to more than"),
    "alias inside itself": (b"id: &a [*a]\n", "alias"),
    "python object tag": (
        b"id: !!python/object/apply:os.system ['touch /tmp/roleplay-fuzz-marker']\n",
        "python/object",
    ),
    "python name tag": (b"id: !!python/name:os.system\n", "python/name"),
    "nested a thousand deep": (b"id: " + b"[" * 1000 + b"]" * 1000, "nest"),
    "nested nine hundred deep": (b"id: " + b"[" * 900 + b"]" * 900, "nested more than"),
    "mappings nested deep": (b"a: " + b"{a: " * 500 + b"1" + b"}" * 500, "nested more than"),
    "duplicate keys": (b"id: a\nid: b\n", "title"),
    "two documents": (b"id: a\n---\nid: b\n", "single document"),
    "not UTF-8": (b"id: caf\xe9\n", "not UTF-8"),
    "UTF-16": ("id: a\n".encode("utf-16"), "not UTF-8"),
    "NUL byte": (b"id: a\x00\n", "not valid YAML"),
    "tab indentation": (b"id: a\nnodes:\n\tx: 1\n", "not valid YAML"),
    "NaN mood": (b"mood: .nan\n", "mood"),
    "a tag its value does not fit": (b"mood: !!timestamp soon\n", "cannot be read as !!timestamp"),
    "a number too long to read": (b"mood: " + b"9" * 5000 + b"\n", "cannot be read as !!int"),
}


@pytest.mark.parametrize("case", sorted(CERTAINLY_INVALID))
def test_a_hostile_scenario_is_refused_with_exit_2(workdir, cli_env, case):
    content, words = CERTAINLY_INVALID[case]
    path = _write(workdir, "hostile", content)
    result = invoke(["scenarios", "validate", str(path)], cli_env)
    assert_clean(result, codes=(EXIT_USER_ERROR,))
    assert words in result.stderr, result.stderr
    assert not Path("/tmp/roleplay-fuzz-marker").exists()


def test_a_folder_or_a_missing_file_where_a_scenario_is_expected(workdir, cli_env):
    folder = workdir / "a-folder.yml"
    folder.mkdir(exist_ok=True)
    # A folder named like a file is a (here empty) folder of scenarios to validate…
    assert_clean(invoke(["scenarios", "validate", str(folder)], cli_env))
    # …but not a scenario to play.
    assert_clean(invoke(["scenarios", "test", str(folder)], cli_env), (EXIT_USER_ERROR,))
    missing = str(workdir / "missing.yml")
    assert_clean(invoke(["scenarios", "validate", missing], cli_env), (EXIT_USER_ERROR,))
    assert_clean(invoke(["scenarios", "test", missing], cli_env), (EXIT_USER_ERROR,))
    parent = workdir / "library"
    (parent / "nested.yml").mkdir(parents=True, exist_ok=True)
    result = invoke(["scenarios", "validate", str(parent)], cli_env)
    assert_clean(result, (EXIT_USER_ERROR,))
    assert "folder, not a file" in result.stderr
