"""Reading and writing audio files, with plain errors for a person's mistakes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np

from simulator.errors import SimulatorError


def read_audio(path: Path) -> tuple[np.ndarray, int]:
    """Mono float samples and their rate, from WAV, FLAC or Ogg."""
    import soundfile as sf

    if not path.exists():
        raise SimulatorError(f"{path}: no such audio file", "Audio file")
    try:
        samples, rate = sf.read(str(path), dtype="float32", always_2d=True)
    except (sf.LibsndfileError, RuntimeError, TypeError) as exc:
        raise SimulatorError(
            f"{path}: cannot read this as audio ({exc}); use WAV, FLAC or Ogg", "Audio file"
        ) from None
    return samples.mean(axis=1), int(rate)


def write_audio(path: Path, samples: np.ndarray, rate: int) -> Path:
    """Write ``samples`` whole or not at all; ``.ogg`` files are Opus-compressed (small).

    The file appears under its name only once complete (written beside it, then
    renamed), so a process killed mid-write never leaves half a recording.
    """
    import soundfile as sf

    from simulator.atomic import fsync_dir, private_dir

    private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        if path.suffix == ".ogg":
            # Opus takes 8, 12, 16, 24 or 48 kHz.
            sf.write(tmp, samples, rate, format="OGG", subtype="OPUS")
        else:
            sf.write(tmp, samples, rate, format=path.suffix.lstrip(".").upper() or "WAV")
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
    return path


RECORDING_SUFFIXES = (".ogg", ".wav", ".flac")


def find_recording(folder: Path, name: str) -> Path | None:
    """A stored turn's recording, by the name in the transcript or the same name in
    another format (a turn is kept as WAV first and compressed to Ogg at the end)."""
    wanted = folder / name
    if wanted.is_file():
        return wanted
    for suffix in RECORDING_SUFFIXES:
        other = wanted.with_suffix(suffix)
        if other.is_file():
            return other
    return None
