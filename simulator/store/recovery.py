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
from simulator.store.records import Owner, SessionSummary
from simulator.store.sessions import SessionStore


def interrupted(store: SessionStore) -> list[SessionSummary]:
    """Summaries of this machine's sessions whose process died before scoring them."""
    host = socket.gethostname()
    found = []
    for session in store.history():
        if session.status != "in_progress":
            continue
        who = session.owner or Owner()
        if who.host not in (None, host):
            continue
        if alive(who.pid, who.since):
            continue
        found.append(session)
    return found


def finish_interrupted(store: SessionStore, session_id: str, space: Workspace) -> dict[str, Any]:
    """Score what an interrupted session holds and mark it scored; returns the scorecard.

    ``space`` scores it: its rules and pacing bands, and the scenario's own weights
    while the scenario is still in its library.
    """
    record = store.get(session_id)
    if record is None:
        raise SimulatorError("error.unknown_session", id=session_id)
    # A session file that cannot be read leaves the index summary alone, with no turns:
    # scoring it keeps the damaged file aside (see SessionStore), like any other write.
    transcript = record.transcript or Transcript(locale=_locale(record.locale), turns=[])
    card = space.score(transcript, space.weights(record.scenario)).to_dict()
    store.finish(session_id, "interrupted", card, {"moods": record.moods})
    return card


def _locale(locale: str | None) -> Any:
    """The call's language as a transcript holds it (English when it is not known)."""
    return locale if locale in ("fr", "en") else "en"
