"""Score every stored session again after a rule pack or a setting changed, on every core.

Worker processes score each session's transcript again and write its file (holding the
database's lock only for that write); this process updates the index once per batch.
Comments and overrides are left as they are. Killed halfway, the sessions already
written carry their new scorecard, and running the command again finishes the work.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from filelock import FileLock

from simulator.atomic import commit, fsync_dir, identity, prepare
from simulator.authoring.settings import Settings
from simulator.authoring.workspace import Workspace
from simulator.store.progress import Tracker, untracked
from simulator.store.records import ScorecardRecord, SessionRecord, SessionSummary
from simulator.store.sessions import SessionStore

BATCH = 250
"""Sessions written to the index at a time."""

RETRIES = 5
"""Times a session is scored into again when a reviewer keeps writing to it."""

POLL = 0.002
"""Seconds between tries for the lock: each holder keeps it for about a millisecond."""

UNCHANGED = "unchanged"
"""A worker's answer for a session whose scorecard came out the same."""

Answer = tuple[str, SessionSummary | str | None, str | None]
"""A worker's answer: the session id, its new summary (or UNCHANGED), and any problem."""


@dataclass
class Rescored:
    sessions: int = 0
    rewritten: int = 0
    """Sessions whose scorecard changed (in any finding), written again."""
    changed: int = 0
    """Sessions with a dimension's score changed."""
    seconds: float = 0.0
    jobs: int = 1
    problems: list[str] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return self.sessions / self.seconds if self.seconds else 0.0


_workspace: Workspace | None = None
"""How this process scores: set in each worker when it starts."""


def _set_workspace(settings: Settings) -> None:
    global _workspace
    _workspace = Workspace(settings)


def _read(path: Path) -> SessionRecord:
    record = SessionRecord.model_validate_json(path.read_bytes())
    if record.transcript is None:
        raise ValueError("no transcript")
    return record


def _score_file(job: tuple[str, str]) -> Answer:
    """In a worker: score one session again and write its file; returns its new summary.

    The file is read again and written under the database's lock, so a comment a
    reviewer adds meanwhile is kept.
    """
    path, lock = Path(job[0]), job[1]
    session_id = path.stem
    try:
        seen = identity(path)
        record = _read(path)
    except (OSError, ValueError) as exc:  # ValidationError is a ValueError
        return session_id, None, f"session {session_id} not rescored: unreadable ({exc})"
    assert _workspace is not None, "the worker was started without its settings"
    assert record.transcript is not None
    weights = record.scorecard.weights if record.scorecard else None
    card = _workspace.score(record.transcript, weights, outcome=record.outcome).to_dict()
    # through JSON, as the stored scorecard was: tuples become lists, as on disk
    fresh = ScorecardRecord.model_validate_json(orjson.dumps(card))
    if fresh == record.scorecard:
        return session_id, UNCHANGED, None  # nothing to write
    for _ in range(RETRIES):
        record.apply_scorecard(fresh)
        # written and flushed in parallel with the other workers; only the rename waits
        # for the lock, and only if nobody changed the session meanwhile
        prepared = prepare(path, record.to_json())
        with FileLock(lock, mode=0o600, poll_interval=POLL):
            if identity(path) == seen:
                commit(prepared, path, sync_dir=False)  # the folder is synced per batch
                return session_id, record.summary(), None
        prepared.unlink(missing_ok=True)  # a reviewer wrote meanwhile: take theirs
        try:
            seen = identity(path)
            record = _read(path)
        except (OSError, ValueError) as exc:
            return session_id, None, f"session {session_id} not rescored: unreadable ({exc})"
    return session_id, None, f"session {session_id} not rescored: it kept changing"


def rescore_sessions(
    store: SessionStore,
    settings: Settings,
    agent: str | None = None,
    jobs: int | None = None,
    track: Tracker = untracked,
) -> Rescored:
    """Rescore every scored session (of ``agent``) with the rules and bands ``settings``
    give; ``jobs`` processes (default: one per core)."""
    _set_workspace(settings)
    started = time.perf_counter()
    finished = [s for s in store.history(agent) if s.status == "scored"]
    lock = str(store.database.lock.lock_file)
    work = [(str(store.database.session_file(s.id)), lock) for s in finished]
    done = Rescored(jobs=jobs or os.cpu_count() or 1)
    before = {s.id: s.scores for s in finished}
    if done.jobs == 1:
        _collect(store, map(_score_file, work), len(work), before, done, track)
    else:
        chunk = max(1, min(32, len(work) // (done.jobs * 8) or 1))
        with ProcessPoolExecutor(
            max_workers=done.jobs, initializer=_set_workspace, initargs=(settings,)
        ) as pool:
            results = pool.map(_score_file, work, chunksize=chunk)
            _collect(store, results, len(work), before, done, track)
    done.seconds = time.perf_counter() - started
    return done


def _collect(
    store: SessionStore,
    results: Iterable[Answer],
    total: int,
    before: dict[str, Any],
    done: Rescored,
    track: Tracker,
) -> None:
    """Gather the workers' summaries into the index, a batch at a time."""
    pending: dict[str, SessionSummary] = {}
    for session_id, lean, problem in track(results, total, "Rescoring"):
        if problem is not None or lean is None:
            done.problems.append(problem or f"session {session_id} not rescored")
            continue
        done.sessions += 1
        if not isinstance(lean, SessionSummary):  # UNCHANGED
            continue
        done.rewritten += 1
        if lean.scores != before.get(session_id):
            done.changed += 1
        pending[session_id] = lean
        if len(pending) >= BATCH:
            fsync_dir(store.database.sessions_dir)
            store.index_summaries(pending)
            pending = {}
    if pending:
        fsync_dir(store.database.sessions_dir)
        store.index_summaries(pending)
