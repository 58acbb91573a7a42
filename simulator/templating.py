"""Customer lines may use Jinja2 variables; trainer-written templates run sandboxed."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import StrictUndefined, TemplateSyntaxError, meta
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from simulator.errors import SimulatorError

# Variables every scenario can use without declaring them.
BUILTIN_VARIABLES = frozenset({"customer_name", "agent_name"})

_ENV = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


class TemplateProblem(ValueError):
    """A template that cannot be parsed, or that uses an unknown variable."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@lru_cache(maxsize=1024)
def _compile(text: str):  # type: ignore[no-untyped-def]
    return _ENV.from_string(text)


def check_template(text: str, known: set[str]) -> None:
    """Raise :class:`TemplateProblem` when ``text`` cannot render with ``known`` variables."""
    try:
        parsed = _ENV.parse(text)
    except TemplateSyntaxError as exc:
        raise TemplateProblem(f"template error: {exc.message}", exc.lineno) from None
    unknown = sorted(meta.find_undeclared_variables(parsed) - known)
    if unknown:
        raise TemplateProblem("unknown variable " + ", ".join(f"'{u}'" for u in unknown))


def render(text: str, variables: dict[str, str]) -> str:
    """Render one customer line."""
    if "{" not in text:
        return text
    try:
        return _compile(text).render(**variables)
    except (UndefinedError, SecurityError, TemplateSyntaxError) as exc:
        raise SimulatorError(
            f"cannot render the customer line {text!r}: {exc}", "Scenario template error"
        ) from None
