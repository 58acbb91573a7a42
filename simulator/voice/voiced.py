"""Where a recording holds a voice: Silero VAD, the voice detector faster-whisper ships.

The signal's first and last sound can be a rustle, a breath or a click run into the
words with no gap between them; a loudness threshold takes them for speech, and the
recogniser's word times are too rough to cut them off (Whisper's small models place
the first word up to half a second early). A voice detector trained on speech tells
them apart: it is what the pace is timed on when it finds a voice.
"""

from __future__ import annotations

import numpy as np

from simulator.voice.asr import SAMPLE_RATE, audio_to_16k

# A stretch of voice starts and ends a little outside the detector's frames (a soft
# consonant, a trailing breath): this much is added on each side.
VOICE_PAD = 0.1
# Short breaks inside a turn (between words, between sentences) are the turn's own.
MIN_SILENCE_MS = 100


def voiced_span(samples: np.ndarray, rate: int) -> tuple[float, float] | None:
    """Seconds from the first to the last stretch of voice in ``samples``, padded by
    ``VOICE_PAD``; ``None`` when the detector hears no voice (or cannot run)."""
    try:
        from faster_whisper.vad import VadOptions, get_speech_timestamps
    except ImportError:  # pragma: no cover - faster-whisper is a dependency
        return None
    audio = audio_to_16k(np.asarray(samples, dtype=np.float32), rate)
    if not len(audio):
        return None
    stretches = get_speech_timestamps(
        audio, VadOptions(speech_pad_ms=0, min_silence_duration_ms=MIN_SILENCE_MS)
    )
    if not stretches:
        return None
    duration = len(audio) / SAMPLE_RATE
    start = max(0.0, stretches[0]["start"] / SAMPLE_RATE - VOICE_PAD)
    end = min(duration, stretches[-1]["end"] / SAMPLE_RATE + VOICE_PAD)
    return start, end
