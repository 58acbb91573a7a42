"""Reading and writing audio files, with plain errors for a person's mistakes."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from simulator.errors import SimulatorError


def read_audio(path: Path) -> tuple[np.ndarray, int]:
    """Mono float samples and their rate, from WAV, FLAC or Ogg."""
    import soundfile as sf

    if not path.exists():
        raise SimulatorError("error.no_audio_file", path=path)
    try:
        samples, rate = sf.read(str(path), dtype="float32", always_2d=True)
    except (sf.LibsndfileError, RuntimeError, TypeError) as exc:
        raise SimulatorError("error.unreadable_audio", path=path, why=str(exc)) from None
    return samples.mean(axis=1), int(rate)


def write_audio(path: Path, samples: np.ndarray, rate: int) -> Path:
    """Write ``samples`` whole or not at all; ``.ogg`` files are Opus-compressed (small).

    The file appears under its name only once complete and on disk (written beside
    it, then renamed), so a process killed mid-write never leaves half a recording;
    it is readable by its owner only (:mod:`simulator.atomic`).
    """
    import soundfile as sf

    from simulator.atomic import replacing

    if path.suffix == ".ogg":
        # Opus takes 8, 12, 16, 24 or 48 kHz.
        kind: dict[str, str] = {"format": "OGG", "subtype": "OPUS"}
    else:
        kind = {"format": path.suffix.lstrip(".").upper() or "WAV"}
    # Written through the open temporary file, not its name: libsndfile then never
    # creates a file of its own, with its own mode, that would need sealing afterwards.
    with replacing(path) as handle:
        sf.write(handle, samples, rate, **kind)
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
