"""Interruptions: talking over a complaint versus steering a digression back.

An agent turn that starts while the customer is still speaking may be an
interruption. Cutting into the complaint itself (a ``core`` segment) is negative;
cutting into a ``digression`` to bring the call back on track is a skill, best done
with the customer's name ("M. Balagtas, nous devons d'abord…").

Not everything that overlaps is talking over someone:

- starting a fraction of a second early, or in the customer's last second, is how
  people take turns — unless the customer was cut off (their words end on a dash, or
  they kept talking into the agent's turn);
- backchannels ("mm", "d'accord", "I see") and echoes of what the customer is
  dictating ("two seventeen") show listening;
- speech that is not the complaint — greetings, thanks, goodbyes, pleasantries — is not
  the complaint, whoever talks over it. Tagged segments say what is core; untagged
  speech is judged from its words (:mod:`scoring.speech_acts`).
"""

from __future__ import annotations

from typing import Literal

from scoring.findings import Finding
from scoring.messages import say
from scoring.names import says_name
from scoring.result import DimensionResult, clamp
from scoring.speech_acts import clean, cut_off, echoes, is_backchannel, is_courtesy, sentences
from scoring.spoken import words
from scoring.transcript import Run, Tag, Transcript, Turn

# An agent who starts within this many seconds of the customer's end is taking the
# turn, not talking over it (turn-taking overlaps by a fraction of a second).
OVERLAP_TOLERANCE = 0.25
# Listeners start answering as they hear a sentence coming to its end: an agent who
# starts in the customer's last second, once the customer has said what they had to
# say, takes the turn. Not when the customer was cut off or keeps talking.
END_OF_TURN_SECONDS = 1.0
# An untagged stretch this short around the cut is judged with the words that led to it.
_MIN_CONTEXT_WORDS = 4
# Speech whose words are unknown (spoken with no recogniser) is taken for a backchannel
# ("mhm") when it lasts no longer than this; longer, it is the agent talking.
BACKCHANNEL_SECONDS = 1.0

PENALTY_CORE = 25
PENALTY_DIGRESSION_NO_NAME = 5

Kind = Literal["core", "digression", "courtesy", "backchannel"]


def segment_at(turn: Turn, time: float) -> Tag:
    """What the customer was saying at ``time``: the tag of that segment (core by default)."""
    for segment in turn.segments or []:
        if (
            segment.start is not None
            and segment.end is not None
            and (segment.start <= time < segment.end)
        ):
            return segment.tag
    return "core"


def _tagged_at(turn: Turn, time: float) -> Tag | None:
    """The tag of the timed segment under way at ``time``; None when none is timed."""
    timed = [s for s in turn.segments or [] if s.start is not None and s.end is not None]
    return segment_at(turn, time) if timed else None


def _words_from(turn: Turn, time: float) -> tuple[str, str]:
    """The sentence the customer was in at ``time``, and what they said from then on
    (at least a few words): from word timings when known, else from an even pace."""
    text = clean(turn.text)
    spoken = words(text)
    if not spoken:
        return "", ""
    if turn.words and all(w.start is not None for w in turn.words):
        done = sum(1 for w in turn.words if w.start is not None and w.start < time)
        done = max(0, done - 1)  # the word under way is still being said
    elif turn.start is not None and turn.end is not None and turn.end > turn.start:
        share = (time - turn.start) / (turn.end - turn.start)
        done = int(max(0.0, min(1.0, share)) * len(spoken))
    else:
        done = len(spoken) - 1
    done = min(done, len(spoken) - 1)
    rest = " ".join(spoken[min(done, max(0, len(spoken) - _MIN_CONTEXT_WORDS)) :])
    seen = 0
    for sentence in sentences(text):
        seen += len(words(sentence))
        if seen > done:
            return sentence, rest
    return sentences(text)[-1], rest


def said_at(turn: Turn, time: float, locale: str) -> Kind:
    """What kind of speech the customer was in at ``time``: a tagged segment's tag, else
    courtesy or a backchannel when the words say so, else the complaint (core)."""
    tag = _tagged_at(turn, time)
    if tag is not None:
        return tag
    sentence, rest = _words_from(turn, time)
    if is_backchannel(sentence, locale) or is_backchannel(turn.text, locale):
        return "backchannel"
    if any(is_courtesy(part, locale) for part in (turn.text, sentence, rest) if part):
        return "courtesy"
    return "core"


def _customer_at(run: Run, time: float) -> Turn:
    """The customer turn of ``run`` under way at ``time`` (else the last one begun)."""
    begun = [t for t in run.turns if t.start is None or t.start <= time] or [run.turns[0]]
    for turn in begun:
        if turn.start is not None and turn.end is not None and turn.start <= time < turn.end:
            return turn
    return begun[-1]


def _keeps_talking(transcript: Transcript, index: int, turn: Turn) -> bool:
    """The customer carries on speaking into the agent's turn: they had not finished."""
    if turn.start is None or turn.end is None:
        return False
    for after in transcript.turns[index + 1 :]:
        if after.speaker != "customer":
            continue
        return (
            after.start is not None
            and turn.start < after.start < turn.end
            and not is_backchannel(after.text, transcript.locale)
        )
    return False


def overlap(transcript: Transcript, index: int) -> dict | None:
    """What agent turn ``index`` started over, if it started while the customer was still
    speaking: ``{"turn", "time", "customer_turn", "kind"}`` where kind is ``core``,
    ``digression``, ``courtesy``, ``backchannel`` or ``end_of_turn``. None when it did
    not overlap (or the timing is unknown). The live customer and the scorecard both
    judge an interruption with this."""
    turn = transcript.turns[index]
    before = [run for run in transcript.runs() if run.indices[-1] < index]
    customer = next((run for run in reversed(before) if run.speaker == "customer"), None)
    if customer is None or turn.start is None or customer.end is None:
        return None
    overlap = customer.end - turn.start
    if overlap <= 0:
        return None
    on = _customer_at(customer, turn.start)
    customer_index = customer.indices[customer.turns.index(on)]
    unfinished = cut_off(on.text) or _keeps_talking(transcript, index, turn)
    if not unfinished and overlap <= OVERLAP_TOLERANCE:
        return None
    event = {"turn": index, "time": turn.start, "customer_turn": customer_index}
    locale = transcript.locale
    if not unfinished and overlap <= END_OF_TURN_SECONDS:
        return {**event, "kind": "end_of_turn"}
    if _listening(turn, on, locale):
        return {**event, "kind": "backchannel"}
    return {**event, "kind": said_at(on, turn.start, locale)}


def _listening(turn: Turn, on: Turn, locale: str) -> bool:
    """The agent's overlap shows listening: a backchannel or an echo, or, with its words
    unknown, a sound too short to be more."""
    if not turn.text.strip():
        length = None if turn.start is None or turn.end is None else turn.end - turn.start
        return length is None or length <= BACKCHANNEL_SECONDS
    return is_backchannel(turn.text, locale) or echoes(turn.text, on.text, locale)


def score_interruptions(transcript: Transcript) -> DimensionResult:
    """Score how the agent used interruptions; None when no turn has timing."""
    locale = transcript.locale
    name = transcript.customer_name
    findings: list[Finding] = []
    events: list[dict] = []
    timed = False
    penalty = 0

    for index, turn in transcript.agent_turns():
        previous = transcript.previous_customer(index)
        if previous is None or turn.start is None or previous[1].end is None:
            continue
        timed = True
        event = overlap(transcript, index)
        if event is None:
            continue
        events.append(event)
        kind = event["kind"]
        if kind == "end_of_turn":
            continue
        if kind in ("courtesy", "backchannel"):
            continue
        if kind == "core":
            penalty += PENALTY_CORE
            findings.append(
                Finding(
                    "interruptions",
                    "interruptions.talk-over-core",
                    "negative",
                    "error",
                    say("talk_over_core", locale),
                    index,
                    turn.start,
                    turn.text[:80],
                    say("talk_over_core.fix", locale),
                )
            )
            continue
        if not turn.text.strip():
            continue  # steered back, with or without the name: its words are unknown
        used = says_name(turn.text, name, locale)
        if used:
            findings.append(
                Finding(
                    "interruptions",
                    "interruptions.steer-with-name",
                    "positive",
                    "info",
                    say("steer_with_name", locale),
                    index,
                    turn.start,
                    used,
                )
            )
        else:
            penalty += PENALTY_DIGRESSION_NO_NAME
            findings.append(
                Finding(
                    "interruptions",
                    "interruptions.steer-without-name",
                    "positive",
                    "suggestion",
                    say("steer_without_name", locale),
                    index,
                    turn.start,
                    turn.text[:80],
                    say("steer_without_name.fix", locale, name=name or "…"),
                )
            )

    if not timed:
        return DimensionResult("interruptions", None, [], {"events": []}, skipped="no_timing")
    return DimensionResult("interruptions", clamp(100 - penalty), findings, {"events": events})
