"""Importing a bundle of sessions: an agent's sessions merged into the lead's database.

A session already there stays one session: its reviewer comments are merged by id and
the lead's overrides are kept; its audio is written once. The bundle was checked whole
when it was read (:func:`simulator.store.bundles.read_bundle`).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from simulator.atomic import copy_stream, fsync_dir
from simulator.errors import Phrase, SimulatorError
from simulator.store.bundles import Bundle, refuse
from simulator.store.progress import Tracker, untracked
from simulator.store.records import SessionRecord
from simulator.store.sessions import SessionStore


@dataclass
class Imported:
    """What an import changed."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    comments_added: int = 0
    overrides_added: int = 0
    audio_written: int = 0


def merge_session(
    existing: SessionRecord, incoming: SessionRecord
) -> tuple[SessionRecord, int, int]:
    """The stored session with what the bundle adds: comments new by id, overrides new by
    dimension. Returns the merged record, comments added and overrides added.

    The stored copy wins everywhere else (a lead's own overrides are never replaced),
    except that a finished session replaces a copy stored before it was scored.
    """
    base = existing.model_copy(deep=True)
    if existing.status != "scored" and incoming.status == "scored":
        base = incoming.model_copy(deep=True)
        base.update(comments=existing.comments, overrides=existing.overrides)
    known = {c.id for c in base.comments}
    new_comments = [c for c in incoming.comments if c.id not in known]
    new_overrides = {d: o for d, o in incoming.overrides.items() if d not in base.overrides}
    if new_comments:
        base.comments = [*base.comments, *new_comments]
    if new_overrides:
        base.overrides = base.overrides | new_overrides
    return base, len(new_comments), len(new_overrides)


def _inside(root: Path, target: Path) -> bool:
    try:
        target.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def _write_audio(bundle: Bundle, audio_root: Path, track: Tracker) -> int:
    written = 0
    folders: set[Path] = set()
    with zipfile.ZipFile(bundle.path) as archive:
        items = list(bundle.audio.items())
        for entry, (sid, name) in track(items, len(items), "Importing audio"):
            folder = audio_root / sid
            target = folder / name
            if not _inside(audio_root, folder) or target.is_symlink():
                raise refuse(bundle.path, Phrase("error.bundle.leads_outside", target=target))
            if target.exists():
                continue  # the same session's audio, imported before
            with archive.open(entry) as source:
                copy_stream(target, source, sync_dir=False)
            folders.add(folder)
            written += 1
    for folder in folders:  # once per session folder, not once per file
        fsync_dir(folder)
    return written


def import_bundle(
    bundle: Bundle, store: SessionStore, audio_root: Path, track: Tracker = untracked
) -> Imported:
    """Merge a checked bundle into ``store``; audio goes under ``audio_root/<id>/``."""
    result = Imported()
    try:
        result.audio_written = _write_audio(bundle, audio_root, track)
    except OSError as exc:
        raise SimulatorError(
            "error.bundle_audio_unwritable", folder=audio_root, why=exc.strerror or str(exc)
        ) from None
    except zipfile.BadZipFile as exc:
        raise refuse(bundle.path, Phrase("error.why.damaged_zip", why=str(exc))) from None
    known = store.ids()
    changed: list[SessionRecord] = []
    for incoming in track(bundle.sessions, len(bundle.sessions), "Importing sessions"):
        sid = incoming.id
        existing = store.get(sid) if sid in known else None
        if existing is None:
            changed.append(incoming)
            known.add(sid)
            result.added += 1
            continue
        merged, comments, overrides = merge_session(existing, incoming)
        if merged == existing:
            result.unchanged += 1
            continue
        changed.append(merged)
        result.updated += 1
        result.comments_added += comments
        result.overrides_added += overrides
    # one write of the index for the whole bundle: an import killed halfway adds nothing
    # to the index, and importing the same bundle again completes it
    store.put_many(changed)
    return result
