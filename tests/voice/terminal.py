"""roleplay's terminal UI in a real terminal (a private tmux server), with everything the
program wrote to the terminal kept byte for byte: what a person would have seen drawn
over the screen, and whether the program ever ended."""

from __future__ import annotations

import shlex
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.voice.live import SoundServer

DATA = Path(__file__).parent.parent / "data"


class Terminal:
    def __init__(self, folder: Path, env: dict[str, str], command: list[str]) -> None:
        self.folder = folder
        self.socket = folder / "tmux.sock"
        self.log = folder / "terminal.log"
        self.status = folder / "status"
        script = folder / "run.sh"
        exports = "".join(f"export {k}={shlex.quote(v)}\n" for k, v in env.items())
        script.write_text(
            f"{exports}read _\n{shlex.join(command)}\necho $? >{shlex.quote(str(self.status))}\n"
        )
        self.tmux("new-session", "-d", "-s", "live", "-x", "130", "-y", "40", f"sh {script}")
        # every byte written to the terminal from the start: the script waits for Enter
        self.tmux("pipe-pane", "-t", "live", "-o", f"cat >>{shlex.quote(str(self.log))}")
        self.tmux("send-keys", "-t", "live", "Enter")
        self.ended: float | None = None

    def tmux(self, *args: str, check: bool = True) -> str:
        run = subprocess.run(
            ["tmux", "-S", str(self.socket), *args], capture_output=True, text=True, check=check
        )
        return run.stdout

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "live", *keys)

    def screen(self) -> str:
        """What the terminal shows ("" once the program and its terminal have ended)."""
        return self.tmux("capture-pane", "-p", "-t", "live", check=False)

    def wait_for(self, *texts: str, timeout: float = 20, absent: str = "") -> float:
        """Wait until every text is on the screen (and ``absent`` is not); returns when."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(t in screen for t in texts) and not (absent and absent in screen):
                return time.monotonic()
            time.sleep(0.1)
        raise AssertionError(f"{texts} never appeared; the screen was:\n{screen}")

    def wait_for_exit(self, timeout: float) -> int | None:
        """The program's exit status, or None if it still runs after ``timeout``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.status.exists() and self.status.read_text().strip():
                self.ended = time.monotonic()
                return int(self.status.read_text())
            time.sleep(0.05)
        return None

    def output(self) -> str:
        """Everything the program wrote to the terminal."""
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def close(self) -> None:
        subprocess.run(["tmux", "-S", str(self.socket), "kill-server"], capture_output=True)


def open_ui(
    server: SoundServer, tmp_path: Path, settings: str, voice: bool, scenario_tail: str = ""
) -> tuple[Terminal, Path]:
    """roleplay's UI on the sound ``server``, on a fresh database (agent Sam, spoken
    practice on or off), ``settings`` in its settings file, and the test scenario
    (``en-minimal`` with ``scenario_tail`` added) started: it is last in the list."""
    from simulator.store.sessions import SessionStore, open_database

    folder = tmp_path / "scenarios"
    folder.mkdir()
    minimal = (DATA / "scenarios" / "en-minimal.yml").read_text()
    scenario = minimal.replace("id: en-minimal", "id: en-zz-live") + scenario_tail
    (folder / "en-zz-live.yml").write_text(scenario)
    settings_file = tmp_path / "settings.yml"
    settings_file.write_text(f"{settings}scenario_dirs: [{folder}]\n")
    db = tmp_path / "db" / "roleplay.json"
    db.parent.mkdir()
    store = SessionStore(open_database(db))
    store.remember("agent", "Sam")
    store.remember("voice", "on" if voice else "off")
    env = {
        key: value
        for key, value in server.env.items()
        if key in ("XDG_RUNTIME_DIR", "PULSE_SERVER", "PULSE_CLIENTCONFIG", "PATH", "HOME")
    }
    env |= {
        "ROLEPLAY_SETTINGS": str(settings_file),
        "ROLEPLAY_LANG": "en",
        "TERM": "xterm-256color",
    }
    terminal = Terminal(tmp_path, env, [sys.executable, "-m", "simulator", "--db", str(db)])
    terminal.wait_for("Team review")
    terminal.keys("C-End")
    time.sleep(0.3)
    terminal.keys("Enter")
    return terminal, db
