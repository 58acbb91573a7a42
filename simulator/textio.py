"""Typed practice: the customer's lines are printed, the agent's replies are read line by line."""

from __future__ import annotations

from typing import TextIO

from simulator.engine import AgentReply, CustomerTurn
from simulator.labels import label


class PrintedCustomer:
    """Shows what the customer says on a text stream."""

    def __init__(self, out: TextIO, locale: str, show_mood: bool = False) -> None:
        self.out = out
        self.locale = locale
        self.show_mood = show_mood

    def say(self, turn: CustomerTurn) -> None:
        mood = f" ({label('mood', self.locale)} {turn.mood}/100)" if self.show_mood else ""
        for line in turn.lines:
            self.out.write(f"{label('customer', self.locale)}{mood}: {line.text}\n")
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
            self.out.write(f"{label('you', self.locale)}> ")
            self.out.flush()
        line = self.source.readline()
        if not line.strip():
            if self.prompt:
                self.out.write("\n")
            return None
        return AgentReply(text=line.strip())

    def settle(self) -> None:
        return None
