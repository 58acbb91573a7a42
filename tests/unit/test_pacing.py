import pytest

from scoring.pacing import DEFAULT_BANDS, score_pacing, turn_wpm
from scoring.transcript import MeasuredPacing, Transcript, Turn, Word

DELIVERY = {"pacing.fillers", "pacing.talk-ratio", "pacing.monologue", "pacing.questions"}


def _rules(result) -> list[str]:
    """The pace and timing findings, the delivery evidence (tested on its own) left out."""
    return [f.rule for f in result.findings if f.rule not in DELIVERY]


def _words(n: int) -> str:
    return " ".join(["word"] * n)


def _call(*agent: tuple[float, float, int], locale: str = "en", gap: float = 0.5) -> Transcript:
    turns = []
    t = 0.0
    for start_offset, seconds, count in agent:
        turns.append(Turn(speaker="customer", text="It broke again.", start=t, end=t + 2))
        start = t + 2 + start_offset
        turns.append(Turn(speaker="agent", text=_words(count), start=start, end=start + seconds))
        t = start + seconds + gap
    return Transcript(locale=locale, turns=turns)


def test_words_per_minute_in_band_is_full_score():
    result = score_pacing(_call((0.5, 10, 25)))  # 150 wpm
    assert result.score == 100
    assert result.details["per_turn"][0]["wpm"] == 150.0
    assert _rules(result) == ["pacing.in-band"]


def test_too_fast_is_flagged_with_the_rate_and_a_fix():
    result = score_pacing(_call((0.5, 10, 40)))  # 240 wpm
    finding = next(f for f in result.findings if f.rule == "pacing.too-fast")
    assert "240" in finding.message
    assert finding.suggestion and "pause" in finding.suggestion.lower()
    assert result.score < 100


def test_a_turn_out_of_band_loses_a_point_per_wpm_and_never_more_than_half():
    assert score_pacing(_call((0.5, 10, 30))).score == 90  # 180 wpm: 10 over 170
    assert score_pacing(_call((0.5, 10, 60))).score == 50  # 360 wpm: floored at half


def test_too_slow_is_flagged():
    result = score_pacing(_call((0.5, 20, 25)))  # 75 wpm
    assert any(f.rule == "pacing.too-slow" for f in result.findings)


def test_dead_air_after_the_customer_stops():
    result = score_pacing(_call((4.5, 10, 25)))
    dead = [f for f in result.findings if f.rule == "pacing.dead-air"]
    assert len(dead) == 1 and "4.5" in dead[0].message
    assert result.details["per_turn"][0]["latency"] == 4.5


def test_long_pause_inside_a_turn_needs_word_timings():
    transcript = Transcript(
        locale="en",
        turns=[
            Turn(speaker="customer", text="Hello?", start=0, end=1),
            Turn(
                speaker="agent",
                text="Let me check that for you",
                start=1.5,
                end=6,
                words=[
                    Word(word="Let", start=1.5, end=1.7),
                    Word(word="me", start=1.7, end=1.8),
                    Word(word="check", start=4.5, end=4.8),
                    Word(word="that", start=4.8, end=5.0),
                    Word(word="for", start=5.0, end=5.2),
                    Word(word="you", start=5.2, end=6.0),
                ],
            ),
        ],
    )
    result = score_pacing(transcript)
    pauses = result.details["per_turn"][0]["pauses"]
    assert {"start": 1.8, "end": 4.5} in pauses
    assert any(f.rule == "pacing.long-pause" for f in result.findings)


def test_speeding_up_under_pressure():
    result = score_pacing(_call((0.5, 10, 24), (0.5, 10, 25), (0.5, 10, 27), (0.5, 10, 33)))
    assert any(f.rule == "pacing.speeding-up" for f in result.findings)


def test_steady_pace_is_not_speeding_up():
    result = score_pacing(_call((0.5, 10, 25), (0.5, 10, 25), (0.5, 10, 26)))
    assert not any(f.rule == "pacing.speeding-up" for f in result.findings)


def test_no_timing_means_skipped_not_guessed():
    transcript = Transcript(
        locale="fr",
        turns=[
            Turn(speaker="customer", text="Bonjour"),
            Turn(speaker="agent", text="Bonjour madame"),
        ],
    )
    result = score_pacing(transcript)
    assert result.score is None and result.skipped == "no_timing"


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_each_locale_has_a_band(locale):
    bands = DEFAULT_BANDS[locale]
    assert bands.min_wpm < bands.max_wpm


def test_french_messages_are_in_french():
    result = score_pacing(_call((0.5, 10, 45), locale="fr"))
    finding = next(f for f in result.findings if f.rule == "pacing.too-fast")
    assert "mots par minute" in finding.message


@pytest.mark.parametrize(
    "turn",
    [
        Turn(speaker="agent", text=_words(25), start=1.0, end=11.0),
        Turn(speaker="agent", text=_words(3), start=1.0, end=1.5),  # too short to judge
        Turn(speaker="agent", text="mm-hmm", start=1.0, end=1.4),  # a backchannel
        Turn(
            speaker="agent",
            text=_words(12),
            start=1.0,
            end=9.0,
            words=[Word(word="word", start=1.5, end=2.0), Word(word="word", start=5.0, end=5.5)],
        ),
        Turn(
            speaker="agent",
            text=_words(12),
            start=1.0,
            end=9.0,
            measured=MeasuredPacing(wpm=182.0, words=14, words_source="syllables"),
        ),
    ],
)
def test_the_pace_of_one_turn_is_the_scorecards_figure(turn):
    """The practice screen's gauge calls turn_wpm: it must read what the scorecard says."""
    call = Transcript(locale="en", turns=[Turn(speaker="customer", text="Hello."), turn])
    scored = score_pacing(call).details["per_turn"][0]["wpm"]
    pace = turn_wpm(turn, "en", DEFAULT_BANDS["en"])
    assert (None if pace is None else round(pace, 1)) == scored


def _agent_only(*turns: Turn, locale: str = "en") -> Transcript:
    return Transcript(locale=locale, turns=[Turn(speaker="customer", text="Hello."), *turns])


@pytest.mark.parametrize(
    "text,locale,seconds",
    [
        ("thank you for calling have a great day", "en", 1.6),  # 8 words: 300 wpm, by rote
        ("how can i help you today", "en", 1.1),
        ("Merci de votre appel, bonne journée !", "fr", 1.4),
        ("Je vous écoute, que puis-je faire pour vous ?", "fr", 1.5),
    ],
)
def test_a_stock_phrase_has_no_speaking_rate(text, locale, seconds):
    turn = Turn(speaker="agent", text=text, start=1.0, end=1.0 + seconds)
    result = score_pacing(_agent_only(turn, locale=locale))
    assert turn_wpm(turn, locale, DEFAULT_BANDS[locale]) is None
    assert result.details["per_turn"][0]["wpm"] is None
    assert not [f for f in result.findings if f.rule.startswith("pacing.too-")]


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_ten_words_in_under_three_seconds_have_no_rate(locale):
    turn = Turn(speaker="agent", text=_words(10), start=1.0, end=3.4)  # would be 250 wpm
    assert turn_wpm(turn, locale, DEFAULT_BANDS[locale]) is None
    longer = Turn(speaker="agent", text=_words(10), start=1.0, end=4.0)
    assert turn_wpm(longer, locale, DEFAULT_BANDS[locale]) == pytest.approx(200.0)


def test_the_rate_counts_the_pauses_inside_the_turn():
    # 12 words from 1.0 s to 7.0 s with a second's pause in the middle: 120 wpm, not the
    # 144 wpm of the five seconds of sound
    timed = [Word(word="word", start=1.0 + i * 0.42, end=1.0 + i * 0.42 + 0.4) for i in range(6)]
    timed += [Word(word="word", start=4.5 + i * 0.42, end=4.5 + i * 0.42 + 0.4) for i in range(6)]
    timed[-1] = Word(word="word", start=6.6, end=7.0)
    turn = Turn(speaker="agent", text=_words(12), start=1.0, end=7.0, words=timed)
    assert turn_wpm(turn, "en", DEFAULT_BANDS["en"]) == pytest.approx(120.0)


def test_transcription_marks_are_not_words():
    turn = Turn(
        speaker="agent", text="[noise] [cough] " + _words(9), start=1.0, end=5.0
    )  # nine words said
    assert turn_wpm(turn, "en", DEFAULT_BANDS["en"]) is None


@pytest.mark.parametrize(
    "measured,expected",
    [
        (MeasuredPacing(wpm=190.0, words=6, words_source="recognised"), None),  # too few words
        (MeasuredPacing(wpm=260.0, words=11, words_source="syllables"), None),  # 2.5 s of speech
        (MeasuredPacing(wpm=150.0, words=12.4, words_source="syllables"), 150.0),
    ],
)
def test_a_measured_turn_needs_the_same_amount_of_speech(measured, expected):
    turn = Turn(speaker="agent", text="", start=1.0, end=9.0, measured=measured)
    assert turn_wpm(turn, "en", DEFAULT_BANDS["en"]) == expected


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_a_long_greeting_is_not_compared_with_a_short_goodbye(locale):
    # two long, calm turns first and two short, quick ones last: not comparable
    turns = [(0.5, 13, 30), (0.5, 13, 30), (0.5, 3.3, 10), (0.5, 3.3, 10)]
    result = score_pacing(_call(*turns, locale=locale))
    assert not any(f.rule == "pacing.speeding-up" for f in result.findings)


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_speeding_up_needs_enough_rated_turns(locale):
    # three turns, the last much faster: one turn at each end proves nothing
    result = score_pacing(_call((0.5, 10, 22), (0.5, 10, 25), (0.5, 10, 33), locale=locale))
    assert not any(f.rule == "pacing.speeding-up" for f in result.findings)


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_speeding_up_ignores_the_unrated_stock_phrases(locale):
    calm = [(0.5, 10, 24), (0.5, 10, 25), (0.5, 10, 24), (0.5, 10, 25)]
    goodbyes = [(0.5, 1.5, 8), (0.5, 1.2, 7)]  # 320 and 350 wpm, said by rote
    result = score_pacing(_call(*calm, *goodbyes, locale=locale))
    assert _rules(result) == ["pacing.in-band"] * 4


def test_speeding_up_is_reported_on_the_last_rated_turn():
    calm = [(0.5, 10, 24), (0.5, 10, 25)]
    result = score_pacing(_call(*calm, (0.5, 10, 30), (0.5, 10, 31), (0.5, 1.5, 8)))
    finding = next(f for f in result.findings if f.rule == "pacing.speeding-up")
    assert finding.turn == 7  # the fourth agent turn, not the quick goodbye after it
    assert "147" in finding.message and "183" in finding.message
