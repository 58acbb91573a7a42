"""Typed practice: the customer's lines are printed, the agent's replies are read line by line."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

import click

from scoring.scorecard import Scorecard
from simulator.conversation.engine import AgentReply, Conversation, CustomerTurn, Step
from simulator.conversation.session import SessionSink, run_session
from simulator.i18n.catalogue import text


class PrintedCustomer:
    """Shows what the customer says on a text stream."""

    def __init__(self, out: TextIO, locale: str, show_mood: bool = False) -> None:
        self.out = out
        self.locale = locale
        self.show_mood = show_mood

    def say(self, turn: CustomerTurn) -> None:
        mood = f" ({text('call.mood', self.locale)} {turn.mood}/100)" if self.show_mood else ""
        for line in turn.lines:
            self.out.write(f"{text('word.customer', self.locale)}{mood}: {line.text}\n")
            mood = ""
        self.out.flush()

    def heard(self) -> None:
        return None


class TypedAgent:
    """Reads one reply per line; an empty line or the end of input ends the session."""

    def __init__(self, source: TextIO, out: TextIO, locale: str, prompt: bool = True) -> None:
        self.source = source
        self.out = out
        self.locale = locale
        self.prompt = prompt

    def listen(self, turn: CustomerTurn) -> AgentReply | None:
        if self.prompt:
            self.out.write(f"{text('word.you', self.locale)}> ")
            self.out.flush()
        line = self.source.readline()
        if not line.strip():
            if self.prompt:
                self.out.write("\n")
            return None
        return AgentReply(text=line.strip())

    def settle(self) -> None:
        return None


def announce(conversation: Conversation, typed: bool) -> None:
    """The brief and the objectives, before the customer speaks."""
    scenario = conversation.scenario
    locale = scenario.locale
    click.echo(f"{scenario.title} — {scenario.customer_name}")
    click.echo(f"{text('call.brief', locale)}: {conversation.render(scenario.brief).strip()}")
    click.echo(f"{text('call.objectives', locale)}:")
    for objective in scenario.objective_texts():
        click.echo(f"  - {conversation.render(objective)}")
    if typed:
        click.echo(text("call.typed_help", locale))
    click.echo("")


def run_typed(
    conversation: Conversation,
    store: SessionSink | None,
    show_mood: bool,
    on_step: Callable[[Step], None] | None = None,
) -> tuple[str | None, Scorecard]:
    """A typed call on this terminal (or piped replies, echoed so the log reads well)."""
    locale = conversation.scenario.locale
    out = sys.stdout
    interactive = sys.stdin.isatty()

    class EchoedAgent(TypedAgent):
        def listen(self, turn: CustomerTurn) -> AgentReply | None:
            reply = super().listen(turn)
            if reply is not None and not interactive:
                self.out.write(f"{text('word.you', locale)}: {reply.text}\n")
            return reply

    return run_session(
        conversation,
        PrintedCustomer(out, locale, show_mood),
        EchoedAgent(sys.stdin, out, locale, prompt=interactive),
        store,
        on_step=on_step,
    )
