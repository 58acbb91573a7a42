"""Keeping the sound libraries' own messages off the terminal.

PortAudio and ALSA write to the C library's ``stderr`` from their own threads: "ALSA
lib pcm.c:…(snd_pcm_recover) underrun occurred", "Expression '…' failed in
'src/hostapi/alsa/pa_linux_alsa.c'" when a device goes away, and a page of probing
messages when PortAudio starts on some machines. In the terminal UI they are drawn over
the screen; on the command line they bury roleplay's own message. What went wrong
reaches the person as roleplay's message instead (a device gone, none found).

While a sound stream is open, the C library's ``stderr`` (the ``FILE *`` those
libraries write through, not file descriptor 2) points at ``/dev/null``. Python's own
``sys.stderr``, the terminal UI's output and roleplay's messages, which write to file
descriptor 2, are untouched. Elsewhere than on Linux (glibc) this does nothing.
"""

from __future__ import annotations

import ctypes
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_saved: int | None = None
_null: int | None = None  # opened once and never closed: a library thread may still hold it


def _stderr_slot() -> ctypes.c_void_p | None:
    """The C library's ``stderr`` variable, where it can be reached."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.c_void_p.in_dll(ctypes.CDLL(None), "stderr")
    except (OSError, ValueError):
        return None


def _open_null() -> int | None:
    global _null
    if _null is None:
        libc = ctypes.CDLL(None)
        libc.fopen.restype = ctypes.c_void_p
        libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        _null = libc.fopen(b"/dev/null", b"w")
    return _null


def hold_quiet() -> None:
    """From now on, what C code writes to ``stderr`` is dropped, until the matching
    :func:`release_quiet`. Nested and concurrent holds share one redirection."""
    global _holders, _saved
    with _lock:
        slot = _stderr_slot()
        if slot is not None and _holders == 0:
            null = _open_null()
            if null:
                _saved = slot.value
                slot.value = null
        _holders += 1


def release_quiet() -> None:
    """Undo one :func:`hold_quiet`; the last puts ``stderr`` back."""
    global _holders, _saved
    with _lock:
        _holders = max(0, _holders - 1)
        if _holders == 0 and _saved is not None:
            slot = _stderr_slot()
            if slot is not None:
                slot.value = _saved
            _saved = None


@contextmanager
def quiet_sound_library() -> Iterator[None]:
    """Within: what C code writes to ``stderr`` is dropped."""
    hold_quiet()
    try:
        yield
    finally:
        release_quiet()
