import pytest

from scoring.pacing import DEFAULT_BANDS, score_pacing, turn_wpm
from scoring.transcript import MeasuredPacing, Transcript, Turn, Word


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
    assert [f.rule for f in result.findings] == ["pacing.in-band"]


def test_too_fast_is_flagged_with_the_rate_and_a_fix():
    result = score_pacing(_call((0.5, 10, 40)))  # 240 wpm
    finding = next(f for f in result.findings if f.rule == "pacing.too-fast")
    assert "240" in finding.message
    assert finding.suggestion and "pause" in finding.suggestion.lower()
    assert result.score < 100


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
