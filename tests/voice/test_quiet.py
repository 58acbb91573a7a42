"""The sound libraries' own messages are kept off the terminal while a stream is open:
C code writing to ``stderr`` writes nowhere, Python's own stderr is untouched."""

from __future__ import annotations

import ctypes
import os
import sys

import pytest

from simulator.voice.quiet import quiet_sound_library

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")


def c_stderr_says(text: bytes) -> None:
    """What PortAudio and ALSA do: fputs to the C library's stderr, whatever it is now."""
    libc = ctypes.CDLL(None)
    libc.fputs.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    libc.fflush.argtypes = [ctypes.c_void_p]
    stream = ctypes.c_void_p.in_dll(libc, "stderr").value
    libc.fputs(text, stream)
    libc.fflush(stream)


def test_c_stderr_is_dropped_within_and_back_after(capfd):
    with quiet_sound_library():
        c_stderr_says(b"ALSA lib pcm.c:8570:(snd_pcm_recover) underrun occurred\n")
        with quiet_sound_library():  # nested: one redirection, undone by the outer one
            c_stderr_says(b"Expression 'x' failed\n")
        c_stderr_says(b"still quiet\n")
        print("roleplay's own words", file=sys.stderr)
        os.write(2, b"the terminal UI's output\n")
    c_stderr_says(b"heard again\n")
    err = capfd.readouterr().err
    assert "ALSA" not in err and "Expression" not in err and "still quiet" not in err
    assert "roleplay's own words" in err and "the terminal UI's output" in err
    assert "heard again" in err
