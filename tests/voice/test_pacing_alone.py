"""A spoken session with no recogniser (``--asr none``), headless: the agent's replies
are heard but no word of them, so the customer follows the scenario's main path instead
of asking whether anyone is there, and the scorecard judges only pace and interruptions."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from scoring.scorecard import weighted_overall
from simulator.authoring.library import load_all
from simulator.conversation.engine import IGNORED_LINES, REPEATED_LINES
from tests.voice.conftest import espeak

SCENARIO = next(s for s in load_all().scenarios if s.id == "en-switching-provider")


def test_without_a_recogniser_the_customer_follows_the_audio_alone(tmp_path):
    replies = tmp_path / "replies"
    replies.mkdir()
    model = SCENARIO.model_answer()
    for n, said in enumerate(model.replies, start=1):
        espeak(" ".join(said.split()), replies / f"{n:02d}.wav", "en", 165)
    env = {**os.environ, "ROLEPLAY_DB": str(tmp_path / "db" / "roleplay.json")}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "simulator",
            "practice",
            SCENARIO.id,
            "--agent",
            "Sam",
            "--input-audio",
            str(replies),
            "--fast",
            "--asr",
            "none",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr
    index = json.loads((tmp_path / "db" / "roleplay.json").read_text())
    (summary,) = index["sessions"].values()
    session = json.loads(
        (tmp_path / "db" / "roleplay.sessions" / f"{summary['id']}.json").read_text()
    )

    turns = session["transcript"]["turns"]
    agent = [t for t in turns if t["speaker"] == "agent"]
    assert len(agent) == len(model.replies)
    assert all(t["text"] == "" and t["start"] is not None and t["measured"] for t in agent)
    # the customer never takes the replies for silence, nor pushes back on words unheard
    never = set(SCENARIO.nodes["still_there"].customer[0].wordings)
    never |= set(REPEATED_LINES["en"]) | set(IGNORED_LINES["en"])
    said = [t["text"] for t in turns if t["speaker"] == "customer"]
    assert not [line for line in said if any(n in line for n in never)]
    assert session["outcome"] == "resolved"  # the main path, to its end
    assert min(session["moods"]) >= SCENARIO.mood  # no mood lost to "silence"

    card = session["scorecard"]
    dimensions = card["dimensions"]
    assert (
        dimensions["empathy"]["skipped"] == dimensions["avoided_phrases"]["skipped"] == "no_words"
    )
    assert dimensions["pacing"]["score"] is not None
    assert dimensions["interruptions"]["score"] is not None
    assert card["words_unheard"] is True
    assert card["objectives"] == [] and card["call_result"] is None
    measured = {d: dimensions[d]["score"] for d in ("pacing", "interruptions")}
    assert card["overall"] == weighted_overall(measured, SCENARIO.weights.model_dump())

    # the printed scorecard says what was not judged and why
    assert "Outcome: resolved (outcome not judged)" in out.stdout
    assert "no words were recognised" in out.stdout
    assert "Are you still there" not in out.stdout
