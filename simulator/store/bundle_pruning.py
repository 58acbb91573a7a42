"""Taking sessions out of a bundle roleplay wrote, when they are deleted or their agent
is forgotten: the bundle is written again without them (and without their audio), or
erased when nothing else is left in it."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from simulator.atomic import replacing
from simulator.store.bundles import AUDIO, MANIFEST, REVIEWS, REVIEWS_KIND, SESSIONS

Unwanted = Callable[[str, str], bool]
"""Whether a session, by its id and its agent's name, is to leave the file."""


@dataclass(frozen=True)
class Pruned:
    """What taking sessions out of a file did: how many left it, the agents still in it,
    and whether the file was erased, as it held nothing else."""

    removed: int
    agents: frozenset[str]
    erased: bool = False


def _id(item: Any) -> str:
    return str(item.get("id")) if isinstance(item, dict) else ""


def _agent(item: Any) -> str:
    return str(item.get("agent") or "") if isinstance(item, dict) else ""


def prune_bundle(path: Path, unwanted: Unwanted) -> Pruned:
    """Write the bundle at ``path`` again without the unwanted sessions; erase it when none
    is left. Raises OSError, ValueError (not JSON) or zipfile.BadZipFile when the file
    cannot be read or written."""
    with zipfile.ZipFile(path) as old:
        manifest = json.loads(old.read(MANIFEST))
        name = REVIEWS if manifest.get("kind") == REVIEWS_KIND else SESSIONS
        items = json.loads(old.read(name))
        if not isinstance(items, list):
            raise ValueError(f"{name} is not a list")
        kept = [i for i in items if not unwanted(_id(i), _agent(i))]
        gone = {_id(i) for i in items} - {_id(i) for i in kept}
        if not gone:
            return Pruned(0, frozenset(_agent(i) for i in items))
        if not kept:
            path.unlink()
            return Pruned(len(gone), frozenset(), erased=True)
        manifest["sessions"] = [_id(i) for i in kept]
        others = [
            info
            for info in old.infolist()
            if info.filename not in (MANIFEST, name) and not _of(info.filename, gone)
        ]
        if "audio" in manifest:
            manifest["audio"] = [i.filename for i in others if i.filename.startswith(f"{AUDIO}/")]
        with replacing(path, "wb", parents=False) as handle, zipfile.ZipFile(handle, "w") as new:
            new.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
            data = json.dumps(kept, ensure_ascii=False)
            new.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
            for info in others:
                new.writestr(info, old.read(info))
    return Pruned(len(gone), frozenset(_agent(i) for i in kept))


def _of(entry: str, ids: set[str]) -> bool:
    """Whether a bundle entry is the audio of one of the sessions ``ids``."""
    parts = PurePosixPath(entry).parts
    return len(parts) == 3 and parts[0] == AUDIO and parts[1] in ids
