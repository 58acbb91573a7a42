"""What a clean ending looks like, in process and through the command line."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from typing import Any

from click.testing import CliRunner, Result
from hypothesis import event
from hypothesis.control import currently_in_test_context

from simulator.cli.main import cli
from simulator.errors import EXIT_USER_ERROR, SimulatorError

# A problem line names the file, the place and the key; a value quoted in it is cut short.
MAX_LINE = 600


def _count(outcome: str) -> None:
    """Tally how examples ended (shown by --hypothesis-show-statistics)."""
    if currently_in_test_context():
        event(outcome)


def ends_cleanly(load: Callable[[], Any]) -> Any:
    """Run ``load``: it returns, or raises :class:`SimulatorError` with a readable message."""
    try:
        loaded = load()
    except SimulatorError as exc:
        assert exc.message.strip(), "an error without a message"
        assert "Traceback" not in exc.message
        _count(f"refused: {exc.key}")
        return None
    _count("loaded")
    return loaded


def invoke(args: Sequence[str], env: dict[str, str]) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=True)


def assert_clean(result: Result, codes: Sequence[int] = (0, EXIT_USER_ERROR)) -> None:
    """Success or a plain message with exit status 2, never a traceback."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        trace = "".join(traceback.format_exception(*result.exc_info))  # type: ignore[misc]
        raise AssertionError(f"roleplay crashed:\n{trace}\noutput:\n{result.output[-2000:]}")
    assert result.exit_code in codes, (result.exit_code, result.output[-2000:])
    _count(f"exit {result.exit_code}")
    assert "Traceback" not in result.output
    if result.exit_code == EXIT_USER_ERROR:
        lines = result.stderr.strip().splitlines()
        assert lines, "exit 2 without a message"
        assert all(len(line) <= MAX_LINE for line in lines), max(lines, key=len)
