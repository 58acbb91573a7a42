"""Sessions cut short by a crash, a kill or a power cut: found and scored on the next start.

A session records which process runs it (``owner``: process id, machine, process start
time). A session still ``in_progress`` whose process is gone was interrupted: its
completed turns are on disk, and scoring them finishes it with the outcome
``interrupted``. Sessions another machine was running are left alone.
"""

from __future__ import annotations

import socket
from typing import Any

from scoring.transcript import Transcript
from simulator.authoring.workspace import Workspace
from simulator.errors import SimulatorError
from simulator.store.owner import alive
from simulator.store.sessions import SessionStore


def interrupted(store: SessionStore) -> list[dict[str, Any]]:
    """Summaries of this machine's sessions whose process died before scoring them."""
    host = socket.gethostname()
    found = []
    for session in store.history():
        if session.get("status") != "in_progress":
            continue
        who = session.get("owner") or {}
        if who.get("host") not in (None, host):
            continue
        if alive(who.get("pid"), who.get("since")):
            continue
        found.append(session)
    return found


def describe(session: dict[str, Any]) -> str:
    """One line naming an interrupted session (its whole record) for a person."""
    when = (session.get("started_at") or "")[:16].replace("T", " ")
    saved = (session.get("transcript") or {}).get("turns") or []
    turns = sum(1 for t in saved if isinstance(t, dict) and t.get("speaker") == "agent")
    return f"{session.get('scenario') or '?'} by {session.get('agent')}, {when} UTC, {turns} reply(ies)"


def finish_interrupted(store: SessionStore, session_id: str, space: Workspace) -> dict[str, Any]:
    """Score what an interrupted session holds and mark it scored; returns the scorecard.

    ``space`` scores it: its rules and pacing bands, and the scenario's own weights
    while the scenario is still in its library.
    """
    record = store.get(session_id)
    if record is None:
        raise SimulatorError(f"no session '{session_id}'", "Unknown session")
    locale = record.get("locale") or "en"
    data = record.get("transcript") or {"locale": locale, "turns": []}
    try:
        transcript = Transcript.model_validate(data)
    except ValueError:
        raise SimulatorError(
            f"session {session_id}: its saved turns cannot be read; "
            f"the file {store.database.session_file(session_id)} is kept as it is",
            "Interrupted session",
        ) from None
    card = space.score(transcript, space.weights(record.get("scenario"))).to_dict()
    store.finish(session_id, "interrupted", card, {"moods": record.get("moods") or []})
    return card
