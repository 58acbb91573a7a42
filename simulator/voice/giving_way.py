"""When the customer gives way: the agent went on with a reply that had been taken as
over, just as the customer started answering it (docs/voice.md, "When your turn ends").

People who start talking together at the end of a sentence sort it out at once: one
stops. Here the customer does, and the two parts of the agent's reply are one turn.
"""

from __future__ import annotations

from simulator.voice.devices import Playback

GIVE_WAY = 1.0
"""Seconds into the customer's answer within which an agent who goes on speaking is
going on with their reply: the customer gives way instead of being interrupted."""
SHORT_WAITS = ("complete", "unknown")
"""How the smart end of turn ended a reply the agent may go on with (``ended_by``): the
0.35 s after a finished phrase, the ``end_of_turn`` silence when no words could tell —
not the long wait after a phrase left hanging, nor the fixed-silence mode."""


def goes_on(last_ended_by: str | None, answer: Playback | None, moment: float) -> bool:
    """Is speech starting at ``moment`` the agent going on with their last reply, which
    ended as ``last_ended_by`` says (None: there is none), while the customer's
    ``answer`` plays? It is when that reply ended on one of the smart mode's short
    waits and the answer began less than :data:`GIVE_WAY` seconds before, or has not
    begun (the agent went on while it was being chosen)."""
    return (
        last_ended_by in SHORT_WAITS
        and answer is not None
        and moment < min(answer.start + GIVE_WAY, answer.end)
    )
