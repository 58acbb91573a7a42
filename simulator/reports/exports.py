"""Sessions as spreadsheets (two CSV files) or JSON Lines (one session per line).

Scores in the CSV are the ones a reviewer left: an override takes the place of the
scorer's score, and the ``overridden`` column names the dimensions that were changed.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from scoring.findings import DIMENSIONS
from simulator.reports.files import replacing
from simulator.store.records import SessionRecord

SESSION_COLUMNS = (
    "id",
    "agent",
    "scenario",
    "locale",
    "started_at",
    "ended_at",
    "outcome",
    "overall",
    *DIMENSIONS,
    "overridden",
)
FINDING_COLUMNS = (
    "session_id",
    "turn",
    "time",
    "dimension",
    "rule",
    "polarity",
    "severity",
    "quote",
    "message",
    "suggestion",
)
SESSIONS_CSV = "sessions.csv"
FINDINGS_CSV = "findings.csv"
# A spreadsheet runs a cell that starts with one of these as a formula; what an agent
# said must stay text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def session_row(session: SessionRecord) -> dict[str, Any]:
    row: dict[str, Any] = {key: getattr(session, key) for key in SESSION_COLUMNS[:7]}
    row["overall"] = session.effective_overall
    row |= session.effective_scores
    row["overridden"] = " ".join(sorted(session.overrides))
    return {key: _cell(value) for key, value in row.items()}


def finding_rows(session: SessionRecord) -> Iterator[dict[str, Any]]:
    for finding in session.scorecard.findings if session.scorecard else []:
        row = {"session_id": session.id}
        row |= {key: getattr(finding, key) for key in FINDING_COLUMNS[1:]}
        yield {key: _cell(value) for key, value in row.items()}


def write_csv(sessions: Iterable[SessionRecord], folder: Path) -> tuple[Path, Path]:
    """Write ``sessions.csv`` and ``findings.csv`` in ``folder``.

    UTF-8 with a byte-order mark, so that spreadsheets show accents right.
    """
    paths = folder / SESSIONS_CSV, folder / FINDINGS_CSV
    options = {"encoding": "utf-8-sig", "newline": ""}
    with replacing(paths[0], **options) as s_file, replacing(paths[1], **options) as f_file:
        s_out = csv.DictWriter(s_file, SESSION_COLUMNS)
        f_out = csv.DictWriter(f_file, FINDING_COLUMNS)
        s_out.writeheader()
        f_out.writeheader()
        for session in sessions:
            s_out.writerow(session_row(session))
            f_out.writerows(finding_rows(session))
    return paths


def write_jsonl(sessions: Iterable[SessionRecord], out: IO[str]) -> int:
    """Write each whole session on its own line, as it is stored; returns how many."""
    count = 0
    for session in sessions:
        out.write(json.dumps(session.stored(), ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count
