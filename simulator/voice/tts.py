"""The customer's voice: text to speech with pyttsx3, rendered to files and cached.

pyttsx3's eSpeak driver synthesises on eSpeak's own thread: ``runAndWait()``
returns before the WAV is written, and a property set just before may be lost
to the driver's internal ``Cancel()``. Rendering one file after another in a
process then drops or mixes audio. The renderer below waits on eSpeak
(``Synchronize``) after setting properties and after each file, under a lock,
with one engine per process — and the tests check each rendered file against the
eSpeak NG program's own rendering of the same line.

Renders are cached on disk, keyed by the text and every voice setting, so a
scenario's lines are synthesised ahead of play and never while the trainee waits.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from simulator.atomic import private_dir, remove_stale_temporaries, replacing_path
from simulator.authoring.voices import VoiceSettings
from simulator.errors import SimulatorError

CACHE_VERSION = "1"


class Synthesizer(Protocol):
    """Renders one line of speech to a WAV file."""

    name: str

    def render(self, text: str, voice: VoiceSettings, path: Path) -> None: ...


class Pyttsx3Synthesizer:
    """pyttsx3 with the platform's engine (eSpeak NG on Linux)."""

    name = "pyttsx3"
    _lock = threading.Lock()
    _engine = None

    def _get_engine(self):  # type: ignore[no-untyped-def]
        if Pyttsx3Synthesizer._engine is None:
            try:
                import pyttsx3

                Pyttsx3Synthesizer._engine = pyttsx3.init()
            except (ImportError, RuntimeError, OSError) as exc:
                raise SimulatorError("error.tts_missing", why=str(exc)) from None
        return Pyttsx3Synthesizer._engine

    def _wait(self) -> None:
        if sys.platform.startswith("linux"):
            from pyttsx3.drivers import _espeak, espeak

            # The driver prints "Audio saved to …" for every file. Swapping sys.stdout
            # around a render would swallow what other threads print meanwhile (the
            # call's lines on the command line) and race with the terminal UI's own
            # swap; a print of the driver module's own says nothing, and only there.
            espeak.print = _say_nothing  # type: ignore[attr-defined]
            _espeak.Synchronize()

    def render(self, text: str, voice: VoiceSettings, path: Path) -> None:
        with self._lock:
            engine = self._get_engine()
            if voice.voice:
                engine.setProperty("voice", voice.voice)
            engine.setProperty("rate", voice.rate)
            engine.setProperty("volume", voice.volume)
            with contextlib.suppress(Exception):
                engine.setProperty("pitch", voice.pitch)  # not every engine has pitch
            self._wait()
            engine.save_to_file(text, str(path))
            engine.runAndWait()
            self._wait()
        if not path.exists() or path.stat().st_size <= 44:
            raise SimulatorError(
                "error.tts_no_audio", text=repr(text[:40]), voice=repr(voice.voice)
            )


def _say_nothing(*_args: object, **_kwargs: object) -> None:
    return None


class RenderCache:
    """Rendered lines on disk, one WAV per (text, voice settings, engine)."""

    def __init__(self, folder: Path, synthesizer: Synthesizer | None = None) -> None:
        self.folder = private_dir(folder)
        # a process that ended mid-render (lines are rendered ahead in the background)
        # leaves its temporary file: gone once it is old enough to be nobody's work
        remove_stale_temporaries(self.folder.glob(".*.tmp"))
        self.synthesizer = synthesizer or Pyttsx3Synthesizer()

    def key(self, text: str, voice: VoiceSettings) -> str:
        raw = json.dumps(
            [CACHE_VERSION, self.synthesizer.name, text, voice.__dict__],
            sort_keys=True,
            ensure_ascii=False,
        )
        return hashlib.sha256(raw.encode()).hexdigest()[:24]

    def path(self, text: str, voice: VoiceSettings) -> Path:
        return self.folder / f"{self.key(text, voice)}.wav"

    def get(self, text: str, voice: VoiceSettings) -> Path:
        """The rendered file, synthesising it now if it is not cached yet."""
        target = self.path(text, voice)
        if target.exists():
            return target
        # The engine writes to a file name; a render cut short never shows under the
        # cached name, and another process rendering the same line just replaces it.
        with replacing_path(target) as rendering:
            self.synthesizer.render(text, voice, rendering)
        return target

    def prerender(self, lines: Iterable[tuple[str, VoiceSettings]]) -> int:
        """Render every line not cached yet, ahead of the call (on a background thread);
        returns how many were synthesised. If the engine fails, it stops there: the
        lines left are rendered when they are spoken, where the failure is told in one
        plain message, not as a background thread's traceback."""
        made = 0
        for text, voice in lines:
            if not self.path(text, voice).exists():
                try:
                    self.get(text, voice)
                except SimulatorError:
                    break
                made += 1
        return made
