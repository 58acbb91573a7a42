"""Find and load rule packs from disk: the bundled ones and an organisation's own."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from scoring.rules import RulePack
from scoring.ruleset import BUNDLED_PACKS, RuleSet, compile_rules
from simulator.authoring.datafile import Located, parse_yaml_text, read_text, validate
from simulator.errors import InvalidFileError, Phrase, Problem, SimulatorError

__all__ = ["BUNDLED_PACKS", "load_pack", "pack_files", "read_pack", "rules_for"]

KIND = "problem.kind.rule_pack"


def load_pack(path: Path) -> RulePack:
    """Load and validate one rule-pack file."""
    return read_pack(path)[0]


def read_pack(path: Path) -> tuple[RulePack, Located]:
    """Load and validate one rule-pack file, with where each of its keys is in the file."""
    located = parse_yaml_text(read_text(path, KIND), str(path))
    pack = validate(located, RulePack, KIND)
    seen: set[str] = set()
    problems = []
    for rule in pack.rules:
        if rule.id in seen:
            problems.append(
                Problem(
                    str(path),
                    Phrase("problem.rule_twice", id=rule.id),
                    key="rules",
                    suggestion=Phrase("problem.rule_twice.fix"),
                )
            )
        seen.add(rule.id)
    if problems:
        raise InvalidFileError(problems=problems, kind=KIND)
    return pack, located


def pack_files(directories: Iterable[Path]) -> list[Path]:
    """Every ``*.yml`` / ``*.yaml`` file under the given folders, in a stable order."""
    files: list[Path] = []
    for directory in directories:
        files.extend(sorted(p for p in directory.rglob("*") if p.suffix in {".yml", ".yaml"}))
    return files


@lru_cache(maxsize=16)
def _rules_for(locale: str, extra: tuple[Path, ...]) -> RuleSet:
    packs = [load_pack(p) for p in pack_files([BUNDLED_PACKS, *extra])]
    return compile_rules(locale, packs)


def rules_for(locale: str, extra_dirs: Sequence[Path] = ()) -> RuleSet:
    """The bundled rules for ``locale`` plus an organisation's packs (loaded once per process)."""
    for directory in extra_dirs:
        if not Path(directory).is_dir():
            raise SimulatorError("error.no_rule_folder", folder=directory)
    return _rules_for(locale, tuple(Path(d).resolve() for d in extra_dirs))
