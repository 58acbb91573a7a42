"""Transcripts of recorded or imported calls, read from a file a person hands in."""

from __future__ import annotations

from pathlib import Path

from scoring.transcript import Transcript
from simulator.authoring.datafile import parse_json_text, read_text, validate

KIND = "problem.kind.transcript"


def load_transcript(path: Path) -> Transcript:
    """Load a transcript JSON file, with located errors for a person's mistakes."""
    located = parse_json_text(read_text(path, KIND), str(path), KIND)
    return validate(located, Transcript, KIND)
