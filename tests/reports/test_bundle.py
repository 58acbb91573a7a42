"""Bundles from agents to their team lead: merged without duplicates or lost comments,
and refused whole, with one message and exit 2, when unsafe or malformed."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest

from simulator.store.bundle_import import merge_session
from simulator.store.records import Comment
from simulator.store.sessions import SessionStore, open_database
from tests.reports.conftest import Run, find, roleplay


def _store(db: Path) -> SessionStore:
    return SessionStore(open_database(db))


def _bundle(db: Path, out: Path, *args: str) -> Path:
    run = roleplay("export", "--bundle", str(out), *args, db=db)
    assert run.code == 0, run.err
    return out


def _one_clear_message(run: Run, *words: str) -> None:
    assert run.code == 2
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("roleplay: "), run.err
    assert "Traceback" not in run.err
    for word in words:
        assert word in lines[0], (word, lines[0])


def test_a_bundle_carries_sessions_and_audio_to_the_lead(team, tmp_path):
    bundle = _bundle(team.alex, tmp_path / "alex.zip")
    with zipfile.ZipFile(bundle) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        audio = [n for n in archive.namelist() if n.startswith("audio/")]
    assert manifest["format"] == "roleplay-bundle" and manifest["version"] == 1
    assert len(manifest["sessions"]) == 3 and audio == manifest["audio"] and audio

    lead = tmp_path / "lead" / "roleplay.json"
    run = roleplay("import", str(bundle), db=lead)
    assert run.code == 0, run.err
    assert "3 new sessions" in run.out
    for session in team.sessions(team.alex):
        assert _store(lead).get(session.id) == session
    for name in audio:
        _, session_id, file_name = name.split("/")
        copied = lead.parent / "audio" / session_id / file_name
        assert (
            copied.read_bytes()
            == (team.alex.parent / "audio" / session_id / file_name).read_bytes()
        )


def test_the_same_bundle_twice_is_still_one_session_each(team, tmp_path):
    bundle = _bundle(team.sam, tmp_path / "sam.zip")
    lead = tmp_path / "lead.json"
    roleplay("import", str(bundle), db=lead)
    again = roleplay("import", str(bundle), db=lead)
    assert again.code == 0 and "3 already here" in again.out
    assert len(_store(lead).history()) == 3


def test_comments_merge_by_id_and_the_leads_overrides_stay(team, tmp_path):
    lead = tmp_path / "lead.json"
    roleplay("import", str(_bundle(team.alex, tmp_path / "first.zip")), db=lead)
    session = find(team.sessions(team.alex), "Alex", "en-disputed-charge")
    # The lead reviews the call…
    lead_store = _store(lead)
    lead_store.add_comment(session.id, 1, "Breathe before answering.", "Dana")
    lead_store.override_score(session.id, "empathy", 60, "Warm tone.", "Dana")
    # …while a coach reviews the agent's own copy, which is bundled again.
    agent_store = _store(team.alex)
    coach = agent_store.add_comment(session.id, 3, "Good recovery here.", "Coach")
    agent_store.override_score(session.id, "empathy", 20, "Cold tone.", "Coach")
    agent_store.override_score(session.id, "pacing", 50, "Rushed.", "Coach")

    run = roleplay("import", str(_bundle(team.alex, tmp_path / "second.zip")), db=lead)
    assert run.code == 0, run.err
    assert "1 updated, 2 already here (1 comment and 1 override added)" in run.out
    merged = _store(lead).get(session.id)
    assert [c.text for c in merged.comments] == ["Breathe before answering.", coach.text]
    assert merged.overrides["empathy"].score == 60  # the lead's own, kept
    assert merged.overrides["pacing"].score == 50  # new, added
    # importing the same again changes nothing
    third = roleplay("import", str(tmp_path / "second.zip"), db=lead)
    assert "3 already here" in third.out
    assert _store(lead).get(session.id) == merged


def test_a_finished_session_replaces_a_copy_taken_before_it_was_scored(team):
    session = team.sessions(team.sam)[0]
    early = session.model_copy(update={"status": "in_progress", "scorecard": None, "overall": None})
    early.comments = [Comment(id="c1", turn=None, text="Ongoing.", author="Dana")]
    merged, comments, overrides = merge_session(early, session)
    assert merged.status == "scored" and merged.scorecard == session.scorecard
    assert merged.comments[0].text == "Ongoing." and comments == 0 and overrides == 0


def _tampered(source: Path, out: Path, replace: dict[str, bytes | None], add=()) -> Path:
    """A copy of a real bundle with entries replaced (None: removed) or added."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w") as copy:
        for info in original.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    copy.writestr(info.filename, replace[info.filename])
            else:
                copy.writestr(info, original.read(info))
        for entry, data in add:
            copy.writestr(entry, data)
    return out


def _symlink_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


@pytest.fixture
def lead_with_alex(team, tmp_path):
    """A lead's database that already holds Alex's sessions, and Sam's real bundle."""
    lead = tmp_path / "lead" / "roleplay.json"
    assert roleplay("import", str(_bundle(team.alex, tmp_path / "alex.zip")), db=lead).code == 0
    session = team.sessions(team.alex)[0]
    _store(lead).add_comment(session.id, 1, "Kept.", "Dana")
    return lead, _bundle(team.sam, tmp_path / "sam.zip"), team.sessions(team.sam)[0].id


def _assert_untouched(lead: Path, before: bytes, tmp_path: Path) -> None:
    assert lead.read_bytes() == before
    assert not list(tmp_path.rglob("evil*"))
    assert not (lead.parent / "audio" / "..").resolve().joinpath("evil.txt").exists()


TRAVERSALS = {
    "parent": ("audio/{sid}/../../../evil.txt", "climbs out"),
    "parent-only": ("../evil.txt", "climbs out"),
    "absolute": ("/tmp/evil.txt", "absolute"),
    "backslash": ("audio\\{sid}\\..\\..\\evil.txt", "backslashes"),
    "drive": ("C:/evil.txt", "absolute"),
    "nested": ("audio/{sid}/deeper/evil.ogg", "audio/<session id>/<file name>"),
    "no-session": ("audio/0000deadbeef/evil.ogg", "belongs to no session"),
}


@pytest.mark.parametrize("case", sorted(TRAVERSALS))
def test_traversal_in_audio_names_is_refused(lead_with_alex, tmp_path, case):
    lead, bundle, sid = lead_with_alex
    entry, words = TRAVERSALS[case]
    bad = _tampered(bundle, tmp_path / "bad.zip", {}, [(entry.format(sid=sid), b"x")])
    before = lead.read_bytes()
    run = roleplay("import", str(bad), db=lead)
    _one_clear_message(run, "cannot import", words)
    _assert_untouched(lead, before, tmp_path)


def test_a_symbolic_link_in_a_bundle_is_refused(lead_with_alex, tmp_path):
    lead, bundle, sid = lead_with_alex
    link = _symlink_entry(f"audio/{sid}/turn-09-agent.ogg")
    bad = _tampered(bundle, tmp_path / "bad.zip", {}, [(link, "/etc/passwd")])
    before = lead.read_bytes()
    _one_clear_message(roleplay("import", str(bad), db=lead), "symbolic link")
    _assert_untouched(lead, before, tmp_path)


def test_a_session_id_that_would_name_another_folder_is_refused(lead_with_alex, tmp_path):
    lead, bundle, _ = lead_with_alex
    with zipfile.ZipFile(bundle) as archive:
        sessions = json.loads(archive.read("sessions.json"))
    sessions[0]["id"] = "../../evil"
    bad = _tampered(bundle, tmp_path / "bad.zip", {"sessions.json": json.dumps(sessions).encode()})
    before = lead.read_bytes()
    _one_clear_message(roleplay("import", str(bad), db=lead), "is not a session id")
    _assert_untouched(lead, before, tmp_path)


def test_audio_is_never_written_through_a_link_out_of_the_data_folder(lead_with_alex, tmp_path):
    lead, bundle, sid = lead_with_alex
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (lead.parent / "audio").mkdir(exist_ok=True)
    (lead.parent / "audio" / sid).symlink_to(elsewhere)
    before = lead.read_bytes()
    _one_clear_message(roleplay("import", str(bundle), db=lead), "outside the data folder")
    assert list(elsewhere.iterdir()) == [] and lead.read_bytes() == before


def _manifest(bundle: Path) -> dict:
    with zipfile.ZipFile(bundle) as archive:
        return json.loads(archive.read("manifest.json"))


MALFORMED = {
    "no manifest": ({"manifest.json": None}, "no manifest.json"),
    "manifest not JSON": ({"manifest.json": b"{format: "}, "manifest.json is not valid JSON"),
    "sessions not JSON": ({"sessions.json": b"[{]"}, "sessions.json is not valid JSON"),
    "no sessions": ({"sessions.json": None}, "no sessions.json"),
    "sessions not a list": ({"sessions.json": b"{}"}, "list of sessions"),
    "a session without agent": ({"sessions.json": b'[{"id": "abc"}]'}, "agent is missing"),
    "not a bundle manifest": ({"manifest.json": b'{"version": 1}'}, "not a roleplay bundle"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_a_malformed_bundle_is_one_clear_message(lead_with_alex, tmp_path, case):
    lead, bundle, _ = lead_with_alex
    replace, words = MALFORMED[case]
    bad = _tampered(bundle, tmp_path / "bad.zip", replace)
    before = lead.read_bytes()
    _one_clear_message(roleplay("import", str(bad), db=lead), words)
    assert lead.read_bytes() == before


def test_a_session_from_an_older_roleplay_is_imported(lead_with_alex, tmp_path):
    """A record without the keys later versions added is taken in with their defaults."""
    lead, bundle, _ = lead_with_alex
    old = {"id": "0ld5e55i0n01", "agent": "Old", "started_at": "2024-01-01T10:00:00"}
    old |= {"status": "scored", "overall": 64, "scores": {"empathy": 64}}
    without_audio = {name: None for name in _manifest(bundle)["audio"]}
    sessions = {"sessions.json": json.dumps([old]).encode()}
    older = _tampered(bundle, tmp_path / "old.zip", sessions | without_audio)
    run = roleplay("import", str(older), db=lead)
    assert run.code == 0, run.err
    (summary,) = [s for s in _store(lead).history() if s.id == old["id"]]
    assert summary.agent == "Old" and summary.effective_overall == 64
    assert _store(lead).get(old["id"]).stored() == old  # stored as it came


@pytest.mark.parametrize(
    "version,words", [(3, "newer roleplay"), (0, "not supported"), ("1", "not supported")]
)
def test_another_bundle_version_is_refused(lead_with_alex, tmp_path, version, words):
    lead, bundle, _ = lead_with_alex
    manifest = {**_manifest(bundle), "version": version}
    bad = _tampered(bundle, tmp_path / "bad.zip", {"manifest.json": json.dumps(manifest).encode()})
    before = lead.read_bytes()
    _one_clear_message(roleplay("import", str(bad), db=lead), words)
    assert lead.read_bytes() == before


@pytest.mark.parametrize("kind", ["html", "empty", "truncated", "missing", "folder"])
def test_not_a_zip_is_one_clear_message(lead_with_alex, tmp_path, kind):
    lead, bundle, _ = lead_with_alex
    bad = tmp_path / "bad.zip"
    if kind == "html":
        bad.write_text("<html></html>")
    elif kind == "empty":
        bad.write_bytes(b"")
    elif kind == "truncated":
        bad.write_bytes(bundle.read_bytes()[: len(bundle.read_bytes()) // 2])
    elif kind == "folder":
        bad.mkdir()
    before = lead.read_bytes()
    run = roleplay("import", str(bad), db=lead)
    _one_clear_message(run, "cannot import", "no such file" if kind == "missing" else "zip")
    assert lead.read_bytes() == before


def test_a_bundle_of_one_agent(team, tmp_path):
    lead = tmp_path / "lead.json"
    for db in (team.alex, team.sam):
        roleplay("import", str(_bundle(db, tmp_path / f"{db.parent.name}.zip")), db=lead)
    only = _bundle(lead, tmp_path / "only-sam.zip", "--agent", "Sam")
    assert _manifest(only)["agent"] == "Sam"
    assert len(_manifest(only)["sessions"]) == 3
    with zipfile.ZipFile(only) as archive:
        sessions = json.loads(archive.read("sessions.json"))
    assert {s["agent"] for s in sessions} == {"Sam"}


def test_a_bundle_cannot_be_written_where_asked(team, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    run = roleplay("export", "--bundle", str(blocker / "out.zip"), db=team.alex)
    _one_clear_message(run, "cannot write", "not a folder")
    nobody = roleplay(
        "export", "--bundle", str(tmp_path / "x.zip"), "--agent", "Nobody", db=team.alex
    )
    _one_clear_message(nobody, "no sessions of 'Nobody'", "agents here: Alex")
