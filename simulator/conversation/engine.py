"""The conversation engine: plays a scenario turn by turn and keeps the customer's mood.

The engine knows nothing about screens, speakers or microphones. It is given
the agent's replies (typed or recognised, with timings when there are any),
scores each reply with the same rules the final scorecard uses, lets the
persona react, and picks the next customer line.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from scoring.behaviours import ignores, repeats_earlier, turn_evidence
from scoring.findings import Finding
from scoring.interruptions import overlap
from scoring.objectives import check_all
from scoring.pacing import PacingBands
from scoring.ruleset import RuleSet
from scoring.spoken import normalise
from scoring.transcript import MeasuredPacing, Segment, Transcript, Turn, Word
from simulator.conversation.branches import MainPath, Reading, choose, main_path
from simulator.conversation.personas import PERSONAS
from simulator.conversation.scenario import Branch, Line, Outcome, Scenario, Tag
from simulator.conversation.stock_lines import HANGUP_LINES, IGNORED_LINES, REPEATED_LINES
from simulator.conversation.templating import render

# Below this mood a line's sharper wordings are used, from this one its calmer ones.
SHARPER_BELOW = 35
CALMER_FROM = 65


@dataclass(frozen=True)
class Said:
    """One rendered customer line."""

    text: str
    tag: Tag


@dataclass(frozen=True)
class CustomerTurn:
    """What the customer says now, and whether it ends the call."""

    node: str
    lines: tuple[Said, ...]
    mood: int
    end: Outcome | None = None

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


@dataclass(frozen=True)
class Timing:
    """When a customer turn played: its start and end, and each line's."""

    start: float
    end: float
    lines: tuple[tuple[float, float], ...] = ()
    stopped: float | None = None
    """When the customer stopped because the agent cut in; ``end`` stays when they would
    have finished, so the cut shows as an interruption."""


@dataclass
class AgentReply:
    """What the agent said, with timings when it was spoken."""

    text: str
    start: float | None = None
    end: float | None = None
    words: list[Word] | None = None
    audio: str | None = None
    measured: MeasuredPacing | None = None
    goes_on: bool = False
    """The agent's last reply, gone on with: they spoke again as the customer started
    answering, and the customer gave way. This reply, the whole of it, replaces the
    last (:meth:`Conversation.take_back`)."""

    @property
    def silent(self) -> bool:
        """The agent said nothing: no words, and no speech heard (speech has a start)."""
        return not self.text.strip() and self.start is None

    @property
    def unheard(self) -> bool:
        """The agent spoke but no word of it is known: spoken with no recogniser (or
        none it could make out). Its timing counts; its words cannot be judged."""
        return not self.text.strip() and self.start is not None

    def as_turn(self) -> Turn:
        """The reply as a turn of the transcript."""
        return Turn(
            speaker="agent",
            text=self.text,
            start=self.start,
            end=self.end,
            words=self.words,
            audio=self.audio,
            measured=self.measured,
        )


@dataclass(frozen=True)
class Step:
    """What one reply did: the findings, the mood change and the branch taken."""

    findings: tuple[Finding, ...]
    mood_before: int
    mood_after: int
    reasons: tuple[str, ...]
    branch: Branch | None
    branch_index: int | None
    next: CustomerTurn


_BeforeReply = tuple[int, int, int, str, "Outcome | None", int, tuple[Any, ...]]
"""What a reply changes, as it was before: turns, mood, moods, node, outcome, steps and
the customer's choice of wordings."""


@dataclass
class Conversation:
    """A scenario being played."""

    scenario: Scenario
    agent_name: str
    rules: RuleSet
    bands: PacingBands | None = None
    seed: int | None = None
    """Makes the customer's choice of wordings repeatable (None: new each session)."""
    mood: int = field(init=False)
    node: str = field(init=False)
    transcript: Transcript = field(init=False)
    steps: list[Step] = field(default_factory=list, init=False)
    moods: list[int] = field(default_factory=list, init=False)
    outcome: Outcome | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.rules.locale != self.scenario.locale:
            raise ValueError(f"{self.rules.locale!r} rules for a {self.scenario.locale!r} call")
        self.persona = PERSONAS[self.scenario.persona]
        self.rng = random.Random(self.seed)
        self.mood = self.scenario.mood
        self.node = self.scenario.start
        self.moods = [self.mood]
        self._main_path: MainPath | None = None
        self._before_reply: _BeforeReply | None = None
        self.variables = {
            **self.scenario.variables,
            "customer_name": self.scenario.customer_name,
            "agent_name": self.agent_name,
        }
        self.transcript = Transcript(
            locale=self.scenario.locale,
            customer_name=self.scenario.customer_name,
            scenario=self.scenario.id,
        )

    def render(self, text: str) -> str:
        """A scenario text (brief, objective, line) with its variables filled in."""
        return render(text, self.variables)

    @property
    def finished(self) -> bool:
        return self.outcome is not None

    def _wording(self, line: Line) -> str:
        """One wording of ``line``, as the customer's mood now has it."""
        choices = line.text
        if self.mood < SHARPER_BELOW and line.sharper:
            choices = line.sharper
        elif self.mood >= CALMER_FROM and line.calmer:
            choices = line.calmer
        return render(self.rng.choice(choices), self.variables)

    def _customer_turn(self, node_id: str) -> CustomerTurn:
        node = self.scenario.nodes[node_id]
        lines = tuple(Said(self._wording(line), line.tag) for line in node.customer)
        return CustomerTurn(node_id, lines, self.mood, node.end)

    def _rebuff_for(
        self, index: int, reply: AgentReply, findings: list[Finding]
    ) -> dict[str, tuple[str, ...]] | None:
        """The push-back a reply earns: it says an earlier one again, or, committing to
        nothing, it leaves the customer's question (in the complaint, not a digression)
        unanswered."""
        if repeats_earlier(self.transcript, index) is not None:
            return REPEATED_LINES
        previous = self.transcript.previous_customer(index)
        if previous is None:
            return None
        turn = previous[1]
        asked = " ".join(s.text for s in turn.segments or [] if s.tag == "core") or turn.text
        commits = any(f.category in ("offer_help", "next_step") for f in findings)
        unanswered = not commits and ignores(asked, reply.text, self.scenario.locale)
        return IGNORED_LINES if unanswered else None

    def _rebuff(self, lines: dict[str, tuple[str, ...]]) -> CustomerTurn:
        """The customer pushing back on a reply that earns nothing; the call stays put."""
        said = Said(self.rng.choice(lines[self.scenario.locale]), "core")
        return CustomerTurn(self.node, (said,), self.mood)

    def _hangup_turn(self) -> CustomerTurn:
        if self.scenario.on_hangup:
            return self._customer_turn(self.scenario.on_hangup)
        line = Said(HANGUP_LINES[self.scenario.locale], "core")
        return CustomerTurn("hang-up", (line,), self.mood, "hung_up")

    def _say(self, turn: CustomerTurn) -> CustomerTurn:
        self.transcript.turns.append(
            Turn(
                speaker="customer",
                text=turn.text,
                segments=[Segment(text=s.text, tag=s.tag) for s in turn.lines],
            )
        )
        if turn.end:
            self.outcome = turn.end
        return turn

    def start(self) -> CustomerTurn:
        """The customer's opening turn."""
        return self._say(self._customer_turn(self.node))

    def customer_timing(self, timing: Timing) -> None:
        """Record when the last customer turn actually played (voice mode)."""
        turn = self.transcript.turns[-1]
        turn.start, turn.end, turn.stopped = timing.start, timing.end, timing.stopped
        for segment, (start, end) in zip(turn.segments or [], timing.lines, strict=False):
            segment.start, segment.end = start, end

    def interrupted(self, reply: AgentReply) -> Tag | None:
        """Which kind of segment the reply cut into, if it cut into one: judged as the
        scorecard judges it (:func:`scoring.interruptions.overlap`)."""
        turns = [*self.transcript.turns, reply.as_turn()]
        event = overlap(self.transcript.model_copy(update={"turns": turns}), len(turns) - 1)
        kind = event["kind"] if event else None
        return kind if kind in ("core", "digression") else None

    def reply(self, reply: AgentReply) -> Step:
        """Take the agent's reply, react, and move to the next customer turn."""
        if self.finished:
            raise RuntimeError("the conversation is over")
        index = len(self.transcript.turns)
        self._before_reply = (
            index,
            self.mood,
            len(self.moods),
            self.node,
            self.outcome,
            len(self.steps),
            self.rng.getstate(),
        )
        cut_into = self.interrupted(reply)
        self.transcript.turns.append(reply.as_turn())
        # read in context, as the scorecard reads it: a repeated formula earns nothing
        findings = turn_evidence(self.transcript, index, self.rules.rules)
        before = self.mood
        rebuff = None
        # a phrase to avoid takes its branch (the customer is hurt), whatever else; words
        # nobody heard cannot repeat an earlier reply or leave a question unanswered
        if not reply.unheard and not any(f.dimension == "avoided_phrases" for f in findings):
            rebuff = self._rebuff_for(index, reply, findings)
        if rebuff is not None:
            # pushed back: its kind words earn nothing
            findings = [f for f in findings if f.dimension != "empathy"]
        reasons = self._react(findings, reply, cut_into)
        if rebuff is not None:
            self.mood = max(0, self.mood + self.persona.silence)
            reasons.append(
                f"{self.persona.silence:+d} "
                + ("said again" if rebuff is REPEATED_LINES else "did not answer the question")
            )
        self.moods.append(self.mood)
        replies = sum(1 for t in self.transcript.turns if t.speaker == "agent")

        branch, branch_index = None, None
        if self.mood < self.persona.hangup_below:
            reasons.append(f"mood {self.mood} < {self.persona.hangup_below}: hangs up")
            nxt = self._hangup_turn()
        elif replies >= self.scenario.max_turns:
            reasons.append(f"{replies} replies: the call stops")
            node = self._customer_turn(self.node)
            nxt = CustomerTurn(node.node, (), self.mood, "stopped")
        elif rebuff is not None:
            nxt = self._rebuff(rebuff)
        else:
            branch_index, branch = self._choose(findings, reply, cut_into)
            self.node = branch.goto
            nxt = self._customer_turn(self.node)
        if nxt.lines:
            self._say(nxt)
        else:
            self.outcome = nxt.end
        step = Step(tuple(findings), before, self.mood, tuple(reasons), branch, branch_index, nxt)
        self.steps.append(step)
        return step

    def take_back(self) -> None:
        """Undo the last reply and what the customer said after it, as if neither had
        been said: in a spoken call, the agent went on speaking as the customer started,
        and the customer gave way (the reply that goes on replaces this one)."""
        if self._before_reply is None:
            raise RuntimeError("no reply to take back")
        turns, self.mood, moods, self.node, self.outcome, steps, rng = self._before_reply
        del self.transcript.turns[turns:], self.moods[moods:], self.steps[steps:]
        self.rng.setstate(rng)
        self._before_reply = None

    def stop(self) -> None:
        """The agent ended the session early."""
        if not self.finished:
            self.outcome = "stopped"

    def _react(self, findings: list[Finding], reply: AgentReply, cut_into: Tag | None) -> list[str]:
        p = self.persona
        reasons: list[str] = []
        delta = p.drift
        if p.drift:
            reasons.append(f"{p.drift:+d} persona drift")
        empathy = {f.category for f in findings if f.dimension == "empathy" and f.category}
        if empathy:
            delta += p.per_empathy * len(empathy)
            reasons.append(
                f"{p.per_empathy * len(empathy):+d} empathy ({', '.join(sorted(empathy))})"
            )
        if "next_step" in empathy:
            delta += p.next_step
            reasons.append(f"{p.next_step:+d} concrete next step")
        avoided = [f for f in findings if f.dimension == "avoided_phrases"]
        if avoided:
            delta += p.per_avoided_phrase * len(avoided)
            quotes = ", ".join(f"'{f.quote}'" for f in avoided)
            reasons.append(f"{p.per_avoided_phrase * len(avoided):+d} avoided phrase ({quotes})")
        if cut_into == "core":
            delta += p.talk_over_core
            reasons.append(f"{p.talk_over_core:+d} talked over the complaint")
        elif cut_into == "digression" and "name" in empathy:
            delta += p.steer_with_name
            reasons.append(f"{p.steer_with_name:+d} steered back with their name")
        if reply.silent:
            delta += p.silence
            reasons.append(f"{p.silence:+d} silence")
        elif reply.unheard:
            reasons.append("words not recognised: the main path")
        self.mood = max(0, min(100, self.mood + delta))
        return reasons

    def _choose(
        self, findings: list[Finding], reply: AgentReply, cut_into: Tag | None
    ) -> tuple[int, Branch]:
        reading = Reading(
            empathy=frozenset(
                f.category for f in findings if f.dimension == "empathy" and f.category
            ),
            avoided=any(f.dimension == "avoided_phrases" for f in findings),
            said=normalise(reply.text, self.scenario.locale).text,
            cut_into=cut_into,
            silent=reply.silent,
            mood=self.mood,
            words_known=not reply.unheard,
        )
        return choose(self.scenario, self.node, reading, self.objectives_met, self.main_path)

    def main_path(self) -> MainPath:
        """The way the scenario's model answer goes (the path its author expects, else the
        one it takes when played), followed when a reply's words are unknown."""
        if self._main_path is None:
            example = self.scenario.model_answer()
            visited = list(example.expect.path or []) if example else []
            if example is not None and not visited:
                walk = Conversation(
                    self.scenario, self.agent_name, self.rules, self.bands, example.seed
                )
                visited = [walk.start().node]
                for text in example.replies:
                    if not walk.finished:
                        visited.append(walk.reply(AgentReply(text)).next.node)
            self._main_path = main_path(self.scenario, visited)
        return self._main_path

    def objectives_met(self) -> set[str]:
        """The ids of the scenario's objectives the call has met so far."""
        objectives = self.scenario.checked_objectives
        results = check_all(self.transcript, objectives, self.rules.for_dimension("empathy"))
        return {r.id for r in results if r.met}
