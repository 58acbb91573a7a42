"""Run a practice session: play the scenario, save every turn as it happens, score at the end."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from scoring.scorecard import Scorecard, score_transcript
from simulator.conversation.engine import AgentReply, Conversation, CustomerTurn, Step, Timing


class SessionSink(Protocol):
    """Where a session is kept as it happens (the session store, in the product)."""

    def start(self, agent: str, scenario: str, locale: str, meta: dict | None = None) -> str: ...

    def save_transcript(
        self, session_id: str, transcript: dict, extra: dict | None = None
    ) -> None: ...

    def finish(
        self, session_id: str, outcome: str | None, scorecard: dict, extra: dict | None = None
    ) -> None: ...


class CustomerVoice(Protocol):
    """Gives the customer's turn to the trainee (printed, spoken…); returns when it played."""

    def say(self, turn: CustomerTurn) -> Timing | None: ...

    def heard(self) -> Timing | None:
        """The last turn's timing as actually heard (cut short if the agent barged in)."""
        ...


class AgentEars(Protocol):
    """Takes the trainee's reply (typed, recognised…); None when the trainee ends the session."""

    def listen(self, turn: CustomerTurn) -> AgentReply | None: ...

    def settle(self) -> None:
        """Finish any work still running on past turns (pace measured, audio written)."""
        ...


def score_conversation(conversation: Conversation) -> Scorecard:
    """The call's scorecard: the scenario's weights, its model lines for suggestions, its
    objectives checked, and how the call ended weighed in the overall."""
    scenario = conversation.scenario
    return score_transcript(
        conversation.transcript,
        conversation.rules,
        scenario.weights.model_dump(),
        conversation.bands,
        scenario.suggested_lines(),
        scenario.checked_objectives,
        conversation.outcome or "stopped",
    )


def run_session(
    conversation: Conversation,
    customer: CustomerVoice,
    agent: AgentEars,
    store: SessionSink | None = None,
    on_step: Callable[[Step], None] | None = None,
    on_start: Callable[[str], None] | None = None,
) -> tuple[str | None, Scorecard]:
    """Play the whole conversation; returns the stored session id and the scorecard."""
    scenario = conversation.scenario
    session_id = None
    if store is not None:
        session_id = store.start(
            conversation.agent_name,
            scenario.id,
            scenario.locale,
            {"persona": scenario.persona, "title": scenario.title},
        )
        if on_start is not None:
            on_start(session_id)

    def save() -> None:
        if store is not None and session_id is not None:
            store.save_transcript(
                session_id, conversation.transcript.model_dump(), {"moods": conversation.moods}
            )

    turn = conversation.start()
    try:
        while True:
            timing = customer.say(turn)
            if timing is not None:
                conversation.customer_timing(timing)
            save()
            if conversation.finished:
                break
            reply = agent.listen(turn)
            heard = customer.heard()
            if heard is not None:
                conversation.customer_timing(heard)
            if reply is None:
                conversation.stop()
                break
            if reply.goes_on:  # the customer gave way: what they started is unsaid
                conversation.take_back()
            step = conversation.reply(reply)
            save()
            if on_step is not None:
                on_step(step)
            turn = step.next
    finally:
        # Whatever happened (an error, Ctrl+C), the completed turns are already saved
        # and the session is scored on what there is.
        agent.settle()
        save()
        card = score_conversation(conversation)
        if store is not None and session_id is not None:
            store.finish(
                session_id,
                conversation.outcome or "stopped",
                card.to_dict(),
                {"moods": conversation.moods},
            )
    return session_id, card
