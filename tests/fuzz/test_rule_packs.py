"""Any rule-pack file loads or is refused with a located message, in process and through
'roleplay rules validate' and 'roleplay rules test' (which compiles every pattern)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.rules import CompiledRule
from simulator.authoring.packs import load_pack
from simulator.errors import EXIT_USER_ERROR
from tests.fuzz.budget import fuzz
from tests.fuzz.mutations import dump_yaml, file_contents, mutated
from tests.fuzz.outcomes import assert_clean, ends_cleanly, invoke
from tests.fuzz.shipped import PACKS

pack_files = st.sampled_from(PACKS).flatmap(lambda p: file_contents(p.text, p.data, dump_yaml))
changed_packs = st.sampled_from(PACKS).flatmap(
    lambda p: mutated(p.data).map(lambda d: dump_yaml(d).encode())
)


def _write(folder: Path, content: bytes) -> Path:
    path = folder / "pack.yml"
    path.write_bytes(content)
    return path


@fuzz(500)
@given(content=pack_files)
def test_a_rule_pack_loads_or_is_refused(workdir, content):
    path = _write(workdir, content)
    pack = ends_cleanly(lambda: load_pack(path))
    if pack is not None:
        # A pack that loads compiles: its patterns are checked as they will be matched.
        for rule in pack.rules:
            CompiledRule(rule, pack).hits("I do not know, sorry Mr Okafor, je ne sais pas")


@fuzz(120)
@given(content=pack_files)
def test_rules_validate_ends_in_success_or_exit_2(workdir, cli_env, content):
    path = _write(workdir, content)
    assert_clean(invoke(["rules", "validate", str(path)], cli_env))


@fuzz(80)
@given(content=changed_packs)
def test_rules_test_runs_or_refuses_a_changed_pack(workdir, cli_env, content):
    path = _write(workdir, content)
    # 1: the pack loaded and one of its rules' own examples did not hold.
    assert_clean(invoke(["rules", "test", str(path)], cli_env), codes=(0, 1, EXIT_USER_ERROR))


PATTERNS = {
    "flag in the middle": "(?i)hold on",
    "range that accents collapse": "[f-é]",
    "repeat count too large": "a{4294967296}",
    "groups nested too deep": "(" * 2000 + "a" + ")" * 2000,
    "unbalanced": "a)(b",
    "bad escape": "\\",
}


@pytest.mark.parametrize("rule_type", ["existence", "reformulation"])
@pytest.mark.parametrize("case", sorted(PATTERNS))
def test_a_pattern_that_cannot_be_matched_is_refused_at_validation(
    workdir, cli_env, case, rule_type
):
    pattern = PATTERNS[case].replace("'", "''")
    text = (
        "pack: odd\nlocale: en\ndimension: empathy\nrules:\n"
        f"  - id: odd\n    type: {rule_type}\n    message: m\n    tokens: ['{pattern}']\n"
    )
    path = _write(workdir, text.encode())
    for command in ("validate", "test"):
        result = invoke(["rules", command, str(path)], cli_env)
        assert_clean(result, codes=(EXIT_USER_ERROR,))
        assert "pack.yml:8" in result.stderr and "regular expression" in result.stderr
