"""What a benchmark ran on, printed first so that its figures can be compared later.

The recogniser's words, and so every figure built on them, change with the versions of
faster-whisper and CTranslate2 and with eSpeak NG's voices, which ``pyproject.toml`` and
the system leave free, and with the processor: CTranslate2 multiplies int8 through
oneDNN, which picks its kernels by the vector instructions it finds, and their rounding
tips Whisper one way or the other on speech it hears badly. On one machine, limiting
oneDNN to AVX2 (``ONEDNN_MAX_CPU_ISA=AVX2``) instead of its AVX-512 VNNI kernels changed
the number of the 82 broken-off English phrases of ``benchmarks/turn_verdict.py`` that
the smart end of turn judged finished from 14 to 10. So each benchmark says where it ran.
"""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PACKAGES = ("faster-whisper", "ctranslate2", "onnxruntime", "numpy")
"""The Python packages whose versions move the figures."""


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def _espeak() -> str:
    try:
        out = subprocess.run(
            ["espeak-ng", "--version"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "not installed"
    # "eSpeak NG text-to-speech: 1.51  Data at: …"
    words = out.split()
    return next((w for w in words if w[:1].isdigit()), "unknown")


def _vector_instructions() -> str:
    """The widest x86 vector instructions the processor offers, as CTranslate2 sees them."""
    try:
        flags = Path("/proc/cpuinfo").read_text().split()
    except OSError:
        return "unknown"
    for flag, name in (
        ("avx512_vnni", "AVX-512 VNNI"),
        ("avx512f", "AVX-512"),
        ("avx_vnni", "AVX2 VNNI"),
        ("avx2", "AVX2"),
        ("avx", "AVX"),
    ):
        if flag in flags:
            return name
    return "no AVX"


def described() -> str:
    """One line: when, on what processor and under what load, with which versions."""
    packages = ", ".join(f"{name} {_version(name)}" for name in PACKAGES)
    return (
        f"{datetime.datetime.now():%Y-%m-%d %H:%M}; {platform.machine()} "
        f"({_vector_instructions()}), {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}; Python {platform.python_version()}; "
        f"{packages}; eSpeak NG {_espeak()}"
    )


if __name__ == "__main__":
    print(described())
