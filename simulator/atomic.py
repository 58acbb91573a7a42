"""Every file roleplay writes goes through here: written whole or not at all, and private.

A file is written to a temporary file beside its target (same folder, so the rename
cannot cross file systems), flushed and fsynced, made readable by its owner only
(mode 600), renamed over the target in one step, and the folder is fsynced so the
rename itself survives a power cut. A process killed mid-write leaves the old file
(and at worst a stray temporary file, whose name starts with a dot and ends in
``.tmp``), never half a file. Folders created on the way are owner-only (mode 700);
folders that already exist are left as they are (the person may have chosen them).

- :func:`write_bytes`, :func:`write_json`: a whole file from memory;
- :func:`prepare` then :func:`commit`: the same in two steps, for a writer that must
  check something (under a lock) between writing and renaming;
- :func:`replacing`: an open file to stream into (csv, zipfile, soundfile…);
- :func:`replacing_path`: a temporary file name, for a writer that only takes a name
  (the speech engine);
- :func:`copy_stream`: a file from another stream (audio out of a bundle).

``sync_dir=False`` leaves making the rename durable to the caller: one
:func:`fsync_dir` after a batch of files rather than one per file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import orjson

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
COPY_CHUNK = 1 << 20


def private_dir(path: Path) -> Path:
    """Create ``path`` and its missing parents, each readable by its owner only.

    A folder that exists already is left as it is. Raises like ``mkdir -p`` (a file in
    the way, no permission…).
    """
    try:
        path.mkdir(mode=PRIVATE_DIR)
    except FileNotFoundError:
        # ``mkdir(parents=True)`` gives the parents it makes the default mode, whatever
        # ``mode`` says: make each one here instead.
        private_dir(path.parent)
        return private_dir(path)
    except FileExistsError:
        if not path.is_dir():
            raise
        return path  # there already (or made by another process just now): left as it is
    # The umask may have taken owner bits away from the mode asked for.
    os.chmod(path, PRIVATE_DIR)
    # The new folder's name is an entry in its parent: make it durable too, or the
    # first file written in it could vanish with its folder after a power cut.
    fsync_dir(path.parent)
    return path


def _temporary(path: Path, parents: bool) -> tuple[int, Path]:
    """An empty private file beside ``path``, open for writing.

    ``parents=False`` for a place the person named: a missing folder is then their
    mistake to hear about (``FileNotFoundError``), not something to create.
    """
    if parents:
        private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    return fd, Path(tmp)


def _seal(fd: int) -> None:
    """Make a written file private and on disk (its data, before any rename)."""
    if os.chmod in os.supports_fd:  # POSIX; elsewhere the mode means little anyway
        os.chmod(fd, PRIVATE_FILE)  # mkstemp's 600 is subject to the umask: set it exactly
    os.fsync(fd)


def prepare(path: Path, data: bytes, *, parents: bool = True) -> Path:
    """Write ``data`` to a temporary file beside ``path``, on disk; :func:`commit` renames it."""
    fd, tmp = _temporary(path, parents)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            _seal(handle.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def commit(prepared: Path, path: Path, sync_dir: bool = True) -> None:
    """Put a file from :func:`prepare` in place of ``path``, in one step."""
    try:
        os.replace(prepared, path)
    except BaseException:
        prepared.unlink(missing_ok=True)
        raise
    if sync_dir:
        fsync_dir(path.parent)


def write_bytes(path: Path, data: bytes, sync_dir: bool = True, *, parents: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically; the file is readable by its owner only."""
    commit(prepare(path, data, parents=parents), path, sync_dir)


def json_bytes(data: Any) -> bytes:
    return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)


def write_json(path: Path, data: Any, sync_dir: bool = True) -> None:
    write_bytes(path, json_bytes(data), sync_dir)


@contextmanager
def replacing(
    path: Path,
    mode: str = "wb",
    *,
    parents: bool = True,
    sync_dir: bool = True,
    **open_args: Any,
) -> Iterator[IO[Any]]:
    """An open temporary file beside ``path`` that replaces it only once the block ends
    without an error; an error leaves ``path`` as it was.

    ``mode`` and ``open_args`` are those of :func:`open` (``"w"`` with an encoding for
    text). The handle must be left open: it is flushed and fsynced here.
    """
    fd, tmp = _temporary(path, parents)
    try:
        with os.fdopen(fd, mode, **open_args) as handle:
            yield handle
            handle.flush()
            _seal(handle.fileno())
        commit(tmp, path, sync_dir)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def replacing_path(path: Path, *, parents: bool = True, sync_dir: bool = True) -> Iterator[Path]:
    """The name of an empty private temporary file beside ``path``, for a writer that
    takes only a file name; once the block ends without an error, the file is made
    private and durable and renamed over ``path``."""
    fd, tmp = _temporary(path, parents)
    os.close(fd)
    try:
        yield tmp
        # The writer may have replaced the file rather than written into it: seal
        # whatever is under the name now.
        fd = os.open(tmp, os.O_RDONLY)
        try:
            _seal(fd)
        finally:
            os.close(fd)
        commit(tmp, path, sync_dir)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def copy_stream(
    path: Path, source: IO[bytes], *, parents: bool = True, sync_dir: bool = True
) -> None:
    """Replace ``path`` with everything read from ``source``, a chunk at a time."""
    with replacing(path, "wb", parents=parents, sync_dir=sync_dir) as out:
        shutil.copyfileobj(source, out, COPY_CHUNK)


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


STALE_TEMPORARY = 3600.0
"""Seconds after which a temporary file is a killed writer's leftover, not work in progress."""


def is_temporary(name: str) -> bool:
    """Whether ``name`` is one of the temporary files written here (``.<name>.<random>.tmp``)."""
    return name.startswith(".") and name.endswith(".tmp")


def remove_stale_temporaries(candidates: Iterable[Path]) -> None:
    """Remove the temporary files a killed writer left, once they are old enough that no
    writer can still be working on them."""
    cutoff = time.time() - STALE_TEMPORARY
    for leftover in candidates:
        with contextlib.suppress(OSError):
            if is_temporary(leftover.name) and leftover.stat().st_mtime < cutoff:
                leftover.unlink()


def keep_aside(path: Path) -> Path:
    """Rename a damaged file to :func:`damaged_name` rather than overwrite it (someone may
    mend it); the copy holds the same personal data, so it is made owner-only too."""
    backup = damaged_name(path)
    os.replace(path, backup)
    os.chmod(backup, PRIVATE_FILE)
    return backup


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
