"""Recordings of people's voices are personal data: how long they stay, and erasing a person.

- ``audio_retention`` (settings): keep recordings, keep them N days, or keep none.
- ``forget``: erase one agent's sessions and recordings.
- The files roleplay writes from sessions (CSV and JSON Lines exports, bundles, scorecard
  documents) are listed in the database's ``exports`` table, with whose sessions they
  hold, so that deleting a session or forgetting an agent can find them again
  (:mod:`simulator.reports.recorded_exports` takes the sessions out of them).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tinydb import Query

from simulator.store.names import same_name
from simulator.store.records import SessionFields
from simulator.store.sessions import SessionStore, now


def _audio_files(folder: Path) -> int:
    try:
        return sum(1 for p in folder.iterdir() if p.is_file())
    except OSError:
        return 0


def _remove_audio(store: SessionStore, session_id: str) -> int:
    """Erase one session's recordings; returns how many files were there."""
    folder = store.audio_root / session_id
    if not folder.is_dir() or folder.is_symlink():
        return 0
    count = _audio_files(folder)
    shutil.rmtree(folder, ignore_errors=True)
    return count


def prune_audio(store: SessionStore, days: int | None, today: datetime | None = None) -> int:
    """Apply the retention setting to finished sessions; returns how many files were erased.

    ``days`` None keeps everything; 0 erases every finished session's recordings; N erases
    those of sessions started more than N days ago. Sessions still running are left alone.
    """
    if days is None or not store.audio_root.is_dir():
        return 0
    cutoff = (today or datetime.now(UTC)) - timedelta(days=days)
    removed = 0
    expired = []
    for session in store.history():
        if session.status == "in_progress" or session.audio_removed:
            continue
        if days and (session.started or datetime.now(UTC)) > cutoff:
            continue
        count = _remove_audio(store, session.id)
        if count:
            removed += count
            expired.append(session.id)
    if expired:
        store.mark_audio_removed(expired, f"{days} day(s)" if days else "none")
    return removed


EXPORT_KINDS = ("csv", "jsonl", "bundle", "reviews", "document")
"""What an export file is: a CSV file, JSON Lines, a bundle of sessions or of reviews, a
session's scorecard document (HTML or Markdown)."""


def record_export(
    store: SessionStore, path: Path, sessions: Sequence[SessionFields], kind: str
) -> None:
    """Remember an export file, what it is and whose sessions it holds; a document names
    its one session too (the others are read from the file when needed)."""
    agents = sorted({s.agent for s in sessions})
    entry: dict[str, object] = {
        "path": str(Path(path).resolve()),
        "agents": agents,
        "at": now(),
        "kind": kind,
    }
    if kind == "document":
        entry["sessions"] = [s.id for s in sessions]
    with store.database.writing():
        store.database.table("exports").upsert(entry, Query().path == entry["path"])


def recorded_exports(store: SessionStore) -> list[dict]:
    """Every export file listed, as written by :func:`record_export` (older entries have
    no ``kind``)."""
    return [dict(entry) for entry in store.database.table("exports").all()]


def update_export(store: SessionStore, path: str, agents: Sequence[str] | None) -> None:
    """After sessions were taken out of an export: the agents it still holds, or None when
    it is gone."""
    exports = store.database.table("exports")
    with store.database.writing():
        if agents is None:
            exports.remove(Query().path == path)
        else:
            exports.update({"agents": sorted(agents)}, Query().path == path)


@dataclass
class Forgotten:
    agent: str
    sessions: int = 0
    audio_files: int = 0
    backups: list[str] = field(default_factory=list)
    """Backups of damaged databases, which may still hold the agent's sessions."""


def forget_agent(store: SessionStore, agent: str) -> Forgotten:
    """Erase every session of ``agent`` and their recordings; the exports that hold them
    are handled by :func:`simulator.reports.recorded_exports.prune_exports`."""
    done = Forgotten(agent)
    ids = [s.id for s in store.history(agent)]
    for session_id in ids:
        done.audio_files += _remove_audio(store, session_id)
    done.sessions = len(store.delete(ids))
    if same_name(store.preference("agent"), agent):
        store.remember("agent", "")
    database = store.database
    done.backups = sorted(str(p) for p in database.root.glob(f"{database.path.name}.damaged-*"))
    return done
