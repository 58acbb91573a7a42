"""A whole spoken session, headless: customer audio rendered, agent audio recognised,
pacing and interruptions from the audio, the session and its audio stored."""

import json
import os
import subprocess
import sys
from pathlib import Path

import soundfile as sf

from tests.voice.conftest import espeak, true_wpm

DATA = Path(__file__).parent.parent / "data"
MINIMAL = DATA / "scenarios" / "en-minimal.yml"


def practice(tmp_path, scenario, replies_dir, *extra, model=None):
    env = {**os.environ, "ROLEPLAY_DB": str(tmp_path / "db" / "roleplay.json")}
    if model:
        env["ROLEPLAY_ASR_MODEL"] = model
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "simulator",
            "practice",
            str(scenario),
            "--agent",
            "Sam",
            "--input-audio",
            str(replies_dir),
            "--output-audio",
            str(tmp_path / "out"),
            "--fast",
            *extra,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    index = json.loads((tmp_path / "db" / "roleplay.json").read_text())
    (summary,) = index["sessions"].values()
    return json.loads((tmp_path / "db" / "roleplay.sessions" / f"{summary['id']}.json").read_text())


def test_spoken_session_end_to_end(tmp_path, whisper_model):
    replies = tmp_path / "replies"
    replies.mkdir()
    first = "I'm sorry Mrs Johnson, I understand how annoying that is."
    espeak(first, replies / "01.wav", "en", 150)
    espeak(
        "I will send a new kettle today and you will have it by Friday.",
        replies / "02.wav",
        "en",
        150,
    )
    session = practice(tmp_path, MINIMAL, replies, model=whisper_model)

    turns = session["transcript"]["turns"]
    assert [t["speaker"] for t in turns] == ["customer", "agent", "customer", "agent", "customer"]
    agent = turns[1]
    assert "sorry" in agent["text"].lower() and "understand" in agent["text"].lower()
    # Timings come from the audio: the reply starts half a second after the customer.
    assert abs(agent["start"] - (turns[0]["end"] + 0.5)) < 0.2
    assert agent["words"] and agent["measured"]["words_source"] == "recognised"
    truth = true_wpm(replies / "01.wav", len(first.split()))
    assert abs(agent["measured"]["wpm"] - truth) / truth < 0.15
    assert session["outcome"] == "resolved"
    pacing = session["scorecard"]["dimensions"]["pacing"]
    assert pacing["score"] is not None and pacing["per_turn"][0]["wpm"] is not None
    assert session["scorecard"]["dimensions"]["interruptions"]["score"] == 100

    # The agent's audio is kept, compressed, beside the database.
    stored = tmp_path / "db" / "audio" / session["id"] / agent["audio"]
    assert stored.suffix == ".ogg" and sf.info(str(stored)).duration > 2
    # What the customer said was written out, and holds speech.
    customer = sorted((tmp_path / "out").glob("turn-*-customer.wav"))
    assert len(customer) == 3
    assert sf.info(str(customer[0])).duration > 3
    call = sf.info(str(tmp_path / "out" / "call.wav"))
    assert call.channels == 2 and call.duration >= turns[-1]["end"] - 0.1


def test_barging_into_the_complaint_is_an_interruption(tmp_path, whisper_model):
    replies = tmp_path / "replies"
    replies.mkdir()
    espeak("Yes yes, but that is not our fault at all.", replies / "cut.wav", "en", 170)
    # Start 5 s before the customer's turn ends: still inside the complaint (core).
    (replies / "replies.yml").write_text("replies:\n  - {file: cut.wav, offset: -5.5}\n")
    session = practice(tmp_path, MINIMAL, replies, model=whisper_model)
    turns = session["transcript"]["turns"]
    customer, agent = turns[0], turns[1]
    assert agent["start"] < customer["end"]
    # A loyal customer stops talking when cut off; the stop is recorded.
    assert customer["stopped"] is not None and abs(customer["stopped"] - agent["start"]) < 0.1
    rules = [f["rule"] for f in session["scorecard"]["findings"]]
    assert "interruptions.talk-over-core" in rules
    heard = sf.info(str(tmp_path / "out" / "turn-00-customer.wav")).duration
    assert heard < customer["end"] - customer["start"] - 3


def test_steering_a_digression_back_with_the_name(tmp_path, whisper_model):
    replies = tmp_path / "replies"
    replies.mkdir()
    espeak("Mrs Johnson, first let me find your parcel.", replies / "steer.wav", "en", 160)
    # The opening's last line is a digression: cut in 1.5 s before the end.
    (replies / "replies.yml").write_text("replies:\n  - {file: steer.wav, offset: -1.5}\n")
    session = practice(tmp_path, MINIMAL, replies, model=whisper_model)
    findings = session["scorecard"]["findings"]
    steer = [f for f in findings if f["dimension"] == "interruptions"]
    assert [f["rule"] for f in steer] == ["interruptions.steer-with-name"]
    assert steer[0]["polarity"] == "positive" and "Johnson" in steer[0]["quote"]
    assert session["scorecard"]["dimensions"]["interruptions"]["score"] == 100


def test_french_spoken_session_paced_without_a_french_model(tmp_path):
    replies = tmp_path / "replies"
    replies.mkdir()
    text = (
        "Je comprends votre agacement Monsieur Balagtas, et je suis vraiment désolé "
        "pour cette option sur votre facture."
    )
    espeak(text, replies / "01.wav", "fr", 160)
    session = practice(tmp_path, "fr-facture-contestee", replies, "--asr", "none")
    agent = session["transcript"]["turns"][1]
    assert agent["measured"]["words_source"] == "syllables"
    truth = true_wpm(replies / "01.wav", len(text.split()))
    # Its words are long: 1.71 syllables each as eSpeak NG says them, where the fallback
    # turns the nuclei it finds in people's French into words at 1.41 a word
    # (scoring/syllables.py), so it reads this sentence about a sixth fast; the goal of
    # 15 % holds on average over many readings (benchmarks/pace_accuracy.py), not on
    # every sentence.
    assert abs(agent["measured"]["wpm"] - truth) / truth < 0.25
    assert session["scorecard"]["dimensions"]["pacing"]["score"] is not None


def test_no_audio_device_and_no_option_offers_typed_mode(tmp_path):
    env = {**os.environ, "ROLEPLAY_DB": str(tmp_path / "db.json")}
    out = subprocess.run(
        [sys.executable, "-m", "simulator", "practice", "fr-facture-contestee", "--agent", "Sam"],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert out.returncode == 2
    assert "--text" in out.stderr and "microphone" in out.stderr
    assert "Traceback" not in out.stderr


def test_empty_replies_folder_is_a_clear_error(tmp_path):
    (tmp_path / "empty").mkdir()
    env = {**os.environ, "ROLEPLAY_DB": str(tmp_path / "db.json")}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "simulator",
            "practice",
            str(MINIMAL),
            "--agent",
            "Sam",
            "--input-audio",
            str(tmp_path / "empty"),
            "--asr",
            "none",
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert out.returncode == 2 and "no .wav" in out.stderr


def test_spoken_pace_is_timed_on_the_recognised_words(tmp_path, whisper_model):
    # A rustle before the words (a headset brushed, a breath): the audio alone would
    # count it as speech time; the recogniser's word times leave it out of the pace.
    replies = tmp_path / "replies"
    replies.mkdir()
    words = "I'm sorry Mrs Johnson, I understand how annoying that is."
    espeak(words, tmp_path / "speech.wav", "en", 170)
    subprocess.run(
        [
            "sox",
            "-R",  # repeatable: the same rustle every run
            "-n",
            "-r",
            "22050",
            "-c",
            "1",
            str(tmp_path / "rustle.wav"),
            "synth",
            "1.2",
            "brownnoise",
            "vol",
            "0.5",
        ],
        check=True,
    )
    subprocess.run(
        [
            "sox",
            str(tmp_path / "rustle.wav"),
            str(tmp_path / "speech.wav"),
            str(replies / "01.wav"),
        ],
        check=True,
    )
    espeak("I will send a new kettle today.", replies / "02.wav", "en", 150)
    session = practice(tmp_path, MINIMAL, replies, model=whisper_model)
    agent = session["transcript"]["turns"][1]
    assert agent["measured"]["words_source"] == "recognised"
    truth = true_wpm(tmp_path / "speech.wav", len(words.split()))
    assert abs(agent["measured"]["wpm"] - truth) / truth < 0.15, (agent["measured"], truth)
