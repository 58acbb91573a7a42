"""Any file given to 'roleplay import' is imported or refused whole: exit 2 with one plain
line, the database untouched, and nothing written outside the data folder."""

from __future__ import annotations

import contextlib
import itertools
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from simulator.cli.main import cli
from simulator.errors import EXIT_USER_ERROR
from simulator.store.bundles import read_bundle
from tests.fuzz.budget import fuzz
from tests.fuzz.bundles import NUL_MARK, Entry, build, bundle_bytes, entries_of
from tests.fuzz.outcomes import assert_clean, ends_cleanly, invoke

REPLIES = "I'm sorry, Mr Okafor, I understand.\nI don't know.\n"


@dataclass(frozen=True)
class Source:
    """A real bundle (one typed session plus an audio file), and a lead's data folder."""

    entries: list[Entry] = field(repr=False)
    whole: bytes = field(repr=False)
    session_id: str
    lead_data: Path

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(f"Source({self.session_id!r})")


def _run(args: list[str], db: Path, stdin: str = "") -> None:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], input=stdin)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Source:
    root = tmp_path_factory.mktemp("bundles")
    agent_db = root / "agent" / "roleplay.json"
    _run(["practice", "en-disputed-charge", "--agent", "Alex", "--text"], agent_db, REPLIES)
    _run(["export", "--bundle", str(root / "alex.zip")], agent_db)
    entries = entries_of(root / "alex.zip")
    sessions = next(e for e in entries if e.name == "sessions.json")
    session_id = json.loads(sessions.data)[0]["id"]
    entries.append(Entry(f"audio/{session_id}/turn-01-agent.ogg", b"OggS" + b"\0" * 60))
    # The lead already holds someone else's session: an import must never lose it.
    lead_db = root / "lead" / "roleplay.json"
    _run(["practice", "fr-facture-contestee", "--agent", "Sam", "--text"], lead_db, "Bonjour.\n")
    return Source(entries, build(entries), session_id, lead_db.parent)


def test_the_real_bundle_imports(source, workdir):
    case = _case(workdir, source, source.whole)
    result = _import(case)
    assert_clean(result, codes=(0,))
    assert "1 new session," in result.stdout and "1 audio file written" in result.stdout
    assert (case / "data" / "audio" / source.session_id / "turn-01-agent.ogg").exists()


def _bundles(source: Source) -> st.SearchStrategy[bytes]:
    return bundle_bytes(source.entries, source.session_id, source.whole)


_cases = itertools.count()


def _case(workdir: Path, source: Source, content: bytes) -> Path:
    case = workdir / f"case-{next(_cases)}"
    shutil.copytree(source.lead_data, case / "data")
    (case / "bundle.zip").write_bytes(content)
    return case


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b"<dir>"
        for p in folder.rglob("*")
        if not p.name.endswith(".lock")
    }


def _import(case: Path):  # type: ignore[no-untyped-def]
    db = case / "data" / "roleplay.json"
    # In the case folder, so that a name relative to where roleplay runs lands in view.
    with contextlib.chdir(case):
        return invoke(["import", "bundle.zip", "--db", str(db)], {})


def _assert_refused_whole(case: Path, before: dict[str, bytes], result) -> None:  # type: ignore[no-untyped-def]
    after = _snapshot(case)
    outside = {k for k in after.keys() - before.keys() if not k.startswith("data")}
    assert not outside, f"written outside the data folder: {outside}"
    assert not Path("/tmp/evil.ogg").exists()
    if result.exit_code == EXIT_USER_ERROR:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("roleplay: "), result.stderr
        changed = {k for k in before if k.startswith("data") and after.get(k) != before[k]}
        assert not changed, f"a refused import changed {changed}"


@fuzz(500)
@given(data=st.data())
def test_a_bundle_is_read_or_refused(source, workdir, data):
    path = workdir / "bundle.zip"
    path.write_bytes(data.draw(_bundles(source)))
    bundle = ends_cleanly(lambda: read_bundle(path))
    if bundle is not None:
        assert all(sid in {s.id for s in bundle.sessions} for sid, _ in bundle.audio.values())


@fuzz(120)
@given(data=st.data())
def test_import_adds_or_refuses_whole(source, workdir, data):
    case = _case(workdir, source, data.draw(_bundles(source)))
    before = _snapshot(case)
    result = _import(case)
    assert_clean(result)
    _assert_refused_whole(case, before, result)
    shutil.rmtree(case)


HOSTILE = {
    "parent folders": ("audio/{sid}/../../../evil.ogg", "climbs out"),
    "parent at the top": ("../evil.ogg", "climbs out"),
    "absolute": ("/tmp/evil.ogg", "absolute"),
    "Windows backslashes": ("audio\\{sid}\\..\\..\\evil.ogg", "backslashes"),
    "Windows parent": ("..\\evil.ogg", "backslashes"),
    "drive letter": ("C:/evil.ogg", "absolute"),
    "drive-relative": ("C:evil.ogg", "absolute"),
    "NUL byte": ("audio/{sid}/a.ogg" + NUL_MARK + "../../evil", "NUL"),
    "deeper folder": ("audio/{sid}/deeper/evil.ogg", "audio/<session id>/<file name>"),
    "hidden file": ("audio/{sid}/.evil", "audio/<session id>/<file name>"),
    "no such session": ("audio/0000deadbeef/evil.ogg", "belongs to no session"),
    "no name": ("", "has no name"),
}


@pytest.mark.parametrize("case_name", sorted(HOSTILE))
def test_a_hostile_audio_name_is_refused(source, workdir, case_name):
    name, words = HOSTILE[case_name]
    hostile = Entry(name.format(sid=source.session_id), b"evil")
    case = _case(workdir, source, build([*source.entries, hostile]))
    before = _snapshot(case)
    result = _import(case)
    assert_clean(result, codes=(EXIT_USER_ERROR,))
    assert words in result.stderr and "cannot import" in result.stderr, result.stderr
    _assert_refused_whole(case, before, result)
    assert not (case / "data" / "audio").exists()


def test_a_symbolic_link_entry_is_refused(source, workdir):
    link = Entry(f"audio/{source.session_id}/turn-02-agent.ogg", b"/etc/passwd", symlink=True)
    case = _case(workdir, source, build([*source.entries, link]))
    before = _snapshot(case)
    result = _import(case)
    assert_clean(result, codes=(EXIT_USER_ERROR,))
    assert "symbolic link" in result.stderr
    _assert_refused_whole(case, before, result)


def test_audio_is_never_written_through_a_link_in_the_data_folder(source, workdir):
    case = _case(workdir, source, source.whole)
    elsewhere = case / "elsewhere"
    elsewhere.mkdir()
    (case / "data" / "audio").mkdir()
    (case / "data" / "audio" / source.session_id).symlink_to(elsewhere)
    result = _import(case)
    assert_clean(result, codes=(EXIT_USER_ERROR,))
    assert "outside the data folder" in result.stderr and not list(elsewhere.iterdir())


BAD_RECORDS = {
    "a turn that is null": (lambda s: s["transcript"]["turns"].append(None), "transcript.turns"),
    "an infinite time": (
        lambda s: s["transcript"]["turns"][0].update(end=float("inf")),
        "transcript.turns.0.end",
    ),
    "a scorecard that is text": (lambda s: s.update(scorecard="great"), "scorecard"),
    "a finding that is a number": (lambda s: s["scorecard"]["findings"].append(1), "findings"),
    "an overall that is text": (lambda s: s.update(overall="high"), "overall"),
    "a score that is text": (lambda s: s["scores"].update(pacing="x"), "scores"),
    "a comment whose text is a number": (
        lambda s: s.update(comments=[{"id": "c1", "text": 5}]),
        "comments",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_RECORDS))
def test_a_session_record_of_the_wrong_shape_is_refused(source, workdir, case):
    change, words = BAD_RECORDS[case]
    entries = list(source.entries)
    index = next(i for i, e in enumerate(entries) if e.name == "sessions.json")
    sessions = json.loads(entries[index].data)
    change(sessions[0])
    entries[index] = Entry("sessions.json", json.dumps(sessions).encode())
    case_dir = _case(workdir, source, build(entries))
    before = _snapshot(case_dir)
    result = _import(case_dir)
    assert_clean(result, codes=(EXIT_USER_ERROR,))
    assert words in result.stderr and "sessions.json[0]" in result.stderr, result.stderr
    _assert_refused_whole(case_dir, before, result)


@pytest.mark.parametrize("damage", ["encrypted flag", "bad deflate data", "bad lzma data"])
def test_damaged_entry_data_is_refused_before_anything_is_written(source, workdir, damage):
    entries = list(source.entries)
    audio = entries[-1]
    if damage == "encrypted flag":
        entries[-1] = Entry(audio.name, audio.data, encrypted_flag=True)
        content = build(entries)
    else:
        compression = 8 if damage == "bad deflate data" else 14  # deflate, lzma
        entries[-1] = Entry(audio.name, b"A" * 4000, compression=compression)
        content = build(entries)
        # The entry's compressed data starts right after its name in the local header.
        at = content.index(b"turn-01-agent.ogg") + len(b"turn-01-agent.ogg") + 2
        content = content[:at] + b"\xff" * 8 + content[at + 8 :]
    case = _case(workdir, source, content)
    before = _snapshot(case)
    result = _import(case)
    assert_clean(result, codes=(EXIT_USER_ERROR,))
    _assert_refused_whole(case, before, result)
    assert not (case / "data" / "audio").exists()


@pytest.mark.parametrize("kind", ["empty", "not a zip", "truncated", "folder", "missing"])
def test_what_is_not_a_bundle_is_refused(source, workdir, kind):
    case = _case(workdir, source, b"")
    bundle = case / "bundle.zip"
    if kind == "not a zip":
        bundle.write_text("<html></html>")
    elif kind == "truncated":
        bundle.write_bytes(source.whole[: len(source.whole) // 2])
    elif kind == "folder":
        bundle.unlink()
        bundle.mkdir()
    elif kind == "missing":
        bundle.unlink()
    before = _snapshot(case)
    result = _import(case)
    assert_clean(result, codes=(EXIT_USER_ERROR,))
    _assert_refused_whole(case, before, result)
