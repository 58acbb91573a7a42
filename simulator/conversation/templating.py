"""Customer lines may use Jinja2 variables; trainer-written templates run sandboxed.

A scenario comes from whoever wrote it, so its templates get nothing but their
variables: no Jinja globals (``cycler``, ``lipsum``, ``range``…), no other
templates (``include``, ``import``, ``extends``), no Python internals (names
starting with ``_``), and no arithmetic that would take minutes or gigabytes.
The sandbox enforces this when a line is rendered; :func:`check_template` also
reports what it can see in the text, so ``scenarios validate`` catches it first.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, meta, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from simulator.errors import Phrase, SimulatorError

# Variables every scenario can use without declaring them.
BUILTIN_VARIABLES = frozenset({"customer_name", "agent_name"})

# Far beyond what a customer line needs, far below what would stall the trainer.
MAX_EXPONENT = 100
MAX_REPEATED_LENGTH = 10_000

_LOADING = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)


class _CustomerLines(ImmutableSandboxedEnvironment):
    """The sandbox with bounded ``**`` and ``*`` (also when Jinja folds constants)."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise SecurityError(f"a power above {MAX_EXPONENT} is not allowed in a customer line")
        if operator == "*":
            sized, count = (left, right) if isinstance(right, int) else (right, left)
            if (
                isinstance(sized, str | list | tuple)
                and isinstance(count, int)
                and len(sized) * count > MAX_REPEATED_LENGTH
            ):
                raise SecurityError(
                    f"repeating text beyond {MAX_REPEATED_LENGTH} characters is not allowed"
                )
        return super().call_binop(context, operator, left, right)


_ENV = _CustomerLines(undefined=StrictUndefined, autoescape=False)
_ENV.globals.clear()


class TemplateProblem(ValueError):
    """A template that cannot be parsed, or that uses an unknown variable."""

    def __init__(self, phrase: Phrase, line: int | None = None) -> None:
        super().__init__(str(phrase))
        self.phrase = phrase
        self.line = line


@lru_cache(maxsize=1024)
def _compile(text: str):  # type: ignore[no-untyped-def]
    return _ENV.from_string(text)


def _private_name(node: nodes.Node) -> str | None:
    """The ``_name`` that ``node`` reaches for, when it is written out in the template."""
    if isinstance(node, nodes.Getattr):
        name: object = node.attr
    elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        name = node.arg.value
    elif isinstance(node, nodes.Filter) and node.name == "attr" and node.args:
        name = node.args[0].value if isinstance(node.args[0], nodes.Const) else None
    else:
        return None
    return name if isinstance(name, str) and name.startswith("_") else None


def check_template(text: str, known: set[str]) -> None:
    """Raise :class:`TemplateProblem` when ``text`` cannot render with ``known`` variables."""
    if "{" not in text:
        return  # no template in it: it renders as it is (as :func:`render` knows)
    try:
        parsed = _ENV.parse(text)
        unknown = sorted(meta.find_undeclared_variables(parsed) - known)
    except TemplateSyntaxError as exc:
        # Jinja's own English says what is wrong in the template.
        raise TemplateProblem(Phrase("problem.template", why=exc.message), exc.lineno) from None
    except RecursionError:
        raise TemplateProblem(Phrase("problem.template_too_deep")) from None
    for node in parsed.find_all(_LOADING):
        raise TemplateProblem(Phrase("problem.template_loads"), node.lineno)
    for node in parsed.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
        name = _private_name(node)
        if name is not None:
            raise TemplateProblem(Phrase("problem.template_private", name=name), node.lineno)
    if unknown:
        names = ", ".join(f"'{u}'" for u in unknown)
        raise TemplateProblem(Phrase("problem.unknown_variable", names=names))


def render(text: str, variables: dict[str, str]) -> str:
    """Render one customer line."""
    if "{" not in text:
        return text
    try:
        return _compile(text).render(**variables)
    except Exception as exc:
        # The template is the scenario author's code: whatever it raises (undefined
        # variables, the sandbox refusing, 1/0, a bad filter argument) is their mistake.
        raise SimulatorError("error.template_render", text=repr(text), why=str(exc)) from None
