"""The database on disk: the TinyDB index file, its lock, and the folders beside it.

The index file is replaced whole on every write (:mod:`simulator.atomic`) and read
again only when another process changed it; a lock file makes writers from several
processes take turns. What the index holds is :mod:`simulator.store.sessions`'s business.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from simulator.atomic import identity, private_dir, write_bytes
from simulator.errors import Phrase, SimulatorError

SESSION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
LOCK_TIMEOUT = 30.0


class DamagedIndexError(SimulatorError):
    """The index file is not valid JSON (a disk fault, an edit by hand…).

    Opening the database repairs it; met later (damaged while open), it is reported.
    """

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__("error.damaged_database", path=path, detail=detail)
        self.path = path
        self.detail = detail


class AtomicJSONStorage(Storage):
    """A TinyDB storage that replaces the file atomically on every write.

    What was read is kept while the file on disk stays the same one (same inode, size
    and modification time): every write replaces the file, so a write by another
    process is always seen, and an unchanged index is not parsed again.
    """

    def __init__(self, path: str | os.PathLike[str], **_: Any) -> None:
        self.path = Path(path)
        private_dir(self.path.parent)
        self._cached: tuple[tuple[int, int, int], dict[str, dict[str, Any]]] | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        seen = identity(self.path)
        if seen is None:
            return None
        if self._cached is not None and self._cached[0] == seen:
            return self._cached[1]
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        if not raw.strip():
            return None
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise DamagedIndexError(self.path, exc.msg) from None
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise DamagedIndexError(self.path, "not a roleplay database")
        self._cached = (seen, data)
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._cached = None  # TinyDB changed the cached tables in place: never reuse them
        write_bytes(self.path, orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS))
        written = identity(self.path)
        if written is not None:
            self._cached = (written, data)

    def forget(self) -> None:
        """Drop what was read (a change to it failed halfway)."""
        self._cached = None

    def close(self) -> None:
        pass


class SharedTable(Table):
    """A table another process may write to: nothing read from disk is remembered.

    TinyDB caches query results and the next document id per instance; with two
    processes on one file both would go stale. Every call reads the file afresh.
    """

    def __init__(self, storage: Storage, name: str, cache_size: int = 0) -> None:
        super().__init__(storage, name, cache_size=0)

    def _update_table(self, updater: Callable[[dict[int, Mapping]], None]) -> None:
        try:
            super()._update_table(updater)
        except BaseException:
            self._storage.forget()  # type: ignore[attr-defined]
            raise

    def insert(self, document: Mapping) -> int:
        self._next_id = None
        return super().insert(document)

    def rows(self) -> list[tuple[int, Mapping[str, Any]]]:
        """Every document as read from the file, with its id, for reading only.

        ``all()`` wraps a copy of each document; with years of sessions that costs more
        than the file's parsing, and the readers here never change what they get.
        """
        return [(int(doc_id), doc) for doc_id, doc in self._read_table().items()]

    def insert_multiple(self, documents: Iterable[Mapping]) -> list[int]:
        self._next_id = None
        return super().insert_multiple(documents)


class SharedTinyDB(TinyDB):
    table_class = SharedTable


class Database:
    """The index file, its lock, and the folders of session files and audio beside it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.root = private_dir(self.path.parent)
        # named after the index, so two databases in one folder keep their sessions apart
        self.sessions_dir = self.root / f"{self.path.stem}.sessions"
        self.audio_dir = self.root / "audio"
        self.lock = FileLock(
            str(self.path) + ".lock", timeout=LOCK_TIMEOUT, mode=0o600, poll_interval=0.005
        )
        self.db = SharedTinyDB(self.path, storage=AtomicJSONStorage)
        self.notices: list[Phrase] = []
        """What opening the database did on its own (a repair), to tell the person once."""

    def table(self, name: str) -> SharedTable:
        return self.db.table(name)  # type: ignore[return-value]  # table_class is SharedTable

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the database's lock while writing (re-entrant within one process)."""
        try:
            self.lock.acquire()
        except Timeout:
            raise SimulatorError(
                "error.database_busy",
                path=self.path,
                seconds=LOCK_TIMEOUT,
                lock=self.lock.lock_file,
            ) from None
        try:
            yield
        finally:
            self.lock.release()

    def session_file(self, session_id: str) -> Path:
        if not SESSION_ID.match(session_id):
            raise SimulatorError("error.bad_session_id", id=session_id)
        return self.sessions_dir / f"{session_id}.json"
