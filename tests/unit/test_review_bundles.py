"""Bundles of reviews: merged onto the sessions by comment id and by dimension, read by
their version and kind (an older bundle of sessions still reads), and pruned of a
session without touching the rest."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from simulator.errors import SimulatorError
from simulator.store.bundle_pruning import prune_bundle
from simulator.store.bundle_records import SessionReviews
from simulator.store.bundles import read_bundle, write_bundle
from simulator.store.records import Comment, Override
from simulator.store.review_bundles import merge_reviews, reviewed, write_reviews
from tests.made_sessions import made_session


def _comment(cid: str, text: str, author: str = "Dana") -> Comment:
    return Comment(id=cid, turn=1, text=text, author=author, at="2026-11-20T10:00:00+00:00")


def _override(score: int, author: str = "Dana") -> Override:
    return Override(score=score, reason="Heard it.", author=author, at="2026-11-20T10:00:00+00:00")


def test_comments_merge_by_id_and_an_override_replaces_the_same_dimensions():
    mine = made_session("sam-0", "Sam", 1)
    mine.comments = [_comment("c1", "Mine.", "Sam")]
    mine.overrides = {"empathy": _override(90, "Sam"), "pacing": _override(40, "Sam")}
    incoming = SessionReviews(
        id="sam-0",
        comments=[_comment("c1", "Mine."), _comment("c2", "Slow down.")],
        overrides={"empathy": _override(55)},
    )
    merged, commented, overridden = merge_reviews(mine, incoming)
    assert [c.id for c in merged.comments] == ["c1", "c2"]
    assert merged.overrides["empathy"].score == 55 and merged.overrides["pacing"].score == 40
    assert commented == ["Dana"] and overridden == ["Dana"]
    assert merged.effective_overall != mine.effective_overall  # the one formula, moved
    again, commented, overridden = merge_reviews(merged, incoming)
    assert again == merged and commented == overridden == []
    assert mine.overrides["empathy"].score == 90  # the stored record is left as it was


def test_only_reviewed_sessions_go_in_a_reviews_bundle(tmp_path):
    quiet, busy = made_session("a", "Sam", 1), made_session("b", "Sam", 2)
    busy.comments = [_comment("c1", "Good.")]
    found = reviewed([quiet, busy])
    assert [r.id for r in found] == ["b"]
    written = write_reviews(found, tmp_path / "r.zip", "Sam")
    assert (written.sessions, written.comments, written.overrides) == (1, 1, 0)
    bundle = read_bundle(tmp_path / "r.zip")
    assert bundle.kind == "reviews" and bundle.sessions == [] and bundle.reviews == found


def _rewrite_manifest(path: Path, out: Path, change: dict, add: dict | None = None) -> Path:
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                manifest.update(change)
                manifest = {k: v for k, v in manifest.items() if v is not None}
                data = json.dumps(manifest).encode()
            copy.writestr(info, data)
        for name, data in (add or {}).items():
            copy.writestr(name, data)
    return out


def test_a_version_1_bundle_naming_no_kind_still_reads_as_sessions(tmp_path):
    sessions = [made_session("sam-0", "Sam", 1)]
    write_bundle(sessions, tmp_path / "audio", tmp_path / "new.zip", "Sam")
    old = _rewrite_manifest(tmp_path / "new.zip", tmp_path / "old.zip", {"kind": None})
    with zipfile.ZipFile(old) as bundle:
        assert "kind" not in json.loads(bundle.read("manifest.json"))
    read = read_bundle(old)
    assert read.kind == "sessions" and [s.id for s in read.sessions] == ["sam-0"]


@pytest.mark.parametrize(
    ("change", "add", "said"),
    [
        ({"kind": "photos"}, None, "update roleplay to import it"),
        ({}, {"audio/sam-0/turn-01-agent.ogg": b"OggS"}, "belongs to no session in the bundle"),
    ],
)
def test_a_reviews_bundle_is_refused_whole_when_it_is_not_one(tmp_path, change, add, said):
    session = made_session("sam-0", "Sam", 1)
    session.comments = [_comment("c1", "Good.")]
    write_reviews(reviewed([session]), tmp_path / "r.zip", "Sam")
    bad = _rewrite_manifest(tmp_path / "r.zip", tmp_path / "bad.zip", change, add)
    with pytest.raises(SimulatorError) as refused:
        read_bundle(bad)
    assert said in refused.value.render("en")


def test_pruning_a_bundle_drops_the_session_and_its_audio_only(tmp_path):
    audio = tmp_path / "audio"
    sessions = [made_session(f"sam-{n}", "Sam", n + 1) for n in range(2)]
    for session in sessions:
        (audio / session.id).mkdir(parents=True)
        (audio / session.id / "turn-01-agent.ogg").write_bytes(b"OggS" + session.id.encode())
    path = tmp_path / "sam.zip"
    write_bundle(sessions, audio, path, "Sam")
    pruned = prune_bundle(path, lambda sid, agent: sid == "sam-0")
    assert pruned.removed == 1 and pruned.agents == {"Sam"} and not pruned.erased
    bundle = read_bundle(path)  # still a bundle that passes every check
    assert [s.id for s in bundle.sessions] == ["sam-1"]
    assert list(bundle.audio) == ["audio/sam-1/turn-01-agent.ogg"]
    assert bundle.manifest["sessions"] == ["sam-1"]
    assert bundle.manifest["audio"] == ["audio/sam-1/turn-01-agent.ogg"]
    untouched = path.read_bytes()
    assert prune_bundle(path, lambda sid, agent: sid == "sam-0").removed == 0
    assert path.read_bytes() == untouched
    last = prune_bundle(path, lambda sid, agent: agent == "Sam")
    assert last.erased and not path.exists()
