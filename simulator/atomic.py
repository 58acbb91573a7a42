"""Files replaced whole or not at all: write a temporary file, flush it, rename it over.

A process killed mid-write leaves the old file (and at worst a stray temporary file,
whose name starts with a dot and ends in ``.tmp``), never half a file.
"""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by its owner only; an existing one is kept as is."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    return path


def prepare(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, on disk; :func:`commit` renames it."""
    private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, PRIVATE_FILE)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def commit(prepared: Path, path: Path, sync_dir: bool = True) -> None:
    """Put a file from :func:`prepare` in place of ``path``, in one step."""
    try:
        os.replace(prepared, path)
    except BaseException:
        prepared.unlink(missing_ok=True)
        raise
    if sync_dir:
        fsync_dir(path.parent)


def write_bytes(path: Path, data: bytes, sync_dir: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically; the file is readable by its owner only.

    ``sync_dir=False`` leaves making the rename durable to the caller (one
    :func:`fsync_dir` after many files).
    """
    commit(prepare(path, data), path, sync_dir)


def json_bytes(data: Any) -> bytes:
    return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)


def write_json(path: Path, data: Any, sync_dir: bool = True) -> None:
    write_bytes(path, json_bytes(data), sync_dir)


def identity(path: Path) -> tuple[int, int, int] | None:
    """Which file is at ``path`` now (inode, size, modification time); None if none.

    Every write here replaces the file, so a changed identity means somebody wrote it.
    """
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def damaged_name(path: Path) -> Path:
    """Where a damaged file is kept aside: ``<name>.damaged-<UTC time>``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return path.with_name(f"{path.name}.damaged-{stamp}")


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (where the platform allows it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
