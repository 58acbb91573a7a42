"""Runs a practice session on a worker thread and reports each event to the screen.

The session itself is the same as on the command line (:func:`run_session`): it
saves every turn as it happens and scores at the end, whatever ends it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from simulator.conversation.engine import AgentReply, Conversation, CustomerTurn, Timing
from simulator.conversation.session import run_session
from simulator.store.practice import PracticeSink
from simulator.store.sessions import SessionStore

if TYPE_CHECKING:  # the voice stack loads only when a spoken call starts
    from simulator.voice.echo import EchoPath
    from simulator.voice.rig import VoiceRig


class TypedReplies:
    """Replies typed in the screen's input, handed over through a queue."""

    def __init__(self) -> None:
        self.replies: queue.Queue[str | None] = queue.Queue()

    def send(self, text: str | None) -> None:
        self.replies.put(text)

    def listen(self, turn: CustomerTurn) -> AgentReply | None:
        text = self.replies.get()
        return None if text is None else AgentReply(text=text)

    def settle(self) -> None:
        return None


class SessionBridge:
    """The worker side: call :meth:`run` on a thread; events arrive through ``post``."""

    def __init__(
        self,
        conversation: Conversation,
        store: SessionStore,
        post: Callable[[str, Any], None],
        rig: VoiceRig | None = None,
    ) -> None:
        self.conversation = conversation
        self.store = store
        self.post = post
        self.rig = rig
        self.typed = TypedReplies() if rig is None else None
        self.stopping = threading.Event()
        self.ended = threading.Event()
        self.session_id: str | None = None

    def send(self, text: str) -> None:
        if self.typed is not None:
            self.typed.send(text)

    def stop(self) -> None:
        """End the session: what was said is kept and scored."""
        self.stopping.set()
        if self.typed is not None:
            self.typed.send(None)
        if self.rig is not None and not self.ended.is_set():
            self.rig.stop()  # a call that ended by itself keeps its last line playing

    def run(self) -> None:
        bridge = self

        class Customer:
            def say(self, turn: CustomerTurn) -> Timing | None:
                bridge.post("customer", turn)
                return bridge.rig.customer.say(turn) if bridge.rig else None

            def heard(self) -> Timing | None:
                return bridge.rig.customer.heard() if bridge.rig else None

        class Agent:
            def listen(self, turn: CustomerTurn) -> AgentReply | None:
                if bridge.stopping.is_set():
                    return None
                source = bridge.rig.agent if bridge.rig else bridge.typed
                reply = source.listen(turn)
                if reply is not None:
                    bridge.post("agent", reply)
                return reply

            def settle(self) -> None:
                if bridge.rig is not None:
                    bridge.rig.agent.settle()

        check: EchoPath | None = None

        def started(session_id: str) -> None:
            self.session_id = session_id
            if self.rig is not None and self.audio_root is not None:
                self.rig.record_into(self.audio_root / session_id)
            if check is not None:
                record = check.as_record()
                self.store.change_many([session_id], lambda r: r.update(sound_check=record))

        try:
            if self.rig is not None:
                # does the microphone hear the speakers? then say so, and cancel their echo
                check = self.rig.sound_check()
                if check is not None and check.heard:
                    self.post("echo", check)
            session_id, card = run_session(
                self.conversation,
                Customer(),
                Agent(),
                PracticeSink(self.store),
                on_step=lambda step: self.post("step", step),
                on_start=started,
            )
        except Exception as exc:  # reported on screen; the turns are already saved
            self.post("failed", exc)
            return
        finally:
            self.ended.set()
            if self.rig is not None:
                self.rig.agent.close()
        self.post("finished", (session_id, card))

    audio_root: Any = None
