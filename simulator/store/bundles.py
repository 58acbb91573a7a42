"""Bundles: an agent's sessions, with their audio, handed to a team lead as one zip.

A bundle holds ``manifest.json`` (format, version, what is inside), ``sessions.json``
(the stored session records) and ``audio/<session id>/<file>``. Importing it merges
the sessions into the lead's database: a session already there stays one session,
its reviewer comments are merged by id and its overrides are kept.

A bundle comes from someone else's machine, so it is checked whole before anything
is written: an entry that would land outside the data folder (``../``, an absolute
path, a symbolic link) or a bundle that is not one (not a zip, no manifest, bad JSON,
another version) is refused with one message, and nothing stored is touched.
"""

from __future__ import annotations

import json
import lzma
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePosixPath
from typing import Any

from simulator.atomic import copy_stream, fsync_dir, replacing
from simulator.errors import Phrase, SimulatorError, quoted
from simulator.store.bundle_records import check_record
from simulator.store.progress import Tracker, untracked
from simulator.store.records import SessionRecord
from simulator.store.sessions import SessionStore, now

BUNDLE_FORMAT = "roleplay-bundle"
BUNDLE_VERSION = 1
MANIFEST = "manifest.json"
SESSIONS = "sessions.json"
AUDIO = "audio"
# Session ids and audio file names become folder and file names on the lead's disk.
SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
SAFE_FILE = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}")
MAX_AUDIO_BYTES = 512 * 1024 * 1024
MAX_JSON_BYTES = 256 * 1024 * 1024
# What reading a damaged or hand-made zip raises: bad headers and checksums, compressed
# data that does not decompress, names that are not UTF-8, an encrypted entry.
_DAMAGED = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,
    RuntimeError,
    EOFError,
    UnicodeDecodeError,
    zlib.error,
    lzma.LZMAError,
)


def _roleplay_version() -> str:
    try:
        return version("roleplay")
    except PackageNotFoundError:
        return "unknown"


def _audio_files(folder: Path) -> list[Path]:
    """A session's audio files: plain files with plain names; links are never followed."""
    if folder.is_symlink() or not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if not p.is_symlink() and p.is_file() and SAFE_FILE.fullmatch(p.name)
    )


@dataclass(frozen=True)
class BundleWritten:
    path: Path
    sessions: int
    audio_files: int


def write_bundle(
    sessions: list[SessionRecord],
    audio_root: Path,
    path: Path,
    agent: str | None = None,
    track: Tracker = untracked,
) -> BundleWritten:
    """Write ``sessions`` (oldest first) and their audio to the zip file ``path``."""
    entries: list[tuple[str, Path]] = []
    for session in sessions:
        folder = audio_root / session.id
        if SAFE_ID.fullmatch(session.id):
            entries += [(f"{AUDIO}/{session.id}/{p.name}", p) for p in _audio_files(folder)]
    manifest = {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "created_at": now(),
        "roleplay": _roleplay_version(),
        "agent": agent,
        "sessions": [s.id for s in sessions],
        "audio": [name for name, _ in entries],
    }
    # A place the person named: its folder is theirs to make (an OSError says why not).
    with replacing(path, "wb", parents=False) as handle, zipfile.ZipFile(handle, "w") as bundle:
        bundle.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
        stored = [s.stored() for s in sessions]
        bundle.writestr(
            SESSIONS, json.dumps(stored, ensure_ascii=False), compress_type=zipfile.ZIP_DEFLATED
        )
        for name, source in track(entries, len(entries), "Bundling audio"):
            try:
                data = source.read_bytes()
            except OSError as exc:
                raise SimulatorError(
                    "error.bundle_audio_unreadable", path=source, why=exc.strerror
                ) from None
            # Audio is compressed already; storing it as is saves time, not space.
            bundle.writestr(name, data, compress_type=zipfile.ZIP_STORED)
    return BundleWritten(path, len(sessions), len(entries))


@dataclass
class Bundle:
    """A bundle read and checked: nothing in it can land outside the data folder."""

    path: Path
    manifest: dict[str, Any]
    sessions: list[SessionRecord]
    audio: dict[str, tuple[str, str]] = field(default_factory=dict)  # entry → (id, file)


def _refuse(path: Path, why: Phrase | str) -> SimulatorError:
    # A why given as a str is the bundle's own detail (a key, an entry), shown as is.
    return SimulatorError("error.bad_bundle", path=path, why=why)


def _unsafe_entry(info: zipfile.ZipInfo) -> Phrase | None:
    """Why an entry could write outside the data folder, or None."""
    name = info.filename
    # zipfile cuts a name at its first NUL; other tools may not, so look at it whole.
    if "\x00" in info.orig_filename or "\x00" in name:
        return Phrase("error.bundle.entry.nul")
    if not name:
        return Phrase("error.bundle.entry.no_name")
    if stat.S_ISLNK(info.external_attr >> 16):
        return Phrase("error.bundle.entry.link")
    if name.startswith("/") or re.match(r"[A-Za-z]:", name):
        return Phrase("error.bundle.entry.absolute")
    if "\\" in name:
        return Phrase("error.bundle.entry.backslashes")
    if any(part in ("..", ".") for part in name.rstrip("/").split("/")):
        return Phrase("error.bundle.entry.climbs")
    return None


def _load_json(bundle: zipfile.ZipFile, path: Path, name: str) -> Any:
    try:
        info = bundle.getinfo(name)
    except KeyError:
        raise _refuse(path, Phrase("error.bundle.no_entry", name=name)) from None
    if info.file_size > MAX_JSON_BYTES:
        raise _refuse(path, Phrase("error.bundle.too_large", name=name, size=info.file_size))
    raw = bundle.read(info)
    try:
        return json.loads(raw.decode("utf-8"))
    except ValueError as exc:  # not UTF-8, not JSON, or a number too long to read
        if isinstance(exc, json.JSONDecodeError):
            why = Phrase("error.bundle.not_json_at", name=name, line=exc.lineno, detail=exc.msg)
        else:
            why = Phrase("error.bundle.not_json", name=name)
        raise _refuse(path, why) from None
    except RecursionError:
        raise _refuse(path, Phrase("error.bundle.too_deep", name=name)) from None


def _check_manifest(path: Path, manifest: Any) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        raise _refuse(path, Phrase("error.bundle.not_manifest", name=MANIFEST))
    found = manifest.get("version")
    if found != BUNDLE_VERSION:
        if isinstance(found, int) and found > BUNDLE_VERSION:
            raise _refuse(path, Phrase("error.bundle.newer", version=found))
        raise _refuse(
            path, Phrase("error.bundle.unsupported", version=repr(found), expected=BUNDLE_VERSION)
        )


def _check_sessions(path: Path, sessions: Any) -> list[SessionRecord]:
    if not isinstance(sessions, list):
        raise _refuse(path, Phrase("error.bundle.not_a_list", name=SESSIONS))
    seen: set[str] = set()
    records = []
    for index, session in enumerate(sessions):
        where = f"{SESSIONS}[{index}]"
        if not isinstance(session, dict):
            raise _refuse(path, Phrase("error.bundle.not_a_session", where=where))
        sid = session.get("id")
        if not isinstance(sid, str) or not SAFE_ID.fullmatch(sid):
            raise _refuse(path, Phrase("error.bundle.bad_id", where=where, value=quoted(sid)))
        if sid in seen:
            raise _refuse(path, Phrase("error.bundle.session_twice", id=sid))
        seen.add(sid)
        record, problem = check_record(session)
        if problem is not None:
            key, why = problem
            raise _refuse(path, Phrase("error.bundle.record", where=f"{where}.{key}", why=why))
        records.append(record)
    return records


def read_bundle(path: Path) -> Bundle:
    """Open and check a bundle; raise one :class:`SimulatorError` for anything wrong."""
    if not path.exists():
        raise _refuse(path, Phrase("error.why.no_such_file"))
    if path.is_dir() or not zipfile.is_zipfile(path):
        raise _refuse(path, Phrase("error.why.not_a_zip"))
    try:
        with zipfile.ZipFile(path) as bundle:
            infos = bundle.infolist()
            names = [i.filename for i in infos]
            if len(names) != len(set(names)):
                raise _refuse(path, Phrase("error.why.entry_twice"))
            for info in infos:
                why = _unsafe_entry(info)
                if why:
                    raise _refuse(
                        path,
                        Phrase("error.bundle.unsafe_entry", entry=quoted(info.filename), why=why),
                    )
                if info.flag_bits & 0x1:
                    raise _refuse(
                        path, Phrase("error.why.entry_encrypted", entry=quoted(info.filename))
                    )
            manifest = _load_json(bundle, path, MANIFEST)
            _check_manifest(path, manifest)
            sessions = _check_sessions(path, _load_json(bundle, path, SESSIONS))
            audio = _audio_entries(path, infos, {s.id for s in sessions})
            _check_audio_data(bundle, audio)
    except _DAMAGED as exc:
        raise _refuse(path, Phrase("error.why.damaged_zip", why=str(exc))) from None
    except OSError as exc:
        raise _refuse(path, exc.strerror or str(exc)) from None
    return Bundle(path, manifest, sessions, audio)


def _check_audio_data(bundle: zipfile.ZipFile, audio: dict[str, tuple[str, str]]) -> None:
    """Read every audio entry through once: a damaged one (bad checksum, broken compressed
    data) is refused now, before any file is written, not halfway through the import."""
    for entry in audio:
        with bundle.open(entry) as source:
            while source.read(1 << 20):
                pass


def _audio_entries(
    path: Path, infos: list[zipfile.ZipInfo], ids: set[str]
) -> dict[str, tuple[str, str]]:
    audio: dict[str, tuple[str, str]] = {}
    for info in infos:
        parts = PurePosixPath(info.filename).parts
        if info.is_dir() or not parts or parts[0] != AUDIO:
            continue
        if len(parts) != 3 or not SAFE_FILE.fullmatch(parts[2]):
            raise _refuse(path, Phrase("error.bundle.bad_audio_entry", entry=quoted(info.filename)))
        if parts[1] not in ids:
            raise _refuse(
                path, Phrase("error.bundle.audio_of_no_session", entry=quoted(info.filename))
            )
        if info.file_size > MAX_AUDIO_BYTES:
            raise _refuse(path, Phrase("error.bundle.audio_too_large", entry=quoted(info.filename)))
        audio[info.filename] = (parts[1], parts[2])
    return audio


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
                raise _refuse(bundle.path, Phrase("error.bundle.leads_outside", target=target))
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
        raise _refuse(bundle.path, Phrase("error.why.damaged_zip", why=str(exc))) from None
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
