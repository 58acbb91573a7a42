"""The session store as a practice session writes to it.

A practice call is saved from its first line, so a crash loses nothing; but a call the
agent ended before saying anything (Enter, then Ctrl+E) holds nothing to review, and
is not kept once it ends.
"""

from __future__ import annotations

from simulator.store.sessions import SessionStore


class PracticeSink:
    """What :func:`simulator.conversation.session.run_session` writes to."""

    def __init__(self, store: SessionStore) -> None:
        self.store = store

    def start(self, agent: str, scenario: str, locale: str, meta: dict | None = None) -> str:
        return self.store.start(agent, scenario, locale, meta)

    def save_transcript(self, session_id: str, transcript: dict, extra: dict | None = None) -> None:
        self.store.save_transcript(session_id, transcript, extra)

    def finish(
        self, session_id: str, outcome: str | None, scorecard: dict, extra: dict | None = None
    ) -> None:
        self.store.finish(session_id, outcome, scorecard, extra, keep_silent=False)
