"""A trainee who never stops: plays sessions back to back on a real database file.

Run as a separate process by the kill-loop and two-writer tests. After each turn is
saved it prints ``saved <session id> <agent turns>``, so the test knows which turns
were complete when it killed the process.

    python practise_forever.py DB [SESSIONS] [AGENT]
"""

from __future__ import annotations

import sys

from simulator.authoring.library import find_scenario
from simulator.authoring.packs import rules_for
from simulator.conversation.engine import AgentReply, Conversation
from simulator.conversation.session import run_session
from simulator.store.sessions import SessionStore, open_database

REPLIES = [
    "Je comprends votre agacement, Monsieur Balagtas, je suis désolé.",
    "Si je comprends bien, l'option a été ajoutée sans votre accord.",
    "Je retire l'option aujourd'hui, vous recevrez un e-mail d'ici vendredi.",
]


class Silent:
    def say(self, turn):  # type: ignore[no-untyped-def]
        return None

    def heard(self):  # type: ignore[no-untyped-def]
        return None


class Scripted:
    def __init__(self, conversation: Conversation, store: SessionStore) -> None:
        self.replies = list(REPLIES)
        self.conversation = conversation
        self.store = store
        self.session_id: str | None = None

    def listen(self, turn):  # type: ignore[no-untyped-def]
        return AgentReply(self.replies.pop(0)) if self.replies else None

    def settle(self) -> None:
        pass


def main() -> None:
    db, count, agent = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10**9, "Alex"
    if len(sys.argv) > 3:
        agent = sys.argv[3]
    store = SessionStore(open_database(db))
    scenario = find_scenario("fr-facture-contestee")
    for _ in range(count):
        conversation = Conversation(scenario, agent, rules_for(scenario.locale))
        ears = Scripted(conversation, store)
        started: list[str] = []

        def step(_step, started=started, conversation=conversation) -> None:  # type: ignore[no-untyped-def]
            turns = sum(1 for t in conversation.transcript.turns if t.speaker == "agent")
            print(f"saved {started[0]} {turns}", flush=True)

        session_id, _ = run_session(
            conversation, Silent(), ears, store, on_step=step, on_start=started.append
        )
        print(f"scored {session_id}", flush=True)


if __name__ == "__main__":
    main()
