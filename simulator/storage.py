"""Sessions and scorecards in TinyDB, written so that a crash never corrupts the file.

TinyDB's own JSON storage truncates the file and writes it in place: a process
killed mid-write leaves half a file. :class:`AtomicJSONStorage` writes the new
content to a temporary file in the same folder, flushes it to disk and renames
it over the old one, so the file on disk is always either the old or the new
database, whole.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB
from tinydb.storages import Storage

from simulator.errors import SimulatorError


class AtomicJSONStorage(Storage):
    """A TinyDB storage that replaces the file atomically on every write."""

    def __init__(self, path: str | os.PathLike[str], **_: Any) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        if not text.strip():
            return None
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise SimulatorError(
                f"the database {self.path} is damaged (line {exc.lineno}: {exc.msg}). "
                "Nothing was changed. Move it aside to start afresh, or restore a backup.",
                "Damaged database",
            ) from None

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
        )
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_dir(self.path.parent)

    def close(self) -> None:
        pass


def _fsync_dir(path: Path) -> None:
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


def open_database(path: Path) -> TinyDB:
    """Open (or create) the database file at ``path``."""
    try:
        return TinyDB(path, storage=AtomicJSONStorage)
    except PermissionError:
        raise SimulatorError(
            f"cannot open the database {path}: permission denied. "
            "Use --db PATH or ROLEPLAY_DB to choose another file.",
            "Database",
        ) from None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SessionStore:
    """Practice sessions: created at the start, updated after every turn, scored at the end."""

    def __init__(self, db: TinyDB) -> None:
        self.db = db
        self.sessions = db.table("sessions")

    def start(self, agent: str, scenario: str, locale: str, meta: dict | None = None) -> str:
        session_id = uuid.uuid4().hex[:12]
        self.sessions.insert(
            {
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
                **(meta or {}),
            }
        )
        return session_id

    def save_transcript(self, session_id: str, transcript: dict, extra: dict | None = None) -> None:
        self.sessions.update({"transcript": transcript, **(extra or {})}, Query().id == session_id)

    def finish(
        self, session_id: str, outcome: str | None, scorecard: dict, extra: dict | None = None
    ) -> None:
        scores = {name: d.get("score") for name, d in scorecard.get("dimensions", {}).items()}
        self.sessions.update(
            {
                "status": "scored",
                "ended_at": now(),
                "outcome": outcome,
                "scorecard": scorecard,
                "overall": scorecard.get("overall"),
                "scores": scores,
                **(extra or {}),
            },
            Query().id == session_id,
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

    def add_comment(self, session_id: str, turn: int | None, text: str, author: str) -> dict:
        """Pin a reviewer's comment to a turn (None: the whole call)."""
        session = self._require(session_id)
        comment = {
            "id": uuid.uuid4().hex[:8],
            "turn": turn,
            "text": text,
            "author": author,
            "at": now(),
        }
        comments = [*session.get("comments", []), comment]
        self.sessions.update({"comments": comments}, Query().id == session_id)
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
        self.sessions.update({"overrides": overrides}, Query().id == session_id)
        return override

    def _require(self, session_id: str) -> dict:
        session = self.get(session_id)
        if session is None:
            raise SimulatorError(
                f"no session '{session_id}'; 'roleplay history' lists them", "Unknown session"
            )
        return session

    def put(self, session: dict) -> bool:
        """Insert a whole session record (an import); False if that id is already stored."""
        if self.get(session["id"]) is not None:
            return False
        self.sessions.insert(dict(session))
        return True

    def replace(self, session: dict) -> None:
        """Store ``session`` in place of the stored record with the same id."""
        self.sessions.update(dict(session), Query().id == session["id"])

    def preference(self, key: str, default: str = "") -> str:
        """A remembered choice (the agent's name, the voice switch…)."""
        found = self.db.table("prefs").get(Query().key == key)
        return found["value"] if found else default  # type: ignore[index]

    def remember(self, key: str, value: str) -> None:
        self.db.table("prefs").upsert({"key": key, "value": value}, Query().key == key)

    def get(self, session_id: str) -> dict | None:
        found = self.sessions.search(Query().id == session_id)
        return dict(found[0]) if found else None

    def history(self, agent: str | None = None) -> list[dict]:
        rows = self.sessions.search(Query().agent == agent) if agent else self.sessions.all()
        newest_first = sorted(rows, key=lambda r: (r["started_at"], r.doc_id), reverse=True)
        return [dict(r) for r in newest_first]
