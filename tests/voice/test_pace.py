"""Which count the pace rests on: the recogniser's words when it heard some, else
syllable nuclei — checked on speech rendered here at known rates."""

import subprocess

import numpy as np
import pytest
import soundfile as sf

from scoring.syllables import SYLLABLES_PER_WORD, VOICING, WINDOW, _frames, analyse, voicing
from simulator.voice.asr import RecognisedWord, Recognition
from simulator.voice.pace import measure
from tests.voice.conftest import espeak, true_wpm
from tests.voice.test_analyze_audio import TEXTS


def rendered(tmp_path, locale: str, rate: int) -> tuple[np.ndarray, int, float]:
    path = espeak(TEXTS[locale], tmp_path / f"{locale}-{rate}.wav", locale, rate)
    samples, sample_rate = sf.read(str(path), dtype="float32")
    return samples, sample_rate, true_wpm(path, len(TEXTS[locale].split()))


def heard(text: str, start: float, end: float, trustworthy: bool = True) -> Recognition:
    """A recognition of ``text`` with its words spread evenly from ``start`` to ``end``."""
    spoken = text.split()
    step = (end - start) / len(spoken)
    timed = tuple(
        RecognisedWord(w, start + i * step, start + (i + 1) * step) for i, w in enumerate(spoken)
    )
    return Recognition(text, timed, "test", trustworthy)


@pytest.mark.parametrize("locale", ["en", "fr"])
@pytest.mark.parametrize("rate", [120, 190, 260])
def test_syllable_fallback_is_within_15_percent(tmp_path, locale, rate):
    samples, sample_rate, truth = rendered(tmp_path, locale, rate)
    pacing = measure(samples, sample_rate, locale)
    assert pacing.words_source == "syllables"
    assert abs(pacing.wpm - truth) / truth < 0.15, (pacing.wpm, truth)


def test_recognised_words_set_the_pace(tmp_path):
    samples, rate, truth = rendered(tmp_path, "en", 230)
    speech = analyse(samples, rate)
    recognition = heard(TEXTS["en"], speech.speech_start, speech.speech_end)
    pacing = measure(samples, rate, "en", recognition)
    assert pacing.words_source == "recognised"
    assert pacing.words == len(TEXTS["en"].split())
    assert abs(pacing.wpm - truth) / truth < 0.10, (pacing.wpm, truth)
    assert pacing.transcript == TEXTS["en"]


def test_recognised_words_are_trusted_over_a_disagreeing_syllable_count(tmp_path):
    # Three words heard over the whole stretch: far fewer than its syllables suggest.
    # The recogniser's count stands; the signal only times it.
    samples, rate, _ = rendered(tmp_path, "en", 160)
    pacing = measure(samples, rate, "en", Recognition("thank you kindly"))
    assert pacing.words_source == "recognised" and pacing.words == 3


def test_words_without_timings_are_timed_by_the_signal(tmp_path):
    samples, rate, truth = rendered(tmp_path, "en", 160)
    pacing = measure(samples, rate, "en", Recognition(TEXTS["en"]))
    assert pacing.words_source == "recognised"
    assert abs(pacing.wpm - truth) / truth < 0.10, (pacing.wpm, truth)


@pytest.mark.parametrize(
    "recognition",
    [None, Recognition(""), Recognition("[noise]"), Recognition("hello there", trustworthy=False)],
    ids=["no recogniser", "nothing heard", "only a mark", "untrustworthy"],
)
def test_without_recognised_words_the_syllables_decide(tmp_path, recognition):
    samples, rate, _ = rendered(tmp_path, "fr", 160)
    pacing = measure(samples, rate, "fr", recognition)
    assert pacing.words_source == "syllables"
    assert pacing.words == pytest.approx(pacing.rate.syllables / SYLLABLES_PER_WORD["fr"])


def test_word_timings_leave_out_a_sound_after_the_words(tmp_path):
    samples, rate, _ = rendered(tmp_path, "en", 180)
    speech = analyse(samples, rate)
    knock = np.zeros(int(rate * 1.5), np.float32)
    knock[-int(rate * 0.05) :] = 0.5 * np.sin(np.arange(int(rate * 0.05)) * 0.3)
    with_knock = np.concatenate([samples, knock])
    recognition = heard(TEXTS["en"], speech.speech_start, speech.speech_end)
    pacing = measure(with_knock, rate, "en", recognition)
    # the knock is no voice: the speaking time ends with the words, with their times
    # or without (the voice detector tells the knock from the words)
    untimed = measure(with_knock, rate, "en", Recognition(TEXTS["en"]))
    for measured in (pacing, untimed):
        assert speech.speech_end - 0.05 <= measured.speech_end <= speech.speech_end + 0.3
    assert analyse(with_knock, rate).speech_end > speech.speech_end + 1  # the signal's own end


def test_pauses_lengthen_speech_but_not_articulation(tmp_path):
    samples, rate, _ = rendered(tmp_path, "en", 160)
    gap = np.zeros(rate, np.float32)
    half = len(samples) // 2
    cut = half + int(np.argmin(np.abs(samples[half : half + rate // 2])))
    paused = np.concatenate([samples[:cut], gap, samples[cut:]])
    pacing = measure(paused, rate, "en", Recognition(TEXTS["en"]))
    assert any(end - start >= 0.9 for start, end in pacing.pauses), pacing.pauses
    assert pacing.articulation_wpm > pacing.wpm


def test_silence_has_no_pace():
    pacing = measure(np.zeros(16000, np.float32), 16000, "en", Recognition("hello"))
    assert pacing.wpm is None and pacing.words == 0


@pytest.mark.parametrize(
    "text",
    [
        # Whisper's loop on short or noisy audio: the same words three times running
        "I will check your account. I will check your account. I will check your account.",
        "heureux, heureux, heureux, heureux",
    ],
)
def test_a_recogniser_going_round_in_a_loop_is_not_counted(tmp_path, text):
    samples, rate, truth = rendered(tmp_path, "en", 190)
    speech = analyse(samples, rate)
    pacing = measure(samples, rate, "en", heard(text, speech.speech_start, speech.speech_end))
    assert pacing.words_source == "syllables"
    assert abs(pacing.wpm - truth) / truth < 0.15, (pacing.wpm, truth)


def test_more_words_than_anyone_says_in_the_time_are_not_counted(tmp_path):
    samples, rate, _truth = rendered(tmp_path, "en", 190)
    speech = analyse(samples, rate)
    seconds = speech.speech_end - speech.speech_start
    # "word" and a number, 8 a second: 960 words a minute
    made_up = " ".join(f"word{i}" for i in range(int(seconds * 8)))
    pacing = measure(samples, rate, "en", heard(made_up, speech.speech_start, speech.speech_end))
    assert pacing.words_source == "syllables"
    # the words a recogniser can have heard: its own count, however unusual the words
    said = measure(samples, rate, "en", heard(TEXTS["en"], speech.speech_start, speech.speech_end))
    assert said.words_source == "recognised"


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_more_words_than_the_syllables_could_carry_are_not_counted(tmp_path, locale):
    # Whisper base in noise heard 37 words of 26 said, 1.76 for each syllable nucleus
    # found, at a pace someone could speak: here, twice as many words as nuclei over the
    # reading with a pause of 3 s in its middle, under the fastest pace.
    samples, rate, _truth = rendered(tmp_path, locale, 120)
    middle = len(samples) // 2
    paused = np.concatenate([samples[:middle], np.zeros(rate * 3, samples.dtype), samples[middle:]])
    speech = analyse(paused, rate)
    said_words = TEXTS[locale].replace(".", "").replace(",", "").split()
    made_up = " ".join((said_words * 4)[: 2 * speech.syllables + 3])
    pacing = measure(paused, rate, locale, heard(made_up, speech.speech_start, speech.speech_end))
    assert pacing.words_source == "syllables"
    assert pacing.words == pytest.approx(speech.syllables / SYLLABLES_PER_WORD[locale], rel=0.05)
    counted = len(made_up.split()) / (speech.speech_end - speech.speech_start) * 60
    assert counted < 400  # not caught by the fastest pace
    # the words the syllables can carry are the recogniser's
    said = measure(
        paused, rate, locale, heard(TEXTS[locale], speech.speech_start, speech.speech_end)
    )
    assert said.words_source == "recognised"
    # and so are a short reply's few, the counter finding a single nucleus or none
    short = measure(samples[: rate // 2], rate, locale, heard("yes I see", 0.0, 0.5))
    assert short.words_source == "recognised"


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_words_the_voice_detector_missed_still_count_their_time(tmp_path, monkeypatch, locale):
    # On telephone-band audio Silero VAD can miss whole sentences (a FLEURS clip: voice
    # found from 5.4 s, words heard from 1.6 s). The detector's miss is played here by
    # a stand-in returning the second half only; the words, timed over the whole
    # stretch, show the voice was there.
    samples, rate, truth = rendered(tmp_path, locale, 190)
    speech = analyse(samples, rate)
    middle = (speech.speech_start + speech.speech_end) / 2
    monkeypatch.setattr("simulator.voice.pace.voiced_span", lambda *_: (middle, speech.speech_end))
    pacing = measure(
        samples, rate, locale, heard(TEXTS[locale], speech.speech_start, speech.speech_end)
    )
    assert pacing.words_source == "recognised"
    assert pacing.speech_start == pytest.approx(speech.speech_start, abs=0.05)
    assert abs(pacing.wpm - truth) / truth < 0.10, (pacing.wpm, truth)


def test_a_first_word_placed_early_does_not_widen_the_voice(tmp_path):
    # Whisper's small models put the first word's start early, even at 0: a knock
    # before the speech stays out, since the word's end lies in the voice.
    samples, rate, _ = rendered(tmp_path, "en", 180)
    speech = analyse(samples, rate)
    knock = np.zeros(int(rate * 1.5), np.float32)
    knock[: int(rate * 0.05)] = 0.5 * np.sin(np.arange(int(rate * 0.05)) * 0.3)
    with_knock = np.concatenate([knock, samples])
    start, end = speech.speech_start + 1.5, speech.speech_end + 1.5
    recognition = heard(TEXTS["en"], start, end)
    first = recognition.words[0]
    early = Recognition(
        recognition.text,
        (RecognisedWord(first.word, 0.0, first.end), *recognition.words[1:]),
        "test",
    )
    pacing = measure(with_knock, rate, "en", early)
    assert pacing.speech_start is not None and pacing.speech_start >= start - 0.3
    assert analyse(with_knock, rate).speech_start < 0.1  # the signal's own start: the knock


def test_a_rustle_is_not_voiced_where_a_vowel_is(tmp_path):
    # Brown noise correlates with itself at every short lag, most at the shortest: no
    # pitch period stands out. A vowel repeats at its pitch period.
    rustle = tmp_path / "rustle.wav"
    subprocess.run(
        ["sox", "-R", "-n", "-r", "16000", "-c", "1", str(rustle), "synth", "1.2", "brownnoise"],
        check=True,
    )
    noise, rate = sf.read(str(rustle), dtype="float32")
    vowel, vowel_rate = sf.read(str(espeak("Ah.", tmp_path / "ah.wav", "en", 120)), dtype="float32")
    loud = vowel[np.abs(vowel) > 0.1 * np.abs(vowel).max()]
    assert np.mean(voicing(_frames(noise, rate, WINDOW), rate) > VOICING) < 0.25
    assert np.median(voicing(_frames(loud, vowel_rate, WINDOW), vowel_rate)) > VOICING
    assert len(analyse(noise, rate).nuclei) <= 1
