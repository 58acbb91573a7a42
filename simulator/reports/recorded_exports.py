"""Taking sessions out of the files roleplay wrote from them: the one place that deleting a
session and forgetting an agent share.

Every export is listed in the database when it is written
(:func:`simulator.store.privacy.record_export`). For sessions that are going:

- a CSV export is written again without their rows: ``sessions.csv`` and
  ``findings.csv`` lose them, and ``agents.csv`` gets the figures of their agents
  computed again over the sessions the export still holds (an agent left with none
  loses their row);
- a JSON Lines export loses their lines; a bundle loses them and their audio (a reviews
  bundle, their reviews);
- a scorecard document, which is about one session, is erased;
- a file left with nothing else in it is erased.

A file that cannot be read or written is reported, and left for the person to erase.
"""

from __future__ import annotations

import csv
import json
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.analytics.team import TeamFilters, select_sessions, team_figures
from simulator.atomic import replacing
from simulator.reports.exports import AGENTS_CSV, FINDINGS_CSV, SESSIONS_CSV, agent_rows
from simulator.store.bundle_pruning import Pruned, Unwanted, prune_bundle
from simulator.store.names import same_name
from simulator.store.privacy import recorded_exports, update_export
from simulator.store.sessions import SessionStore

# What a spreadsheet would run as a formula is written with a quote before it
# (simulator.reports.exports): read back, the value is the one written.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CSV_OPTIONS: dict[str, Any] = {"encoding": "utf-8-sig", "newline": ""}


@dataclass
class ExportsPruned:
    """The export files sessions were taken out of: rewritten without them, erased as they
    held nothing else, or left as they were because they could not be changed (why)."""

    rewritten: list[str] = field(default_factory=list)
    erased: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def prune_exports(
    store: SessionStore, session_ids: Iterable[str], agent: str | None = None
) -> ExportsPruned:
    """Take the sessions ``session_ids`` out of every recorded export that holds them; with
    ``agent``, every session of that agent too (an export may hold some this database no
    longer has). Run it before the sessions leave the database: it reads their agents."""
    ids = set(session_ids)
    agents = {s.agent for s in store.history() if s.id in ids} | ({agent} if agent else set())

    def unwanted(session_id: str, name: str) -> bool:
        return session_id in ids or (agent is not None and same_name(agent, name))

    def concerned(names: Iterable[str]) -> bool:
        return any(same_name(a, b) for a in names for b in agents)

    done = ExportsPruned()
    entries = [e for e in recorded_exports(store) if concerned(e.get("agents", []))]
    folders: dict[Path, list[Path]] = {}  # a CSV export's three files go together
    for entry in entries:
        path = Path(entry["path"])
        kind = entry.get("kind") or _kind_of(path)
        if kind == "csv":
            folders.setdefault(path.parent, []).append(path)
            continue
        if kind == "document":
            held = set(entry.get("sessions", []))
            if not held & ids and not (agent and concerned(entry.get("agents", []))):
                continue
        if not _still_there(store, path):
            continue
        try:
            pruned = _PRUNERS.get(kind, _prune_jsonl)(path, unwanted)
        except _UNREADABLE as exc:
            done.failed.append((str(path), _why(exc)))
            continue
        _record(store, done, path, pruned)
    for paths in folders.values():
        present = [p for p in paths if _still_there(store, p)]
        for path, result in _prune_csv_folder(store, present, unwanted, concerned).items():
            if isinstance(result, Pruned):
                _record(store, done, path, result)
            else:
                done.failed.append((str(path), _why(result)))
    return done


def delete_sessions(store: SessionStore, session_ids: Iterable[str]) -> ExportsPruned:
    """Delete sessions (their files and recordings) and take them out of the exports that
    hold them. The exports go first: killed in between, the sessions are still in the
    database, and deleting them again finishes the work."""
    ids = list(session_ids)
    done = prune_exports(store, ids)
    store.delete(ids)
    return done


_UNREADABLE = (OSError, ValueError, KeyError, csv.Error, zipfile.BadZipFile)
"""What reading or writing an export that was moved, edited or damaged can raise."""


def _why(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _still_there(store: SessionStore, path: Path) -> bool:
    """Whether the export is still on disk; a file already gone is struck off the list."""
    if path.is_file():
        return True
    update_export(store, str(path), None)
    return False


def _record(store: SessionStore, done: ExportsPruned, path: Path, pruned: Pruned) -> None:
    if not pruned.removed:
        return
    if pruned.erased:
        done.erased.append(str(path))
        update_export(store, str(path), None)
    else:
        done.rewritten.append(str(path))
        update_export(store, str(path), sorted(pruned.agents))


def _kind_of(path: Path) -> str:
    """What an export listed by an older roleplay is, from its name."""
    suffix = path.suffix.lower()
    return {".zip": "bundle", ".csv": "csv", ".html": "document", ".md": "document"}.get(
        suffix, "jsonl"
    )


def _erase_document(path: Path, unwanted: Unwanted) -> Pruned:
    path.unlink()
    return Pruned(1, frozenset(), erased=True)


def _prune_jsonl(path: Path, unwanted: Unwanted) -> Pruned:
    kept: list[str] = []
    agents: set[str] = set()
    removed = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                session = json.loads(line)
            except ValueError:
                session = None
            if not isinstance(session, dict):
                kept.append(line)  # not a session's line: not one to judge
                continue
            name = str(session.get("agent") or "")
            if unwanted(str(session.get("id")), name):
                removed += 1
                continue
            kept.append(line)
            agents.add(name)
    return _write_or_erase(path, removed, agents, kept, _write_lines)


def _write_lines(path: Path, lines: list[str]) -> None:
    with replacing(path, "w", parents=False, encoding="utf-8", newline="") as handle:
        handle.writelines(lines)


_PRUNERS: dict[str, Callable[[Path, Unwanted], Pruned]] = {
    "jsonl": _prune_jsonl,
    "bundle": prune_bundle,
    "reviews": prune_bundle,
    "document": _erase_document,
}


def _write_or_erase(
    path: Path,
    removed: int,
    agents: set[str],
    kept: Any,
    write: Callable[[Path, Any], None],
    erase_empty: bool = True,
) -> Pruned:
    """Nothing removed: the file is left alone. Nothing kept (``agents`` empty): it is
    erased, unless ``erase_empty`` is False (a file of a CSV export that still holds
    other sessions is kept, with its header)."""
    if not removed:
        return Pruned(0, frozenset(agents))
    if not agents and erase_empty:
        path.unlink()
        return Pruned(removed, frozenset(), erased=True)
    write(path, kept)
    return Pruned(removed, frozenset(agents))


# -- CSV: sessions.csv, findings.csv and agents.csv, written together ----------------------


def _value(cell: str) -> str:
    """A cell as it was before it was kept from running as a formula."""
    return cell[1:] if cell.startswith("'") and cell[1:2] in _FORMULA_START else cell


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(**_CSV_OPTIONS) as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def _write_csv(path: Path, table: tuple[list[str], list[dict[str, Any]]]) -> None:
    columns, rows = table
    with replacing(path, "w", parents=False, **_CSV_OPTIONS) as handle:
        out = csv.DictWriter(handle, columns, extrasaction="ignore")
        out.writeheader()
        out.writerows(rows)


def _filtered(
    path: Path, key: str, unwanted: Unwanted, erase_empty: bool = True
) -> tuple[Pruned, list[dict[str, str]], list[dict[str, str]]]:
    """A CSV file without the rows of unwanted sessions (rewritten, or erased when none is
    left and ``erase_empty``); returns what was done, the rows kept and the rows taken out."""
    columns, rows = _read_csv(path)
    if key not in columns or "agent" not in columns:
        raise ValueError(f"{path.name} has no '{key}' column")
    kept = [r for r in rows if not unwanted(r[key], _value(r["agent"]))]
    gone = [r for r in rows if unwanted(r[key], _value(r["agent"]))]
    agents = {_value(r["agent"]) for r in kept}
    pruned = _write_or_erase(path, len(gone), agents, (columns, kept), _write_csv, erase_empty)
    return pruned, kept, gone


def _prune_csv_folder(
    store: SessionStore,
    paths: list[Path],
    unwanted: Unwanted,
    concerned: Callable[[Iterable[str]], bool],
) -> dict[Path, Pruned | Exception]:
    """The files of one CSV export (those of ``paths`` still there), without the unwanted
    sessions: ``sessions.csv`` first, as it says which sessions the export still holds.
    Each file's result, or what stopped it."""
    results: dict[Path, Pruned | Exception] = {}
    by_name = {p.name: p for p in paths}
    kept_ids: set[str] | None = None
    gone_agents: set[str] = set()
    if SESSIONS_CSV in by_name:
        path = by_name[SESSIONS_CSV]
        try:
            results[path], kept, gone = _filtered(path, "id", unwanted)
        except _UNREADABLE as exc:
            results[path] = exc
        else:
            kept_ids = {r["id"] for r in kept}
            gone_agents = {_value(r["agent"]) for r in gone}
    for name, work in (
        (FINDINGS_CSV, lambda p: _filtered(p, "session_id", unwanted, not kept_ids)[0]),
        (AGENTS_CSV, lambda p: _prune_agents(store, p, kept_ids, gone_agents, concerned)),
    ):
        if name in by_name:
            try:
                results[by_name[name]] = work(by_name[name])
            except _UNREADABLE as exc:
                results[by_name[name]] = exc
    return results


def _prune_agents(
    store: SessionStore,
    path: Path,
    kept_ids: set[str] | None,
    gone_agents: set[str],
    concerned: Callable[[Iterable[str]], bool],
) -> Pruned:
    """``agents.csv`` with the figures of the agents who lost sessions computed again over
    the sessions the export still holds (``kept_ids``, from its ``sessions.csv``), as the
    export computes them. Without that file, which sessions remain cannot be told: the
    rows of the agents concerned are dropped."""
    columns, rows = _read_csv(path)
    if "agent" not in columns:
        raise ValueError(f"{path.name} has no 'agent' column")
    names = [_value(r["agent"]) for r in rows]
    fresh: list[dict[str, Any]] = []
    if kept_ids is None:
        touched = {i for i, name in enumerate(names) if concerned([name])}
    else:
        touched = {
            i for i, name in enumerate(names) if any(same_name(name, a) for a in gone_agents)
        }
        kept = [s for s in store.history() if s.id in kept_ids]
        fresh = list(agent_rows(team_figures(select_sessions(kept, TeamFilters()))))
    out: list[dict[str, Any]] = []
    for index, row in enumerate(rows):
        if index not in touched:
            out.append(row)
            continue
        again = [r for r in fresh if same_name(_value(str(r["agent"])), names[index])]
        out += again[:1]
    agents = {_value(str(r["agent"])) for r in out}
    erase_empty = not kept_ids  # the export holds no other session
    return _write_or_erase(path, len(touched), agents, (columns, out), _write_csv, erase_empty)
