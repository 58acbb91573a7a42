"""Sessions as spreadsheets (three CSV files) or JSON Lines (one session per line).

Scores in the CSV are the ones a reviewer left: an override takes the place of the
scorer's score, and the ``overridden`` column names the dimensions that were changed.
``agents.csv`` holds each agent's figures as the team report computes them
(:mod:`simulator.analytics.team`): averages, how many sessions scored each, outcome rates.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from scoring.findings import DIMENSIONS
from simulator.analytics.team import OUTCOMES, TeamFigures
from simulator.reports.files import replacing
from simulator.reports.replies import reply_numbers
from simulator.store.records import SessionRecord

SESSION_COLUMNS = (
    "id",
    "agent",
    "scenario",
    "title",
    "difficulty",
    "locale",
    "started_at",
    "ended_at",
    "duration_s",
    "agent_turns",
    "outcome",
    "overall",
    *DIMENSIONS,
    "overridden",
)
FINDING_COLUMNS = (
    "session_id",
    "agent",
    "reply",
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
AGENT_COLUMNS = (
    "agent",
    "sessions",
    "overall",
    *(column for d in DIMENSIONS for column in (d, f"{d}_sessions")),
    *(f"{o}_percent" for o in OUTCOMES),
    "needs_coaching_on",
)
SESSIONS_CSV = "sessions.csv"
FINDINGS_CSV = "findings.csv"
AGENTS_CSV = "agents.csv"
# A spreadsheet runs a cell that starts with one of these as a formula; what an agent
# said must stay text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def session_row(
    session: SessionRecord, difficulties: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """One session; ``difficulties`` gives each scenario's difficulty (from the library:
    a session does not keep it)."""
    duration = session.duration
    row: dict[str, Any] = {
        "id": session.id,
        "agent": session.agent,
        "scenario": session.scenario,
        "title": session.title,
        "difficulty": (difficulties or {}).get(session.scenario or ""),
        "locale": session.locale,
        "started_at": session.started_at,
        "ended_at": session.ended_at,
        "duration_s": None if duration is None else round(duration, 1),
        "agent_turns": session.agent_turn_count(),
        "outcome": session.outcome,
        "overall": session.effective_overall,
    }
    row |= session.effective_scores
    row["overridden"] = " ".join(sorted(session.overrides))
    return {key: _cell(value) for key, value in row.items()}


def finding_rows(session: SessionRecord) -> Iterator[dict[str, Any]]:
    """One row per finding: ``reply`` numbers the agent's replies 1, 2, 3… (empty for a
    finding about the whole call); ``turn`` keeps the transcript's index, as stored."""
    replies = reply_numbers(session.transcript)
    for finding in session.scorecard.findings if session.scorecard else []:
        row = {"session_id": session.id, "agent": session.agent}
        row["reply"] = None if finding.turn is None else replies.get(finding.turn)
        row |= {key: getattr(finding, key) for key in FINDING_COLUMNS[3:]}
        yield {key: _cell(value) for key, value in row.items()}


def agent_rows(figures: TeamFigures) -> Iterator[dict[str, Any]]:
    """Each agent's figures over the scored sessions, as the team report shows them."""
    for agent in figures.agents:
        rates = {r.outcome: r.percent for r in agent.outcome_rates()}
        row: dict[str, Any] = {
            "agent": agent.name,
            "sessions": agent.sessions,
            "overall": None if agent.overall is None else round(agent.overall, 1),
        }
        for d in DIMENSIONS:
            mean = agent.dimensions[d]
            row[d] = None if mean is None else round(mean, 1)
            row[f"{d}_sessions"] = agent.scored[d]
        row |= {f"{o}_percent": round(rates.get(o, 0.0), 1) for o in OUTCOMES}
        row["needs_coaching_on"] = agent.weakest
        yield {key: _cell(value) for key, value in row.items()}


def write_csv(
    sessions: Iterable[SessionRecord],
    folder: Path,
    figures: TeamFigures,
    difficulties: Mapping[str, str] | None = None,
) -> tuple[Path, Path, Path]:
    """Write ``sessions.csv``, ``findings.csv`` and ``agents.csv`` in ``folder``;
    ``figures`` are the team figures of the scored sessions among ``sessions``.

    UTF-8 with a byte-order mark, so that spreadsheets show accents right.
    """
    paths = folder / SESSIONS_CSV, folder / FINDINGS_CSV, folder / AGENTS_CSV
    options = {"encoding": "utf-8-sig", "newline": ""}
    with (
        replacing(paths[0], **options) as s_file,
        replacing(paths[1], **options) as f_file,
        replacing(paths[2], **options) as a_file,
    ):
        s_out = csv.DictWriter(s_file, SESSION_COLUMNS)
        f_out = csv.DictWriter(f_file, FINDING_COLUMNS)
        a_out = csv.DictWriter(a_file, AGENT_COLUMNS)
        for out in (s_out, f_out, a_out):
            out.writeheader()
        for session in sessions:
            s_out.writerow(session_row(session, difficulties))
            f_out.writerows(finding_rows(session))
        a_out.writerows(agent_rows(figures))
    return paths


def write_jsonl(sessions: Iterable[SessionRecord], out: IO[str]) -> int:
    """Write each whole session on its own line, as it is stored; returns how many."""
    count = 0
    for session in sessions:
        out.write(json.dumps(session.stored(), ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count
