"""The scenario library: find scenario files, load them, and check them as a whole.

Loading validates each file against :class:`~simulator.conversation.scenario.Scenario`, then
checks what a schema cannot: every ``goto`` names a node, every node is
reachable and can lead to an ending, every template renders. Every problem is
collected so ``validate`` can report them all at once, each with its line.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from simulator.authoring.datafile import Located, parse_yaml_text, read_text
from simulator.authoring.model_paths import format_key
from simulator.authoring.salvage import validate_leniently
from simulator.authoring.settings import settings_path
from simulator.conversation.scenario import Scenario
from simulator.conversation.templating import BUILTIN_VARIABLES, TemplateProblem, check_template
from simulator.errors import InvalidFileError, Phrase, Problem, SimulatorError, quoted

BUNDLED_SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
KIND = "problem.kind.scenario"


def _closest(word: str, options: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, list(options), n=1)
    return quoted(close[0]) if close else None


def _did_you_mean(word: str, options: Iterable[str]) -> Phrase | None:
    close = _closest(word, options)
    return Phrase("problem.did_you_mean", name=close) if close else None


def check_graph(scenario: Scenario, located: Located) -> list[Problem]:
    """Problems in how the nodes connect, each located in the file."""
    file = located.file
    nodes = scenario.nodes
    checked = [o.id for o in scenario.checked_objectives]
    problems: list[Problem] = []

    def problem(path: tuple, message: Phrase, suggestion: Phrase | None = None) -> None:
        line, column = located.position(path)
        problems.append(Problem(file, message, line, column, format_key(path), suggestion))

    if scenario.start not in nodes:
        problem(
            ("start",),
            Phrase("problem.no_node", name=quoted(scenario.start)),
            _did_you_mean(scenario.start, nodes),
        )
    if scenario.on_hangup is not None and scenario.on_hangup not in nodes:
        problem(
            ("on_hangup",),
            Phrase("problem.no_node", name=quoted(scenario.on_hangup)),
            _did_you_mean(scenario.on_hangup, nodes),
        )
    if scenario.on_hangup in nodes and nodes[scenario.on_hangup].end is None:
        problem(
            ("on_hangup",),
            Phrase("problem.hangup_must_end", name=quoted(scenario.on_hangup)),
            Phrase("problem.hangup_must_end.fix"),
        )

    for node_id, node in nodes.items():
        if node.end is None and not node.next:
            problem(
                ("nodes", node_id),
                Phrase("problem.dead_end"),
                Phrase("problem.dead_end.fix"),
            )
        for i, branch in enumerate(node.next):
            wanted = branch.when.objectives if branch.when and branch.when.objectives else []
            for j, objective in enumerate(wanted):
                if objective not in checked:
                    problem(
                        ("nodes", node_id, "next", i, "when", "objectives", j),
                        Phrase("problem.no_objective", name=quoted(objective)),
                        _did_you_mean(objective, checked),
                    )
            if branch.goto not in nodes:
                problem(
                    ("nodes", node_id, "next", i, "goto"),
                    Phrase("problem.no_node", name=quoted(branch.goto)),
                    _did_you_mean(branch.goto, nodes),
                )
        if node.next and node.next[-1].when is not None:
            problem(
                ("nodes", node_id, "next", len(node.next) - 1),
                Phrase("problem.no_fallback"),
                Phrase("problem.no_fallback.fix"),
            )

    reachable = _reachable(scenario, {scenario.start, scenario.on_hangup} & set(nodes))
    for node_id in nodes:
        if node_id not in reachable:
            problem(
                ("nodes", node_id),
                Phrase("problem.unreachable"),
                Phrase("problem.unreachable.fix"),
            )
    if scenario.start in nodes and not any(nodes[n].end for n in reachable):
        problem(
            ("nodes",),
            Phrase("problem.no_ending"),
            Phrase("problem.no_ending.fix"),
        )
    ends = {n for n, node in nodes.items() if node.end}
    can_end = _reaching(scenario, ends)
    for node_id in reachable:
        node = nodes[node_id]
        if node_id not in can_end and node.end is None and node.next:
            problem(
                ("nodes", node_id),
                Phrase("problem.never_ends"),
                Phrase("problem.never_ends.fix"),
            )
    return problems


def _reachable(scenario: Scenario, roots: set[str | None]) -> set[str]:
    seen: set[str] = set()
    todo = [r for r in roots if r]
    while todo:
        node_id = todo.pop()
        if node_id in seen or node_id not in scenario.nodes:
            continue
        seen.add(node_id)
        todo.extend(b.goto for b in scenario.nodes[node_id].next)
    return seen


def _reaching(scenario: Scenario, targets: set[str]) -> set[str]:
    result = set(targets)
    changed = True
    while changed:
        changed = False
        for node_id, node in scenario.nodes.items():
            if node_id not in result and any(b.goto in result for b in node.next):
                result.add(node_id)
                changed = True
    return result


def check_templates(scenario: Scenario, located: Located) -> list[Problem]:
    known = set(scenario.variables) | BUILTIN_VARIABLES
    texts: list[tuple[tuple, str]] = [(("brief",), scenario.brief)]
    texts += [(("objectives", i), text) for i, text in enumerate(scenario.objective_texts())]
    for node_id, node in scenario.nodes.items():
        texts += [
            (("nodes", node_id, "customer", i, "text"), wording)
            for i, line in enumerate(node.customer)
            for wording in line.wordings
        ]
    # model lines are fitted to a call's scorecard, where the trainee's name is not known
    lines = set(scenario.variables) | {"customer_name"}
    checks = [(path, text, known) for path, text in texts]
    checks += [(("model_lines", r), line, lines) for r, line in scenario.model_lines.items()]
    problems = []
    for path, text, names in checks:
        try:
            check_template(text, names)
        except TemplateProblem as exc:
            ln, col = located.position(path)
            problems.append(
                Problem(
                    located.file,
                    exc.phrase,
                    ln,
                    col,
                    format_key(path),
                    Phrase("problem.unknown_variable.fix")
                    if exc.phrase.key == "problem.unknown_variable"
                    else None,
                )
            )
    return problems


def load_scenario(path: Path) -> Scenario:
    """Load one scenario file and check it; every problem is raised at once: the schema's,
    and those in how its nodes connect and in its templates, found on the file as mended
    without the parts the schema refused."""
    located = parse_yaml_text(read_text(path, KIND), str(path))
    result = validate_leniently(located, Scenario, KIND)
    problems = list(result.problems)
    scenario = result.model
    if scenario is not None:
        found = check_graph(scenario, located) + check_templates(scenario, located)
        if path.stem != scenario.id:
            line, column = located.position(("id",))
            found.append(
                Problem(
                    str(path),
                    Phrase("problem.id_differs", id=quoted(scenario.id), stem=quoted(path.stem)),
                    line,
                    column,
                    "id",
                    Phrase("problem.id_differs.fix", file=quoted(scenario.id + ".yml")),
                )
            )
        problems += [p for p in found if not result.covers(p.key)]
    if problems or scenario is None:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise InvalidFileError(problems=problems, kind=KIND)
    return scenario


def scenario_files(paths: Iterable[Path]) -> list[Path]:
    """Scenario files named directly or found in the given folders."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in {".yml", ".yaml"}))
        else:
            files.append(path)
    return files


@dataclass
class LoadReport:
    """A bulk load: what loaded, and what failed with why."""

    scenarios: list[Scenario] = field(default_factory=list)
    errors: list[InvalidFileError] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [p for e in self.errors for p in e.problems]


def load_all(paths: Iterable[Path] = (BUNDLED_SCENARIOS,)) -> LoadReport:
    """Load every scenario; one bad file does not hide the good ones."""
    report = LoadReport()
    seen: dict[str, Path] = {}
    for file in scenario_files(paths):
        try:
            scenario = load_scenario(file)
        except InvalidFileError as exc:
            report.errors.append(exc)
            continue
        if scenario.id in seen:
            report.errors.append(
                InvalidFileError(
                    problems=[
                        Problem(
                            str(file),
                            Phrase(
                                "problem.id_taken",
                                id=quoted(scenario.id),
                                file=str(seen[scenario.id]),
                            ),
                            key="id",
                            suggestion=Phrase("problem.id_taken.fix"),
                        )
                    ],
                    kind=KIND,
                )
            )
            continue
        seen[scenario.id] = file
        report.scenarios.append(scenario)
    return report


def find_scenario(name: str, search: Iterable[Path] = (BUNDLED_SCENARIOS,)) -> Scenario:
    """A scenario by id, or by path to its file."""
    candidate = Path(name)
    if candidate.suffix in {".yml", ".yaml"} or candidate.exists():
        return load_scenario(candidate)
    search = tuple(search)
    # a scenario's file is named by its id: read that one file, not the whole library
    named = [f for folder in search for f in (folder / f"{name}.yml", folder / f"{name}.yaml")]
    found = [f for f in named if f.is_file()]
    if len(found) == 1:
        return load_scenario(found[0])
    report = load_all(search)
    for scenario in report.scenarios:
        if scenario.id == name:
            return scenario
    for error in report.errors:
        if any(Path(p.file).stem == name for p in error.problems):
            raise error
    # Say where it looked, and how to look elsewhere: an organisation's folder is named
    # in the settings file.
    where = {
        "name": quoted(name),
        "folders": ", ".join(str(folder) for folder in search),
        "hint": Phrase("error.unknown_scenario.fix", settings=settings_path()),
    }
    close = _closest(name, [s.id for s in report.scenarios])
    if close:
        raise SimulatorError("error.unknown_scenario_close", close=close, **where)
    raise SimulatorError("error.unknown_scenario", **where)
