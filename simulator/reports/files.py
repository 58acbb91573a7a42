"""Writing documents and exports: whole or not at all, with a plain message when the
place asked for cannot be written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from simulator import atomic
from simulator.errors import Phrase, SimulatorError


def cannot_write(path: Path, exc: OSError) -> SimulatorError:
    why: Phrase | str
    if isinstance(exc, IsADirectoryError) or path.is_dir():
        why = Phrase("error.why.is_a_folder")
    elif not path.parent.exists():
        why = Phrase("error.why.no_folder", folder=path.parent)
    elif isinstance(exc, NotADirectoryError):
        why = Phrase("error.why.not_a_folder", folder=path.parent)
    elif isinstance(exc, PermissionError):
        why = Phrase("error.why.permission_denied")
    else:
        why = exc.strerror or str(exc)  # the system's own words
    return SimulatorError("error.cannot_write", path=path, why=why)


@contextmanager
def replacing(path: Path, mode: str = "w", **open_args: Any) -> Iterator[IO[Any]]:
    """:func:`simulator.atomic.replacing` for a file the person named: their folder must
    exist (it is not created, nor its mode changed), and a place that cannot be written
    is said in one plain message."""
    if path.is_dir():
        raise cannot_write(path, IsADirectoryError(21, "Is a directory"))
    try:
        with atomic.replacing(path, mode, parents=False, **open_args) as handle:
            yield handle
    except OSError as exc:
        raise cannot_write(path, exc) from None


def write_text(path: Path, text: str) -> Path:
    with replacing(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    return path


def safe_file_stem(text: str) -> str:
    """A file name made from an id, that cannot point into another folder."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "session"
