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

import shutil
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tinydb import Query

from simulator.atomic import identity, keep_aside, write_bytes
from simulator.errors import SimulatorError
from simulator.store.database import Database
from simulator.store.names import fold
from simulator.store.owner import owner
from simulator.store.records import Comment, Override, SessionRecord, SessionSummary
from simulator.store.repair import open_database

__all__ = ["Database", "SessionStore", "now", "open_database"]

Record = SessionRecord | Mapping[str, Any]
"""A whole session to store: a record, or data that is checked into one."""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _record(session: Record) -> SessionRecord:
    if isinstance(session, SessionRecord):
        return session
    return SessionRecord.model_validate(session)


def _summary(row: Mapping[str, Any]) -> SessionSummary | None:
    """An index entry as a summary; None for one that is not a session's (edited by hand)."""
    try:
        return SessionSummary.model_validate(row)
    except ValidationError:
        return None


class SessionStore:
    """Practice sessions: created at the start, written after every turn, scored at the end."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.sessions = database.table("sessions")
        self._read: tuple[tuple[int, int, int] | None, list[SessionSummary]] = (None, [])

    @property
    def audio_root(self) -> Path:
        return self.database.audio_dir

    # -- one session's file --------------------------------------------------------

    def load(self, session_id: str) -> SessionRecord | None:
        """The whole session from its own file (None if there is none or it is unreadable)."""
        try:
            path = self.database.session_file(session_id)
        except SimulatorError:
            return None
        try:
            record = SessionRecord.model_validate_json(path.read_bytes())
        except (OSError, ValidationError):
            return None
        return record if record.id == session_id else None

    def _keep_aside(self, session_id: str) -> None:
        """An unreadable session file is renamed, not overwritten: someone may mend it."""
        path = self.database.session_file(session_id)
        if path.exists():
            keep_aside(path)

    def _write_file(self, record: SessionRecord) -> None:
        write_bytes(self.database.session_file(record.id), record.to_json())

    def _change(
        self, session_id: str, change: Callable[[SessionRecord], object], index: bool = True
    ) -> SessionRecord:
        """Apply ``change`` to a session's file (and its index summary)."""
        with self.database.writing():
            record = self.load(session_id)
            if record is None:
                self._keep_aside(session_id)
                record = self._require(session_id)  # its index summary, at least
            change(record)
            self._write_file(record)
            if index:
                self._replace_summaries({session_id: record.summary()})
        return record

    # -- a practice session, turn by turn ------------------------------------------

    def start(self, agent: str, scenario: str, locale: str, meta: dict | None = None) -> str:
        record = SessionRecord.model_validate(
            {
                "id": uuid.uuid4().hex[:12],
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
        )
        with self.database.writing():
            self._write_file(record)
            self.sessions.insert(record.summary().entry())
        return record.id

    def save_transcript(self, session_id: str, transcript: dict, extra: dict | None = None) -> None:
        """After every turn: only the session's own file is rewritten, the index is not."""
        self._change(
            session_id, lambda r: r.update(transcript=transcript, **(extra or {})), index=False
        )

    def finish(
        self,
        session_id: str,
        outcome: str | None,
        scorecard: dict,
        extra: dict | None = None,
        keep_silent: bool = True,
    ) -> bool:
        """Score the session; returns whether it is kept. With ``keep_silent`` False, a
        session in which the agent never replied is removed instead: there is nothing in
        it to review (a damaged file, whose turns cannot be read, is always kept)."""

        def scored(record: SessionRecord) -> None:
            record.update(status="scored", ended_at=now(), outcome=outcome)
            record.apply_scorecard(scorecard)
            record.update(owner=None, **(extra or {}))

        with self.database.writing():
            found = self.load(session_id)
            if not keep_silent and found is not None and found.agent_turn_count() == 0:
                self.delete([session_id])
                return False
            self._change(session_id, scored)
        return True

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

    def change_many(
        self, session_ids: Iterable[str], change: Callable[[SessionRecord], object]
    ) -> int:
        """Apply ``change`` to several sessions: every file first, then the index in one
        write (see :meth:`put_many`); returns how many were changed."""
        with self.database.writing():
            records = []
            for session_id in session_ids:
                record = self.load(session_id)
                if record is None:
                    self._keep_aside(session_id)
                    record = self.get(session_id)  # its index summary, at least
                if record is not None:
                    change(record)
                    records.append(record)
            return self.put_many(records)

    def index_summaries(self, summaries: dict[str, SessionSummary]) -> None:
        """Replace the index entries of sessions whose files were rewritten (a rescore)."""
        with self.database.writing():
            self._replace_summaries(summaries)

    # -- reviewers -----------------------------------------------------------------

    def add_comment(self, session_id: str, turn: int | None, text: str, author: str) -> Comment:
        """Pin a reviewer's comment to a turn (None: the whole call)."""
        comment = Comment(id=uuid.uuid4().hex[:8], turn=turn, text=text, author=author, at=now())

        def pin(record: SessionRecord) -> None:
            record.comments = [*record.comments, comment]

        self._change(session_id, pin)
        return comment

    def override_score(
        self, session_id: str, dimension: str, score: int, reason: str, author: str
    ) -> Override:
        """Replace one dimension's score; the scorer's own score is kept beside it."""
        from scoring.findings import DIMENSIONS

        if dimension not in DIMENSIONS:
            raise SimulatorError(
                "error.not_a_dimension", dimension=dimension, dimensions=", ".join(DIMENSIONS)
            )
        if not 0 <= score <= 100:
            raise SimulatorError("error.score_range")
        if not reason.strip():
            raise SimulatorError("error.override_reason")
        made: list[Override] = []

        def override(record: SessionRecord) -> None:
            previous = record.overrides.get(dimension)
            made.append(
                Override(
                    score=score,
                    reason=reason.strip(),
                    author=author,
                    at=now(),
                    original=previous.original if previous else record.scores.get(dimension),
                )
            )
            record.overrides = {**record.overrides, dimension: made[0]}

        self._change(session_id, override)
        return made[0]

    def _require(self, session_id: str) -> SessionRecord:
        session = self.get(session_id)
        if session is None:
            raise SimulatorError("error.unknown_session", id=session_id)
        return session

    # -- whole records (imports, repairs) ------------------------------------------

    def ids(self) -> set[str]:
        """Every session id in the index."""
        return {row["id"] for _, row in self.sessions.rows()}

    def put(self, session: Record) -> bool:
        """Insert a whole session record (an import); False if that id is already stored."""
        return self.put_many([session], replace=False) == 1

    def replace(self, session: Record) -> None:
        """Store ``session`` in place of the stored record with the same id."""
        self.put_many([session], replace=True)

    def put_many(self, sessions: Iterable[Record], replace: bool = True) -> int:
        """Store whole records in one write of the index; returns how many were stored.

        Each session's file is written first, then the index once: killed halfway, the
        index holds none of the batch and running the same work again completes it.
        """
        records = [_record(s) for s in sessions]  # all checked before anything is written
        with self.database.writing():
            known = self.ids()
            by_id = {r.id: r for r in records}  # the last copy of an id wins
            batch = [r for sid, r in by_id.items() if replace or sid not in known]
            for record in batch:
                self._write_file(record)
            fresh = [r.summary().entry() for r in batch if r.id not in known]
            replaced = {r.id: r.summary() for r in batch if r.id in known}
            if replaced:
                self._replace_summaries(replaced)
            if fresh:
                self.sessions.insert_multiple(fresh)
        return len(batch)

    def _replace_summaries(self, replaced: Mapping[str, SessionSummary]) -> None:
        """One pass over the index, whatever the number of sessions replaced."""

        def swap(doc: dict) -> None:
            new = replaced[doc["id"]].entry()
            doc.clear()
            doc.update(new)

        self.sessions.update(swap, Query().id.test(lambda v: v in replaced))

    def mark_audio_removed(self, session_ids: Iterable[str], why: str) -> None:
        """Note that these sessions' recordings were erased (retention setting)."""
        with self.database.writing():
            records = [r for sid in session_ids if (r := self.get(sid)) is not None]
            for record in records:
                record.audio_removed = why
            self.put_many(records)

    def delete(self, session_ids: Iterable[str]) -> list[str]:
        """Remove sessions: their index entries, their files and their recordings; returns
        the ids removed.

        The index is written first, in one atomic write: that is the deletion. Killed
        before the files are gone, a session's file is taken back into the index on the
        next open (:mod:`simulator.store.repair`), whole, and deleting it again finishes.
        """
        wanted = set(session_ids)
        with self.database.writing():
            removed = [row["id"] for _, row in self.sessions.rows() if row["id"] in wanted]
            gone = set(removed)
            self.sessions.remove(Query().id.test(lambda v: v in gone))
            for session_id in removed:
                path = self.database.session_file(session_id)
                path.unlink(missing_ok=True)
                for aside in path.parent.glob(f"{path.name}.damaged-*"):
                    aside.unlink(missing_ok=True)  # its damaged copies hold the same data
                audio = self.audio_root / session_id
                if audio.is_dir() and not audio.is_symlink():
                    shutil.rmtree(audio, ignore_errors=True)
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

    def get(self, session_id: str) -> SessionRecord | None:
        """The whole session; from the index alone if its own file is missing or damaged."""
        found = self.sessions.search(Query().id == session_id)
        if not found:
            return None
        record = self.load(session_id)
        if record is not None:
            return record
        row = _summary(found[0])
        return SessionRecord.from_summary(row) if row is not None else None

    def history(self, agent: str | None = None) -> list[SessionSummary]:
        """Session summaries from the index, newest first; with ``agent``, that agent's,
        whatever the case, accents or spacing of the name.

        Summaries are checked once per version of the index file: the review screen
        asks again each time it is shown, and years of sessions take a while to check.
        They are read-only, so the same ones are handed out again.
        """
        seen = identity(self.database.path)
        if seen is None or seen != self._read[0]:
            rows = self.sessions.rows()
            valid = [(s, doc_id) for doc_id, row in rows if (s := _summary(row)) is not None]
            valid.sort(key=lambda pair: (pair[0].started_at, pair[1]), reverse=True)
            self._read = (seen, [s for s, _ in valid])
        every = self._read[1]
        if not agent:
            return list(every)
        wanted = fold(agent)  # "chloe" finds Chloé's sessions
        return [s for s in every if fold(s.agent) == wanted]

    def details(self, summaries: Iterable[SessionSummary]) -> Iterator[SessionRecord]:
        """The whole record of each summary, read one at a time (the summary alone if its
        file is unreadable)."""
        for row in summaries:
            yield self.load(row.id) or SessionRecord.from_summary(row)
