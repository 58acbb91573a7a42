"""Has the agent finished? The decision from their words, in French and in English, and
the silence each verdict waits for; the fixed-silence mode is unchanged."""

from __future__ import annotations

import numpy as np
import pytest

from simulator.authoring.settings import Settings
from simulator.errors import SimulatorError
from simulator.voice.end_of_turn import (
    NO_FALL,
    QUICK_GAP,
    RISE,
    UNHEARD_TAIL,
    UNSURE,
    asks,
    doubted,
    endpoint_settings,
    judge,
    silence_needed,
    words_of,
)
from simulator.voice.prosody import ending_pitch, ending_rise, pitch_track, sound_end
from simulator.voice.rig import VoiceOptions
from simulator.voice.vad import EndpointSettings

FINISHED = [
    ("en", "I'm sorry about that."),
    ("en", "I will send you a new kettle today."),
    ("en", "Can I have your account number?"),
    ("en", "Yes, I will."),
    ("en", "I think so."),
    ("en", "Please hold on."),
    ("en", "I'll put you through."),
    ("en", "I'd be happy to."),
    ("en", "You will have it by Friday"),  # no full stop: the words are finished
    ("fr", "Je suis désolé pour ce retard."),
    ("fr", "Vous l'aurez vendredi."),
    ("fr", "Oui, je peux."),
    ("fr", "Ça va."),
    ("fr", "On y va."),
    ("fr", "Depuis quand ?"),
    ("fr", "Je vais en parler avec elle."),
    ("fr", "Faites-le."),
]

UNFINISHED = [
    ("en", "I will check your account and"),
    ("en", "I will check your account and."),  # the recogniser's full stop is not believed
    ("en", "Let me look at the"),
    ("en", "I can send a new one because"),
    ("en", "So what I will do is, um"),
    ("en", "Uh"),
    ("en", "I will"),
    ("en", "So I will."),
    ("en", "Right, so first I need to"),
    ("en", "I understand, but"),
    ("en", "I'm sorry about the delay, and"),
    ("en", "The parcel is with your"),
    ("en", "I can see the charge on your account..."),  # the recogniser heard it trail off
    ("en", "First of all,"),
    ("en", "I can see the charge on your account. . . ."),  # trailing off, spaced out
    ("fr", "Je vais vérifier votre compte et"),
    ("fr", "Je vais"),
    ("fr", "Je regarde parce que"),
    ("fr", "Je regarde parce qu'"),
    ("fr", "Euh"),
    ("fr", "Je vous envoie le"),
    ("fr", "C'est pour la"),
    ("fr", "Alors, je vais vous"),
    ("fr", "Il faut"),
    ("fr", "Je comprends, mais"),
    ("fr", "Votre colis est parti…"),
    ("fr", "Je vois le prélèvement sur votre compte . . ."),
]


@pytest.mark.parametrize(("locale", "text"), FINISHED)
def test_a_phrase_that_sounds_finished_ends_the_turn(locale, text):
    assert judge(text, locale) == "complete"


@pytest.mark.parametrize(("locale", "text"), UNFINISHED)
def test_a_phrase_left_hanging_is_unfinished(locale, text):
    assert judge(text, locale) == "unfinished"


def test_the_words_are_read_in_their_own_language():
    # "pour" and "et" end nothing in English; "the" and "and" end nothing in French
    assert judge("Je vais vérifier et", "en") == "complete"
    assert judge("Je vais vérifier et", "fr") == "unfinished"
    assert judge("I will check the", "fr") == "complete"
    assert judge("I will check the", "en") == "unfinished"


@pytest.mark.parametrize(
    ("locale", "text", "verdict"),
    [
        # a preposition that needs its object: "despite," "regarding," « dès », « malgré »
        ("en", "We will refund you despite", "unfinished"),
        ("en", "I am calling you regarding", "unfinished"),
        ("en", "There are three options, including", "unfinished"),
        ("fr", "Le technicien passera dès", "unfinished"),
        ("fr", "Nous vous remboursons malgré", "unfinished"),
        ("en", "We will refund you despite the delay.", "complete"),
        ("fr", "Le technicien passera dès demain.", "complete"),
        # words that are prepositions and something else that can end a sentence
        ("en", "I know, that is concerning.", "complete"),
        ("fr", "Ça dépend, c'est selon.", "complete"),
        ("fr", "La pièce a été montée à l'envers.", "complete"),
        # « la » after a preposition, heard as « là »: only the article can follow it
        ("fr", "Il y a eu un problème avec là.", "unfinished"),
        ("fr", "Je vous envoie le colis pour là.", "unfinished"),
        ("fr", "Le technicien est passé dans là.", "unfinished"),
        ("fr", "Passez par là.", "complete"),
        ("fr", "Je suis là.", "complete"),
        ("fr", "Restons-en là.", "complete"),
        ("fr", "Nous vous rappelons d'ici là.", "complete"),
        ("fr", "Je ne savais pas, jusque là.", "complete"),
        ("fr", "Je m'occupe de ça, là.", "complete"),
        # the second branch of « soit… soit » is still to come
        ("fr", "Nous pouvons soit envoyer un technicien, soit.", "unfinished"),
        ("fr", "Je vous propose soit un avoir, soit", "unfinished"),
        ("fr", "Soit.", "complete"),
        ("fr", "Quoi qu'il en soit.", "complete"),
        ("fr", "Soit un avoir, soit un remboursement. Quoi qu'il en soit.", "complete"),
    ],
)
def test_words_that_cannot_end_a_statement_there_leave_it_open(locale, text, verdict):
    assert judge(text, locale) == verdict


def test_speech_the_recogniser_left_out_at_the_end_is_unfinished():
    """Whisper drops a trailing "and" or "um": only the speech after the last word
    recognised shows it was there."""
    assert judge("I will check your account.", "en", unheard=0.1) == "complete"
    assert judge("I will check your account.", "en", unheard=UNHEARD_TAIL) == "unfinished"
    assert judge("Je vais vérifier votre compte.", "fr", unheard=0.45) == "unfinished"


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en", "The technician will come on the Earth."),  # "…come on the," misheard
        ("en", "I will send you an email with me."),
        ("fr", "Je vais vous envoyer un mail avec eux."),  # "…un mail avec le,"
        ("fr", "Le technicien passera le matin."),
    ],
)
def test_a_last_word_the_recogniser_doubts_is_not_read_as_an_ending(locale, text):
    """A word misheard at the end reads as a finished sentence: the recogniser's own
    doubt about it keeps the turn open; the same words heard for sure end it."""
    heard_well = [0.9, 0.85, 0.95, 0.8, 0.9]
    assert judge(text, locale, certainties=[*heard_well, 0.9]) == "complete"
    assert judge(text, locale, certainties=[*heard_well, UNSURE]) == "complete"
    assert judge(text, locale, certainties=[*heard_well, UNSURE - 0.01]) == "unfinished"
    assert judge(text, locale, certainties=[*heard_well, 0.1]) == "unfinished"


@pytest.mark.parametrize(
    ("certainties", "doubt"),
    [
        ((0.9, 0.8, 0.85, 0.2), True),
        ((0.7, 0.66, 0.29), True),
        ((0.9, 0.8, 0.85, 0.35), False),  # not unsure enough
        ((0.3, 0.25, 0.2, 0.15), False),  # heard badly all through: the last no worse
        ((0.84, 0.97, 0.37, 0.58, 0.61, 0.14, 0.1), False),  # the others not heard well
        ((0.1,), False),  # one word: nothing to compare it with
        ((), False),  # no words
    ],
)
def test_the_last_word_is_doubted_when_the_rest_of_the_phrase_was_heard_well(certainties, doubt):
    assert doubted(certainties) is doubt


def voice(pitch: np.ndarray, rate: int = 16000) -> np.ndarray:
    """A buzz with the given pitch (Hz) at every sample: a voice saying one long vowel."""
    phase = 2 * np.pi * np.cumsum(pitch) / rate
    return (0.3 * sum(np.sin(k * phase) / k for k in range(1, 8))).astype(np.float32)


def test_a_voice_that_falls_at_the_end_ends_low_and_one_that_rises_ends_high():
    steady = np.full(12000, 120.0)
    falling = voice(np.concatenate([steady, np.linspace(120, 85, 4000)]))
    rising = voice(np.concatenate([steady, np.linspace(120, 140, 4000)]))
    fell, rose = ending_pitch(falling), ending_pitch(rising)
    assert fell is not None and fell < 0.8
    assert rose is not None and rose > 1.1
    assert ending_pitch(np.zeros(16000, np.float32)) is None  # nothing voiced


def test_a_rise_on_the_last_syllable_is_measured_in_semitones():
    steady = np.full(12000, 120.0)
    # the last 0.1 s: up one semitone, down two, or level
    up, down = 120 * 2 ** (1 / 12), 120 * 2 ** (-2 / 12)
    rose = ending_rise(voice(np.concatenate([steady, np.full(1600, up)])))
    fell = ending_rise(voice(np.concatenate([steady, np.full(1600, down)])))
    level = ending_rise(voice(np.full(13600, 120.0)))
    assert rose is not None and 0.8 < rose < 1.2
    assert fell is not None and -2.2 < fell < -1.8
    assert level is not None and abs(level) < 0.1
    assert ending_rise(np.zeros(16000, np.float32)) is None  # nothing voiced


def breath(seconds: float, rate: int = 16000) -> np.ndarray:
    """Breathy noise, its energy low in frequency as a voice's trailing breath: each
    sample mostly the one before (a one-pole low-pass filter over white noise)."""
    shocks = np.random.default_rng(7).standard_normal(round(seconds * rate))
    noise = np.zeros_like(shocks)
    for i, shock in enumerate(shocks):
        noise[i] = 0.99 * noise[i - 1] + shock if i else shock
    return (0.2 * noise / np.abs(noise).max()).astype(np.float32)


def test_a_breathy_end_is_not_read_as_a_leap_to_the_highest_pitch():
    falling = voice(np.concatenate([np.full(12000, 120.0), np.linspace(120, 100, 3200)]))
    phrase = np.concatenate([falling, breath(0.1)])
    plain, strict = pitch_track(phrase), pitch_track(phrase, strict=True)
    assert plain[plain > 0][-1] > 350  # the breath read at the ceiling
    assert strict[strict > 0][-1] < 110  # the strict track keeps to the voice
    rise = ending_rise(phrase)
    assert rise is not None and rise < 0  # the voice fell, it did not rise


def test_a_voice_that_rose_on_its_last_syllable_goes_on_unless_it_asks():
    assert judge("I can offer you a refund.", "en", pitch_rise=RISE) == "unfinished"
    assert judge("Je peux vous proposer un remboursement.", "fr", pitch_rise=0.8) == "unfinished"
    assert judge("I can offer you a refund.", "en", pitch_rise=0.2) == "complete"
    assert judge("I can offer you a refund.", "en", pitch_rise=-1.5) == "complete"
    assert judge("Can I have your account number?", "en", pitch_rise=2.0) == "complete"
    assert judge("Pouvez-vous me donner votre numéro", "fr", pitch_rise=2.0) == "complete"


def test_a_voice_that_did_not_fall_is_unfinished_unless_it_asks():
    assert judge("I will check your account.", "en", pitch_end=0.85) == "complete"
    assert judge("I will check your account.", "en", pitch_end=NO_FALL) == "unfinished"
    assert judge("Je vais vérifier votre compte.", "fr", pitch_end=1.02) == "unfinished"
    assert judge("Can I have your account number?", "en", pitch_end=1.2) == "complete"
    assert judge("Vous avez votre numéro de client ?", "fr", pitch_end=1.2) == "complete"


QUESTIONS = [
    ("en", "Is there anything else I can do for you."),
    ("en", "can I take your postcode"),
    ("en", "Right. Do you still have the receipt."),
    ("en", "What is your order number."),
    ("en", "How can I help"),
    ("en", "Couldn't you find the email."),
    ("fr", "Puis-je faire autre chose pour vous."),
    ("fr", "Pouvez-vous me donner votre numéro"),
    ("fr", "D'accord. Est-ce que vous avez reçu le mail."),
    ("fr", "Qu'est-ce qui s'est passé"),
    ("fr", "Le colis a-t-il été livré."),
]
STATEMENTS = [
    ("en", "What I can do is send a new one."),
    ("en", "How it works is simple."),
    ("en", "I can take your postcode."),
    ("en", "Is there anything? No. I will send it today."),  # the last sentence counts
    ("en", "Yes"),
    ("fr", "Faites-le."),
    ("fr", "Dites-moi tout."),
    ("fr", "Je vous rappelle demain."),
    ("fr", "Quand le colis arrive, je vous préviens."),
]


@pytest.mark.parametrize(("locale", "text"), QUESTIONS)
def test_a_question_without_its_question_mark_is_read_from_the_order_of_its_words(locale, text):
    assert asks(text, locale)
    # a voice rising at its end is the question's, not a sign of more to come
    assert judge(text, locale, pitch_end=1.2) == "complete"


@pytest.mark.parametrize(("locale", "text"), STATEMENTS)
def test_a_statement_is_not_taken_for_a_question(locale, text):
    assert not asks(text, locale)
    assert judge(text, locale, pitch_end=1.2) == "unfinished"


def test_the_sound_ends_where_the_voice_does_not_where_its_faint_tail_does():
    tone = voice(np.full(8000, 120.0))
    tail = 0.005 * tone[:1600]  # breath-level, as the detector's hangover hears it
    samples = np.concatenate([tone, tail, np.zeros(3200, np.float32)])
    assert sound_end(samples) == pytest.approx(0.5, abs=0.011)
    assert sound_end(np.zeros(100, np.float32)) == 0.0


@pytest.mark.parametrize("text", ["", "   ", "...", "?"])
def test_nothing_recognised_leaves_the_decision_to_the_silence(text):
    assert judge(text, "en") == "unknown"
    smart = endpoint_settings("smart", 0.8)
    assert silence_needed("unknown", smart) == 0.8


def test_words_are_compared_lower_case_with_straight_apostrophes():
    assert words_of("Parce qu’ Il FAUT, l’adresse… faites-le.") == [
        "parce",
        "qu'",
        "il",
        "faut",
        "l'adresse",
        "faites-le",
    ]


def test_each_verdict_waits_its_own_silence_and_a_long_one_always_ends_the_turn():
    smart = endpoint_settings("smart", 0.8)
    assert smart.turn_end == "smart" and smart.phrase_gap == QUICK_GAP
    # a finished phrase: no sooner than a pause between two sentences
    assert silence_needed("complete", smart) == smart.finished == 0.35 > QUICK_GAP
    assert silence_needed("unfinished", smart) == smart.hold == 2.5
    assert silence_needed(None, smart) == smart.longest_silence == 2.5
    # the hold is never shorter than the fixed silence asked for
    patient = endpoint_settings("smart", 3.0)
    assert silence_needed("unfinished", patient) == patient.longest_silence == 3.0


@pytest.mark.parametrize("verdict", ["complete", "unfinished", "unknown", None])
def test_the_fixed_silence_mode_ignores_the_words(verdict):
    fixed = endpoint_settings("silence", 0.8)
    assert fixed == EndpointSettings(end_of_turn=0.8)
    assert fixed.phrase_gap == 0.3 and fixed.longest_silence == 0.8
    assert silence_needed(verdict, fixed) == 0.8


def test_the_mode_comes_from_the_settings_unless_the_option_overrides_it():
    assert Settings().turn_end == "smart"
    assert VoiceOptions.from_settings(Settings()).turn_end == "smart"
    settings = Settings(turn_end="silence", asr_engine="none")
    assert VoiceOptions.from_settings(settings).turn_end == "silence"
    assert VoiceOptions.from_settings(settings, turn_end="smart").turn_end == "smart"


def test_a_mode_that_does_not_exist_is_named_in_the_settings_file(tmp_path):
    from simulator.authoring.settings import load_settings

    path = tmp_path / "settings.yml"
    path.write_text("turn_end: clever\n")
    with pytest.raises(SimulatorError) as raised:
        load_settings(path)
    said = raised.value.render("en")
    assert "turn_end" in said and "settings.yml" in said and "smart" in said
