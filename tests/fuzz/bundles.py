"""Zip files for the import tests: a real bundle taken apart into entries, and strategies
that put it back together wrong: hostile names, damaged JSON, odd compression, links."""

from __future__ import annotations

import contextlib
import json
import stat
import warnings
import zipfile
from dataclasses import dataclass, field, replace
from io import BytesIO
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from tests.fuzz.mutations import damaged_bytes, dump_json, mutated

COMPRESSION = [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]
# Stands in for a NUL byte in a name: zipfile cuts names at NUL when it writes them.
NUL_MARK = "\x01NUL\x01"


@dataclass(frozen=True)
class Entry:
    name: str
    data: bytes = field(repr=False)
    compression: int = zipfile.ZIP_DEFLATED
    symlink: bool = False
    encrypted_flag: bool = False

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        # Hypothesis prints failing examples with this: the name says enough.
        printer.text(f"Entry({self.name!r})")


def entries_of(bundle: Path) -> list[Entry]:
    with zipfile.ZipFile(bundle) as archive:
        return [Entry(i.filename, archive.read(i), i.compress_type) for i in archive.infolist()]


def build(entries: list[Entry]) -> bytes:
    """A zip of ``entries``, written as given (hostile names and duplicates included)."""
    buffer = BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as archive:
        warnings.simplefilter("ignore")  # "Duplicate name": on purpose
        for entry in entries:
            info = zipfile.ZipInfo(entry.name)
            info.compress_type = entry.compression
            if entry.symlink:
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, entry.data)
        encrypted = [
            i for i, e in zip(archive.infolist(), entries, strict=True) if e.encrypted_flag
        ]
    data = bytearray(buffer.getvalue())
    # zipfile clears the "encrypted" flag it cannot honour; set it in both headers.
    central = data.rfind(b"PK\x05\x06")
    directory = int.from_bytes(data[central + 16 : central + 20], "little")
    for info in encrypted:
        data[info.header_offset + 6] |= 0x1
        record = data.find(b"PK\x01\x02", directory)
        while int.from_bytes(data[record + 42 : record + 46], "little") != info.header_offset:
            record = data.find(b"PK\x01\x02", record + 4)
        data[record + 8] |= 0x1
    # A real NUL in a name, in both the local header and the central directory.
    return bytes(data).replace(NUL_MARK.encode(), b"\x00" + b"-" * (len(NUL_MARK) - 1))


def hostile_names(session_id: str) -> st.SearchStrategy[str]:
    sid = session_id
    return st.one_of(
        st.sampled_from(
            [
                f"audio/{sid}/../../../evil.ogg",
                "../evil.ogg",
                "/tmp/evil.ogg",
                f"audio\\{sid}\\..\\..\\evil.ogg",
                "..\\evil.ogg",
                "C:/evil.ogg",
                "C:evil.ogg",
                f"audio/{sid}/a.ogg{NUL_MARK}../../evil",
                f"audio/{sid}/deeper/evil.ogg",
                f"audio/{sid}/.hidden",
                f"audio/{sid}/" + "x" * 300,
                f"audio/{sid}/é.ogg",
                f"audio/{sid}/",
                "audio/../evil.ogg",
                "audio//evil.ogg",
                f"audio/./{sid}/evil.ogg",
                "audio/not-a-session/evil.ogg",
                "manifest.json/",
                "",
            ]
        ),
        st.text(max_size=30).map(lambda t: f"audio/{sid}/{t}"),
        st.text(max_size=30),
    )


@st.composite
def changed_entries(draw: st.DrawFn, original: list[Entry], session_id: str) -> list[Entry]:
    """``original`` with one to three changes."""
    entries = list(original)
    for _ in range(draw(st.integers(1, 3))):
        change = draw(
            st.sampled_from(
                [
                    "json",
                    "json",
                    "add entry",
                    "rename",
                    "drop",
                    "duplicate",
                    "compression",
                    "damage data",
                    "symlink",
                    "encrypted flag",
                ]
            )
        )
        if not entries:
            break
        index = draw(st.integers(0, len(entries) - 1))
        entry = entries[index]
        if change == "json" and entry.name.endswith(".json"):
            with contextlib.suppress(ValueError):  # already damaged by an earlier change
                parsed = json.loads(entry.data)
                entries[index] = replace(entry, data=dump_json(draw(mutated(parsed))).encode())
        elif change == "add entry":
            data = draw(st.sampled_from([b"", b"OggS", b"x" * 1000]))
            entries.append(Entry(draw(hostile_names(session_id)), data))
        elif change == "rename":
            entries[index] = replace(entry, name=draw(hostile_names(session_id)))
        elif change == "drop":
            del entries[index]
        elif change == "duplicate":
            entries.append(entry)
        elif change == "compression":
            entries[index] = replace(entry, compression=draw(st.sampled_from(COMPRESSION)))
        elif change == "damage data":
            entries[index] = replace(entry, data=draw(damaged_bytes(entry.data)))
        elif change == "symlink":
            entries[index] = replace(entry, symlink=True)
        elif change == "encrypted flag":
            entries[index] = replace(entry, encrypted_flag=True)
    return entries


def bundle_bytes(original: list[Entry], session_id: str, whole: bytes) -> st.SearchStrategy[bytes]:
    """Bytes to import instead of the real bundle ``whole`` (taken apart: ``original``)."""
    return st.one_of(
        st.binary(max_size=300),
        changed_entries(original, session_id).map(build),
        damaged_bytes(whole),
        st.integers(0, len(whole)).map(lambda n: whole[:n]),
    )


def manifest_and_sessions(entries: list[Entry]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    found = {e.name: json.loads(e.data) for e in entries if e.name.endswith(".json")}
    return found["manifest.json"], found["sessions.json"]
