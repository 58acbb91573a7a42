from pathlib import Path

import pytest

from simulator.authoring.library import load_all
from simulator.authoring.packs import rules_for
from simulator.cli.console import TypedAgent
from simulator.conversation.engine import Conversation
from simulator.conversation.session import run_session
from simulator.store.sessions import SessionStore, open_database
from simulator.tui.app import make_app

LIBRARY = load_all().scenarios

# Who said what in the seeded team database: three agents, two scenarios each.
TEAM = {
    "Alex": [
        "Je comprends votre agacement, Monsieur Balagtas, je suis désolé.",
        "Je retire l'option aujourd'hui, vous recevrez un e-mail d'ici vendredi.",
    ],
    "Sam": ["Je sais pas, c'est pas mon problème.", "Attendez."],
    "Jo": ["Bonjour.", "Je sais pas."],
}


class Silent:
    def say(self, turn):
        return None

    def heard(self):
        return None


class Scripted(TypedAgent):
    def __init__(self, replies):
        self.replies = list(replies)

    def listen(self, turn):
        from simulator.conversation.engine import AgentReply

        return AgentReply(self.replies.pop(0)) if self.replies else None


def seed_team(store: SessionStore) -> None:
    """Scored sessions with fixed dates, for review screens that look the same every run."""
    scenario = next(s for s in LIBRARY if s.id == "fr-facture-contestee")
    day = 1
    for agent, replies in TEAM.items():
        for attempt in range(2):
            session_id, _ = run_session(
                # the same wording every run: the pictures and figures stay the same
                Conversation(scenario, agent, rules_for(scenario.locale), seed=0),
                Silent(),
                Scripted(replies[: attempt + 1]),
                store,
            )
            session = store.get(session_id)
            session.started_at = f"2026-11-{day:02d}T09:00:00+00:00"
            session.ended_at = f"2026-11-{day:02d}T09:05:00+00:00"
            session.id = f"{agent.lower()}-{attempt}"
            store.delete([session_id])
            store.put(session)
            day += 1


@pytest.fixture
def store(tmp_path) -> SessionStore:
    return SessionStore(open_database(tmp_path / "roleplay.json"))


@pytest.fixture
def team_store(store) -> SessionStore:
    seed_team(store)
    return store


@pytest.fixture
def app_factory(tmp_path):
    def build(store, locale="en", **kwargs):
        return make_app(store, LIBRARY, audio_root=tmp_path / "audio", locale=locale, **kwargs)

    return build


DATA = Path(__file__).parent.parent / "data"
