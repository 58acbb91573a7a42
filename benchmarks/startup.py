"""How long until the terminal UI's first screen is interactive.

    python benchmarks/startup.py [--runs 5]

Launches a fresh Python process that opens the app (headless, on a database of
sessions) and reports, from process launch to the moment the home screen takes
input, the median over the runs. The baseline, measured in the same run, is a bare
Textual app showing one DataTable: what Textual alone costs on this machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

APP = """
import time, sys
from pathlib import Path
from simulator.authoring.library import load_all
from simulator.store.sessions import SessionStore, open_database
from simulator.tui.app import make_app

async def ready(pilot):
    await pilot.pause()
    assert pilot.app.screen.query("#scenarios")
    print(time.time(), flush=True)
    pilot.app.exit()

store = SessionStore(open_database(Path(sys.argv[1])))
make_app(store, load_all().scenarios, locale="en").run(headless=True, auto_pilot=ready)
"""

BARE = """
import time
from textual.app import App
from textual.widgets import DataTable

class Bare(App):
    def compose(self):
        yield DataTable(id="scenarios")

async def ready(pilot):
    await pilot.pause()
    print(time.time(), flush=True)
    pilot.app.exit()

Bare().run(headless=True, auto_pilot=ready)
"""


def measure(code: str, *args: str) -> float:
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1]) - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "roleplay.json"
        measure(APP, str(db))  # warm the file cache once
        app = [measure(APP, str(db)) for _ in range(args.runs)]
        bare = [measure(BARE) for _ in range(args.runs)]
    print(f"{os.cpu_count()} cores; {args.runs} runs each; launch to interactive home screen")
    print(f"bare Textual app: median {statistics.median(bare) * 1000:.0f} ms")
    print(
        f"roleplay:         median {statistics.median(app) * 1000:.0f} ms, "
        f"max {max(app) * 1000:.0f} ms"
    )
    print(f"ratio roleplay/bare: {statistics.median(app) / statistics.median(bare):.2f}x")


if __name__ == "__main__":
    main()
