"""The store with years of use: 10,000 sessions.

    python benchmarks/storage_scale.py [--sessions 10000] [--repeat 20] [--rescore 2000]

Fills a fresh database with ``--sessions`` realistic sessions (real scored practice
runs in French and English, copied with new ids, agents and dates), then measures:

- saving a new session: ``start`` (index entry), each turn (the session's own file),
  ``finish`` (scorecard and index summary);
- the review table's query (every session's summary, as the review screen loads it),
  and the team lead's figures computed from it (trends, phrases to avoid);
- opening one scorecard (the whole session by id);
- opening the team review screen, headless, until its table is drawn: the first
  500 rows against every row (this one's baseline);
- ``roleplay rescore``: sessions per second with one process and with every core.

The baseline, measured in the same run on the same sessions, is the earlier layout:
one TinyDB file holding every whole session (atomic writes, no per-session files).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tinydb import Query, TinyDB  # noqa: E402
from tinydb.storages import Storage  # noqa: E402

from simulator.analytics.team import team_figures  # noqa: E402
from simulator.atomic import write_bytes  # noqa: E402
from simulator.authoring.library import load_all  # noqa: E402
from simulator.authoring.packs import rules_for  # noqa: E402
from simulator.conversation.engine import AgentReply, Conversation  # noqa: E402
from simulator.conversation.session import run_session  # noqa: E402
from simulator.store.sessions import SessionStore, open_database  # noqa: E402

AGENTS = [f"Agent {n:02d}" for n in range(1, 41)]
REPLIES = {
    "fr": [
        ["Je comprends votre agacement, je suis désolé.", "Je m'en occupe aujourd'hui."],
        ["Je sais pas, c'est pas mon problème.", "Attendez."],
        ["Si je comprends bien, vous n'avez rien demandé.", "Je vous rappelle demain matin."],
    ],
    "en": [
        ["I'm sorry, I understand why you're annoyed.", "I'll sort it out today."],
        ["I don't know, calm down.", "Hold on."],
        ["So if I've got this right, you never asked for it.", "I'll call you back tomorrow."],
    ],
}


class _Silent:
    def say(self, turn: Any) -> None:
        return None

    def heard(self) -> None:
        return None


class _Scripted:
    def __init__(self, replies: list[str]) -> None:
        self.replies = list(replies)

    def listen(self, turn: Any) -> AgentReply | None:
        return AgentReply(self.replies.pop(0)) if self.replies else None

    def settle(self) -> None:
        pass


def templates(folder: Path) -> list[dict[str, Any]]:
    """Real scored sessions: each scenario played with good, poor and middling replies."""
    store = SessionStore(open_database(folder / "templates.json"))
    made = []
    for scenario in load_all().scenarios:
        for replies in REPLIES[scenario.locale]:
            session_id, _ = run_session(
                Conversation(scenario, "template", rules_for(scenario.locale)),
                _Silent(),
                _Scripted(replies),
                store,
            )
            made.append(store.get(session_id).stored())
    return made


def generate(count: int, made: list[dict[str, Any]], seed: int = 1) -> list[dict[str, Any]]:
    """``count`` sessions over three years, by 40 agents, copied from the templates."""
    rng = random.Random(seed)
    start = datetime(2023, 11, 1, tzinfo=UTC)
    sessions = []
    for n in range(count):
        record = dict(rng.choice(made))
        when = start + timedelta(minutes=int(n * (3 * 365 * 24 * 60) / count))
        record.update(
            id=uuid.uuid4().hex[:12],
            agent=rng.choice(AGENTS),
            started_at=when.isoformat(timespec="seconds"),
            ended_at=(when + timedelta(minutes=6)).isoformat(timespec="seconds"),
            owner=None,
        )
        sessions.append(record)
    return sessions


def timed(action: Callable[[], Any], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return times


def describe(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered):7.1f} ms   p95 {p95:7.1f} ms"


def save_one(store: SessionStore, template: dict[str, Any]) -> dict[str, float]:
    """One new session saved the way practice saves it; milliseconds per step."""
    steps: dict[str, float] = {}
    began = time.perf_counter()
    session_id = store.start("Agent 01", template["scenario"], template["locale"])
    steps["start"] = time.perf_counter() - began
    turns = template["transcript"]["turns"]
    began = time.perf_counter()
    for n in range(1, len(turns) + 1):
        store.save_transcript(session_id, {**template["transcript"], "turns": turns[:n]})
    steps["turn"] = (time.perf_counter() - began) / len(turns)
    began = time.perf_counter()
    store.finish(session_id, template["outcome"], template["scorecard"])
    steps["finish"] = time.perf_counter() - began
    return {k: v * 1000 for k, v in steps.items()}


class WholeFileStorage(Storage):
    """The earlier storage: the standard json module, the whole file parsed on every read."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> dict[str, Any] | None:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None

    def write(self, data: dict[str, Any]) -> None:
        write_bytes(self.path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def baseline(folder: Path, sessions: list[dict[str, Any]], repeat: int) -> dict[str, list[float]]:
    """The earlier layout: whole sessions in one TinyDB file."""
    path = folder / "whole.json"
    table = TinyDB(path, storage=WholeFileStorage).table("sessions")
    table.insert_multiple(sessions)
    template = sessions[0]
    saves, queries = [], []
    for _ in range(repeat):
        began = time.perf_counter()
        new_id = uuid.uuid4().hex[:12]
        table.insert({**template, "id": new_id, "status": "in_progress", "scorecard": None})
        table.update({"status": "scored", "scorecard": template["scorecard"]}, Query().id == new_id)
        saves.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        fresh = TinyDB(path, storage=WholeFileStorage).table("sessions")
        [s for s in fresh.all() if s["status"] == "scored"]
        queries.append((time.perf_counter() - began) * 1000)
    return {"save": saves, "query": queries}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rescore", type=int, default=2000, help="sessions to rescore")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        made = templates(folder)
        sessions = generate(args.sessions, made)
        db = folder / "roleplay.json"
        store = SessionStore(open_database(db))
        began = time.perf_counter()
        store.put_many(sessions)
        filled = time.perf_counter() - began
        index_mb = db.stat().st_size / 1e6
        files_mb = sum(f.stat().st_size for f in store.database.sessions_dir.iterdir()) / 1e6
        print(f"machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}")
        print(
            f"{args.sessions} sessions stored in {filled:.1f} s: "
            f"index {index_mb:.1f} MB, session files {files_mb:.1f} MB"
        )

        steps = [save_one(store, made[i % len(made)]) for i in range(args.repeat)]
        save = [s["start"] + s["finish"] for s in steps]
        print("\nsaving a new session (roleplay):")
        print(f"  start (index entry)          {describe([s['start'] for s in steps])}")
        print(f"  each turn (session file)     {describe([s['turn'] for s in steps])}")
        print(f"  finish (scorecard + index)   {describe([s['finish'] for s in steps])}")
        print(f"  start + finish               {describe(save)}")

        def review_query(reader: SessionStore) -> list[Any]:
            return [s for s in reader.history() if s.status == "scored"]

        cold = timed(lambda: review_query(SessionStore(open_database(db))), 10)
        query = timed(lambda: review_query(store), 10)
        scored = [s for s in store.history() if s.status == "scored"]
        figures = timed(lambda: team_figures(scored), 5)
        some = [s.id for s in random.Random(2).sample(scored, 20)]
        opened = timed(lambda: store.get(some.pop()), 20)
        print("\nreview (roleplay):")
        print(f"  open + review table query    {describe(cold)}   (a new process)")
        print(f"  review table query again     {describe(query)}   (index unchanged)")
        print(f"  trends + phrases to avoid    {describe(figures)}")
        print(f"  open one scorecard           {describe(opened)}")

        old = baseline(folder, sessions, max(3, args.repeat // 4))
        print("\nbaseline, whole sessions in one TinyDB file:")
        print(f"  save (insert + update)       {describe(old['save'])}")
        print(f"  review table query           {describe(old['query'])}")
        print("\nratios (baseline / roleplay, medians):")
        print(f"  save   {statistics.median(old['save']) / statistics.median(save):5.1f}x")
        print(f"  query  {statistics.median(old['query']) / statistics.median(cold):5.1f}x  (cold)")

        print("\nreview screen, 10,000 sessions in the database:")
        capped = review_screen(db)
        import simulator.tui.review as review

        every, review.MAX_ROWS = review.MAX_ROWS, 10**9
        uncapped = review_screen(db)
        review.MAX_ROWS = every
        print(f"  first {every} rows (roleplay)      {capped:7.0f} ms")
        print(f"  every row (baseline)         {uncapped:7.0f} ms")
        print(f"  ratio                        {uncapped / capped:7.1f}x")

        if args.rescore:
            rescore_figures(folder, sessions[: args.rescore])


def review_screen(db: Path) -> float:
    """Milliseconds from opening the team review (headless) to its table being drawn."""
    import asyncio

    from simulator.authoring.library import load_all
    from simulator.tui.app import make_app

    app = make_app(SessionStore(open_database(db)), load_all().scenarios, locale="en")
    took: list[float] = []

    async def run() -> None:
        async with app.run_test(size=(140, 45)) as pilot:
            await pilot.pause()
            began = time.perf_counter()
            app.open_review()
            await pilot.pause()
            await pilot.pause()
            took.append((time.perf_counter() - began) * 1000)

    asyncio.run(run())
    return took[0]


ORG_PACK = """pack: org-{locale}
locale: {locale}
dimension: avoided_phrases
rules:
  - id: org-{locale}-first-person
    type: substitution
    message: A rule every call triggers, so that every scorecard changes.
    swap:
      "{word}": "{word}"
    examples:
      flag: ["{word} see."]
      pass: ["Okay."]
"""


def rescore_figures(folder: Path, sessions: list[dict[str, Any]]) -> None:
    """``roleplay rescore`` with one process and with every core, rules unchanged and then
    after an organisation pack that changes every scorecard is added."""
    from simulator.authoring.settings import load_settings
    from simulator.store.rescore import rescore_sessions

    packs = folder / "org-packs"
    packs.mkdir()
    for locale, word in (("fr", "je"), ("en", "i")):
        (packs / f"org-{locale}.yml").write_text(ORG_PACK.format(locale=locale, word=word))
    settings = folder / "settings.yml"
    print(f"\nrescore {len(sessions)} sessions:")
    rates: dict[tuple[str, int], float] = {}
    for case in ("rules unchanged", "a rule pack added"):
        for jobs in (1, os.cpu_count() or 1):
            db = SessionStore(open_database(folder / f"rescore-{len(rates)}.json"))
            db.put_many(sessions)
            if case == "a rule pack added":
                settings.write_text(f"rule_dirs: [{packs}]\n")
                os.environ["ROLEPLAY_SETTINGS"] = str(settings)
            else:
                os.environ["ROLEPLAY_SETTINGS"] = str(folder / "no-settings.yml")
            done = rescore_sessions(db, load_settings(), jobs=jobs)
            rates[(case, jobs)] = done.per_second
            print(
                f"  {case:18} {jobs} process(es) {done.per_second:6.0f} sessions/s "
                f"({done.seconds:.1f} s, {done.rewritten} rewritten)"
            )
    for case in ("rules unchanged", "a rule pack added"):
        one, every = rates[(case, 1)], rates[(case, os.cpu_count() or 1)]
        print(f"  {case}: every core vs one process {every / one:.2f}x")


if __name__ == "__main__":
    main()
