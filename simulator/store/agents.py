"""The agents in a database: who is there, near names, renaming and merging.

Names are compared through :func:`simulator.store.names.fold` ("Chloé" is "chloe"); a
name that finds nobody is answered with the nearest ones (:func:`unknown_agent`).

Renaming an agent, or merging two names into one, rewrites their sessions through the
store (:meth:`SessionStore.change_many`): every session file first, then the index in
one write. Killed halfway, the index still names the sessions as before and running
the same command again completes it; nothing is lost either way.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tinydb import Query

from simulator.errors import SimulatorError
from simulator.store.names import fold, same_name
from simulator.store.records import SessionFields, SessionRecord
from simulator.store.sessions import SessionStore

CLOSE_NAMES = 3
"""How many near names a "did you mean" offers."""
LISTED_NAMES = 12
"""How many agents an error lists before pointing to ``roleplay agents list``."""


@dataclass
class AgentSessions:
    """One agent and their sessions, whichever way the name was typed."""

    name: str
    """The spelling most of their sessions carry (the latest on a tie)."""
    sessions: int = 0
    spellings: list[str] = field(default_factory=list)
    last: str = ""
    """When their latest session started (ISO)."""


def agents_of(sessions: Iterable[SessionFields]) -> list[AgentSessions]:
    """Each agent once, by name, with how many sessions they have."""
    counts: dict[str, Counter[str]] = {}
    latest: dict[str, tuple[str, str]] = {}
    for session in sessions:
        key = fold(session.agent)
        spelt = " ".join(session.agent.split())  # stray spaces are not a spelling
        counts.setdefault(key, Counter())[spelt] += 1
        if key not in latest or session.started_at >= latest[key][0]:
            latest[key] = (session.started_at, spelt)
    found = []
    for key, spelt in counts.items():
        last, newest = latest[key]
        name = max(spelt, key=lambda s: (spelt[s], s == newest))
        found.append(AgentSessions(name, sum(spelt.values()), sorted(spelt), last))
    return sorted(found, key=lambda a: (fold(a.name), a.name))


def display_names(sessions: Iterable[SessionFields]) -> dict[str, str]:
    """Each folded name and the spelling to show for it."""
    return {fold(a.name): a.name for a in agents_of(sessions)}


def close_names(name: str, known: Iterable[str], limit: int = CLOSE_NAMES) -> list[str]:
    """The known names nearest to ``name``: spelt alike, or sharing a word with it."""
    wanted = fold(name)
    by_key: dict[str, str] = {}
    for other in known:
        by_key.setdefault(fold(other), other)
    alike = difflib.get_close_matches(wanted, list(by_key), n=limit, cutoff=0.6)
    words = set(wanted.split())
    sharing = sorted(k for k in by_key if k not in alike and words & set(k.split()))
    return [by_key[k] for k in [*alike, *sharing][:limit]]


def unknown_agent(store: SessionStore, name: str, path: Path | str) -> SimulatorError:
    """What to say when no session is ``name``'s: the nearest names, or who is there."""
    known = [a.name for a in agents_of(store.history())]
    if not known:
        return SimulatorError("error.no_sessions_at_all", agent=name, path=path)
    listed = ", ".join(known[:LISTED_NAMES]) + (", …" if len(known) > LISTED_NAMES else "")
    close = close_names(name, known)
    if close:
        return SimulatorError(
            "error.unknown_agent_close",
            agent=name,
            path=path,
            close=", ".join(f"'{c}'" for c in close),
            agents=listed,
        )
    return SimulatorError("error.unknown_agent", agent=name, path=path, agents=listed)


def require_agent(store: SessionStore, name: str, path: Path | str) -> str:
    """The agent's name as most of their sessions spell it; an error when there is none."""
    found = agents_of(store.history(name))
    if not found:
        raise unknown_agent(store, name, path)
    return found[0].name


@dataclass
class Renamed:
    """What a rename or a merge changed."""

    old: str
    new: str
    sessions: int


def rename_agent(store: SessionStore, old: str, new: str, path: Path | str) -> Renamed:
    """Give every session of ``old`` the name ``new``; refused if ``new`` is someone else."""
    new = " ".join(new.split())
    if not new:
        raise SimulatorError("error.agent_name_empty")
    current = require_agent(store, old, path)
    if not same_name(old, new) and store.history(new):
        raise SimulatorError("error.agent_exists", agent=new, old=current)
    return _relabel(store, old, new, current)


def plan_merge(store: SessionStore, source: str, target: str, path: Path | str) -> Renamed:
    """What merging ``source`` into ``target`` would do, checked: both names must be
    agents here, and two different ones."""
    into = require_agent(store, target, path)
    current = require_agent(store, source, path)
    if same_name(source, target):
        raise SimulatorError("error.merge_same_agent", agent=into)
    return Renamed(current, into, len(store.history(source)))


def merge_agents(store: SessionStore, source: str, target: str, path: Path | str) -> Renamed:
    """Give every session of ``source`` the name ``target`` already carries."""
    plan = plan_merge(store, source, target, path)
    return _relabel(store, source, plan.new, plan.old)


def _relabel(store: SessionStore, old: str, new: str, current: str) -> Renamed:
    def relabel(record: SessionRecord) -> None:
        record.agent = new

    with store.database.writing():
        ids = [s.id for s in store.history(old)]
        store.change_many(ids, relabel)
        _relabel_remembered(store, old, new)
    return Renamed(current, new, len(ids))


def _relabel_remembered(store: SessionStore, old: str, new: str) -> None:
    """The name remembered on the home screen, and the agents each export holds (so that
    forgetting the agent later still finds those files)."""
    if same_name(store.preference("agent"), old):
        store.remember("agent", new)
    exports = store.database.table("exports")
    for entry in exports.all():
        agents = entry.get("agents", [])
        if any(same_name(a, old) for a in agents):
            kept = sorted({new, *(a for a in agents if not same_name(a, old))})
            exports.update({"agents": kept}, Query().path == entry["path"])
