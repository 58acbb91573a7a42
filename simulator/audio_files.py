"""Reading and writing audio files, with plain errors for a person's mistakes."""

from __future__ import annotations

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
    """Write ``samples``; ``.ogg`` files are Opus-compressed (small, for stored turns)."""
    import soundfile as sf

    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".ogg":
        # Opus takes 8, 12, 16, 24 or 48 kHz.
        sf.write(str(path), samples, rate, format="OGG", subtype="OPUS")
    else:
        sf.write(str(path), samples, rate)
    return path
