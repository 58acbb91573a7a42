"""Customer lines are trainer-written Jinja2 templates: they cannot read files, run code or
reach Python's internals. Each attempt is a clean error, and a scenario holding one fails
'roleplay scenarios validate' with exit 2."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from simulator.conversation.templating import (
    BUILTIN_VARIABLES,
    TemplateProblem,
    check_template,
    render,
)
from simulator.errors import EXIT_USER_ERROR, SimulatorError
from tests.fuzz.budget import fuzz
from tests.fuzz.outcomes import assert_clean, invoke
from tests.fuzz.shipped import SCENARIOS

VARIABLES = {"customer_name": "Mr Okafor", "agent_name": "Alex", "fee": "£4.99"}
MARKER = Path(tempfile.gettempdir()) / "roleplay-sandbox-marker"
SECRET = Path(tempfile.gettempdir()) / "roleplay-sandbox-secret.txt"
RUN = f"os.system('touch {MARKER}')"

ESCAPES = {
    "subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "subclasses to os.system": "{{ ''.__class__.__mro__[1].__subclasses__()[0].__init__"
    f".__globals__['sys'].modules['os'].system('touch {MARKER}') }}}}",
    "cycler globals": "{{ cycler.__init__.__globals__.os }}",
    "cycler to os.system": "{{ cycler.__init__.__globals__." + RUN + " }}",
    "joiner globals": "{{ joiner.__init__.__globals__ }}",
    "namespace globals": "{{ namespace.__init__.__globals__ }}",
    "lipsum globals": "{{ lipsum.__globals__ }}",
    "lipsum to os": "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "include a file": "{% include '" + str(SECRET) + "' %}",
    "include passwd": "{% include '/etc/passwd' %}",
    "import": "{% import 'x' as y %}",
    "from import": "{% from 'x' import y %}",
    "extends": "{% extends '/etc/passwd' %}",
    "template context": "{{ self._TemplateReference__context }}",
    "self dict": "{{ self.__dict__ }}",
    "config": "{{ config }}",
    "config items": "{{ config.items() }}",
    "request": "{{ request.application.__globals__ }}",
    "attr filter": "{{ customer_name|attr('__class__') }}",
    "item access": "{{ customer_name['__class__'] }}",
    "attribute name joined": "{{ customer_name|attr('_' ~ '_class__') }}",
    "range global": "{{ range(3) }}",
    "builtin dict": "{{ dict.__base__.__subclasses__() }}",
}
# What the text alone does not show: the sandbox refuses it when the line is rendered.
AT_RUNTIME = {
    "format string": "{{ '{0.__class__.__mro__}'.format(customer_name) }}",
    "attribute name built at runtime": "{% set u = '_' %}{{ customer_name|attr(u ~ '_class__') }}",
    "mutating a list": "{{ [].append(1) }}",
    "huge power": "{{ 2 ** 99999999 }}",
    "huge repetition": "{{ 'ab' * 999999999 }}",
    "division by zero": "{{ 1 / 0 }}",
}


@pytest.fixture
def secret_and_marker():
    """A file a template must not read, and a file a template must not create."""
    SECRET.write_text("TOP-SECRET-CONTENT")
    MARKER.unlink(missing_ok=True)
    yield
    SECRET.unlink(missing_ok=True)
    assert not MARKER.exists(), "a template ran a command"


@pytest.mark.usefixtures("secret_and_marker")
@pytest.mark.parametrize("case", sorted(ESCAPES))
def test_an_escape_is_refused_when_checked(case):
    with pytest.raises(TemplateProblem):
        check_template(ESCAPES[case], set(VARIABLES))


@pytest.mark.usefixtures("secret_and_marker")
@pytest.mark.parametrize("case", sorted(ESCAPES | AT_RUNTIME))
def test_an_escape_is_refused_when_rendered(case):
    with pytest.raises(SimulatorError) as raised:
        render((ESCAPES | AT_RUNTIME)[case], VARIABLES)
    assert "TOP-SECRET" not in raised.value.message and "root:" not in raised.value.message


def _scenario_saying(text: str, folder: Path) -> tuple[Path, str]:
    shipped = SCENARIOS[0]
    scenario = yaml.safe_load(shipped.text)
    first = scenario["start"]
    scenario["nodes"][first]["customer"] = text
    path = folder / shipped.path.name
    path.write_text(yaml.safe_dump(scenario, allow_unicode=True), encoding="utf-8")
    return path, f"nodes.{first}.customer"


@pytest.mark.usefixtures("secret_and_marker")
@pytest.mark.parametrize("case", sorted(ESCAPES))
def test_a_scenario_with_an_escape_fails_validation(case, workdir, cli_env):
    path, key = _scenario_saying(ESCAPES[case], workdir)
    result = invoke(["scenarios", "validate", str(path)], cli_env)
    assert_clean(result, codes=(EXIT_USER_ERROR,))
    assert key in result.stderr
    # Played anyway, it stops as cleanly.
    assert_clean(invoke(["scenarios", "test", str(path)], cli_env), codes=(EXIT_USER_ERROR,))


@pytest.mark.usefixtures("secret_and_marker")
@pytest.mark.parametrize("case", sorted(AT_RUNTIME))
def test_a_scenario_refused_by_the_sandbox_stops_cleanly_when_played(case, workdir, cli_env):
    path, _ = _scenario_saying(AT_RUNTIME[case], workdir)
    result = invoke(["scenarios", "test", str(path)], cli_env)
    assert_clean(result, codes=(EXIT_USER_ERROR,))
    assert "cannot render the customer line" in result.stderr


def test_ordinary_templates_still_work():
    text = "{% if fee %}{{ fee }}{% endif %} {{ customer_name|upper }} {{ 3 * 'ha' }} {{ 2 ** 3 }}"
    check_template(text, set(VARIABLES))
    assert render(text, VARIABLES) == "£4.99 MR OKAFOR hahaha 8"


# Pieces of Jinja put together at random: whatever comes out is checked or refused, and
# rendering either works or raises the product's error; nothing else escapes.
PIECES = [
    "{{ ",
    " }}",
    "{% ",
    " %}",
    "{# ",
    " #}",
    "customer_name",
    "fee",
    "unknown",
    "self",
    "cycler",
    "lipsum",
    ".__class__",
    "._x",
    ".upper()",
    "|attr('__dict__')",
    "|int",
    "|join",
    "|format(1)",
    "|center(5)",
    "[0]",
    "['_x']",
    "(",
    ")",
    "[",
    "]",
    " if ",
    " else ",
    "for x in ",
    "endfor",
    "include ",
    "import ",
    "set x = ",
    "'text'",
    "1",
    "0",
    " / ",
    " * ",
    " ** ",
    " ~ ",
    "99999",
    "range(3)",
    "é",
    "\x00",
    "\n",
]
templates = st.lists(st.sampled_from(PIECES), max_size=14).map("".join) | st.text(max_size=40)


@fuzz(1000)
@given(text=templates)
def test_any_template_is_checked_and_rendered_cleanly(text):
    try:
        check_template(text, set(VARIABLES) | BUILTIN_VARIABLES)
    except TemplateProblem as problem:
        assert str(problem)
    try:
        out = render(text, VARIABLES)
    except SimulatorError as exc:
        assert exc.message
    else:
        assert isinstance(out, str) and "TOP-SECRET" not in out
    assert not MARKER.exists()
