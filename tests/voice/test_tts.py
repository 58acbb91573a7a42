"""The customer's voice is rendered correctly: each file holds its own words."""

import os
import time

import soundfile as sf

from scoring.spoken import normalise, words
from scoring.syllables import analyse
from simulator.atomic import STALE_TEMPORARY
from simulator.authoring.voices import load_voice
from simulator.voice.asr import audio_to_16k
from simulator.voice.tts import RenderCache

SENTENCES = [
    "My parcel was supposed to arrive on Monday.",
    "I have been a loyal customer for many years.",
    "Put me through to your manager right now.",
    "The breakfast was cold and nobody apologised.",
]


def test_every_rendered_file_holds_its_own_words(tmp_path, recogniser):
    # Several files in one process, one after another: the case pyttsx3's eSpeak
    # driver gets wrong when it is not waited on (empty first file, shifted audio).
    cache = RenderCache(tmp_path)
    voice = load_voice("loyal_irritated").settings("en", 50)
    paths = [cache.get(text, voice) for text in SENTENCES]
    for index, path in enumerate(paths):
        samples, rate = sf.read(str(path), dtype="float32")
        heard = set(_words(recogniser.recognise(audio_to_16k(samples, rate), "en").text))
        overlap = [len(heard & set(_words(text))) for text in SENTENCES]
        # Recognition of synthetic speech is not perfect, but each file must be closest to
        # its own sentence (a dropped or shifted render would match another one, or none).
        assert overlap.index(max(overlap)) == index, (SENTENCES[index], heard)
        assert overlap[index] >= len(_words(SENTENCES[index])) // 2, (SENTENCES[index], heard)


def _words(text: str) -> list[str]:
    # The scorer's own normal form: "I've" heard for "I have" is the same words.
    return [w.lower() for w in words(normalise(text, "en").text)]


def test_french_lines_render_with_their_syllables(tmp_path):
    cache = RenderCache(tmp_path)
    voice = load_voice("extreme_critic").settings("fr", 50)
    short = cache.get("Bonjour madame.", voice)  # 4 syllables
    long = cache.get("Je ne vais pas payer pour cette option que je n'ai jamais demandée.", voice)
    counts = [analyse(*sf.read(str(p))).syllables for p in (short, long)]
    assert 3 <= counts[0] <= 6
    assert 14 <= counts[1] <= 24


def test_renders_are_cached_by_text_and_voice(tmp_path):
    cache = RenderCache(tmp_path)
    profile = load_voice("active_hater")
    calm, furious = profile.settings("en", 100), profile.settings("en", 0)
    assert furious.rate > calm.rate and furious.volume >= calm.volume
    first = cache.get("Hello there.", calm)
    assert cache.get("Hello there.", calm) == first
    angry = cache.get("Hello there.", furious)
    assert angry != first
    assert sf.info(str(angry)).duration < sf.info(str(first)).duration
    assert cache.prerender([("Hello there.", calm), ("Goodbye.", calm)]) == 1


def test_a_render_cut_short_long_ago_leaves_nothing_behind(tmp_path):
    """Lines render ahead in the background: a process that ends mid-render leaves its
    temporary file, which the next cache opened on the folder removes once it is old."""
    cache = tmp_path / "voice-cache"
    cache.mkdir()
    old = cache / ".abc.wav.x1y2z3.tmp"
    fresh = cache / ".def.wav.a1b2c3.tmp"  # another process may be writing it right now
    kept = cache / "abc.wav"
    for path in (old, fresh, kept):
        path.write_bytes(b"RIFF")
    long_ago = time.time() - STALE_TEMPORARY - 60
    os.utime(old, (long_ago, long_ago))
    os.utime(kept, (long_ago, long_ago))
    RenderCache(cache)
    assert not old.exists()
    assert fresh.exists() and kept.exists()
