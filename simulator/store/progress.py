"""A progress bar for long work over many sessions, on the terminal only.

It goes to standard error, and only when that is a terminal: piped or redirected
output (a script, a CI log) stays clean.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")

Tracker = Callable[[Iterable[Any], int, str], Iterator[Any]]
"""Long work reports its progress through one of these: ``track(items, total, what)``."""


def untracked(items: Iterable[T], total: int, description: str) -> Iterator[T]:
    """No progress shown (the default of library functions)."""
    yield from items


def tracked(items: Iterable[T], total: int, description: str) -> Iterator[T]:
    """Yield ``items``, advancing a bar of ``total`` steps on a terminal's stderr."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(description, total=total)
        for item in items:
            yield item
            progress.advance(task)
