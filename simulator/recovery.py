"""Sessions cut short by a crash, a kill or a power cut: found and scored on the next start.

A session records which process runs it (``owner``: process id, machine, process start
time). A session still ``in_progress`` whose process is gone was interrupted: its
completed turns are on disk, and scoring them finishes it with the outcome
``interrupted``. Sessions another machine was running are left alone.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from simulator.storage import SessionStore


def process_start(pid: int) -> int | None:
    """When process ``pid`` started (clock ticks since boot, Linux), to tell a reused pid."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # the command name (field 2) may hold spaces and parentheses: split after the last ')'
    fields = stat[stat.rfind(")") + 2 :].split()
    try:
        return int(fields[19])
    except (IndexError, ValueError):
        return None


def owner() -> dict[str, Any]:
    """Who runs a session started now."""
    pid = os.getpid()
    return {"pid": pid, "host": socket.gethostname(), "since": process_start(pid)}


def _alive(pid: Any, since: Any) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, run by someone else
    return since is None or process_start(pid) in (None, since)


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
        if _alive(who.get("pid"), who.get("since")):
            continue
        found.append(session)
    return found


def describe(session: dict[str, Any]) -> str:
    """One line naming an interrupted session (its whole record) for a person."""
    when = (session.get("started_at") or "")[:16].replace("T", " ")
    saved = (session.get("transcript") or {}).get("turns") or []
    turns = sum(1 for t in saved if isinstance(t, dict) and t.get("speaker") == "agent")
    return f"{session.get('scenario') or '?'} by {session.get('agent')}, {when} UTC, {turns} reply(ies)"


def finish_interrupted(
    store: SessionStore,
    session_id: str,
    rule_dirs: Sequence[Path] | None = None,
    scenario_dirs: Sequence[Path] | None = None,
) -> dict[str, Any]:
    """Score what an interrupted session holds and mark it scored; returns the scorecard."""
    from scoring.scorecard import score_transcript
    from scoring.transcript import Transcript
    from simulator.errors import SimulatorError
    from simulator.settings import load_settings

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
    from simulator.library import BUNDLED_SCENARIOS

    settings = load_settings()
    if scenario_dirs is None:
        scenario_dirs = (BUNDLED_SCENARIOS, *settings.scenario_dirs)
    card = score_transcript(
        transcript,
        _weights(record.get("scenario"), scenario_dirs),
        settings.bands(transcript.locale),
        settings.rule_dirs if rule_dirs is None else rule_dirs,
    ).to_dict()
    store.finish(session_id, "interrupted", card, {"moods": record.get("moods") or []})
    return card


def _weights(scenario_id: str | None, scenario_dirs: Sequence[Path]) -> dict[str, float] | None:
    """The scenario's own weights when it is still in the library."""
    if not scenario_id:
        return None
    from simulator.errors import SimulatorError
    from simulator.library import find_scenario

    try:
        return find_scenario(scenario_id, list(scenario_dirs)).weights.model_dump()
    except SimulatorError:
        return None
