"""Which process runs a session: to tell a session still running from one a crash stopped.

A session records its owner (process id, machine, process start time); the process
start time tells a process id the system has since given to another program.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any


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


def alive(pid: Any, since: Any) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, run by someone else
    return since is None or process_start(pid) in (None, since)
