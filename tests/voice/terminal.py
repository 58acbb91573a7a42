"""roleplay's terminal UI in a real terminal (a private tmux server), with everything the
program wrote to the terminal kept byte for byte: what a person would have seen drawn
over the screen, and whether the program ever ended."""

from __future__ import annotations

import shlex
import subprocess
import time
from pathlib import Path


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
