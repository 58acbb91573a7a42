"""Score every stored session again after a rule pack or a setting changed, on every core.

Worker processes read session files and score their transcripts; this process writes
the new scorecards (session files, then the index once per batch), holding the
database's lock only while writing. Comments and overrides are left as they are.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.storage import SessionStore

BATCH = 250
"""Sessions written to the index at a time."""

Tracker = Callable[[Iterable[Any], int, str], Iterator[Any]]


def _untracked(items: Iterable[Any], total: int, description: str) -> Iterator[Any]:
    yield from items


@dataclass
class Rescored:
    sessions: int = 0
    changed: int = 0
    seconds: float = 0.0
    jobs: int = 1
    problems: list[str] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return self.sessions / self.seconds if self.seconds else 0.0


_settings: Any = None


def _score_file(path: str) -> tuple[str, dict[str, Any] | None, str | None]:
    """In a worker: the session's new scorecard, or why it could not be scored."""
    global _settings
    from pydantic import ValidationError

    from scoring.scorecard import score_transcript
    from scoring.transcript import Transcript
    from simulator.settings import load_settings

    session_id = Path(path).stem
    try:
        record = json.loads(Path(path).read_text(encoding="utf-8"))
        transcript = Transcript.model_validate(record["transcript"])
    except (OSError, ValueError, KeyError, TypeError, ValidationError) as exc:
        return session_id, None, f"session {session_id} not rescored: unreadable ({exc})"
    if _settings is None:
        _settings = load_settings()
    weights = (record.get("scorecard") or {}).get("weights")
    card = score_transcript(
        transcript, weights, _settings.bands(transcript.locale), _settings.rule_dirs
    )
    return session_id, card.to_dict(), None


def rescore_sessions(
    store: SessionStore,
    agent: str | None = None,
    jobs: int | None = None,
    track: Tracker = _untracked,
) -> Rescored:
    """Rescore every scored session (of ``agent``); ``jobs`` processes (default: cores)."""
    from simulator.settings import load_settings

    load_settings()  # a broken settings file is reported here, not once per worker
    started = time.perf_counter()
    scored = [s for s in store.history(agent) if s.get("status") == "scored"]
    files = [str(store.database.session_file(s["id"])) for s in scored]
    done = Rescored(jobs=jobs or os.cpu_count() or 1)
    before = {s["id"]: s.get("scores") for s in scored}
    pending: list[tuple[str, dict[str, Any]]] = []
    if done.jobs == 1:
        results: Iterable[tuple[str, dict[str, Any] | None, str | None]] = map(_score_file, files)
        done.sessions = _collect(store, results, files, before, pending, done, track)
    else:
        chunk = max(1, min(64, len(files) // (done.jobs * 8) or 1))
        with ProcessPoolExecutor(max_workers=done.jobs) as pool:
            results = pool.map(_score_file, files, chunksize=chunk)
            done.sessions = _collect(store, results, files, before, pending, done, track)
    done.seconds = time.perf_counter() - started
    return done


def _collect(
    store: SessionStore,
    results: Iterable[tuple[str, dict[str, Any] | None, str | None]],
    files: list[str],
    before: dict[str, Any],
    pending: list[tuple[str, dict[str, Any]]],
    done: Rescored,
    track: Tracker,
) -> int:
    count = 0
    for session_id, card, problem in track(results, len(files), "Rescoring"):
        if problem is not None or card is None:
            done.problems.append(problem or f"session {session_id} not rescored")
            continue
        count += 1
        scores = {n: d.get("score") for n, d in card["dimensions"].items()}
        if scores != before.get(session_id):
            done.changed += 1
        pending.append((session_id, card))
        if len(pending) >= BATCH:
            store.rescored_many(pending)
            pending.clear()
    if pending:
        store.rescored_many(pending)
        pending.clear()
    return count
