"""Bundles: one zip carrying sessions from one machine to another, written and checked.

A bundle holds ``manifest.json`` (format, version, kind, what is inside) and either

- ``sessions.json`` (the stored session records) and ``audio/<session id>/<file>``: an
  agent's sessions handed to their team lead (kind ``sessions``; merged by
  :mod:`simulator.store.bundle_import`), or
- ``reviews.json``: the comments and overrides a lead left on an agent's sessions, sent
  back to the agent (kind ``reviews``; merged by :mod:`simulator.store.review_bundles`).

Version 1 bundles hold sessions and name no kind; version 2 names its kind. A bundle of
sessions is still written as version 1, since its content did not change: any roleplay
that imports bundles imports it. A bundle of reviews is version 2, so an older roleplay
says it needs updating rather than that the bundle is damaged.

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
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePosixPath
from typing import Any

from simulator.atomic import replacing
from simulator.errors import Phrase, SimulatorError, quoted
from simulator.store.bundle_records import SessionReviews, check_record, check_reviews
from simulator.store.progress import Tracker, untracked
from simulator.store.records import SessionRecord
from simulator.store.sessions import now

BUNDLE_FORMAT = "roleplay-bundle"
BUNDLE_VERSION = 2
"""The newest version this roleplay reads."""
SESSIONS_VERSION = 1
"""The version a bundle of sessions is written as (see above)."""
SESSIONS_KIND = "sessions"
REVIEWS_KIND = "reviews"
MANIFEST = "manifest.json"
SESSIONS = "sessions.json"
REVIEWS = "reviews.json"
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


def manifest_for(kind: str, agent: str | None, sessions: list[str], **more: Any) -> dict:
    """What a bundle's ``manifest.json`` says: format, version, kind, who and what."""
    return {
        "format": BUNDLE_FORMAT,
        "version": SESSIONS_VERSION if kind == SESSIONS_KIND else BUNDLE_VERSION,
        "kind": kind,
        "created_at": now(),
        "roleplay": _roleplay_version(),
        "agent": agent,
        "sessions": sessions,
        **more,
    }


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
    audio = [name for name, _ in entries]
    manifest = manifest_for(SESSIONS_KIND, agent, [s.id for s in sessions], audio=audio)
    # A place the person named: its folder is theirs to make (an OSError says why not).
    with replacing(path, "wb", parents=False) as handle, zipfile.ZipFile(handle, "w") as bundle:
        write_json_entries(bundle, manifest, SESSIONS, [s.stored() for s in sessions])
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


def write_json_entries(
    bundle: zipfile.ZipFile, manifest: dict[str, Any], name: str, records: list[Any]
) -> None:
    """The manifest, then the records under ``name`` (``sessions.json``, ``reviews.json``)."""
    bundle.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
    data = json.dumps(records, ensure_ascii=False)
    bundle.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)


@dataclass
class Bundle:
    """A bundle read and checked: nothing in it can land outside the data folder."""

    path: Path
    manifest: dict[str, Any]
    sessions: list[SessionRecord]
    audio: dict[str, tuple[str, str]] = field(default_factory=dict)  # entry → (id, file)
    kind: str = SESSIONS_KIND
    reviews: list[SessionReviews] = field(default_factory=list)


def refuse(path: Path, why: Phrase | str) -> SimulatorError:
    """The one message a bundle is refused with, whatever is wrong with it."""
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
        raise refuse(path, Phrase("error.bundle.no_entry", name=name)) from None
    if info.file_size > MAX_JSON_BYTES:
        raise refuse(path, Phrase("error.bundle.too_large", name=name, size=info.file_size))
    raw = bundle.read(info)
    try:
        return json.loads(raw.decode("utf-8"))
    except ValueError as exc:  # not UTF-8, not JSON, or a number too long to read
        if isinstance(exc, json.JSONDecodeError):
            why = Phrase("error.bundle.not_json_at", name=name, line=exc.lineno, detail=exc.msg)
        else:
            why = Phrase("error.bundle.not_json", name=name)
        raise refuse(path, why) from None
    except RecursionError:
        raise refuse(path, Phrase("error.bundle.too_deep", name=name)) from None


def _check_manifest(path: Path, manifest: Any) -> str:
    """Check the manifest; returns the bundle's kind."""
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        raise refuse(path, Phrase("error.bundle.not_manifest", name=MANIFEST))
    found = manifest.get("version")
    if found not in (SESSIONS_VERSION, BUNDLE_VERSION) or isinstance(found, bool):
        if isinstance(found, int) and found > BUNDLE_VERSION:
            raise refuse(path, Phrase("error.bundle.newer", version=found))
        raise refuse(
            path, Phrase("error.bundle.unsupported", version=repr(found), expected=BUNDLE_VERSION)
        )
    if found == SESSIONS_VERSION:
        return SESSIONS_KIND  # version 1 held sessions only, whatever else it says
    kind = manifest.get("kind")
    if kind not in (SESSIONS_KIND, REVIEWS_KIND):
        raise refuse(path, Phrase("error.bundle.unknown_kind", name=MANIFEST, kind=quoted(kind)))
    return kind


def _check_list(path: Path, items: Any, name: str) -> list[tuple[str, str, dict[str, Any]]]:
    """Each item of a bundle's list as (where, session id, item), refused whole when an item
    is not a mapping, has no plain session id, or names a session twice."""
    if not isinstance(items, list):
        raise refuse(path, Phrase("error.bundle.not_a_list", name=name))
    seen: set[str] = set()
    checked = []
    for index, item in enumerate(items):
        where = f"{name}[{index}]"
        if not isinstance(item, dict):
            raise refuse(path, Phrase("error.bundle.not_a_session", where=where))
        sid = item.get("id")
        if not isinstance(sid, str) or not SAFE_ID.fullmatch(sid):
            raise refuse(path, Phrase("error.bundle.bad_id", where=where, value=quoted(sid)))
        if sid in seen:
            raise refuse(path, Phrase("error.bundle.session_twice", id=sid))
        seen.add(sid)
        checked.append((where, sid, item))
    return checked


def _check_items(path: Path, items: Any, name: str, check: Callable[[Any], Any]) -> list[Any]:
    """Each entry of the list ``name`` checked by ``check`` (which gives the checked
    entry and the first problem, if any); the first problem refuses the bundle."""
    checked = []
    for where, _sid, item in _check_list(path, items, name):
        value, problem = check(item)
        if problem is not None:
            key, why = problem
            raise refuse(path, Phrase("error.bundle.record", where=f"{where}.{key}", why=why))
        checked.append(value)
    return checked


def _check_sessions(path: Path, sessions: Any) -> list[SessionRecord]:
    return _check_items(path, sessions, SESSIONS, check_record)


def _check_reviews(path: Path, reviews: Any) -> list[SessionReviews]:
    return _check_items(path, reviews, REVIEWS, check_reviews)


def read_bundle(path: Path) -> Bundle:
    """Open and check a bundle; raise one :class:`SimulatorError` for anything wrong."""
    if not path.exists():
        raise refuse(path, Phrase("error.why.no_such_file"))
    if path.is_dir() or not zipfile.is_zipfile(path):
        raise refuse(path, Phrase("error.why.not_a_zip"))
    try:
        with zipfile.ZipFile(path) as bundle:
            infos = bundle.infolist()
            names = [i.filename for i in infos]
            if len(names) != len(set(names)):
                raise refuse(path, Phrase("error.why.entry_twice"))
            for info in infos:
                why = _unsafe_entry(info)
                if why:
                    raise refuse(
                        path,
                        Phrase("error.bundle.unsafe_entry", entry=quoted(info.filename), why=why),
                    )
                if info.flag_bits & 0x1:
                    raise refuse(
                        path, Phrase("error.why.entry_encrypted", entry=quoted(info.filename))
                    )
            manifest = _load_json(bundle, path, MANIFEST)
            kind = _check_manifest(path, manifest)
            sessions: list[SessionRecord] = []
            reviews: list[SessionReviews] = []
            if kind == REVIEWS_KIND:  # reviews carry no audio: any audio entry is refused
                reviews = _check_reviews(path, _load_json(bundle, path, REVIEWS))
            else:
                sessions = _check_sessions(path, _load_json(bundle, path, SESSIONS))
            audio = _audio_entries(path, infos, {s.id for s in sessions})
            _check_audio_data(bundle, audio)
    except _DAMAGED as exc:
        raise refuse(path, Phrase("error.why.damaged_zip", why=str(exc))) from None
    except OSError as exc:
        raise refuse(path, exc.strerror or str(exc)) from None
    return Bundle(path, manifest, sessions, audio, kind, reviews)


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
            raise refuse(path, Phrase("error.bundle.bad_audio_entry", entry=quoted(info.filename)))
        if parts[1] not in ids:
            raise refuse(
                path, Phrase("error.bundle.audio_of_no_session", entry=quoted(info.filename))
            )
        if info.file_size > MAX_AUDIO_BYTES:
            raise refuse(path, Phrase("error.bundle.audio_too_large", entry=quoted(info.filename)))
        audio[info.filename] = (parts[1], parts[2])
    return audio
