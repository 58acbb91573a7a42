"""Whisper's encoder run over the sound plus a margin, not over 30 s of padding.

faster-whisper pads every window to 30 s of mel frames before the encoder, so a phrase
of two seconds costs as much to encode as half a minute of speech: on two cores, most of
the time it takes to recognise the agent's last phrase. The encoder accepts fewer frames
(its position table is cut to fit), and the decoder only reads what the encoder gives.

Cut to the phrase alone, Whisper is out of the conditions it was trained in and goes
round in loops on short phrases ("Call the courier right now. Call the courier right
now…"); from a 10 s window up it does not, and hears as well as with 30 s
(``docs/performance.md``, "Recognising a phrase"). So the window is the sound plus one
second, never under :data:`SHORTEST_WINDOW`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from faster_whisper import WhisperModel

SHORTEST_WINDOW = 1000
"""Mel frames (100 a second) the encoder is given at the fewest: 10 s."""
MARGIN = 100
"""Mel frames of padding kept after the last frame of sound: 1 s."""


def window_frames(features: np.ndarray) -> int:
    """How many of the window's mel frames to encode: up to one second past the last
    frame of sound (padding frames are all zero), at least :data:`SHORTEST_WINDOW`, an
    even number (the encoder halves them), and never more than the window holds."""
    frames = features.shape[-1]
    sounding = np.flatnonzero(np.any(features.reshape(-1, frames) != 0, axis=0))
    if not len(sounding):
        return frames
    wanted = max(int(sounding[-1]) + 1 + MARGIN, SHORTEST_WINDOW)
    return min(frames, wanted + wanted % 2)


class WindowedWhisper(WhisperModel):
    """faster-whisper's model with the encoder run on :func:`window_frames` frames."""

    def encode(self, features: np.ndarray) -> Any:
        return super().encode(features[..., : window_frames(features)])
