"""Recordings of people's voices are personal data: how long they stay, and erasing a person.

- ``audio_retention`` (settings): keep recordings, keep them N days, or keep none.
- ``forget``: erase one agent's sessions, recordings and the export files that hold them.
- Export files written by ``roleplay export`` are listed in the database's ``exports``
  table, so that erasing an agent can find them again.
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


def record_export(store: SessionStore, path: Path, sessions: Sequence[SessionFields]) -> None:
    """Remember an export file and whose sessions it holds."""
    agents = sorted({s.agent for s in sessions})
    entry = {"path": str(Path(path).resolve()), "agents": agents, "at": now()}
    with store.database.writing():
        store.database.table("exports").upsert(entry, Query().path == entry["path"])


@dataclass
class Forgotten:
    agent: str
    sessions: int = 0
    audio_files: int = 0
    exports: list[str] = field(default_factory=list)
    backups: list[str] = field(default_factory=list)
    """Backups of damaged databases, which may still hold the agent's sessions."""

    def lines(self) -> list[str]:
        said = [
            f"Erased {self.sessions} session(s) and {self.audio_files} recording(s) "
            f"of {self.agent}."
        ]
        if self.exports:
            said.append(f"Erased {len(self.exports)} export file(s) holding them:")
            said += [f"  {p}" for p in self.exports]
        if self.backups:
            said.append(
                "These backups of a damaged database may still hold them; "
                "delete them if you no longer need them:"
            )
            said += [f"  {p}" for p in self.backups]
        return said


def forget_agent(store: SessionStore, agent: str) -> Forgotten:
    """Erase every session of ``agent``, their recordings, and the exports that hold them."""
    done = Forgotten(agent)
    ids = [s.id for s in store.history(agent)]
    for session_id in ids:
        done.audio_files += _remove_audio(store, session_id)
    done.sessions = len(store.delete(ids))
    exports = store.database.table("exports")
    with store.database.writing():
        for entry in exports.all():
            if not any(same_name(agent, a) for a in entry.get("agents", [])):
                continue
            path = Path(entry["path"])
            if path.is_file():
                path.unlink()
                done.exports.append(str(path))
            exports.remove(Query().path == entry["path"])
        if same_name(store.preference("agent"), agent):
            store.remember("agent", "")
    database = store.database
    done.backups = sorted(str(p) for p in database.root.glob(f"{database.path.name}.damaged-*"))
    return done
