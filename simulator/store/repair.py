"""Opening a database that something went wrong with.

- A damaged index (truncated, garbled, not JSON) is kept aside as a backup, and a new
  index is built from the session files and from whatever whole records the damaged
  text still holds. The person is told in one line what happened.
- Session files without an index entry (a process killed between writing the file and
  the index) are taken back into the index.
- A database written before session files existed is moved to them.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from simulator.atomic import (
    is_temporary,
    keep_aside,
    remove_stale_temporaries,
    write_bytes,
    write_json,
)
from simulator.errors import Phrase, SimulatorError
from simulator.i18n.catalogue import Plural
from simulator.store.database import SESSION_ID, DamagedIndexError, Database
from simulator.store.records import SessionRecord, SessionSummary

_OBJECT_START = re.compile(r'\{\s*"')
HEAVY = ("transcript", "scorecard", "moods", "comments")
"""Keys only a whole record holds: an object without them is an index summary."""


def _is_session(obj: Any) -> bool:
    return (
        isinstance(obj, dict)
        and isinstance(obj.get("id"), str)
        and bool(SESSION_ID.match(obj["id"]))
        and isinstance(obj.get("agent"), str)
        and isinstance(obj.get("started_at"), str)
    )


def salvage(text: str) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Every whole session record and preference still readable in damaged JSON text."""
    decoder = json.JSONDecoder()
    sessions: dict[str, dict[str, Any]] = {}
    prefs: dict[str, str] = {}
    position = 0
    while match := _OBJECT_START.search(text, position):
        try:
            obj, end = decoder.raw_decode(text, match.start())
        except ValueError:
            position = match.start() + 1
            continue
        if _is_session(obj):
            sessions[obj["id"]] = obj
            position = end
        elif isinstance(obj, dict) and set(obj) == {"key", "value"}:
            prefs[str(obj["key"])] = str(obj["value"])
            position = end
        else:
            position = match.start() + 1
    return sessions, prefs


def _session_files(database: Database) -> dict[str, str]:
    """Each session file's path by id; a killed writer's old temporary files go on the way,
    so that opening the database reads the (possibly large) folder once. Paths stay text:
    with years of sessions, making a ``Path`` of each costs more than the folder scan."""
    try:
        entries = list(os.scandir(database.sessions_dir))
    except FileNotFoundError:
        return {}
    remove_stale_temporaries(Path(e.path) for e in entries if is_temporary(e.name))
    return {
        e.name[: -len(".json")]: e.path
        for e in entries
        if e.name.endswith(".json") and not e.name.startswith(".")
    }


def _read_session(path: str | Path) -> SessionRecord | None:
    try:
        record = SessionRecord.model_validate_json(Path(path).read_bytes())
    except (OSError, ValidationError):
        return None
    return record if SESSION_ID.match(record.id) else None


def rebuild(database: Database, damaged: DamagedIndexError) -> Phrase:
    """Keep the damaged index aside and build a new one; returns what to tell the person."""
    path = database.path
    text = path.read_bytes().decode("utf-8", errors="replace")
    backup = keep_aside(path)
    from_index, prefs = salvage(text)
    records: dict[str, SessionRecord | dict[str, Any]] = {}
    unreadable = 0
    for session_id, file in _session_files(database).items():
        record = _read_session(file)
        if record is None:
            unreadable += 1
        else:
            records[session_id] = record
    from_files = len(records)
    for session_id, record in from_index.items():
        records.setdefault(session_id, record)
    _write_sessions(database, list(records.values()))
    database.table("prefs").insert_multiple({"key": k, "value": v} for k, v in prefs.items())
    return Phrase(
        "cli.database_repaired",
        name=path.name,
        detail=damaged.detail,
        backup=backup.name,
        recovered=Plural(len(records), "cli.count.recovered.one", "cli.count.recovered.many"),
        from_files=from_files,
        from_index=len(records) - from_files,
        unreadable=Plural(
            unreadable,
            "cli.database_unreadable_files.one",
            "cli.database_unreadable_files.many",
            folder=database.sessions_dir,
        )
        if unreadable
        else "",
    )


def _index_entry(database: Database, found: SessionRecord | dict[str, Any]) -> dict | None:
    """Write a whole record to its session file; returns its index entry (None: nothing of
    it can be read as a session).

    A whole record that does not check is written as it is all the same, so nothing of
    it is lost: its summary is indexed, and its file is then handled as a damaged one.
    """
    if isinstance(found, SessionRecord):
        write_bytes(database.session_file(found.id), found.to_json())
        return found.summary().entry()
    try:
        summary = SessionSummary.model_validate(found)
    except ValidationError:
        return None
    if not any(k in found for k in HEAVY):
        return summary.entry()  # an index summary, salvaged
    try:
        record = SessionRecord.model_validate(found)
    except ValidationError:
        write_json(database.session_file(summary.id), found)
        return summary.entry()
    return _index_entry(database, record)


def _write_sessions(database: Database, records: Iterable[SessionRecord | dict[str, Any]]) -> None:
    """Move heavy parts to session files and index the summaries (one index write)."""
    entries = [e for r in records if (e := _index_entry(database, r)) is not None]
    database.table("sessions").insert_multiple(entries)


def _migrate(database: Database, rows: list[dict[str, Any]]) -> None:
    """A database from before session files: give each session its own file."""
    database.db.drop_table("sessions")
    _write_sessions(database, rows)


def check_and_repair(database: Database) -> None:
    """Run on every open: cheap when all is well (one read of the index, one folder scan)."""
    remove_stale_temporaries(database.root.glob(".*.tmp"))
    try:
        rows = [row for _, row in database.table("sessions").rows()]
    except DamagedIndexError:
        with database.writing():
            try:
                database.table("sessions").all()  # another process may have repaired it
            except DamagedIndexError as damaged:
                database.notices.append(rebuild(database, damaged))
        return
    files = _session_files(database)
    if any("transcript" in r for r in rows):
        with database.writing():
            rows = database.table("sessions").all()
            if any("transcript" in r for r in rows):
                _migrate(database, [dict(r) for r in rows])
        return
    if len(files) > len(rows):
        with database.writing():
            known = {row["id"] for _, row in database.table("sessions").rows()}
            orphans = [
                record.summary().entry()
                for session_id, file in files.items()
                if session_id not in known and (record := _read_session(file)) is not None
            ]
            if orphans:
                database.table("sessions").insert_multiple(orphans)


def open_database(path: str | os.PathLike[str]) -> Database:
    """Open (or create) the database at ``path``, repairing a damaged index."""
    try:
        database = Database(Path(path))
        check_and_repair(database)
    except PermissionError as exc:
        raise SimulatorError("error.database_permission", path=path, file=exc.filename) from None
    return database
