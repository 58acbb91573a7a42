"""Writing documents and exports: whole or not at all, with a plain message when the
place asked for cannot be written."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from simulator.errors import SimulatorError


def cannot_write(path: Path, exc: OSError) -> SimulatorError:
    if isinstance(exc, IsADirectoryError) or path.is_dir():
        why = "it is a folder; give a file name"
    elif not path.parent.exists():
        why = f"the folder {path.parent} does not exist"
    elif isinstance(exc, NotADirectoryError):
        why = f"{path.parent} is not a folder"
    elif isinstance(exc, PermissionError):
        why = "permission denied"
    else:
        why = exc.strerror or str(exc)
    return SimulatorError(f"cannot write {path}: {why}", "Cannot write")


@contextmanager
def replacing(path: Path, mode: str = "w", **open_args: Any) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; it replaces ``path`` only once complete."""
    if path.is_dir():
        raise cannot_write(path, IsADirectoryError(21, "Is a directory"))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    try:
        with os.fdopen(fd, mode, **open_args) as handle:
            yield handle
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise cannot_write(path, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> Path:
    with replacing(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    return path


def safe_file_stem(text: str) -> str:
    """A file name made from an id, that cannot point into another folder."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "session"
