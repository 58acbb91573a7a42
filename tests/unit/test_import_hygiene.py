"""The scorer and the conversation run in any process: no UI, storage or file formats."""

import subprocess
import sys

LOADED = """
import sys
import {module}
heavy = ("simulator", "yaml", "tinydb", "textual", "sounddevice", "faster_whisper")
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] in heavy)))
"""


def loaded_by(module: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", LOADED.format(module=module)],
        capture_output=True,
        text=True,
        check=True,
    )
    return {m for m in out.stdout.strip().split(",") if m}


def test_the_scorer_loads_nothing_of_the_app():
    assert loaded_by("scoring.scorecard") == set()


def test_the_conversation_loads_no_storage_ui_or_audio():
    loaded = loaded_by("simulator.conversation.session")
    assert {m.split(".")[0] for m in loaded} <= {"simulator"}
    assert not any(
        m.startswith(("simulator.store", "simulator.tui", "simulator.voice")) for m in loaded
    )


def test_the_command_line_starts_without_the_user_interface():
    loaded = loaded_by("simulator.cli.main")
    assert not any(m.split(".")[0] == "textual" for m in loaded)
