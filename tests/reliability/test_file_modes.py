"""Every file roleplay writes is readable by its owner only (600), and so is every folder
it creates (700), whatever the umask: the index and session files, recordings, the
voice cache, CSV and JSON Lines exports, bundles, an imported bundle's audio, reports
and the ``--output-audio`` files. A folder the person already had is left as it is.

Real commands in fresh processes, as a trainee and a team lead would run them; then
the helper they all write through (:mod:`simulator.atomic`) on its own.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from simulator.atomic import replacing, replacing_path, write_bytes
from tests.voice.conftest import espeak

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "data" / "scenarios" / "en-minimal.yml"
TYPED_REPLIES = "I'm sorry, Mr Okafor.\nI will refund the fee today.\n\n"
# The common umask, under which a file or folder made without an explicit mode is
# readable by everyone.
UMASK = 0o022


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _not_private(root: Path) -> dict[str, str]:
    """Everything under ``root`` (``root`` too) that is not a 700 folder or a 600 file."""
    wrong = {}
    for path in [root, *root.rglob("*")]:
        wanted = 0o700 if path.is_dir() and not path.is_symlink() else 0o600
        if _mode(path) != wanted:
            wrong[str(path.relative_to(root.parent))] = oct(_mode(path))
    return wrong


def test_every_file_and_folder_roleplay_writes_is_private(tmp_path, whisper_model):
    home = tmp_path / "home"  # the trainee's data folder will be home/data: both made by roleplay
    data = home / "data"
    lead = tmp_path / "lead"  # the team lead's database, made by the import
    out = tmp_path / "out"  # made by --output-audio, then filled with exports and reports
    mine = tmp_path / "mine"  # a folder the person had already: commands run in it
    mine.mkdir()
    mine.chmod(0o755)
    replies = tmp_path / "replies"
    replies.mkdir()
    espeak("I'm sorry Mrs Johnson, I will send a new kettle today.", replies / "01.wav", "en", 160)

    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),  # default settings: recordings kept
        "ROLEPLAY_ASR_MODEL": whisper_model,
        # the commands run in another folder: this checkout's code, not an installed one
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    env.pop("ROLEPLAY_DB", None)
    env.pop("ROLEPLAY_SETTINGS", None)

    def roleplay(*args: str, stdin: str = "") -> None:
        run = subprocess.run(
            [sys.executable, "-m", "simulator", *args],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=mine,
            env=env,
            umask=UMASK,
            timeout=300,
        )
        assert run.returncode == 0, (args, run.stderr)

    db = ("--db", str(data / "roleplay.json"))
    roleplay("practice", "en-disputed-charge", "--agent", "Sam", "--text", *db, stdin=TYPED_REPLIES)
    roleplay(
        "practice", str(MINIMAL), "--agent", "Sam", "--input-audio", str(replies),
        "--output-audio", str(out / "call"), "--fast", *db,
    )  # fmt: skip
    roleplay("export", "--format", "csv", "-o", str(out / "csv"), *db)
    roleplay("export", "--format", "jsonl", "-o", str(out / "sessions.jsonl"), *db)
    roleplay("export", "--bundle", str(out / "sam.zip"), *db)
    roleplay("import", str(out / "sam.zip"), "--db", str(lead / "lead.json"))
    session_id = sorted(p.stem for p in (data / "roleplay.sessions").glob("*.json"))[0]
    roleplay("report", "session", session_id, "-o", str(out / "card.html"), *db)
    roleplay("report", "team", "--format", "md", "-o", str(out / "team.md"), *db)
    # into the folder the person is in: theirs, so only the files are roleplay's
    roleplay("report", "session", session_id, *db)
    roleplay("export", "--format", "csv", *db)

    # Everything the walk below must see was written.
    for root, pattern, count in [
        (data, "roleplay.json", 1),
        (data, "roleplay.json.lock", 1),
        (data, "roleplay.sessions/*.json", 2),
        (data, "audio/*/turn-*-agent.ogg", 1),
        (data, "voice-cache/*.wav", 3),
        (lead, "lead.json", 1),
        (lead, "lead.sessions/*.json", 2),
        (lead, "audio/*/turn-*-agent.ogg", 1),
        (out, "call/turn-*-customer.wav", 2),
        (out, "call/call.wav", 1),
        (out, "csv/*.csv", 2),
        (out, "sessions.jsonl", 1),
        (out, "sam.zip", 1),
        (out, "card.html", 1),
        (out, "team.md", 1),
    ]:
        assert len(list(root.glob(pattern))) >= count, (root, pattern)

    assert {**_not_private(home), **_not_private(lead), **_not_private(out)} == {}
    # Written whole or not at all, with nothing left over. The voice cache is the
    # exception: it renders lines ahead in a background thread, which the end of the
    # process may cut short, leaving one temporary file (private too: checked above).
    left = [p for p in tmp_path.rglob("*.tmp") if p.parent.name != "voice-cache"]
    assert left == [], "a temporary file was left behind"
    assert _mode(mine) == 0o755
    assert {p.name: oct(_mode(p)) for p in mine.iterdir()} == {
        f"{session_id}.html": "0o600",
        "sessions.csv": "0o600",
        "findings.csv": "0o600",
        "agents.csv": "0o600",
    }


@contextmanager
def _umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def test_folders_made_on_the_way_are_private_and_folders_there_already_kept(tmp_path):
    tmp_path.chmod(0o755)
    with _umask(UMASK):
        write_bytes(tmp_path / "a" / "b" / "c.json", b"{}")
    assert [_mode(p) for p in (tmp_path, tmp_path / "a", tmp_path / "a" / "b")] == [
        0o755,
        0o700,
        0o700,
    ]
    assert _mode(tmp_path / "a" / "b" / "c.json") == 0o600


def test_a_failed_stream_leaves_the_old_file_and_nothing_else(tmp_path):
    target = tmp_path / "sessions.csv"
    write_bytes(target, b"old")
    with pytest.raises(RuntimeError), replacing(target, "w", encoding="utf-8") as out:
        out.write("half of the new")
        raise RuntimeError("the writer failed")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["sessions.csv"]


def test_a_writer_that_makes_its_own_file_still_leaves_it_private(tmp_path):
    target = tmp_path / "line.wav"
    with _umask(UMASK), replacing_path(target) as name:
        name.unlink()  # as an engine that removes and creates its output would
        name.write_bytes(b"RIFF")
    assert target.read_bytes() == b"RIFF" and _mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["line.wav"]
