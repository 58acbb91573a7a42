"""Sessions and scorecards: a lean TinyDB index and one file per session.

Layout beside the database file (``roleplay.json`` in the data folder)::

    roleplay.json          TinyDB: one short summary per session, preferences, exports
    roleplay.json.lock     held while writing, so two processes never lose each other's writes
    roleplay.sessions/<id>.json   the whole session: transcript, scorecard, moods, comments…
    audio/<id>/            the agent's recorded turns

The index stays small with years of sessions (the review table reads only it); the
per-turn details are read when one scorecard is opened. Every file is replaced
atomically (:mod:`simulator.atomic`), and the session file is written after every
turn, so a process killed at any moment leaves every completed turn on disk.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import Query

from simulator.atomic import damaged_name, write_json
from simulator.store.database import Database, open_database
from simulator.store.owner import owner

__all__ = ["Database", "SessionStore", "now", "open_database", "scored", "summary"]
from simulator.errors import SimulatorError

HEAVY = ("transcript", "scorecard", "moods", "comments")
"""Keys kept only in the session's own file, not in the index."""

FILE_ONLY = (*HEAVY, "title", "persona")
"""Also left out of the index: known from the scenario, and only shown on one scorecard."""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def scored(scorecard: dict[str, Any]) -> dict[str, Any]:
    """The fields a scorecard sets on a session: itself, the overall and each score."""
    return {
        "scorecard": scorecard,
        "overall": scorecard.get("overall"),
        "scores": {n: d.get("score") for n, d in scorecard.get("dimensions", {}).items()},
    }


def summary(record: dict[str, Any]) -> dict[str, Any]:
    """What the index keeps of a session: enough for tables, trends and phrase counts."""
    if not any(k in record for k in HEAVY):
        return dict(record)  # already a summary (salvaged from a damaged index)
    lean = {k: v for k, v in record.items() if k not in FILE_ONLY}
    if lean.get("owner") is None:
        lean.pop("owner", None)
    card = record.get("scorecard") or {}
    if record.get("overrides"):  # the overall score is then recomputed with them
        lean["weights"] = card.get("weights")
    lean["avoided"] = [
        [f.get("rule", ""), f.get("quote", "")]
        for f in card.get("findings") or []
        if f.get("dimension") == "avoided_phrases"
    ]
    turns = (record.get("transcript") or {}).get("turns") or []
    lean["agent_turns"] = sum(
        1 for t in turns if isinstance(t, dict) and t.get("speaker") == "agent"
    )
    lean["comment_count"] = len(record.get("comments") or [])
    return lean


class SessionStore:
    """Practice sessions: created at the start, written after every turn, scored at the end."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.sessions = database.table("sessions")

    @property
    def audio_root(self) -> Path:
        return self.database.audio_dir

    # -- one session's file --------------------------------------------------------

    def load(self, session_id: str) -> dict[str, Any] | None:
        """The whole session from its own file (None if there is none or it is unreadable)."""
        try:
            path = self.database.session_file(session_id)
        except SimulatorError:
            return None
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            return None
        return record if isinstance(record, dict) and record.get("id") == session_id else None

    def _keep_aside(self, session_id: str) -> None:
        """An unreadable session file is renamed, not overwritten: someone may mend it."""
        path = self.database.session_file(session_id)
        if path.exists():
            path.replace(damaged_name(path))

    def _write_file(self, record: dict[str, Any]) -> None:
        write_json(self.database.session_file(record["id"]), record)

    def _change(self, session_id: str, changes: dict[str, Any], index: bool = True) -> dict:
        """Apply ``changes`` to a session's file (and its index summary)."""
        with self.database.writing():
            record = self.load(session_id)
            if record is None:
                self._keep_aside(session_id)
                record = self._require(session_id)  # its index summary, at least
            record.update(changes)
            self._write_file(record)
            if index:
                self._replace_summaries({session_id: summary(record)})
        return record

    # -- a practice session, turn by turn ------------------------------------------

    def start(self, agent: str, scenario: str, locale: str, meta: dict | None = None) -> str:
        session_id = uuid.uuid4().hex[:12]
        record = {
            "id": session_id,
            "agent": agent,
            "scenario": scenario,
            "locale": locale,
            "started_at": now(),
            "ended_at": None,
            "status": "in_progress",
            "outcome": None,
            "transcript": None,
            "scorecard": None,
            "overall": None,
            "scores": {},
            "owner": owner(),
            **(meta or {}),
        }
        with self.database.writing():
            self._write_file(record)
            self.sessions.insert(summary(record))
        return session_id

    def save_transcript(self, session_id: str, transcript: dict, extra: dict | None = None) -> None:
        """After every turn: only the session's own file is rewritten, the index is not."""
        self._change(session_id, {"transcript": transcript, **(extra or {})}, index=False)

    def finish(
        self, session_id: str, outcome: str | None, scorecard: dict, extra: dict | None = None
    ) -> None:
        self._change(
            session_id,
            {
                "status": "scored",
                "ended_at": now(),
                "outcome": outcome,
                **scored(scorecard),
                "owner": None,
                **(extra or {}),
            },
        )

    def add_scored(
        self,
        agent: str,
        scenario: str | None,
        locale: str,
        transcript: dict,
        outcome: str | None,
        scorecard: dict,
    ) -> str:
        session_id = self.start(agent, scenario or "", locale)
        self.save_transcript(session_id, transcript)
        self.finish(session_id, outcome, scorecard)
        return session_id

    def index_summaries(self, summaries: dict[str, dict]) -> None:
        """Replace the index entries of sessions whose files were rewritten (a rescore)."""
        with self.database.writing():
            self._replace_summaries(summaries)

    # -- reviewers -----------------------------------------------------------------

    def add_comment(self, session_id: str, turn: int | None, text: str, author: str) -> dict:
        """Pin a reviewer's comment to a turn (None: the whole call)."""
        comment = {
            "id": uuid.uuid4().hex[:8],
            "turn": turn,
            "text": text,
            "author": author,
            "at": now(),
        }
        with self.database.writing():
            session = self._require(session_id)
            self._change(session_id, {"comments": [*session.get("comments", []), comment]})
        return comment

    def override_score(
        self, session_id: str, dimension: str, score: int, reason: str, author: str
    ) -> dict:
        """Replace one dimension's score; the scorer's own score is kept beside it."""
        from scoring.findings import DIMENSIONS

        if dimension not in DIMENSIONS:
            raise SimulatorError(
                f"'{dimension}' is not a dimension; use one of " + ", ".join(DIMENSIONS),
                "Score override",
            )
        if not 0 <= score <= 100:
            raise SimulatorError("a score is between 0 and 100", "Score override")
        if not reason.strip():
            raise SimulatorError("say why the score is overridden", "Score override")
        with self.database.writing():
            session = self._require(session_id)
            original = (session.get("scores") or {}).get(dimension)
            overrides = dict(session.get("overrides") or {})
            previous = overrides.get(dimension)
            override = {
                "score": score,
                "reason": reason.strip(),
                "author": author,
                "at": now(),
                "original": previous["original"] if previous else original,
            }
            overrides[dimension] = override
            self._change(session_id, {"overrides": overrides})
        return override

    def _require(self, session_id: str) -> dict:
        session = self.get(session_id)
        if session is None:
            raise SimulatorError(
                f"no session '{session_id}'; 'roleplay history' lists them", "Unknown session"
            )
        return session

    # -- whole records (imports, repairs) ------------------------------------------

    def ids(self) -> set[str]:
        """Every session id in the index."""
        return {r["id"] for r in self.sessions.all()}

    def put(self, session: dict) -> bool:
        """Insert a whole session record (an import); False if that id is already stored."""
        return self.put_many([session], replace=False) == 1

    def replace(self, session: dict) -> None:
        """Store ``session`` in place of the stored record with the same id."""
        self.put_many([session], replace=True)

    def put_many(self, sessions: Iterable[dict], replace: bool = True) -> int:
        """Store whole records in one write of the index; returns how many were stored.

        Each session's file is written first, then the index once: killed halfway, the
        index holds none of the batch and running the same work again completes it.
        """
        with self.database.writing():
            known = self.ids()
            by_id = {s["id"]: dict(s) for s in sessions}  # the last copy of an id wins
            batch = [s for sid, s in by_id.items() if replace or sid not in known]
            for record in batch:
                self._write_file(record)
            fresh = [summary(r) for r in batch if r["id"] not in known]
            replaced = {r["id"]: summary(r) for r in batch if r["id"] in known}
            if replaced:
                self._replace_summaries(replaced)
            if fresh:
                self.sessions.insert_multiple(fresh)
        return len(batch)

    def _replace_summaries(self, replaced: dict[str, dict]) -> None:
        """One pass over the index, whatever the number of sessions replaced."""

        def swap(doc: dict) -> None:
            new = replaced[doc["id"]]
            doc.clear()
            doc.update(new)

        self.sessions.update(swap, Query().id.test(lambda v: v in replaced))

    def mark_audio_removed(self, session_ids: Iterable[str], why: str) -> None:
        """Note that these sessions' recordings were erased (retention setting)."""
        with self.database.writing():
            records = [
                r for sid in session_ids if (r := self.load(sid) or self.get(sid)) is not None
            ]
            for record in records:
                record["audio_removed"] = why
            self.put_many(records)

    def delete(self, session_ids: Iterable[str]) -> list[str]:
        """Remove sessions from the index and their files; returns the ids removed."""
        wanted = set(session_ids)
        with self.database.writing():
            removed = [r["id"] for r in self.sessions.all() if r["id"] in wanted]
            gone = set(removed)
            self.sessions.remove(Query().id.test(lambda v: v in gone))
            for session_id in removed:
                path = self.database.session_file(session_id)
                path.unlink(missing_ok=True)
                for aside in path.parent.glob(f"{path.name}.damaged-*"):
                    aside.unlink(missing_ok=True)  # its damaged copies hold the same data
        return removed

    # -- preferences -----------------------------------------------------------------

    def preference(self, key: str, default: str = "") -> str:
        """A remembered choice (the agent's name, the voice switch…)."""
        found = self.database.table("prefs").get(Query().key == key)
        return found["value"] if found else default  # type: ignore[index]

    def remember(self, key: str, value: str) -> None:
        with self.database.writing():
            self.database.table("prefs").upsert({"key": key, "value": value}, Query().key == key)

    # -- reading -----------------------------------------------------------------------

    def get(self, session_id: str) -> dict | None:
        """The whole session; from the index alone if its own file is missing or damaged."""
        found = self.sessions.search(Query().id == session_id)
        if not found:
            return None
        return self.load(session_id) or dict(found[0])

    def history(self, agent: str | None = None) -> list[dict]:
        """Session summaries from the index, newest first (see :func:`summary`)."""
        rows = self.sessions.search(Query().agent == agent) if agent else self.sessions.all()
        newest_first = sorted(rows, key=lambda r: (r["started_at"], r.doc_id), reverse=True)
        return [dict(r) for r in newest_first]

    def details(self, summaries: Iterable[dict]) -> Iterator[dict]:
        """The whole record of each summary, read one at a time (the summary if unreadable)."""
        for row in summaries:
            yield self.load(row["id"]) or row
